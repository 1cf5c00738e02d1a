/// A fixed set of words (or phrases) the matchers test typed words against: a `Set<String>` that answers
/// `contains` from a `WordTable`, without `Hasher`. Equal when it has the same words, in any order.
///
/// The table is kept behind one reference: a `WordTable` is six fields, and the dialog's yes/no sets are copied into
/// every conversation (the spec and the answer matcher hold them), which made each idle server session ≈ 500 bytes
/// larger when they were stored inline.
struct WordSet: Sendable, Equatable, Sequence, ExpressibleByArrayLiteral {
    private final class Storage: Sendable {
        let table: WordTable
        init(_ table: WordTable) { self.table = table }
    }

    private let storage: Storage
    private var table: WordTable { storage.table }

    init(_ words: some Sequence<String>) { storage = Storage(WordTable(words)) }

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
