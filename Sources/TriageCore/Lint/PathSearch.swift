/// Explores the walks a dialog allows, tracking only the answers to a few slots (`tracked`):
/// conditions over tracked slots are evaluated exactly, conditions over anything else may go either way.
/// Used by the safety proof to find a walk that skips a red-flag question while it applies.
struct PathSearch {
    let spec: DialogSpec
    let graph: DialogGraph
    /// A list rather than a set: a search tracks a few slots (those of one `ask_if`), and comparing that many names
    /// is cheaper than hashing one at every condition tested.
    let tracked: [String]
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

    init(spec: DialogSpec, graph: DialogGraph, tracked: [String]) {
        self.spec = spec
        self.graph = graph
        self.tracked = tracked
        self.jumpTargets = graph.jumpTargets
    }

    /// Interrupt targets and the hand-off, reachable from any asked question.
    let jumpTargets: [String]

    enum Truth { case yes, no, unknown }

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
        case .test(let slot, let test):
            guard tracked.contains(slot) else { return .unknown }
            return test.holds(answers[slot]) ? .yes : .no
        }
    }

    /// Where a transition may lead, given what is known.
    func targets(_ transition: Transition?, _ answers: [String: Answer]) -> [String] {
        guard let transition else { return [] }
        switch transition {
        case .goto(let id): return [id]
        case .branches(let branches): return possible(branches.lazy.map { ($0.condition, $0.target) }, answers)
        }
    }

    /// The targets of `branches` that may be taken: every branch up to the first whose condition surely holds,
    /// except those whose condition surely fails.
    private func possible<Target: Equatable>(_ branches: some Sequence<(Condition?, Target)>, _ answers: [String: Answer]) -> [Target] {
        var result: [Target] = []
        for (condition, target) in branches {
            let truth = condition.map { evaluate($0, answers) } ?? .yes
            if truth != .no, !result.contains(target) { result.append(target) }
            if truth == .yes { break }
        }
        return result
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

    /// A state of the search: a node and the answers known so far, both as small integers, so that states hash and
    /// compare in a few instructions (the search visits every node once per set of answers, for every red-flag
    /// question). `answers` indexes `AnswerSets`.
    struct State: Hashable {
        var node: Int
        var answers: Int
    }

    /// The sets of tracked answers met during one search, each stored once and named by its position. Moving from
    /// one set to the next by answering a question is remembered, so each distinct move builds a dictionary once.
    private final class AnswerSets {
        var sets: [[String: Answer]] = [[:]]
        var ids: [[String: Answer]: Int] = [[:]: 0]
        struct Move: Hashable { var from: Int, node: Int, choice: Int }
        var moves: [Move: Int] = [:]

        func intern(_ answers: [String: Answer]) -> Int {
            if let id = ids[answers] { return id }
            sets.append(answers)
            ids[answers] = sets.count - 1
            return sets.count - 1
        }
    }

    /// The set `from` after the question at `node` stores `answer` in `slot` (nil: the question was skipped);
    /// `choice` names the move: the answer's position among the question's representatives, or -1 for a skip.
    private func answering(_ from: Int, node: Int, choice: Int, slot: String, _ answer: Answer?, in sets: AnswerSets) -> Int {
        let move = AnswerSets.Move(from: from, node: node, choice: choice)
        if let known = sets.moves[move] { return known }
        var answers = sets.sets[from]
        answers[slot] = answer
        let id = sets.intern(answers)
        sets.moves[move] = id
        return id
    }

    /// The states after `state`: a question asks (branching over tracked answers) or is skipped by `ask_if`.
    /// `blocked` nodes are never passed through when they are actually asked. `canJump` says the question is
    /// asked, so an interrupt or the hand-off may follow it (the jumps depend only on the answers, see `findWalk`).
    private func successors(of state: State, blocked: String?, in sets: AnswerSets,
                            next: [[(Condition?, Int?)]]) -> (moves: [State], canJump: Bool) {
        let node = spec.nodes[state.node]
        let known = sets.sets[state.answers]
        var canJump = false
        var result: [State] = []
        func follow(_ answers: Int) {
            for case let target? in possible(next[state.node], sets.sets[answers]) {
                result.append(State(node: target, answers: answers))
            }
        }
        if let question = node.question, let slot = node.slot {
            let applies = question.askIf.map { evaluate($0, known) } ?? .yes
            if applies != .yes {
                // Skipped: the slot stays unset.
                follow(known[slot] == nil ? state.answers
                       : answering(state.answers, node: state.node, choice: -1, slot: slot, nil, in: sets))
            }
            if applies != .no, node.id != blocked {
                if tracked.contains(slot) {
                    for (choice, answer) in representatives(for: question, at: node.id).enumerated() {
                        follow(answering(state.answers, node: state.node, choice: choice, slot: slot, answer, in: sets))
                    }
                } else {
                    follow(state.answers)
                }
                canJump = true
            }
            return (result, canJump)
        }
        if node.kind == .outcome { return ([], false) }
        follow(state.answers)
        return (result, false)
    }

    /// A walk from the start to one of `goals` reached with answers for which `condition` holds (always, when nil),
    /// never through an asked `blocked` node; breadth-first, so the walk reported is a shortest one.
    func findWalk(avoiding blocked: String?, to goals: Set<String>, where condition: Condition?) -> [String]? {
        guard let startIndex = spec.index(of: spec.start) else { return nil }
        let sets = AnswerSets()
        let jumps = jumpTargets.compactMap { spec.index(of: $0) }
        let isGoal = spec.nodes.map { goals.contains($0.id) }
        // Transitions by node position, with targets as positions (nil: a missing node, never entered), worked
        // out once per search.
        let next: [[(Condition?, Int?)]] = spec.nodes.map { node in
            switch node.next {
            case nil: return []
            case .goto(let id)?: return [(nil, spec.index(of: id))]
            case .branches(let branches)?: return branches.map { ($0.condition, spec.index(of: $0.target)) }
            }
        }
        let start = State(node: startIndex, answers: 0)
        // States seen, by answer set then node: flags rather than a hashed set, since the search is mostly this
        // bookkeeping (answer sets are numbered densely, so a new one adds a row).
        var seen = [[Bool]](repeating: [Bool](repeating: false, count: spec.nodes.count), count: 1)
        func insert(_ state: State) -> Bool {
            while seen.count <= state.answers { seen.append([Bool](repeating: false, count: spec.nodes.count)) }
            if seen[state.answers][state.node] { return false }
            seen[state.answers][state.node] = true
            return true
        }
        _ = insert(start)
        // The queue holds every state reached, with the position of the state it was reached from.
        var queue: [(state: State, parent: Int)] = [(start, -1)]
        var jumpedWith: [Bool] = []
        var head = 0
        while head < queue.count {
            let state = queue[head].state
            if isGoal[state.node], condition.map({ $0.holds(Answers(sets.sets[state.answers])) }) ?? true {
                var walk: [String] = []
                var position = head
                while position >= 0 {
                    let id = spec.nodes[queue[position].state.node].id
                    if walk.last != id { walk.append(id) }
                    position = queue[position].parent
                }
                return walk.reversed()
            }
            var (moves, canJump) = successors(of: state, blocked: blocked, in: sets, next: next)
            // Jumps lead to the same states from every question with the same answers: the first such question
            // reached (breadth-first) adds them, later ones would only find them seen.
            if canJump {
                while jumpedWith.count <= state.answers { jumpedWith.append(false) }
                if !jumpedWith[state.answers] {
                    jumpedWith[state.answers] = true
                    moves += jumps.map { State(node: $0, answers: state.answers) }
                }
            }
            for next in moves where insert(next) {
                queue.append((next, head))
            }
            head += 1
        }
        return nil
    }
}
