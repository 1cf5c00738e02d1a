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

/// The slots of one dialog, numbered once when its spec is built: a conversation keeps its answers in an array
/// by number, so conditions, the summary and the booking request read them without hashing slot names.
public final class SlotTable: Sendable {
    public let names: [String]
    let numbers: [String: Int]

    public init(names: [String]) {
        var numbers: [String: Int] = [:]
        var unique: [String] = []
        for name in names where numbers[name] == nil {
            numbers[name] = unique.count
            unique.append(name)
        }
        self.names = unique
        self.numbers = numbers
    }

    public func number(of slot: String) -> Int? { numbers[slot] }

    static let empty = SlotTable(names: [])
}

/// The answers given so far, by slot.
public struct Answers: Sendable, Equatable {
    public let table: SlotTable
    /// By slot number; empty until the first answer (an idle kiosk holds no storage), then one entry per slot.
    private var numbered: [Answer?] = []
    /// Answers to slots the table does not name (only set through the name subscript; a dialog's own
    /// conversation never has any).
    private var unnumbered: [String: Answer] = [:]

    public init(table: SlotTable) { self.table = table }

    /// Answers by name only (the lint's walk search builds one per state it tests: no table to build).
    public init(_ values: [String: Answer] = [:]) {
        table = .empty
        unnumbered = values
    }

    /// Every answer, by slot name.
    public var values: [String: Answer] {
        var values = unnumbered
        for (number, answer) in numbered.enumerated() {
            if let answer { values[table.names[number]] = answer }
        }
        return values
    }

    public var isEmpty: Bool { !numbered.contains { $0 != nil } && unnumbered.isEmpty }

    public subscript(number: Int) -> Answer? {
        get { number < numbered.count ? numbered[number] : nil }
        set {
            if numbered.isEmpty {
                guard newValue != nil else { return }
                numbered = Array(repeating: nil, count: table.names.count)
            }
            numbered[number] = newValue
        }
    }

    public subscript(slot: String) -> Answer? {
        get { table.number(of: slot).map { self[$0] } ?? unnumbered[slot] }
        set {
            if let number = table.number(of: slot) { self[number] = newValue } else { unnumbered[slot] = newValue }
        }
    }

    /// Set means answered with something other than "skip".
    public func isSet(_ slot: String) -> Bool { Self.isSet(self[slot]) }
    public func isSet(_ number: Int) -> Bool { Self.isSet(self[number]) }
    static func isSet(_ answer: Answer?) -> Bool { answer.map { $0 != .skipped } ?? false }

    public static func == (lhs: Answers, rhs: Answers) -> Bool { lhs.values == rhs.values }
}
