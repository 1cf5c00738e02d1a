import Testing
@testable import TriageCore

/// `WordTable` and `WordSet` replace `Dictionary` and `Set` in the matchers: every lookup must answer exactly as
/// those would, canonically equivalent spellings included.
@Suite("Word tables")
struct WordTableTests {
    /// The reference: the first number of each word, the way `Dictionary` sees words.
    static func reference(_ words: [String]) -> [String: Int] {
        var numbers: [String: Int] = [:]
        var next = 0
        for word in words where numbers[word] == nil {
            numbers[word] = next
            next += 1
        }
        return numbers
    }

    static func randomWords(count: Int, seed: UInt64, alphabet: [String]) -> [String] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let length = Int(random.next() % 24)
            return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    static let letters = (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
    /// ASCII, precomposed and decomposed accents, Hangul syllables and jamo, the Kelvin sign (canonically "K").
    static let mixed = letters + ["K", "k", "\u{212A}", "\u{E9}", "e\u{301}", "\u{AC00}", "\u{1100}\u{1161}", " ", "-"]

    @Test(arguments: zip([1, 2, 3, 4] as [UInt64], [letters, letters, mixed, mixed]))
    func numbersWordsAsADictionaryWould(seed: UInt64, alphabet: [String]) {
        // Sizes across the table's growth, and repeats: half the words are given twice.
        let given = Self.randomWords(count: 3_000, seed: seed, alphabet: alphabet)
        let words = given + given.prefix(1_500)
        let table = WordTable(words)
        let expected = Self.reference(words)
        #expect(table.count == expected.count)
        for (word, number) in expected {
            #expect(table.number(of: word) == number, "\(Array(word.unicodeScalars))")
            #expect(table.words[number] == word)
        }
        for word in Self.randomWords(count: 3_000, seed: seed &+ 100, alphabet: alphabet) {
            #expect(table.number(of: word) == expected[word], "\(Array(word.unicodeScalars))")
        }
    }

    /// Both spellings of a word find it, whichever of them the table was given.
    @Test(arguments: [("\u{E9}t\u{E9}", "e\u{301}te\u{301}"), ("e\u{301}te\u{301}", "\u{E9}t\u{E9}"),
                      ("\u{AC00}\u{C2B4}", "\u{1100}\u{1161}\u{1109}\u{1173}\u{11B7}"), ("K", "\u{212A}"), ("\u{212A}", "K")])
    func canonicallyEquivalentSpellingsAreOneWord(stored: String, typed: String) {
        let set: WordSet = ["back", stored, "pain"]
        #expect(set.contains(typed))
        #expect(set.contains(stored))
        #expect(set.contains("back") && set.contains("pain"))
        #expect(!set.contains("leg"))
        #expect(WordTable(["back", stored, typed]).count == 2)
    }

    /// Words of every length around the eight-byte steps of the hash, and words that differ only in their last byte.
    @Test func wordsOfEveryLengthAreTheirOwn() {
        let words = (0...40).flatMap { length in
            ["a", "b"].map { last in String(repeating: "x", count: length) + last }
        } + [""]
        let table = WordTable(words)
        #expect(table.count == words.count)
        for (number, word) in words.enumerated() { #expect(table.number(of: word) == number) }
        #expect(table.number(of: String(repeating: "x", count: 41)) == nil)
        #expect(WordTable([]).number(of: "") == nil)
    }

    /// The table looks up the characters that are not ASCII yet equal an ASCII one as that one: there must be no
    /// other such character.
    @Test func everyCharacterThatEqualsAnASCIIOneIsKnown() {
        let ascii = Set((0..<0x80).map { String(UnicodeScalar(UInt8($0))) })
        let found = (0x80...0x10FFFF).compactMap(Unicode.Scalar.init).filter { ascii.contains(String($0)) }
        #expect(Set(found) == Set(WordTable.asciiSingletons.keys))
        for (scalar, equal) in WordTable.asciiSingletons { #expect(String(scalar) == String(equal)) }
    }

    @Test func setsAreEqualWhenTheyHaveTheSameWords() {
        #expect(WordSet(["no", "yes", "no"]) == ["yes", "no"])
        #expect(WordSet(["no", "yes"]) != ["yes", "nope"])
        #expect(WordSet(["no"]).union(["yes"]) == ["yes", "no"])
        #expect(Set(WordSet(["b", "a", "b"])) == ["a", "b"])
    }
}
