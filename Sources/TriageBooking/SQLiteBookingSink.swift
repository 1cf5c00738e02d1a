import Foundation
import GRDB
import TriageCore

/// The default sink: a SQLite outbox (WAL, synchronous=FULL, file mode 0600).
public final class SQLiteBookingSink: BookingSink {
    private let queue: DatabaseQueue
    public let path: String

    /// Opens or creates the store; fails now (not at booking time) if it is unwritable or corrupt.
    /// `maxPageCount` limits the file size; tests use it to simulate a full disk.
    public init(path: String, maxPageCount: Int? = nil) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        // Create the file ourselves so it is private from the first byte (it holds health information).
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw BookingStoreError("cannot open bookings store \(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        var config = Configuration()
        config.busyMode = .timeout(5)
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let maxPageCount { _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(maxPageCount)") }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                let check = try String.fetchOne(db, sql: "PRAGMA quick_check") ?? "?"
                guard check == "ok" else { throw BookingStoreError("bookings store \(path) is damaged: \(check)") }
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS booking_requests (
                        id TEXT PRIMARY KEY NOT NULL,
                        created_at TEXT NOT NULL,
                        dialog_id TEXT NOT NULL,
                        disposition TEXT NOT NULL,
                        document TEXT NOT NULL
                    )
                    """)
                // Proves the file is writable now rather than when a person is waiting.
                try db.execute(sql: "CREATE TABLE IF NOT EXISTS store_info (key TEXT PRIMARY KEY, value TEXT)")
                try db.execute(sql: "INSERT OR REPLACE INTO store_info (key, value) VALUES ('schema', ?)", arguments: [BookingRequest.schemaID])
            }
        } catch let error as BookingStoreError {
            throw error
        } catch {
            throw BookingStoreError("cannot use bookings store \(path): \(Self.describe(error))")
        }
    }

    public func store(_ request: BookingRequest) throws {
        guard !request.disposition.forbidsBooking else {
            throw BookingStoreError("refusing to store a booking for an \(request.disposition.rawValue) case")
        }
        let document = String(decoding: try BookingJSON.encode(request), as: UTF8.self)
        do {
            try queue.write { db in
                try db.execute(
                    sql: "INSERT INTO booking_requests (id, created_at, dialog_id, disposition, document) VALUES (?, ?, ?, ?, ?)",
                    arguments: [request.id, request.createdAt, request.dialog.id, request.disposition.rawValue, document])
            }
        } catch {
            throw BookingStoreError("could not store booking request: \(Self.describe(error))")
        }
    }

    public func all() throws -> [BookingRequest] {
        do {
            return try queue.read { db in
                try String.fetchAll(db, sql: "SELECT document FROM booking_requests ORDER BY created_at, rowid")
            }.map { try BookingJSON.decode(Data($0.utf8)) }
        } catch {
            throw BookingStoreError("cannot read bookings store \(path): \(Self.describe(error))")
        }
    }

    static func describe(_ error: Error) -> String {
        if let db = error as? DatabaseError { return db.message ?? "\(db.resultCode)" }
        return "\(error)"
    }
}
