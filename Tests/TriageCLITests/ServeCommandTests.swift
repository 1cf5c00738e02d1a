import Foundation
import Testing

@Suite("triage serve as a process")
struct ServeCommandTests {
    /// Starts `triage serve --port 0`, returns the process and the port it printed.
    static func start(_ extra: [String] = []) throws -> (Process, Int, Pipe) {
        let dir = try CLI.temporaryDirectory()
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["serve", "--port", "0", "--bookings", dir.appendingPathComponent("b.sqlite").path] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("\n"), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let range = text.firstRange(of: "127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw CLI.TimeoutError(arguments: ["serve"])
        }
        return (process, port, out)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func signalStopsGracefullyWithStatusZero(signal: Int32) throws {
        let (process, port, out) = try Self.start()
        #expect(port > 0)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("triage: stopped"))
    }

    @Test(arguments: ["text", "json"])
    func connectTalksToTheServer(wire: String) throws {
        let (process, port, _) = try Self.start(["--protocol", wire])
        defer { kill(process.processIdentifier, SIGTERM); process.waitUntilExit() }
        let result = try CLI.run(["connect", "127.0.0.1:\(port)", "--protocol", wire], input: "lower back\nI can't pee\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Where is your pain worst?"))
        #expect(result.stdout.contains("  1. Lower back"), "rendered like triage chat, not raw JSON")
        #expect(result.stdout.contains("Remember: call 911 now"))
        #expect(!result.stdout.contains("{\"type\""))
    }

    @Test func connectToNothingIsAClearError() throws {
        let result = try CLI.run(["connect", "127.0.0.1:1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot talk to 127.0.0.1:1"))
    }

    @Test func networkAddressWithoutTLSIsRefusedWithAReason() throws {
        let result = try CLI.run(["serve", "--host", "0.0.0.0", "--port", "0", "--bookings", try CLI.temporaryDirectory().appendingPathComponent("b.sqlite").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to serve health conversations unencrypted on 0.0.0.0"))
    }

    @Test func badOptionsAreRejected() throws {
        #expect(try CLI.run(["serve", "--tls-cert", "x.pem"]).stderr.contains("--tls-cert and --tls-key go together"))
        #expect(try CLI.run(["serve", "--max-line-bytes", "2"]).status != 0)
        #expect(try CLI.run(["serve", "--port", "70000"]).stderr.contains("--port must be between 0 and 65535"))
    }

    /// `triage load --random-walks`: walks generated from the dialog file are conversations the server accepts to
    /// the end, bookings included.
    @Test func loadDrivesRandomWalksOfTheDialog() throws {
        let store = try CLI.temporaryDirectory().appendingPathComponent("walks.sqlite").path
        let (process, port, _) = try Self.start(["--bookings", store, "--idle-timeout", "0", "--log-level", "error"])
        defer { kill(process.processIdentifier, SIGTERM); process.waitUntilExit() }
        let result = try CLI.run(["load", "127.0.0.1:\(port)", "--random-walks", "60", "--sessions", "3", "--turns", "1500", "--json"],
                                 timeout: 120)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("60 random walks of back-strain, seed 1"), "\(result.stderr)")
        #expect(result.stdout.contains(#""errors":0"#), "\(result.stdout)")
        let sessions = result.stdout.firstMatch(of: /"sessions":(\d+)/).flatMap { Int($0.1) } ?? 0
        #expect(sessions >= 10, "\(result.stdout)")
        // What the client itself cost per turn (it shares the cores with the server it measures).
        let clientCPU = result.stdout.firstMatch(of: /"client_cpu_us_per_turn":([0-9.]+)/).flatMap { Double($0.1) } ?? 0
        #expect(clientCPU > 0, "\(result.stdout)")
        let listed = try CLI.run(["bookings", "list", "--bookings", store])
        let stored = listed.stdout.firstMatch(of: /(\d+) booking request/).flatMap { Int($0.1) } ?? 0
        #expect(stored > 0, "no walk reached a stored booking: \(listed.stdout)")
    }

    @Test func loadRejectsRandomWalksWithRaw() throws {
        let result = try CLI.run(["load", "127.0.0.1:1", "--random-walks", "3", "--raw", "PING"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--random-walks drives dialogs"), "\(result.stderr)")
    }

    @Test func transcriptsOverTCP() throws {
        let result = try CLI.run(["test", "--via", "tcp", "transcripts"], timeout: 300)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("0 failed"))
        #expect(result.stdout.contains("over TCP"))
    }
}
