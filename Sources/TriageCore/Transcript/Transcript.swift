/// A scripted conversation: what the person types (`> ` lines) and what the assistant must print.
///
///     #! dialog: back-strain
///     #! emergency-number: 999
///     # A comment.
///     This is not a diagnosis. [..]
///     ...
///     > lower back
///
/// `[..]` inside a line matches any text, a line `...` matches any number of lines, blank lines are ignored.
public struct Transcript: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// What the person types.
            case input(String)
            /// What the assistant must print (may hold `[..]`).
            case output(String)
            /// `...`: any number of output lines.
            case anyLines
        }
        public var kind: Kind
        /// 1-based line in the file.
        public var number: Int
        /// Comment and blank lines just before this line, kept by `--update`.
        public var leading: [String]

        /// The line as written in a transcript file.
        public var text: String {
            switch kind {
            case .input(let s): s.isEmpty ? ">" : "> " + s
            case .output(let s): s
            case .anyLines: "..."
            }
        }
    }

    public var file: String
    /// `dialog`, `emergency-number`, ... from `#! key: value` lines.
    public var header: [String: String]
    public var headerLines: [String]
    public var lines: [Line]
    /// Comments and blank lines after the last line.
    public var trailing: [String]

    public init(file: String, header: [String: String], headerLines: [String], lines: [Line], trailing: [String]) {
        self.file = file
        self.header = header
        self.headerLines = headerLines
        self.lines = lines
        self.trailing = trailing
    }

    public var dialog: String? { header["dialog"] }
    public var emergencyNumber: String? { header["emergency-number"] }
    public var inputs: [String] {
        lines.compactMap { if case .input(let s) = $0.kind { s } else { nil } }
    }

    public static let headerKeys: Set<String> = ["dialog", "emergency-number"]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case badHeader(file: String, line: Int, text: String)
        case noDialog(file: String)
        public var description: String {
            switch self {
            case .badHeader(let file, let line, let text):
                "\(file):\(line): error: unknown transcript header '\(text)'; expected '#! dialog: NAME' or '#! emergency-number: NUMBER'"
            case .noDialog(let file):
                "\(file):1: error: the transcript does not name its dialog; add a first line '#! dialog: back-strain'"
            }
        }
    }

    public static func parse(_ text: String, file: String) throws(ParseError) -> Transcript {
        var header: [String: String] = [:]
        var headerLines: [String] = []
        var lines: [Line] = []
        var pending: [String] = []
        var rawLines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if rawLines.last == "" { rawLines.removeLast() }
        for (index, rawLine) in rawLines.enumerated() {
            let number = index + 1
            var line = rawLine
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasPrefix("#!") {
                let body = line.dropFirst(2)
                let parts = body.split(separator: ":", maxSplits: 1).map { String($0).trimmed }
                guard parts.count == 2, headerKeys.contains(parts[0]) else {
                    throw .badHeader(file: file, line: number, text: line)
                }
                header[parts[0]] = parts[1]
                headerLines.append(line)
                continue
            }
            if line.hasPrefix("#") || line.trimmed.isEmpty {
                pending.append(line)
                continue
            }
            let kind: Line.Kind
            if line == ">" {
                kind = .input("")
            } else if line.hasPrefix("> ") {
                kind = .input(String(line.dropFirst(2)))
            } else if line.trimmed == "..." {
                kind = .anyLines
            } else {
                kind = .output(line)
            }
            lines.append(Line(kind: kind, number: number, leading: pending))
            pending = []
        }
        guard header["dialog"] != nil else { throw .noDialog(file: file) }
        return Transcript(file: file, header: header, headerLines: headerLines, lines: lines, trailing: pending)
    }
}
