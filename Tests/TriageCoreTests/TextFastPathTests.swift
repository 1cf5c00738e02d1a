import Testing
@testable import TriageCore

/// The byte-level fast paths (ASCII lines, texts without placeholders) must give exactly what the
/// general Unicode code gives; these tests compare them on many generated inputs.
@Suite("Text fast paths")
struct TextFastPathTests {
    /// The general algorithm, written plainly: the reference to compare against. Letters, digits and combining
    /// marks make words ("İstanbul" lowercases to "i" + a combining dot, one word).
    static func referenceWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for typed in text.lowercased().unicodeScalars {
            // Full-width forms are the ASCII characters they look like.
            let scalar = (0xFF01...0xFF5E).contains(typed.value) ? Unicode.Scalar(typed.value - 0xFEE0)!
                : typed.value == 0x3000 ? " " : typed
            if ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}", "\u{02BC}", "\u{201B}", "\u{2032}"].contains(scalar) { continue }
            let mark = [.nonspacingMark, .spacingMark, .enclosingMark].contains(scalar.properties.generalCategory)
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || mark {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func randomASCIILines(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let alphabet = Array("abcXYZ019 '`.,;!?:-_/\\\"{}()[]\t@#$%^&*+=<>~|")
        return (0..<count).map { _ in
            String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
        }
    }

    @Test func asciiWordsMatchTheUnicodeAlgorithm() {
        for line in Self.randomASCIILines(count: 5_000, seed: 7) {
            #expect(Normalizer.words(line) == Self.referenceWords(line), "\(line.debugDescription)")
        }
    }

    @Test(arguments: ["Café AU LAIT", "naïve’s back", "ＦＵＬＬ width", "can\u{2019}t pee", "İstanbul", "l'école 3½", "pe\u{301}rte",
                      "Όχι\u{037E} πόνος στο στήθος", "no; I can\u{2019}t pee."])
    func nonASCIIWordsMatchTheUnicodeAlgorithm(line: String) {
        #expect(Normalizer.words(line) == Self.referenceWords(line))
        // The machine splits a line into clauses once and takes its words from them.
        #expect(Normalizer.clauses(line).flatMap { $0 } == Normalizer.words(line))
    }

    @Test func clausesSplitOnPunctuationAndDropEmptyOnes() {
        #expect(Normalizer.clauses("No. Chest pain!") == [["no"], ["chest", "pain"]])
        #expect(Normalizer.clauses("...;;  ") == [])
        #expect(Normalizer.clauses("Non, douleur à la poitrine") == [["non"], ["douleur", "à", "la", "poitrine"]])
        for line in Self.randomASCIILines(count: 2_000, seed: 11) {
            #expect(Normalizer.clauses(line).flatMap { $0 } == Normalizer.words(line))
        }
    }

    /// Braces are found eight bytes at a time: wherever they are, in texts of every length around the steps, next to
    /// bytes one off from them ("z", "|", "~") and to bytes of other scripts.
    @Test func bracesAreFoundWhereverTheyAre() {
        for length in 0...40 {
            let plain = String((0..<length).map { ["z", "|", "~", "é", "a"][$0 % 5] })
            #expect(!Template.hasBraces(plain))
            for position in 0...length {
                for brace in ["{", "}"] {
                    var characters = Array(plain)
                    characters.insert(Character(brace), at: position)
                    #expect(Template.hasBraces(String(characters)), "\(length) \(position) \(brace)")
                }
            }
        }
    }

    /// A conversation splits every line into the arrays of the line before: what they held must never show through,
    /// whatever the number of clauses before and after.
    @Test func clausesWrittenOverTheLastLinesAreTheLinesOwn() {
        var reused: [[String]] = []
        let lines = Self.randomASCIILines(count: 2_000, seed: 13) + ["a. b. c. d", "", "one", "x;y", "...", "p q r s t u v w x y"]
        for line in lines {
            Normalizer.clauses(line, into: &reused)
            let fresh = Normalizer.clauses(line)
            #expect(reused == fresh, "\(line.debugDescription)")
            #expect(!fresh.contains { $0.isEmpty })
        }
    }

    @Test func cleanLeavesPrintableASCIIAloneExceptSurroundingSpaces() {
        #expect(Normalizer.clean("  lower back  ") == "lower back")
        #expect(Normalizer.clean("lower back") == "lower back")
        #expect(Normalizer.clean("a\u{7F}b") == "a b")
    }

    @Test(arguments: [
        ("Call {emergency_number} now.", "Call 911 now."),
        ("No placeholders at all", "No placeholders at all"),
        ("Literal {{braces}} and {x}", "Literal {braces} and X"),
        ("Unclosed { brace", "Unclosed { brace"),
        ("Lone } brace", "Lone } brace"),
        ("{ x }{x}", "XX"),
        ("Ünïcödé {x} ✓", "Ünïcödé X ✓"),
        ("", ""),
    ])
    func templatesRender(text: String, expected: String) {
        let rendered = Template.render(text) { name in
            switch name {
            case "emergency_number": "911"
            case "x": "X"
            default: nil
            }
        }
        #expect(rendered == expected)
    }

    /// A question's exact phrases looked up (`ExactChoicePhrases`) pick what comparing the line with every phrase of
    /// every choice picks: for each phrase of each choice of both dialogs (synonyms shared by two choices included),
    /// its prefixes and extensions, and lines naming nothing.
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func exactChoicePhrasesPickWhatTheWalkOverEveryPhrasePicks(dialog: String) throws {
        let matcher = AnswerMatcher()
        var compared = 0
        for question in try Fixture.dialog(dialog).nodes.compactMap(\.question) where !question.choices.isEmpty {
            let phrases = question.choices.flatMap(\.phrases)
            let lines = phrases + phrases.map { Array($0.dropLast()) } + phrases.map { $0 + ["please"] }
                + [["3"], ["nothing", "here"], ["back"], ["my", "lower", "back"]]
            for line in lines {
                #expect(matcher.findChoice(line, question.choices, exact: question.exactChoicePhrases)
                        == matcher.findChoice(line, question.choices), "\(line) at \(question.ask)")
                compared += 1
            }
        }
        #expect(compared > 40, "the dialog's choice questions were all compared")
    }

    /// A yes/no question's phrases looked for by the first words of the line find what looking for
    /// every phrase finds: for every warning-sign question of both dialogs, its phrases (alone, denied, in a second
    /// clause, cut short) and lines of the transcripts.
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func yesPhraseMentionsFoundByFirstWordAreTheWalksOwn(dialog: String) throws {
        let typed = try CoverageRecordTests.shippedTranscripts().flatMap(\.inputs).map(Normalizer.clauses)
        var compared = 0
        for question in try Fixture.dialog(dialog).nodes.compactMap(\.question) where !question.yesPhraseWords.isEmpty {
            let phrases = question.yesPhraseWords
            let lines = phrases.map { [$0] } + phrases.map { [["no"] + $0] } + phrases.map { [["no"], $0, ["fine"]] }
                + phrases.map { [Array($0.dropFirst())] } + typed
            for clauses in lines {
                let indexed = AnswerMatcher.mentions(phrases, in: clauses, index: question.yesPhraseIndex)
                let walked = AnswerMatcher.mentions(phrases, in: clauses)
                #expect(indexed?.said == walked?.said && indexed?.leads == walked?.leads && indexed?.rest == walked?.rest,
                        "\(clauses) at \(question.ask)")
                compared += 1
            }
        }
        #expect(compared > 1_000, "the dialog's yes/no questions were all compared")
    }

    /// Two choices with the same synonym: the line names both, so it is ambiguous, not the first one.
    @Test func aPhraseOfTwoChoicesNamesBoth() {
        let choices = [Choice(id: "left", label: "Left side", synonyms: ["one side"]),
                       Choice(id: "right", label: "Right side", synonyms: ["one side"]),
                       Choice(id: "both", label: "Both sides")]
        let matcher = AnswerMatcher()
        #expect(matcher.findChoice(["one", "side"], choices, exact: ExactChoicePhrases(choices)) == .several([0, 1]))
        #expect(matcher.findChoice(["left", "side"], choices, exact: ExactChoicePhrases(choices)) == .one(0))
        #expect(matcher.findChoice(["one", "side"], choices) == .several([0, 1]))
    }
}
