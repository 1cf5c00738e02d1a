/// Which choices each of their exact phrases (id, label, synonym) names, worked out once per question: the first
/// step of `AnswerMatcher.findChoice` is then one lookup instead of comparing the line with every phrase of every
/// choice (a question of the back-strain dialog has up to 80).
struct ExactChoicePhrases: Sendable, Equatable {
    /// Each phrase's words joined by spaces (words have none, so no two phrases join the same), numbered; and by
    /// number, the choices that have it, in order.
    private let phrases: WordTable
    private let choicesByPhrase: [[Int]]

    init(_ choices: [Choice]) {
        // (Grouped through the table itself: every question builds one when its dialog loads, `triage lint` included.)
        let phrases = WordTable(choices.flatMap(\.joinedPhrases))
        var choicesByPhrase = [[Int]](repeating: [], count: phrases.count)
        for (index, choice) in choices.enumerated() {
            for phrase in choice.joinedPhrases {
                if let number = phrases.number(of: phrase), choicesByPhrase[number].last != index {
                    choicesByPhrase[number].append(index)
                }
            }
        }
        self.phrases = phrases
        self.choicesByPhrase = choicesByPhrase
    }

    /// The choices that have `input` (normalised words, not empty) as one of their phrases, in order; nil for none.
    func choices(named input: [String]) -> [Int]? {
        phrases.number(of: input.count == 1 ? input[0] : String.spaced(input)).map { choicesByPhrase[$0] }
    }
}
