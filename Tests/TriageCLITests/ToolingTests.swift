import Foundation
import Testing
import TriageCore

/// Runs a helper program (dot, check-jsonschema) that .ci/run installs.
func runTool(_ arguments: [String], input: String? = nil) throws -> CLI.Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = CLI.root
    let out = Pipe(), err = Pipe(), stdin = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = stdin
    try process.run()
    if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
    try? stdin.fileHandleForWriting.close()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLI.Result(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: errors, as: UTF8.self))
}

@Suite("Dialog tooling: lint, graph, schema, coverage")
struct ToolingTests {
    @Test func lintShippedDialogsIsCleanAndFast() throws {
        let result = try CLI.run(["lint", "Dialogs/back-strain.yaml", "Dialogs/neck-shoulder.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
    }

    @Test func lintReportsAllErrorsWithExitStatusOne() throws {
        let fixture = "Tests/TriageCoreTests/LintFixtures/red-flag-continues.yaml"
        let result = try CLI.run(["lint", fixture])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\(fixture):43:7: error: answering 'yes' to red-flag question 'numb' continues to question 'how_bad' instead of an emergency outcome [S202]"))
    }

    /// `triage lint FILE...` without options skips the argument parser (start-up time); with an option it goes
    /// through it. Both must print the same thing and exit the same way.
    @Test(arguments: ["Dialogs/back-strain.yaml", "Tests/TriageCoreTests/LintFixtures/red-flag-continues.yaml",
                      "Tests/TriageCoreTests/LintFixtures/unused-slot.yaml", "/no/such.yaml"])
    func lintWithoutOptionsMatchesLintThroughTheParser(file: String) throws {
        let plain = try CLI.run(["lint", file, "Dialogs/neck-shoulder.yaml"])
        let parsed = try CLI.run(["lint", "--format", "text", file, "Dialogs/neck-shoulder.yaml"])
        #expect(plain.status == parsed.status)
        #expect(plain.stdout == parsed.stdout)
        #expect(plain.stderr == parsed.stderr)
    }

    @Test func lintWithNoFilesOrHelpStillGoesThroughTheParser() throws {
        let missing = try CLI.run(["lint"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing expected argument '<files> ...'"))
        let help = try CLI.run(["lint", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: triage lint <files> ... [--format <format>]"))
    }

    @Test func lintWarningsAloneExitZero() throws {
        let result = try CLI.run(["lint", "Tests/TriageCoreTests/LintFixtures/unused-slot.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning:"))
    }

    @Test func lintJSONFormat() throws {
        let result = try CLI.run(["lint", "--format", "json", "Tests/TriageCoreTests/LintFixtures/skipped-red-flag.yaml"])
        #expect(result.status == 1)
        guard case .array(let items)? = JSONValue.parse(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            Issue.record("not a JSON array: \(result.stdout)")
            return
        }
        #expect(items.count == 1)
        #expect(result.stdout.contains(#""code":"S201""#))
        #expect(result.stdout.contains(#""line":40"#))
    }

    @Test func lintUnreadableFile() throws {
        let result = try CLI.run(["lint", "/no/such.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("/no/such.yaml:1:1: error: cannot read the file"))
    }

    @Test func lintOfADirectoryCannotReadIt() throws {
        let result = try CLI.run(["lint", "Dialogs"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Dialogs:1:1: error: cannot read the file [E000]"))
    }

    @Test func lintOfBytesThatAreNotUTF8SaysSo() throws {
        let file = try CLI.temporaryDirectory().appendingPathComponent("latin1.yaml")
        try Data(Array("id: caf".utf8) + [0xE9, 0x0A]).write(to: file)  // "café" in Latin-1
        let result = try CLI.run(["lint", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("error: the file is not UTF-8 text"))
    }

    /// A dialog read from a pipe has no size to read up front: it is read to its end, whole.
    @Test func lintReadsADialogFromAPipe() throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Dialogs/back-strain.yaml"), encoding: .utf8)
        let piped = try CLI.run(["lint", "/dev/stdin"], input: text)
        let fromFile = try CLI.run(["lint", "Dialogs/back-strain.yaml"])
        #expect(piped.status == 0, "\(piped.stdout)")
        #expect(piped.stdout.replacingOccurrences(of: "/dev/stdin", with: "F") == fromFile.stdout.replacingOccurrences(of: "Dialogs/back-strain.yaml", with: "F"))
    }

    @Test func graphDotRendersWithGraphviz() throws {
        let dotSource = try CLI.run(["graph", "Dialogs/back-strain.yaml"])
        #expect(dotSource.status == 0)
        #expect(dotSource.stdout.hasPrefix("digraph \"back-strain\""))
        #expect(dotSource.stdout.contains(##""rf_saddle" -> "out_cauda_equina" [label="rf_saddle=yes", color="#d62728""##))
        #expect(dotSource.stdout.contains(##"fillcolor="#98df8a""##), "booking in green")
        let svg = try runTool(["dot", "-Tsvg"], input: dotSource.stdout)
        #expect(svg.status == 0, "dot failed (apt-get install graphviz): \(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
    }

    @Test func graphMermaid() throws {
        let result = try CLI.run(["graph", "neck-shoulder", "--format", "mermaid"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("flowchart TD\n"))
        #expect(result.stdout.contains("classDef emergency"))
    }

    @Test func committedSVGIsCurrent() throws {
        let svg = try String(contentsOf: CLI.root.appendingPathComponent("docs/back-strain.svg"), encoding: .utf8)
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Dialogs/back-strain.yaml"), encoding: .utf8)
        guard case .success(let spec) = SpecLoader.load(text, file: "back-strain.yaml") else { Issue.record("dialog does not load"); return }
        // Every node of the dialog appears in the picture in docs/ (regenerate it after changing the dialog).
        for node in spec.nodes { #expect(svg.contains(">\(node.id)<"), "docs/back-strain.svg lacks \(node.id); regenerate it") }
    }

    @Test func schemaValidatesEveryShippedDialog() throws {
        let dialogs = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("Dialogs").path)
            .filter { $0.hasSuffix(".yaml") }.map { "Dialogs/\($0)" }
        #expect(dialogs.count >= 2)
        let result = try runTool(["check-jsonschema", "--schemafile", "Dialogs/schema/dialog.schema.json"] + dialogs)
        #expect(result.status == 0, "check-jsonschema (pip install check-jsonschema): \(result.stdout) \(result.stderr)")
    }

    @Test func schemaRejectsABrokenDialog() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("bad.yaml")
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Dialogs/neck-shoulder.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "disposition: emergency", with: "disposition: panic")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try runTool(["check-jsonschema", "--schemafile", "Dialogs/schema/dialog.schema.json", file.path])
        #expect(result.status != 0)
    }

    /// The schema lists message keys, plan fields and booking fields by hand: keep them equal to the engine's.
    @Test func schemaAgreesWithTheEngine() throws {
        let text = try String(contentsOf: CLI.root.appendingPathComponent("Dialogs/schema/dialog.schema.json"), encoding: .utf8)
        guard case .object(let root)? = JSONValue.parse(text) else { Issue.record("schema is not JSON"); return }
        func keys(_ path: [String]) -> Set<String> {
            var value = JSONValue.object(root)
            for key in path {
                guard case .object(let fields) = value, let next = fields.first(where: { $0.0 == key })?.1 else { return [] }
                value = next
            }
            guard case .object(let fields) = value else { return [] }
            return Set(fields.map(\.0))
        }
        #expect(keys(["properties", "messages", "properties"]) == Set(Messages.defaults.keys))
        #expect(keys(["$defs", "plan_values", "properties"]) == Set(PlanSpec.fields))
        #expect(keys(["properties", "booking", "properties"]).count == 16)
    }

    @Test func coverageReportAndThresholds() throws {
        let ok = try CLI.run(["test", "--coverage", "--min-coverage", "red-flags=100", "--min-coverage", "interrupts=100",
                              "--min-coverage", "outcomes=100", "transcripts"])
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(ok.stdout.contains("Coverage of back-strain"))
        #expect(ok.stdout.contains("red-flags"))
        // A single transcript cannot cover every outcome.
        let one = try CLI.run(["test", "--min-coverage", "outcomes=100", "transcripts/01-lower-back-lifting-booking.transcript"])
        #expect(one.status == 1)
        #expect(one.stdout.contains("error: back-strain: outcomes coverage"))
        let bad = try CLI.run(["test", "--min-coverage", "bogus=5", "transcripts"])
        #expect(bad.status != 0)
    }
}
