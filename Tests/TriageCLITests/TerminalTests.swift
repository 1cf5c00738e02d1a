import Foundation
import Testing

/// A real terminal: Python pexpect drives `triage chat` in a pseudo-terminal (installed by .ci/run).
@Suite("triage chat in a real terminal")
struct TerminalTests {
    @Test func readlineCompletionHistoryCtrlCCtrlDWrappingAndColour() throws {
        let dir = try CLI.temporaryDirectory()
        let script = CLI.root.appendingPathComponent("Tests/TriageCLITests/Terminal/repl_test.py").path
        let result = try runTool(["python3", script, CLI.executable.path, dir.appendingPathComponent("b.sqlite").path,
                                  dir.appendingPathComponent("history").path])
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("all terminal checks passed"))
    }

    @Test func pipedInputUsesThePlainReader() throws {
        // No prompt and no escape codes when stdin is not a terminal.
        let result = try CLI.run(["chat", "--bookings", try CLI.temporaryDirectory().appendingPathComponent("b.sqlite").path],
                                 input: "lower back\n")
        #expect(!result.stdout.contains("> "))
        #expect(!result.stdout.contains("\u{1B}["))
    }
}
