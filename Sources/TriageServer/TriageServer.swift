import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TriageCore

/// The TCP line server: one dialog machine per connection, one shared booking service.
public final class TriageServer: Sendable {
    public let configuration: ServerConfiguration
    public let spec: DialogSpec
    public let bookings: BookingService
    let logger: Logger
    let registry: SessionRegistry
    /// The listening socket. Each accepted connection gets its session in its pipeline, and its turns run
    /// synchronously on its event loop (see `KioskSession`); the registry knows when the last one has finished.
    /// (Not an `NIOAsyncChannel` sequence of connections, as in swift-nio's `NIOTCPEchoServer`: handing every
    /// connection to a task, and a task to every connection, cost ≈ 9 % of the server's CPU in docs/performance.md.)
    let serverChannel: Channel

    /// Where it listens (the real port when bound to port 0).
    public var localAddress: SocketAddress? { serverChannel.localAddress }
    public var port: Int? { localAddress?.port }

    public enum StartError: Error, CustomStringConvertible {
        case plaintextOnNetwork(String)
        case tls(String)
        public var description: String {
            switch self {
            case .plaintextOnNetwork(let host):
                "refusing to serve health conversations unencrypted on \(host): use --tls-cert and --tls-key, or --insecure-plaintext if the network is trusted"
            case .tls(let message): "TLS setup failed: \(message)"
            }
        }
    }

    /// Binds the listening socket; `serve()` then accepts connections until shut down.
    public init(configuration: ServerConfiguration, spec: DialogSpec, bookings: BookingService, logger: Logger,
                allowPlaintextOnNetwork: Bool = false, group: MultiThreadedEventLoopGroup = .singleton) async throws {
        if configuration.tls == nil, !allowPlaintextOnNetwork, !ServerConfiguration.isLoopback(configuration.host) {
            throw StartError.plaintextOnNetwork(configuration.host)
        }
        self.configuration = configuration
        self.spec = spec
        self.bookings = bookings
        self.logger = logger
        let registry = SessionRegistry(maxSessions: configuration.maxSessions)
        self.registry = registry
        let sslContext = try configuration.tls.map(Self.makeSSLContext)
        let maxLineBytes = configuration.maxLineBytes
        let idle = configuration.idleTimeoutSeconds
        let wire = configuration.wireProtocol
        let busy = KioskSession.notice(KioskSession.Notice.busy, code: "busy", wire: wire, ending: true)
        serverChannel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            // A client that stops reading makes our writes wait (back-pressure), never pile up without bound.
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 16 * 1024, high: 64 * 1024))
            // One read per wake-up: when a session pauses reading, at most one read's lines are already queued.
            .childChannelOption(.maxMessagesPerRead, value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let sslContext { try sync.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    try sync.addHandler(ByteToMessageHandler(BoundedLineDecoder(maxLineBytes: maxLineBytes)))
                    if idle > 0 {
                        try sync.addHandler(IdleStateHandler(readTimeout: .seconds(idle)))
                        try sync.addHandler(IdleTimeoutHandler(
                            warning: KioskSession.notice(KioskSession.Notice.idleWarning, code: "idle_warning", wire: wire, ending: false),
                            goodbye: KioskSession.notice(KioskSession.Notice.idleClosed, code: "idle", wire: wire, ending: true),
                            onTimeout: {}))
                    }
                    guard let id = registry.admit(channel) else {
                        logger.notice("connection refused: busy", metadata: ["sessions": "\(registry.count)"])
                        try sync.addHandler(BusyHandler(notice: busy))
                        return
                    }
                    let remote = channel.remoteAddress.map { "\($0)" } ?? "unknown"
                    do {
                        try sync.addHandler(KioskSession(id: id, spec: spec, configuration: configuration, bookings: bookings,
                                                         registry: registry, source: "kiosk \(remote)", logger: logger))
                    } catch {
                        registry.remove(id)
                        registry.sessionFinished()
                        throw error
                    }
                }
            }
            .bind(host: configuration.host, port: configuration.port).get()
    }

    static func makeSSLContext(_ tls: ServerConfiguration.TLS) throws -> NIOSSLContext {
        do {
            let chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
            var configuration: TLSConfiguration
            if let ca = tls.clientCAPath {
                configuration = .makeServerConfigurationWithMTLS(certificateChain: chain, privateKey: .privateKey(key),
                                                                 trustRoots: .file(ca))
                configuration.certificateVerification = .noHostnameVerification
            } else {
                configuration = .makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            }
            configuration.minimumTLSVersion = .tlsv12
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw StartError.tls("\(error)")
        }
    }

    /// Accepts connections until `shutdown()` (or cancellation, which closes every session at once); returns once
    /// every session has ended, booking writes in progress included.
    public func serve() async throws {
        let registry = self.registry, serverChannel = self.serverChannel
        try await withTaskCancellationHandler {
            try await serverChannel.closeFuture.get()
            await registry.allFinished()
        } onCancel: {
            registry.closeAll()
            serverChannel.close(promise: nil)
        }
    }

    /// Stops accepting, tells connected people the service is closing (after any turn in progress, so
    /// pending booking writes finish and are announced), and lets `serve()` return.
    public func shutdown() async {
        let count = registry.count
        logger.info("shutting down", metadata: ["sessions": "\(count)"])
        try? await serverChannel.close()
        registry.shutdown()
    }

    public var activeSessions: Int {
        get async { registry.count }
    }
}
