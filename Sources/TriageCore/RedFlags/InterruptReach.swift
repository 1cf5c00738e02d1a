/// What an interrupt's target can lead to. An interrupt may go straight to an outcome, or first through messages
/// and yes/no red-flag questions (an urgent sign typed early shows its advice, then asks about the emergency
/// signs, so the most urgent disposition wins even when the screen was never reached).
public enum InterruptReach {
    /// The least urgent disposition a walk from `start` can end in, following every branch of its messages and
    /// questions; nil when a walk can reach anything else (a booking, a summary, a missing node), or a question
    /// that is not a yes/no red-flag question (whose unclear answers could not be resolved safely).
    public static func guaranteedDisposition(from start: String, nodes: [Node], index: [String: Int]) -> Disposition? {
        leastUrgentOutcome(from: start, nodes: nodes, index: index).flatMap { nodes[$0].disposition }
    }

    /// The position of the least urgent outcome such a walk can end in (see `guaranteedDisposition`).
    static func leastUrgentOutcome(from start: String, nodes: [Node], index: [String: Int]) -> Int? {
        var least: Int?
        var pending = [start]
        var seen: Set<String> = []
        while let id = pending.popLast() {
            guard seen.insert(id).inserted else { continue }
            guard let position = index[id] else { return nil }
            let node = nodes[position]
            switch node.kind {
            case .outcome:
                guard let disposition = node.disposition else { return nil }
                if least.map({ disposition.urgencyRank > (nodes[$0].disposition?.urgencyRank ?? 0) }) ?? true { least = position }
            case .message:
                guard let next = node.next else { return nil }
                pending += next.targets
            case .question:
                // Branches must cover every answer: an answer no branch takes would end in the hand-off.
                guard let question = node.question, question.input == .yesno, question.redFlag != nil,
                      let next = node.next, next.coversEveryAnswer else { return nil }
                pending += next.targets
            case .summary, .booking:
                return nil
            }
        }
        return least
    }
}

extension DialogSpec {
    /// The least urgent disposition interrupt `target` leads to (see `InterruptReach`).
    public func guaranteedDisposition(from target: String) -> Disposition? {
        InterruptReach.guaranteedDisposition(from: target, nodes: nodes, index: nodeIndex)
    }
}
