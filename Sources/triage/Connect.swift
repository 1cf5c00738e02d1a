import ArgumentParser
import Foundation
import NIOSSL
import TriageCore
import TriageREPL
import TriageServer

/// `triage connect HOST:PORT`: the terminal front end talking to a `triage serve` (for a kiosk terminal).
struct Connect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "connect",
        abstract: "Talk to a `triage serve` over TCP with the same line editing as `triage chat`.")

    @Argument(help: "The server, as HOST:PORT.") var address: String
    @Option(name: .customLong("protocol"), help: "The server's protocol: text or json.") var wire: ServerConfiguration.WireProtocol = .text
    @Option(name: .long, help: "Use TLS, trusting this CA (PEM).") var tlsCa: String?
    @Option(name: .long, help: "Client certificate (PEM) for servers that require one.") var tlsCert: String?
    @Option(name: .long, help: "Client key (PEM).") var tlsKey: String?
    @Option(name: .long, help: "Keep line history in this file (created 0600).") var history: String?

    func validate() throws {
        _ = try ServerAddress(parsing: address)
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
    }

    func run() async throws {
        let server = try ServerAddress(parsing: address)
        let (host, port) = (server.host, server.port)
        var tls: TLSConfiguration?
        if let tlsCa {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.trustRoots = .file(tlsCa)
            if let tlsCert, let tlsKey {
                configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(tlsCert).map { .certificate($0) }
                configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: tlsKey, format: .pem))
            }
            tls = configuration
        }
        let interactive = isatty(STDIN_FILENO) == 1
        let style: TerminalStyle = interactive ? .detect() : TerminalStyle(colour: false, width: Int.max)
        let wire = self.wire
        let history = self.history
        do {
            try await LineClient.withConnection(host: host, port: port, wire: wire, tls: tls, serverHostname: host) { client in
                var editor: any LineEditor = interactive ? ReadlineEditor(historyPath: history) : PlainLineReader()
                var turn = try await client.readTurn()
                while true {
                    let events = wire == .json ? turn.lines.compactMap(RemoteEvent.decode) : []
                    if wire == .json {
                        for line in REPLSession<PlainLineReader>.render(events, style: style) { Console.out(line) }
                        editor.setCompletions(events.flatMap(RemoteEvent.completions) + ["help", "back", "restart", "repeat", "quit"])
                    } else {
                        for line in turn.lines.flatMap(style.wrap) { Console.out(line) }
                    }
                    if turn.ended { return }
                    switch editor.readLine(prompt: interactive ? "> " : "") {
                    case .line(let text): try await client.send(text)
                    case .interrupt: try await client.send("quit")
                    case .endOfInput: client.finishSending()
                    }
                    turn = try await client.readTurn()
                }
            }
        } catch {
            Console.err("error: cannot talk to \(address): \(error)")
            throw ExitCode(1)
        }
    }
}

/// Events rebuilt from JSON messages, so a remote conversation is rendered exactly like a local one.
enum RemoteEvent {
    static func decode(_ line: String) -> Event? {
        guard case .object(let fields)? = JSONValue.parse(line) else { return nil }
        func string(_ key: String) -> String? {
            if case .string(let s)? = fields.first(where: { $0.0 == key })?.1 { return s }
            return nil
        }
        func int(_ key: String) -> Int? {
            if case .number(let n)? = fields.first(where: { $0.0 == key })?.1 { return n }
            return nil
        }
        switch string("type") {
        case "say": return string("text").map(Event.say)
        case "error": return .error(code: string("code") ?? "", text: string("text") ?? "")
        case "outcome": return .outcome(disposition: Disposition(rawValue: string("disposition") ?? "") ?? .handoff, text: string("text") ?? "", node: "")
        case "booking": return .booking(id: string("id") ?? "", status: BookingStatus(rawValue: string("status") ?? "") ?? .failed)
        case "end": return .end(EndReason(rawValue: string("reason") ?? "") ?? .outcome)
        case "ask":
            var choices: [Prompt.Option] = []
            if case .array(let items)? = fields.first(where: { $0.0 == "choices" })?.1 {
                for case .object(let choice) in items {
                    if case .string(let id)? = choice.first(where: { $0.0 == "id" })?.1,
                       case .string(let label)? = choice.first(where: { $0.0 == "label" })?.1 { choices.append(.init(id: id, label: label)) }
                }
            }
            let input = InputKind(rawValue: string("input") ?? "text") ?? .text
            let suffix: String? = input == .yesno ? "(yes/no)" : input == .number ? "(\(int("min") ?? 0)-\(int("max") ?? 0))" : nil
            return .ask(Prompt(id: string("id") ?? "", text: string("text") ?? "", input: input, choices: choices,
                               min: int("min"), max: int("max"), suffix: suffix, note: string("note")))
        default: return nil
        }
    }

    static func completions(_ event: Event) -> [String] {
        guard case .ask(let prompt) = event else { return [] }
        return prompt.choices.map(\.label) + (prompt.input == .yesno ? ["yes", "no"] : [])
    }
}
