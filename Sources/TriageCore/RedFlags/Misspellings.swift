/// Reads a misspelt word as the warning-sign word it is one slip away from: "numbnes" as "numbness", "leggs" as
/// "legs", "chesst" as "chest", "canser" as "cancer", "brethless" as "breathless" (one letter left out, added or
/// changed, or two neighbours swapped). People in pain type fast on small keyboards, and a warning sign missed for a
/// letter is the worst thing this product can do.
///
/// Only a word that is neither English (`englishWords`) nor known to the dialog is read this way, and only into a
/// word of the interrupt patterns that is not a denial or a word the matcher reads for its meaning ("never", "my
/// son"): so a correction can make a pattern match, never stop one from matching. Words shorter than four letters
/// have too many neighbours to guess from.
struct Misspellings: Sendable {
    static let shortest = 4

    /// Words never read as misspellings: every other word the dialog knows (choices, yes phrases, commands), and
    /// the words a misspelling is never read as.
    private let known: WordSet
    /// The words a misspelling may be read as, and their letters.
    private let targets: [String]
    private let letters: [[UInt8]]
    /// Targets by the hash of their letters (`Self.hash`): a position in `targets`, or `-1 - k` for `shared[k]` when
    /// several share a hash. Hashes, not strings, so that building the index allocates nothing per spelling (the first
    /// line a spec matches pays for it); every candidate found by hash is checked letter by letter.
    private let byHash: [UInt64: Int]
    /// The same for every spelling of a target with one letter left out.
    private let byDeletion: [UInt64: Int]
    private let shared: [[Int]]

    init(targets candidates: some Sequence<String>, known: Set<String>, never excluded: WordSet) {
        var targets: [String] = []
        var seen: Set<String> = []
        // Three-letter words are targets only of a doubled letter ("carr", "legg"), see `corrections(of:)`.
        for word in candidates where word.utf8.count >= Self.shortest - 1 && Self.isLetters(word) && !excluded.contains(word) {
            if seen.insert(word).inserted { targets.append(word) }
        }
        let letters = targets.map { Array($0.utf8) }
        var byHash: [UInt64: Int] = [:]
        var byDeletion: [UInt64: Int] = [:]
        var shared: [[Int]] = []
        func add(_ position: Int, at hash: UInt64, in index: inout [UInt64: Int]) {
            switch index[hash] {
            case nil: index[hash] = position
            case let other? where other >= 0:
                guard other != position else { return }  // "bladder" less either "d"
                shared.append([other, position])
                index[hash] = -shared.count
            case let other?:
                if !shared[-1 - other].contains(position) { shared[-1 - other].append(position) }
            }
        }
        byHash.reserveCapacity(targets.count)
        byDeletion.reserveCapacity(targets.count * 8)
        for (position, word) in letters.enumerated() {
            add(position, at: Self.hash(word, skipping: -1), in: &byHash)
            guard word.count >= Self.shortest else { continue }
            for skipped in word.indices { add(position, at: Self.hash(word, skipping: skipped), in: &byDeletion) }
        }
        self.known = WordSet(known).union(excluded)
        self.targets = targets
        self.letters = letters
        self.byHash = byHash
        self.byDeletion = byDeletion
        self.shared = shared
    }

    /// The targets `word` may be a slip for, if it is unknown and one slip away from some: in a fixed order (the
    /// ones keeping the first letter first, then alphabetical), so the same line is always read the same way.
    func corrections(of word: String) -> [String] {
        // A real word is what the person meant, even one slip away from a pattern word ("searing", "tired"). Most
        // words of a line are real words: they are passed over before any spelling is tried.
        guard word.utf8.count >= Self.shortest, isUnknown(word) else { return [] }
        let typed = Array(word.utf8)
        var found: [Int] = []
        func positions(_ entry: Int?) -> [Int] {
            guard let entry else { return [] }
            return entry >= 0 ? [entry] : shared[-1 - entry]
        }
        // A letter left out: the word is a target less one letter.
        for position in positions(byDeletion[Self.hash(typed, skipping: -1)])
        where Self.isDeletion(typed, of: letters[position]) {
            found.append(position)
        }
        for skipped in typed.indices {
            let hash = Self.hash(typed, skipping: skipped)
            // A letter added: the word less one letter is a target (a short one only when the letter was doubled).
            let doubled = (skipped > 0 && typed[skipped - 1] == typed[skipped])
                || (skipped + 1 < typed.count && typed[skipped + 1] == typed[skipped])
            for position in positions(byHash[hash])
            where (doubled || letters[position].count >= Self.shortest) && Self.isDeletion(letters[position], of: typed) {
                found.append(position)
            }
            // A letter changed, or two swapped: both less one letter are the same spelling.
            for position in positions(byDeletion[hash])
            where letters[position].count == typed.count && Self.oneChangeOrSwap(letters[position], typed) {
                found.append(position)
            }
        }
        // A pattern word typed as it is listed matches as typed (`InterruptMatcher` tries both).
        found.removeAll { targets[$0] == word }
        guard !found.isEmpty else { return [] }
        let readings = Set(found.map { targets[$0] })
        let first = typed.first
        return readings.sorted { a, b in
            let keepsFirst = (a.utf8.first == first, b.utf8.first == first)
            return keepsFirst.0 != keepsFirst.1 ? keepsFirst.0 : a < b
        }
    }

    /// Whether `word` is letters that are neither English, nor informal, nor known to the dialog: only such a word
    /// may be a slip.
    func isUnknown(_ word: String) -> Bool {
        // The dialog's own words first: their table is small enough to stay in the cache, and most words typed are
        // answers. The English list is 63,000 words, and a lookup in it is a cache miss.
        Self.isLetters(word) && !known.contains(word) && !Self.englishWords.contains(word) && !Self.informalWords.contains(word)
    }

    /// Whether any word of `words` may be a slip (`corrections(of:)` or a split can only read such a word): most
    /// lines have none, and are matched as typed only.
    func mayHaveSlips(_ words: [String]) -> Bool {
        words.contains { $0.utf8.count >= Self.shortest && isUnknown($0) }
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
    static let informalWords: WordSet = ["meds", "physio", "physios", "chiro", "osteo", "telly", "hols", "mums",
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

    /// FNV-1a over the letters, leaving out the one at `skipping` (none when it is -1).
    private static func hash(_ letters: [UInt8], skipping: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, letter) in letters.enumerated() where index != skipping {
            hash = (hash ^ UInt64(letter)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Whether `short` is `long` with one letter left out.
    private static func isDeletion(_ short: [UInt8], of long: [UInt8]) -> Bool {
        guard short.count + 1 == long.count else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }

    /// Same length, and one letter different or two neighbouring letters swapped.
    private static func oneChangeOrSwap(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        let differing = x.indices.filter { x[$0] != y[$0] }
        if differing.count == 1 { return true }
        guard differing.count == 2, differing[1] == differing[0] + 1 else { return false }
        return x[differing[0]] == y[differing[1]] && x[differing[1]] == y[differing[0]]
    }
}
