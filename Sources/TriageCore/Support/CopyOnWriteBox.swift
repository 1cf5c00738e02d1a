/// A value stored behind one reference, copied only when written while shared: large spec values
/// (nodes, questions) are read on every turn, and copying them field by field would retain every field.
struct CopyOnWriteBox<Value: Sendable & Equatable>: Sendable, Equatable {
    private final class Storage: @unchecked Sendable {
        // Only mutated while uniquely referenced (see `value`'s setter), so sharing it across tasks is safe.
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    private var storage: Storage

    init(_ value: Value) { storage = Storage(value) }

    var value: Value {
        get { storage.value }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.value) }
            yield &storage.value
        }
    }

    static func == (lhs: Self, rhs: Self) -> Bool { lhs.storage === rhs.storage || lhs.storage.value == rhs.storage.value }
}
