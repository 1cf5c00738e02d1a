import TriageCore

/// How `triage serve` listens and protects itself.
public struct ServerConfiguration: Sendable {
    public enum WireProtocol: String, Sendable, CaseIterable {
        /// UTF-8 lines for people and telnet/netcat; every assistant turn ends with the prompt `> `.
        case text
        /// One JSON object per line (docs/protocol.md); an `ask` or `end` message ends the turn.
        case json
    }

    public struct TLS: Sendable {
        public var certificatePath: String
        public var keyPath: String
        /// When set, only clients presenting a certificate signed by this CA are accepted.
        public var clientCAPath: String?
        public init(certificatePath: String, keyPath: String, clientCAPath: String? = nil) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
            self.clientCAPath = clientCAPath
        }
    }

    public var host: String
    public var port: Int
    public var wireProtocol: WireProtocol
    public var maxSessions: Int
    public var idleTimeoutSeconds: Int64
    public var maxLineBytes: Int
    public var emergencyNumber: String?
    public var tls: TLS?

    public init(host: String = "127.0.0.1", port: Int = 4848, wireProtocol: WireProtocol = .text, maxSessions: Int = 1000,
                idleTimeoutSeconds: Int64 = 300, maxLineBytes: Int = 4096, emergencyNumber: String? = nil, tls: TLS? = nil) {
        self.host = host
        self.port = port
        self.wireProtocol = wireProtocol
        self.maxSessions = maxSessions
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maxLineBytes = maxLineBytes
        self.emergencyNumber = emergencyNumber
        self.tls = tls
    }

    /// The prompt that ends every assistant turn in the text protocol.
    public static let prompt = "> "

    /// Loopback addresses are the only ones served without TLS unless explicitly allowed.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
