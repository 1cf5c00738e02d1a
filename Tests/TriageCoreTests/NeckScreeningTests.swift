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
}
