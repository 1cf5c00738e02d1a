/// Conditions and transitions with their slots and nodes turned into numbers when the spec is built, for the
/// dialog machine: a turn follows them without hashing a slot name or a node id. (The lint and the spec model keep
/// the named forms.)
indirect enum ResolvedCondition: Sendable, Equatable {
    case all([ResolvedCondition])
    case any([ResolvedCondition])
    case not(ResolvedCondition)
    /// `number` is nil for a slot no question stores (then it is read by name, and is never answered in a
    /// conversation of this dialog).
    case test(number: Int?, slot: String, Condition.Test)

    init(_ condition: Condition, slots: SlotTable) {
        switch condition {
        case .all(let conditions): self = .all(conditions.map { ResolvedCondition($0, slots: slots) })
        case .any(let conditions): self = .any(conditions.map { ResolvedCondition($0, slots: slots) })
        case .not(let condition): self = .not(ResolvedCondition(condition, slots: slots))
        case .test(let slot, let test): self = .test(number: slots.number(of: slot), slot: slot, test)
        }
    }

    /// `answers` must be kept by the same spec's `slots` (as a conversation's are): numbers mean nothing in another table.
    func holds(_ answers: Answers) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.holds(answers) }
        case .any(let conditions): return conditions.contains { $0.holds(answers) }
        case .not(let condition): return !condition.holds(answers)
        case .test(let number, let slot, let test): return test.holds(number.map { answers[$0] } ?? answers[slot])
        }
    }
}

/// A node a transition leads to: its position in the spec's nodes (nil when no node has the id, which the
/// linter reports and the machine answers with a hand-off).
struct NodeTarget: Sendable, Equatable {
    var position: Int?
    var id: String
}

enum ResolvedTransition: Sendable, Equatable {
    case goto(NodeTarget)
    case branches([(condition: ResolvedCondition?, target: NodeTarget)])

    init(_ transition: Transition, slots: SlotTable, nodes: [String: Int]) {
        func target(_ id: String) -> NodeTarget { NodeTarget(position: nodes[id], id: id) }
        switch transition {
        case .goto(let id): self = .goto(target(id))
        case .branches(let branches):
            self = .branches(branches.map { ($0.condition.map { ResolvedCondition($0, slots: slots) }, target($0.target)) })
        }
    }

    func resolve(_ answers: Answers) -> NodeTarget? {
        switch self {
        case .goto(let target): return target
        case .branches(let branches): return branches.first { $0.condition?.holds(answers) ?? true }?.target
        }
    }

    static func == (lhs: ResolvedTransition, rhs: ResolvedTransition) -> Bool {
        switch (lhs, rhs) {
        case (.goto(let a), .goto(let b)): a == b
        case (.branches(let a), .branches(let b)): a.elementsEqual(b) { $0.condition == $1.condition && $0.target == $1.target }
        default: false
        }
    }
}

/// What the machine needs of a node beyond its content, worked out once by `DialogSpec`.
struct NodeRoute: Sendable, Equatable {
    /// The node's position in the spec's nodes.
    var position: Int
    /// The number of a question's slot.
    var slot: Int?
    var next: ResolvedTransition?
    var askIf: ResolvedCondition?
    /// A summary's entries' slot numbers, in order (nil for a slot no question stores).
    var summarySlots: [Int?] = []
}
