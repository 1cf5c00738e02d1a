import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import TriageBooking
import TriageCore
import TriageServer

extension ServerConfiguration.WireProtocol: ExpressibleByArgument {}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the dialog to clinic kiosks over TCP (text or JSON line protocol, optional TLS).",
        discussion: "Binds to loopback unless told otherwise; a non-loopback address needs TLS or --insecure-plaintext. SIGINT/SIGTERM close gracefully.")

    @OptionGroup var dialogOptions: DialogOptions
    @OptionGroup var bookingOptions: BookingOptions

    @Option(name: .long, help: "Address to listen on.") var host = "127.0.0.1"
    @Option(name: .long, help: "Port to listen on (0 picks a free one).") var port = 4848
    @Option(name: .customLong("protocol"), help: "text (people, telnet, netcat) or json (programs).") var wire: ServerConfiguration.WireProtocol = .text
    @Option(name: .long, help: "Most concurrent sessions; more connections are told the service is busy.") var maxSessions = 1000
    @Option(name: .long, help: "Seconds without input before a warning; the same again and the session closes (0: never).") var idleTimeout: Int64 = 300
    @Option(name: .long, help: "Longest accepted line in bytes; longer lines get an error and are discarded.") var maxLineBytes = 4096
    @Option(name: .long, help: "PEM certificate chain for TLS.") var tlsCert: String?
    @Option(name: .long, help: "PEM private key for TLS.") var tlsKey: String?
    @Option(name: .long, help: "PEM CA: accept only kiosks with a client certificate it signed.") var tlsClientCa: String?
    @Flag(name: .long, help: "Allow a non-loopback address without TLS (only on a trusted network).") var insecurePlaintext = false
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String = "info"

    func validate() throws {
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        if tlsClientCa != nil && tlsCert == nil { throw ValidationError("--tls-client-ca needs --tls-cert and --tls-key") }
        if maxSessions < 1 { throw ValidationError("--max-sessions must be at least 1") }
        if maxLineBytes < 16 { throw ValidationError("--max-line-bytes must be at least 16") }
        if idleTimeout < 0 { throw ValidationError("--idle-timeout must be 0 or more seconds") }
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        FileLimits.raise()
        var logger = Logger(label: "triage.serve", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let spec: DialogSpec
        let sink: BookingSink
        do {
            spec = try dialogOptions.loadSpec()
            sink = try bookingOptions.makeSink()
            spec.interruptMatcher.prepare()
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(1)
        }
        let tls = tlsCert.map { ServerConfiguration.TLS(certificatePath: $0, keyPath: tlsKey!, clientCAPath: tlsClientCa) }
        let configuration = ServerConfiguration(host: host, port: port, wireProtocol: wire, maxSessions: maxSessions,
                                                idleTimeoutSeconds: idleTimeout, maxLineBytes: maxLineBytes,
                                                emergencyNumber: dialogOptions.emergencyNumber, tls: tls)
        let server: TriageServer
        do {
            server = try await TriageServer(configuration: configuration, spec: spec, bookings: BookingService(sink: sink, logger: logger),
                                            logger: logger, allowPlaintextOnNetwork: insecurePlaintext)
        } catch {
            Console.err("error: \(error)")
            throw ExitCode(1)
        }
        let banner = "triage: serving \(spec.id) \(spec.version) on \(host):\(server.port ?? port) (\(wire.rawValue) protocol\(tls == nil ? "" : ", TLS"))"
        let group = ServiceGroup(configuration: .init(services: [.init(service: ServerService(server: server, banner: banner))],
                                                      gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        Console.out("triage: stopped")
    }
}

/// Runs the server under swift-service-lifecycle: a graceful shutdown closes politely.
struct ServerService: Service {
    let server: TriageServer
    let banner: String
    func run() async throws {
        // Printed once signal handlers are installed, so a script that waits for it can stop us safely.
        Console.out(banner)
        try await withGracefulShutdownHandler {
            try await server.serve()
        } onGracefulShutdown: {
            Task { await server.shutdown() }
        }
    }
}
