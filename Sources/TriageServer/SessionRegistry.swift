import NIOCore
import Synchronization

/// Tracks live sessions so the server can enforce `--max-sessions` and shut down politely: a session in the
/// middle of a turn (a booking write included) finishes it before it is told the service is closing.
///
/// A mutex rather than an actor: every turn marks itself twice, and a lock held for a dictionary write is far
/// cheaper than two hops to an actor's executor.
final class SessionRegistry: Sendable {
    struct Entry {
        var channel: Channel
        var goodbye: ByteBuffer
        var inTurn = false
    }

    private struct State {
        var sessions: [Int: Entry] = [:]
        var nextID = 0
        var closing = false
    }

    private let state = Mutex(State())
    let maxSessions: Int

    init(maxSessions: Int) { self.maxSessions = maxSessions }

    var count: Int { state.withLock { $0.sessions.count } }
    var closing: Bool { state.withLock { $0.closing } }

    /// A session id, or nil when full or shutting down.
    func admit(_ channel: Channel, goodbye: ByteBuffer) -> Int? {
        state.withLock { state in
            guard !state.closing, state.sessions.count < maxSessions else { return nil }
            state.nextID += 1
            state.sessions[state.nextID] = Entry(channel: channel, goodbye: goodbye)
            return state.nextID
        }
    }

    func remove(_ id: Int) { state.withLock { _ = $0.sessions.removeValue(forKey: id) } }

    /// False when the service is closing: the session must say goodbye instead of starting the turn.
    func beginTurn(_ id: Int) -> Bool {
        state.withLock { state in
            guard !state.closing else { return false }
            state.sessions[id]?.inTurn = true
            return true
        }
    }

    /// True when the service started closing during the turn.
    func endTurn(_ id: Int) -> Bool {
        state.withLock { state in
            state.sessions[id]?.inTurn = false
            return state.closing
        }
    }

    /// Stops admitting sessions. Idle sessions have their input closed, so their own task says goodbye and
    /// ends; busy ones finish their turn (a booking write included) first.
    func shutdown() {
        let idle: [Entry] = state.withLock { state in
            state.closing = true
            return state.sessions.values.filter { !$0.inTurn }
        }
        // Channel operations outside the lock: they may run handlers synchronously.
        for entry in idle {
            let channel = entry.channel
            let goodbye = entry.goodbye
            channel.close(mode: .input).whenFailure { _ in
                // Transports that cannot half-close (TLS): say goodbye here and close.
                channel.writeAndFlush(goodbye).whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
