import Foundation
import Testing

/// Runs the built `triage` executable, as a person or a script would.
enum CLI {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        // The test bundle sits next to the products of the same build.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [products.appendingPathComponent("triage"), products.deletingLastPathComponent().appendingPathComponent("triage")] {
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/triage")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast(stdout.hasSuffix("\n") ? 1 : 0) }
    }

    /// Runs `triage ARGS` with `input` on stdin; gives up after `timeout` seconds (then the test fails, never hangs).
    /// With `keepInputOpen`, stdin is closed only after the process exited, as a caller holding the pipe would.
    static func run(_ arguments: [String], input: String = "", environment: [String: String] = [:], timeout: TimeInterval = 60,
                    directory: URL? = nil, keepInputOpen: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let outBox = DataBox(), errBox = DataBox()
        let group = DispatchGroup()
        for (pipe, box) in [(stdout, outBox), (stderr, errBox)] {
            group.enter()
            DispatchQueue.global().async {
                box.data = pipe.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        if !keepInputOpen { try? stdin.fileHandleForWriting.close() }
        defer { if keepInputOpen { try? stdin.fileHandleForWriting.close() } }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw TimeoutError(arguments: arguments)
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outBox.data, as: UTF8.self),
                      stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    struct TimeoutError: Error { var arguments: [String] }
    final class DataBox: @unchecked Sendable { var data = Data() }

    /// A fresh directory for one test's files, inside this run's folder (see `TestRun`).
    static func temporaryDirectory() throws -> URL {
        let url = TestRun.directory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Inputs for a complete booking through the shipped back-strain dialog, taken from its booking transcript.
    static func bookingInputs() throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("transcripts/01-lower-back-lifting-booking.transcript"), encoding: .utf8)
        return text.split(separator: "\n").filter { $0.hasPrefix("> ") }.map { String($0.dropFirst(2)) }
    }
}
