/// What a line means as an answer to one question.
public enum MatchResult: Sendable, Equatable {
    case answer(Answer)
    /// Empty input.
    case empty
    case notUnderstood
    /// Several choices fit; carries their labels. Never guessed.
    case ambiguous([String])
    case outOfRange(min: Int, max: Int)
    /// Text that fails validation; carries the message key (`invalid_phone`, ...).
    case invalid(String)
    /// An exclusive choice ("none of these") combined with others; carries its label.
    case exclusiveConflict(String)
}

/// Interprets a typed line as an answer: ignores case, spaces and punctuation; accepts ids, labels,
/// synonyms, option numbers and unambiguous prefixes; reports ambiguity instead of guessing.
public struct AnswerMatcher: Sendable {
    public var words: Words
    public init(words: Words = Words()) { self.words = words }

    public static let maxTextLength = 500

    public func match(_ line: String, to question: Question) -> MatchResult {
        match(line, to: question, words: Normalizer.words(line))
    }

    /// The same, with the line's words (`Normalizer.words(line)`) already worked out: the machine splits each
    /// line into words once and shares them between interrupts, commands and answers.
    /// `clauses`: the line's clauses (`Normalizer.clauses(line)`), if already worked out.
    public func match(_ line: String, to question: Question, words input: [String], clauses: [[String]]? = nil) -> MatchResult {
        let trimmed = line.trimmed
        if trimmed.isEmpty { return .empty }
        switch question.input {
        case .choice: return matchChoice(input, question.choices, exact: question.exactChoicePhrases)
        case .multi: return matchMulti(trimmed, input, question.choices, exact: question.exactChoicePhrases)
        case .yesno:
            // The question's own words are looked for clause by clause: "No. Numb." does not deny the numbness.
            let yesPhrases = question.yesPhraseWords
            return matchYesNo(input, redFlag: question.redFlag != nil, yesPhrases: yesPhrases,
                              yesPhraseIndex: question.yesPhraseIndex,
                              clauses: yesPhrases.isEmpty ? [] : clauses ?? Normalizer.clauses(line),
                              negativelyAsked: question.askIsNegative)
        case .number: return matchNumber(trimmed, min: question.min ?? Int.min, max: question.max ?? Int.max)
        case .text: return matchText(trimmed, validation: question.validate, optional: question.optional)
        }
    }

    // MARK: Choices

    enum ChoiceMatch: Equatable {
        case one(Int)
        case none
        case several([Int])
    }

    /// Phrases a choice answers to: id (with spaces for underscores), label and synonyms.
    static func phrases(of choice: Choice) -> [[String]] { choice.phrases }

    func matchChoice(_ input: [String], _ choices: [Choice], exact: ExactChoicePhrases? = nil) -> MatchResult {
        switch findChoice(input, choices, exact: exact) {
        case .one(let i): return .answer(.choice(choices[i].id))
        case .none: return .notUnderstood
        case .several(let indices): return .ambiguous(indices.map { choices[$0].label })
        }
    }

    /// Which choice `input` (the answer's normalised words) picks. `exact`: the choices' exact phrases
    /// (`Question.exactChoicePhrases`), when the choices are a question's.
    func findChoice(_ input: [String], _ choices: [Choice], exact phrases: ExactChoicePhrases? = nil) -> ChoiceMatch {
        guard !input.isEmpty else { return .none }

        // 1. Exact id, label or synonym (found without building a list: one match is the common case).
        if let phrases {
            if let named = phrases.choices(named: input) { return named.count == 1 ? .one(named[0]) : .several(named) }
        } else {
            var exact: Int?
            for index in choices.indices where choices[index].phrases.contains(input) {
                guard let first = exact else { exact = index; continue }
                return .several([first] + choices.indices[(index)...].filter { choices[$0].phrases.contains(input) })
            }
            if let exact { return .one(exact) }
        }

        // 2. The option's number ("2"), unless a label also starts with that number.
        var candidates: Set<Int> = []
        if input.count == 1, let n = Int(input[0]), (1...choices.count).contains(n) { candidates.insert(n - 1) }

        // 3. An unambiguous prefix of a label or synonym ("low" -> "Lower back").
        let joined = input.joined(separator: " ")
        if joined.count >= 2 || choices.count == 1 {
            for index in choices.indices where choices[index].joinedPhrases.contains(where: { $0.hasPrefix(joined) }) {
                candidates.insert(index)
            }
        }
        if candidates.count == 1 { return .one(candidates.first!) }
        if candidates.count > 1 { return .several(candidates.sorted()) }

        // 4. A phrase that mentions exactly one option ("my lower back, mostly"). Overlapping mentions keep
        //    the longest ("lower back" beats "back"); separate mentions of two options are ambiguous.
        var spans: [(index: Int, range: Range<Int>)] = []
        for index in choices.indices {
            for phrase in choices[index].phrases {
                for range in Phrase.occurrences(of: phrase, in: input) { spans.append((index, range)) }
            }
        }
        let maximal = spans.filter { span in
            !spans.contains { other in
                other.index != span.index && other.range.count > span.range.count
                    && other.range.lowerBound <= span.range.lowerBound && span.range.upperBound <= other.range.upperBound
            }
        }
        let mentioned = Set(maximal.map(\.index))
        // "not very stressed", "it doesn't go below the knee": a denial outside the matched words means
        // the person is ruling that option out, so never pick it.
        let covered = Set(maximal.flatMap { Array($0.range) })
        if input.indices.contains(where: { !covered.contains($0) && Self.negators.contains(input[$0]) }) { return .none }
        if mentioned.count == 1 { return .one(mentioned.first!) }
        if mentioned.count > 1 { return .several(mentioned.sorted()) }

        // 5. Part of an option's words ("shoulders" -> "Neck and shoulders"; "back" fits several: ambiguous).
        let core = input.filter { !Self.stopWords.contains($0) }
        guard !core.isEmpty, !core.contains(where: Self.negators.contains) else { return .none }
        let within = choices.indices.filter { choices[$0].phrases.contains { Phrase.occurs(core, in: $0) } }
        if within.count == 1 { return .one(within[0]) }
        if within.count > 1 { return .several(within) }
        return .none
    }

    /// Words that rule an option out, or leave it in doubt, when they are not part of it: "it won't get better",
    /// "better? nope", "it was getting better until last week", "I hope it gets better".
    static let negators: WordSet = ["not", "no", "nothing", "never", "dont", "doesnt", "isnt", "wasnt", "arent",
                                        "didnt", "without", "hardly", "barely", "little", "less", "wont", "nope", "nah",
                                        "havent", "hasnt", "cant", "until", "hope", "hoping", "wish"]

    static let stopWords: WordSet = ["my", "the", "in", "on", "its", "it", "is", "a", "an", "at", "i", "think",
                                         "mostly", "mainly", "around", "of", "just", "only", "pain", "hurts", "sore"]

    func matchMulti(_ text: String, _ input: [String], _ choices: [Choice], exact: ExactChoicePhrases? = nil) -> MatchResult {
        // A label that itself contains "and" ("neck and shoulders") must win over splitting.
        var picked: [Int]
        if case .one(let i) = findChoice(input, choices, exact: exact),
           // (No key path here: `map(\.count)` was looked up at run time on every answer, 0.9 % of engine time.)
           input.count <= Self.phrases(of: choices[i]).reduce(0, { longest, phrase in Swift.max(longest, phrase.count) }) {
            picked = [i]
        } else {
            picked = []
            for part in splitList(text) {
                switch findChoice(Normalizer.words(part), choices, exact: exact) {
                case .one(let i): if !picked.contains(i) { picked.append(i) }
                case .none: return .notUnderstood
                case .several(let indices): return .ambiguous(indices.map { choices[$0].label })
                }
            }
        }
        if picked.isEmpty { return .notUnderstood }
        if picked.count > 1, let exclusive = picked.first(where: { choices[$0].exclusive }) {
            return .exclusiveConflict(choices[exclusive].label)
        }
        return .answer(.choices(picked.sorted().map { choices[$0].id }))
    }

    /// "sitting, bending and walking" -> ["sitting", "bending", "walking"].
    func splitList(_ text: String) -> [String] {
        let separators = Set(words.and.map { $0.lowercased() })
        var parts: [String] = []
        for piece in text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "/" || $0 == "+" }) {
            var current: [String] = []
            for word in piece.split(separator: " ") {
                if separators.contains(word.lowercased()) {
                    if !current.isEmpty { parts.append(current.joined(separator: " ")) }
                    current = []
                } else {
                    current.append(String(word))
                }
            }
            if !current.isEmpty { parts.append(current.joined(separator: " ")) }
        }
        return parts.filter { !Normalizer.words($0).isEmpty }
    }

    // MARK: Numbers

    func matchNumber(_ text: String, min: Int, max: Int) -> MatchResult {
        let input = Normalizer.words(text.lowercased().replacingSlashes)
        var numbers: [Int] = []
        var expectDenominator = false
        var i = 0
        while i < input.count {
            let word = input[i]
            if word == "out", i + 1 < input.count, input[i + 1] == "of" { expectDenominator = true; i += 2; continue }
            if word == "slash" || word == "of" { expectDenominator = true; i += 1; continue }
            var value: Int?
            if word.allSatisfy(\.isASCIIDigitCharacter) { value = word.count <= 9 ? Int(word) : Int.max }
            else if let n = words.numbers[word] {
                value = n
                // "twenty five"
                if n >= 20, n % 10 == 0, i + 1 < input.count, let unit = words.numbers[input[i + 1]], (1...9).contains(unit) {
                    value = n + unit
                    i += 1
                }
            }
            if let value {
                if expectDenominator { expectDenominator = false } else { numbers.append(value) }
            } else if !Self.fillers.contains(word) {
                return .notUnderstood
            }
            i += 1
        }
        // "7 or 8", "7.5": not one whole number, so ask again rather than pick one.
        guard numbers.count == 1 else { return .notUnderstood }
        let n = text.trimmed.hasPrefix("-") ? -numbers[0] : numbers[0]
        if n < min || n > max { return .outOfRange(min: min, max: max) }
        return .answer(.number(n))
    }

    static let fillers: WordSet = ["about", "around", "maybe", "roughly", "approximately", "probably", "its", "it",
                                       "is", "i", "would", "say", "id", "like", "a", "an", "the", "pain", "im",
                                       "am", "years", "year", "old", "yrs", "score",
                                       "level", "right", "now", "today"]

    // MARK: Text

    func matchText(_ text: String, validation: TextValidation, optional: Bool) -> MatchResult {
        if optional, words.skipSet.contains(Normalizer.normalize(text)), !Normalizer.normalize(text).isEmpty || text == "-" {
            return .answer(.skipped)
        }
        // A character is at least one byte: only a long text needs its characters counted.
        if text.utf8.count > Self.maxTextLength, text.count > Self.maxTextLength { return .invalid("too_long") }
        switch validation {
        case .any:
            return .answer(.text(text))
        case .phone:
            // Every allowed character is ASCII, so the bytes are checked directly.
            let digits = text.utf8.count(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            let plusOK = !text.utf8.dropFirst().contains(UInt8(ascii: "+"))
            guard text.utf8.allSatisfy(Self.phoneBytes.contains), plusOK, (7...15).contains(digits) else { return .invalid("invalid_phone") }
            return .answer(.text(text))
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, text.count <= 254,
                  !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == "<" || $0 == ">" }) else { return .invalid("invalid_email") }
            let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), (labels.last?.count ?? 0) >= 2 else { return .invalid("invalid_email") }
            return .answer(.text(text))
        case .name:
            guard text.utf8.count <= 80 || text.count <= 80, text.contains(where: \.isLetter),
                  text.allSatisfy({ $0.isLetter || Self.namePunctuation.contains($0) }) else { return .invalid("invalid_name") }
            return .answer(.text(text))
        }
    }
}

extension AnswerMatcher {
    static let phoneBytes = Set("0123456789 +-().".utf8)
    static let namePunctuation: Set<Character> = [" ", "-", "'", ".", "\u{2019}"]
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    /// "7/10" -> "7 slash 10" so the denominator stays recognisable after normalising.
    var replacingSlashes: String {
        var out = ""
        for c in self { if c == "/" { out += " slash " } else { out.append(c) } }
        return out
    }
}
