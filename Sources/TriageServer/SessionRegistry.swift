import NIOCore
import Synchronization

/// Tracks live sessions so the server can enforce `--max-sessions`, shut down politely, and know when the last
/// session has finished (its connection closed and no booking write pending).
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
        /// Admitted sessions not finished yet: connected, or closed with a booking write still pending.
        var unfinished = 0
        var whenAllFinished: [CheckedContinuation<Void, Never>] = []
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
            state.unfinished += 1
            return state.nextID
        }
    }

    /// The session's connection is gone (it no longer counts towards `--max-sessions`).
    func remove(_ id: Int) { state.withLock { _ = $0.sessions.removeValue(forKey: id) } }

    /// The session is over: its connection is gone and no booking write is pending. Called once per admitted session.
    func sessionFinished() {
        let waiting: [CheckedContinuation<Void, Never>] = state.withLock { state in
            state.unfinished -= 1
            guard state.unfinished == 0 else { return [] }
            defer { state.whenAllFinished = [] }
            return state.whenAllFinished
        }
        for continuation in waiting { continuation.resume() }
    }

    /// Returns once no admitted session is unfinished.
    func allFinished() async {
        await withCheckedContinuation { continuation in
            let now: Bool = state.withLock { state in
                if state.unfinished == 0 { return true }
                state.whenAllFinished.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
    }

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
