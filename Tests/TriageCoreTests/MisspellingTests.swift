import Testing
@testable import TriageCore

/// Misspelt warning signs are read as the pattern words they are one slip away from (round 14 of the black-box
/// review: 94 of 166 misspelt red flags were missed at the first question).
@Suite("Misspellings")
struct MisspellingTests {
    let misspellings = Misspellings(targets: ["tearing", "numbness", "legs", "chest", "mets", "never", "both", "car", "bladder"],
                                    known: ["lower"], never: InterruptMatcher.meaningWords)

    @Test(arguments: [("tearin", "tearing"), ("numbnes", "numbness"), ("numbnesss", "numbness"), ("leggs", "legs"),
                      ("chesst", "chest"), ("chset", "chest"), ("boht", "both"), ("carr", "car"), ("bladdr", "bladder"),
                      ("blaader", "bladder")])
    func oneSlipIsReadAsThePatternWord(typed: String, meant: String) {
        #expect(misspellings.correction(of: typed) == meant)
    }

    @Test(arguments: [
        "searing",  // an English word: "tearing" is one letter away, but the person wrote what they meant
        "chess",    // the same
        "meds",     // an everyday word a dictionary lacks ("mets" is a pattern word)
        "nevr",     // never read as a denial: a correction must not take a match away
        "lower",    // a word the dialog knows
        "cat",      // too short to guess from
        "kar",      // a three-letter target only from a doubled letter
        "numbness", // already a pattern word
        "chestt1",  // not only letters
    ])
    func otherWordsAreLeftAlone(typed: String) {
        #expect(misspellings.correction(of: typed) == nil)
    }

    @Test func severalReadingsAlwaysGiveTheSameOne() {
        let ambiguous = Misspellings(targets: ["pain", "rain", "paid"], known: [], never: [])
        // "paim" is one change from "pain" and from "paid": both keep the first letter and the length, so alphabetical
        // order decides.
        #expect(ambiguous.correction(of: "paim") == "paid")
        #expect(ambiguous.correction(of: "paim") == ambiguous.correction(of: "paim"))
    }

    /// "chesst" is one slip from "chest" and from "chests": the matcher tries every reading.
    @Test func everyReadingIsTried() {
        let both = Misspellings(targets: ["chest", "chests", "pain"], known: [], never: [])
        #expect(both.readings(of: ["pain", "in", "my", "chesst"]) == [["pain", "in", "my", "chest"], ["pain", "in", "my", "chests"]])
        #expect(both.readings(of: ["pain", "in", "my", "chest"]).isEmpty)
    }

    static let misspeltRedFlags: [(line: String, target: String)] = [
        ("numbnes between my legs", "out_cauda_equina"),
        ("numbness between my leggs", "out_cauda_equina"),
        ("lost controll of my bladder", "out_cauda_equina"),
        ("pain in my chesst", "out_chest"),
        ("sudden tearin pain in my back", "out_aaa"),
        ("got hit by a carr", "out_trauma"),
        ("boht legs are numb", "out_cauda_equina"),
        ("I had breast canser", "advise_cancer"),
    ]

    @Test(arguments: misspeltRedFlags)
    func misspeltRedFlagsInterrupt(line: String, target: String) throws {
        let spec = try Fixture.dialog("back-strain")
        #expect(InterruptMatcher(spec: spec).match("lower back, " + line)?.target == target)
    }

    /// A pattern that lists a misspelling ("both leggs") still matches it as typed, although "leggs" is also read as
    /// "legs" for the other patterns.
    @Test func aListedMisspellingStillMatchesAsTyped() {
        let matcher = InterruptMatcher(interrupts: [Interrupt(id: "a", patterns: ["both leggs"], target: "out_a"),
                                                    Interrupt(id: "b", patterns: ["my legs are weak"], target: "out_b")]) { _ in 0 }
        #expect(matcher.match("both leggs")?.id == "a")
        #expect(matcher.match("my leggs are weak")?.id == "b")
    }

    /// A denial still denies the corrected words: "no numbnes between my legs" is a no.
    @Test func aDeniedMisspellingIsStillDenied() throws {
        let spec = try Fixture.dialog("back-strain")
        #expect(InterruptMatcher(spec: spec).match("lower back, no numbnes between my legs") == nil)
    }
}
