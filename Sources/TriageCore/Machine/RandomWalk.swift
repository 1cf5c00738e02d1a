/// Conversations made of valid answers chosen at random, for load tests (`triage load --random-walks`) and property
/// tests. A walk follows a machine of its own, so every line answers the question actually being asked; a server
/// running the same dialog then has exactly the same conversation.
public enum RandomWalk {
    /// A valid answer to what `machine` asks now: a random choice's label, a number in range, a text that passes
    /// the question's validation, "yes" or "no" alike, "yes" to the summary. Red-flag questions get "yes" (or one of
    /// their red-flag choices) once in `redFlagYesOneIn` times, so that most walks get past the red-flag screen (and
    /// some stop at it).
    public static func answer(for machine: DialogMachine, redFlagYesOneIn: Int = 10,
                              using random: inout some RandomNumberGenerator) -> String {
        guard let id = machine.currentQuestion, let node = machine.spec.node(id) else { return "yes" }
        guard let question = node.question else { return "yes" }
        switch question.input {
        case .choice, .multi:
            var choices = question.choices
            if question.redFlag != nil {
                // Red-flag choices as rarely as a red-flag "yes" (when there are other choices to make).
                let flagged = Int.random(in: 0..<max(redFlagYesOneIn, 1), using: &random) == 0
                let picked = choices.filter { question.redFlagChoices.contains($0.id) == flagged }
                if !picked.isEmpty { choices = picked }
            }
            return choices.randomElement(using: &random)?.label ?? "yes"
        case .yesno:
            let yes = question.redFlag == nil ? Bool.random(using: &random)
                : Int.random(in: 0..<max(redFlagYesOneIn, 1), using: &random) == 0
            return yes ? "yes" : "no"
        case .number: return String(Int.random(in: (question.min ?? 0)...max(question.min ?? 0, question.max ?? 10), using: &random))
        case .text:
            switch question.validate {
            case .phone: return "555 123 4567"
            case .email: return "sam@example.com"
            case .name: return "Sam Lee"
            case .any: return "fine"
            }
        }
    }

    /// The lines of one whole conversation (at most `maxTurns`), every booking taken as stored.
    public static func script(for spec: DialogSpec, redFlagYesOneIn: Int = 10, maxTurns: Int = 200,
                              using random: inout some RandomNumberGenerator) -> [String] {
        var machine = DialogMachine(spec: spec, recordsCoverage: false)
        _ = machine.start()
        var lines: [String] = []
        while !machine.isEnded, lines.count < maxTurns {
            let line = answer(for: machine, redFlagYesOneIn: redFlagYesOneIn, using: &random)
            lines.append(line)
            _ = machine.send(.line(line)) { _ in .bookingStored(id: "walk") }
        }
        return lines
    }
}
