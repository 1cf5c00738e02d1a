/// Reads a misspelt word as the warning-sign word it is one slip away from: "numbnes" as "numbness", "leggs" as
/// "legs", "chesst" as "chest", "canser" as "cancer", "brethless" as "breathless" (one letter left out, added or
/// changed, or two neighbours swapped). People in pain type fast on small keyboards, and a warning sign missed for a
/// letter is the worst thing this product can do.
///
/// Only a word that is neither English (`englishWords`) nor known to the dialog is read this way, and only into a
/// word of the interrupt patterns that is not a denial or a word the matcher reads for its meaning ("never", "my
/// son"): so a correction can make a pattern match, never stop one from matching. Words shorter than four letters have too many neighbours to guess from.
struct Misspellings: Sendable {
    static let shortest = 4

    /// Words never read as misspellings: every other word the dialog knows (choices, yes phrases, commands).
    private let known: Set<String>
    /// The words a misspelling may be read as.
    private let targets: [String]
    private let isTarget: Set<String>
    /// Each target by every spelling with one of its letters left out: a position in `targets`, or, when several
    /// targets share the spelling, `-1 - k` for `shared[k]`.
    private let byDeletion: [String: Int]
    private let shared: [[Int]]

    init(targets candidates: some Sequence<String>, known: Set<String>, never excluded: Set<String>) {
        var targets: [String] = []
        var isTarget: Set<String> = []
        // Three-letter words are targets only of a doubled letter ("carr", "legg"), see `correction(of:)`.
        for word in candidates where word.utf8.count >= Self.shortest - 1 && Self.isLetters(word) && !excluded.contains(word) {
            if isTarget.insert(word).inserted { targets.append(word) }
        }
        var byDeletion: [String: Int] = [:]
        var shared: [[Int]] = []
        for (position, target) in targets.enumerated() where target.utf8.count >= Self.shortest {
            Self.forEachDeletion(of: target) { spelling, _ in
                switch byDeletion[spelling] {
                case nil: byDeletion[spelling] = position
                case let other? where other >= 0:
                    guard other != position else { return }  // "bladder" less either "d"
                    shared.append([other, position])
                    byDeletion[spelling] = -shared.count
                case let other?:
                    if !shared[-1 - other].contains(position) { shared[-1 - other].append(position) }
                }
            }
        }
        self.known = known.union(excluded)
        self.targets = targets
        self.isTarget = isTarget
        self.byDeletion = byDeletion
        self.shared = shared
    }

    /// The targets `word` may be a slip for, if it is unknown and one slip away from some: in a fixed order (the
    /// ones keeping the first letter first, then alphabetical), so the same line is always read the same way.
    func corrections(of word: String) -> [String] {
        guard word.utf8.count >= Self.shortest, Self.isLetters(word), !known.contains(word) else { return [] }
        var found: [String] = []
        func consider(_ candidates: Int?) {
            guard let candidates else { return }
            if candidates >= 0 {
                found.append(targets[candidates])
            } else {
                found += shared[-1 - candidates].map { targets[$0] }
            }
        }
        // A letter left out: the word is a target less one letter.
        consider(byDeletion[word])
        Self.forEachDeletion(of: word) { spelling, doubled in
            // A letter added: the word less one letter is a target (a short one only when the letter was doubled).
            if isTarget.contains(spelling), doubled || spelling.utf8.count >= Self.shortest { found.append(spelling) }
            // A letter changed, or two swapped: both less one letter are the same spelling (checked below, since
            // "axbc" and "abyc" also share "abc").
            if let candidates = byDeletion[spelling] {
                let before = found.count
                consider(candidates)
                found[before...].removeAll { $0.utf8.count != word.utf8.count || !Self.oneChangeOrSwap($0, word) }
            }
        }
        // A pattern word typed as it is listed matches as typed (`InterruptMatcher` tries both).
        found.removeAll { $0 == word }
        // A real word is what the person meant, even one slip away from a pattern word ("searing", "tired").
        guard !found.isEmpty, !Self.englishWords.contains(word), !Self.informalWords.contains(word) else { return [] }
        let first = word.utf8.first
        return Set(found).sorted { a, b in
            let keepsFirst = (a.utf8.first == first, b.utf8.first == first)
            return keepsFirst.0 != keepsFirst.1 ? keepsFirst.0 : a < b
        }
    }

    /// The first reading of `word` (see `corrections(of:)`), if it has one.
    func correction(of word: String) -> String? { corrections(of: word).first }

    /// Every way of reading the misspelt words of `words` as pattern words ("pain in my chesst" as "... chest" and
    /// "... chests"), at most `limit` of them; none when no word is misspelt.
    func readings(of words: [String], limit: Int = 16) -> [[String]] {
        var readings: [[String]] = []
        for (index, word) in words.enumerated() {
            let corrections = corrections(of: word)
            guard !corrections.isEmpty else { continue }
            if readings.isEmpty { readings = [words] }
            var next: [[String]] = []
            for reading in readings {
                for correction in corrections where next.count < limit {
                    var changed = reading
                    changed[index] = correction
                    next.append(changed)
                }
            }
            readings = next
        }
        return readings
    }

    /// Everyday words a dictionary lacks: "meds" is not "mets".
    static let informalWords: Set<String> = ["meds", "physio", "physios", "chiro", "osteo", "telly", "hols", "mums",
                                             "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "yeah", "yeahh",
                                             "okay", "cuz", "coz", "cos", "pls", "plz", "thx", "thanx", "lol", "tbh",
                                             "ibuprofen", "paracetamol", "naproxen", "codeine", "cocodamol", "tramadol",
                                             "gabapentin", "pregabalin", "diclofenac", "amitriptyline", "aspirin",
                                             "nurofen", "voltarol", "deep", "heat", "tiger", "balm", "fitbit", "zoom",
                                             "uber", "wfh", "covid", "vax", "jab", "jabs", "gym", "pilates", "zumba",
                                             "crossfit", "parkrun", "deadlift", "deadlifts", "deadlifting", "hoovering",
                                             "hoover", "sofa", "settee", "duvet", "trainers", "wellies"]

    private static func isLetters(_ word: String) -> Bool {
        word.utf8.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }

    /// Every spelling of `word` with one letter left out, and whether that letter doubled its neighbour.
    private static func forEachDeletion(of word: String, _ body: (String, Bool) -> Void) {
        let bytes = Array(word.utf8)
        for skipped in bytes.indices {
            var spelling = bytes
            spelling.remove(at: skipped)
            let doubled = (skipped > 0 && bytes[skipped - 1] == bytes[skipped])
                || (skipped + 1 < bytes.count && bytes[skipped + 1] == bytes[skipped])
            body(String(decoding: spelling, as: UTF8.self), doubled)
        }
    }

    /// Same length, and one letter different or two neighbouring letters swapped.
    private static func oneChangeOrSwap(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        let differing = x.indices.filter { x[$0] != y[$0] }
        if differing.count == 1 { return true }
        guard differing.count == 2, differing[1] == differing[0] + 1 else { return false }
        return x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
    }
}
