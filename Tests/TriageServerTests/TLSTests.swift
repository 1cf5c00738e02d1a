import Foundation
import NIOSSL
import Testing
import TriageBooking
import TriageCore
@testable import TriageServer

/// Certificates made at test time with openssl: a CA, a server certificate for 127.0.0.1 and a kiosk certificate.
struct TestPKI {
    let dir: URL
    private static let directory = FileManager.default.temporaryDirectory.appendingPathComponent("triage-pki-\(UUID().uuidString)")
    var ca: String { dir.appendingPathComponent("ca.pem").path }
    var serverCert: String { dir.appendingPathComponent("server.pem").path }
    var serverKey: String { dir.appendingPathComponent("server.key").path }
    var clientCert: String { dir.appendingPathComponent("client.pem").path }
    var clientKey: String { dir.appendingPathComponent("client.key").path }

    /// The certificates of this test run: made once (three RSA keys take a while), removed when the process exits.
    static func make() throws -> TestPKI { try shared.get() }

    private static let shared = Result { try generate() }

    private static func generate() throws -> TestPKI {
        let dir = directory
        if ProcessInfo.processInfo.environment["TRIAGE_KEEP_TEST_FILES"] != "1" {
            atexit { try? FileManager.default.removeItem(at: TestPKI.directory) }
        }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = """
        set -e
        openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=triage-test-ca 2>/dev/null
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext
        openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=localhost 2>/dev/null
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile san.ext 2>/dev/null
        openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj /CN=kiosk-1 2>/dev/null
        openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 2 2>/dev/null
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = dir
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
        return TestPKI(dir: dir)
    }

    func clientConfiguration(withCertificate: Bool) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .file(ca)
        if withCertificate {
            configuration.certificateChain = try NIOSSLCertificate.fromPEMFile(clientCert).map { .certificate($0) }
            configuration.privateKey = .privateKey(try NIOSSLPrivateKey(file: clientKey, format: .pem))
        }
        return configuration
    }
}

@Suite("TLS for kiosks", .serialized)
struct TLSTests {
    func conversation(port: Int, tls: TLSConfiguration) async throws -> [String] {
        try await LineClient.withConnection(host: "127.0.0.1", port: port, tls: tls, serverHostname: "localhost") { client in
            var lines = try await client.readTurn().lines
            try await client.send("I can't pee")
            lines += try await client.readTurn().lines
            return lines
        }
    }

    @Test func tlsSessionWorks() async throws {
        let pki = try TestPKI.make()
        let running = try await RunningServer.start(ServerConfiguration(tls: .init(certificatePath: pki.serverCert, keyPath: pki.serverKey)))
        let lines = try await conversation(port: running.port, tls: try pki.clientConfiguration(withCertificate: false))
        #expect(lines.contains { $0.contains("Remember: call 911 now") })
        try await running.stop()
    }

    @Test func tlsAllowsANetworkAddress() async throws {
        let pki = try TestPKI.make()
        let running = try await RunningServer.start(ServerConfiguration(host: "0.0.0.0", tls: .init(certificatePath: pki.serverCert, keyPath: pki.serverKey)))
        #expect(running.port > 0)
        try await running.stop()
    }

    @Test func plaintextClientGetsNothingUseful() async throws {
        let pki = try TestPKI.make()
        let running = try await RunningServer.start(ServerConfiguration(tls: .init(certificatePath: pki.serverCert, keyPath: pki.serverKey)))
        let socket = try RawSocket(port: running.port)
        await socket.send("lower back\n")
        let reply = await socket.readToEnd()
        #expect(!reply.contains("Where is your pain"))
        socket.close()
        try await running.stop()
    }

    @Test func clientCertificateRequiredWhenConfigured() async throws {
        let pki = try TestPKI.make()
        let running = try await RunningServer.start(ServerConfiguration(
            tls: .init(certificatePath: pki.serverCert, keyPath: pki.serverKey, clientCAPath: pki.ca)))
        let withCertificate = try await conversation(port: running.port, tls: try pki.clientConfiguration(withCertificate: true))
        #expect(withCertificate.contains { $0.contains("Remember: call 911 now") })
        await #expect(throws: (any Error).self) {
            _ = try await conversation(port: running.port, tls: try pki.clientConfiguration(withCertificate: false))
        }
        try await running.stop()
    }

    @Test func badCertificatePathIsAClearError() async throws {
        let logs = LogCapture()
        await #expect(throws: TriageServer.StartError.self) {
            _ = try await TriageServer(configuration: ServerConfiguration(port: 0, tls: .init(certificatePath: "/no/cert.pem", keyPath: "/no/key.pem")),
                                       spec: try Repo.spec(), bookings: BookingService(sink: MemoryBookingSink(), logger: logs.logger()),
                                       logger: logs.logger())
        }
    }
}
