/// A fixed set of words (or phrases) the matchers test typed words against: a `Set<String>` that answers
/// `contains` from a `WordTable`, without `Hasher`. Equal when it has the same words, in any order.
struct WordSet: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
    private let table: WordTable

    init(_ words: some Sequence<String>) { table = WordTable(words) }

    init(arrayLiteral words: String...) { self.init(words) }

    func contains(_ word: String) -> Bool { table.contains(word) }

    var count: Int { table.count }
    var isEmpty: Bool { table.count == 0 }

    func union(_ other: some Sequence<String>) -> WordSet { WordSet(Array(self) + Array(other)) }

    func makeIterator() -> IndexingIterator<[String]> { table.words.makeIterator() }

    static func == (lhs: WordSet, rhs: WordSet) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy(rhs.contains)
    }
}
