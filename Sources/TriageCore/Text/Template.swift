/// `{name}` interpolation in dialog texts; `{{` and `}}` are literal braces.
public enum Template {
    public enum Piece: Equatable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    public static func parse(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "{", next < text.endIndex, text[next] == "{" {
                literal.append("{")
                index = text.index(after: next)
            } else if character == "}", next < text.endIndex, text[next] == "}" {
                literal.append("}")
                index = text.index(after: next)
            } else if character == "{", let close = text[next...].firstIndex(of: "}") {
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.placeholder(String(text[next..<close]).trimmed))
                index = text.index(after: close)
            } else {
                literal.append(character)
                index = next
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    public static func placeholders(in text: String) -> [String] {
        parse(text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    public static func render(_ text: String, _ lookup: (String) -> String?) -> String {
        parse(text).map { piece in
            switch piece {
            case .literal(let s): s
            case .placeholder(let name): lookup(name) ?? ""
            }
        }.joined()
    }

    /// Placeholders every dialog may use besides its slots.
    public static let builtins: Set<String> = ["emergency_number", "booking_id"]
    public static let planPrefix = "plan."
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
