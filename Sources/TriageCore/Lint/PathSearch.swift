/// Explores the walks a dialog allows, tracking only the answers to a few slots (`tracked`):
/// conditions over tracked slots are evaluated exactly, conditions over anything else may go either way.
/// Used by the safety proof to find a walk that skips a red-flag question while it applies.
struct PathSearch {
    let spec: DialogSpec
    let graph: DialogGraph
    let tracked: Set<String>
    /// Every number any condition compares with: computed on first use, since only number questions need it
    /// and scanning every condition per search would make the linter quadratic (one search per red-flag question).
    private let cache = Cache()
    var numberBounds: [Int] {
        if let bounds = cache.numberBounds { return bounds }
        let bounds = Self.numberBounds(in: spec)
        cache.numberBounds = bounds
        return bounds
    }

    /// Values computed on first use during one search (the search itself is a value).
    private final class Cache {
        var numberBounds: [Int]?
        /// `representatives(for:)` by question node id: questions sharing a slot may offer different answers.
        var representatives: [String: [Answer]] = [:]
    }

    init(spec: DialogSpec, graph: DialogGraph, tracked: Set<String>) {
        self.spec = spec
        self.graph = graph
        self.tracked = tracked
        self.jumpTargets = graph.jumpTargets
    }

    /// Interrupt targets and the hand-off, reachable from any asked question.
    let jumpTargets: [String]

    enum Truth { case yes, no, unknown }

    struct State: Hashable {
        var node: String
        var answers: [String: Answer]
    }

    /// Kleene evaluation: exact over tracked slots (unset ones included), unknown otherwise.
    func evaluate(_ condition: Condition, _ answers: [String: Answer]) -> Truth {
        switch condition {
        case .all(let parts):
            var result = Truth.yes
            for part in parts {
                switch evaluate(part, answers) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: break
                }
            }
            return result
        case .any(let parts):
            var result = Truth.no
            for part in parts {
                switch evaluate(part, answers) {
                case .yes: return .yes
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return result
        case .not(let inner):
            switch evaluate(inner, answers) {
            case .yes: return .no
            case .no: return .yes
            case .unknown: return .unknown
            }
        case .test(let slot, _):
            guard tracked.contains(slot) else { return .unknown }
            return condition.holds(Answers(answers)) ? .yes : .no
        }
    }

    /// Where a transition may lead, given what is known.
    func targets(_ transition: Transition?, _ answers: [String: Answer]) -> [String] {
        guard let transition else { return [] }
        switch transition {
        case .goto(let id): return [id]
        case .branches(let branches):
            var result: [String] = []
            for branch in branches {
                let truth = branch.condition.map { evaluate($0, answers) } ?? .yes
                if truth != .no, !result.contains(branch.target) { result.append(branch.target) }
                if truth == .yes { break }
            }
            return result
        }
    }

    /// `representatives(for:)` of the question at node `id`, computed once per search.
    func representatives(for question: Question, at id: String) -> [Answer] {
        if let known = cache.representatives[id] { return known }
        let answers = representatives(for: question)
        cache.representatives[id] = answers
        return answers
    }

    /// Representative answers for a tracked slot: every choice, yes and no, numbers around every bound
    /// any condition uses, text and (when optional) skipped.
    func representatives(for question: Question) -> [Answer] {
        switch question.input {
        case .choice: return question.choices.map { .choice($0.id) }
        case .multi: return question.choices.map { .choices([$0.id]) }
        case .yesno: return [.yesNo(true), .yesNo(false)]
        case .text: return question.optional ? [.text("x"), .skipped] : [.text("x")]
        case .number:
            let lo = question.min ?? 0, hi = question.max ?? 100
            var values: Set<Int> = [lo, hi]
            for bound in numberBounds { for v in [bound - 1, bound, bound + 1] where v >= lo && v <= hi { values.insert(v) } }
            return values.sorted().map { .number($0) }
        }
    }

    static func numberBounds(in spec: DialogSpec) -> [Int] {
        var bounds: [Int] = []
        func collect(_ c: Condition?) {
            guard let c else { return }
            switch c {
            case .all(let parts), .any(let parts): parts.forEach(collect)
            case .not(let inner): collect(inner)
            case .test(_, .range(let lo, let hi)): bounds += [lo, hi].compactMap { $0 }
            case .test(_, .equals(let v)): if let n = Int(v) { bounds.append(n) }
            default: break
            }
        }
        for node in spec.nodes {
            if case .branches(let branches) = node.next { branches.forEach { collect($0.condition) } }
            collect(node.question?.askIf)
        }
        spec.plan.rules.forEach { collect($0.condition) }
        return bounds
    }

    /// The states after `state`: a question asks (branching over tracked answers) or is skipped by `ask_if`.
    /// `blocked` nodes are never passed through when they are actually asked. `canJump` says the question is
    /// asked, so an interrupt or the hand-off may follow it (the jumps depend only on the answers, see `findWalk`).
    func successors(of state: State, blocked: String?) -> (moves: [State], canJump: Bool) {
        guard let node = spec.node(state.node) else { return ([], false) }
        var canJump = false
        var result: [State] = []
        if let question = node.question, let slot = node.slot {
            let applies = question.askIf.map { evaluate($0, state.answers) } ?? .yes
            if applies != .yes {
                // Skipped: the slot stays unset.
                var answers = state.answers
                answers[slot] = nil
                for target in targets(node.next, answers) { result.append(State(node: target, answers: answers)) }
            }
            if applies != .no, node.id != blocked {
                let choices: [Answer?] = tracked.contains(slot) ? representatives(for: question, at: node.id).map { $0 } : [nil]
                for answer in choices {
                    var answers = state.answers
                    if let answer { answers[slot] = answer }
                    for target in targets(node.next, answers) { result.append(State(node: target, answers: answers)) }
                }
                canJump = true
            }
            return (result, canJump)
        }
        if node.kind == .outcome { return ([], false) }
        for target in targets(node.next, state.answers) { result.append(State(node: target, answers: state.answers)) }
        return (result, false)
    }

    /// A walk from the start to a node satisfying `goal`, never through an asked `blocked` node; breadth-first,
    /// so the walk reported is a shortest one.
    func findWalk(avoiding blocked: String?, goal: (State) -> Bool) -> [String]? {
        let start = State(node: spec.start, answers: [:])
        var parent: [State: State] = [:]
        var seen: Set<State> = [start]
        var queue = [start]
        var jumpedWith: Set<[String: Answer]> = []
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if goal(state) {
                var walk = [state.node]
                var current = state
                while let previous = parent[current] {
                    if walk.last != previous.node { walk.append(previous.node) }
                    current = previous
                }
                return walk.reversed()
            }
            var (moves, canJump) = successors(of: state, blocked: blocked)
            // Jumps lead to the same states from every question with the same answers: the first such question
            // reached (breadth-first) adds them, later ones would only find them seen.
            if canJump, jumpedWith.insert(state.answers).inserted {
                moves += jumpTargets.map { State(node: $0, answers: state.answers) }
            }
            for next in moves where spec.node(next.node) != nil && !seen.contains(next) {
                seen.insert(next)
                parent[next] = state
                queue.append(next)
            }
        }
        return nil
    }
}
