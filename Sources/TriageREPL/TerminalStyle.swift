#if canImport(Glibc)
import Glibc
#endif

/// Colour and width of the terminal. Plain (no escape codes) when NO_COLOR is set or output is not a terminal.
public struct TerminalStyle: Sendable {
    public var colour: Bool
    public var width: Int

    public init(colour: Bool, width: Int) {
        self.colour = colour
        self.width = width
    }

    /// Detects the real terminal: colour only on a tty without NO_COLOR; width from the tty (or 80).
    public static func detect() -> TerminalStyle {
        let tty = isatty(STDOUT_FILENO) == 1
        let noColour = getenv("NO_COLOR").map { String(cString: $0).isEmpty == false } ?? false
        var size = winsize()
        let width = (tty && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0) ? Int(size.ws_col) : 80
        return TerminalStyle(colour: tty && !noColour, width: max(20, width))
    }

    public enum Tone: Sendable { case assistant, question, emergency, urgent, error, booking }

    public func paint(_ text: String, _ tone: Tone) -> String {
        guard colour, !text.isEmpty else { return text }
        let code: String
        switch tone {
        case .assistant: code = "36"          // cyan
        case .question: code = "1"            // bold
        case .emergency: code = "1;31"        // bold red
        case .urgent: code = "1;33"           // bold yellow
        case .error: code = "33"              // yellow
        case .booking: code = "1;32"          // bold green
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// Wraps at word boundaries to the terminal width, keeping a line's leading indentation on continuation lines.
    public func wrap(_ line: String) -> [String] {
        guard line.count > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let continuation = indent + (line.trimmingSpaces.hasPrefix("- ") || line.trimmingSpaces.first?.isNumber == true ? "   " : "")
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: true) {
            let prefix = lines.isEmpty && current.isEmpty ? indent : (current.isEmpty ? continuation : "")
            let candidate = current.isEmpty ? prefix + word : current + " " + word
            if candidate.count > width, !current.isEmpty {
                lines.append(current)
                current = continuation + word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
