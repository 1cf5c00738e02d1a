import Testing
@testable import TriageCore

/// The machine follows conditions and transitions resolved to slot numbers and node positions; the lint and the
/// spec model read the named forms. Both must always agree.
@Suite("Routes resolved to numbers agree with the named spec")
struct ResolvedRoutesTests {
    /// Answers to a random subset of the dialog's questions: valid values, skips, and values no question offers.
    static func randomAnswers(_ spec: DialogSpec, _ random: inout SplitMix64) -> [String: Answer] {
        var values: [String: Answer] = [:]
        for node in spec.nodes {
            guard let question = node.question, let slot = node.slot, Bool.random(using: &random) else { continue }
            let ids = question.choices.map(\.id) + ["not_a_choice"]
            switch (question.input, Int.random(in: 0..<8, using: &random)) {
            case (_, 0): values[slot] = .skipped
            case (.choice, _): values[slot] = .choice(ids.randomElement(using: &random)!)
            case (.multi, _): values[slot] = .choices(Array(ids.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random))))
            case (.yesno, _): values[slot] = .yesNo(Bool.random(using: &random))
            case (.number, _): values[slot] = .number(Int.random(in: (question.min ?? 0) - 1...(question.max ?? 10) + 1, using: &random))
            case (.text, _): values[slot] = .text("some words")
            }
        }
        return values
    }

    @Test(arguments: ["back-strain", "neck-shoulder"])
    func transitionsConditionsAndThePlanAgree(dialog: String) throws {
        let spec = try Fixture.dialog(dialog)
        var random = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let values = Self.randomAnswers(spec, &random)
            var numbered = Answers(table: spec.slots)
            for (slot, answer) in values { numbered[slot] = answer }
            let named = Answers(values)
            #expect(numbered == named)
            for (position, node) in spec.nodes.enumerated() {
                #expect(node.route.position == position)
                #expect(node.route.next?.resolve(numbered).map(\.id) == node.next?.resolve(named))
                #expect(node.route.next?.resolve(numbered).map { $0.position.map { spec.nodes[$0].id } } == node.next?.resolve(named).map { spec.node($0)?.id })
                if let askIf = node.question?.askIf {
                    #expect(node.route.askIf?.holds(numbered) == askIf.holds(named), "\(node.id)")
                }
            }
            #expect(spec.plan(for: numbered) == spec.plan.build(for: named))
        }
    }

    @Test func everyQuestionSlotIsNumberedOnceInFileOrder() throws {
        let spec = try Fixture.dialog("back-strain")
        let slots = spec.nodes.compactMap(\.slot)
        #expect(spec.slots.names == slots.reduce(into: []) { if !$0.contains($1) { $0.append($1) } })
        for node in spec.nodes {
            #expect(node.route.slot == node.slot.flatMap(spec.slots.number(of:)))
        }
    }

    @Test func answersKeepSlotsTheTableDoesNotName() {
        var answers = Answers(table: SlotTable(names: ["where", "how_bad"]))
        #expect(answers.isEmpty)
        answers["how_bad"] = .number(7)
        answers["not_in_the_dialog"] = .text("kept")
        #expect(answers["how_bad"] == .number(7))
        #expect(answers[1] == .number(7))
        #expect(answers["not_in_the_dialog"] == .text("kept"))
        #expect(answers.values == ["how_bad": .number(7), "not_in_the_dialog": .text("kept")])
        answers["where"] = .skipped
        #expect(!answers.isSet("where") && answers["where"] == .skipped)
        answers["how_bad"] = nil
        answers["not_in_the_dialog"] = nil
        answers["where"] = nil
        #expect(answers.isEmpty)
        #expect(answers == Answers())
    }

    @Test func aTransitionToAMissingNodeKeepsItsName() throws {
        let transition = ResolvedTransition(.goto("nowhere"), slots: .empty, nodes: ["somewhere": 0])
        #expect(transition.resolve(Answers()) == NodeTarget(position: nil, id: "nowhere"))
    }
}
