/// A set of words that may answer "maybe" but never wrongly "no": one bit per (length, first byte) pair.
/// Only for ASCII: a word with other characters has canonically equivalent spellings (precomposed or not) that
/// `String` treats as equal but whose bytes differ, so such words always answer "maybe", and one such pattern
/// word turns the filter off.
struct WordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 32)
    private var passesEverything = false

    mutating func insert(_ word: String) {
        guard let bit = Self.bit(word) else {
            passesEverything = true
            return
        }
        bits[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    func mayContain(_ word: String) -> Bool {
        guard !passesEverything, let bit = Self.bit(word) else { return true }
        return bits[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// 16 lengths (15 and longer share one) × 128 first bytes = 2,048 bits; nil for a word that is not ASCII.
    private static func bit(_ word: String) -> Int? {
        let utf8 = word.utf8
        guard let first = utf8.first, utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return min(utf8.count, 15) << 7 | Int(first)
    }
}
