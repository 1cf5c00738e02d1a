import Foundation
import TriageCore

/// Appends one JSON document per line and fsyncs before returning.
public final class JSONLinesBookingSink: BookingSink {
    public let path: String
    private let lock = NSLock()

    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BookingStoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
        close(fd)
    }

    public func store(_ request: BookingRequest) throws {
        guard !request.disposition.forbidsBooking else {
            throw BookingStoreError("refusing to store a booking for an \(request.disposition.rawValue) case")
        }
        var data = try BookingJSON.encode(request)
        data.append(0x0A)
        try lock.withLock {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw BookingStoreError("cannot open \(path): \(String(cString: strerror(errno)))") }
            defer { close(fd) }
            try data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        throw BookingStoreError("could not write \(path): \(String(cString: strerror(errno)))")
                    }
                    offset += written
                }
            }
            guard fsync(fd) == 0 else { throw BookingStoreError("could not sync \(path): \(String(cString: strerror(errno)))") }
        }
    }

    public func all() throws -> [BookingRequest] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var result: [BookingRequest] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            do { result.append(try BookingJSON.decode(Data(line))) } catch {
                throw BookingStoreError("\(path):\(index + 1): not a booking request")
            }
        }
        return result
    }
}

/// Prints each request as one JSON line on standard output (for piping into another program).
public final class StdoutBookingSink: BookingSink {
    private let lock = NSLock()
    public init() {}
    public func store(_ request: BookingRequest) throws {
        let data = try BookingJSON.encode(request)
        lock.withLock {
            FileHandle.standardOutput.write(data + Data([0x0A]))
        }
    }
    public func all() throws -> [BookingRequest] { [] }
}

/// Keeps requests in memory: for transcript tests and programs that don't persist.
public final class MemoryBookingSink: BookingSink, @unchecked Sendable {
    private let lock = NSLock()
    private var requests: [BookingRequest] = []
    public init() {}
    public func store(_ request: BookingRequest) throws {
        guard !request.disposition.forbidsBooking else {
            throw BookingStoreError("refusing to store a booking for an \(request.disposition.rawValue) case")
        }
        lock.withLock { requests.append(request) }
    }
    public func all() throws -> [BookingRequest] { lock.withLock { requests } }
}
