/// One step of a dialog. Exactly one of the kind-specific payloads is set, matching `kind`.
public struct Node: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case question, message, summary, booking, outcome
    }

    public var id: String
    public var kind: Kind
    public var question: Question?
    /// Text for `message`, the heading of `summary`, the text of `outcome`.
    public var say: String?
    public var summary: Summary?
    public var booking: BookingStep?
    public var disposition: Disposition?
    public var next: Transition?

    public init(id: String, kind: Kind, question: Question? = nil, say: String? = nil, summary: Summary? = nil,
                booking: BookingStep? = nil, disposition: Disposition? = nil, next: Transition? = nil) {
        self.id = id
        self.kind = kind
        self.question = question
        self.say = say
        self.summary = summary
        self.booking = booking
        self.disposition = disposition
        self.next = next
    }

    /// The slot a question stores into (the node id unless the spec names another).
    public var slot: String? { question.map { $0.slot ?? id } }
}

public enum InputKind: String, Sendable, Equatable, CaseIterable, Codable {
    case choice, multi, yesno, number, text
}

public enum TextValidation: String, Sendable, Equatable, CaseIterable {
    case any, phone, email, name
}

public struct Choice: Sendable, Equatable {
    public let id: String
    public let label: String
    public let synonyms: [String]
    public let exclusive: Bool
    /// Normalised words of the id, label and synonyms, computed once (answer matching is per keystroke-line hot).
    public let phrases: [[String]]

    public init(id: String, label: String, synonyms: [String] = [], exclusive: Bool = false) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
        self.exclusive = exclusive
        self.phrases = ([id.replacingUnderscores, label] + synonyms).map(Normalizer.words).filter { !$0.isEmpty }
    }
}

public struct Question: Sendable, Equatable {
    public var input: InputKind
    public var ask: String
    public var why: String?
    public var help: String?
    public var hint: String?
    public var slot: String?
    public var choices: [Choice]
    public var min: Int?
    public var max: Int?
    public var validate: TextValidation
    public var optional: Bool
    public var redFlag: Disposition?
    public var redFlagChoices: [String]
    /// The question is asked only when this holds; otherwise it is skipped (its slot stays unset).
    public var askIf: Condition?

    public init(input: InputKind, ask: String, why: String? = nil, help: String? = nil, hint: String? = nil,
                slot: String? = nil, choices: [Choice] = [], min: Int? = nil, max: Int? = nil,
                validate: TextValidation = .any, optional: Bool = false, redFlag: Disposition? = nil,
                redFlagChoices: [String] = [], askIf: Condition? = nil) {
        self.input = input
        self.ask = ask
        self.why = why
        self.help = help
        self.hint = hint
        self.slot = slot
        self.choices = choices
        self.min = min
        self.max = max
        self.validate = validate
        self.optional = optional
        self.redFlag = redFlag
        self.redFlagChoices = redFlagChoices
        self.askIf = askIf
    }

    /// Whether this answer is one of the red-flag answers of a screening question.
    public func isRedFlag(_ answer: Answer) -> Bool {
        guard redFlag != nil else { return false }
        switch answer {
        case .yesNo(let yes): return input == .yesno && yes
        case .choice(let id): return redFlagChoices.contains(id)
        case .choices(let ids): return ids.contains(where: redFlagChoices.contains)
        default: return false
        }
    }
}

public struct Summary: Sendable, Equatable {
    public var fields: [String]
    public var showPlan: Bool
    public var ask: String
    public init(fields: [String], showPlan: Bool, ask: String) {
        self.fields = fields
        self.showPlan = showPlan
        self.ask = ask
    }

    /// Each field as (slot, label): `slot` alone, or `slot=Label` to name it.
    public var entries: [(slot: String, label: String)] {
        fields.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            if parts.count == 2 { return (parts[0], parts[1]) }
            let words = entry.replacingUnderscores
            return (entry, words.prefix(1).uppercased() + words.dropFirst())
        }
    }
}

public struct BookingStep: Sendable, Equatable {
    public var stored: String
    public var failed: String
    public var disposition: Disposition
    public var note: String?
    public init(stored: String, failed: String, disposition: Disposition = .massageOK, note: String? = nil) {
        self.stored = stored
        self.failed = failed
        self.disposition = disposition
        self.note = note
    }
}

/// Where to go after a node: a fixed node, or branches tried in order.
public enum Transition: Sendable, Equatable {
    case goto(String)
    case branches([Branch])

    public struct Branch: Sendable, Equatable {
        public var condition: Condition?
        public var target: String
        public init(condition: Condition?, target: String) {
            self.condition = condition
            self.target = target
        }
    }

    /// Every node this transition may lead to.
    public var targets: [String] {
        switch self {
        case .goto(let id): [id]
        case .branches(let branches): branches.map(\.target)
        }
    }

    public func resolve(_ answers: Answers) -> String? {
        switch self {
        case .goto(let id): return id
        case .branches(let branches):
            return branches.first { $0.condition?.holds(answers) ?? true }?.target
        }
    }
}
