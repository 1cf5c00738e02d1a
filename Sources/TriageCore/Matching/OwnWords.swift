/// Whether a line says more than the answer taken from it: the words the machine keeps for the clinic
/// (`DialogMachine`'s `ownWords`, put in the booking request's notes).
extension AnswerMatcher {
    /// Words that add nothing to an answer ("my lower back, mostly", "no thanks", "about 7 I think").
    static let plainWords: WordSet = stopWords.union(fillers).union(InterruptMatcher.negationFillers).union([
        "and", "but", "so", "or", "very", "really", "quite", "bit", "lot", "too", "also", "well", "thanks", "thank",
        "please", "to", "for", "with", "that", "this", "be", "was", "me", "ive", "dont", "not", "yes", "no", "ok", "okay",
        "sure", "yeah", "yep", "nope", "nah", "there", "here", "side", "both", "one", "right", "left", "mine", "you",
        "all", "time", "bad", "now", "then", "um", "er", "erm", "hmm", "like",
    ])

    /// How many words of a line, beyond the answer's own, make it worth keeping.
    static let ownWordsWorthKeeping = 2

    /// Whether `input` (a line's words) says at least `ownWordsWorthKeeping` words beyond the answer `result` took
    /// from it (all of them when nothing was understood).
    static func saysMore(_ input: [String], than result: MatchResult, to question: Question, words: Words) -> Bool {
        // Most answers are a word or two: nothing to count.
        guard input.count >= ownWordsWorthKeeping else { return false }
        guard case .answer(let answer) = result else { return count(input) { _ in false } >= ownWordsWorthKeeping }
        let chosen: [String]
        switch answer {
        case .choice(let id): chosen = [id]
        case .choices(let ids): chosen = ids
        case .yesNo: return count(input, beyond: words.yesNoWordSet.contains) >= ownWordsWorthKeeping
        case .number: return count(input, beyond: { words.numbers[$0] != nil }) >= ownWordsWorthKeeping
        case .text, .skipped: return false
        }
        return count(input) { word in
            question.choices.contains { chosen.contains($0.id) && $0.phrases.contains { $0.contains(word) } }
        } >= ownWordsWorthKeeping
    }

    /// Words of `input` that are not plain, not digits and not `answered` (counted up to `ownWordsWorthKeeping`).
    private static func count(_ input: [String], beyond answered: (String) -> Bool) -> Int {
        var count = 0
        for word in input where !plainWords.contains(word) && !word.allSatisfy(\.isASCIIDigitCharacter) && !answered(word) {
            count += 1
            if count >= ownWordsWorthKeeping { break }
        }
        return count
    }
}

extension MatchResult {
    var isAnswer: Bool { if case .answer = self { true } else { false } }
}
