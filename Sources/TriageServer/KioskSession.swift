import Logging
import NIOCore
import TriageCore

/// One connection, one dialog machine. Renders events in the configured wire protocol; never logs what the
/// person typed (only session id, event kinds, dispositions and timings).
struct KioskSession {
    let id: Int
    let spec: DialogSpec
    let configuration: ServerConfiguration
    let bookings: BookingService
    let registry: SessionRegistry
    let source: String
    let logger: Logger

    /// Server-level texts (not part of any dialog).
    enum Notice {
        static let tooLong = "That line is too long; it was ignored. Please type a shorter answer."
        static let invalidUTF8 = "That line was not valid text (UTF-8); it was ignored. Please type it again."
        static let idleWarning = "Are you still there? This session will close soon if nothing is typed."
        static let idleClosed = "Closing this session because nothing was typed. Nothing was booked."
        static let closing = "The service is closing now. Nothing was booked unless I told you your request was stored."
        static let busy = "The service is busy, please try again in a few minutes."
    }

    static func encode(_ events: [Event], _ wire: ServerConfiguration.WireProtocol, prompt: Bool) -> String {
        var out = ""
        switch wire {
        case .text:
            for line in TextRenderer.lines(for: events) { out += line + "\n" }
            if prompt { out += ServerConfiguration.prompt }
        case .json:
            for event in events { if let line = JSONProtocol.encode(event) { out += line + "\n" } }
        }
        return out
    }

    /// A notice in the wire protocol: an error for the person, or the final `end` for closing notices.
    static func notice(_ text: String, code: String, wire: ServerConfiguration.WireProtocol, ending: Bool) -> String {
        switch wire {
        case .text: return text + "\n" + (ending ? "" : ServerConfiguration.prompt)
        case .json:
            let error = JSONProtocol.encode(.error(code: code, text: text))! + "\n"
            return ending ? error + #"{"type":"end","reason":"\#(code)"}"# + "\n" : error
        }
    }

    /// The conversation's mutable state, on the heap: an idle session is suspended waiting for a line, and
    /// whatever its async frames hold stays allocated for as long as the kiosk is connected.
    final class Conversation {
        var machine: DialogMachine
        var turns = 0
        init(_ machine: DialogMachine) { self.machine = machine }
    }

    /// What one received line asks the session to do; worked out synchronously (no async frame).
    enum Step {
        /// Write this text; the turn is over.
        case reply(String)
        /// Store the booking request, answer the machine with the result, then write this text and what follows.
        case book(String, BookingDraft, eventsSoFar: [Event])
    }

    func run(_ channel: NIOAsyncChannel<FramedLine, ByteBuffer>) async {
        let started = ContinuousClock.now
        let conversation = Conversation(DialogMachine(spec: spec, emergencyNumber: configuration.emergencyNumber))
        logger.info("session started", metadata: ["session": "\(id)"])
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(ByteBuffer(string: reply(conversation.machine.start(), conversation)))
                var lines = inbound.makeAsyncIterator()
                while let framed = try await lines.next() {
                    guard registry.beginTurn(id) else { break }
                    try await turn(framed, conversation, outbound)
                    if conversation.machine.isEnded || registry.endTurn(id) { break }
                }
                try await finish(conversation, outbound)
            }
        } catch {
            logger.notice("session error", metadata: ["session": "\(id)", "error": "\(type(of: error))"])
        }
        logger.info("session ended", metadata: ["session": "\(id)", "turns": "\(conversation.turns)",
                                                "outcome": "\(conversation.machine.outcome?.rawValue ?? "none")",
                                                "seconds": "\(started.duration(to: .now).components.seconds)"])
    }

    /// One received line: the dialog's answer, with a booking stored first when the machine asks for one.
    private func turn(_ framed: FramedLine, _ conversation: Conversation, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        let turnStarted = ContinuousClock.now
        switch step(framed, conversation) {
        case .reply(let text):
            try await outbound.write(ByteBuffer(string: text))
        case .book(let text, let draft, let eventsSoFar):
            // Store first: a write to a connection that has just died must never keep the request from the store.
            let result = await bookings.store(draft, source: source, session: "\(id)")
            let events = conversation.machine.receive(result)
            try await outbound.write(ByteBuffer(string: text + reply(events, conversation)))
            logTurn(eventsSoFar + events, conversation, since: turnStarted)
        }
    }

    /// Decodes the line and runs the machine; everything but the booking write is synchronous.
    private func step(_ framed: FramedLine, _ conversation: Conversation) -> Step {
        let wire = configuration.wireProtocol
        /// JSON clients wait for an `ask` to know the turn is over; text clients have the prompt.
        func noticeAndReask(_ text: String, code: String) -> Step {
            let notice = Self.notice(text, code: code, wire: wire, ending: false)
            return .reply(wire == .json ? notice + Self.encode(conversation.machine.repeatQuestion(), .json, prompt: false) : notice)
        }
        let buffer: ByteBuffer
        switch framed {
        case .tooLong:
            logger.notice("line too long, discarded", metadata: ["session": "\(id)"])
            return noticeAndReask(Notice.tooLong, code: "too_long")
        case .line(let line): buffer = line
        }
        guard case .success(let text) = LineDecoder.decode(buffer.readableBytesView) else {
            logger.notice("invalid UTF-8, discarded", metadata: ["session": "\(id)"])
            return noticeAndReask(Notice.invalidUTF8, code: "invalid_utf8")
        }
        var said = text
        if wire == .json {
            guard case .success(let decoded) = JSONProtocol.decode(text) else {
                return noticeAndReask("Send a plain line or {\"text\": \"...\"}.", code: "bad_message")
            }
            said = decoded
        }
        conversation.turns += 1
        let turnStarted = ContinuousClock.now
        let events = conversation.machine.receive(.line(said))
        if let index = events.firstIndex(where: { if case .bookingReady = $0 { true } else { false } }),
           case .bookingReady(let draft) = events[index] {
            return .book(Self.encode(Array(events[...index]), wire, prompt: false), draft, eventsSoFar: Array(events[...index]))
        }
        let rendered = reply(events, conversation)
        logTurn(events, conversation, since: turnStarted)
        return .reply(rendered)
    }

    /// The events as wire text (with the prompt unless the conversation ended); outcomes are logged.
    private func reply(_ events: [Event], _ conversation: Conversation) -> String {
        for event in events {
            if case .outcome(let disposition, _, let node) = event {
                logger.info("outcome", metadata: ["session": "\(id)", "disposition": "\(disposition.rawValue)", "node": "\(node)"])
            }
        }
        return Self.encode(events, configuration.wireProtocol, prompt: !conversation.machine.isEnded)
    }

    private func logTurn(_ events: [Event], _ conversation: Conversation, since started: ContinuousClock.Instant) {
        logger.debug("turn", metadata: ["session": "\(id)", "turn": "\(conversation.turns)",
                                        "events": "\(events.map(Self.kind).joined(separator: ","))",
                                        "us": "\(started.duration(to: .now).components.attoseconds / 1_000_000_000_000)"])
    }

    /// The session is over: say the service is closing, or end politely if the person hung up (as Ctrl-D does).
    private func finish(_ conversation: Conversation, _ outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async throws {
        if registry.closing, !conversation.machine.isEnded {
            try await outbound.write(ByteBuffer(string: Self.notice(Notice.closing, code: "closing", wire: configuration.wireProtocol, ending: true)))
        } else if !conversation.machine.isEnded {
            try? await outbound.write(ByteBuffer(string: reply(conversation.machine.receive(.endOfInput), conversation)))
        }
    }

    static func kind(_ event: Event) -> String {
        switch event {
        case .say: "say"
        case .ask(let prompt): "ask:\(prompt.id)"
        case .error(let code, _): "error:\(code)"
        case .outcome(let d, _, _): "outcome:\(d.rawValue)"
        case .bookingReady: "booking_ready"
        case .booking(_, let status): "booking:\(status.rawValue)"
        case .end(let reason): "end:\(reason.rawValue)"
        }
    }
}
