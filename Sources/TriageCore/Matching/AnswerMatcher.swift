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
        case .choice: return matchChoice(input, question.choices)
        case .multi: return matchMulti(trimmed, input, question.choices)
        case .yesno:
            // The question's own words are looked for clause by clause: "No. Numb." does not deny the numbness.
            let yesPhrases = question.yesPhraseWords
            return matchYesNo(input, redFlag: question.redFlag != nil, yesPhrases: yesPhrases,
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

    func matchChoice(_ input: [String], _ choices: [Choice]) -> MatchResult {
        switch findChoice(input, choices) {
        case .one(let i): return .answer(.choice(choices[i].id))
        case .none: return .notUnderstood
        case .several(let indices): return .ambiguous(indices.map { choices[$0].label })
        }
    }

    /// Which choice `input` (the answer's normalised words) picks.
    func findChoice(_ input: [String], _ choices: [Choice]) -> ChoiceMatch {
        guard !input.isEmpty else { return .none }

        // 1. Exact id, label or synonym (found without building a list: one match is the common case).
        var exact: Int?
        for index in choices.indices where choices[index].phrases.contains(input) {
            guard let first = exact else { exact = index; continue }
            return .several([first] + choices.indices[(index)...].filter { choices[$0].phrases.contains(input) })
        }
        if let exact { return .one(exact) }

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

    static let negators: Set<String> = ["not", "no", "nothing", "never", "dont", "doesnt", "isnt", "wasnt", "arent",
                                        "didnt", "without", "hardly", "barely", "little", "less"]

    static let stopWords: Set<String> = ["my", "the", "in", "on", "its", "it", "is", "a", "an", "at", "i", "think",
                                         "mostly", "mainly", "around", "of", "just", "only", "pain", "hurts", "sore"]

    func matchMulti(_ text: String, _ input: [String], _ choices: [Choice]) -> MatchResult {
        // A label that itself contains "and" ("neck and shoulders") must win over splitting.
        var picked: [Int]
        if case .one(let i) = findChoice(input, choices), input.count <= Self.phrases(of: choices[i]).map(\.count).max() ?? 0 {
            picked = [i]
        } else {
            picked = []
            for part in splitList(text) {
                switch findChoice(Normalizer.words(part), choices) {
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

    // MARK: Yes / no

    /// `redFlag`: the question asks about a warning sign, where a "no" must be a plain no (see below).
    /// `yesPhrases`: the question's own words for what it asks about (`Question.yesPhrases`).
    /// `negativelyAsked`: the question's own text has a denial in it (`Question.askIsNegative`).
    func matchYesNo(_ input: [String], redFlag: Bool = false, yesPhrases: [[String]] = [], clauses: [[String]] = [],
                    negativelyAsked: Bool = true) -> MatchResult {
        guard !input.isEmpty else { return .notUnderstood }
        let phrase = input.count == 1 ? input[0] : input.joined(separator: " ")
        let yes = words.normalizedYes, no = words.normalizedNo
        if yes.contains(phrase) { return .answer(.yesNo(true)) }
        // "none" / "nothing" to "have you noticed less or no feeling in your genitals?" may mean the feeling is gone:
        // at a warning-sign question worded with a denial they are asked again (to "any chest pain?" they are a no).
        if redFlag, negativelyAsked, Self.emptyAnswers.contains(phrase) { return .notUnderstood }
        if no.contains(phrase) || redFlag && Self.warningSignDenials.contains(phrase) { return .answer(.yesNo(false)) }
        // At a warning-sign question a yes is a yes however it is hedged or explained: "yes, a little", "yes, no
        // feeling at all", "yeah, sort of". Asking again would end in a hand-off instead of the advice.
        // ("yeah, no" is a no in speech, and "yes, no" is asked again: not a yes.)
        // "yeah nah, I'm fine", "yeah, no, all good": a yes word then a no word is the no of speech.
        if input.count > 2, yes.contains(input[0]), no.contains(input[1]) {
            var rest = clauses
            if !rest.isEmpty { rest[0].removeFirst(); if rest[0].isEmpty { rest.removeFirst() } }
            if case .answer(.yesNo(false)) = matchYesNo(Array(input.dropFirst()), redFlag: redFlag, yesPhrases: yesPhrases,
                                                       clauses: rest, negativelyAsked: negativelyAsked) {
                return .answer(.yesNo(false))
            }
        }
        // "yes, I mean no": a no that takes the yes back is asked again.
        let takesYesBack = input.indices.contains { Self.corrections.contains(input[$0]) && input[($0 + 1)...].contains(where: no.contains) }
        if redFlag, yes.contains(input[0]), !(input.count == 2 && no.contains(input[1])), !takesYesBack { return .answer(.yesNo(true)) }
        // At a warning-sign question a yes that takes a "no" back ("no wait, yes", "no, actually yes", "no, wait, I do")
        // may report the sign: the safe reading is yes.
        if redFlag, let lastNo = input.lastIndex(where: { no.contains($0) || $0 == "not" }),
           let correction = input[(lastNo + 1)...].firstIndex(where: Self.corrections.contains),
           Self.saysYesAfter(correction, in: input, yes: yes) {
            return .answer(.yesNo(true))
        }
        // There, "a bit", "sometimes", "I think so", "probably" say the sign may be there: the advice to get it checked
        // is the safe answer, and asking again until the hand-off is not. (Unless a denial is in it: "probably not".)
        if redFlag, Self.warningSignHedges.contains(where: { Phrase.matches($0, in: input, at: 0) }),
           !input.contains(where: { InterruptMatcher.negators.contains($0) || no.contains($0) }) {
            return .answer(.yesNo(true))
        }
        if !yesPhrases.isEmpty, let mention = Self.mentions(yesPhrases, in: clauses.isEmpty ? [input] : clauses) {
            // "a little numb", "pins and needles", "I can't pee" to the question about it: a yes. After a leading "no"
            // the mention may belong to something else ("no, but my mum had breast cancer", "no, I'm not on steroids"):
            // asked again, unless the phrase itself starts the line ("no feeling at all").
            // ("no numbness but tingling" is a yes: the mention follows a "but".)
            if mention.said { return no.contains(input[0]) && !mention.leads ? .notUnderstood : .answer(.yesNo(true)) }
            // "no numbness", "not numb", "I don't have any numbness or tingling": the question's own symptom
            // denied, and nothing else said.
            if mention.rest.allSatisfy(Self.denialOnlyWords.contains), mention.rest.contains(where: InterruptMatcher.negators.contains) {
                return .answer(.yesNo(false))
            }
            if case .answer(.yesNo(false)) = matchYesNo(mention.rest, redFlag: redFlag) { return .answer(.yesNo(false)) }
        }
        // "not sure", "no idea": unsure is never taken as an answer, least of all at a red-flag question.
        if Self.unsure.contains(where: { Phrase.occurs($0, in: input) }) { return .notUnderstood }
        // "no, actually yes", "nah yes": both at once means ask again, never pick one.
        let saysYes = input.contains { yes.contains($0) }
        let saysNo = input.contains { no.contains($0) || $0 == "not" }
        if saysYes && saysNo {
            // "no, I'm ok", "nah, all good, sure": a denial with a word of assent in it is still a denial.
            if no.contains(input[0]), Self.isPlainDenial(input.dropFirst().filter { !no.contains($0) },
                                                         negated: input[0] == "never" || input[0] == "not") {
                return .answer(.yesNo(false))
            }
            // Anything else that says both ("no, yes I'm sure") is asked again.
            return .notUnderstood
        }
        // "yes, it does" / "no, never": the first word decides when nothing contradicts it. Except a "no" at a
        // warning-sign question that goes on to say anything but a denial: "no feeling at all" to "any numbness?"
        // reports the numbness, so it is asked again rather than read as no. (A yes there is a yes whatever follows:
        // "yes, I have numbness on my buttocks".)
        if saysYes, yes.contains(input[0]) { return .answer(.yesNo(true)) }
        if saysNo, no.contains(input[0]) {
            guard redFlag else { return .answer(.yesNo(false)) }
            let rest = input.dropFirst().filter { !no.contains($0) }
            // "never had any", "not had it": the first word is itself the denial that "had" needs.
            let negated = input[0] == "never" || input[0] == "not"
            return Self.isPlainDenial(Array(rest), negated: negated) ? .answer(.yesNo(false)) : .notUnderstood
        }
        return .notUnderstood
    }

    static let emptyAnswers: Set<String> = ["none", "nothing", "none at all", "nothing at all"]

    /// Whether an answer leans to no: it has a "no" or a denial in it ("no, I can pee fine", "my legs aren't weak"),
    /// doubts aside ("not sure", "I don't know" lean nowhere).
    static func leansNo(_ words: [String], no: Set<String>) -> Bool {
        var doubted = [Bool](repeating: false, count: words.count)
        for phrase in unsure {
            for range in Phrase.occurrences(of: phrase, in: words) { for i in range { doubted[i] = true } }
        }
        return words.indices.contains { !doubted[$0] && (no.contains(words[$0]) || InterruptMatcher.negators.contains(words[$0])) }
    }

    /// Words that take back what was just said ("no wait, yes"), and the yeses that can follow them.
    static let corrections: Set<String> = ["wait", "actually", "sorry", "mean", "meant", "oops", "hang", "correction",
                                           "scratch"]

    /// A yes after the correction: a plain one ("no wait, yes") or a yes phrase ending the answer ("no, wait, I do").
    private static func saysYesAfter(_ correction: Int, in input: [String], yes: Set<String>) -> Bool {
        let after = input[(correction + 1)...]
        if after.contains(where: plainYes.contains) { return true }
        return after.indices.contains { yes.contains(input[$0...].joined(separator: " ")) }
    }
    static let plainYes: Set<String> = ["yes", "yeah", "yep", "yup", "aye", "yea", "ya", "y"]

    /// How people say the warning sign may be there, or is there some of the time.
    static let warningSignHedges: [[String]] = ["i think so", "think so", "a bit", "a little", "a little bit", "sometimes",
                                                "probably", "maybe", "slightly", "occasionally", "on and off", "i guess",
                                                "guess so", "possibly", "kind of", "sort of", "kinda", "sorta",
                                                "now and then", "now and again", "at times", "partly", "somewhat",
                                                "might be", "could be", "i suppose", "suppose so", "a few times",
                                                "once or twice", "here and there", "quite a bit", "a lot", "very",
                                                "mostly", "often", "always", "constantly"]
        .map(Normalizer.words)

    /// Denials that are only denials at a warning-sign question ("fine" at the summary means yes).
    static let warningSignDenials: Set<String> = ["fine", "all good", "im fine", "i feel fine", "all fine", "its fine",
                                                  "no way", "i do not", "i havent noticed", "havent noticed",
                                                  "not noticed", "feels normal", "it feels normal", "normal", "all normal",
                                                  "nein", "non", "negatory", "none of that", "nope none", "never had that",
                                                  "never had it", "never", "not me", "no never"]

    /// Whether `input` mentions one of `phrases` without denying it (`said`), and otherwise the words left once the
    /// denied mentions are taken out (`rest`): "no numbness or tingling" -> "no or". Nil when none is mentioned.
    /// A mention followed by a reassurance about it ("no, my chest is fine", "my legs are ok") is denied; a
    /// reassurance elsewhere is not ("no, I'm ok, just a temperature" reports the temperature).
    /// `leads`: the mention said starts a clause, comes after a "but", "just" or "only" in its clause with no one else
    /// named between, or is followed by a "though" ("no numbness but tingling", "no, I'm ok, just a temperature", "no,
    /// I'm ok, both legs are numb"; not "no, but my mum had breast cancer").
    static func mentions(_ phrases: [[String]], in clauses: [[String]]) -> (said: Bool, leads: Bool, rest: [String])? {
        var rest: [String] = []
        var found = false
        for (number, clause) in clauses.enumerated() {
            var denied = [Bool](repeating: false, count: clause.count)
            for phrase in phrases {
                for range in Phrase.occurrences(of: phrase, in: clause) {
                    found = true
                    guard isReassuredAfter(clause, range) || isDeniedAfter(clause, range) || InterruptMatcher.isNegated(clause, range)
                            || isDeniedNearby(clause, range.lowerBound) else {
                        // A mention that starts the line, or a clause of its own after more than a bare "no", is a
                        // statement of its own: "no, I'm ok, both legs are numb" (but "no, numb" may be either).
                        let startsAStatement = range.lowerBound == 0 && (number == 0 || number > 1 || clauses[0].count > 1)
                        let leads = startsAStatement || followsALimit(clause, range.lowerBound)
                            || clause[range.upperBound...].contains { $0 == "though" || $0 == "tho" }
                        return (true, leads, [])
                    }
                    for i in range { denied[i] = true }
                }
            }
            rest += clause.indices.filter { !denied[$0] }.map { clause[$0] }
        }
        return found ? (false, false, rest) : nil
    }

    /// "my chest is fine", "legs are ok", "both are normal": a reassurance within three words after the mention,
    /// itself not denied ("my chest is not fine" reassures no one).
    private static func isReassuredAfter(_ clause: [String], _ range: Range<Int>) -> Bool {
        let after = clause[range.upperBound...].prefix(3)
        guard let index = after.firstIndex(where: reassurances.contains) else { return false }
        return !clause[range.upperBound..<index].contains(where: InterruptMatcher.negators.contains)
    }

    /// "my chest wasn't tight", "my legs were never numb", "chest has not been tight": a denial right after the
    /// mention (a "was", "is", "has" or "been" aside). Like a denial before it, this only takes the mention out.
    private static func isDeniedAfter(_ clause: [String], _ range: Range<Int>) -> Bool {
        for word in clause[range.upperBound...].prefix(3) {
            if InterruptMatcher.negators.contains(word) { return true }
            guard ["was", "is", "were", "are", "has", "have", "had", "been", "it"].contains(word) else { return false }
        }
        return false
    }

    /// A "but", "just" or "only" earlier in the clause, with no one else named after it.
    private static func followsALimit(_ clause: [String], _ start: Int) -> Bool {
        guard let limit = clause[..<start].lastIndex(where: limits.contains) else { return false }
        return !clause[limit..<start].contains(where: InterruptMatcher.others.contains)
    }

    static let limits: Set<String> = ["but", "just", "only", "except", "apart", "merely", "besides", "aside", "save", "other",
                                      "excluding", "barring"]

    /// A denial up to three words before `start` in the clause, with no "but" or "and" between: "I'm not on steroids",
    /// "I don't take steroids". Wider than an interrupt's denial, because here it only takes the phrase out: the
    /// answer is a no only if what is left is itself a plain denial, and is otherwise asked again.
    static func isDeniedNearby(_ clause: [String], _ start: Int) -> Bool {
        var index = start - 1
        while index >= 0, start - index <= 3, !InterruptMatcher.listBreaks.contains(clause[index]) {
            if InterruptMatcher.negators.contains(clause[index]) {
                return !(clause[index] == "not" && index + 1 < clause.count && InterruptMatcher.doubts.contains(clause[index + 1]))
            }
            index -= 1
        }
        return false
    }

    /// What is left of "I don't have any numbness", "never had any numbness or tingling" once the denied symptom is
    /// taken out: a denial and nothing else.
    static let denialOnlyWords = InterruptMatcher.negators.union(InterruptMatcher.negationFillers)
        .union(["i", "or", "and", "nor", "no", "it", "them", "those", "ive", "im", "am", "is", "at", "all", "really"])

    /// Whether the words after a "no" at a warning-sign question only deny: "no, I haven't", "nope, not at all", "no,
    /// I'm fine", "no, just a sore back". Words that could state the symptom ("I do", "I've had it", "it is") need a
    /// denial or a reassurance with them ("no, I don't", "no, it's fine"), and words of time never pass ("no, just
    /// recently", "no, only now", "no, not lately": the symptom may be new).
    static func isPlainDenial(_ words: [String], negated: Bool = false) -> Bool {
        guard words.allSatisfy({ denyingWords.contains($0) || assertingWords.contains($0) }) else { return false }
        // "no, I'm not ok", "no, not fine": things are not fine, whatever the "no" answered.
        if words.indices.dropFirst().contains(where: { reassurances.contains(words[$0]) && InterruptMatcher.negators.contains(words[$0 - 1]) }) {
            return false
        }
        if words.contains(where: timeWords.contains) { return false }
        guard words.contains(where: assertingWords.contains), !negated else { return true }
        return words.contains(where: { negations.contains($0) || reassurances.contains($0) })
            || reassuringPhrases.contains { Phrase.occurs($0, in: words) }
    }

    /// "no, it's just my back": what the person has is the back pain they came about.
    static let reassuringPhrases: [[String]] = ["just my back", "only my back", "just the back", "only the back",
                                                "just back pain", "only back pain", "just my neck", "only my neck"]
        .map(Normalizer.words)

    /// Words that may follow a "no" at a warning-sign question without reporting anything.
    static let denyingWords = Set(["that", "thats", "this", "isnt", "wasnt", "im", "not", "dont", "doesnt", "didnt", "havent",
                                   "hasnt", "hadnt", "arent", "never", "none", "nothing", "at", "all", "thanks", "thank",
                                   "you", "really", "so", "far", "as", "know", "of", "certainly", "definitely",
                                   "absolutely", "thankfully", "luckily", "fortunately", "fine", "ok", "okay", "good",
                                   "well", "problems", "issues", "only", "just", "my", "back", "pain", "sir", "else",
                                   "right", "nope", "nah", "like", "changes", "change", "mate", "maam", "madam", "a",
                                   "the", "sore", "stiff", "stiffness", "ache", "aches", "aching", "normal", "normally",
                                   "everything", "everythings", "ever", "neck", "shoulder", "shoulders", "usual", "alright",
                                   "or", "nor", "any", "sure", "yeah", "all", "good"])
    /// Words that, after a "no", could be stating the symptom: "no, I do have it", "no, that is my problem".
    static let assertingWords: Set<String> = ["i", "it", "its", "is", "was", "am", "do", "does", "did", "have", "has", "had",
                                              "ive", "hurts", "problem", "are", "were", "theyre", "feel", "feels",
                                              "felt", "seem", "seems", "look", "looks"]
    static let timeWords: Set<String> = ["now", "recently", "lately", "today", "yesterday", "since", "started", "new"]
    static let negations: Set<String> = ["not", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "isnt", "wasnt",
                                         "arent", "never", "nothing", "none", "nope"]
    static let reassurances: Set<String> = ["fine", "ok", "okay", "normal", "normally", "good", "well", "usual", "alright"]

    static let unsure: [[String]] = ["no idea", "no clue", "not sure", "dont know", "do not know", "unsure", "maybe",
                                     "perhaps", "not certain", "cant say", "cant tell", "think", "guess", "possibly",
                                     "might", "probably", "preference", "sometimes", "kind of", "sort of", "a bit",
                                     "a little", "not much", "hard to say", "depends"]
        .map(Normalizer.words)

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

    static let fillers: Set<String> = ["about", "around", "maybe", "roughly", "approximately", "probably", "its", "it",
                                       "is", "i", "would", "say", "id", "like", "a", "an", "the", "pain", "im",
                                       "am", "years", "year", "old", "yrs", "score",
                                       "level", "right", "now", "today"]

    // MARK: Text

    func matchText(_ text: String, validation: TextValidation, optional: Bool) -> MatchResult {
        if optional, words.normalizedSkip.contains(Normalizer.normalize(text)), !Normalizer.normalize(text).isEmpty || text == "-" {
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
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
    /// "7/10" -> "7 slash 10" so the denominator stays recognisable after normalising.
    var replacingSlashes: String {
        var out = ""
        for c in self { if c == "/" { out += " slash " } else { out.append(c) } }
        return out
    }
}
