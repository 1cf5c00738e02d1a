import NIOCore
import Synchronization

/// Tracks live sessions so the server can enforce `--max-sessions` and shut down politely.
///
/// Shutting down sends every session a `ServiceClosing` event through its pipeline, on its own event loop: the
/// session finishes the turn in progress (a booking write included), answers nothing more, says the service is
/// closing and closes. The same event works for TLS, which cannot close only the input side of a connection.
final class SessionRegistry: Sendable {
    /// Sent through a session's pipeline when the service starts closing.
    struct ServiceClosing: Sendable {}

    private struct State {
        var sessions: [Int: Channel] = [:]
        var nextID = 0
        var closing = false
    }

    private let state = Mutex(State())
    /// `state.closing`, readable without the lock: every turn of every session checks it.
    private let closingFlag = Atomic(false)
    let maxSessions: Int

    init(maxSessions: Int) { self.maxSessions = maxSessions }

    var count: Int { state.withLock { $0.sessions.count } }
    var closing: Bool { closingFlag.load(ordering: .acquiring) }

    /// A session id, or nil when full or shutting down.
    func admit(_ channel: Channel) -> Int? {
        state.withLock { state in
            guard !state.closing, state.sessions.count < maxSessions else { return nil }
            state.nextID += 1
            state.sessions[state.nextID] = channel
            return state.nextID
        }
    }

    func remove(_ id: Int) { state.withLock { _ = $0.sessions.removeValue(forKey: id) } }

    /// Stops admitting sessions and tells every live one the service is closing.
    func shutdown() {
        let channels: [Channel] = state.withLock { state in
            state.closing = true
            closingFlag.store(true, ordering: .releasing)
            return Array(state.sessions.values)
        }
        // Outside the lock: the event is delivered on each channel's event loop.
        for channel in channels { channel.pipeline.fireUserInboundEventTriggered(ServiceClosing()) }
    }

    /// Closes every session at once (the server task was cancelled). Booking writes already started still finish.
    func closeAll() {
        let channels: [Channel] = state.withLock { state in
            state.closing = true
            closingFlag.store(true, ordering: .releasing)
            return Array(state.sessions.values)
        }
        for channel in channels { channel.close(promise: nil) }
    }
}
