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
    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }
}
