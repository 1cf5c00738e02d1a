import Testing
@testable import TriageCore

/// A yes to a warning-sign question, with a less urgent sign in the same line: the more urgent answer wins
/// (red-flags.md: "When several apply, the most urgent wins"). A twelfth review found every such line urgent.
@Suite("The most urgent answer wins")
struct MostUrgentAnswerTests {
    /// Transcript 01's answers up to its summary (its last line confirms it).
    static func toSummary() throws -> [String] {
        let file = "transcripts/01-lower-back-lifting-booking.transcript"
        return Array(try Transcript.parse(Repo.text(file), file: file).inputs.dropLast())
    }

    /// Transcript 01's answers up to the first red-flag question.
    static let toScreen = ["lower back", "left", "no", "lifting", "a few days", "better", "4", "bending", "35"]

    @Test(arguments: ["yes, I have a fever", "yes, also I'm on steroids", "yes and I had cancer years ago",
                      "yes, my left leg is getting weaker", "yeah, and it burns when I pee"])
    func aYesAtAnEmergencyQuestionBeatsAnUrgentSignInTheSameLine(line: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(Self.toScreen)
        #expect(harness.lastAsk?.id == "rf_saddle")
        harness.say(line)
        #expect(harness.outcome == .emergency, "\(line): \(harness.text)")
    }

    @Test func theNeckDialogToo() throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        harness.say(["neck", "5", "no", "no"])
        #expect(harness.lastAsk?.id == "rf_cord")
        harness.say("yes, and I have a fever")
        #expect(harness.outcome == .emergency, "\(harness.text)")
    }

    /// At a warning-sign question as urgent as the sign typed, the line answers the question: "yes, breast cancer"
    /// at the cancer question gets the cancer advice, not the urgent signs' advice and the emergency signs again
    /// (already asked before it).
    @Test(arguments: [("back-strain", ["lower back", "left", "no", "lifting", "a few days", "better", "4", "bending", "35"]
                         + Array(repeating: "no", count: 9), "out_cancer"),
                      ("neck-shoulder", ["neck", "5", "no", "no", "no", "no", "no"], "out_cancer")])
    func aYesAtAnUrgentQuestionNamingAnUrgentSignTakesTheQuestionsAdvice(dialog: String, answers: [String], node: String) throws {
        var harness = Harness(try Fixture.dialog(dialog))
        harness.say(answers)
        #expect(harness.lastAsk?.id == "rf_cancer", "\(harness.text)")
        harness.say("yes, breast cancer 10 years ago")
        #expect(harness.outcome == .urgent, "\(harness.text)")
        #expect(harness.outcomeNode == node)
        #expect(harness.bookings.isEmpty)
    }

    /// A no with an urgent sign still follows the sign: its advice, then the emergency signs.
    @Test func aNoWithAnUrgentSignFollowsTheSign() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(Self.toScreen)
        harness.say("no, but I have a fever")
        #expect(harness.lastAsk?.id == "emergency_check", "\(harness.text)")
    }

    /// At an urgent question an emergency sign in the line still wins over its yes.
    @Test func anEmergencySignBeatsAYesAtALessUrgentQuestion() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(Self.toScreen + Array(repeating: "no", count: 7))
        #expect(harness.lastAsk?.id == "rf_fever")
        harness.say("yes, and I've wet myself")
        #expect(harness.outcome == .emergency, "\(harness.text)")
    }

    /// At the summary a warning-sign answer can be changed by naming the sign in the person's words (its question's
    /// `yes_phrases`): a twelfth review found "the answer about temperature was wrong" not understood, then booked.
    @Test func aWarningSignAnswerIsCorrectedByNamingTheSign() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(try Self.toSummary())
        #expect(harness.lastAsk?.id == "summary")
        harness.say("the answer about temperature was wrong, i do have one")
        #expect(harness.lastAsk?.id == "rf_fever", "\(harness.text)")
        harness.say("yes")
        #expect(harness.outcome == .urgent)
        #expect(harness.bookings.isEmpty)
    }

    /// A sign word several warning-sign questions share is asked about, not guessed.
    @Test func aSignWordSharedByTwoQuestionsAsksWhichOne() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(try Self.toSummary())
        harness.say("I want to change my answer about numbness")
        #expect(harness.errorCodes == ["ambiguous"], "\(harness.text)")
        harness.say("saddle")
        #expect(harness.lastAsk?.id == "rf_saddle")
    }
}
