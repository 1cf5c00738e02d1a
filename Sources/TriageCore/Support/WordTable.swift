/// Words numbered 0, 1, 2… in the order first given, for the matchers' lookups of typed words.
///
/// Why not `Dictionary<String, Int>` or `Set<String>`: the matchers look every typed word up in several of them per
/// line, and `Hasher` (SipHash, seeded per process) plus comparing strings at the occupied buckets on the way was
/// ≈ 10 % of the engine's time (docs/performance.md, seventeenth pass). Here a word of up to 15 ASCII bytes is its own
/// key: its bytes and length in two 64-bit integers, stored in the slot, so a lookup is one hash of two integers and
/// comparing two integers per slot, with the key and the slot next to each other in memory.
///
/// Everything else is looked up the `Dictionary` way, so every lookup answers exactly as `Dictionary` would: longer
/// words in a dictionary of their own, and words that are not ASCII in another, because `String` equality is canonical
/// equivalence ("é" precomposed, or "e" and an accent, are one word with different bytes). The only characters that
/// are not ASCII but equal an ASCII one (the Kelvin sign is "K", the Greek question mark ";", the Greek varia "`") are
/// read as that ASCII character, in the table and in what is looked up: a word that is not ASCII can only equal an
/// ASCII word that way.
struct WordTable: Sendable, Equatable {
    /// Two integers per slot (`key`); both 0 when the slot is empty.
    private let keys: [UInt64]
    /// The word's number, by slot.
    private let numbers: [Int32]
    private let mask: Int
    /// ASCII words of 16 bytes or more.
    private let long: [String: Int]
    /// Words that are not ASCII and equal no ASCII word (most tables have none).
    private let otherWords: [String: Int]
    /// Every word, by number.
    let words: [String]

    var count: Int { words.count }

    /// Equal when they number the same words the same way.
    static func == (lhs: WordTable, rhs: WordTable) -> Bool { lhs.words == rhs.words }

    /// `words` in order; a word given again keeps its first number.
    init(_ given: some Sequence<String>) {
        var words: [String] = []
        // Sized for what is given (at most half full), so that building a question's tables does not rehash.
        var capacity = 16
        while capacity < given.underestimatedCount * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity * 2)
        var slotNumbers = [Int32](repeating: -1, count: capacity)
        var long: [String: Int] = [:]
        // Words that are not ASCII and equal no ASCII word: only `String` equality tells them apart.
        var otherWords: [String: Int] = [:]
        for word in given {
            // A word that is not ASCII but equals an ASCII one ("\u{212A}" is "K") is found as that one.
            let key = Self.key(word)
            let ascii = if case .notASCII = key { Self.asciiEquivalent(word) } else { Optional(word) }
            let asciiKey = if case .notASCII = key { ascii.map(Self.key) ?? .notASCII } else { key }
            switch asciiKey {
            case .inline(let first, let second):
                guard Self.slot(first, second, in: keys, capacity - 1) == nil else { continue }
                // At most half full: a miss (most words typed are in no table) ends at an empty slot soon.
                if (words.count + 1) * 2 > capacity {
                    capacity *= 2
                    (keys, slotNumbers) = Self.rehash(keys, slotNumbers, capacity: capacity)
                }
                Self.insert(first, second, number: words.count, into: &keys, &slotNumbers)
            case .long:
                guard long[ascii!] == nil else { continue }
                long[ascii!] = words.count
            case .notASCII:
                guard otherWords[word] == nil else { continue }
                otherWords[word] = words.count
            }
            words.append(word)
        }
        self.keys = keys
        self.numbers = slotNumbers
        self.mask = capacity - 1
        self.long = long
        self.otherWords = otherWords
        self.words = words
    }

    private static func insert(_ first: UInt64, _ second: UInt64, number: Int, into keys: inout [UInt64],
                               _ numbers: inout [Int32]) {
        let mask = numbers.count - 1
        var slot = hash(first, second, mask)
        while keys[2 * slot + 1] != 0 { slot = (slot + 1) & mask }
        keys[2 * slot] = first
        keys[2 * slot + 1] = second
        numbers[slot] = Int32(number)
    }

    private static func rehash(_ keys: [UInt64], _ numbers: [Int32], capacity: Int) -> ([UInt64], [Int32]) {
        var newKeys = [UInt64](repeating: 0, count: capacity * 2)
        var newNumbers = [Int32](repeating: -1, count: capacity)
        for slot in numbers.indices where keys[2 * slot + 1] != 0 {
            insert(keys[2 * slot], keys[2 * slot + 1], number: Int(numbers[slot]), into: &newKeys, &newNumbers)
        }
        return (newKeys, newNumbers)
    }

    /// The number of `word`, nil when it is not in the table.
    func number(of word: String) -> Int? {
        switch Self.key(word) {
        case .inline(let first, let second): slot(first, second).map { Int(numbers[$0]) }
        case .long: long[word]
        case .notASCII: notASCII(word)
        }
    }

    /// Whether `word` is in the table (without reading its number: a large table's numbers are one more cache miss).
    func contains(_ word: String) -> Bool {
        switch Self.key(word) {
        case .inline(let first, let second): slot(first, second) != nil
        case .long: long[word] != nil
        case .notASCII: notASCII(word) != nil
        }
    }

    /// A word that is not ASCII equals an ASCII word only read as one ("\u{212A}" as "K"), and otherwise only words
    /// that are not ASCII either.
    private func notASCII(_ word: String) -> Int? {
        guard let ascii = Self.asciiEquivalent(word) else { return otherWords[word] }
        switch Self.key(ascii) {
        case .inline(let first, let second): return slot(first, second).map { Int(numbers[$0]) }
        case .long: return long[ascii]
        case .notASCII: return nil
        }
    }

    @inline(__always)
    private func slot(_ first: UInt64, _ second: UInt64) -> Int? { Self.slot(first, second, in: keys, mask) }

    /// The slot holding the key, if any.
    @inline(__always)
    private static func slot(_ first: UInt64, _ second: UInt64, in keys: [UInt64], _ mask: Int) -> Int? {
        keys.withUnsafeBufferPointer { keys in
            var slot = hash(first, second, mask)
            while true {
                let stored = keys[2 * slot + 1]
                if stored == 0 { return nil }
                if stored == second, keys[2 * slot] == first { return slot }
                slot = (slot + 1) & mask
            }
        }
    }

    private enum Key {
        /// Bytes 0–7, then bytes 8–14 with the top byte `0x80 | length` (never 0, unlike an empty slot).
        case inline(UInt64, UInt64)
        case long
        case notASCII
    }

    @inline(__always)
    private static func key(_ word: String) -> Key {
        word.utf8.withContiguousStorageIfAvailable { utf8 -> Key in
            var first: UInt64 = 0, second: UInt64 = 0
            for (offset, byte) in utf8.enumerated() {
                guard byte < 0x80 else { return .notASCII }
                guard offset < 15 else { return utf8.allSatisfy { $0 < 0x80 } ? .long : .notASCII }
                if offset < 8 {
                    first |= UInt64(byte) << (8 * UInt64(offset))
                } else {
                    second |= UInt64(byte) << (8 * UInt64(offset - 8))
                }
            }
            return .inline(first, second | (0x80 | UInt64(utf8.count)) << 56)
        } ?? contiguousKey(word)
    }

    /// A string not stored as UTF-8 (bridged from an `NSString` on Apple platforms) is keyed by a UTF-8 copy.
    private static func contiguousKey(_ word: String) -> Key {
        var copy = word
        copy.makeContiguousUTF8()
        return copy.utf8.withContiguousStorageIfAvailable { _ in key(copy) } ?? .notASCII
    }

    /// The first slot to try for the key.
    @inline(__always)
    private static func hash(_ first: UInt64, _ second: UInt64, _ mask: Int) -> Int {
        var hash = (first ^ second.byteSwapped) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        hash = (hash ^ second) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash) & mask
    }

    /// The ASCII word equal to `word` when it has the only characters that are not ASCII yet equal an ASCII one.
    private static func asciiEquivalent(_ word: String) -> String? {
        guard word.unicodeScalars.contains(where: { asciiSingletons[$0] != nil }) else { return nil }
        let mapped = String(String.UnicodeScalarView(word.unicodeScalars.map { asciiSingletons[$0] ?? $0 }))
        return mapped.utf8.allSatisfy({ $0 < 0x80 }) && mapped == word ? mapped : nil
    }

    /// Characters whose canonical decomposition is one ASCII character (Unicode's UnicodeData.txt; `WordTableTests`
    /// checks every scalar).
    static let asciiSingletons: [Unicode.Scalar: Unicode.Scalar] = ["\u{212A}": "K", "\u{037E}": ";", "\u{1FEF}": "`"]
}
