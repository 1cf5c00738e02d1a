import Testing
@testable import TriageCore

/// The hand-written text helpers (Text/StringHelpers.swift) stand in for standard-library calls; each must give what
/// the call it replaces gives.
@Suite("String helpers")
struct StringHelperTests {
    static let texts = ["", "a", "lower_back", "_rf_numbness_", "no underscores", "é_ü", "🙂_x", "a__b", "skip it",
                        "type skip to skip", "skipping", "ski", "k", "lower back pain", "Lower", "éclair", "ßtraße"]

    @Test(arguments: texts)
    func replacingUnderscoresReplacesEveryUnderscoreWithASpace(_ text: String) {
        #expect(text.replacingUnderscores == String(text.map { $0 == "_" ? " " : $0 }))
    }

    @Test(arguments: texts + ["{answer}", "You said \"{answer}\" to {question}.", "{answer}{answer}", "{answe", "{{answer}}",
                              "é {answer} 🙂", "{question} only", "answer}", "Über {answer}: {answer}"])
    func replacingPlaceholderReplacesEveryOccurrenceAsReplacingDoes(_ text: String) {
        for value in ["", "no", "{answer}", "naïve 🙂", "a much longer answer than the placeholder itself"] {
            #expect(text.replacingPlaceholder("{answer}", with: value) == text.replacing("{answer}", with: value))
        }
    }

    /// Where `replacing` sees the closing brace and a combining mark after it as one character, the placeholder is
    /// still filled in (a message's author meant it).
    @Test func aPlaceholderFollowedByACombiningMarkIsStillFilledIn() {
        #expect("up to {max}\u{301}".replacingPlaceholder("{max}", with: "10") == "up to 10\u{301}")
        #expect("up to {max}\u{301}".replacing("{max}", with: "10") == "up to {max}\u{301}")
    }

    @Test(arguments: texts)
    func capitalizingFirstLetterUppercasesOnlyTheFirstCharacter(_ text: String) {
        #expect(text.capitalizingFirstLetter == text.prefix(1).uppercased() + text.dropFirst())
    }

    @Test(arguments: [[], [""], ["one"], ["lower", "back"], ["a", "", "b"], ["é", "🙂", "x y"]])
    func spacedJoinsWithSingleSpaces(_ words: [String]) {
        #expect(String.spaced(words) == words.joined(separator: " "))
    }

    @Test func containsBytesAgreesWithContainsOnNormalisedWords() {
        for text in Self.texts {
            for other in Self.texts + ["skip", "p it", "back pain", "x"] {
                #expect(text.containsBytes(of: other) == text.contains(other), "\(text) / \(other)")
            }
        }
    }
}
