import TriageCore

/// Any bytes as a transcript: parse, then compare against a conversation made of its own lines and render a diff.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let transcript = try? Transcript.parse(text, file: "fuzz.transcript") else { return 0 }
    let actual: [Transcript.Line.Kind] = transcript.lines.prefix(200).reversed().map { line in
        if case .anyLines = line.kind { return .output("x") }
        return line.kind
    }
    let comparison = TranscriptComparison(Transcript(file: transcript.file, header: transcript.header, headerLines: transcript.headerLines,
                                                     lines: Array(transcript.lines.prefix(200)), trailing: transcript.trailing),
                                          actual: actual)
    _ = comparison.unifiedDiff()
    _ = comparison.updatedText()
    return 0
}

// SwiftPM links executables with `main` renamed to `FuzzTranscript_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(_ argc: UnsafeMutablePointer<Int32>,
                     _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                     _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("FuzzTranscript_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var argc = argc
    var argv = argv
    return runFuzzerDriver(&argc, &argv, fuzz)
}
