/// Compares a transcript with an actual conversation, wildcard-aware, and explains differences
/// as a unified diff that points at the transcript's file and line.
public struct TranscriptComparison: Sendable {
    public enum Op: Sendable, Equatable {
        /// Expected line `e` matched actual line `a`.
        case same(e: Int, a: Int)
        /// `...` at expected line `e` absorbed actual line `a`.
        case absorbed(e: Int, a: Int)
        /// `...` at `e` finished (possibly absorbing nothing).
        case wildcardDone(e: Int)
        case missing(e: Int)
        case extra(a: Int)
    }

    public let transcript: Transcript
    public let actual: [Transcript.Line.Kind]
    public let ops: [Op]

    public var matches: Bool {
        !ops.contains { if case .missing = $0 { true } else if case .extra = $0 { true } else { false } }
    }

    public init(_ transcript: Transcript, actual: [Transcript.Line.Kind]) {
        self.transcript = transcript
        self.actual = actual
        self.ops = Self.align(transcript.lines.map(\.kind), actual)
    }

    /// Whether one expected line (which may hold `[..]`) matches one actual line.
    public static func lineMatches(_ expected: Transcript.Line.Kind, _ actual: Transcript.Line.Kind) -> Bool {
        switch (expected, actual) {
        case (.input(let e), .input(let a)): return e == a
        case (.output(let e), .output(let a)): return wildcardMatch(e, a)
        default: return false
        }
    }

    /// `[..]` matches any run of characters (including none).
    public static func wildcardMatch(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "[..]", omittingEmptySubsequences: false)
        if parts.count == 1 { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = parts.last!
        return rest.count >= last.count && rest.hasSuffix(last)
    }

    /// Minimum-edit alignment where `...` absorbs actual output lines at no cost.
    static func align(_ expected: [Transcript.Line.Kind], _ actual: [Transcript.Line.Kind]) -> [Op] {
        let n = expected.count, m = actual.count
        let infinity = Int.max / 4
        // cost[i][j]: cheapest alignment of expected[i...] with actual[j...].
        var cost = Array(repeating: Array(repeating: infinity, count: m + 1), count: n + 1)
        cost[n][m] = 0
        for j in stride(from: m - 1, through: 0, by: -1) { cost[n][j] = cost[n][j + 1] + 1 }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m, through: 0, by: -1) {
                var best = cost[i + 1][j] + (expected[i] == .anyLines ? 0 : 1)
                if j < m {
                    best = min(best, cost[i][j + 1] + 1)
                    if expected[i] == .anyLines {
                        if case .output = actual[j] { best = min(best, cost[i][j + 1]) }
                    } else if lineMatches(expected[i], actual[j]) {
                        best = min(best, cost[i + 1][j + 1])
                    }
                }
                cost[i][j] = best
            }
        }
        var ops: [Op] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] != .anyLines, lineMatches(expected[i], actual[j]), cost[i][j] == cost[i + 1][j + 1] {
                ops.append(.same(e: i, a: j)); i += 1; j += 1
            } else if i < n, j < m, expected[i] == .anyLines, case .output = actual[j], cost[i][j] == cost[i][j + 1] {
                ops.append(.absorbed(e: i, a: j)); j += 1
            } else if i < n, expected[i] == .anyLines, cost[i][j] == cost[i + 1][j] {
                ops.append(.wildcardDone(e: i)); i += 1
            } else if i < n, cost[i][j] == cost[i + 1][j] + 1 {
                ops.append(.missing(e: i)); i += 1
            } else {
                ops.append(.extra(a: j)); j += 1
            }
        }
        return ops
    }

    /// A unified diff (`-` expected, `+` actual) with three lines of context; empty when they match.
    public func unifiedDiff(actualName: String = "actual") -> String {
        guard !matches else { return "" }
        let lines = transcript.lines
        // Rows: (op kind, text, expected file line or nil)
        struct Row { var mark: Character; var text: String; var fileLine: Int?; var actualIndex: Int? }
        var rows: [Row] = []
        for op in ops {
            switch op {
            case .same(let e, let a): rows.append(Row(mark: " ", text: lines[e].text, fileLine: lines[e].number, actualIndex: a))
            case .absorbed(let e, let a):
                rows.append(Row(mark: " ", text: Self.render(actual[a]), fileLine: lines[e].number, actualIndex: a))
            case .wildcardDone(let e): rows.append(Row(mark: " ", text: lines[e].text, fileLine: lines[e].number, actualIndex: nil))
            case .missing(let e): rows.append(Row(mark: "-", text: lines[e].text, fileLine: lines[e].number, actualIndex: nil))
            case .extra(let a): rows.append(Row(mark: "+", text: Self.render(actual[a]), fileLine: nil, actualIndex: a))
            }
        }
        var out = ["--- \(transcript.file)", "+++ \(actualName)"]
        let changed = rows.indices.filter { rows[$0].mark != " " }
        var hunkStart = 0
        var index = 0
        while index < changed.count {
            hunkStart = max(0, changed[index] - 3)
            var hunkEnd = min(rows.count - 1, changed[index] + 3)
            while index + 1 < changed.count, changed[index + 1] - 3 <= hunkEnd + 1 {
                index += 1
                hunkEnd = min(rows.count - 1, changed[index] + 3)
            }
            let hunk = rows[hunkStart...hunkEnd]
            let firstFileLine = hunk.compactMap(\.fileLine).first ?? (rows[..<hunkStart].compactMap(\.fileLine).last.map { $0 + 1 } ?? 1)
            let expectedCount = hunk.filter { $0.mark != "+" }.count
            let firstActual = (hunk.compactMap(\.actualIndex).first ?? 0) + 1
            let actualCount = hunk.filter { $0.mark != "-" }.count
            out.append("@@ -\(firstFileLine),\(expectedCount) +\(firstActual),\(actualCount) @@")
            for row in hunk { out.append("\(row.mark)\(row.text)") }
            index += 1
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The first transcript line that differs, for "FILE:LINE" messages.
    public var firstDifferenceLine: Int? {
        for (index, op) in ops.enumerated() {
            switch op {
            case .missing(let e): return transcript.lines[e].number
            case .extra:
                // The next expected line after the extra output, or the last one.
                for later in ops[index...] {
                    if case .same(let e, _) = later { return transcript.lines[e].number }
                    if case .missing(let e) = later { return transcript.lines[e].number }
                }
                return transcript.lines.last?.number ?? 1
            default: continue
            }
        }
        return nil
    }

    static func render(_ kind: Transcript.Line.Kind) -> String {
        Transcript.Line(kind: kind, number: 0, leading: []).text
    }

    /// The transcript rewritten from the actual conversation: headers, comments and wildcards that
    /// still match are kept.
    public func updatedText() -> String {
        var out = transcript.headerLines
        var lastWasInput = true
        var commentsDone: Set<Int> = []
        func emit(_ text: String, isInput: Bool) {
            if isInput, !lastWasInput, out.last.map({ !$0.trimmed.isEmpty }) ?? false { out.append("") }
            out.append(text)
            lastWasInput = isInput
        }
        /// Comments stay in front of the block they describe, even when new output is inserted before it.
        func comments(_ e: Int) {
            guard commentsDone.insert(e).inserted else { return }
            // Blank lines alone are layout, which `emit` redoes (a blank line before each input); kept here they
            // would also land before output inserted ahead of the input.
            guard transcript.lines[e].leading.contains(where: { !$0.trimmed.isEmpty }) else { return }
            out += transcript.lines[e].leading
            if !transcript.lines[e].leading.isEmpty { lastWasInput = true }
        }
        for (index, op) in ops.enumerated() {
            switch op {
            case .same(let e, _), .wildcardDone(let e):
                comments(e)
                let line = transcript.lines[e]
                if case .input = line.kind { emit(line.text, isInput: true) } else { emit(line.text, isInput: false) }
            case .absorbed: continue
            case .missing(let e): comments(e)
            case .extra(let a):
                if let next = ops[index...].lazy.compactMap(Self.expectedIndex).first { comments(next) }
                if case .input = actual[a] { emit(Self.render(actual[a]), isInput: true) } else { emit(Self.render(actual[a]), isInput: false) }
            }
        }
        out += transcript.trailing
        return out.joined(separator: "\n") + "\n"
    }

    static func expectedIndex(_ op: Op) -> Int? {
        switch op {
        case .same(let e, _), .absorbed(let e, _), .wildcardDone(let e), .missing(let e): e
        case .extra: nil
        }
    }
}
