import Testing
@testable import TriageCore

/// The neck dialog asks about the serious causes of neck pain in questions of its own, as the back dialog does
/// (red-flags.md: cancer, a weakened immune system, fever, weight loss, pain at night). Before, only what the
/// person typed unprompted was screened for them, so a missed phrase was booked.
@Suite("The neck dialog's screening questions")
struct NeckScreeningTests {
    /// Answers up to the first of the questions about serious causes.
    static let toHistory = ["neck", "5", "no", "no", "no", "no", "no"]
    static let questions = ["rf_cancer", "rf_immune", "rf_weight", "rf_night"]

    @Test(arguments: [("rf_cancer", Disposition.urgent, "out_cancer"), ("rf_immune", .urgent, "out_immune"),
                      ("rf_weight", .doctor, "out_doctor_weight"), ("rf_night", .doctor, "out_doctor_night")])
    func aYesSeesADoctorAndBooksNothing(question: String, disposition: Disposition, node: String) throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        harness.say(Self.toHistory)
        for earlier in Self.questions.prefix(while: { $0 != question }) {
            #expect(harness.lastAsk?.id == earlier)
            harness.say("no")
        }
        #expect(harness.lastAsk?.id == question)
        harness.say("yes")
        #expect(harness.outcome == disposition, "\(harness.text)")
        #expect(harness.outcomeNode == node)
        #expect(harness.bookings.isEmpty)
    }

    @Test func noToEveryQuestionGoesOnToTheBooking() throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        harness.say(Self.toHistory + Array(repeating: "no", count: Self.questions.count))
        #expect(harness.lastAsk?.id == "name", "\(harness.text)")
    }

    /// A fever on its own is asked about: before, the question asked for a fever together with a stiff neck, so
    /// "no" from someone with a fever but a neck that bends was booked.
    @Test func aFeverWithoutAStiffNeckIsUrgent() throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        harness.say(["neck", "5", "no", "no", "no"])
        #expect(harness.lastAsk?.id == "rf_fever")
        harness.say("I've had chills since yesterday")
        #expect(harness.outcome == .urgent, "\(harness.text)")
    }

    /// A fifteenth review found every one of these asked again ("Please answer yes or no"), and a "no" after that
    /// booked: the questions' own words for the sign (`yes_phrases`) and hedges now answer them.
    @Test(arguments: [("rf_cancer", "all clear now after treatment"), ("rf_cancer", "had it but no longer"),
                      ("rf_cancer", "used to"), ("rf_immune", "I take rituximab"), ("rf_immune", "had my spleen removed"),
                      ("rf_fever", "I feel terrible"), ("rf_fever", "I had 38.5"), ("rf_weight", "not on purpose"),
                      ("rf_weight", "my trousers are falling off me"), ("rf_weight", "I'm wasting away"),
                      ("rf_night", "it wakes me every night"), ("rf_night", "nothing helps, not even lying down"),
                      ("rf_night", "resting doesn't help at all"), ("rf_cancer", "\u{1F44D}"), ("rf_immune", "yse")])
    func describingTheSignIsAYes(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        let order = ["rf_fever", "rf_arm"] + Self.questions
        harness.say(["neck", "5", "no", "no", "no"] + Array(repeating: "no", count: order.firstIndex(of: question)!))
        #expect(harness.lastAsk?.id == question)
        harness.say(answer)
        #expect(harness.outcome == .urgent || harness.outcome == .doctor, "\(answer): \(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    /// Denials stay denials (or are asked again), never a doctor's visit for nothing.
    @Test(arguments: [("rf_cancer", "no, never had cancer"), ("rf_cancer", "not that I know of"),
                      ("rf_weight", "I haven't lost weight"), ("rf_weight", "I lost weight on purpose, I'm dieting"), ("rf_night", "not constant"),
                      ("rf_night", "it doesn't wake me"), ("rf_fever", "I feel fine"), ("rf_immune", "no steroids"),
                      ("rf_cancer", "I don't have cancer any more")])
    func aDenialIsNotAYes(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("neck-shoulder"))
        let order = ["rf_fever", "rf_arm"] + Self.questions
        harness.say(["neck", "5", "no", "no", "no"] + Array(repeating: "no", count: order.firstIndex(of: question)!))
        harness.say(answer)
        #expect(harness.outcome == nil, "\(answer): \(harness.text)")
        // "I don't have cancer any more" says there was one: asked again, never taken as a no.
        if answer.hasSuffix("any more") { #expect(harness.lastAsk?.id == question) }
    }
}
