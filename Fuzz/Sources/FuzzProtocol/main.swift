import TriageCore

/// Any bytes as a received line: telnet stripping, UTF-8 checking, cleaning and the JSON message decoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    if case .success(let line) = LineDecoder.decode(bytes) {
        _ = JSONProtocol.decode(line)
        if let value = JSONValue.parse(line) {
            // Whatever parses must serialise and parse back to the same value.
            precondition(JSONValue.parse(value.serialized) == value)
        }
    }
    return 0
}

// SwiftPM links executables with `main` renamed to `FuzzProtocol_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzProtocol_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzz)
}
