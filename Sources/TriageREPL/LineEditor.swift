/// What reading one line from the person produced.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-D or the end of piped input.
    case endOfInput
    /// Ctrl-C pressed twice: the person wants to leave.
    case interrupt
}

/// The terminal's line input, so the REPL works the same with readline or a plain reader.
public protocol LineEditor {
    mutating func readLine(prompt: String) -> LineInput
    /// What Tab should complete to for the next line.
    mutating func setCompletions(_ words: [String])
}

/// For pipes and files: no prompt, no escape codes, exactly the bytes that were typed.
public struct PlainLineReader: LineEditor {
    public init() {}
    public mutating func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }
    public mutating func setCompletions(_ words: [String]) {}
}
