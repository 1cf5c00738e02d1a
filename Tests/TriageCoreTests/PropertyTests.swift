import Testing
@testable import TriageCore

@Suite("Properties of the dialog machine")
struct PropertyTests {
    static let noise = ["", "   ", "?", "help", "back", "restart", "repeat", "quit", "no", "yes", "7", "11", "-1", "seven/10",
                        "lower back", "left", "neck", "skip", "asdf", "🙂", "\u{1B}[31m", "\u{0}", String(repeating: "x", count: 600),
                        "not sure", "no, actually yes", "Sam Lee", "555 123 4567", "a@b.co", "both", "1", "2", "3", "9"]

    /// A line that answers the current question validly, or noise.
    static func line(for machine: DialogMachine, _ random: inout SplitMix64) -> String {
        if Int.random(in: 0..<4, using: &random) == 0 { return noise.randomElement(using: &random)! }
        // At the summary, sometimes "no", so that corrections are exercised too.
        if let id = machine.currentQuestion, let node = machine.spec.node(id), node.question == nil {
            return ["yes", "yes", "no"].randomElement(using: &random)!
        }
        return RandomWalk.answer(for: machine, using: &random)
    }

    /// Any sequence of lines: the machine never traps, never books twice, never books after a red flag or an
    /// emergency/urgent outcome, and is always either asking or ended.
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func randomConversationsStaySafe(dialog: String) throws {
        let spec = try Fixture.dialog(dialog)
        for seed in UInt64(1)...400 {
            var random = SplitMix64(seed: seed)
            var machine = DialogMachine(spec: spec)
            var events = machine.start()
            var bookings = 0
            var reported: [Disposition] = []
            for _ in 0..<150 where !machine.isEnded {
                let line = Self.line(for: machine, &random)
                // The quit confirmation is not the red-flag question it interrupted.
                let confirmingQuit = events.last.map { if case .ask(let p) = $0 { p.id == "quit" } else { false } } ?? false
                if !confirmingQuit, let id = machine.currentQuestion, let question = spec.node(id)?.question, let flag = question.redFlag,
                   case .answer(let answer) = AnswerMatcher(words: spec.words).match(line, to: question), question.isRedFlag(answer),
                   InterruptMatcher(spec: spec).match(line) == nil {
                    reported.append(flag)
                }
                events = machine.send(.line(line)) { draft in
                    bookings += 1
                    return .bookingStored(id: "b\(bookings)")
                }
                if !machine.isEnded {
                    #expect(events.contains { if case .ask = $0 { true } else { false } }, "seed \(seed): a turn that does not end in a question")
                }
            }
            #expect(bookings <= 1, "seed \(seed)")
            if let outcome = machine.outcome, outcome.forbidsBooking { #expect(bookings == 0, "seed \(seed)") }
            if let worst = reported.min(by: { $0.urgencyRank < $1.urgencyRank }) {
                #expect(bookings == 0, "seed \(seed): booked after a red flag")
                #expect(machine.outcome == worst, "seed \(seed): red flag \(worst) ended in \(String(describing: machine.outcome))")
            }
        }
    }

    /// `triage load --random-walks` replays these scripts against a server, so each must be a whole conversation of
    /// accepted answers, the same for the same seed, and together they must reach bookings and red-flag outcomes.
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func randomWalksAreWholeConversationsOfAcceptedAnswers(dialog: String) throws {
        let spec = try Fixture.dialog(dialog)
        var outcomes: Set<Disposition> = []
        var bookings = 0
        for seed in UInt64(1)...200 {
            var random = SplitMix64(seed: seed)
            let script = RandomWalk.script(for: spec, redFlagYesOneIn: 30, using: &random)
            var again = SplitMix64(seed: seed)
            #expect(RandomWalk.script(for: spec, redFlagYesOneIn: 30, using: &again) == script, "seed \(seed): not reproducible")
            var machine = DialogMachine(spec: spec)
            _ = machine.start()
            for line in script {
                let events = machine.send(.line(line)) { _ in bookings += 1; return .bookingStored(id: "b") }
                #expect(!events.contains { if case .error = $0 { true } else { false } }, "seed \(seed): '\(line)' was refused")
            }
            #expect(machine.isEnded, "seed \(seed): the walk stopped before the conversation ended")
            if let outcome = machine.outcome { outcomes.insert(outcome) }
        }
        #expect(bookings > 0, "no walk reached a booking")
        #expect(outcomes.contains { $0.forbidsBooking }, "no walk reached an emergency or urgent outcome: \(outcomes)")
    }

    /// A red-flag choice question gets one of its red-flag choices as rarely as a red-flag yes/no question gets
    /// "yes", so load walks still reach the rest of the dialog.
    @Test func randomWalksPickRedFlagChoicesRarely() throws {
        let text = try Repo.text("Tests/TriageCoreTests/LintFixtures/skipped-red-flag.yaml").replacing("""
                input: yesno
                red_flag: emergency         # a screening question: "yes" must lead to an emergency outcome
                ask: Is the area between your legs numb?
                next:
                  - if: { numb: yes }
            """, with: """
                input: choice
                red_flag: emergency
                red_flag_choices: [saddle, both_legs]
                ask: Is any area numb?
                choices:
                  - { id: none, label: Nothing is numb }
                  - { id: saddle, label: Between the legs }
                  - { id: both_legs, label: Both legs }
                next:
                  - if: { numb: { in: [saddle, both_legs] } }
            """)
        let spec = try Fixture.load(text)
        #expect(spec.node("numb")?.question?.input == .choice)
        var asked = 0, flagged = 0
        for seed in UInt64(1)...600 {
            var random = SplitMix64(seed: seed)
            let script = RandomWalk.script(for: spec, redFlagYesOneIn: 30, using: &random)
            guard let index = script.firstIndex(where: { ["Nothing is numb", "Between the legs", "Both legs"].contains($0) }) else { continue }
            asked += 1
            if script[index] != "Nothing is numb" { flagged += 1 }
        }
        #expect(asked > 100)
        #expect(flagged > 0 && flagged * 10 < asked, "\(flagged) of \(asked) walks picked a red-flag choice")
    }

    /// Answering "yes" to any one red-flag question (all else valid and "no") ends in exactly that flag's disposition.
    @Test func everyRedFlagYesEndsInItsDisposition() throws {
        let spec = try Fixture.dialog("back-strain")
        var reached: Set<String> = []
        for seed in UInt64(1)...600 {
            var random = SplitMix64(seed: seed)
            var machine = DialogMachine(spec: spec)
            _ = machine.start()
            var flagged: (String, Disposition)?
            var booked = false
            for _ in 0..<120 where !machine.isEnded {
                var line = Self.line(for: machine, &random)
                if Self.noise.contains(line) { line = "no" }
                if let id = machine.currentQuestion, let question = spec.node(id)?.question, let flag = question.redFlag, flagged == nil {
                    line = Int.random(in: 0..<6, using: &random) == 0 ? "yes" : "no"
                    if line == "yes" { flagged = (id, flag) }
                } else if let id = machine.currentQuestion, spec.node(id)?.question?.input == .yesno {
                    line = "no"
                }
                _ = machine.send(.line(line)) { _ in booked = true; return .bookingStored(id: "b") }
            }
            guard let (id, flag) = flagged else { continue }
            reached.insert(id)
            #expect(machine.outcome == flag, "seed \(seed): yes to \(id) ended in \(String(describing: machine.outcome))")
            #expect(!booked, "seed \(seed): booked after yes to \(id)")
        }
        #expect(reached.count >= 10, "the walk reaches many different red-flag questions")
    }
}
