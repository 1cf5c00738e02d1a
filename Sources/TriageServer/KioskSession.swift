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

    func run(_ channel: NIOAsyncChannel<FramedLine, ByteBuffer>) async {
        let started = ContinuousClock.now
        var machine = DialogMachine(spec: spec, emergencyNumber: configuration.emergencyNumber)
        var turns = 0
        logger.info("session started", metadata: ["session": "\(id)"])
        do {
            try await channel.executeThenClose { inbound, outbound in
                func send(_ text: String) async throws {
                    try await outbound.write(ByteBuffer(string: text))
                }
                func reply(_ events: [Event]) async throws {
                    try await send(Self.encode(events, configuration.wireProtocol, prompt: !machine.isEnded))
                    for event in events {
                        if case .outcome(let disposition, _, let node) = event {
                            logger.info("outcome", metadata: ["session": "\(id)", "disposition": "\(disposition.rawValue)", "node": "\(node)"])
                        }
                    }
                }
                /// JSON clients wait for an `ask` to know the turn is over; text clients have the prompt.
                func reaskForJSON() async throws {
                    if configuration.wireProtocol == .json { try await send(Self.encode(machine.repeatQuestion(), .json, prompt: false)) }
                }
                try await reply(machine.start())
                lines: for try await framed in inbound {
                    guard registry.beginTurn(id) else { break lines }
                    let turnStarted = ContinuousClock.now
                    switch framed {
                    case .tooLong:
                        logger.notice("line too long, discarded", metadata: ["session": "\(id)"])
                        try await send(Self.notice(Notice.tooLong, code: "too_long", wire: configuration.wireProtocol, ending: false))
                        try await reaskForJSON()
                    case .line(let buffer):
                        switch LineDecoder.decode(buffer.readableBytesView) {
                        case .failure:
                            logger.notice("invalid UTF-8, discarded", metadata: ["session": "\(id)"])
                            try await send(Self.notice(Notice.invalidUTF8, code: "invalid_utf8", wire: configuration.wireProtocol, ending: false))
                            try await reaskForJSON()
                        case .success(let text):
                            let said: String
                            if configuration.wireProtocol == .json {
                                switch JSONProtocol.decode(text) {
                                case .success(let decoded): said = decoded
                                case .failure:
                                    try await send(Self.notice("Send a plain line or {\"text\": \"...\"}.", code: "bad_message",
                                                               wire: .json, ending: false))
                                    try await reaskForJSON()
                                    if registry.endTurn(id) { break lines }
                                    continue lines
                                }
                            } else {
                                said = text
                            }
                            turns += 1
                            let sessionID = id, source = self.source, bookings = self.bookings
                            let events = await machine.send(.line(said)) { draft in
                                await bookings.store(draft, source: source, session: "\(sessionID)")
                            }
                            try await reply(events)
                            logger.debug("turn", metadata: ["session": "\(id)", "turn": "\(turns)",
                                                            "events": "\(events.map(Self.kind).joined(separator: ","))",
                                                            "us": "\(turnStarted.duration(to: .now).components.attoseconds / 1_000_000_000_000)"])
                        }
                    }
                    if machine.isEnded { break lines }
                    if registry.endTurn(id) { break lines }
                }
                if registry.closing, !machine.isEnded {
                    try await send(Self.notice(Notice.closing, code: "closing", wire: configuration.wireProtocol, ending: true))
                } else if !machine.isEnded {
                    // The person hung up (or half-closed): end politely, as Ctrl-D does in `triage chat`.
                    try? await reply(machine.receive(.endOfInput))
                }
            }
        } catch {
            logger.notice("session error", metadata: ["session": "\(id)", "error": "\(type(of: error))"])
        }
        logger.info("session ended", metadata: ["session": "\(id)", "turns": "\(turns)",
                                                "outcome": "\(machine.outcome?.rawValue ?? "none")",
                                                "seconds": "\(started.duration(to: .now).components.seconds)"])
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
