import Synchronization

/// A value worked out the first time it is needed and shared from then on, by every copy of the value holding it
/// and every thread. For indexes a spec needs only when conversations run, so that loading and linting a dialog do
/// not pay for them.
final class BuiltOnFirstUse<Value: Sendable>: Sendable {
    private let build: @Sendable () -> Value
    private let built = Mutex<Value?>(nil)

    init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    var value: Value {
        built.withLock { stored in
            if let stored { return stored }
            let value = build()
            stored = value
            return value
        }
    }
}
