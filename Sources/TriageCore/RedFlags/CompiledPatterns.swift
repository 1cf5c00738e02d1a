/// A dialog's interrupt patterns as one flat program over word ids, indexed by the words a match can start with,
/// with the misspellings index: what `InterruptMatcher` walks for every line. A line's words are looked up once
/// (`tokens`); from then on matching compares integers and tests bits, and walks arrays it never copies.
final class CompiledPatterns: Sendable {
    /// Every pattern word and every word with a class (`WordClass.table`): its number in the table is its id, and
    /// `tokensByID` has its classes.
    private let vocabulary: WordTable
    private let tokensByID: [Token]
    /// The token for "is" (`Tense` reads "was", "went" and the like as it).
    let isToken: Token
    /// The patterns one after another, each a run of steps ended by `Op.end`: `words` n id₁…idₙ; `oneOf` k, then k
    /// alternatives each n id₁…idₙ; `gap`.
    private let program: [Int32]
    /// For word id `w`, the patterns that may start with it are `starts[firstStart[w]..<firstStart[w + 1]]`: each
    /// the interrupt's position, where its pattern starts in `program`, and the id its second word must have (-1 when
    /// that is not one word: a gap, or alternatives after the first) and the fewest words the pattern can match,
    /// shortest first. Common first words ("my", "cant", "i") start dozens of patterns: without walking the program,
    /// their length rules out most of them (most lines typed are one or two words: "yes", "3") and the second word
    /// most of the rest.
    private let starts: [(entry: Int32, pc: Int32, second: Int32, length: Int32)]
    private let firstStart: [Int32]
    let misspellings: Misspellings

    private enum Op {
        static let words: Int32 = 0, oneOf: Int32 = 1, gap: Int32 = 2, end: Int32 = 3
    }

    /// `patterns`: each compiled pattern (`PatternSyntax.compile`) with the position of its interrupt.
    init(_ patterns: [(entry: Int, elements: [PatternSyntax.Element])], knownWords: Set<String>) {
        var vocabulary: [String: Token] = [:]
        var words: [String] = []
        func id(_ word: String) -> Int32 {
            if let token = vocabulary[word] { return token.id }
            let token = Token(id: Int32(vocabulary.count), classes: WordClass.of(word))
            vocabulary[word] = token
            words.append(word)
            return token.id
        }
        for word in WordClass.table.keys.sorted() { _ = id(word) }
        var program: [Int32] = []
        var starts: [(first: Int32, entry: Int32, pc: Int32, second: Int32, length: Int32)] = []
        var patternWords: Set<String> = []
        func append(_ words: [String]) {
            program.append(Int32(words.count))
            for word in words { program.append(id(word)) }
            patternWords.formUnion(words)
        }
        for (entry, elements) in patterns {
            let pc = Int32(program.count)
            for element in elements {
                switch element {
                case .words(let words):
                    program.append(Op.words)
                    append(words)
                case .oneOf(let alternatives):
                    program += [Op.oneOf, Int32(alternatives.count)]
                    for words in alternatives { append(words) }
                case .gap:
                    program.append(Op.gap)
                }
            }
            program.append(Op.end)
            let firstWords: Set<String> = switch elements.first {
            case .words(let words)?: [words[0]]
            case .oneOf(let alternatives)?: Set(alternatives.map { $0[0] })
            default: []
            }
            // (`PatternSyntax.compile` merges neighbouring words, so a second word is always in the first element.)
            let second: Int32 = if case .words(let words)? = elements.first, words.count > 1 { id(words[1]) } else { -1 }
            let length = Int32(elements.reduce(0) { fewest, element in
                switch element {
                case .words(let words): fewest + words.count
                case .oneOf(let alternatives): fewest + (alternatives.map(\.count).min() ?? 0)
                case .gap: fewest
                }
            })
            for word in firstWords { starts.append((id(word), Int32(entry), pc, second, length)) }
        }
        // Shortest first for each first word: a line's scan stops at the first pattern longer than what is left.
        starts.sort { ($0.first, $0.length) < ($1.first, $1.length) }
        var firstStart = [Int32](repeating: 0, count: vocabulary.count + 1)
        for start in starts { firstStart[Int(start.first) + 1] += 1 }
        for index in firstStart.indices.dropFirst() { firstStart[index] += firstStart[index - 1] }
        self.vocabulary = WordTable(words)
        self.tokensByID = words.map { vocabulary[$0]! }
        self.isToken = vocabulary["is"]!
        self.program = program
        self.starts = starts.map { ($0.entry, $0.pc, $0.second, $0.length) }
        self.firstStart = firstStart
        misspellings = Misspellings(targets: patternWords.sorted(), known: knownWords.subtracting(patternWords),
                                    never: InterruptMatcher.meaningWords)
    }

    /// `words` as tokens: a word no pattern has and no class takes id -1.
    func tokens(_ words: [String]) -> [Token] {
        words.map(token)
    }

    /// The same, written over `tokens` (keeping its room).
    func tokens(_ words: [String], into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        for word in words { tokens.append(token(word)) }
    }

    private func token(_ word: String) -> Token {
        vocabulary.number(of: word).map { tokensByID[$0] } ?? Token(id: -1, classes: [])
    }

    /// `words` with each word that is two pattern words typed together ("cantpee", "wetmyself", "carcrash") as
    /// those two words; nil when there is none. Only a word that may be a slip (`Misspellings.isUnknown`) is split,
    /// at the first place where both halves are words the patterns know (pattern words and `WordClass` words).
    func splitReading(of words: [String]) -> [String]? {
        var reading: [String] = []
        var changed = false
        for word in words {
            if word.utf8.count >= 5, let (left, right) = split(word) {
                reading += [left, right]
                changed = true
            } else {
                reading.append(word)
            }
        }
        return changed ? reading : nil
    }

    private func split(_ word: String) -> (String, String)? {
        guard misspellings.isUnknown(word) else { return nil }
        let letters = Array(word.utf8)
        for cut in 2...(letters.count - 2) {
            let left = String(decoding: letters[..<cut], as: UTF8.self), right = String(decoding: letters[cut...], as: UTF8.self)
            if vocabulary.contains(left), vocabulary.contains(right) { return (left, right) }
        }
        return nil
    }

    /// Calls `found` with the interrupt's position and the words each pattern match covers, for every pattern that
    /// occurs in `words`.
    func scan(_ words: [Token], _ found: (Int, [Token], Range<Int>) -> Void) {
        program.withUnsafeBufferPointer { program in
            words.withUnsafeBufferPointer { line in
                for start in line.indices where line[start].id >= 0 {
                    let first = Int(line[start].id)
                    let next = start + 1 < line.count ? line[start + 1].id : -2
                    for candidate in Int(firstStart[first])..<Int(firstStart[first + 1]) {
                        let (entry, pc, second, length) = starts[candidate]
                        if Int(length) > line.count - start { break }
                        guard second < 0 || second == next else { continue }
                        if let end = Self.end(program, Int(pc), line, start) { found(Int(entry), words, start..<end) }
                    }
                }
            }
        }
    }

    /// Where the steps from `pc` end if they occur in `line` from `start`. A gap takes up to
    /// `InterruptMatcher.maxGapWords` words, none of them a denial or a list break: "tingling but not in my legs" and
    /// "numbness, and my legs ache" are not "tingling ... legs" or "numbness ... legs".
    private static func end(_ program: UnsafeBufferPointer<Int32>, _ pc: Int, _ line: UnsafeBufferPointer<Token>,
                            _ start: Int) -> Int? {
        switch program[pc] {
        case Op.words:
            let count = Int(program[pc + 1])
            guard matches(program, pc + 2, count, line, start) else { return nil }
            return end(program, pc + 2 + count, line, start + count)
        case Op.oneOf:
            let alternatives = Int(program[pc + 1])
            var after = pc + 2
            for _ in 0..<alternatives { after += 1 + Int(program[after]) }
            var alternative = pc + 2
            for _ in 0..<alternatives {
                let count = Int(program[alternative])
                if matches(program, alternative + 1, count, line, start),
                   let found = end(program, after, line, start + count) {
                    return found
                }
                alternative += 1 + count
            }
            return nil
        case Op.gap:
            var next = start
            for _ in 0...InterruptMatcher.maxGapWords {
                if let found = end(program, pc + 1, line, next) { return found }
                guard next < line.count, !line[next].is([.negator, .listBreak]) else { return nil }
                next += 1
            }
            return nil
        default:
            return start
        }
    }

    /// Whether the `count` ids at `at` in the program are the words of `line` from `start`.
    @inline(__always)
    private static func matches(_ program: UnsafeBufferPointer<Int32>, _ at: Int, _ count: Int,
                                _ line: UnsafeBufferPointer<Token>, _ start: Int) -> Bool {
        guard start + count <= line.count else { return false }
        for offset in 0..<count where line[start + offset].id != program[at + offset] { return false }
        return true
    }
}
