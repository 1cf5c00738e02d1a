/// One step of a dialog. Exactly one of the kind-specific payloads is set, matching `kind`.
public struct Node: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        case question, message, summary, booking, outcome
    }

    /// The node's data lives in one shared box: copying a node (every lookup does) is one retain.
    private var fields: CopyOnWriteBox<Fields>
    private struct Fields: Sendable, Equatable {
        var id: String
        var kind: Kind
        var question: Question?
        var say: String?
        var summary: Summary?
        var booking: BookingStep?
        var disposition: Disposition?
        var next: Transition?
        /// A question's prompt as asked, built once by `DialogSpec` (its text is rendered per turn only when it
        /// has placeholders).
        var prompt: Prompt?
        /// Its position, slot number and transitions as numbers, set by `DialogSpec` like `prompt`.
        var route: NodeRoute?
    }

    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }
    public var kind: Kind {
        get { fields.value.kind }
        set { fields.value.kind = newValue }
    }
    public var question: Question? {
        get { fields.value.question }
        set { fields.value.question = newValue }
    }
    /// Text for `message`, the heading of `summary`, the text of `outcome`.
    public var say: String? {
        get { fields.value.say }
        set { fields.value.say = newValue }
    }
    public var summary: Summary? {
        get { fields.value.summary }
        set { fields.value.summary = newValue }
    }
    public var booking: BookingStep? {
        get { fields.value.booking }
        set { fields.value.booking = newValue }
    }
    public var disposition: Disposition? {
        get { fields.value.disposition }
        set { fields.value.disposition = newValue }
    }
    public var next: Transition? {
        get { fields.value.next }
        set { fields.value.next = newValue }
    }
    /// The prompt this question is asked with, once the node belongs to a `DialogSpec` (nil before, and for
    /// other kinds of node).
    public internal(set) var prompt: Prompt? {
        get { fields.value.prompt }
        set { fields.value.prompt = newValue }
    }

    /// Where the node is and where it leads, by number; set once the node belongs to a `DialogSpec`.
    var route: NodeRoute {
        get { fields.value.route ?? NodeRoute(position: -1) }
        set { fields.value.route = newValue }
    }

    public init(id: String, kind: Kind, question: Question? = nil, say: String? = nil, summary: Summary? = nil,
                booking: BookingStep? = nil, disposition: Disposition? = nil, next: Transition? = nil) {
        fields = CopyOnWriteBox(Fields(id: id, kind: kind, question: question, say: say, summary: summary, booking: booking,
                                       disposition: disposition, next: next))
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
    /// The same phrases with their words joined by spaces, for prefix matching ("low" -> "lower back").
    public let joinedPhrases: [String]

    public init(id: String, label: String, synonyms: [String] = [], exclusive: Bool = false) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
        self.exclusive = exclusive
        self.phrases = ([id.replacingUnderscores, label] + synonyms).map(Normalizer.words).filter { !$0.isEmpty }
        self.joinedPhrases = phrases.map(String.spaced)
    }
}

public struct Question: Sendable, Equatable {
    /// Boxed like `Node`: questions are read on every turn.
    private var fields: CopyOnWriteBox<Fields>
    private struct Fields: Sendable, Equatable {
        var input: InputKind
        var ask: String
        var why: String?
        var help: String?
        var hint: String?
        var slot: String?
        var choices: [Choice]
        var min: Int?
        var max: Int?
        var validate: TextValidation
        var optional: Bool
        var redFlag: Disposition?
        var redFlagChoices: [String]
        var askIf: Condition?
        var yesPhrases: [String] = []
        /// `yesPhrases` normalised once.
        var yesPhraseWords: [[String]] = []
        /// Them by first word: a line mentions only those whose first word it has.
        var yesPhraseIndex = PhraseIndex([])
        /// The choices as prompt options, built once.
        var options: [Prompt.Option]
        /// The choices' exact phrases, for matching answers.
        var exactChoicePhrases: ExactChoicePhrases
        /// `ask` and `why` have no `{placeholder}` (worked out when set): prompts then skip template rendering.
        var askIsPlain: Bool
        var whyIsPlain: Bool
        var askIsNegative: Bool
    }

    public var input: InputKind {
        get { fields.value.input }
        set { fields.value.input = newValue }
    }
    public var ask: String {
        get { fields.value.ask }
        set {
            fields.value.ask = newValue
            fields.value.askIsPlain = !Template.hasBraces(newValue)
            fields.value.askIsNegative = Self.isNegative(newValue)
        }
    }
    /// `ask` itself has a denial in it ("is it not eased by any position?", "less or no feeling?"): to such a question
    /// a bare "none" or "nothing" may say the sign is there.
    public var askIsNegative: Bool { fields.value.askIsNegative }

    private static func isNegative(_ ask: String) -> Bool {
        Normalizer.words(ask).contains(where: InterruptMatcher.negators.contains)
    }
    public var why: String? {
        get { fields.value.why }
        set { fields.value.why = newValue; fields.value.whyIsPlain = !Template.hasBraces(newValue ?? "") }
    }
    /// `ask` has no placeholder: it is shown exactly as written.
    public var askIsPlain: Bool { fields.value.askIsPlain }
    /// `why` has no placeholder.
    public var whyIsPlain: Bool { fields.value.whyIsPlain }
    public var help: String? {
        get { fields.value.help }
        set { fields.value.help = newValue }
    }
    public var hint: String? {
        get { fields.value.hint }
        set { fields.value.hint = newValue }
    }
    public var slot: String? {
        get { fields.value.slot }
        set { fields.value.slot = newValue }
    }
    public var choices: [Choice] {
        get { fields.value.choices }
        set {
            fields.value.choices = newValue
            fields.value.options = newValue.map { .init(id: $0.id, label: $0.label) }
            fields.value.exactChoicePhrases = ExactChoicePhrases(newValue)
        }
    }
    public var min: Int? {
        get { fields.value.min }
        set { fields.value.min = newValue }
    }
    public var max: Int? {
        get { fields.value.max }
        set { fields.value.max = newValue }
    }
    public var validate: TextValidation {
        get { fields.value.validate }
        set { fields.value.validate = newValue }
    }
    public var optional: Bool {
        get { fields.value.optional }
        set { fields.value.optional = newValue }
    }
    public var redFlag: Disposition? {
        get { fields.value.redFlag }
        set { fields.value.redFlag = newValue }
    }
    public var redFlagChoices: [String] {
        get { fields.value.redFlagChoices }
        set { fields.value.redFlagChoices = newValue }
    }
    /// The question is asked only when this holds; otherwise it is skipped (its slot stays unset).
    public var askIf: Condition? {
        get { fields.value.askIf }
        set { fields.value.askIf = newValue }
    }
    /// A yes/no question's own words for what it asks about: a line that mentions one (not denied) answers yes.
    /// "a little numb" or "pins and needles" to "any numbness or tingling ...?" reports it, and "no numbness"
    /// denies it.
    public var yesPhrases: [String] {
        get { fields.value.yesPhrases }
        set {
            fields.value.yesPhrases = newValue
            fields.value.yesPhraseWords = newValue.map(Normalizer.words).filter { !$0.isEmpty }
            fields.value.yesPhraseIndex = PhraseIndex(fields.value.yesPhraseWords)
        }
    }
    /// `yesPhrases` as normalised words.
    public var yesPhraseWords: [[String]] { fields.value.yesPhraseWords }
    var yesPhraseIndex: PhraseIndex { fields.value.yesPhraseIndex }

    /// The choices as they are shown in a prompt.
    public var options: [Prompt.Option] { fields.value.options }
    var exactChoicePhrases: ExactChoicePhrases { fields.value.exactChoicePhrases }

    public init(input: InputKind, ask: String, why: String? = nil, help: String? = nil, hint: String? = nil,
                slot: String? = nil, choices: [Choice] = [], min: Int? = nil, max: Int? = nil,
                validate: TextValidation = .any, optional: Bool = false, redFlag: Disposition? = nil,
                redFlagChoices: [String] = [], askIf: Condition? = nil) {
        fields = CopyOnWriteBox(Fields(input: input, ask: ask, why: why, help: help, hint: hint, slot: slot, choices: choices,
                                       min: min, max: max, validate: validate, optional: optional, redFlag: redFlag,
                                       redFlagChoices: redFlagChoices, askIf: askIf,
                                       options: choices.map { .init(id: $0.id, label: $0.label) },
                                       exactChoicePhrases: ExactChoicePhrases(choices),
                                       askIsPlain: !Template.hasBraces(ask), whyIsPlain: !Template.hasBraces(why ?? ""),
                                       askIsNegative: Self.isNegative(ask)))
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
    public var fields: [String] { didSet { (entries, correctionChoices) = Self.parse(fields) } }
    public var showPlan: Bool
    public var ask: String
    /// Each field as (slot, label): `slot` alone, or `slot=Label` to name it. Parsed once.
    public private(set) var entries: [(slot: String, label: String)] = []
    /// Each entry as a choice of "which answer to change" (label, or the slot's words), normalised once.
    private(set) var correctionChoices: [Choice] = []

    public init(fields: [String], showPlan: Bool, ask: String) {
        self.fields = fields
        self.showPlan = showPlan
        self.ask = ask
        (entries, correctionChoices) = Self.parse(fields)
    }

    private static func parse(_ fields: [String]) -> ([(slot: String, label: String)], [Choice]) {
        let entries = fields.map { entry -> (slot: String, label: String) in
            let parts = entry.split(separator: "=", maxSplits: 1).map { String($0).trimmed }
            if parts.count == 2 { return (parts[0], parts[1]) }
            let words = entry.replacingUnderscores
            return (entry, words.capitalizingFirstLetter)
        }
        return (entries, entries.map { Choice(id: $0.slot, label: $0.label, synonyms: [$0.slot.replacingUnderscores]) })
    }

    public static func == (lhs: Summary, rhs: Summary) -> Bool {
        lhs.fields == rhs.fields && lhs.showPlan == rhs.showPlan && lhs.ask == rhs.ask
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

    /// Whether some target applies whatever the answers (a fixed node, or branches ending in one without a condition).
    public var coversEveryAnswer: Bool {
        switch self {
        case .goto: true
        case .branches(let branches): branches.last.map { $0.condition == nil } ?? false
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
