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
