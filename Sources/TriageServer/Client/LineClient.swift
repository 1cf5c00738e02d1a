import NIOCore
import NIOPosix
import NIOSSL

/// A client for `triage serve`: sends lines and reads whole assistant turns (up to the text protocol's `> `
/// prompt, or a JSON `ask`/`end`). Used by `triage test --via tcp`, `triage connect`, `triage load` and tests.
public final class LineClient: @unchecked Sendable {
    let channel: Channel
    var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    let wire: ServerConfiguration.WireProtocol
    var pending: [UInt8] = []
    public private(set) var closed = false

    public struct Turn: Sendable, Equatable {
        /// The lines of the turn, without the prompt.
        public var lines: [String]
        /// The server closed the connection after this turn.
        public var ended: Bool
    }

    /// Connects, runs `body` with the client, then closes the connection.
    public static func withConnection<Result: Sendable>(
        host: String, port: Int, wire: ServerConfiguration.WireProtocol = .text, tls: TLSConfiguration? = nil,
        serverHostname: String? = nil, group: MultiThreadedEventLoopGroup = .singleton,
        _ body: (LineClient) async throws -> Result
    ) async throws -> Result {
        try await withConnection(to: .hostAndPort(host, port), wire: wire, tls: tls, serverHostname: serverHostname, group: group, body)
    }

    /// Where to connect: a name to resolve on every connection, or an address resolved once (a load generator
    /// opening thousands of connections should not resolve the same name for each).
    public enum Target: Sendable {
        case hostAndPort(String, Int)
        case address(SocketAddress)
    }

    public static func withConnection<Result: Sendable>(
        to target: Target, wire: ServerConfiguration.WireProtocol = .text, tls: TLSConfiguration? = nil,
        serverHostname: String? = nil, group: MultiThreadedEventLoopGroup = .singleton,
        _ body: (LineClient) async throws -> Result
    ) async throws -> Result {
        let sslContext = try tls.map { try NIOSSLContext(configuration: $0) }
        let bootstrap = ClientBootstrap(group: group).channelOption(.allowRemoteHalfClosure, value: true)
        let initialize: @Sendable (Channel) -> EventLoopFuture<NIOAsyncChannel<ByteBuffer, ByteBuffer>> = { channel in
            channel.eventLoop.makeCompletedFuture {
                if let sslContext {
                    try channel.pipeline.syncOperations.addHandler(
                        try NIOSSLClientHandler(context: sslContext, serverHostname: serverHostname))
                }
                return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel,
                                                                   configuration: .init(isOutboundHalfClosureEnabled: true))
            }
        }
        let channel = switch target {
        case .hostAndPort(let host, let port): try await bootstrap.connect(host: host, port: port, channelInitializer: initialize)
        case .address(let address): try await bootstrap.connect(to: address, channelInitializer: initialize)
        }
        return try await channel.executeThenClose { inbound, outbound in
            try await body(LineClient(channel: channel.channel, iterator: inbound.makeAsyncIterator(), outbound: outbound, wire: wire))
        }
    }

    init(channel: Channel, iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator,
         outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>, wire: ServerConfiguration.WireProtocol) {
        self.channel = channel
        self.iterator = iterator
        self.outbound = outbound
        self.wire = wire
    }

    public func send(_ line: String) async throws {
        try await outbound.write(ByteBuffer(string: line + "\n"))
    }

    public func sendRaw(_ bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    /// Closes our sending side (the server sees end of input) but keeps reading.
    public func finishSending() {
        outbound.finish()
    }

    /// Reads until the end of the assistant's turn or the end of the connection.
    public func readTurn() async throws -> Turn {
        while true {
            if let boundary = turnBoundary() {
                let text = String(decoding: pending[..<boundary.text], as: UTF8.self)
                pending.removeFirst(boundary.consumed)
                return Turn(lines: Self.split(text), ended: boundary.ended)
            }
            guard let buffer = try await iterator.next() else {
                closed = true
                let text = String(decoding: pending, as: UTF8.self)
                pending = []
                return Turn(lines: Self.split(text), ended: true)
            }
            pending += buffer.readableBytesView
        }
    }

    /// Waits for the end of the assistant's turn without decoding its text (for load testing, where only the
    /// timing matters). Returns whether the conversation ended.
    public func skipTurn() async throws -> Bool {
        while true {
            if let boundary = turnBoundary() {
                pending.removeFirst(boundary.consumed)
                return boundary.ended
            }
            guard let buffer = try await iterator.next() else {
                closed = true
                pending = []
                return true
            }
            pending += buffer.readableBytesView
        }
    }

    /// Reads one line (for `--raw` load testing against any line server).
    public func readLine() async throws -> String? {
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                return line
            }
            guard let buffer = try await iterator.next() else { return nil }
            pending += buffer.readableBytesView
        }
    }

    /// Where the pending bytes complete a turn: how many bytes are its text (before the text protocol's prompt,
    /// or every JSON line up to the `ask`/`end` one) and how many the turn consumed; nil while it is incomplete.
    private func turnBoundary() -> (text: Int, consumed: Int, ended: Bool)? {
        switch wire {
        case .text:
            let prompt = Self.promptBytes
            guard pending.count >= prompt.count, pending[(pending.count - prompt.count)...].elementsEqual(prompt),
                  pending.count == prompt.count || pending[pending.count - prompt.count - 1] == UInt8(ascii: "\n") else { return nil }
            return (pending.count - prompt.count, pending.count, false)
        case .json:
            // A turn ends with an `ask` (waiting for the person) or an `end` message.
            var start = 0
            for index in pending.indices where pending[index] == UInt8(ascii: "\n") {
                let line = pending[start..<index]
                start = index + 1
                if line.starts(with: Self.askPrefix) { return (index, start, false) }
                if line.starts(with: Self.endPrefix) { return (index, start, true) }
            }
            return nil
        }
    }

    static let promptBytes = Array(ServerConfiguration.prompt.utf8)
    static let askPrefix = Array(#"{"type":"ask""#.utf8)
    static let endPrefix = Array(#"{"type":"end""#.utf8)

    static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Closes the connection at once (without waiting for the server).
    public func close() async {
        closed = true
        try? await channel.close()
    }
}
