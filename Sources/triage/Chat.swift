import ArgumentParser
import Foundation
import TriageBooking
import TriageCore
import TriageREPL

struct DialogOptions: ParsableArguments {
    @Option(name: .long, help: "Dialog file, or the id of a shipped dialog.")
    var dialog: String = DialogLocator.defaultDialog

    @Option(name: .long, help: "Emergency number to tell people to call (overrides the dialog's, e.g. 911, 999, 112).")
    var emergencyNumber: String?

    func loadSpec() throws -> DialogSpec {
        try DialogLocator.load(try DialogLocator.resolve(dialog))
    }

    func validate() throws {
        if let number = emergencyNumber, number.isEmpty || !number.allSatisfy({ $0.isNumber || $0 == "+" || $0 == " " || $0 == "-" }) {
            throw ValidationError("--emergency-number must be a phone number such as 911, 999 or 112")
        }
    }
}

struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: "Hold a triage conversation on this terminal (or on stdin/stdout when piped).")

    @OptionGroup var dialogOptions: DialogOptions
    @OptionGroup var bookingOptions: BookingOptions

    @Flag(name: .long, help: "Speak the JSON message protocol (docs/protocol.md) on stdin/stdout.")
    var json = false

    @Option(name: .long, help: "Keep line history in this file (created 0600). Off by default: it holds health information.")
    var history: String?

    func run() throws {
        let spec: DialogSpec
        do { spec = try dialogOptions.loadSpec() } catch {
            Console.err("\(error)")
            throw ExitCode(1)
        }
        // Refuse to start rather than lose a booking at the end of a conversation.
        let sink: BookingSink
        do { sink = try bookingOptions.makeSink() } catch {
            Console.err("error: \(error)")
            Console.err("triage chat will not start without a working bookings store (see --bookings).")
            throw ExitCode(1)
        }
        var session = ChatSession(machine: DialogMachine(spec: spec, emergencyNumber: dialogOptions.emergencyNumber, recordsCoverage: false),
                                  sink: sink, json: json)
        if !json, isatty(STDIN_FILENO) == 1 {
            // A person at a terminal: readline, colour, wrapping. Pipes keep the plain reader below.
            var repl = REPLSession(machine: session.machine, editor: ReadlineEditor(historyPath: history), style: .detect(),
                                   write: { FileHandle.standardOutput.write(Data($0.utf8)) }, bookings: session.store)
            repl.run()
        } else {
            session.run()
        }
    }
}

/// The plain stdin/stdout front end: reads lines, prints rendered events.
struct ChatSession {
    var machine: DialogMachine
    let sink: BookingSink
    let json: Bool

    mutating func run() {
        var input = FileLineReader()
        emit(machine.start())
        while !machine.isEnded {
            guard let line = input.readLine() else {
                emit(machine.send(.endOfInput, bookings: store))
                return
            }
            var text = line
            if json {
                switch JSONProtocol.decode(line) {
                case .success(let decoded): text = decoded
                case .failure(let error):
                    emit([.error(code: "bad_message", text: error == .invalidJSON
                        ? "That line is not valid JSON. Send a plain line or {\"text\": \"...\"}."
                        : "A JSON message needs a \"text\" string, for example {\"text\": \"lower back\"}.")] + machine.repeatQuestion())
                    continue
                }
            }
            emit(machine.send(.line(text), bookings: store))
        }
        // Lines piped after the conversation ended are never answered, but a red flag in them still gets advice
        // (as `triage serve` does). Only lines already sent: waiting for more could hang a caller that keeps
        // the pipe open.
        let late = input.linesAlreadySent().map { JSONProtocol.screenedText($0, json: json) }
        emit(machine.redFlagAdvice(for: late))
    }

    func store(_ draft: BookingDraft) -> Input {
        let request = draft.finalize(source: "chat")
        do {
            try sink.store(request)
            return .bookingStored(id: request.id)
        } catch {
            Console.err("error: \(error)")
            return .bookingFailed(reason: "\(error)")
        }
    }

    func emit(_ events: [Event]) {
        if json {
            for event in events { if let line = JSONProtocol.encode(event) { Console.out(line) } }
        } else {
            for line in TextRenderer.lines(for: events) { Console.out(line) }
        }
    }
}
