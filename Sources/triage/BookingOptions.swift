import ArgumentParser
import Foundation
import TriageBooking

enum SinkKind: String, ExpressibleByArgument, CaseIterable {
    case sqlite, jsonl, stdout
}

/// Where booking requests are stored; shared by `chat`, `serve` and `bookings`.
struct BookingOptions: ParsableArguments {
    @Option(name: .long, help: "Bookings store (default: $XDG_DATA_HOME/triage/bookings.sqlite). A .jsonl path selects JSON Lines.")
    var bookings: String?

    @Option(name: .long, help: "Booking sink: sqlite (default), jsonl or stdout.")
    var sink: SinkKind?

    var resolvedKind: SinkKind {
        if let sink { return sink }
        if let bookings, bookings.hasSuffix(".jsonl") { return .jsonl }
        return .sqlite
    }

    var resolvedPath: String {
        if let bookings { return bookings }
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (env["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        let ext = resolvedKind == .jsonl ? "jsonl" : "sqlite"
        return "\(base)/triage/bookings.\(ext)"
    }

    func makeSink() throws -> BookingSink {
        switch resolvedKind {
        case .sqlite: return try SQLiteBookingSink(path: resolvedPath)
        case .jsonl:
            let path = resolvedPath
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return try JSONLinesBookingSink(path: path)
        case .stdout: return StdoutBookingSink()
        }
    }
}
