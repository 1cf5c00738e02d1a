/// The two pieces of syntax an interrupt pattern may use besides words:
/// - `(a|b|c)`: any one of the alternatives, so `(numb|tingling) ... (bum|groin)` stands for four patterns;
/// - `...`: up to `InterruptMatcher.maxGapWords` words in between (see `InterruptMatcher.matchEnd`).
public enum PatternSyntax {
    /// Most plain patterns one pattern may stand for: a longer list is a mistake, and would slow every load.
    public static let maxExpansions = 2000

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unbalanced
        case emptyAlternative
        case gapAtEdge
        case tooMany(Int)

        public var description: String {
            switch self {
            case .unbalanced: "has a '(' without its ')' (or the other way round), or one inside another"
            case .emptyAlternative: "has an empty alternative in '( | )'"
            case .gapAtEdge: "starts or ends with '...'; a gap goes between words"
            case .tooMany(let n): "stands for \(n) patterns (at most \(maxExpansions)); split it"
            }
        }
    }

    /// The plain patterns (words and gaps) `pattern` stands for.
    public static func expand(_ pattern: String) -> Result<[String], Problem> {
        var pieces: [[String]] = []
        var literal = ""
        var group: String?
        for character in pattern {
            switch character {
            case "(":
                guard group == nil else { return .failure(.unbalanced) }
                pieces.append([literal])
                literal = ""
                group = ""
            case ")":
                guard let options = group else { return .failure(.unbalanced) }
                let alternatives = options.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmed }
                guard !alternatives.contains(where: \.isEmpty) else { return .failure(.emptyAlternative) }
                pieces.append(alternatives)
                group = nil
            default:
                if group != nil { group!.append(character) } else { literal.append(character) }
            }
        }
        guard group == nil else { return .failure(.unbalanced) }
        pieces.append([literal])
        let count = pieces.reduce(1) { $0 * $1.count }
        guard count <= maxExpansions else { return .failure(.tooMany(count)) }
        var expanded = [""]
        for piece in pieces {
            expanded = expanded.flatMap { prefix in piece.map { prefix + " " + $0 + " " } }
        }
        let trimmed = expanded.map { $0.split(separator: " ").joined(separator: " ") }
        if trimmed.contains(where: { $0.hasPrefix(InterruptMatcher.gap) || $0.hasSuffix(InterruptMatcher.gap) }) {
            return .failure(.gapAtEdge)
        }
        return .success(trimmed)
    }
}
