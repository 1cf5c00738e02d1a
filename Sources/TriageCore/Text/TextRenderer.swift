/// Renders events as plain text lines: the one rendering shared by `triage chat`, the TCP text
/// protocol and transcripts, so the same dialog reads the same everywhere.
public enum TextRenderer {
    public static func lines(for event: Event) -> [String] {
        switch event {
        case .say(let text): return split(text)
        case .error(_, let text): return split(text)
        case .ask(let prompt): return lines(for: prompt)
        case .outcome(_, let text, _): return split(text)
        case .booking, .bookingReady, .end: return []
        }
    }

    public static func lines(for events: [Event]) -> [String] {
        events.flatMap { lines(for: $0) }
    }

    /// A prompt's lines are worked out when it is built (`Prompt.lines`).
    public static func lines(for prompt: Prompt) -> [String] { prompt.lines }

    /// The events as text, each line ending in a newline (the line protocol's reply).
    public static func append(_ events: [Event], to out: inout String) {
        for event in events {
            for line in lines(for: event) {
                out.append(line)
                out.append("\n")
            }
        }
    }

    /// The question's text, its answer format after the last line, numbered options, then the note.
    static func lines(text: String, suffix: String?, choices: [Prompt.Option], note: String?) -> [String] {
        var lines = split(text)
        if let suffix {
            if lines.isEmpty { lines = [suffix] } else { lines[lines.count - 1] += " " + suffix }
        }
        for (index, choice) in choices.enumerated() {
            lines.append("  \(index + 1). \(choice.label)")
        }
        if let note { lines += split(note) }
        return lines
    }

    /// Splits on newlines and drops trailing spaces and a trailing empty line (YAML block scalars end with one).
    /// Scans UTF-8 bytes: newline, space and CR are ASCII, so every cut is a character boundary.
    static func split(_ text: String) -> [String] {
        let utf8 = text.utf8
        var lines: [String] = []
        var lineStart = utf8.startIndex
        func cut(_ end: String.Index) {
            var last = end
            while last > lineStart {
                let previous = utf8.index(before: last)
                guard utf8[previous] == UInt8(ascii: " ") || utf8[previous] == UInt8(ascii: "\r") else { break }
                last = previous
            }
            lines.append(String(text[lineStart..<last]))
        }
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                cut(index)
                lineStart = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        cut(utf8.endIndex)
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
