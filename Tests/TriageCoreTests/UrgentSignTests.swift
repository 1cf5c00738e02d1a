import Testing
@testable import TriageCore

/// An urgent sign typed outside its question gives its advice at once, then asks about the emergency signs, so the
/// most urgent disposition wins even when the screen was never reached (red-flags.md: "the most urgent wins").
@Suite("Urgent signs typed early")
struct UrgentSignTests {
    /// Every urgent interrupt of the shipped dialogs, with a line made of its first pattern.
    static func urgentInterrupts() throws -> [(dialog: String, interrupt: String, line: String)] {
        try ["back-strain", "neck-shoulder"].flatMap { name in
            let spec = try Fixture.dialog(name)
            return spec.interrupts.filter { spec.guaranteedDisposition(from: $0.target) == .urgent }
                .map { (name, $0.id, $0.patterns[0]) }
        }
    }

    @Test func everyUrgentInterruptOfTheShippedDialogsIsTested() throws {
        let found = try Self.urgentInterrupts()
        #expect(found.filter { $0.dialog == "back-strain" }.map(\.interrupt)
                    == ["fever", "urine", "calf_clot", "cancer_history", "weak_immunity", "one_leg_worse", "fracture_risk"])
        #expect(found.filter { $0.dialog == "neck-shoulder" }.map(\.interrupt) == ["urgent_signs"])
    }

    @Test(arguments: try urgentInterrupts())
    func adviceFirstThenAYesToTheEmergencySignsIsAnEmergency(dialog: String, interrupt: String, line: String) throws {
        let spec = try Fixture.dialog(dialog)
        var harness = Harness(spec)
        harness.say(line)
        #expect(harness.outcome == nil)
        #expect(harness.lastAsk?.id == "emergency_check", "\(interrupt): \(harness.text)")
        // The urgent advice is shown before the question, so leaving now still leaves with it.
        #expect(harness.text.contains { $0.hasPrefix("Please see a doctor today") }, "\(harness.text)")
        harness.say("yes")
        #expect(harness.outcome == .emergency)
        #expect(harness.bookings.isEmpty)
    }

    @Test(arguments: try urgentInterrupts())
    func noToTheEmergencySignsKeepsTheUrgentAdvice(dialog: String, interrupt: String, line: String) throws {
        var harness = Harness(try Fixture.dialog(dialog))
        harness.say([line, "no"])
        #expect(harness.outcome == .urgent, "\(interrupt): \(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    /// Undoing the report would let the conversation go on to a booking.
    @Test(arguments: ["back", "go back", "restart", "start over"])
    func backAndRestartAreRefusedAfterAnUrgentSign(command: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever"])
        harness.say(command)
        #expect(harness.text.first == "You have told me about a warning sign, so we can't go back or start again. Please answer this last question, or type quit.")
        #expect(harness.lastAsk?.id == "emergency_check")
        harness.say("no")
        #expect(harness.outcome == .urgent)
    }

    @Test func backStillWorksBeforeAnyWarningSign() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "back"])
        #expect(harness.lastAsk?.id == "location")
    }

    /// Unclear answers that lean to no end with the sign's urgent advice: the hand-off would give none.
    @Test func unclearAnswersThatLeanToNoEndUrgentNotInTheHandOff() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "it burns when I pee"])
        harness.say(["no, I can walk fine", "no, my legs work"])
        #expect(harness.errorCodes == ["not_understood"])
        harness.say("no, my legs are working")
        #expect(harness.outcome == .urgent, "\(harness.text)")
    }

    @Test func unclearAnswersWithoutADenialAreTakenAsYes() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever", "hmm", "not sure", "dunno"])
        #expect(harness.outcome == .emergency, "\(harness.text)")
    }

    /// With an urgent and an emergency sign in one line the emergency interrupt wins: its target is an outcome,
    /// the urgent one's leads through a question, and ranks by the least urgent outcome it can reach.
    @Test(arguments: ["I have a fever and I've wet myself", "I've got chest pain and a temperature of 39",
                      "I'm on chemo and both legs are numb"])
    func anEmergencySignInTheSameLineWinsAtOnce(line: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(line)
        #expect(harness.outcome == .emergency, "\(harness.text)")
    }

    @Test func anUrgentSignAfterTheEndGetsTheUrgentAdviceNotTheEmergencyOne() throws {
        var machine = DialogMachine(spec: try Fixture.dialog("back-strain"))
        _ = machine.start()
        _ = machine.receive(.line("quit"))
        _ = machine.receive(.line("yes"))
        let advice = machine.redFlagAdvice(for: ["oh and I've got a fever"])
        #expect(advice == [.say("You also wrote something that needs a doctor's advice soon. Please contact your doctor or an urgent care service today, before any massage.")])
    }

    /// The same sign again is an answer there, not its advice once more (a thirteenth review saw it seven times in a row).
    @Test(arguments: ["no, only the fever", "nope, just the fever", "no, I've just got a fever"])
    func theSameSignAgainIsAnAnswerNotTheAdviceAgain(line: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever"])
        harness.say(line)
        #expect(!harness.text.contains { $0.hasPrefix("Please see a doctor today") }, "\(harness.text)")
        #expect(harness.outcome == .urgent || harness.lastAsk?.id == "emergency_check", "\(harness.text)")
    }

    /// Leaving at the emergency signs still records the urgent outcome (its advice was shown): kiosks and the log see
    /// that medical advice was given, not a plain goodbye.
    @Test func quittingAfterTheAdviceRecordsTheUrgentOutcome() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever", "quit", "yes"])
        #expect(harness.outcome == .urgent)
        #expect(harness.events.last == .end(.quit))
        var machine = DialogMachine(spec: try Fixture.dialog("back-strain"))
        _ = machine.start()
        _ = machine.receive(.line("lower back, I had breast cancer"))
        let events = machine.receive(.endOfInput)
        #expect(events.contains { if case .outcome(.urgent, _, _) = $0 { true } else { false } })
        #expect(events.last == .end(.inputEnded))
        #expect(machine.outcome == .urgent)
    }
}
