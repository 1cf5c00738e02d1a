/// The dialog as a directed graph: `next` transitions, plus the jumps any question can make
/// (red-flag interrupts and the hand-off after repeated failures).
public struct DialogGraph: Sendable {
    public let spec: DialogSpec
    /// Successors by `next` only, in branch order, without duplicates.
    public let successors: [String: [String]]

    public init(spec: DialogSpec) {
        self.spec = spec
        var successors: [String: [String]] = [:]
        for node in spec.nodes {
            var targets: [String] = []
            for target in node.next?.targets ?? [] where !targets.contains(target) && spec.node(target) != nil {
                targets.append(target)
            }
            successors[node.id] = targets
        }
        self.successors = successors
    }

    /// Nodes any question can jump to whatever the answer: interrupt targets and the hand-off.
    public var jumpTargets: [String] {
        var targets = spec.interrupts.map(\.target)
        if let handoff = spec.handoff { targets.append(handoff) }
        return targets.filter { spec.node($0) != nil }
    }

    /// Every node reachable from the start, counting interrupts and hand-off.
    public func reachable() -> Set<String> {
        var seen: Set<String> = []
        var stack = [spec.start] + jumpTargets
        while let id = stack.popLast() {
            guard spec.node(id) != nil, seen.insert(id).inserted else { continue }
            stack += successors[id] ?? []
        }
        return seen
    }

    /// Strongly connected components (Tarjan), each a list of node ids.
    public func stronglyConnectedComponents() -> [[String]] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowlink: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var components: [[String]] = []

        func connect(_ v: String) {
            indices[v] = index
            lowlink[v] = index
            index += 1
            stack.append(v)
            onStack.insert(v)
            for w in successors[v] ?? [] {
                if indices[w] == nil {
                    connect(w)
                    lowlink[v] = min(lowlink[v]!, lowlink[w]!)
                } else if onStack.contains(w) {
                    lowlink[v] = min(lowlink[v]!, indices[w]!)
                }
            }
            if lowlink[v] == indices[v] {
                var component: [String] = []
                while let w = stack.popLast() {
                    onStack.remove(w)
                    component.append(w)
                    if w == v { break }
                }
                components.append(component)
            }
        }
        for node in spec.nodes where indices[node.id] == nil { connect(node.id) }
        return components
    }
}
