/// Dominators of the dialog graph from the start node (Cooper, Harvey and Kennedy's iterative algorithm):
/// node A dominates B when every walk from the start to B passes through A.
struct Dominators {
    private var idom: [Int]
    private var number: [String: Int] = [:]

    /// With `jumps`, every question can also go to the interrupt and hand-off targets.
    init(spec: DialogSpec, graph: DialogGraph, jumps: Bool) {
        var successors = graph.successors
        if jumps {
            let targets = graph.jumpTargets
            for node in spec.nodes where node.kind == .question { successors[node.id, default: []] += targets }
        }
        let order = DialogGraph.reversePostorder(spec: spec, successors: successors)
        for (i, id) in order.enumerated() { number[id] = i }
        var predecessors = Array(repeating: [Int](), count: order.count)
        for (i, id) in order.enumerated() {
            for target in successors[id] ?? [] { if let t = number[target] { predecessors[t].append(i) } }
        }
        idom = Array(repeating: -1, count: order.count)
        guard !order.isEmpty else { return }
        idom[0] = 0
        var changed = true
        while changed {
            changed = false
            for b in 1..<order.count {
                var newIdom = -1
                for p in predecessors[b] where idom[p] != -1 {
                    if newIdom == -1 { newIdom = p; continue }
                    var x = p, y = newIdom
                    while x != y {
                        while x > y { x = idom[x] }
                        while y > x { y = idom[y] }
                    }
                    newIdom = x
                }
                if newIdom != idom[b] { idom[b] = newIdom; changed = true }
            }
        }
    }

    func isReachable(_ id: String) -> Bool { number[id].map { idom[$0] != -1 } ?? false }

    func dominates(_ a: String, _ b: String) -> Bool {
        guard let target = number[a], var current = number[b], idom[current] != -1 else { return false }
        while true {
            if current == target { return true }
            if current == 0 { return false }
            current = idom[current]
        }
    }
}

/// A fixed-size set of small integers.
struct BitSet: Equatable {
    private var words: [UInt64]
    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }
    mutating func insert(_ i: Int) { words[i / 64] |= 1 << UInt64(i % 64) }
    func union(_ other: BitSet) -> BitSet { var r = self; for i in words.indices { r.words[i] |= other.words[i] }; return r }
    func contains(_ i: Int) -> Bool { words[i / 64] & (1 << UInt64(i % 64)) != 0 }
    func intersection(_ other: BitSet) -> BitSet { var r = self; for i in words.indices { r.words[i] &= other.words[i] }; return r }
    var members: [Int] {
        var result: [Int] = []
        for (w, word) in words.enumerated() where word != 0 {
            for bit in 0..<64 where word & (1 << UInt64(bit)) != 0 { result.append(w * 64 + bit) }
        }
        return result
    }
}

extension DialogGraph {
    /// Nodes reachable from the start by `next` edges, in reverse postorder (iterative DFS: no deep recursion).
    static func reversePostorder(spec: DialogSpec, successors: [String: [String]]) -> [String] {
        var visited: Set<String> = [spec.start]
        var postorder: [String] = []
        var stack: [(String, Int)] = [(spec.start, 0)]
        while let (id, next) = stack.last {
            let targets = successors[id] ?? []
            if next < targets.count {
                stack[stack.count - 1].1 += 1
                let target = targets[next]
                if spec.node(target) != nil, visited.insert(target).inserted { stack.append((target, 0)) }
            } else {
                postorder.append(id)
                stack.removeLast()
            }
        }
        return postorder.reversed()
    }
}
