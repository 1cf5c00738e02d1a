/// A typed answer to a question.
public enum Answer: Sendable, Equatable, Hashable {
    case choice(String)
    case choices([String])
    case yesNo(Bool)
    case number(Int)
    case text(String)
    /// An optional text question the person skipped.
    case skipped

    /// The machine-readable value: choice ids, "yes"/"no", digits, the text.
    public var raw: String {
        switch self {
        case .choice(let id): id
        case .choices(let ids): ids.joined(separator: ",")
        case .yesNo(let yes): yes ? "yes" : "no"
        case .number(let n): String(n)
        case .text(let text): text
        case .skipped: ""
        }
    }
}

/// The answers given so far, by slot.
public struct Answers: Sendable, Equatable {
    public private(set) var values: [String: Answer] = [:]
    public init(_ values: [String: Answer] = [:]) { self.values = values }
    /// Room for `capacity` answers: a conversation that reserves it at its first answer never regrows (and
    /// rehashes) them, and one that never answers (an idle kiosk) holds no storage.
    public mutating func reserveCapacity(_ capacity: Int) { values.reserveCapacity(capacity) }

    public subscript(slot: String) -> Answer? {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// Set means answered with something other than "skip".
    public func isSet(_ slot: String) -> Bool {
        guard let value = values[slot] else { return false }
        return value != .skipped
    }
}
