/// The plan section of a spec: defaults, then rules applied in order.
public struct PlanSpec: Sendable, Equatable {
    public var defaults: [String: String]
    public var rules: [PlanRule]
    public init(defaults: [String: String] = [:], rules: [PlanRule] = []) {
        self.defaults = defaults
        self.rules = rules
    }

    /// The plan fields a spec may set.
    public static let fields = ["technique", "minutes", "pressure", "sessions", "spacing", "focus"]

    /// Builds the customised plan for these answers. Later rules override earlier ones;
    /// advice and therapist notes accumulate.
    public func build(for answers: Answers) -> TreatmentPlan {
        build { rules[$0].condition?.holds(answers) ?? true }
    }

    /// The same, with `applies(i)` telling whether rule `i` applies (the machine tests its conditions by slot number).
    func build(applying applies: (Int) -> Bool) -> TreatmentPlan {
        var values = defaults
        var advice: [String] = []
        var notes: [String] = []
        for (i, rule) in rules.enumerated() where applies(i) {
            values.merge(rule.set) { _, new in new }
            for item in rule.advice where !advice.contains(item) { advice.append(item) }
            if let note = rule.note, !notes.contains(note) { notes.append(note) }
        }
        return TreatmentPlan(values: values, advice: advice, notes: notes)
    }
}

public struct PlanRule: Sendable, Equatable {
    public var condition: Condition?
    public var set: [String: String]
    public var advice: [String]
    public var note: String?
    public init(condition: Condition?, set: [String: String] = [:], advice: [String] = [], note: String? = nil) {
        self.condition = condition
        self.set = set
        self.advice = advice
        self.note = note
    }
}

/// A customised treatment suggestion for one person.
public struct TreatmentPlan: Sendable, Equatable, Codable {
    public var technique: String?
    public var minutes: Int?
    public var pressure: String?
    public var sessions: Int?
    public var spacing: String?
    public var focus: String?
    public var advice: [String]
    /// Notes for the therapist (contraindications such as "light pressure only").
    public var notes: [String]

    public init(values: [String: String], advice: [String], notes: [String]) {
        technique = values["technique"]
        minutes = values["minutes"].flatMap { Int($0) }
        pressure = values["pressure"]
        sessions = values["sessions"].flatMap { Int($0) }
        spacing = values["spacing"]
        focus = values["focus"]
        self.advice = advice
        self.notes = notes
    }

    /// Values for `{plan.x}` interpolation.
    public func value(_ field: String) -> String? {
        switch field {
        case "technique": technique
        case "minutes": minutes.map(String.init)
        case "pressure": pressure
        case "sessions": sessions.map(String.init)
        case "spacing": spacing
        case "focus": focus
        default: nil
        }
    }
}
