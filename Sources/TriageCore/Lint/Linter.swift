/// Checks a loaded dialog for structural problems and proves its red-flag safety properties.
/// Codes are stable and documented in docs/dialog-format.md.
public enum LintCode {
    public static let unreachable = "L101"
    public static let deadEnd = "L102"
    public static let cycle = "L103"
    public static let synonymCollision = "L104"
    public static let commandShadow = "L105"
    public static let slotMaybeUnset = "L106"
    public static let unusedSlot = "L107"
    public static let unusedMessage = "L108"
    public static let skippedRedFlag = "S201"
    public static let redFlagContinues = "S202"
    public static let interruptTarget = "S204"
    public static let disclaimer = "S205"
}

public enum Linter {
    /// Loader errors, or the lint diagnostics of a spec that loads.
    public static func check(_ text: String, file: String) -> [Diagnostic] {
        check(text, file: file) { _ in }
    }

    /// The same, handing the loaded spec to `keep` (`triage lint` keeps it to the end of the process rather than
    /// taking apart thousands of patterns just before it exits).
    public static func check(_ text: String, file: String, keep: (DialogSpec) -> Void) -> [Diagnostic] {
        switch SpecLoader.load(text, file: file) {
        case .failure(let errors): return errors.diagnostics
        case .success(let spec):
            keep(spec)
            return lint(spec, file: file)
        }
    }

    public static func lint(_ spec: DialogSpec, file: String) -> [Diagnostic] {
        var lint = LintRun(spec: spec, file: file)
        lint.run()
        return lint.diagnostics.sorted { ($0.location, $0.code, $0.message) < ($1.location, $1.code, $1.message) }
    }
}

struct LintRun {
    let spec: DialogSpec
    let file: String
    let graph: DialogGraph
    var diagnostics: [Diagnostic] = []

    init(spec: DialogSpec, file: String) {
        self.spec = spec
        self.file = file
        self.graph = DialogGraph(spec: spec)
    }

    mutating func report(_ path: String, _ severity: Diagnostic.Severity, _ code: String, _ message: String) {
        diagnostics.append(Diagnostic(file: file, location: spec.locations.nearest(path), severity: severity, message: message, code: code))
    }

    mutating func run() {
        checkReachability()
        checkDeadEnds()
        checkCycles()
        checkChoices()
        checkSlots()
        checkInterrupts()
        checkRedFlagAnswers()
        checkScreenOnEveryBookingPath()
        checkDisclaimer()
    }

    // MARK: Structure

    mutating func checkReachability() {
        let reachable = graph.reachable()
        for node in spec.nodes where !reachable.contains(node.id) {
            report("/nodes/\(node.id)", .warning, LintCode.unreachable, "node '\(node.id)' can never be reached from '\(spec.start)'")
        }
    }

    mutating func checkDeadEnds() {
        for node in spec.nodes where node.kind != .outcome {
            guard case .branches(let branches) = node.next else { continue }
            if branches.contains(where: { $0.condition == nil }) || isExhaustive(branches.compactMap(\.condition)) { continue }
            report("/nodes/\(node.id)/next", .error, LintCode.deadEnd,
                   "node '\(node.id)' has no way forward when none of its conditions hold; end its branches with '- goto: NODE'")
        }
    }

    /// Branches that test one yes/no or choice slot and together cover every answer.
    func isExhaustive(_ conditions: [Condition]) -> Bool {
        var slot: String?
        var covered: Set<String> = []
        for condition in conditions {
            guard case .test(let s, let test) = condition, slot == nil || slot == s else { return false }
            slot = s
            switch test {
            case .equals(let v): covered.insert(v)
            case .oneOf(let vs): covered.formUnion(vs)
            default: return false
            }
        }
        guard let slot, let question = spec.question(forSlot: slot)?.question, question.askIf == nil else { return false }
        switch question.input {
        case .yesno: return covered.isSuperset(of: ["yes", "no"])
        case .choice: return covered.isSuperset(of: question.choices.map(\.id))
        default: return false
        }
    }

    mutating func checkCycles() {
        for component in graph.stronglyConnectedComponents() {
            let members = Set(component)
            let isCycle = component.count > 1 || (graph.successors[component[0]] ?? []).contains(component[0])
            guard isCycle else { continue }
            let first = spec.nodes.first { members.contains($0.id) }!.id
            let asks = component.contains { spec.node($0)?.kind == .question || spec.node($0)?.kind == .summary }
            let exits = component.contains { id in (graph.successors[id] ?? []).contains { !members.contains($0) } }
            if !asks {
                report("/nodes/\(first)", .error, LintCode.cycle,
                       "nodes \(component.sorted().joined(separator: ", ")) loop forever without asking anything")
            } else if !exits {
                report("/nodes/\(first)", .error, LintCode.cycle,
                       "nodes \(component.sorted().joined(separator: ", ")) form a loop with no way out to an outcome")
            }
        }
    }

    mutating func checkChoices() {
        let commandWords = Dictionary(spec.commands.flatMap { command, words in words.map { (Normalizer.normalize($0), command) } },
                                      uniquingKeysWith: { first, _ in first })
        for node in spec.nodes {
            guard let question = node.question, !question.choices.isEmpty else { continue }
            var owner: [String: String] = [:]
            for choice in question.choices {
                for phrase in Set(AnswerMatcher.phrases(of: choice).map(String.spaced)) {
                    if let other = owner[phrase], other != choice.id {
                        report("/nodes/\(node.id)/choices/\(choice.id)", .error, LintCode.synonymCollision,
                               "'\(phrase)' answers both '\(other)' and '\(choice.id)' in question '\(node.id)'")
                    }
                    owner[phrase] = owner[phrase] ?? choice.id
                    if let command = commandWords[phrase] {
                        report("/nodes/\(node.id)/choices/\(choice.id)", .warning, LintCode.commandShadow,
                               "'\(phrase)' answers question '\(node.id)', so it cannot be used as the '\(command.rawValue)' command there")
                    }
                }
            }
        }
    }

    // MARK: Slots

    /// Slots each node reads in its texts and conditions.
    func reads(_ node: Node) -> (texts: [String], conditions: [String]) {
        var texts: [String] = []
        for text in [node.say, node.question?.ask, node.question?.why, node.question?.help, node.question?.hint,
                     node.summary?.ask, node.booking?.stored, node.booking?.failed].compactMap({ $0 }) {
            texts += Template.placeholders(in: text).filter { !Template.builtins.contains($0) && !$0.hasPrefix(Template.planPrefix) }
        }
        var conditions: [String] = node.question?.askIf?.slots ?? []
        if case .branches(let branches) = node.next { conditions += branches.compactMap(\.condition).flatMap(\.slots) }
        return (texts, conditions)
    }

    mutating func checkSlots() {
        // Forward data flow over the graph, in reverse postorder with bit sets: slots definitely / possibly set
        // on entry to each node.
        let allSlots = Set(spec.nodes.compactMap(\.slot))
        let slotList = allSlots.sorted()
        let slotBit = Dictionary(uniqueKeysWithValues: slotList.enumerated().map { ($1, $0) })
        let order = DialogGraph.reversePostorder(spec: spec, successors: graph.successors)
        var mustBits: [String: BitSet] = [spec.start: BitSet(count: slotList.count)]
        var mayBits: [String: BitSet] = [spec.start: BitSet(count: slotList.count)]
        var changed = true
        var passes = 0
        while changed && passes < spec.nodes.count + 2 {
            changed = false
            passes += 1
            for id in order {
                guard let node = spec.node(id), var outMust = mustBits[id], var outMay = mayBits[id] else { continue }
                if let slot = node.slot, let question = node.question, let bit = slotBit[slot] {
                    outMay.insert(bit)
                    if question.askIf == nil && !question.optional { outMust.insert(bit) }
                }
                for target in graph.successors[id] ?? [] {
                    let newMust = mustBits[target].map { $0.intersection(outMust) } ?? outMust
                    let newMay = mayBits[target].map { $0.union(outMay) } ?? outMay
                    if newMust != mustBits[target] || newMay != mayBits[target] {
                        mustBits[target] = newMust
                        mayBits[target] = newMay
                        changed = true
                    }
                }
            }
        }
        // Interrupt and hand-off targets can be entered from any question: nothing is definitely set there.
        let none = BitSet(count: slotList.count)
        var everything = none
        for i in slotList.indices { everything.insert(i) }
        for jump in graph.jumpTargets {
            mustBits[jump] = none
            mayBits[jump] = everything
        }
        for node in spec.nodes {
            guard let inMust = mustBits[node.id], let inMay = mayBits[node.id] else { continue }
            let (texts, conditions) = reads(node)
            let ownBit = node.slot.flatMap { slotBit[$0] }
            for slot in Set(texts) {
                guard let bit = slotBit[slot], !inMust.contains(bit), bit != ownBit else { continue }
                report("/nodes/\(node.id)", .warning, LintCode.slotMaybeUnset,
                       "node '\(node.id)' shows '{\(slot)}', which may not be answered yet on some paths (it would show as empty)")
            }
            for slot in Set(conditions) {
                guard let bit = slotBit[slot], !inMay.contains(bit), bit != ownBit else { continue }
                report("/nodes/\(node.id)", .warning, LintCode.slotMaybeUnset,
                       "node '\(node.id)' tests slot '\(slot)', which is never answered before this point")
            }
        }
        // Unused slots: answered but never read by a text, condition, summary, plan rule or booking field.
        var used: Set<String> = []
        for node in spec.nodes {
            let (texts, conditions) = reads(node)
            used.formUnion(texts)
            used.formUnion(conditions)
            used.formUnion(node.summary?.entries.map(\.slot) ?? [])
        }
        used.formUnion(Template.placeholders(in: spec.disclaimer))
        for rule in spec.plan.rules { used.formUnion(rule.condition?.slots ?? []) }
        used.formUnion(spec.bookingFields.map(\.slot))
        for node in spec.nodes {
            guard let slot = node.slot, !used.contains(slot) else { continue }
            report("/nodes/\(node.id)", .warning, LintCode.unusedSlot,
                   "the answer to '\(node.id)' (slot '\(slot)') is never used by a condition, text, summary, plan rule or booking field")
        }
        // Message overrides that equal the built-in text are noise; ones for keys the engine never says are errors at load.
        for (key, text) in spec.messages.table where Messages.defaults[key] == text && spec.locations["/messages/\(key)"] != nil {
            report("/messages/\(key)", .warning, LintCode.unusedMessage, "message '\(key)' repeats the built-in text; remove it")
        }
    }

    // MARK: Safety

    func disposition(of id: String) -> Disposition? { spec.node(id)?.disposition }

    mutating func checkInterrupts() {
        for interrupt in spec.interrupts {
            guard spec.node(interrupt.target) != nil else { continue }
            // Straight to the outcome, or through messages and yes/no red-flag questions that end only in such outcomes.
            if !(spec.guaranteedDisposition(from: interrupt.target)?.forbidsBooking ?? false) {
                report("/interrupts/\(interrupt.id)/goto", .error, LintCode.interruptTarget,
                       "interrupt '\(interrupt.id)' goes to '\(interrupt.target)', which is not an emergency or urgent outcome, "
                       + "nor messages and yes/no red-flag questions that lead only to such outcomes")
            }
        }
    }

    /// Every red-flag answer must lead (through messages only) to an outcome at least as urgent as its flag.
    mutating func checkRedFlagAnswers() {
        for node in spec.nodes {
            guard let question = node.question, let flag = question.redFlag, let slot = node.slot else { continue }
            let search = PathSearch(spec: spec, graph: graph, tracked: [slot])
            let flagged: [Answer] = question.input == .yesno ? [.yesNo(true)]
                : question.redFlagChoices.map { question.input == .multi ? .choices([$0]) : .choice($0) }
            for answer in flagged {
                for target in search.targets(node.next, [slot: answer]) {
                    if let problem = followToOutcome(target, flag: flag) {
                        let said = answer == .yesNo(true) ? "yes" : answer.raw
                        report("/nodes/\(node.id)/next", .error, LintCode.redFlagContinues,
                               "answering '\(said)' to red-flag question '\(node.id)' \(problem)")
                    }
                }
            }
        }
    }

    /// nil when `start` reaches an outcome of `flag`'s urgency (or more urgent) through messages only.
    func followToOutcome(_ start: String, flag: Disposition) -> String? {
        var current = start
        var seen: Set<String> = []
        while let node = spec.node(current), seen.insert(current).inserted {
            switch node.kind {
            case .outcome:
                guard let disposition = node.disposition, disposition.urgencyRank <= flag.urgencyRank else {
                    return "leads to outcome '\(node.id)' (\(node.disposition?.rawValue ?? "none")), which is less urgent than \(flag.rawValue)"
                }
                return nil
            case .message:
                guard case .goto(let next)? = node.next else { return "continues to '\(node.id)', which may branch away from an outcome" }
                current = next
            default:
                return "continues to \(node.kind.rawValue) '\(node.id)' instead of an \(flag.rawValue) outcome"
            }
        }
        return "never reaches an outcome"
    }

    /// Every walk from the start to a booking passes through every red-flag question that applies on it.
    mutating func checkScreenOnEveryBookingPath() {
        let bookings = Set(spec.nodes.filter { $0.kind == .booking }.map(\.id))
        guard !bookings.isEmpty else { return }
        // An unconditional red-flag question must dominate every reachable booking: one dominator pass for all
        // of them (linear in practice); the walk search below only runs to explain a violation.
        let dominators = Dominators(spec: spec, graph: graph, jumps: true)
        let reachableBookings = bookings.filter { dominators.isReachable($0) }
        for node in spec.nodes {
            guard let question = node.question, question.redFlag != nil else { continue }
            // A question no booking can follow (the emergency signs asked after an urgent interrupt's advice) only
            // chooses between outcomes: no walk to a booking needs it.
            if spec.guaranteedDisposition(from: node.id) != nil { continue }
            if question.askIf == nil, reachableBookings.allSatisfy({ dominators.dominates(node.id, $0) }) { continue }
            let search = PathSearch(spec: spec, graph: graph, tracked: question.askIf?.slots ?? [])
            let walk = search.findWalk(avoiding: node.id, to: bookings, where: question.askIf)
            if let walk {
                report("/nodes/\(node.id)", .error, LintCode.skippedRedFlag,
                       "red-flag question '\(node.id)' can be skipped on the way to booking '\(walk.last!)': \(walk.joined(separator: " -> "))")
            }
        }
    }

    mutating func checkDisclaimer() {
        let text = spec.disclaimer.trimmed
        if text.isEmpty {
            report("/disclaimer", .error, LintCode.disclaimer, "the disclaimer is empty; it must say this is not a diagnosis and give {emergency_number}")
        } else if !Template.placeholders(in: text).contains("emergency_number") && !text.contains(spec.emergencyNumber) {
            report("/disclaimer", .error, LintCode.disclaimer, "the disclaimer must tell people to call {emergency_number} in an emergency")
        }
    }
}
