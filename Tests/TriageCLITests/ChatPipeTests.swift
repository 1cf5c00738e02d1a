import Foundation
import Testing
import TriageCore

/// One dialog, one machine, several front ends: `triage chat` on a pipe must print exactly the
/// conversation the in-process runner produces for every transcript.
@Suite("triage chat on a pipe")
struct ChatPipeTests {
    static func transcripts() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent("transcripts").path)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted()
    }

    @Test(arguments: transcripts())
    func pipeMatchesTranscript(name: String) throws {
        let path = CLI.root.appendingPathComponent("transcripts/\(name)").path
        let transcript = try Transcript.parse(String(contentsOfFile: path, encoding: .utf8), file: path)
        let dir = try CLI.temporaryDirectory()
        var arguments = ["chat", "--dialog", transcript.dialog ?? "back-strain", "--bookings", dir.appendingPathComponent("b.sqlite").path]
        if let number = transcript.emergencyNumber { arguments += ["--emergency-number", number] }
        let result = try CLI.run(arguments, input: transcript.inputs.map { $0 + "\n" }.joined())
        #expect(result.status == 0, "\(result.stderr)")
        // The pipe shows no inputs, so compare the assistant's lines only.
        let outputsOnly = Transcript(file: path, header: transcript.header, headerLines: [],
                                     lines: transcript.lines.filter { if case .input = $0.kind { false } else { true } }, trailing: [])
        let comparison = TranscriptComparison(outputsOnly, actual: result.lines.map { .output($0) })
        #expect(comparison.matches, "\(comparison.unifiedDiff(actualName: "triage chat"))")
    }

    static let lateEmergencyAdvice = "You also wrote something that can be a sign of an emergency. Please call 911 now or go to the nearest emergency department; do not wait for the clinic."

    /// Lines piped after the answer that ends the conversation are not answered, but a red flag among them gets
    /// advice to seek care (as `triage serve` gives); lines without one get nothing more.
    @Test(arguments: [
        ("quit\nyes\noh and I can't pee\n", ["Goodbye. Nothing was booked.", Self.lateEmergencyAdvice]),
        ("quit\nyes\nthanks\nI can't pee\nbye", ["Goodbye. Nothing was booked.", Self.lateEmergencyAdvice]),
        ("quit\nyes\nthanks, no chest pain\nbye\n", ["Goodbye. Nothing was booked."]),
    ])
    func linesPipedAfterTheEndAreScreenedForRedFlags(input: String, ending: [String]) throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["chat", "--bookings", dir.appendingPathComponent("b.sqlite").path], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Array(result.lines.suffix(ending.count)) == ending, "\(result.stdout)")
        #expect(result.lines.count(where: { $0 == "Goodbye. Nothing was booked." }) == 1)
    }

    @Test func jsonMessagesAfterTheEndAreScreenedForRedFlags() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["chat", "--json", "--bookings", dir.appendingPathComponent("b.sqlite").path],
                                 input: #"{"text": "quit"}"# + "\n" + #"{"text": "yes"}"# + "\n" + #"{"text": "my legs went numb and I can't pee"}"# + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let last = try #require(result.lines.last)
        #expect(last.contains(#""type":"say""#) && last.contains("sign of an emergency"), "\(result.stdout)")
    }

    /// Only lines already sent are screened: a caller that keeps the pipe open after the end does not keep
    /// `triage chat` waiting.
    @Test func chatEndsWhileTheCallerKeepsThePipeOpen() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["chat", "--bookings", dir.appendingPathComponent("b.sqlite").path],
                                 input: "quit\nyes\nI can't pee\n", timeout: 20, keepInputOpen: true)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.last == Self.lateEmergencyAdvice, "\(result.stdout)")
    }

    @Test func runsFromAnyWorkingDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["chat", "--bookings", dir.appendingPathComponent("b.sqlite").path], input: "", directory: dir)
        #expect(result.status == 0)
        #expect(result.lines.first?.contains("not a diagnosis") == true)
        #expect(result.lines.last == "Goodbye. Nothing was booked.")
    }

    @Test func emergencyNumberOption() throws {
        let dir = try CLI.temporaryDirectory()
        let result = try CLI.run(["chat", "--emergency-number", "112", "--bookings", dir.appendingPathComponent("b.sqlite").path],
                                 input: "I can't pee\n")
        #expect(result.stdout.contains("call 112"))
        #expect(!result.stdout.contains("911"))
    }

    @Test func badEmergencyNumberIsRejected() throws {
        let result = try CLI.run(["chat", "--emergency-number", "call an ambulance"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--emergency-number must be a phone number"))
    }

    @Test func brokenDialogIsReportedWithLocations() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("broken.yaml")
        try "spec: 1\nid: x\ntitle: X\nversion: '1'\ndisclaimer: d\nemergency_number: '911'\nstart: nowhere\nnodes: {}\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["chat", "--dialog", file.path, "--bookings", dir.appendingPathComponent("b.sqlite").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml:7:8: error: start node 'nowhere' is not a defined node [E005]"))
    }

    @Test func missingDialogIsAClearError() throws {
        let result = try CLI.run(["chat", "--dialog", "/no/such/dialog.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("dialog file not found: /no/such/dialog.yaml"))
    }

    @Test func jsonProtocol() throws {
        let dir = try CLI.temporaryDirectory()
        let input = "{\"text\": \"lower back\"}\n{not json\n{\"txt\": 1}\nI can't pee\n"
        let result = try CLI.run(["chat", "--json", "--bookings", dir.appendingPathComponent("b.sqlite").path], input: input)
        let messages = result.lines.compactMap { JSONValue.parse($0) }
        #expect(messages.count == result.lines.count, "every line is one JSON object")
        let types = result.lines.compactMap { line -> String? in
            guard case .object(let fields)? = JSONValue.parse(line), case .string(let type)? = fields.first(where: { $0.0 == "type" })?.1 else { return nil }
            return type
        }
        #expect(types.first == "say")
        #expect(types.filter { $0 == "error" }.count == 2)
        #expect(types.suffix(3) == ["outcome", "say", "end"])
        #expect(result.stdout.contains(#""disposition":"emergency""#))
        #expect(result.stdout.contains(#""type":"ask","id":"location""#))
    }

    @Test func transcriptRunnerReportsMismatchWithFileLineAndDiff() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("wrong.transcript")
        try "#! dialog: back-strain\n# deliberately wrong\nThis is not what it says.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["test", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL \(file.path):3: the conversation differs from the transcript"))
        #expect(result.stdout.contains("-This is not what it says."))
        #expect(result.stdout.contains("0 passed, 1 failed"))
        // --update rewrites it so it passes, keeping the comment.
        let update = try CLI.run(["test", "--update", file.path])
        #expect(update.status == 0)
        let rewritten = try String(contentsOf: file, encoding: .utf8)
        #expect(rewritten.hasPrefix("#! dialog: back-strain\n# deliberately wrong\n"))
        #expect(try CLI.run(["test", file.path]).status == 0)
    }
}
