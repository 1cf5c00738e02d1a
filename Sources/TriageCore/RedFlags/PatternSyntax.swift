/// The two pieces of syntax an interrupt pattern may use besides words:
/// - `(a|b|c)`: any one of the alternatives, so `(numb|tingling) ... (bum|groin)` matches "numb ... bum",
///   "tingling ... groin" and the other two;
/// - `...`: up to `InterruptMatcher.maxGapWords` words in between (see `InterruptMatcher.matchEnd`).
public enum PatternSyntax {
    /// One step of a compiled pattern. Alternatives are kept as alternatives, not multiplied out: a pattern with groups
    /// of 30 and 8 words is one pattern of three steps, not 240 patterns (loading stays fast).
    public enum Element: Sendable, Equatable {
        case words([String])
        case oneOf([[String]])
        case gap
    }

    public enum Problem: Error, Equatable, CustomStringConvertible {
        case unbalanced
        case emptyAlternative
        case gapAtEdge
        case noWords

        public var description: String {
            switch self {
            case .unbalanced: "has a '(' without its ')' (or the other way round), or one inside another"
            case .emptyAlternative: "has an alternative with no words in '( | )'"
            case .gapAtEdge: "starts or ends with '...'; a gap goes between words"
            case .noWords: "has no words"
            }
        }
    }

    /// `pattern` as the steps it matches, its words read like lines (normalised, and `Tense`).
    public static func compile(_ pattern: String) -> Result<[Element], Problem> {
        // Most patterns are plain words: no character-by-character walk for them (thousands are compiled per load).
        if !pattern.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ".") }) {
            let found = words(pattern)
            return found.isEmpty ? .failure(.noWords) : .success([.words(found)])
        }
        var elements: [Element] = []
        var literal = ""
        var group: String?
        for character in pattern {
            switch character {
            case "(":
                guard group == nil else { return .failure(.unbalanced) }
                elements += literalElements(literal)
                literal = ""
                group = ""
            case ")":
                guard let options = group else { return .failure(.unbalanced) }
                let alternatives = options.split(separator: "|", omittingEmptySubsequences: false).map { words(String($0)) }
                guard !alternatives.contains(where: \.isEmpty) else { return .failure(.emptyAlternative) }
                elements.append(alternatives.count == 1 ? .words(alternatives[0]) : .oneOf(alternatives))
                group = nil
            default:
                if group != nil { group!.append(character) } else { literal.append(character) }
            }
        }
        guard group == nil else { return .failure(.unbalanced) }
        elements += literalElements(literal)
        // Neighbouring words are one step, and "a ... ... b" is one gap.
        var merged: [Element] = []
        for element in elements {
            switch (merged.last, element) {
            case (.words(let before)?, .words(let more)): merged[merged.count - 1] = .words(before + more)
            case (.gap?, .gap): continue
            default: merged.append(element)
            }
        }
        guard !merged.isEmpty else { return .failure(.noWords) }
        if merged.first == .gap || merged.last == .gap { return .failure(.gapAtEdge) }
        return .success(merged)
    }

    /// What `compile` would refuse `pattern` for, without building its words: the loader checks every pattern this
    /// way, and the matcher compiles them the first time a line is matched (`triage lint` never needs the words).
    public static func problem(in pattern: String) -> Problem? {
        if !pattern.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ".") }) {
            return hasWords(pattern[...]) ? nil : .noWords
        }
        // The same walk as `compile`, keeping only whether each step is words or a gap.
        var steps: [Bool] = []  // true: words, false: a gap
        var literal = pattern.startIndex
        var groupStart: String.Index?
        func addLiteral(_ text: Substring) {
            for (index, segment) in segments(String(text)).enumerated() {
                if index > 0 { steps.append(false) }
                if hasWords(segment) { steps.append(true) }
            }
        }
        for index in pattern.indices {
            switch pattern[index] {
            case "(":
                guard groupStart == nil else { return .unbalanced }
                addLiteral(pattern[literal..<index])
                groupStart = pattern.index(after: index)
            case ")":
                guard let start = groupStart else { return .unbalanced }
                let alternatives = pattern[start..<index].split(separator: "|", omittingEmptySubsequences: false)
                guard alternatives.allSatisfy(hasWords) else { return .emptyAlternative }
                steps.append(true)
                groupStart = nil
                literal = pattern.index(after: index)
            default: break
            }
        }
        guard groupStart == nil else { return .unbalanced }
        addLiteral(pattern[literal...])
        // Neighbouring gaps are one gap, as in `compile`.
        var merged: [Bool] = []
        for step in steps where step || merged.last != false { merged.append(step) }
        guard !merged.isEmpty else { return .noWords }
        return merged.first == false || merged.last == false ? .gapAtEdge : nil
    }

    /// Whether `text` has a word: for ASCII, a letter or a digit (what `Normalizer.words` keeps); anything else is read
    /// as a line is.
    private static func hasWords(_ text: Substring) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            case 0x80...: ascii = false
            default: continue
            }
        }
        return !ascii && !Normalizer.words(String(text)).isEmpty
    }

    /// Text outside a group: words, with a gap for each "...".
    private static func literalElements(_ text: String) -> [Element] {
        var elements: [Element] = []
        for (index, segment) in segments(text).enumerated() {
            if index > 0 { elements.append(.gap) }
            let found = words(String(segment))
            if !found.isEmpty { elements.append(.words(found)) }
        }
        return elements
    }

    /// Words as the interrupts read a line (see `Tense`).
    private static func words(_ text: String) -> [String] {
        let found = Normalizer.words(text)
        return Tense.present(found) ?? found
    }

    /// `text` split at each "..." (a byte scan: Foundation's substring search was a fifth of a `triage lint`).
    private static func segments(_ text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex, dotsStart = text.startIndex, dots = 0
        for position in text.utf8.indices {
            guard text.utf8[position] == UInt8(ascii: ".") else { dots = 0; continue }
            if dots == 0 { dotsStart = position }
            dots += 1
            if dots == 3 {
                result.append(text[start..<dotsStart])
                start = text.utf8.index(after: position)
                dots = 0
            }
        }
        result.append(text[start...])
        return result
    }
}
