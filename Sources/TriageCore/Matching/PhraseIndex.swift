/// A list of phrases indexed by their first word: which of them can occur in a line, without comparing the line
/// with each. A warning-sign question has 60 or more phrases of its own (`Question.yesPhrases`), and every answer
/// to it was compared with all of them.
struct PhraseIndex: Sendable, Equatable {
    private let firstWords: WordTable
    /// By first word's number: the phrases starting with it, in order.
    private let phrasesByFirstWord: [[Int]]

    init(_ phrases: [[String]]) {
        // (Grouped through the table itself: every question builds one when its dialog loads, `triage lint` included.)
        let firstWords = WordTable(phrases.compactMap(\.first))
        var byFirstWord = [[Int]](repeating: [], count: firstWords.count)
        for (index, phrase) in phrases.enumerated() {
            if let first = phrase.first, let number = firstWords.number(of: first) { byFirstWord[number].append(index) }
        }
        self.firstWords = firstWords
        phrasesByFirstWord = byFirstWord
    }

    /// The positions, in order, of the phrases whose first word is one of `clauses`' words: only those can occur.
    func candidates(in clauses: [[String]]) -> [Int] {
        var found: [Int] = []
        for clause in clauses {
            for word in clause {
                if let number = firstWords.number(of: word) { found += phrasesByFirstWord[number] }
            }
        }
        guard found.count > 1 else { return found }
        found.sort()
        var unique = found
        unique.removeAll(keepingCapacity: true)
        for index in found where unique.last != index { unique.append(index) }
        return unique
    }
}
