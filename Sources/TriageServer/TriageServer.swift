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
    let serverChannel: NIOAsyncChannel<NIOAsyncChannel<FramedLine, ByteBuffer>, Never>
    let executors: EventLoopTaskExecutor.Pool

    /// Where it listens (the real port when bound to port 0).
    public var localAddress: SocketAddress? { serverChannel.channel.localAddress }
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
        self.registry = SessionRegistry(maxSessions: configuration.maxSessions)
        self.executors = EventLoopTaskExecutor.Pool(group)
        let sslContext = try configuration.tls.map(Self.makeSSLContext)
        let maxLineBytes = configuration.maxLineBytes
        let idle = configuration.idleTimeoutSeconds
        let wire = configuration.wireProtocol
        serverChannel = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            // A client that stops reading makes our writes wait (back-pressure), never pile up without bound.
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 16 * 1024, high: 64 * 1024))
            .bind(host: configuration.host, port: configuration.port) { channel in
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
                    return try NIOAsyncChannel<FramedLine, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(backPressureStrategy: .init(lowWatermark: 2, highWatermark: 8)))
                }
            }
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

    /// Accepts connections until `shutdown()` (or cancellation); returns once every session has finished.
    public func serve() async throws {
        let busy = KioskSession.notice(KioskSession.Notice.busy, code: "busy", wire: configuration.wireProtocol, ending: true)
        let closing = KioskSession.notice(KioskSession.Notice.closing, code: "closing", wire: configuration.wireProtocol, ending: true)
        try await withThrowingDiscardingTaskGroup { group in
            try await serverChannel.executeThenClose { inbound in
                for try await connection in inbound {
                    let remote = connection.channel.remoteAddress.map { "\($0)" } ?? "unknown"
                    guard let id = registry.admit(connection.channel, goodbye: ByteBuffer(string: closing)) else {
                        let count = registry.count
                        logger.notice("connection refused: busy", metadata: ["sessions": "\(count)"])
                        group.addTask {
                            try? await connection.executeThenClose { _, outbound in
                                try await outbound.write(ByteBuffer(string: busy))
                            }
                        }
                        continue
                    }
                    let session = KioskSession(id: id, spec: spec, configuration: configuration, bookings: bookings,
                                               registry: registry, source: "kiosk \(remote)", logger: logger)
                    group.addTask(executorPreference: executors.executor(for: connection.channel.eventLoop)) {
                        await session.run(connection)
                        self.registry.remove(id)
                    }
                }
            }
        }
    }

    /// Stops accepting, tells connected people the service is closing (after any turn in progress, so
    /// pending booking writes finish and are announced), and lets `serve()` return.
    public func shutdown() async {
        let count = registry.count
        logger.info("shutting down", metadata: ["sessions": "\(count)"])
        try? await serverChannel.channel.close()
        registry.shutdown()
    }

    public var activeSessions: Int {
        get async { registry.count }
    }
}
