import Foundation
import Logging
import NIOCore
import NIOPosix
import Testing
import TriageBooking
import TriageCore
@testable import TriageServer

enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func spec(_ name: String = "back-strain") throws -> DialogSpec {
        let text = try String(contentsOf: root.appendingPathComponent("Dialogs/\(name).yaml"), encoding: .utf8)
        switch SpecLoader.load(text, file: name) {
        case .success(let spec): return spec
        case .failure(let errors): throw errors
        }
    }

    /// The `> ` inputs of a transcript.
    static func inputs(_ transcript: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("transcripts/\(transcript)"), encoding: .utf8)
            .split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
    }
}

/// Captures every log line so tests can check what the server logs (and that it never logs answers).
final class LogCapture: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "test") { _ in CaptureHandler(capture: self) }
        logger.logLevel = level
        return logger
    }

    struct CaptureHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let merged = metadata.merging(event.metadata ?? [:]) { $1 }
            capture.append("\(event.level) \(event.message) \(merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
    }
}

/// A running server on 127.0.0.1:0 for one test.
struct RunningServer {
    let server: TriageServer
    let task: Task<Void, Error>
    let sink: MemoryBookingSink
    let logs: LogCapture
    var port: Int { server.port! }

    static func start(_ configuration: ServerConfiguration = ServerConfiguration(port: 0), dialog: String = "back-strain",
                      sink: MemoryBookingSink = MemoryBookingSink()) async throws -> RunningServer {
        var configuration = configuration
        configuration.port = 0
        let logs = LogCapture()
        let server = try await TriageServer(configuration: configuration, spec: try Repo.spec(dialog),
                                            bookings: BookingService(sink: sink, logger: logs.logger()), logger: logs.logger())
        let task = Task { try await server.serve() }
        return RunningServer(server: server, task: task, sink: sink, logs: logs)
    }

    func stop() async throws {
        await server.shutdown()
        try await task.value
    }

    /// Replays inputs turn by turn; returns every line the server printed.
    func converse(_ inputs: [String], wire: ServerConfiguration.WireProtocol = .text) async throws -> [String] {
        try await LineClient.withConnection(host: "127.0.0.1", port: port, wire: wire) { client in
            var lines = try await client.readTurn().lines
            for input in inputs {
                try await client.send(input)
                let turn = try await client.readTurn()
                lines += turn.lines
                if turn.ended { break }
            }
            return lines
        }
    }
}

/// A raw TCP socket for sending exactly the bytes a misbehaving client would.
final class RawSocket: @unchecked Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { throw POSIXError(.ECONNREFUSED) }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Blocking socket calls run on their own threads: on 2 cores the cooperative pool that runs the server
    /// has only 2 threads, and a blocked test thread would starve it.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }

    func send(_ bytes: [UInt8]) async {
        await Self.offload { self.sendBlocking(bytes) }
    }

    func send(_ text: String) async { await send(Array(text.utf8)) }

    func read(until marker: String) async -> String {
        await Self.offload { self.readBlocking(until: marker) }
    }

    func readToEnd() async -> String { await read(until: "\u{0}\u{0}never") }

    func sendBlocking(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads until `marker` appears (or the connection closes / 20 s pass); returns everything read.
    func readBlocking(until marker: String) -> String {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !String(decoding: data, as: UTF8.self).contains(marker) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Drops the connection with a reset (as a kiosk that loses power or network does), not a polite close.
    func reset() {
        var linger = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
        Glibc.close(fd)
    }

    /// Closes our sending side only, as a kiosk that hangs up after its last line does; we can still read.
    func finishSending() { Glibc.shutdown(fd, Int32(SHUT_WR)) }

    func close() { Glibc.close(fd) }
}
