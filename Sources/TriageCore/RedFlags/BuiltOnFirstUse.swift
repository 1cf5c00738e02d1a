import Synchronization

/// A value worked out the first time it is needed and shared from then on, by every copy of the value holding it
/// and every thread. For indexes a spec needs only when conversations run, so that loading and linting a dialog do
/// not pay for them.
///
/// Once built it is read without the lock (every line typed reads the interrupt patterns; the lock was ≈ 1 % of the
/// engine's time): `stored` is written once, under the lock, before `ready` is set with release ordering, and read
/// only after `ready` is seen set with acquire ordering.
final class BuiltOnFirstUse<Value: Sendable>: @unchecked Sendable {
    private let build: @Sendable () -> Value
    private let lock = Mutex<Void>(())
    private let ready = Atomic<Bool>(false)
    private nonisolated(unsafe) var stored: Value?

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    var value: Value {
        if ready.load(ordering: .acquiring) { return stored.unsafelyUnwrapped }
        return lock.withLock { _ in
            if let stored { return stored }
            let value = build()
            stored = value
            ready.store(true, ordering: .releasing)
            return value
        }
    }
}
