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
        parse(pattern) { text in
            let found = words(String(text))
            return found.isEmpty ? nil : found
        }.map { pieces in
            // Neighbouring words are one step ("(legs) are numb" too: a group of one is words).
            var merged: [Element] = []
            for piece in pieces {
                let element: Element
                switch piece {
                case .words(let found): element = .words(found)
                case .oneOf(let alternatives): element = alternatives.count == 1 ? .words(alternatives[0]) : .oneOf(alternatives)
                case .gap: element = .gap
                }
                if case .words(let more) = element, case .words(let before)? = merged.last {
                    merged[merged.count - 1] = .words(before + more)
                } else {
                    merged.append(element)
                }
            }
            return merged
        }
    }

    /// What `compile` would refuse `pattern` for, without building its words: the loader checks every pattern this
    /// way, and the matcher compiles them the first time a line is matched (`triage lint` never needs the words).
    public static func problem(in pattern: String) -> Problem? {
        if case .failure(let problem) = parse(pattern, { hasWords($0) ? () : nil }) { return problem }
        return nil
    }

    /// A step as parsed: `Words` is what `read` made of a piece of text (nil: it has no words).
    private enum Piece<Words> {
        case words(Words)
        case oneOf([Words])
        case gap
    }

    /// The one walk over a pattern's syntax, for `compile` and `problem(in:)`: groups, alternatives and gaps, with
    /// repeated gaps made one, and the problems checked. Bytes, not characters: the syntax is ASCII, and a combining
    /// mark after "(" must not hide it.
    private static func parse<Words>(_ pattern: String, _ read: (Substring) -> Words?) -> Result<[Piece<Words>], Problem> {
        // Most patterns are plain words: no walk for them (thousands are checked per load).
        let utf8 = pattern.utf8
        if !utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: ".") }) {
            return read(pattern[...]).map { .success([.words($0)]) } ?? .failure(.noWords)
        }
        var pieces: [Piece<Words>] = []
        func add(_ piece: Piece<Words>) {
            if case .gap = piece, case .gap? = pieces.last { return }
            pieces.append(piece)
        }
        // Text outside a group: words, with a gap for each "...".
        func addLiteral(_ text: Substring) {
            for (index, segment) in segments(text).enumerated() {
                if index > 0 { add(.gap) }
                if let found = read(segment) { add(.words(found)) }
            }
        }
        var literal = pattern.startIndex
        var groupStart: String.Index?
        // Indices walked by hand, here and in `segments`: `utf8.indices` is generic code whose first use costs each
        // `triage lint` ≈ 0.2 ms of run-time type lookups.
        var index = utf8.startIndex
        while index < utf8.endIndex {
            defer { utf8.formIndex(after: &index) }
            switch utf8[index] {
            case UInt8(ascii: "("):
                guard groupStart == nil else { return .failure(.unbalanced) }
                addLiteral(pattern[literal..<index])
                groupStart = utf8.index(after: index)
            case UInt8(ascii: ")"):
                guard let start = groupStart else { return .failure(.unbalanced) }
                var alternatives: [Words] = []
                var alternative = start
                var position = start
                while position <= index {
                    defer { utf8.formIndex(after: &position) }
                    guard position == index || utf8[position] == UInt8(ascii: "|") else { continue }
                    guard let found = read(pattern[alternative..<position]) else { return .failure(.emptyAlternative) }
                    alternatives.append(found)
                    alternative = utf8.index(after: position)
                }
                add(.oneOf(alternatives))
                groupStart = nil
                literal = utf8.index(after: index)
            default: break
            }
        }
        guard groupStart == nil else { return .failure(.unbalanced) }
        addLiteral(pattern[literal...])
        guard let first = pieces.first, let last = pieces.last else { return .failure(.noWords) }
        if case .gap = first { return .failure(.gapAtEdge) }
        if case .gap = last { return .failure(.gapAtEdge) }
        return .success(pieces)
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

    /// Words as the interrupts read a line (see `Tense`).
    private static func words(_ text: String) -> [String] {
        let found = Normalizer.words(text)
        return Tense.present(found) ?? found
    }

    /// `text` split at each "..." (a byte scan: Foundation's substring search was a fifth of a `triage lint`).
    private static func segments(_ text: Substring) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex, dotsStart = text.startIndex, dots = 0
        var position = text.utf8.startIndex
        while position < text.utf8.endIndex {
            let next = text.utf8.index(after: position)
            defer { position = next }
            guard text.utf8[position] == UInt8(ascii: ".") else { dots = 0; continue }
            if dots == 0 { dotsStart = position }
            dots += 1
            if dots == 3 {
                result.append(text[start..<dotsStart])
                start = next
                dots = 0
            }
        }
        result.append(text[start...])
        return result
    }
}
