import ArgumentParser
import Foundation
import TriageCore

/// `triage bench`: in-process engine benchmarks (no sockets). Build with `-c release` for real figures;
/// scripts/bench.sh runs it next to the TCP load tests.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the dialog engine in-process: turns/s, sessions/s, and load+lint time as dialogs grow.")

    @Option(name: .long, help: "Seconds to drive conversations.") var seconds: Double = 3
    @Option(name: .long, help: "Run exactly this many sessions instead of --seconds (for allocation counting).") var sessions: Int?
    @Option(name: .long, help: "Sizes of generated dialogs to load and lint.") var sizes: [Int] = [500, 1000, 2000, 5000]
    @Option(name: .long, help: "Folder of transcripts whose inputs are the scripts.") var transcripts = "transcripts"
    @Option(name: .long, help: "Times to load and lint the shipped dialog (the median is reported).") var lintRuns = 15
    @Flag(name: .long, help: "Print the results as JSON.") var json = false

    func validate() throws {
        // 0 skips the engine run, to time only load+lint.
        guard seconds >= 0, seconds.isFinite else { throw ValidationError("--seconds must be 0 or more (0 times only load+lint)") }
        if let sessions, sessions < 1 { throw ValidationError("--sessions must be at least 1") }
        if let size = sizes.first(where: { $0 < 1 }) { throw ValidationError("--sizes must be at least 1, not \(size)") }
        if lintRuns < 1 { throw ValidationError("--lint-runs must be at least 1") }
    }

    func run() throws {
        let path = try DialogLocator.resolve("back-strain")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let spec = try DialogLocator.load(path)
        let scripts = try TranscriptFiles.collect([transcripts]).compactMap { file -> [String]? in
            let transcript = try TranscriptFiles.read(file)
            return transcript.dialog == "back-strain" ? transcript.inputs : nil
        }
        guard !scripts.isEmpty else { throw CLIError("no back-strain transcripts in \(transcripts)") }

        // Engine: complete conversations, bookings answered in memory, configured as `triage serve` runs it
        // (no transcript-coverage records).
        var turns = 0, done = 0, checksum = 0
        let allocationsBefore = AllocationCounter.count
        let clock = ContinuousClock()
        let started = clock.now
        let deadline = started.advanced(by: .milliseconds(Int64(seconds * 1000)))
        while sessions.map({ done < $0 }) ?? (clock.now < deadline) {
            for script in scripts {
                var machine = DialogMachine(spec: spec, recordsCoverage: false)
                checksum &+= machine.start().count
                for input in script {
                    checksum &+= machine.send(.line(input)) { _ in .bookingStored(id: "b") }.count
                    turns += 1
                    if machine.isEnded { break }
                }
                done += 1
                if let sessions, done >= sessions { break }
            }
        }
        let elapsed = started.duration(to: clock.now).secondsDouble
        let allocationsPerTurn = allocationsBefore.flatMap { before in
            AllocationCounter.count.map { Double($0 - before) / Double(max(turns, 1)) }
        }

        // Load + lint: the shipped dialog and generated ones of growing size.
        var loadLint: [(String, Int, Double)] = []
        // The median of several runs: the first one also pays the runtime's one-time type lookups.
        let loadOnly = Self.median(lintRuns) { _ = SpecLoader.load(text, file: path) }
        loadLint.append(("back-strain", spec.nodes.count, Self.median(lintRuns) { _ = Linter.check(text, file: path) }))
        for size in sizes {
            let generated = Self.generatedDialog(questions: size)
            let ms = Self.time { _ = Linter.check(generated, file: "generated.yaml") }
            loadLint.append(("generated", size * 2 + 3, ms))
        }

        if json {
            Console.out(JSONValue.object([
                ("turns", .number(turns)), ("sessions", .number(done)), ("seconds", .double(elapsed)),
                ("turns_per_second", .double(Double(turns) / elapsed)), ("sessions_per_second", .double(Double(done) / elapsed)),
                ("allocations_per_turn", allocationsPerTurn.map { .double($0) } ?? .null),
                ("load_ms", .double(loadOnly)),
                ("load_lint_ms", .array(loadLint.map { .object([("dialog", .string($0.0)), ("nodes", .number($0.1)), ("ms", .double($0.2))]) })),
                ("checksum", .number(checksum)),
            ]).serialized)
        } else {
            if turns == 0 {
                Console.out("engine: not run (--seconds 0)")
            } else {
                Console.out(String(format: "engine: %d turns in %.2f s = %.0f turns/s, %.0f sessions/s (one core)",
                                   turns, elapsed, Double(turns) / elapsed, Double(done) / elapsed))
            }
            Console.out(allocationsPerTurn.map { String(format: "allocations: %.1f per turn", $0) }
                ?? "allocations: not counted (run with LD_PRELOAD of scripts/malloc-counter.c, see scripts/bench.sh)")
            Console.out(String(format: "load back-strain (median of %d): %.2f ms", lintRuns, loadOnly))
            for (name, nodes, ms) in loadLint {
                Console.out(String(format: "load+lint %@ (%d nodes): %.1f ms (%.1f µs/node)", name, nodes, ms, ms * 1000 / Double(nodes)))
            }
        }
    }

    static func median(_ runs: Int, _ body: () -> Void) -> Double {
        let times = (0..<max(runs, 1)).map { _ in time(body) }.sorted()
        return times[times.count / 2]
    }

    static func time(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        return start.duration(to: clock.now).secondsDouble * 1000
    }

    /// A valid dialog with `questions` choice questions, each followed by a red-flag yes/no question.
    static func generatedDialog(questions: Int) -> String {
        var lines = ["spec: 1", "id: generated", "title: Generated", "version: \"1\"",
                     "disclaimer: Not a diagnosis. In an emergency call {emergency_number}.", "emergency_number: \"911\"",
                     "start: q0", "settings:", "  handoff: handoff", "nodes:"]
        for i in 0..<questions {
            let next = i + 1 < questions ? "q\(i + 1)" : "summary"
            lines += ["  q\(i):", "    type: question", "    input: choice", "    ask: Question \(i)?", "    choices:",
                      "      - { id: a, label: Alpha \(i) }", "      - { id: b, label: Beta \(i) }", "    next:",
                      "      - if: { q\(i): a }", "        goto: f\(i)", "      - goto: f\(i)",
                      "  f\(i):", "    type: question", "    input: yesno", "    red_flag: urgent", "    ask: Flag \(i)?",
                      "    next:", "      - if: { f\(i): yes }", "        goto: urgent", "      - goto: \(next)"]
        }
        lines += ["  summary:", "    type: summary", "    fields: [q0]", "    ask: Right?", "    next: book",
                  "  book:", "    type: booking", "    stored: Stored {booking_id}.", "    failed: Failed.", "    next: ok",
                  "  ok:", "    type: outcome", "    disposition: massage_ok", "    say: Done.",
                  "  urgent:", "    type: outcome", "    disposition: urgent", "    say: See a doctor today.",
                  "  handoff:", "    type: outcome", "    disposition: handoff", "    say: Call us."]
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Heap allocations so far, when the process runs with scripts/malloc-counter.c preloaded (nil otherwise).
enum AllocationCounter {
    static let function: (@convention(c) () -> Int)? = {
        // RTLD_DEFAULT: search every loaded object, the preloaded counter included.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "triage_malloc_count") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) () -> Int).self)
    }()

    static var count: Int? { function?() }
}
