/// A list of phrases indexed by their first word: which of them can occur in a line, without comparing the line
/// with each. A warning-sign question has 60 or more phrases of its own (`Question.yesPhrases`), and every answer
/// to it was compared with all of them.
struct PhraseIndex: Sendable, Equatable {
    private let firstWords: WordTable
    /// By first word's number: the phrases starting with it, in order.
    private let phrasesByFirstWord: [[Int]]

    init(_ phrases: [[String]]) {
        var byFirstWord: [String: [Int]] = [:]
        var firstWords: [String] = []
        for (index, phrase) in phrases.enumerated() {
            guard let first = phrase.first else { continue }
            if byFirstWord[first] == nil { firstWords.append(first) }
            byFirstWord[first, default: []].append(index)
        }
        self.firstWords = WordTable(firstWords)
        phrasesByFirstWord = firstWords.map { byFirstWord[$0]! }
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
