import Foundation
import TriageCore

/// Where booking requests go. `store` returns only after the request is durably committed;
/// the person is told "stored" only after it returns.
public protocol BookingSink: Sendable {
    func store(_ request: BookingRequest) throws
    /// Every stored request, oldest first.
    func all() throws -> [BookingRequest]
}

public struct BookingStoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public enum BookingJSON {
    /// The stored document (one line); `pretty` is for people reading it (`triage bookings show`).
    public static func encode(_ request: BookingRequest, pretty: Bool = false) throws -> Data {
        // The same bytes as the encoder below without pretty printing, at a fraction of the cost (see the writer).
        guard pretty else { return Data(BookingJSONWriter.encode(request).utf8) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(request)
    }

    public static func decode(_ data: Data) throws -> BookingRequest {
        try JSONDecoder().decode(BookingRequest.self, from: data)
    }
}

extension BookingDraft {
    /// Gives the draft a fresh UUID and the current UTC time.
    public func finalize(source: String, now: Date = Date()) -> BookingRequest {
        finalize(id: UUID().uuidString.lowercased(), createdAt: ISO8601.string(now), source: source)
    }
}

public enum ISO8601 {
    /// "2026-11-25T18:15:23.775Z". A format style, not an `ISO8601DateFormatter`: creating a formatter costs
    /// ≈ 130 µs (ICU), which was 5 % of the server's CPU under load; the style is a value and takes < 1 µs.
    public static func string(_ date: Date) -> String {
        date.formatted(style)
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)

    public static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate]
        return formatter.date(from: text)
    }
}
