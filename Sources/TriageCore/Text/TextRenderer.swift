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

    public static func lines(for prompt: Prompt) -> [String] {
        var lines = split(prompt.text)
        if let suffix = prompt.suffix {
            if lines.isEmpty { lines = [suffix] } else { lines[lines.count - 1] += " " + suffix }
        }
        for (index, choice) in prompt.choices.enumerated() {
            lines.append("  \(index + 1). \(choice.label)")
        }
        if let note = prompt.note { lines += split(note) }
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
