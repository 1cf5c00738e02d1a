/// What a set of conversations exercised in one dialog: nodes, transitions, red-flag questions
/// (answered with a red flag), interrupts and outcomes.
public struct Coverage: Sendable {
    public enum Category: String, CaseIterable, Sendable {
        case nodes, transitions
        case redFlags = "red-flags"
        case interrupts, outcomes
    }

    public struct Line: Sendable {
        public var category: Category
        public var covered: [String]
        public var missing: [String]
        public var total: Int { covered.count + missing.count }
        public var percent: Double { total == 0 ? 100 : Double(covered.count) * 100 / Double(total) }
    }

    public let spec: DialogSpec
    public private(set) var conversations = 0
    private var nodes: Set<String> = []
    private var edges: Set<DialogMachine.Edge> = []
    private var redFlags: Set<String> = []
    private var interrupts: Set<String> = []

    public init(spec: DialogSpec) { self.spec = spec }

    public mutating func add(_ machine: DialogMachine) {
        conversations += 1
        nodes.formUnion(machine.visitedNodes)
        edges.formUnion(machine.traversedEdges)
        redFlags.formUnion(machine.raisedRedFlags)
        interrupts.formUnion(machine.firedInterrupts)
    }

    public var lines: [Line] {
        func line(_ category: Category, _ all: [String], _ hit: Set<String>) -> Line {
            Line(category: category, covered: all.filter(hit.contains), missing: all.filter { !hit.contains($0) })
        }
        let graph = DialogGraph(spec: spec)
        let allEdges = spec.nodes.flatMap { node in (graph.successors[node.id] ?? []).map { "\(node.id)->\($0)" } }
        return [
            line(.nodes, spec.nodes.map(\.id), nodes),
            line(.transitions, allEdges, Set(edges.map { "\($0.from)->\($0.to)" })),
            line(.redFlags, spec.nodes.filter { $0.question?.redFlag != nil }.map(\.id), redFlags),
            line(.interrupts, spec.interrupts.map(\.id), interrupts),
            line(.outcomes, spec.nodes.filter { $0.kind == .outcome }.map(\.id), nodes),
        ]
    }

    public func report() -> String {
        var out = ["Coverage of \(spec.id) (\(conversations) transcript\(conversations == 1 ? "" : "s")):"]
        for line in lines {
            var row = "  \(line.category.rawValue.padded(12)) \(String(line.covered.count).leftPadded(4))/\(String(line.total).padded(4)) \(Self.format(line.percent).leftPadded(6))%"
            if !line.missing.isEmpty { row += "  missing: " + line.missing.joined(separator: ", ") }
            out.append(row)
        }
        return out.joined(separator: "\n")
    }

    public static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
