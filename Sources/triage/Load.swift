import ArgumentParser
import Foundation
import Histogram
import NIOCore
import Synchronization
import TriageCore
import TriageServer

/// `triage load HOST:PORT`: many concurrent kiosks driving complete dialogs (or one raw line per turn, for a
/// baseline against any line server such as redis-server's inline PING), with latency percentiles.
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load-test a `triage serve` (or, with --raw, any line server) and report turns/s and latency percentiles.")

    @Argument(help: "The server, as HOST:PORT.") var address: String
    @Option(name: .long, help: "Concurrent connections.") var sessions = 50
    @Option(name: .long, help: "Seconds to run (default 10 unless --turns is given).") var duration: Double?
    @Option(name: .long, help: "Stop after this many turns in total.") var turns: Int?
    @Option(name: .long, help: "Folder of transcripts whose inputs are the scripts.") var transcripts = "transcripts"
    @Option(name: .long, help: "Only transcripts of this dialog (with --random-walks: the dialog id or file to walk).") var dialog = "back-strain"
    @Option(name: .long, help: "Drive this many random valid walks of the dialog instead of the transcripts (the same dialog file the server runs).") var randomWalks: Int?
    @Option(name: .long, help: "Seed of --random-walks (the same seed gives the same walks).") var seed: UInt64 = 1
    @Option(name: .long, help: "Send this line each turn and wait for one reply line (e.g. PING for redis-server).") var raw: String?
    @Flag(name: .long, help: "Hold every connection open without talking (counts connected sessions; for memory per idle session).") var idle = false
    @Flag(name: .long, help: "Print the results as JSON.") var json = false

    func validate() throws {
        _ = try ServerAddress(parsing: address)
        if let raw {
            // A line server answers lines: an empty one gets no reply (redis-server ignores it), so every turn would
            // wait and count as an error.
            if raw.allSatisfy(\.isWhitespace) { throw ValidationError("--raw needs a line to send, for example PING") }
            if raw.contains(where: \.isNewline) { throw ValidationError("--raw sends one line: it cannot contain a line break") }
        }
        if sessions < 1 { throw ValidationError("--sessions must be at least 1") }
        if let duration, !(duration > 0 && duration.isFinite) { throw ValidationError("--duration must be a number of seconds above 0") }
        if let turns, turns < 1 { throw ValidationError("--turns must be at least 1") }
        if let randomWalks, randomWalks < 1 { throw ValidationError("--random-walks must be at least 1") }
        if randomWalks != nil, raw != nil || idle { throw ValidationError("--random-walks drives dialogs; it cannot be combined with --raw or --idle") }
    }

    final class Counters: Sendable {
        let turns = Atomic<Int>(0)
        let sessions = Atomic<Int>(0)
        let errors = Atomic<Int>(0)
        let connected = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        /// Why connections or turns failed, with how often: "500 errors" alone says nothing about what to fix.
        let reasons = Mutex<[String: Int]>([:])

        /// `connected`: whether the connection was open when it failed (else connecting failed).
        func failed(_ error: any Error, connected: Bool) {
            errors.add(1, ordering: .relaxed)
            let reason = (connected ? "during a turn: " : "connecting: ") + Load.reason(for: error)
            reasons.withLock { $0[reason, default: 0] += 1 }
        }
    }

    /// A failure in words a person can act on ("Connection refused"), the same for every connection it happens to,
    /// so that they add up (`Counters.failed` says whether it was connecting or during a turn).
    static func reason(for error: any Error) -> String {
        switch error {
        case LoadError.closed: return "the server closed the connection before replying"
        case let error as IOError: return String(cString: strerror(error.errnoCode))
        case ChannelError.connectTimeout: return "timed out"
        default: return String(String(describing: error).prefix(160))
        }
    }

    struct Results: Sendable {
        var latency = Histogram<UInt64>(highestTrackableValue: 60_000_000, numberOfSignificantValueDigits: .three)
    }

    func run() async throws {
        FileLimits.raise()
        let server = try ServerAddress(parsing: address)
        let host = server.host, port = server.port
        // Resolved once: every dialog opens a new connection, and resolving the name each time costs the client
        // more than a turn does.
        let target: LineClient.Target
        do {
            target = .address(try SocketAddress.makeAddressResolvingHost(host, port: port))
        } catch {
            throw ValidationError("cannot resolve \(host): \(error)")
        }
        let scripts = raw == nil && !idle ? try loadScripts() : []
        if raw == nil, !idle, scripts.isEmpty { throw ValidationError("no transcripts of dialog \(dialog) in \(transcripts)") }
        if let randomWalks {
            FileHandle.standardError.write(Data("\(randomWalks) random walks of \(dialog), seed \(seed)\n".utf8))
        }
        let counters = Counters()
        let limit = turns
        let seconds = duration ?? (turns == nil ? 10 : 3600)
        let started = ContinuousClock.now
        let cpuAtStart = Self.processCPUSeconds()
        let progress = Task {
            let tty = isatty(STDERR_FILENO) == 1
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let elapsed = Double(started.duration(to: .now).components.seconds)
                let done = counters.turns.load(ordering: .relaxed)
                let line = String(format: "%5.0fs  %d connected  %d turns (%.0f/s)  %d sessions  %d errors",
                                  elapsed, counters.connected.load(ordering: .relaxed), done, done > 0 ? Double(done) / max(elapsed, 1) : 0,
                                  counters.sessions.load(ordering: .relaxed), counters.errors.load(ordering: .relaxed))
                FileHandle.standardError.write(Data((tty ? "\r" + line : line + "\n").utf8))
            }
        }
        let stopper = Task {
            try? await Task.sleep(for: .seconds(seconds))
            counters.stop.store(true, ordering: .relaxed)
        }
        let raw = self.raw, idle = self.idle
        let merged = await withTaskGroup(of: Results.self) { group in
            for index in 0..<sessions {
                group.addTask {
                    var results = Results()
                    var scriptIndex = index
                    while !counters.stop.load(ordering: .relaxed) {
                        var connected = false
                        do {
                            try await LineClient.withConnection(to: target) { client in
                                connected = true
                                counters.connected.add(1, ordering: .relaxed)
                                defer { counters.connected.subtract(1, ordering: .relaxed) }
                                if idle {
                                    _ = try await client.skipTurn()
                                    while !counters.stop.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(200)) }
                                    return
                                }
                                if let raw {
                                    while !counters.stop.load(ordering: .relaxed) {
                                        let sent = ContinuousClock.now
                                        try await client.send(raw)
                                        guard try await client.readLine() != nil else { throw LoadError.closed }
                                        results.latency.record(UInt64(sent.duration(to: .now).microseconds))
                                        if Self.countTurn(counters, limit) { return }
                                    }
                                    return
                                }
                                let script = scripts[scriptIndex % scripts.count]
                                scriptIndex += sessions
                                _ = try await client.skipTurn()
                                for input in script {
                                    let sent = ContinuousClock.now
                                    try await client.send(input)
                                    // Only the turn's end is needed here (as --raw only waits for a line).
                                    let ended = try await client.skipTurn()
                                    results.latency.record(UInt64(sent.duration(to: .now).microseconds))
                                    if Self.countTurn(counters, limit) { return }
                                    if ended { break }
                                }
                                counters.sessions.add(1, ordering: .relaxed)
                            }
                        } catch {
                            counters.failed(error, connected: connected)
                            try? await Task.sleep(for: .milliseconds(100))
                        }
                    }
                    return results
                }
            }
            var all = Results()
            for await results in group { all.latency.add(results.latency) }
            return all
        }
        stopper.cancel()
        progress.cancel()
        let elapsed = max(started.duration(to: .now).secondsDouble, 0.001)
        let cpu = Self.processCPUSeconds() - cpuAtStart
        if isatty(STDERR_FILENO) == 1 { FileHandle.standardError.write(Data("\n".utf8)) }
        report(merged.latency, counters: counters, elapsed: elapsed, clientCPU: cpu)
        if counters.errors.load(ordering: .relaxed) > 0 { throw ExitCode(1) }
    }

    static func countTurn(_ counters: Counters, _ limit: Int?) -> Bool {
        let done = counters.turns.add(1, ordering: .relaxed).newValue
        if let limit, done >= limit { counters.stop.store(true, ordering: .relaxed); return true }
        return counters.stop.load(ordering: .relaxed)
    }

    enum LoadError: Error { case closed }

    func loadScripts() throws -> [[String]] {
        if let randomWalks {
            // Walked in-process over the dialog file: the server, running the same dialog, has the same conversations.
            let spec = try DialogLocator.load(try DialogLocator.resolve(dialog))
            var random = SplitMix64(seed: seed)
            return (0..<randomWalks).map { _ in RandomWalk.script(for: spec, redFlagYesOneIn: 30, using: &random) }
        }
        let files = try TranscriptFiles.collect([transcripts])
        return try files.compactMap { file in
            let transcript = try TranscriptFiles.read(file)
            guard transcript.dialog == dialog, !transcript.inputs.isEmpty else { return nil }
            return transcript.inputs
        }
    }

    /// CPU time this process has used (user and system), in seconds.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// `clientCPU`: seconds of CPU this load generator used, reported per turn: client and server share the
    /// machine's cores, so what the client costs per turn bounds what any server can reach with it.
    func report(_ latency: Histogram<UInt64>, counters: Counters, elapsed: Double, clientCPU: Double) {
        let turns = counters.turns.load(ordering: .relaxed)
        let clientMicrosPerTurn = turns > 0 ? clientCPU * 1e6 / Double(turns) : 0
        let sessionsDone = counters.sessions.load(ordering: .relaxed)
        let errors = counters.errors.load(ordering: .relaxed)
        // Most frequent first.
        let reasons = counters.reasons.withLock { $0 }.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { (reason: $0.key, count: $0.value) }
        let p = { (q: Double) in latency.totalCount == 0 ? 0 : latency.valueAtPercentile(q) }
        if json {
            let fields: [(String, JSONValue)] = [
                ("mode", .string(idle ? "idle" : raw == nil ? "dialog" : "raw")), ("connections", .number(sessions)),
                ("seconds", .double(elapsed)), ("turns", .number(turns)), ("turns_per_second", .double(Double(turns) / elapsed)),
                ("sessions", .number(sessionsDone)), ("sessions_per_second", .double(Double(sessionsDone) / elapsed)),
                ("errors", .number(errors)), ("client_cpu_us_per_turn", .double((clientMicrosPerTurn * 10).rounded() / 10)),
                ("latency_us", .object([("p50", .number(Int(p(50)))), ("p90", .number(Int(p(90)))), ("p99", .number(Int(p(99)))),
                                        ("p99.9", .number(Int(p(99.9)))), ("max", .number(Int(latency.max)))])),
                ("error_reasons", .object(reasons.map { ($0.reason, .number($0.count)) })),
            ]
            Console.out(JSONValue.object(fields).serialized)
        } else {
            Console.out(String(format: "%d connections, %.1f s: %d turns (%.0f turns/s), %d sessions (%.1f sessions/s), %d errors",
                               sessions, elapsed, turns, Double(turns) / elapsed, sessionsDone, Double(sessionsDone) / elapsed, errors))
            Console.out(String(format: "latency µs: p50 %d  p90 %d  p99 %d  p99.9 %d  max %d",
                               p(50), p(90), p(99), p(99.9), latency.max))
            Console.out(String(format: "client CPU: %.1f µs per turn", clientMicrosPerTurn))
            for (reason, count) in reasons { Console.out("errors: \(count) × \(reason)") }
        }
    }
}

enum FileLimits {
    /// Many sockets need many descriptors: raise the soft limit to the hard limit.
    static func raise() {
        var limit = rlimit()
        if getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
    }
}

extension Duration {
    var microseconds: Int64 { components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000 }
    var secondsDouble: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
