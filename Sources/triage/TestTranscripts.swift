import ArgumentParser
import Foundation
import TriageBooking
import TriageCore
import TriageServer
import Logging

struct TestTranscripts: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run transcript files (*.transcript) and show a unified diff for each mismatch.")

    @Argument(help: "Transcript files or folders (default: transcripts).")
    var paths: [String] = ["transcripts"]

    enum Via: String, ExpressibleByArgument, CaseIterable { case process, tcp }

    @Option(name: .long, help: "process (in-process, default) or tcp (a real `triage serve` on 127.0.0.1, port 0).")
    var via: Via = .process

    @Flag(name: .long, help: "Rewrite failing transcripts from the actual conversation (keeps comments and wildcards that still match).")
    var update = false

    @Flag(name: .shortAndLong, help: "List every transcript, not only failures.")
    var verbose = false

    @Flag(name: .long, help: "Report which nodes, transitions, red-flag questions, interrupts and outcomes the transcripts exercised.")
    var coverage = false

    @Option(name: .long, help: ArgumentHelp(
        "Fail if coverage is below PERCENT; 'CATEGORY=PERCENT' limits it to nodes, transitions, red-flags, interrupts or outcomes. Repeatable.",
        valueName: "[CATEGORY=]PERCENT"))
    var minCoverage: [CoverageThreshold] = []

    func run() async throws {
        let files: [String]
        do { files = try TranscriptFiles.collect(paths) } catch {
            Console.err("error: \(error)")
            throw ExitCode(2)
        }
        var specs: [String: DialogSpec] = [:]
        let servers = TranscriptServers()
        var coverages: [String: Coverage] = [:]
        var passed = 0, failed = 0, updated = 0
        for file in files {
            do {
                let transcript = try TranscriptFiles.read(file)
                let dialogPath = try DialogLocator.resolve(transcript.dialog ?? DialogLocator.defaultDialog, near: file)
                let spec = try specs[dialogPath] ?? DialogLocator.load(dialogPath)
                specs[dialogPath] = spec
                let comparison: TranscriptComparison
                switch via {
                case .process:
                    let sink = MemoryBookingSink()
                    let (result, machine) = TranscriptRunner.run(transcript, spec: spec) { draft in
                        let request = draft.finalize(source: "transcript")
                        do { try sink.store(request); return .bookingStored(id: request.id) } catch { return .bookingFailed(reason: "\(error)") }
                    }
                    comparison = result
                    coverages[dialogPath, default: Coverage(spec: spec)].add(machine)
                case .tcp:
                    let server = try await servers.server(for: spec, emergencyNumber: transcript.emergencyNumber)
                    comparison = TranscriptComparison(transcript, actual: try await TranscriptReplay.converse(port: server.port!, inputs: transcript.inputs))
                }
                if comparison.matches {
                    passed += 1
                    if verbose { Console.out("PASS \(file)") }
                } else if update {
                    try comparison.updatedText().write(toFile: file, atomically: true, encoding: .utf8)
                    updated += 1
                    Console.out("UPDATED \(file)")
                } else {
                    failed += 1
                    Console.out("FAIL \(file):\(comparison.firstDifferenceLine ?? 1): the conversation differs from the transcript")
                    Console.out(comparison.unifiedDiff(actualName: "actual conversation"))
                }
            } catch {
                failed += 1
                Console.out("FAIL \(file): \(error)")
            }
        }
        await servers.shutdown()
        var summary = "\(passed) passed, \(failed) failed"
        if update { summary += ", \(updated) updated" }
        Console.out(summary + " (\(files.count) transcripts\(via == .tcp ? ", over TCP" : ""))")
        if files.isEmpty {
            Console.err("error: no *.transcript files found in \(paths.joined(separator: " "))")
            throw ExitCode(1)
        }
        var belowThreshold = false
        if coverage || !minCoverage.isEmpty {
            for (_, result) in coverages.sorted(by: { $0.key < $1.key }) {
                Console.out(result.report())
                for line in result.lines {
                    for threshold in minCoverage where threshold.category == nil || threshold.category == line.category {
                        if line.percent + 1e-9 < threshold.percent {
                            Console.out("error: \(result.spec.id): \(line.category.rawValue) coverage \(Coverage.format(line.percent))% is below \(Coverage.format(threshold.percent))%")
                            belowThreshold = true
                        }
                    }
                }
            }
        }
        if failed > 0 || belowThreshold { throw ExitCode(1) }
    }
}

struct CoverageThreshold: ExpressibleByArgument {
    var category: Coverage.Category?
    var percent: Double

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 {
            guard let category = Coverage.Category(rawValue: parts[0]) else { return nil }
            self.category = category
        }
        guard let percent = Double(parts.last!.replacingOccurrences(of: "%", with: "")), (0...100).contains(percent) else { return nil }
        self.percent = percent
    }
}

enum TranscriptFiles {
    static let fileExtension = "transcript"

    static func collect(_ paths: [String]) throws -> [String] {
        let fm = FileManager.default
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw CLIError("\(path): no such file or folder") }
            if isDirectory.boolValue {
                let found = (fm.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                    .filter { $0.hasSuffix(".\(fileExtension)") }
                    .map { path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
                files += found.sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func read(_ file: String) throws -> Transcript {
        guard case .success(let text) = TextFile.read(file) else { throw CLIError("cannot read \(file) as UTF-8 text") }
        return try Transcript.parse(text, file: file)
    }
}

/// One in-process `triage serve` per dialog and emergency number, on 127.0.0.1 port 0.
actor TranscriptServers {
    private var servers: [String: TriageServer] = [:]
    private var tasks: [Task<Void, Error>] = []

    func server(for spec: DialogSpec, emergencyNumber: String?) async throws -> TriageServer {
        let key = "\(spec.id)|\(spec.version)|\(emergencyNumber ?? "")"
        if let server = servers[key] { return server }
        var logger = Logger(label: "triage.test")
        logger.logLevel = .critical
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, idleTimeoutSeconds: 0, emergencyNumber: emergencyNumber)
        let server = try await TriageServer(configuration: configuration, spec: spec,
                                            bookings: BookingService(sink: MemoryBookingSink(), logger: logger), logger: logger)
        tasks.append(Task { try await server.serve() })
        servers[key] = server
        return server
    }

    func shutdown() async {
        for server in servers.values { await server.shutdown() }
        for task in tasks { _ = try? await task.value }
    }
}
