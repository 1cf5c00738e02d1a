import Logging
import NIOCore
import NIOSSL
import TriageCore

/// One connection, one dialog machine, driven synchronously on the connection's event loop: a line in, the
/// machine's answer out in one write. Renders events in the configured wire protocol; never logs what the
/// person typed (only session id, event kinds, dispositions and timings).
///
/// Lines wait in a queue and are answered in order. Only a booking leaves the event loop (the store runs on a
/// thread pool); lines that arrive meanwhile wait. Reading pauses while a booking is being stored, while the
/// kiosk is not reading our answers, and while many lines wait, so no client can make the server buffer without
/// bound. The registry hears that the session finished (`sessionFinished`) once the connection is closed and no booking write is
/// pending: the server waits for every session to finish before it stops, so a booking being written is never cut off.
final class KioskSession: ChannelInboundHandler {
    typealias InboundIn = FramedLine
    typealias OutboundOut = ByteBuffer

    /// Lines waiting beyond this pause reading (the kernel holds the rest): a bound on memory per session.
    static let maxWaitingLines = 1024

    let id: Int
    let spec: DialogSpec
    let configuration: ServerConfiguration
    let bookings: BookingService
    let registry: SessionRegistry
    let source: String
    let logger: Logger

    private var machine: DialogMachine
    private var turns = 0
    private let started = ContinuousClock.now
    /// Lines not answered yet. (A queue: a kiosk may paste thousands of lines at once.)
    private var waiting = CircularBuffer<FramedLine>()
    private var storingBooking = false
    private var inputEnded = false
    private var finished = false
    private var connectionGone = false
    /// The registry was told the session finished (it counts each session once).
    private var reportedFinished = false
    private var reading = true
    private var answering = false
    /// Inside one read from the socket (between `channelRead` and `channelReadComplete`): when the conversation
    /// ends during a read, the session finishes at its end, so lines pasted after the last answer are screened
    /// for red flags (see `finish`) instead of being dropped.
    private var readInProgress = false

    init(id: Int, spec: DialogSpec, configuration: ServerConfiguration, bookings: BookingService,
         registry: SessionRegistry, source: String, logger: Logger) {
        self.id = id
        self.spec = spec
        self.configuration = configuration
        self.bookings = bookings
        self.registry = registry
        self.source = source
        self.logger = logger
        self.machine = DialogMachine(spec: spec, emergencyNumber: configuration.emergencyNumber, recordsCoverage: false)
    }

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
            TextRenderer.append(events, to: &out)
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

    /// What one received line asks the session to do; worked out synchronously.
    enum Step {
        /// Write this text; the turn is over.
        case reply(String)
        /// Store the booking request, answer the machine with the result, then write this text and what follows.
        case book(String, BookingDraft, eventsSoFar: [Event])
    }

    // MARK: Channel events

    func channelActive(context: ChannelHandlerContext) {
        logger.info("session started", metadata: ["session": "\(id)"])
        // The service may have started closing between accepting this connection and its becoming active.
        if registry.closing { finish(context) } else { write(reply(machine.start()), context) }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !finished else { return }
        readInProgress = true
        waiting.append(unwrapInboundIn(data))
        answerWaitingLines(context)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        readInProgress = false
        answerWaitingLines(context)
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is SessionRegistry.ServiceClosing {
            // Answer nothing more; a booking being stored finishes first (see `answerWaitingLines`). Before the
            // connection is active there is nothing to answer: `channelActive` says the service is closing.
            inputEnded = true
            if context.channel.isActive { answerWaitingLines(context) }
            return
        }
        if case ChannelEvent.inputClosed = event {
            // The kiosk hung up: answer what it sent first, then end politely (as Ctrl-D does). The last line
            // (decoded at end of input) is not followed by a read completion.
            inputEnded = true
            readInProgress = false
            answerWaitingLines(context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        answerWaitingLines(context)
        context.fireChannelWritabilityChanged()
    }

    /// Called whenever the connection closes (even if it never became active).
    func handlerRemoved(context: ChannelHandlerContext) {
        connectionGone = true
        registry.remove(id)
        endIfDone()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A TLS kiosk that hangs up without saying so: its end of input follows and ends the session politely.
        if let tls = error as? NIOSSLError, case .uncleanShutdown = tls { return }
        logger.notice("session error", metadata: ["session": "\(id)", "error": "\(type(of: error))"])
        context.close(promise: nil)
    }

    // MARK: Turns

    /// Answers waiting lines in order, one turn each (a loop, not recursion, however many there are), while no
    /// booking is being stored, the conversation goes on and the kiosk keeps up with our writes; then ends the
    /// session if the conversation ended (once the current read is complete) or its input ended.
    private func answerWaitingLines(_ context: ChannelHandlerContext) {
        // A write can report writability at once, which calls back in here: the outer loop carries on instead.
        guard !answering else { return }
        answering = true
        defer { answering = false }
        while !storingBooking, !finished, !machine.isEnded, context.channel.isWritable, let line = waiting.popFirst() {
            turn(line, context)
        }
        if !storingBooking, !finished {
            if machine.isEnded, !readInProgress {
                finish(context)
            } else if inputEnded, waiting.isEmpty || registry.closing {
                finish(context)
            }
        }
        updateReading(context)
    }

    /// One received line: the dialog's answer, with a booking stored first when the machine asks for one.
    private func turn(_ line: FramedLine, _ context: ChannelHandlerContext) {
        if registry.closing {
            waiting.prepend(line)
            return finish(context)
        }
        let turnStarted = ContinuousClock.now
        switch step(line) {
        case .reply(let text):
            // If the conversation ended, `answerWaitingLines` finishes the session.
            write(text, context)
        case .book(let text, let draft, let eventsSoFar):
            storingBooking = true
            // Store first: a write to a connection that has just died must never keep the request from the store.
            let bookings = self.bookings, source = self.source, session = "\(id)"
            let stored = context.eventLoop.makePromise(of: Input.self)
            stored.completeWithTask { await bookings.store(draft, source: source, session: session) }
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            stored.futureResult.whenSuccess { result in
                let (session, context) = bound.value
                session.bookingAnswered(result, text: text, eventsSoFar: eventsSoFar, since: turnStarted, context)
            }
        }
    }

    /// The booking is stored (or failed): tell the person, then carry on with waiting lines.
    private func bookingAnswered(_ result: Input, text: String, eventsSoFar: [Event], since turnStarted: ContinuousClock.Instant,
                                 _ context: ChannelHandlerContext) {
        storingBooking = false
        let events = machine.receive(result)
        logTurn(eventsSoFar + events, since: turnStarted)
        if connectionGone { return endIfDone() }
        write(text + reply(events), context)
        // Carries on with waiting lines, or finishes the session (screening them) if the conversation ended.
        answerWaitingLines(context)
    }

    /// The session is over: a red flag in lines it will not answer still gets its advice; then the service is
    /// closing, or the person hung up (as Ctrl-D does). Closes once that is written.
    private func finish(_ context: ChannelHandlerContext) {
        guard !finished else { return }
        finished = true
        var text = lateRedFlagAdvice()
        if registry.closing, !machine.isEnded {
            text += Self.notice(Notice.closing, code: "closing", wire: configuration.wireProtocol, ending: true)
        } else if !machine.isEnded {
            text += reply(machine.receive(.endOfInput))
        }
        waiting.removeAll()
        context.writeFinalText(text)
    }

    /// Advice for a red flag in the lines that will not be answered (sent after the end, or as the service closes).
    private func lateRedFlagAdvice() -> String {
        let lines: [String] = waiting.compactMap { framed in
            guard case .line(let buffer) = framed, case .success(let text) = LineDecoder.decode(buffer.readableBytesView) else { return nil }
            return JSONProtocol.screenedText(text, json: configuration.wireProtocol == .json)
        }
        let advice = machine.redFlagAdvice(for: lines)
        guard !advice.isEmpty else { return "" }
        logger.info("red flag in an unanswered line", metadata: ["session": "\(id)"])
        return Self.encode(advice, configuration.wireProtocol, prompt: false)
    }

    /// The server may stop once the connection is closed and no booking write is pending.
    private func endIfDone() {
        guard connectionGone, !storingBooking, !reportedFinished else { return }
        reportedFinished = true
        logger.info("session ended", metadata: ["session": "\(id)", "turns": "\(turns)",
                                                "outcome": "\(machine.outcome?.rawValue ?? "none")",
                                                "seconds": "\(started.duration(to: .now).components.seconds)"])
        registry.sessionFinished()
    }

    private func write(_ text: String, _ context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
    }

    /// Reads only while no booking is being stored, the kiosk keeps up with what we write and few lines wait.
    private func updateReading(_ context: ChannelHandlerContext) {
        let read = !storingBooking && !finished && context.channel.isWritable && waiting.count < Self.maxWaitingLines
        guard read != reading else { return }
        reading = read
        try? context.channel.syncOptions?.setOption(.autoRead, value: read)
    }

    /// Decodes the line and runs the machine; everything but the booking write is synchronous.
    private func step(_ framed: FramedLine) -> Step {
        let wire = configuration.wireProtocol
        /// JSON clients wait for an `ask` to know the turn is over; text clients have the prompt.
        func noticeAndReask(_ text: String, code: String) -> Step {
            let notice = Self.notice(text, code: code, wire: wire, ending: false)
            return .reply(wire == .json ? notice + Self.encode(machine.repeatQuestion(), .json, prompt: false) : notice)
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
        turns += 1
        let turnStarted = ContinuousClock.now
        let events = machine.receive(.line(said))
        if let index = events.firstIndex(where: { if case .bookingReady = $0 { true } else { false } }),
           case .bookingReady(let draft) = events[index] {
            return .book(Self.encode(Array(events[...index]), wire, prompt: false), draft, eventsSoFar: Array(events[...index]))
        }
        let rendered = reply(events)
        logTurn(events, since: turnStarted)
        return .reply(rendered)
    }

    /// The events as wire text (with the prompt unless the conversation ended); outcomes are logged.
    private func reply(_ events: [Event]) -> String {
        for event in events {
            if case .outcome(let disposition, _, let node) = event {
                logger.info("outcome", metadata: ["session": "\(id)", "disposition": "\(disposition.rawValue)", "node": "\(node)"])
            }
        }
        return Self.encode(events, configuration.wireProtocol, prompt: !machine.isEnded)
    }

    private func logTurn(_ events: [Event], since started: ContinuousClock.Instant) {
        logger.debug("turn", metadata: ["session": "\(id)", "turn": "\(turns)",
                                        "events": "\(events.map(Self.kind).joined(separator: ","))",
                                        "us": "\(started.duration(to: .now).components.attoseconds / 1_000_000_000_000)"])
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
