import Testing
@testable import TriageCore

/// A small deterministic generator (SplitMix64), so every failure is reproducible from its seed.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite("Properties of the dialog machine")
struct PropertyTests {
    static let noise = ["", "   ", "?", "help", "back", "restart", "repeat", "quit", "no", "yes", "7", "11", "-1", "seven/10",
                        "lower back", "left", "neck", "skip", "asdf", "🙂", "\u{1B}[31m", "\u{0}", String(repeating: "x", count: 600),
                        "not sure", "no, actually yes", "Sam Lee", "555 123 4567", "a@b.co", "both", "1", "2", "3", "9"]

    /// A line that answers the current question validly, or noise.
    static func line(for machine: DialogMachine, _ random: inout SeededRandom) -> String {
        if Int.random(in: 0..<4, using: &random) == 0 { return noise.randomElement(using: &random)! }
        guard let id = machine.currentQuestion, let node = machine.spec.node(id) else { return "yes" }
        guard let question = node.question else { return ["yes", "yes", "no"].randomElement(using: &random)! }
        switch question.input {
        case .choice, .multi: return question.choices.randomElement(using: &random)!.label
        case .yesno: return Int.random(in: 0..<10, using: &random) == 0 ? "yes" : "no"
        case .number: return String(Int.random(in: (question.min ?? 0)...(question.max ?? 10), using: &random))
        case .text:
            switch question.validate {
            case .phone: return "555 123 4567"
            case .email: return "sam@example.com"
            case .name: return "Sam Lee"
            case .any: return "fine"
            }
        }
    }

    /// Any sequence of lines: the machine never traps, never books twice, never books after a red flag or an
    /// emergency/urgent outcome, and is always either asking or ended.
    @Test(arguments: ["back-strain", "neck-shoulder"])
    func randomConversationsStaySafe(dialog: String) throws {
        let spec = try Fixture.dialog(dialog)
        for seed in UInt64(1)...400 {
            var random = SeededRandom(seed: seed)
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

    /// Answering "yes" to any one red-flag question (all else valid and "no") ends in exactly that flag's disposition.
    @Test func everyRedFlagYesEndsInItsDisposition() throws {
        let spec = try Fixture.dialog("back-strain")
        var reached: Set<String> = []
        for seed in UInt64(1)...600 {
            var random = SeededRandom(seed: seed)
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
