import Foundation
import Logging
import NIOPosix
import TriageBooking
import TriageCore

/// The one booking sink all sessions share. Writes happen one at a time on a thread pool (never on the event
/// loop or the cooperative pool); a session is told "stored" only after its write returned.
public actor BookingService {
    let sink: BookingSink
    let logger: Logger
    private(set) var pending = 0

    public init(sink: BookingSink, logger: Logger) {
        self.sink = sink
        self.logger = logger
    }

    public func store(_ draft: BookingDraft, source: String, session: String) async -> Input {
        let request = draft.finalize(source: source)
        let sink = self.sink
        pending += 1
        defer { pending -= 1 }
        let started = ContinuousClock.now
        do {
            try await NIOThreadPool.singleton.runIfActive { try sink.store(request) }
            logger.info("booking stored", metadata: ["session": "\(session)", "booking": "\(request.id)",
                                                     "ms": "\(started.duration(to: .now).milliseconds)"])
            return .bookingStored(id: request.id)
        } catch {
            // The error text comes from the store (paths, SQLite codes), never from the person's answers.
            logger.error("booking could not be stored", metadata: ["session": "\(session)", "error": "\(error)"])
            return .bookingFailed(reason: "\(error)")
        }
    }
}

extension Duration {
    var milliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
