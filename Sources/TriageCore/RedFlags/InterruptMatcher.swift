/// Checks a line against every interrupt pattern of a dialog. Built once per spec.
public struct InterruptMatcher: Sendable {
    private let entries: [(interrupt: Interrupt, rank: Int)]
    /// The patterns as word ids, and the misspellings index. Built when the first line is matched: `triage lint`
    /// never needs them.
    private let compiled: BuiltOnFirstUse<CompiledPatterns>

    public init(spec: DialogSpec) {
        self = spec.interruptMatcher
    }

    /// `rank` gives the urgency rank of an interrupt's target (lower is more urgent). `knownWords` are the other
    /// words the dialog understands (choices, yes phrases, commands): those are never read as misspellings.
    init(interrupts: [Interrupt], knownWords: @escaping @Sendable () -> Set<String> = { [] }, rank: (String) -> Int) {
        entries = interrupts.map { ($0, rank($0.target)) }
        compiled = BuiltOnFirstUse {
            var patterns: [(entry: Int, elements: [PatternSyntax.Element])] = []
            for (entry, interrupt) in interrupts.enumerated() {
                // Patterns are read like lines: "my legs are numb" as "my legs is numb" (see `Tense`). (A pattern the
                // loader refused never gets here.)
                for case .success(let elements) in interrupt.patterns.lazy.map(PatternSyntax.compile) {
                    patterns.append((entry, elements))
                }
            }
            return CompiledPatterns(patterns, knownWords: knownWords())
        }
    }

    /// Words that start a clause about the thing the clause before named.
    static let continuations: WordSet = ["which", "its", "it", "they", "theyre", "that", "thats", "where", "both"]

    /// Words that can stop a pattern from counting (denials and what they reach over, list breaks, someone else
    /// having it): a misspelling is never read as one of them, so a correction cannot turn a report into a denial.
    static let meaningWords: WordSet = negators.union(negationFillers).union(listBreaks).union(others).union(having)

    /// Builds what matching needs now (the compiled patterns, the misspellings index) rather than on the first line
    /// typed: `triage serve` calls it before it listens, so the first kiosk's first answer does not wait for it.
    public func prepare() {
        // A word that is neither English nor the dialog's builds the misspellings index too.
        _ = match(clauses: [["prepare", "zqxvkj"]])
    }

    /// The interrupt to follow for this line, if any: when several match, the most urgent target wins,
    /// then the one defined first.
    public func match(_ line: String) -> Interrupt? {
        match(clauses: Normalizer.clauses(line))
    }

    /// The same for a line already split into clauses (`Normalizer.clauses`).
    public func match(clauses: [[String]]) -> Interrupt? {
        var tokens: [Token] = []
        return match(clauses: clauses, tokens: &tokens)
    }

    /// The same, reading each clause's tokens into `tokens` (a conversation keeps one array for every line).
    func match(clauses: [[String]], tokens: inout [Token]) -> Interrupt? {
        let compiled = compiled.value
        var best: Int?
        // Worked out only when a pattern matches (most lines match none).
        var onlySomeoneElse: Bool?
        func aboutSomeoneElse() -> Bool {
            if let known = onlySomeoneElse { return known }
            // (The tokens of every clause: only for a line a pattern matched, so not kept for every line.)
            let found = Self.namesOnlySomeoneElse(clauses.map(compiled.tokens))
            onlySomeoneElse = found
            return found
        }
        func scan(_ tokens: [Token]) {
            compiled.scan(Tense.present(tokens, classes: \.classes, is: compiled.isToken) ?? tokens) { entry, words, range in
                guard !Self.isNegated(words, range),
                      !(range.lowerBound > 0 && aboutSomeoneElse() && Self.isNamedAsHavingIt(words, before: range.lowerBound)) else { return }
                if let current = best {
                    let better = entries[entry].rank < entries[current].rank
                        || (entries[entry].rank == entries[current].rank && entry < current)
                    if better { best = entry }
                } else {
                    best = entry
                }
            }
        }
        // Each clause on its own, so "No. Chest pain." is not read as a denial of the chest pain; each as typed,
        // and again in every reading of its misspellings as pattern words (when it has any), so a pattern that
        // lists a misspelling ("leggs") still matches it as typed.
        // Whether the clause before may have slips, for reading a clause together with it (its tokens are worked out
        // again then: few clauses go on about the one before).
        var previousMayHaveSlips = false
        for (index, clause) in clauses.enumerated() {
            compiled.tokens(clause, into: &tokens)
            let mayHaveSlips = compiled.misspellings.mayHaveSlips(clause)
            defer { previousMayHaveSlips = mayHaveSlips }
            scan(tokens)
            if mayHaveSlips {
                for spelled in compiled.misspellings.readings(of: clause) { scan(compiled.tokens(spelled)) }
                // "cantpee", "wetmyself": two pattern words typed without the space.
                if let split = compiled.splitReading(of: clause) { scan(compiled.tokens(split)) }
            }
            // A clause that goes on about the one before ("lower back and tummy, it's pulsing", "into my buttock,
            // which is numb") is also read together with it. Only ever one more reading: a match can be added, none
            // taken away.
            guard index > 0, tokens.first?.is(.continuation) == true else { continue }
            scan(compiled.tokens(clauses[index - 1]) + tokens)
            guard previousMayHaveSlips || mayHaveSlips else { continue }
            for spelled in compiled.misspellings.readings(of: clauses[index - 1] + clause) { scan(compiled.tokens(spelled)) }
        }
        return best.map { entries[$0].interrupt }
    }

    /// The most words a gap ("..." in a pattern) stands for: "numbness ... legs" is "numbness down both of my legs", not two clauses'
    /// worth of words.
    static let maxGapWords = 4

    /// "no chest pain", "I don't have a fever", "without any numbness between my legs": the phrase (at `range` in
    /// the clause) is denied right before it, filler words aside, or is a later item of a denied list ("no chest
    /// pain or shortness of breath", "I haven't wet or soiled myself"). Only such a denial counts, so "no, but I
    /// can't pee", "not sure, I can't pee" and "no numbness and I can't pee" still interrupt. Ways of saying yes
    /// that look like a denial are not one: "I never had chest pain until today", "never had chest pain like this"
    /// (or "as bad as this"), and "I can't sit without chest pain" (it is there all the time).
    static func isNegated(_ words: [String], _ range: Range<Int>) -> Bool {
        isNegated(Token.classesOnly(words), range)
    }

    static func isNegated(_ words: [Token], _ range: Range<Int>) -> Bool {
        guard let negator = denial(before: range.lowerBound, in: words) else { return false }
        if range.upperBound < words.count {
            let next = words[range.upperBound]
            let following = range.upperBound + 1 < words.count ? words[range.upperBound + 1] : nil
            if next.is(.until) { return false }
            // "never had chest pain before today / before this week" (but "never had chest pain before" is a denial).
            if next.is(.before), let following, following.is(.recent) { return false }
            if next.is(.like), let following, following.is(.likeWhat) { return false }
            if next.is(.asSoThis), let following, following.is(.intensity) { return false }
        }
        if words[negator].is(.without), words[..<negator].contains(where: { $0.is(.inability) }) { return false }
        return true
    }

    /// Where the negator denying the words from `start` on is, if any: right before them (fillers aside), or before
    /// the previous item of an "or" list they end ("no X or Y"; the denial at most five words before the "or").
    private static func denial(before start: Int, in words: [Token]) -> Int? {
        var index = start - 1
        while index >= 0, words[index].is(.filler) { index -= 1 }
        guard index >= 0 else { return nil }
        if words[index].is(.negator) { return isDenial(at: index, in: words) ? index : nil }
        guard words[index].is(.orNor) else { return nil }
        // A phrase that itself says something is missing ("can't pee", "no feeling down there") reports it, even as
        // the next item of a list: "I don't have a fever or can't pee".
        if start < words.count, words[start].is([.negator, .inability]) { return nil }
        // Back over the previous item to what denied it.
        var item = index - 1
        while item >= 0, index - item <= 5, !words[item].is(.listBreak) {
            if words[item].is(.negator) { return isDenial(at: item, in: words) ? item : nil }
            item -= 1
        }
        return nil
    }

    /// "not sure", "not certain" are doubts, not denials.
    private static func isDenial(at index: Int, in words: [Token]) -> Bool {
        !(words[index].is(.not) && index + 1 < words.count && words[index + 1].is(.doubt))
    }

    /// "my son has a fever", "my mum had breast cancer", "my dog can't pee outside", "my daughter who has a fever":
    /// within six words before the phrase, with no "and" or "but" between, someone else is named followed by "has",
    /// "had", "is" and the like (a "who" or "that" between them aside).
    /// Only asked for a line that `namesOnlySomeoneElse`. Anything else still fires: "my wife says both legs are
    /// numb" (she says it of me), "my son has a fever and both legs are numb", "my partner has a fever, me too",
    /// "my wife says I have a fever".
    static func isNamedAsHavingIt(_ words: [Token], before start: Int) -> Bool {
        var index = start - 1
        while index >= 0, start - index <= 6, !words[index].is(.listBreak) {
            // "has noticed", "had said": what the other person saw or said, not what they have.
            if words[index].is(.other) {
                // After a "who", only what they have right after the verb: "my partner who is a nurse thinks cauda
                // equina" says it of the person typing.
                let relative = words[index + 1].is(.relative)
                let verb = relative ? index + 2 : index + 1
                if verb < words.count, words[verb].is(.having), verb + 1 >= words.count || !words[verb + 1].is(.reporting),
                   !relative || start - verb <= 2 {
                    return true
                }
            }
            index -= 1
        }
        return false
    }

    /// Whether a line names someone else and says nothing about the person typing (a "my" right before the other
    /// person, as in "my son", is not about the person typing).
    static func namesOnlySomeoneElse(_ clauses: [[Token]]) -> Bool {
        var namesOther = false
        for words in clauses {
            for (index, word) in words.enumerated() {
                if word.is(.other) { namesOther = true }
                if word.is(.includingMe) { return false }
                guard word.is(.firstPerson) else { continue }
                if word.is(.my), index + 1 < words.count, words[index + 1].is(.other) { continue }
                return false
            }
        }
        return namesOther
    }

    /// What says the other person has it: "my son has", "my mum had", "my dog cant".
    static let having: WordSet = ["has", "had", "have", "is", "was", "got", "gets", "suffers", "suffered", "died",
                                      "keeps", "cant", "cannot", "couldnt"]
    static let reporting: WordSet = ["noticed", "seen", "said", "told", "mentioned", "thought", "found", "spotted",
                                         "heard", "asked", "warned", "worried", "wondered", "realised", "realized"]
    /// Words that put the person typing in the line too: "my dad has chest pain, same here", "ditto", "me too".
    static let includingMe: WordSet = ["same", "ditto", "too", "also", "both", "likewise", "either", "neither", "snap",
                                           "club", "truly", "mine", "mines"]

    static let others: WordSet = ["mum", "mom", "mother", "mam", "dad", "father", "sister", "brother", "wife",
                                      "husband", "partner", "son", "daughter", "child", "kid", "kids", "baby", "friend",
                                      "grandad", "granddad", "grandpa", "grandma", "granny", "nan", "nana", "grandmother",
                                      "grandfather", "aunt", "auntie", "uncle", "cousin", "niece", "nephew", "neighbour",
                                      "neighbor", "colleague", "boss", "dog", "cat", "girlfriend", "boyfriend", "family",
                                      "parents", "mate"]
    static let firstPerson: WordSet = ["i", "im", "ive", "id", "me", "my", "myself", "mine", "we", "us", "our",
                                           "were", "weve"]

    /// "no chest pain until / unless / except when I walk": it comes, then.
    static let untilWords: WordSet = ["until", "till", "til", "untill", "unless", "except", "apart"]
    static let recentWords: WordSet = ["today", "yesterday", "this", "last", "now", "recently", "tonight", "monday",
                                           "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let doubts: WordSet = ["sure", "certain"]
    static let likeWhat: WordSet = ["this", "it"]
    static let intensities: WordSet = ["bad", "badly", "severe", "strong", "intense", "painful", "much", "sharp", "high",
                                           "heavy", "tight", "extreme", "awful", "terrible", "horrible"]
    /// "can't sit without", "unable to stand without".
    static let inability: WordSet = ["cant", "cannot", "unable", "impossible", "couldnt"]
    /// Words that end a list item's reach back to a denial ("no numbness and ...", "no fever but ...").
    static let listBreaks: WordSet = ["and", "but", "though", "although", "yet", "except"]

    static let negators: WordSet = ["no", "not", "without", "never", "nor", "dont", "didnt", "havent", "hasnt",
                                        "doesnt", "isnt", "wasnt", "arent", "hadnt", "nothing", "neither"]
    static let negationFillers: WordSet = ["a", "an", "any", "have", "had", "has", "got", "get", "feel", "feeling",
                                               "felt", "been", "having", "do", "does", "did", "experienced",
                                               "noticed", "signs", "of", "sign", "real", "really", "ever", "history", "previous",
                                               // "I'm not on chemo", "not taking steroids".
                                               "on", "taking", "using",
                                               // "been" and "felt" as `Tense` reads them.
                                               "is"]
}
