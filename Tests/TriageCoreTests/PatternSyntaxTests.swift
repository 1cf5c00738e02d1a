import Testing
@testable import TriageCore

/// Interrupt patterns with alternatives, `(numb|tingling) ... (bum|groin)`, and gaps, `...` (docs/dialog-format.md).
@Suite("Interrupt pattern syntax")
struct PatternSyntaxTests {
    static func matcher(_ patterns: [String]) -> InterruptMatcher {
        InterruptMatcher(interrupts: [Interrupt(id: "flag", patterns: patterns, target: "out")]) { _ in 0 }
    }

    @Test func patternsCompileToWordsAlternativesAndGaps() throws {
        #expect(try PatternSyntax.compile("(numb|Pins and needles) in my (bum|groin)").get()
                    == [.oneOf([["numb"], ["pins", "and", "needles"]]), .words(["in", "my"]), .oneOf([["bum"], ["groin"]])])
        #expect(try PatternSyntax.compile("chest pain").get() == [.words(["chest", "pain"])])
        #expect(try PatternSyntax.compile("tingling ... ... legs").get() == [.words(["tingling"]), .gap, .words(["legs"])])
        #expect(try PatternSyntax.compile("(legs) are numb").get() == [.words(["legs", "is", "numb"])], "read like lines (`Tense`)")
        #expect(try PatternSyntax.compile("my (legs) ... (arms|hands) (go) numb").get()
                    == [.words(["my", "legs"]), .gap, .oneOf([["arms"], ["hands"]]), .words(["go", "numb"])])
        #expect(try PatternSyntax.compile("(\u{301}) legs").get() == [.words(["\u{301}", "legs"])],
                "a combining mark after '(' does not hide it")
    }

    @Test(arguments: [("(numb|tingling", PatternSyntax.Problem.unbalanced), ("numb)", .unbalanced),
                      ("((numb))", .unbalanced), ("(numb|) legs", .emptyAlternative), ("(numb|!!) legs", .emptyAlternative),
                      ("... legs", .gapAtEdge), ("numb ...", .gapAtEdge), ("...", .gapAtEdge), ("?!", .noWords)])
    func malformedPatternsAreRefused(pattern: String, problem: PatternSyntax.Problem) {
        #expect(PatternSyntax.compile(pattern) == .failure(problem))
    }

    /// The loader only checks patterns (`problem(in:)`); the matcher compiles them on first use. Both must agree on
    /// every pattern, or lint would pass a pattern the matcher drops (or refuse one it would use).
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func checkingAgreesWithCompilingForEveryShippedPattern(dialog: String) throws {
        let spec = try Fixture.dialog(dialog)
        let patterns = spec.interrupts.flatMap(\.patterns)
        #expect(patterns.count > 1000)
        for pattern in patterns {
            #expect(PatternSyntax.problem(in: pattern) == nil, "\(pattern)")
            #expect((try? PatternSyntax.compile(pattern).get()) != nil, "\(pattern)")
        }
    }

    @Test(arguments: ["(numb|tingling", "numb)", "((numb))", "(numb|) legs", "(numb|!!) legs", "... legs", "numb ...", "...",
                      "?!", "", "a ... ... b", "(a|b) ... (c)", "(a)(b)", "x ( | y)", "é", "\u{1F44D}", "(é|ü) ...", "...(a)...",
                      "a ... (b|c) ...", "( )", "a.b", "a..b", "a....b", "numb . . . legs", "(ｃｈｅｓｔ) pain", "''", "(it's|...)",
                      "(\u{301}) legs", "numb\u{3000}...\u{3000}legs"])
    func checkingAgreesWithCompiling(pattern: String) {
        switch PatternSyntax.compile(pattern) {
        case .success: #expect(PatternSyntax.problem(in: pattern) == nil, "\(pattern)")
        case .failure(let problem): #expect(PatternSyntax.problem(in: pattern) == problem, "\(pattern)")
        }
    }

    @Test func anAlternativeThatFailsLaterTriesTheNextOne() {
        // "pins" alone would match first and leave "and needles" unmatched by the next step.
        let matcher = Self.matcher(["(pins|pins and needles) in my legs"])
        #expect(matcher.match("pins and needles in my legs") != nil)
        #expect(matcher.match("pins in my legs") != nil)
    }

    /// The loader reports a malformed pattern at the interrupt, with what is wrong.
    @Test func loaderReportsAMalformedPattern() throws {
        let text = try Fixture.tinyText().replacing(#"patterns: ["can't pee", "wet myself"]"#, with: #"patterns: ["can't pee", "... wet myself"]"#)
        let found = Fixture.diagnostics(text)
        #expect(found.contains { $0.message == "pattern 2 of interrupt 'bladder' starts or ends with '...'; a gap goes between words" },
                "\(found)")
    }

    @Test(arguments: ["tingling in my legs", "tingling in both of my legs", "tingling down both my legs",
                      "TINGLING IN MY LEGS!!", "tingling legs"])
    func aGapTakesUpToFourWords(line: String) {
        #expect(Self.matcher(["tingling ... legs"]).match(line) != nil, "\(line)")
    }

    @Test(arguments: [
        // Five words between.
        "tingling that goes right down into my legs",
        // A denial or a list break in the gap.
        "tingling but not in my legs", "tingling and my legs ache", "tingling, and my legs are fine",
        // A denial before the pattern, as for any pattern.
        "no tingling in my legs",
        // In another clause.
        "tingling. legs are fine",
    ])
    func aGapDoesNotReachPastADenialABreakOrFourWords(line: String) {
        #expect(Self.matcher(["tingling ... legs"]).match(line) == nil, "\(line)")
    }

    /// A pattern longer than the rest of the line is passed over without being tried (`CompiledPatterns.scan` keeps a
    /// first word's patterns shortest first and stops at the first too long): each pattern here still matches a
    /// line that leaves it no word to spare (most with exactly its fewest words), next to longer and shorter patterns
    /// with the same first word, and not once its last word is gone.
    @Test(arguments: [("my back", "back"), ("I think my legs numb", "legs"), ("my arms and hands go numb", "legs"),
                      ("oh my chest hurts", "chest"), ("my chest is tight", "chest"),
                      ("ouch my heel stings badly now", "heel")])
    func patternsAsLongAsTheRestOfTheLineStillMatch(line: String, flag: String) {
        let matcher = InterruptMatcher(interrupts: [
            Interrupt(id: "heel", patterns: ["my heel stings badly now"], target: "out"),
            Interrupt(id: "legs", patterns: ["my (legs|arms and hands) ... numb"], target: "out"),
            Interrupt(id: "chest", patterns: ["my chest (hurts|is tight)"], target: "out"),
            Interrupt(id: "back", patterns: ["my back"], target: "out"),
        ]) { _ in 0 }
        #expect(matcher.match(line)?.id == flag, "\(line)")
        #expect(matcher.match(line + " today")?.id == flag, "\(line) today")
        #expect(matcher.match(String(line.split(separator: " ").dropLast().joined(separator: " "))).map(\.id) != flag,
                "\(line) less its last word")
    }

    @Test func alternativesAndGapsTogether() {
        let matcher = Self.matcher(["(numb|numbness) ... (bum|groin)"])
        #expect(matcher.match("my bum is numb") == nil, "the order is the pattern's")
        #expect(matcher.match("numbness around my groin") != nil)
        #expect(matcher.match("numb bum") != nil)
        #expect(matcher.match("I don't have numbness in my groin") == nil)
    }
}
