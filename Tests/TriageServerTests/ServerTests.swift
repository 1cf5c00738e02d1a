import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Testing
import TriageBooking
import TriageCore
@testable import TriageServer

@Suite("triage serve over real sockets", .serialized)
struct ServerTests {
    static func transcripts() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.root.appendingPathComponent("transcripts").path)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted()
    }

    /// Every transcript gives the same conversation over TCP as in-process.
    @Test func everyTranscriptPassesOverTCP() async throws {
        var servers: [String: RunningServer] = [:]
        for name in Self.transcripts() {
            let text = try String(contentsOf: Repo.root.appendingPathComponent("transcripts/\(name)"), encoding: .utf8)
            let transcript = try Transcript.parse(text, file: name)
            let key = "\(transcript.dialog!)|\(transcript.emergencyNumber ?? "")"
            if servers[key] == nil {
                servers[key] = try await RunningServer.start(ServerConfiguration(idleTimeoutSeconds: 0, emergencyNumber: transcript.emergencyNumber),
                                                             dialog: transcript.dialog!)
            }
            let port = servers[key]!.port
            let actual = try await TranscriptReplay.converse(port: port, inputs: transcript.inputs)
            let comparison = TranscriptComparison(transcript, actual: actual)
            #expect(comparison.matches, "\(name)\n\(comparison.unifiedDiff(actualName: "tcp"))")
        }
        for server in servers.values { try await server.stop() }
    }

    @Test func twoHundredConcurrentSessionsReachTheirOutcomes() async throws {
        let running = try await RunningServer.start(ServerConfiguration(maxSessions: 500))
        let scripts: [(inputs: [String], marker: String, books: Bool)] = [
            (try Repo.inputs("01-lower-back-lifting-booking.transcript"), "Your reference is", true),
            (try Repo.inputs("06-redflag-bladder-emergency.transcript"), "Remember: call 911 now", false),
            (try Repo.inputs("14-redflag-fever-urgent.transcript"), "Please see a doctor today", false),
            (try Repo.inputs("22-redflag-weight-doctor.transcript"), "Please see your GP", false),
        ]
        let results = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
            for index in 0..<200 {
                let script = scripts[index % scripts.count]
                group.addTask {
                    let lines = try await running.converse(script.inputs)
                    return (index, lines.contains { $0.contains(script.marker) })
                }
            }
            var all: [(Int, Bool)] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 200)
        #expect(results.filter { !$0.1 }.map(\.0) == [], "sessions that missed their outcome")
        #expect(try running.sink.all().count == 50, "exactly one booking per booking session, none for the others")
        #expect(Set(try running.sink.all().map(\.id)).count == 50)
        try await running.stop()
    }

    /// After any abuse the server must still hold a normal conversation.
    func assertHealthy(_ running: RunningServer) async throws {
        let lines = try await running.converse(["lower back", "I can't pee"])
        #expect(lines.contains { $0.contains("Remember: call 911 now") })
    }

    @Test func overlongLineGetsAnErrorAndIsDiscarded() async throws {
        let running = try await RunningServer.start(ServerConfiguration(maxLineBytes: 4096))
        let socket = try RawSocket(port: running.port)
        _ = await socket.read(until: "\n> ")
        await socket.send(String(repeating: "x", count: 1_000_000) + "\n")
        #expect(await socket.read(until: "\n> ").contains("That line is too long; it was ignored."))
        // The session carries on with the next line.
        await socket.send("lower back\n")
        #expect(await socket.read(until: "\n> ").contains("Is the pain on one side"))
        socket.close()
        try await assertHealthy(running)
        try await running.stop()
    }

    @Test func lineAtTheLimitIsAccepted() async throws {
        let running = try await RunningServer.start(ServerConfiguration(maxLineBytes: 16))
        let socket = try RawSocket(port: running.port)
        _ = await socket.read(until: "\n> ")
        await socket.send("lower back      \r\n")  // 16 bytes + CRLF
        #expect(await socket.read(until: "\n> ").contains("Is the pain on one side"))
        socket.close()
        try await running.stop()
    }

    @Test(arguments: [
        ("invalid UTF-8", [0xC3, 0x28, 0x0A] as [UInt8], "not valid text (UTF-8)"),
        ("NUL bytes", Array("lower\u{0} back\n".utf8), "Is the pain on one side"),
        ("ANSI escapes", Array("\u{1B}[31mlower back\u{1B}[0m\n".utf8), "Is the pain on one side"),
        ("telnet IAC", [0xFF, 0xFB, 0x01, 0xFF, 0xFD, 0x03] + Array("lower back\r\n".utf8), "Is the pain on one side"),
        ("telnet subnegotiation", [0xFF, 0xFA, 0x18, 0x01, 0xFF, 0xF0] + Array("lower back\n".utf8), "Is the pain on one side"),
    ])
    func badBytesAreHandled(name: String, bytes: [UInt8], expected: String) async throws {
        let running = try await RunningServer.start()
        let socket = try RawSocket(port: running.port)
        _ = await socket.read(until: "\n> ")
        await socket.send(bytes)
        let reply = await socket.read(until: "\n> ")
        #expect(reply.contains(expected), "\(name): \(reply)")
        #expect(!reply.contains("\u{1B}"), "escape sequences are never echoed")
        socket.close()
        // Nothing of the raw bytes reaches the logs.
        #expect(!running.logs.all.joined().contains("\u{1B}"))
        #expect(!running.logs.all.joined().contains("lower"))
        try await assertHealthy(running)
        try await running.stop()
    }

    @Test func noNewlineThenDisconnect() async throws {
        let running = try await RunningServer.start()
        let socket = try RawSocket(port: running.port)
        _ = await socket.read(until: "\n> ")
        await socket.send("lower ba")
        socket.close()
        try await assertHealthy(running)
        try await running.stop()
    }

    @Test func thousandConnectionsOpenedAndDroppedAtOnce() async throws {
        let running = try await RunningServer.start(ServerConfiguration(maxSessions: 2000))
        let sockets = await RawSocket.offload { (0..<1000).compactMap { _ in try? RawSocket(port: running.port) } }
        #expect(sockets.count == 1000)
        for socket in sockets { socket.close() }
        try await assertHealthy(running)
        // Every dropped session is eventually released.
        for _ in 0..<100 where await running.server.activeSessions > 0 { try await Task.sleep(for: .milliseconds(50)) }
        #expect(await running.server.activeSessions == 0)
        try await running.stop()
    }

    /// A client that never reads must not make the server buffer without bound or stall others.
    @Test func slowReaderIsBackPressured() async throws {
        let running = try await RunningServer.start()
        let socket = try RawSocket(port: running.port)
        // Ask for help thousands of times without reading a byte of the answers (about 2 MB of replies).
        let flood = String(repeating: "help\n", count: 5000)
        let writer = Task.detached { await socket.send(flood) }
        try await Task.sleep(for: .milliseconds(500))
        try await assertHealthy(running)
        socket.close()
        _ = await writer.value
        try await running.stop()
    }

    @Test func silentClientIsWarnedThenClosed() async throws {
        let running = try await RunningServer.start(ServerConfiguration(idleTimeoutSeconds: 1))
        let socket = try RawSocket(port: running.port)
        let everything = await socket.readToEnd()
        #expect(everything.contains("Are you still there? This session will close soon if nothing is typed."))
        #expect(everything.hasSuffix("Closing this session because nothing was typed. Nothing was booked.\n"))
        socket.close()
        try await assertHealthy(running)
        try await running.stop()
    }

    @Test func overMaxSessionsIsToldBusy() async throws {
        let running = try await RunningServer.start(ServerConfiguration(maxSessions: 2))
        let first = try RawSocket(port: running.port), second = try RawSocket(port: running.port)  // connect() does not block long
        _ = await first.read(until: "\n> ")
        _ = await second.read(until: "\n> ")
        let third = try RawSocket(port: running.port)
        #expect(await third.readToEnd() == "The service is busy, please try again in a few minutes.\n")
        first.close()
        second.close()
        third.close()
        for _ in 0..<100 where await running.server.activeSessions > 0 { try await Task.sleep(for: .milliseconds(20)) }
        try await assertHealthy(running)
        try await running.stop()
    }

    @Test func shutdownTellsConnectedPeopleAndFinishes() async throws {
        let running = try await RunningServer.start()
        let sockets = try (0..<3).map { _ in try RawSocket(port: running.port) }
        for socket in sockets {
            _ = await socket.read(until: "\n> ")
            await socket.send("lower back\n")
            _ = await socket.read(until: "\n> ")
        }
        try await running.stop()
        for socket in sockets {
            let rest = await socket.readToEnd()
            #expect(rest == "The service is closing now. Nothing was booked unless I told you your request was stored.\n")
            socket.close()
        }
        #expect(try running.sink.all().isEmpty)
    }

    /// Cancelling `serve()` (a second Ctrl-C under the service lifecycle) closes every session at once, stops
    /// listening and returns.
    @Test(.timeLimit(.minutes(1))) func cancellingServeClosesEverySessionAndStopsListening() async throws {
        let running = try await RunningServer.start()
        let port = running.port
        let socket = try RawSocket(port: port)
        _ = await socket.read(until: "\n> ")
        running.task.cancel()
        try await running.task.value
        #expect(await socket.readToEnd() == "", "the session is closed without a word")
        socket.close()
        #expect(await running.server.activeSessions == 0)
        #expect(throws: (any Error).self) { try RawSocket(port: port) }
    }

    /// Even cancelled, `serve()` returns only once a booking being written is stored: the process must not end first.
    @Test(.timeLimit(.minutes(1))) func cancellingServeStillWaitsForABookingBeingWritten() async throws {
        let (server, task, slow) = try await Self.slowBookingServer()
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        let socket = try RawSocket(port: server.port!)
        await socket.send(inputs.map { $0 + "\n" }.joined())
        while slow.started == 0 { try await Task.sleep(for: .milliseconds(10)) }
        task.cancel()
        try await task.value
        #expect(slow.stored == 1, "serve() returned before the booking write finished")
        socket.close()
    }

    @Test func shutdownLetsAPendingBookingFinishAndBeAnnounced() async throws {
        let (server, task, slow) = try await Self.slowBookingServer()
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        let socket = try RawSocket(port: server.port!)
        _ = await socket.read(until: "\n> ")
        for input in inputs.dropLast() {
            await socket.send(input + "\n")
            _ = await socket.read(until: "\n> ")
        }
        await socket.send(inputs.last! + "\n")
        while slow.started == 0 { try await Task.sleep(for: .milliseconds(10)) }
        // Shut down while the booking write is in progress.
        await server.shutdown()
        let rest = await socket.readToEnd()
        try await task.value
        #expect(rest.contains("Your reference is"), "the stored booking is still announced: \(rest)")
        #expect(slow.stored == 1)
        socket.close()
    }

    /// A server whose booking store takes half a second, so lines can arrive while a booking is being stored.
    static func slowBookingServer(spec: DialogSpec? = nil) async throws -> (TriageServer, Task<Void, Error>, SlowSink) {
        let slow = SlowSink()
        let logs = LogCapture()
        let server = try await TriageServer(configuration: ServerConfiguration(port: 0), spec: try spec ?? Repo.spec(),
                                            bookings: BookingService(sink: slow, logger: logs.logger()), logger: logs.logger())
        return (server, Task { try await server.serve() }, slow)
    }

    /// Booking references differ from one run to the next.
    static func maskingReferences(_ text: String) -> String {
        text.replacing(/reference is [^ .]+/, with: "reference is REF")
    }

    /// A kiosk may send lines before the previous answer arrives (or paste several at once): each line is still
    /// answered in order, lines that arrive while a booking is being stored included.
    @Test(arguments: ["01-lower-back-lifting-booking.transcript", "33-interrupt-severity-chest-pain.transcript",
                      "44-help-repeat-back-change-branch-booking.transcript", "48-summary-correction-no-then-severity.transcript"])
    func wholeScriptSentAtOnceGetsTheSameConversation(transcript: String) async throws {
        let inputs = try Repo.inputs(transcript)
        let (server, task, _) = try await Self.slowBookingServer()
        let stepwise = try RawSocket(port: server.port!)
        var expected = await stepwise.read(until: "\n> ")
        for input in inputs {
            await stepwise.send(input + "\n")
            let turn = await stepwise.read(until: "\n> ")
            expected += turn
            if !turn.hasSuffix("\n> ") { break }
        }
        stepwise.close()
        let pasted = try RawSocket(port: server.port!)
        await pasted.send(inputs.map { $0 + "\n" }.joined())
        let got = await pasted.readToEnd()
        pasted.close()
        await server.shutdown()
        try await task.value
        #expect(expected.contains("Thank you") || expected.contains("911"), "the script reaches an outcome")
        #expect(Self.maskingReferences(got) == Self.maskingReferences(expected), "\(transcript):\n\(got)")
    }

    /// Hanging up right after the line that sends the booking must neither lose the booking nor its announcement.
    @Test func hangingUpDuringABookingStillStoresAndAnnouncesIt() async throws {
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        let (server, task, slow) = try await Self.slowBookingServer()
        let socket = try RawSocket(port: server.port!)
        await socket.send(inputs.map { $0 + "\n" }.joined())
        socket.finishSending()
        let rest = await socket.readToEnd()
        socket.close()
        #expect(slow.stored == 1)
        #expect(rest.contains("Your reference is"), "\(rest)")
        await server.shutdown()
        try await task.value
    }

    /// A kiosk that drops off (a reset) while its booking is being written: the server must not stop, nor let
    /// the process end, before the write has finished.
    @Test func shutdownWaitsForABookingWhoseKioskDroppedOff() async throws {
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        let (server, task, slow) = try await Self.slowBookingServer()
        let socket = try RawSocket(port: server.port!)
        await socket.send(inputs.map { $0 + "\n" }.joined())
        while slow.started == 0 { try await Task.sleep(for: .milliseconds(10)) }
        socket.reset()
        try await Task.sleep(for: .milliseconds(50))
        await server.shutdown()
        try await task.value
        #expect(slow.stored == 1, "serve() returned before the booking write finished")
    }

    /// "I can't pee" typed while the booking is being stored: the conversation ends with the booking, but the red
    /// flag must still get advice to seek emergency care.
    @Test func redFlagTypedWhileTheBookingIsStoredStillGetsAdvice() async throws {
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        let (server, task, slow) = try await Self.slowBookingServer()
        let socket = try RawSocket(port: server.port!)
        await socket.send(inputs.map { $0 + "\n" }.joined() + "oh and I can't pee\n")
        let everything = await socket.readToEnd()
        socket.close()
        await server.shutdown()
        try await task.value
        #expect(slow.stored == 1)
        let afterBooking = try #require(everything.range(of: "Your reference is")).upperBound
        #expect(everything[afterBooking...].contains(Self.lateEmergencyAdvice), "\(everything.suffix(600))")
    }

    /// Lines pasted after the answer that ends the conversation (here: quitting) arrive in the same read: the
    /// session ends, but a red flag among them must still get advice to seek emergency care, not be dropped; lines
    /// without one get nothing more.
    @Test(arguments: [
        ("quit\nyes\noh and I can't pee\n", Self.goodbye + Self.lateEmergencyAdvice),
        ("quit\nyes\nthanks\nI can't pee\nbye\n", Self.goodbye + Self.lateEmergencyAdvice),
        ("quit\nyes\nthanks, no chest pain\nbye\n", Self.goodbye),
    ])
    func linesPastedAfterTheLastAnswerAreScreenedForRedFlags(pasted: String, ending: String) async throws {
        let running = try await RunningServer.start()
        let socket = try RawSocket(port: running.port)
        _ = await socket.read(until: "\n> ")
        await socket.send(pasted)
        let rest = await socket.readToEnd()
        socket.close()
        #expect(rest.hasSuffix(ending), "\(rest)")
        try await assertHealthy(running)
        try await running.stop()
    }

    static let goodbye = "Goodbye. Nothing was booked.\n"
    static let lateEmergencyAdvice = "You also wrote something that can be a sign of an emergency. Please call 911 now or go to the nearest emergency department; do not wait for the clinic.\n"

    /// The same while the service closes: a red flag queued behind a booking, when the service starts closing
    /// during that booking, is not answered as a turn but still gets advice, after the booking is announced.
    @Test func redFlagQueuedAsTheServiceClosesStillGetsAdvice() async throws {
        let (server, task, slow, socket) = try await Self.kioskPastTheGreetingOfAfterBooking()
        await socket.send("555 123 4567\nI can't pee\n")
        while slow.started == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(50))
        await server.shutdown()
        let rest = await socket.readToEnd()
        socket.close()
        try await task.value
        #expect(slow.stored == 1)
        #expect(rest.hasPrefix("Stored with reference "), "\(rest)")
        #expect(rest.hasSuffix(Self.lateEmergencyAdvice + """
            The service is closing now. Nothing was booked unless I told you your request was stored.

            """), "\(rest)")
    }

    /// A kiosk that floods lines and never reads our answers must not keep the server from stopping.
    @Test func shutdownDoesNotWaitForeverForAKioskThatNeverReads() async throws {
        let running = try await RunningServer.start()
        let socket = try RawSocket(port: running.port)
        let writer = Task.detached { await socket.send(String(repeating: "help\n", count: 20_000)) }
        try await Task.sleep(for: .milliseconds(500))
        let stopped = Task { try await running.stop() }
        let finished = await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await stopped.value) != nil }
            group.addTask { try? await Task.sleep(for: .seconds(30)); return false }
            let first = await group.next()!
            group.cancelAll()
            return first
        }
        #expect(finished, "the server did not stop within 30 s")
        socket.close()
        _ = await writer.value
    }

    /// A slow-booking server running `questionsAfterBooking`, and a kiosk connected to it, past its greeting.
    static func kioskPastTheGreetingOfAfterBooking() async throws -> (TriageServer, Task<Void, Error>, SlowSink, RawSocket) {
        guard case .success(let spec) = SpecLoader.load(questionsAfterBooking, file: "after-booking.yaml") else {
            throw TestDialogError()
        }
        let (server, task, slow) = try await slowBookingServer(spec: spec)
        let socket = try RawSocket(port: server.port!)
        _ = await socket.read(until: "\n> ")
        return (server, task, slow, socket)
    }

    struct TestDialogError: Error, CustomStringConvertible {
        var description: String { "the test dialog does not load" }
    }

    /// A dialog that keeps asking after its booking, so lines pasted during the booking have questions to answer.
    static let questionsAfterBooking = """
        spec: 1
        id: after-booking
        title: Questions after a booking
        version: "1"
        locale: en
        emergency_number: "911"
        disclaimer: This is not a diagnosis. In an emergency call {emergency_number}.
        start: phone
        settings:
          handoff: call_clinic
        interrupts:
          - id: bladder
            patterns: ["can't pee"]
            goto: out_emergency
        nodes:
          phone:
            type: question
            input: text
            ask: What phone number can the clinic call?
            next: book
          book:
            type: booking
            stored: Stored with reference {booking_id}.
            failed: Not stored.
            next: more
          more:
            type: question
            input: yesno
            ask: Anything else?
            next:
              - if: { more: yes }
                goto: more
              - goto: out_ok
          out_ok:
            type: outcome
            disposition: massage_ok
            say: Goodbye.
          out_emergency:
            type: outcome
            disposition: emergency
            say: Call {emergency_number} now.
          call_clinic:
            type: outcome
            disposition: handoff
            say: Please call the clinic.
        """

    /// Thousands of lines pasted while a booking is being stored are all answered, in order, once it is stored
    /// (one turn each, without the server running out of stack or stalling).
    @Test func thousandsOfLinesPastedDuringABookingAreAnsweredInOrder() async throws {
        let (server, task, slow, socket) = try await Self.kioskPastTheGreetingOfAfterBooking()
        let pasted = 20_000
        await socket.send("555 123 4567\n" + String(repeating: "yes\n", count: pasted) + "no\n")
        let rest = await socket.readToEnd()
        socket.close()
        #expect(slow.stored == 1)
        #expect(rest.hasPrefix("Stored with reference "), "\(rest.prefix(200))")
        #expect(rest.components(separatedBy: "Anything else? (yes/no)").count - 1 == pasted + 1)
        #expect(rest.hasSuffix("Goodbye.\n"), "\(rest.suffix(200))")
        await server.shutdown()
        try await task.value
    }

    @Test func jsonProtocolOverTCP() async throws {
        let running = try await RunningServer.start(ServerConfiguration(wireProtocol: .json))
        let lines = try await running.converse([#"{"text": "lower back"}"#, "{broken", "I can't pee"], wire: .json)
        #expect(lines.first?.hasPrefix(#"{"type":"say""#) == true)
        #expect(lines.contains { $0.hasPrefix(#"{"type":"error","code":"bad_message""#) })
        #expect(lines.contains(#"{"type":"end","reason":"outcome"}"#))
        #expect(lines.allSatisfy { JSONValue.parse($0) != nil })
        try await running.stop()
    }

    /// `skipTurn` (used by `triage load`) frames turns exactly as `readTurn` does, without decoding them.
    @Test(arguments: [ServerConfiguration.WireProtocol.text, .json])
    func skippingTurnsFramesThemLikeReadingThem(wire: ServerConfiguration.WireProtocol) async throws {
        let running = try await RunningServer.start(ServerConfiguration(wireProtocol: wire))
        let inputs = ["lower back", "left", "I can't pee"]
        let (skipped, read) = try await LineClient.withConnection(host: "127.0.0.1", port: running.port, wire: wire) { skipping in
            try await LineClient.withConnection(host: "127.0.0.1", port: running.port, wire: wire) { reading in
                var skipped = [try await skipping.skipTurn()]
                var read = [try await reading.readTurn().ended]
                for input in inputs {
                    try await skipping.send(input)
                    try await reading.send(input)
                    skipped.append(try await skipping.skipTurn())
                    read.append(try await reading.readTurn().ended)
                }
                return (skipped, read)
            }
        }
        #expect(skipped == read)
        #expect(skipped == [false, false, false, true], "the red flag ends the conversation on the last turn")
        try await running.stop()
    }

    @Test(arguments: [ServerConfiguration.WireProtocol.text, .json])
    func logsNeverContainAnswersOrContactDetails(wire: ServerConfiguration.WireProtocol) async throws {
        let running = try await RunningServer.start(ServerConfiguration(wireProtocol: wire))
        let inputs = try Repo.inputs("01-lower-back-lifting-booking.transcript")
        // JSON kiosks send {"text": ...} messages; text kiosks send the lines as typed.
        let sent = wire == .json ? inputs.map { JSONValue.object([("text", .string($0))]).serialized } : inputs
        let lines = try await running.converse(sent, wire: wire)
        #expect(lines.contains { $0.contains("Your reference is") })
        let logText = running.logs.all.joined(separator: "\n")
        #expect(logText.contains("booking stored"))
        // Answers and contact details: free text and the words typed (node ids such as rf_morning may appear).
        let secrets = ["Sam Lee", "555 123 4567", "sam@example.com", "lower back", "lifting", "a few days", "monday, friday"]
        #expect(secrets.allSatisfy(inputs.contains), "the script still types these")
        for secret in secrets { #expect(!logText.localizedCaseInsensitiveContains(secret), "log contains \(secret)") }
        try await running.stop()
    }

    @Test func refusesPlaintextOnANetworkAddress() async throws {
        let logs = LogCapture()
        await #expect(throws: TriageServer.StartError.self) {
            _ = try await TriageServer(configuration: ServerConfiguration(host: "0.0.0.0", port: 0), spec: try Repo.spec(),
                                       bookings: BookingService(sink: MemoryBookingSink(), logger: logs.logger()), logger: logs.logger())
        }
    }
}

/// A sink whose write takes a while, to shut down in the middle of it.
final class SlowSink: BookingSink, @unchecked Sendable {
    private let lock = NSLock()
    private var _started = 0, _stored = 0
    var started: Int { lock.withLock { _started } }
    var stored: Int { lock.withLock { _stored } }
    func store(_ request: BookingRequest) throws {
        lock.withLock { _started += 1 }
        Thread.sleep(forTimeInterval: 0.5)
        lock.withLock { _stored += 1 }
    }
    func all() throws -> [BookingRequest] { [] }
}
