import NIOCore

/// Tracks live sessions so the server can enforce `--max-sessions` and shut down politely: a session in the
/// middle of a turn (a booking write included) finishes it before it is told the service is closing.
actor SessionRegistry {
    struct Entry {
        var channel: Channel
        var goodbye: ByteBuffer
        var inTurn = false
    }

    private var sessions: [Int: Entry] = [:]
    private var nextID = 0
    private(set) var closing = false
    let maxSessions: Int

    init(maxSessions: Int) { self.maxSessions = maxSessions }

    var count: Int { sessions.count }

    /// A session id, or nil when full or shutting down.
    func admit(_ channel: Channel, goodbye: ByteBuffer) -> Int? {
        guard !closing, sessions.count < maxSessions else { return nil }
        nextID += 1
        sessions[nextID] = Entry(channel: channel, goodbye: goodbye)
        return nextID
    }

    func remove(_ id: Int) { sessions[id] = nil }

    /// False when the service is closing: the session must say goodbye instead of starting the turn.
    func beginTurn(_ id: Int) -> Bool {
        guard !closing else { return false }
        sessions[id]?.inTurn = true
        return true
    }

    /// True when the service started closing during the turn.
    func endTurn(_ id: Int) -> Bool {
        sessions[id]?.inTurn = false
        return closing
    }

    /// Stops admitting sessions. Idle sessions have their input closed, so their own task says goodbye and
    /// ends; busy ones finish their turn (a booking write included) first.
    func shutdown() {
        closing = true
        for (_, entry) in sessions where !entry.inTurn {
            let channel = entry.channel
            let goodbye = entry.goodbye
            channel.close(mode: .input).whenFailure { _ in
                // Transports that cannot half-close (TLS): say goodbye here and close.
                channel.writeAndFlush(goodbye).whenComplete { _ in channel.close(promise: nil) }
            }
        }
    }
}
