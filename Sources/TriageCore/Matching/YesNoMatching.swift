/// Yes/no answers, and the rules that lean to safety at a red-flag question (docs/dialog-format.md, "Answer matching").
extension AnswerMatcher {
    /// A yes that says nothing else ("yes", "yes please, that's all correct, thanks"): the summary sends the request
    /// only on such a line (see `DialogMachine`).
    static func isPlainConfirmation(_ words: [String]) -> Bool {
        words.allSatisfy(confirmationWords.contains)
    }

    /// A plain confirmation that says so ("all good", "send it", "that's all correct"), not only thanks or politeness.
    static func isConfirmation(_ words: [String]) -> Bool {
        !words.isEmpty && isPlainConfirmation(words) && words.contains(where: affirmingWords.contains)
    }

    static let affirmingWords: WordSet = ["yes", "y", "yeah", "yep", "yup", "ya", "yea", "yeh", "yah", "aye", "sure", "ok",
                                              "okay", "correct", "right", "true", "good", "fine", "perfect", "great", "lovely",
                                              "brilliant", "excellent", "spot", "exactly", "send", "ahead", "book", "confirm",
                                              "confirmed", "agree", "agreed", "accurate", "sorted", "ready", "alright", "lgtm",
                                              "absolutely", "definitely", "certainly", "indeed", "affirmative", "totally"]

    static let confirmationWords: WordSet = [
        "yes", "y", "yeah", "yep", "yup", "ya", "yea", "yeh", "yah", "aye", "sure", "ok", "okay", "correct", "right", "true",
        "absolutely", "definitely", "certainly", "of", "course", "indeed", "affirmative", "totally", "perfect", "great",
        "good", "lovely", "fine", "brilliant", "excellent", "thats", "that", "its", "it", "is", "all", "everything",
        "looks", "look", "sounds", "spot", "on", "exactly", "please", "thanks", "thank", "you", "ta", "cheers", "mate",
        "send", "go", "ahead", "book", "me", "in", "do", "i", "uh", "huh", "mhm", "100", "done", "lets", "lgtm", "yess",
        "yesss", "for", "very", "much", "so", "well", "alright", "allright", "just", "im", "happy", "with", "this", "these",
        "are", "ready", "sorted", "confirm", "confirmed", "agree", "agreed", "accurate", "a", "hundred", "percent",
        // Thanks that say nothing new (a nineteenth review: "yes, thanks so much for your help today" was not sent).
        "your", "help", "today", "lot", "loads", "appreciate", "appreciated", "kindly",
    ]

    /// `redFlag`: the question asks about a warning sign, where a "no" must be a plain no (see below).
    /// `yesPhrases`: the question's own words for what it asks about (`Question.yesPhrases`).
    /// `negativelyAsked`: the question's own text has a denial in it (`Question.askIsNegative`).
    /// `yesPhraseIndex`: `yesPhrases` by first word (`Question.yesPhraseIndex`), if worked out.
    func matchYesNo(_ input: [String], redFlag: Bool = false, yesPhrases: [[String]] = [], yesPhraseIndex: PhraseIndex? = nil,
                    clauses: [[String]] = [], negativelyAsked: Bool = true) -> MatchResult {
        guard !input.isEmpty else { return .notUnderstood }
        let phrase = input.count == 1 ? input[0] : input.joined(separator: " ")
        let yes = words.yesSet, no = words.noSet
        if yes.contains(phrase) { return .answer(.yesNo(true)) }
        // "none" / "nothing" to "have you noticed less or no feeling in your genitals?" may mean the feeling is gone:
        // at a warning-sign question worded with a denial they are asked again (to "any chest pain?" they are a no).
        if redFlag, negativelyAsked, Self.emptyAnswers.contains(phrase) { return .notUnderstood }
        if no.contains(phrase) || redFlag && Self.warningSignDenials.contains(phrase) { return .answer(.yesNo(false)) }
        // At a warning-sign question a yes is a yes however it is hedged or explained: "yes, a little", "yes, no
        // feeling at all", "yeah, sort of". Asking again would end in a hand-off instead of the advice.
        // "yeah nah, I'm fine", "yeah, no, all good": a yes word then a no word is the no of speech (and "yes, no"
        // alone is asked again, below: not a yes).
        if input.count > 2, yes.contains(input[0]), no.contains(input[1]) {
            var rest = clauses
            if !rest.isEmpty { rest[0].removeFirst(); if rest[0].isEmpty { rest.removeFirst() } }
            if case .answer(.yesNo(false)) = matchYesNo(Array(input.dropFirst()), redFlag: redFlag, yesPhrases: yesPhrases,
                                                       yesPhraseIndex: yesPhraseIndex, clauses: rest,
                                                       negativelyAsked: negativelyAsked) {
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
        // A minimiser in front changes nothing: "just a bit", "only a little", "just the once".
        let hedgeStart = Self.minimisers.contains(input[0]) ? 1 : 0
        if redFlag, Self.warningSignHedges.contains(where: { Phrase.matches($0, in: input, at: hedgeStart) }),
           !input.contains(where: { InterruptMatcher.negators.contains($0) || no.contains($0) }) {
            return .answer(.yesNo(true))
        }
        if !yesPhrases.isEmpty,
           let mention = Self.mentions(yesPhrases, in: clauses.isEmpty ? [input] : clauses, index: yesPhraseIndex) {
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

    static let emptyAnswers: WordSet = ["none", "nothing", "none at all", "nothing at all", "none of them", "none of those",
                                            "no nothing", "no none", "nope none", "nope nothing", "no none of them",
                                            "nothing does", "none do", "none of them do", "no nothing helps", "nothing helps"]

    /// Whether an answer that leans to no starts with the denial ("no, not like that", "not really, it's fine"), rather
    /// than saying something is missing or wrong ("my bladder hasn't been right", "I leak without knowing").
    static func leadsWithDenial(_ words: [String], no: WordSet) -> Bool {
        guard let first = words.first, !unsure.contains(where: { Phrase.matches($0, in: words, at: 0) }) else { return false }
        return no.contains(first) && first != "nothing" && first != "none" || first == "not"
    }

    /// Whether an answer leans to no: it has a "no" or a denial in it ("no, I can pee fine", "my legs aren't weak"),
    /// doubts aside ("not sure", "I don't know" lean nowhere), and so do the negative words of a description
    /// ("for no reason", "nothing eases it", "it never goes", "pins n needles": an "n" after the first word is "and").
    static func leansNo(_ words: [String], no: WordSet) -> Bool {
        var ignored = [Bool](repeating: false, count: words.count)
        for phrase in notDenying {
            for range in Phrase.occurrences(of: phrase, in: words) { for i in range { ignored[i] = true } }
        }
        return words.indices.contains { index in
            let word = words[index]
            return !ignored[index] && !(word == "n" && index > 0)
                && (no.contains(word) || InterruptMatcher.negators.contains(word))
        }
    }

    private static let notDenying = unsure + describingNegatives

    /// Negative words that describe a sign rather than deny it (an eighteenth review: typed three times, each ended in
    /// the hand-off instead of the sign's advice).
    static let describingNegatives: [[String]] = [
        "for no reason", "no reason", "without trying", "without doing anything", "without meaning to", "without knowing",
        "without realising", "without realizing", "without warning", "without noticing", "not like normal",
        "not like it used to", "nothing helps", "nothing eases", "nothing shifts", "nothing touches", "nothing works",
        "nothing i try", "nothing i do", "nothing makes", "never goes", "never stops", "never eases", "never lets up",
        "never all comes out", "no better", "no relief", "no position", "none of them help", "no matter",
    ].map(Normalizer.words)

    /// Words that take back what was just said ("no wait, yes"), and the yeses that can follow them.
    static let corrections: WordSet = ["wait", "actually", "sorry", "mean", "meant", "oops", "hang", "correction",
                                           "scratch"]

    /// A yes after the correction: a plain one ("no wait, yes") or a yes phrase ending the answer ("no, wait, I do").
    private static func saysYesAfter(_ correction: Int, in input: [String], yes: WordSet) -> Bool {
        let after = input[(correction + 1)...]
        if after.contains(where: plainYes.contains) { return true }
        return after.indices.contains { yes.contains(input[$0...].joined(separator: " ")) }
    }
    static let plainYes: WordSet = ["yes", "yeah", "yep", "yup", "aye", "yea", "ya", "y"]

    /// How people say the warning sign may be there, or is there some of the time.
    static let warningSignHedges: [[String]] = ["i think so", "think so", "a bit", "a little", "a little bit", "sometimes",
                                                "probably", "maybe", "slightly", "occasionally", "on and off", "i guess",
                                                "guess so", "possibly", "kind of", "sort of", "kinda", "sorta",
                                                "now and then", "now and again", "at times", "partly", "somewhat",
                                                "might be", "could be", "i suppose", "suppose so", "a few times",
                                                "once or twice", "here and there", "quite a bit", "a lot", "very",
                                                "mostly", "often", "always", "constantly", "perhaps", "once",
                                                "used to", "in the past", "the once", "a tiny bit", "a wee bit",
                                                "a touch"]
        .map(Normalizer.words)
    static let minimisers: WordSet = ["just", "only", "merely"]

    /// Denials that are only denials at a warning-sign question ("fine" at the summary means yes).
    static let warningSignDenials: WordSet = ["fine", "all good", "im fine", "i feel fine", "all fine", "its fine",
                                                  "no way", "i do not", "i havent noticed", "havent noticed",
                                                  "not noticed", "feels normal", "it feels normal", "normal", "all normal",
                                                  "nein", "non", "negatory", "none of that", "nope none", "never had that",
                                                  "never had it", "never", "not me", "no never",
                                                  // Asked again in an eighteenth review's runs.
                                                  "i havent noticed anything like that", "havent noticed anything like that",
                                                  "nothing like that here", "havent had that", "i havent had that",
                                                  "not had that"]

    /// Whether `input` mentions one of `phrases` without denying it (`said`), and otherwise the words left once the
    /// denied mentions are taken out (`rest`): "no numbness or tingling" -> "no or". Nil when none is mentioned.
    /// A mention followed by a reassurance about it ("no, my chest is fine", "my legs are ok") is denied; a
    /// reassurance elsewhere is not ("no, I'm ok, just a temperature" reports the temperature).
    /// `leads`: the mention said starts a clause, comes after a "but", "just" or "only" in its clause with no one else
    /// named between, or is followed by a "though" ("no numbness but tingling", "no, I'm ok, just a temperature", "no,
    /// I'm ok, both legs are numb"; not "no, but my mum had breast cancer").
    /// `index`: the phrases by first word, if worked out (then only the phrases that can occur are looked for).
    static func mentions(_ phrases: [[String]], in clauses: [[String]], index: PhraseIndex? = nil)
        -> (said: Bool, leads: Bool, rest: [String])? {
        // In their order: a phrase that does not occur changes nothing below.
        let candidates = index?.candidates(in: clauses) ?? Array(phrases.indices)
        guard !candidates.isEmpty else { return nil }
        var rest: [String] = []
        var found = false
        for (number, clause) in clauses.enumerated() {
            var denied = [Bool](repeating: false, count: clause.count)
            for phrase in candidates.lazy.map({ phrases[$0] }) {
                // A phrase that itself says something is missing or limited ("nothing comes out", "less feeling",
                // "just pressure", "cant feel") is not denied by a denial next to it: "no nothing comes out", "no just
                // pressure", "I can't feel nothing" report it.
                for range in Phrase.occurrences(of: phrase, in: clause) {
                    found = true
                    // (Worked out only for a phrase that occurs: a question has dozens, and most lines mention none.)
                    let saysMissing = phrase.contains(where: missingWords.contains)
                    // One that starts with its own subject ("both are weak") is a statement: "no both are weak" reports it.
                    let startsAStatementOfItsOwn = saysMissing || subjects.contains(phrase[0])
                    guard isReassuredAfter(clause, range) || !saysMissing && isDeniedAfter(clause, range)
                            || !startsAStatementOfItsOwn && (InterruptMatcher.isNegated(clause, range)
                                                             || isDeniedNearby(clause, range.lowerBound)) else {
                        // A mention that starts the line, or a clause of its own after more than a bare "no", is a
                        // statement of its own: "no, I'm ok, both legs are numb" (but "no, numb" may be either).
                        let startsAStatement = range.lowerBound == 0 && (number == 0 || number > 1 || clauses[0].count > 1)
                        let leads = startsAStatement || followsALimit(clause, range)
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
            guard linkingWords.contains(word) else { return false }
        }
        return false
    }

    static let linkingWords: WordSet = ["was", "is", "were", "are", "has", "have", "had", "been", "it"]

    /// A "but", "just" or "only" earlier in the clause, with no one else named after it. Not "the only ... is", which
    /// says what the mention turned out to be: "no, the only pressure is work pressure", "no, the only burning is
    /// heartburn" (an eighteenth review found them read as the sign).
    private static func followsALimit(_ clause: [String], _ range: Range<Int>) -> Bool {
        guard let limit = clause[..<range.lowerBound].lastIndex(where: limits.contains) else { return false }
        // In the part before the "is", or after it naming the same thing again ("... is work pressure"); "no, the
        // only thing is I can't pee" still leads, and so does what says where or when the sign is ("no, the only
        // burning is when I pee", "the only swelling is in my left calf").
        if clause[limit] == "only", limit > 0, clause[limit - 1] == "the",
           let linking = clause[(limit + 1)...].firstIndex(where: ["is", "was", "are", "were"].contains), linking > limit + 1,
           linking + 1 < clause.count, !whereOrWhen.contains(clause[linking + 1]) {
            let subject = clause[(limit + 1)..<linking]
            if range.upperBound <= linking || range.lowerBound > linking && clause[range].contains(where: subject.contains) {
                return false
            }
        }
        return !clause[limit..<range.lowerBound].contains(where: InterruptMatcher.others.contains)
    }

    /// Words that start saying where or when something is ("… is in my calf", "… is when I pee").
    static let whereOrWhen: WordSet = ["when", "whenever", "if", "in", "on", "at", "around", "down", "up", "after",
                                           "during", "while", "i", "im", "my", "into", "from", "since", "every", "all",
                                           "both", "there", "here", "between", "near", "under", "over", "across",
                                           "behind", "inside", "through", "each", "always", "still", "getting", "worse",
                                           "really", "so", "very", "constant", "constantly", "right", "left", "just"]

    static let limits: WordSet = ["but", "just", "only", "except", "apart", "merely", "besides", "aside", "save", "other",
                                      "excluding", "barring"]

    /// Words of a phrase that say something is missing or limited (see `mentions`).
    static let missingWords = InterruptMatcher.negators.union(InterruptMatcher.inability).union(limits)
        .union(["less", "hardly", "barely"])

    /// A denial up to three words before `start` in the clause, with no "but" or "and" between: "I'm not on steroids",
    /// "I don't take steroids". Wider than an interrupt's denial, because here it only takes the phrase out: the
    /// answer is a no only if what is left is itself a plain denial, and is otherwise asked again. A subject between
    /// starts a statement of its own: "no it tingles", "no I've leaked", "no both are weak" deny nothing.
    static func isDeniedNearby(_ clause: [String], _ start: Int) -> Bool {
        var index = start - 1
        while index >= 0, start - index <= 3, !InterruptMatcher.listBreaks.contains(clause[index]),
              !subjects.contains(clause[index]) {
            if InterruptMatcher.negators.contains(clause[index]) {
                return !(clause[index] == "not" && index + 1 < clause.count && InterruptMatcher.doubts.contains(clause[index + 1]))
            }
            index -= 1
        }
        return false
    }

    static let subjects: WordSet = ["i", "im", "ive", "id", "it", "its", "both", "they", "theyre", "my", "we", "he", "she",
                                        "there", "theres", "everything", "something"]

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
    static let denyingWords = WordSet(["that", "thats", "this", "isnt", "wasnt", "im", "not", "dont", "doesnt", "didnt", "havent",
                                   "hasnt", "hadnt", "arent", "never", "none", "nothing", "at", "all", "thanks", "thank",
                                   "you", "really", "so", "far", "as", "know", "of", "certainly", "definitely",
                                   "absolutely", "thankfully", "luckily", "fortunately", "fine", "ok", "okay", "good",
                                   "well", "problems", "issues", "only", "just", "my", "back", "pain", "sir", "else",
                                   "right", "nope", "nah", "like", "changes", "change", "mate", "maam", "madam", "a",
                                   "the", "sore", "stiff", "stiffness", "ache", "aches", "aching", "normal", "normally",
                                   "everything", "everythings", "ever", "neck", "shoulder", "shoulders", "usual", "alright",
                                   "or", "nor", "any", "sure", "yeah", "all", "good", "those", "them", "these", "god",
                                   "goodness", "heavens", "cheers"])
    /// Words that, after a "no", could be stating the symptom: "no, I do have it", "no, that is my problem".
    static let assertingWords: WordSet = ["i", "it", "its", "is", "was", "am", "do", "does", "did", "have", "has", "had",
                                              "ive", "hurts", "problem", "are", "were", "theyre", "feel", "feels",
                                              "felt", "seem", "seems", "look", "looks"]
    static let timeWords: WordSet = ["now", "recently", "lately", "today", "yesterday", "since", "started", "new"]
    static let negations: WordSet = ["not", "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "isnt", "wasnt",
                                         "arent", "never", "nothing", "none", "nope"]
    static let reassurances: WordSet = ["fine", "ok", "okay", "normal", "normally", "good", "well", "usual", "alright"]

    static let unsure: [[String]] = ["no idea", "no clue", "not sure", "dont know", "do not know", "unsure", "maybe",
                                     "perhaps", "not certain", "cant say", "cant tell", "think", "guess", "possibly",
                                     "might", "probably", "preference", "sometimes", "kind of", "sort of", "a bit",
                                     "a little", "not much", "hard to say", "depends"]
        .map(Normalizer.words)
}
