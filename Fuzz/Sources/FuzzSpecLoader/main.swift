import TriageCore

/// Any bytes as a dialog spec: the loader and linter must report diagnostics, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Linter.check(text, file: "fuzz.yaml")
    return 0
}
