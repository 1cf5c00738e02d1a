/// The dialog as a picture: Graphviz DOT or Mermaid. Questions are boxes, messages notes, outcomes
/// ellipses coloured by disposition; red-flag answers and interrupts are red edges, the booking green.
public enum GraphRenderer {
    public enum Format: String, CaseIterable, Sendable { case dot, mermaid }

    struct Edge {
        var from: String
        var to: String
        var label: String
        var redFlag: Bool
        var interrupt: Bool
    }

    static func edges(_ spec: DialogSpec) -> [Edge] {
        var edges: [Edge] = []
        for node in spec.nodes {
            let flagSlot = node.question?.redFlag != nil ? node.slot : nil
            switch node.next {
            case .goto(let target)?:
                edges.append(Edge(from: node.id, to: target, label: "", redFlag: false, interrupt: false))
            case .branches(let branches)?:
                for branch in branches {
                    let label = branch.condition.map(describe) ?? "else"
                    let isFlag = flagSlot.map { slot in branch.condition?.slots.contains(slot) ?? false } ?? false
                        && (spec.node(branch.target)?.disposition?.forbidsBooking ?? false || spec.node(branch.target)?.disposition == .doctor)
                    edges.append(Edge(from: node.id, to: branch.target, label: label, redFlag: isFlag, interrupt: false))
                }
            case nil: break
            }
        }
        return edges
    }

    /// A short readable form of a condition for edge labels.
    public static func describe(_ condition: Condition) -> String {
        switch condition {
        case .all(let parts): return parts.map(describe).joined(separator: " and ")
        case .any(let parts): return "(" + parts.map(describe).joined(separator: " or ") + ")"
        case .not(let inner): return "not " + describe(inner)
        case .test(let slot, let test):
            switch test {
            case .equals(let v): return "\(slot)=\(v)"
            case .oneOf(let vs): return "\(slot) in \(vs.joined(separator: ","))"
            case .contains(let v): return "\(slot) has \(v)"
            case .range(let lo, let hi):
                switch (lo, hi) {
                case let (lo?, hi?): return "\(lo)<=\(slot)<=\(hi)"
                case let (lo?, nil): return "\(slot)>=\(lo)"
                case let (nil, hi?): return "\(slot)<=\(hi)"
                default: return slot
                }
            case .isSet(let set): return set ? "\(slot) given" : "\(slot) not given"
            }
        }
    }

    static let dispositionColours: [Disposition: String] = [
        .emergency: "#d62728", .urgent: "#ff7f0e", .doctor: "#bcbd22", .massageOK: "#2ca02c", .handoff: "#7f7f7f",
    ]

    public static func render(_ spec: DialogSpec, format: Format) -> String {
        switch format {
        case .dot: return dot(spec)
        case .mermaid: return mermaid(spec)
        }
    }

    static func dotQuote(_ s: String) -> String {
        "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n") + "\""
    }

    static func dot(_ spec: DialogSpec) -> String {
        var lines = ["digraph \(dotQuote(spec.id)) {",
                     "  graph [rankdir=TB, fontname=\"Helvetica\", label=\(dotQuote("\(spec.title) (\(spec.id) \(spec.version))")), labelloc=t];",
                     "  node [fontname=\"Helvetica\", fontsize=10];",
                     "  edge [fontname=\"Helvetica\", fontsize=8];",
                     "  __start [shape=point];",
                     "  __start -> \(dotQuote(spec.start)) [label=\"disclaimer\"];"]
        for node in spec.nodes {
            var attributes: [String] = []
            switch node.kind {
            case .question:
                let q = node.question!
                let flag = q.redFlag.map { "\nred flag: \($0.rawValue)" } ?? ""
                let askIf = q.askIf.map { "\nonly if \(describe($0))" } ?? ""
                attributes = ["shape=box", "style=rounded", "label=\(dotQuote("\(node.id)\n[\(q.input.rawValue)]\(flag)\(askIf)"))"]
                if q.redFlag != nil { attributes += ["color=\"#d62728\"", "penwidth=2"] }
            case .message: attributes = ["shape=note", "label=\(dotQuote(node.id))"]
            case .summary: attributes = ["shape=box", "style=\"rounded,bold\"", "label=\(dotQuote("\(node.id)\n[summary]"))"]
            case .booking: attributes = ["shape=box3d", "style=filled", "fillcolor=\"#98df8a\"", "color=\"#2ca02c\"", "label=\(dotQuote("\(node.id)\n[booking]"))"]
            case .outcome:
                let d = node.disposition ?? .handoff
                attributes = ["shape=ellipse", "style=filled", "fillcolor=\"\(dispositionColours[d]!)\"", "fontcolor=white",
                              "label=\(dotQuote("\(node.id)\n\(d.rawValue)"))"]
            }
            lines.append("  \(dotQuote(node.id)) [\(attributes.joined(separator: ", "))];")
        }
        for edge in edges(spec) {
            var attributes: [String] = []
            if !edge.label.isEmpty { attributes.append("label=\(dotQuote(edge.label))") }
            if edge.redFlag { attributes += ["color=\"#d62728\"", "fontcolor=\"#d62728\"", "penwidth=2"] }
            if spec.node(edge.to)?.kind == .booking { attributes += ["color=\"#2ca02c\"", "penwidth=2"] }
            lines.append("  \(dotQuote(edge.from)) -> \(dotQuote(edge.to))" + (attributes.isEmpty ? ";" : " [\(attributes.joined(separator: ", "))];"))
        }
        if !spec.interrupts.isEmpty {
            lines.append("  __interrupts [shape=octagon, style=filled, fillcolor=\"#d62728\", fontcolor=white, label=\"any typed line\\n(interrupts)\"];")
            for interrupt in spec.interrupts {
                lines.append("  __interrupts -> \(dotQuote(interrupt.target)) [label=\(dotQuote(interrupt.id)), color=\"#d62728\", fontcolor=\"#d62728\", style=dashed];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaidID(_ id: String) -> String { "n_" + id.replacing("-", with: "_") }
    static func mermaidText(_ s: String) -> String { s.replacing("\"", with: "#quot;") }

    static func mermaid(_ spec: DialogSpec) -> String {
        var lines = ["flowchart TD", "  start((start)) -->|disclaimer| \(mermaidID(spec.start))"]
        for node in spec.nodes {
            let id = mermaidID(node.id)
            switch node.kind {
            case .question:
                let flag = node.question?.redFlag.map { "<br/>red flag: \($0.rawValue)" } ?? ""
                lines.append("  \(id)(\"\(mermaidText(node.id))<br/>[\(node.question!.input.rawValue)]\(flag)\")")
                if node.question?.redFlag != nil { lines.append("  class \(id) redflag") }
            case .message: lines.append("  \(id)[/\"\(mermaidText(node.id))\"/]")
            case .summary: lines.append("  \(id)[\"\(mermaidText(node.id)) [summary]\"]")
            case .booking:
                lines.append("  \(id)[[\"\(mermaidText(node.id)) [booking]\"]]")
                lines.append("  class \(id) booking")
            case .outcome:
                let d = node.disposition ?? .handoff
                lines.append("  \(id)([\"\(mermaidText(node.id))<br/>\(d.rawValue)\"])")
                lines.append("  class \(id) \(d.rawValue)")
            }
        }
        var linkIndex = 1
        var redLinks: [Int] = [], greenLinks: [Int] = []
        for edge in edges(spec) {
            let label = edge.label.isEmpty ? "" : "|\"\(mermaidText(edge.label))\"|"
            lines.append("  \(mermaidID(edge.from)) -->\(label) \(mermaidID(edge.to))")
            if edge.redFlag { redLinks.append(linkIndex) }
            if spec.node(edge.to)?.kind == .booking { greenLinks.append(linkIndex) }
            linkIndex += 1
        }
        for interrupt in spec.interrupts {
            lines.append("  interrupts{{any typed line}} -.->|\(interrupt.id)| \(mermaidID(interrupt.target))")
            redLinks.append(linkIndex)
            linkIndex += 1
        }
        lines += ["  classDef redflag stroke:#d62728,stroke-width:2px",
                  "  classDef booking fill:#98df8a,stroke:#2ca02c",
                  "  classDef emergency fill:#d62728,color:#fff", "  classDef urgent fill:#ff7f0e,color:#fff",
                  "  classDef doctor fill:#bcbd22,color:#fff", "  classDef massage_ok fill:#2ca02c,color:#fff",
                  "  classDef handoff fill:#7f7f7f,color:#fff"]
        // Mermaid numbers links from 0, counting the start link.
        if !redLinks.isEmpty { lines.append("  linkStyle \(redLinks.map(String.init).joined(separator: ",")) stroke:#d62728,stroke-width:2px") }
        if !greenLinks.isEmpty { lines.append("  linkStyle \(greenLinks.map(String.init).joined(separator: ",")) stroke:#2ca02c,stroke-width:2px") }
        return lines.joined(separator: "\n") + "\n"
    }
}
