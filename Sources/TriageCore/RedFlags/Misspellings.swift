/// Words of the red-flag patterns that a typed word may be a misspelling of: "pian" for "pain", "chset" for
/// "chest", "brethe" for "breathe". One letter missing, added, changed, or two neighbours swapped.
///
/// Only a word the dialog does not know is corrected ("feel" is never read as "fell", "week" never as "weak"),
/// only words of four letters or more, and only plain ASCII. Built once per spec. The index holds every pattern
/// word and each spelling of it with one letter left out: a typed word one edit away shares one of those with it
/// (the symmetric-delete method), so a lookup costs a few hashes instead of a comparison with every word.
struct Misspellings: Sendable {
    /// Pattern words that may be misspelt (ASCII, four letters or more).
    private let targets: [[UInt8]]
    /// A pattern word or one of its one-letter-shorter spellings -> the pattern words it comes from.
    private let byDeletion: [[UInt8]: [Int32]]
    /// Words spelt correctly: every word of the dialog, the patterns' own included.
    private let known: Set<String>

    static let minimumLength = 4

    init(targets words: some Sequence<String>, known: Set<String>) {
        var targets: [[UInt8]] = []
        var seen: Set<String> = []
        var index: [[UInt8]: [Int32]] = [:]
        for word in words where !seen.contains(word) && Self.isCorrectable(word) {
            seen.insert(word)
            let bytes = Array(word.utf8)
            let position = Int32(targets.count)
            targets.append(bytes)
            for key in [bytes] + Self.deletions(of: bytes) where index[key]?.last != position {
                index[key, default: []].append(position)
            }
        }
        self.targets = targets
        self.byDeletion = index
        self.known = known.union(seen)
    }

    /// The pattern words `word` is one edit away from; empty for a known word or one too short to correct.
    func corrections(of word: String) -> [String] {
        guard !targets.isEmpty, Self.isCorrectable(word), !known.contains(word) else { return [] }
        let typed = Array(word.utf8)
        var found: [Int32] = []
        for key in [typed] + Self.deletions(of: typed) {
            for position in byDeletion[key] ?? [] where !found.contains(position)
                && Self.isOneEdit(typed, targets[Int(position)]) {
                found.append(position)
            }
        }
        return found.map { String(decoding: targets[Int($0)], as: UTF8.self) }
    }

    private static func isCorrectable(_ word: String) -> Bool {
        word.utf8.count >= minimumLength && word.utf8.allSatisfy { $0 < 0x80 }
    }

    private static func deletions(of word: [UInt8]) -> [[UInt8]] {
        word.indices.map { i in
            var shorter = word
            shorter.remove(at: i)
            return shorter
        }
    }

    /// Exactly one insertion, deletion, substitution or swap of neighbours apart (optimal string alignment).
    static func isOneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a != b, abs(a.count - b.count) <= 1 else { return false }
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        if a.count == b.count {
            if a[(prefix + 1)...] == b[(prefix + 1)...] { return true } // one letter changed
            // Two neighbours swapped: "pian" / "pain".
            return prefix + 1 < a.count && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)...] == b[(prefix + 2)...]
        }
        // One letter more in the longer word, at the first difference.
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        return long[(prefix + 1)...] == short[prefix...]
    }
}
