/// A whole dialog as loaded from a spec file (format version 1).
/// Every node, text and rule comes from the file; nothing here knows about back pain.
public struct DialogSpec: Sendable, Equatable {
    public var id: String
    public var title: String
    public var version: String
    public var locale: String
    public var disclaimer: String
    public var emergencyNumber: String
    public var start: String
    public var maxAttempts: Int
    public var handoff: String?
    /// Set once, like `nodes`: the interrupt matcher is built from them.
    public private(set) var interrupts: [Interrupt]
    /// Nodes in file order (the order matters for graphs and lint output). Set once: indexes and prompts are
    /// derived from them.
    public private(set) var nodes: [Node]
    /// Set once, like `nodes`: its conditions are resolved to slot numbers.
    public private(set) var plan: PlanSpec
    /// Booking field name -> slot. Set once: resolved to slot numbers.
    public private(set) var bookingFields: [(field: String, slot: String)]
    /// Set once: the command index is built from them.
    public private(set) var commands: [GlobalCommand: [String]]
    public private(set) var words: Words
    public private(set) var messages: Messages
    /// Where each node, interrupt and key was defined, for diagnostics.
    public var locations: SourceMap

    /// Node id -> position in `nodes`.
    private(set) var nodeIndex: [String: Int]
    /// Every question's slot, numbered: conversations keep their answers by these numbers.
    public private(set) var slots: SlotTable
    /// Slot number -> position in `nodes` of the question that stores it.
    private(set) var slotPositions: [Int]
    /// The plan rules' conditions, by slot number.
    private(set) var planConditions: [ResolvedCondition?]
    /// `bookingFields` whose slot a question stores, by slot number.
    private(set) var bookingFieldSlots: [(field: String, slot: Int)]
    /// Normalised command words, built once per spec.
    public private(set) var commandIndex: [String: GlobalCommand]
    /// The most words any command has, and the first words of all commands: a longer line, or one starting with
    /// another word, is never a command, so most answers skip the lookups.
    public private(set) var commandMaxWords: Int
    private(set) var commandFirstWords: WordFilter
    /// For every question's slot, the choice that names it at the summary ("rf morning" -> "Morning"),
    /// so a red-flag answer given by mistake can be corrected by naming it.
    public private(set) var slotCorrectionChoices: [String: Choice]
    /// Optional text questions whose prompt needs the "you can skip" note: only those that do not already
    /// explain how to skip (worked out once, since it normalises the question's text).
    public private(set) var needsSkipNote: Set<String>
    /// Interrupt patterns, normalised once per spec (not per conversation).
    public private(set) var interruptMatcher: InterruptMatcher
    /// Every text of the dialog that has placeholders, parsed once (the disclaimer, outcomes and booking texts
    /// are rendered in every conversation).
    private var templates: [String: [Template.Piece]]

    public init(
        id: String, title: String, version: String, locale: String, disclaimer: String,
        emergencyNumber: String, start: String, maxAttempts: Int, handoff: String?,
        interrupts: [Interrupt], nodes: [Node], plan: PlanSpec,
        bookingFields: [(field: String, slot: String)],
        commands: [GlobalCommand: [String]] = GlobalCommand.defaultWords,
        words: Words = Words(), messages: Messages = Messages(), locations: SourceMap = SourceMap()
    ) {
        self.id = id
        self.title = title
        self.version = version
        self.locale = locale
        self.disclaimer = disclaimer
        self.emergencyNumber = emergencyNumber
        self.start = start
        self.maxAttempts = maxAttempts
        self.handoff = handoff
        self.interrupts = interrupts
        self.nodes = nodes
        self.plan = plan
        self.bookingFields = bookingFields
        self.commands = commands
        self.words = words
        self.messages = messages
        self.locations = locations
        var index: [String: Int] = [:]
        var slots: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            if index[node.id] == nil { index[node.id] = i }
            if node.question != nil, let slot = node.slot, slots[slot] == nil { slots[slot] = i }
        }
        self.nodeIndex = index
        let table = SlotTable(names: nodes.compactMap(\.slot))
        self.slots = table
        self.slotPositions = table.names.map { slots[$0]! }
        self.planConditions = plan.rules.map { $0.condition.map { ResolvedCondition($0, slots: table) } }
        self.bookingFieldSlots = bookingFields.compactMap { field in table.number(of: field.slot).map { (field.field, $0) } }
        for i in self.nodes.indices {
            let node = self.nodes[i]
            self.nodes[i].route = NodeRoute(
                position: i, slot: node.slot.flatMap(table.number(of:)),
                next: node.next.map { ResolvedTransition($0, slots: table, nodes: index) },
                askIf: node.question?.askIf.map { ResolvedCondition($0, slots: table) },
                summarySlots: node.summary?.entries.map { table.number(of: $0.slot) } ?? [])
        }
        self.slotCorrectionChoices = slots.mapValues { i in
            let slot = nodes[i].slot ?? nodes[i].id
            let words = String.spaced(slot.replacingUnderscores.split(separator: " ").filter { $0 != "rf" }.map(String.init))
            // A warning-sign question is also named by its own words for the sign: "change my answer about the
            // numbness" goes back to it (a twelfth review found such corrections not understood, then booked).
            return Choice(id: slot, label: words.capitalizingFirstLetter,
                          synonyms: [slot.replacingUnderscores] + (nodes[i].question?.yesPhrases ?? []))
        }
        var commandIndex: [String: GlobalCommand] = [:]
        var commandMaxWords = 0
        var commandFirstWords = WordFilter()
        for command in GlobalCommand.allCases {
            for word in commands[command] ?? [] {
                commandIndex[word.lowercased()] = commandIndex[word.lowercased()] ?? command
                let words = Normalizer.words(word)
                commandMaxWords = max(commandMaxWords, words.count)
                if let first = words.first { commandFirstWords.insert(first) }
                let normalized = String.spaced(words)
                if !normalized.isEmpty { commandIndex[normalized] = commandIndex[normalized] ?? command }
            }
        }
        self.commandIndex = commandIndex
        self.commandMaxWords = commandMaxWords
        self.commandFirstWords = commandFirstWords
        let skipWord = Normalizer.normalize(words.skip.first ?? "skip")
        self.needsSkipNote = Set(nodes.compactMap { node in
            guard let question = node.question, question.input == .text, question.optional,
                  !Normalizer.normalize(question.ask).containsBytes(of: skipWord) else { return nil }
            return node.id
        })
        let skipNotes = self.needsSkipNote
        for i in self.nodes.indices {
            guard let question = self.nodes[i].question else { continue }
            let id = self.nodes[i].id
            self.nodes[i].prompt = Self.prompt(asking: question, id: id, messages: messages, skipNote: skipNotes.contains(id))
        }
        var texts = [disclaimer] + Array(messages.table.values)
        for node in nodes {
            texts += [node.say, node.question?.ask, node.question?.why, node.question?.help, node.question?.hint,
                      node.summary?.ask, node.booking?.stored, node.booking?.failed, node.booking?.note].compactMap { $0 }
        }
        self.templates = Dictionary(texts.filter(Template.hasBraces).map { ($0, Template.parse($0)) }) { first, _ in first }
        // An interrupt's urgency is the least urgent outcome it can lead to (an unknown one counts as an emergency:
        // the linter reports it, and meanwhile it wins).
        // The words answers use, never read as misspellings (worked out with the misspelling index, on first use).
        let commandWords = Array(commandIndex.keys), answerWords = words, questions = nodes.compactMap(\.question)
        let knownWords: @Sendable () -> Set<String> = {
            var known = Set(commandWords.flatMap { $0.split(separator: " ").map(String.init) })
            known.formUnion(answerWords.yes.flatMap(Normalizer.words))
            known.formUnion(answerWords.no.flatMap(Normalizer.words))
            for question in questions {
                for choice in question.choices { for phrase in choice.phrases { known.formUnion(phrase) } }
                for phrase in question.yesPhraseWords { known.formUnion(phrase) }
            }
            return known
        }
        self.interruptMatcher = InterruptMatcher(interrupts: interrupts, knownWords: knownWords) { target in
            InterruptReach.guaranteedDisposition(from: target, nodes: nodes, index: index)?.urgencyRank
                ?? Disposition.emergency.urgencyRank
        }
    }

    /// How a question is asked: its text (placeholders still in it), options, answer format and note.
    static func prompt(asking question: Question, id: String, messages: Messages, skipNote: Bool) -> Prompt {
        var prompt = Prompt(id: id, text: question.ask, input: question.input, choices: question.options,
                            min: question.min, max: question.max)
        switch question.input {
        case .yesno: prompt.suffix = "(yes/no)"
        case .number: prompt.suffix = "(\(question.min ?? 0)-\(question.max ?? 0))"
        case .multi: prompt.note = messages["multi_hint"]
        case .text: if skipNote { prompt.note = messages["optional_skip"] }
        case .choice: break
        }
        prompt.renderLines()
        return prompt
    }

    /// How many slots the questions store answers in.
    public var slotCount: Int { slots.names.count }

    /// `text` parsed as a template: from the spec's own texts when it is one of them.
    func template(_ text: String) -> [Template.Piece] {
        templates[text] ?? Template.parse(text)
    }

    public func node(_ id: String) -> Node? {
        nodeIndex[id].map { nodes[$0] }
    }

    /// The position of node `id` in `nodes`.
    func index(of id: String) -> Int? { nodeIndex[id] }

    /// The question that stores its answer in `slot`, if any.
    public func question(forSlot slot: String) -> Node? {
        position(forSlot: slot).map { nodes[$0] }
    }

    /// The position in `nodes` of the question that stores its answer in `slot`.
    func position(forSlot slot: String) -> Int? { slots.number(of: slot).map { slotPositions[$0] } }

    /// The treatment plan for these answers (the rules' conditions tested by slot number).
    func plan(for answers: Answers) -> TreatmentPlan {
        plan.build { planConditions[$0]?.holds(answers) ?? true }
    }

    /// Where `id` is, for a transition the machine takes by name (the start, an interrupt's target, the hand-off).
    func target(_ id: String) -> NodeTarget { NodeTarget(position: nodeIndex[id], id: id) }

    func target(at position: Int) -> NodeTarget { NodeTarget(position: position, id: nodes[position].id) }

    public static func == (lhs: DialogSpec, rhs: DialogSpec) -> Bool {
        lhs.id == rhs.id && lhs.version == rhs.version && lhs.nodes == rhs.nodes
            && lhs.interrupts == rhs.interrupts && lhs.plan == rhs.plan
            && lhs.bookingFields.elementsEqual(rhs.bookingFields, by: { $0 == $1 })
            && lhs.disclaimer == rhs.disclaimer && lhs.emergencyNumber == rhs.emergencyNumber
            && lhs.start == rhs.start && lhs.maxAttempts == rhs.maxAttempts && lhs.handoff == rhs.handoff
    }
}

/// The four clinical dispositions of `../shared/clinical/red-flags.md`, plus the non-clinical hand-off.
public enum Disposition: String, Sendable, Equatable, CaseIterable, Codable {
    case emergency
    case urgent
    case doctor
    case massageOK = "massage_ok"
    case handoff

    /// Lower is more urgent; used when several red flags apply at once.
    public var urgencyRank: Int {
        switch self {
        case .emergency: 0
        case .urgent: 1
        case .doctor: 2
        case .handoff: 3
        case .massageOK: 4
        }
    }

    /// Emergency and urgent cases must never lead to a booking.
    public var forbidsBooking: Bool { self == .emergency || self == .urgent }
}

public struct Interrupt: Sendable, Equatable {
    public var id: String
    public var patterns: [String]
    public var target: String
    public init(id: String, patterns: [String], target: String) {
        self.id = id
        self.patterns = patterns
        self.target = target
    }

    public static func == (lhs: Interrupt, rhs: Interrupt) -> Bool {
        lhs.id == rhs.id && lhs.patterns == rhs.patterns && lhs.target == rhs.target
    }
}

public enum GlobalCommand: String, Sendable, CaseIterable, Hashable {
    case help, back, restart, `repeat`, quit

    public static let defaultWords: [GlobalCommand: [String]] = [
        .help: ["help", "?"],
        .back: ["back", "go back", "previous"],
        .restart: ["restart", "start again", "start over"],
        .repeat: ["repeat", "say again", "again"],
        .quit: ["quit", "exit", "stop", "bye"],
    ]
}

/// Locale-specific answer words.
public struct Words: Sendable, Equatable {
    public var yes: [String] = ["yes", "y", "yeah", "yep", "yup", "yes please", "sure", "ok", "okay", "correct",
                                "right", "i do", "i have", "it is", "affirmative", "true", "absolutely", "definitely",
                                "certainly", "of course", "indeed", "yes definitely", "yes absolutely", "it does",
                                "it has", "i did", "i am", "thats right", "uh huh", "mhm", "mm hmm", "mmhmm", "ya", "yea",
                                "yeh", "yah", "yess", "yesss", "aye", "for sure", "totally", "very much so", "defo",
                                "afraid so", "im afraid so", "i believe so", "sadly", "sadly yes", "unfortunately",
                                "unfortunately yes", "100", "yes 100", "yes i do", "yes i have", "i do yes", "yes it does",
                                "nah yeah", "nah yeah mate", "nah yeah definitely", "yeah nah yeah", "no yeah definitely",
                                // Slips of "yes", and yes in the languages a clinic's visitors most often answer in.
                                "ye", "yse", "yss", "yas", "yh", "ja", "oui", "si", "sí"] {
        didSet { yesSet = WordSet(yes.map(Normalizer.normalize)); yesNoWordSet = Self.words(of: yesSet, noSet) }
    }
    public var no: [String] = ["no", "n", "nope", "nah", "not really", "no thanks", "never", "none", "i dont",
                               "i havent", "it isnt", "negative", "false", "not at all", "definitely not",
                               "absolutely not", "certainly not", "of course not", "no absolutely not", "nothing",
                               "nothing like that", "not that i know of", "i have not", "not ever", "i dont have",
                               "i do not have", "i dont have any", "i have no", "i havent got", "i havent had",
                               "i have not had", "i dont think so", "dont think so", "no i dont think so",
                               "not that ive noticed", "not that i have noticed", "none of those", "none of them",
                               "none of the above", "no to all", "no to all of those", "not at all no", "yeah no",
                               "yeah nah", "yea nah", "yeah no not at all",
                               // Slips and short forms of "no" (a round-18 review found them asked again everywhere).
                               "noo", "nooo", "not me", "nope not me", "no not me"] {
        didSet { noSet = WordSet(no.map(Normalizer.normalize)); yesNoWordSet = Self.words(of: yesSet, noSet) }
    }
    public var skip: [String] = ["skip", "none", "no", "n/a", "-", "no thanks", "i dont have one"] {
        didSet { skipSet = WordSet(skip.map(Normalizer.normalize)) }
    }
    /// The lists above, normalised once, as word tables (the matchers look every typed word up in them).
    private(set) var yesSet: WordSet = []
    private(set) var noSet: WordSet = []
    private(set) var skipSet: WordSet = []
    /// Every word of the yes and no lists.
    private(set) var yesNoWordSet: WordSet = []
    /// The same as sets, for code outside the engine.
    public var normalizedYes: Set<String> { Set(yesSet) }
    public var normalizedNo: Set<String> { Set(noSet) }
    public var normalizedSkip: Set<String> { Set(skipSet) }
    public var yesNoWords: Set<String> { Set(yesNoWordSet) }
    public var numbers: [String: Int] = [
        "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
        "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
        "hundred": 100,
    ]
    public var outOf: [String] = ["out of", "of", "/"]
    public var and: [String] = ["and", "&", "plus"]
    public init() {
        yesSet = WordSet(yes.map(Normalizer.normalize))
        noSet = WordSet(no.map(Normalizer.normalize))
        yesNoWordSet = Self.words(of: yesSet, noSet)
        skipSet = WordSet(skip.map(Normalizer.normalize))
    }

    private static func words(of lists: WordSet...) -> WordSet {
        WordSet(lists.flatMap { $0.flatMap { $0.split(separator: " ").map(String.init) } })
    }
}

/// Sentences the engine itself says; overridable per dialog so a dialog can be translated.
public struct Messages: Sendable, Equatable {
    public var table: [String: String] = Messages.defaults

    public static let defaults: [String: String] = [
        "not_understood": "Sorry, I didn't understand that.",
        "ambiguous": "That could mean {candidates}. Which one do you mean?",
        "options": "Please answer with one of: {options}.",
        "yesno_options": "Please answer yes or no.",
        "summary_options": "Say yes, or name the answer you want to change.",
        "number_options": "Please answer with a number from {min} to {max}.",
        "text_options": "Please type your answer, or type help.",
        "out_of_range": "Please give a number from {min} to {max}.",
        "invalid_phone": "That doesn't look like a phone number. Please type it with digits, for example 555 123 4567.",
        "invalid_email": "That doesn't look like an email address, for example name@example.com.",
        "invalid_name": "Please type your name using letters.",
        "optional_skip": "You can also type skip.",
        "first_question": "This is the first question.",
        "red_flag_unclear": "I still can't tell whether you have this, so to be safe I will take your answer as a yes.",
        "red_flag_not_understood": "Sorry, I couldn't tell whether that means yes or no. {help}",
        "red_flag_unclear_note": "At the question \"{question}\" the person first wrote \"{answer}\", then answered no. Please check this with them before any treatment.",
        "own_words_note": "At the question \"{question}\" the person wrote \"{answer}\".",
        "after_warning_sign": "You have told me about a warning sign, so we can't go back or start again. Please answer this last question, or type quit.",
        "summary_extra": "I can't add anything new at this step, so nothing has been sent. If you wanted to tell me about a new symptom or problem, please call the clinic instead of booking here, or call {emergency_number} now if it is one of the warning signs I asked about. To send your request as it is, say just yes; to change an answer, say no.",
        "summary_new_symptom": "Before I send it: was what you added a new or worse symptom, or a change in how you feel?",
        "summary_new_symptom_advice": "Then please don't book a massage here yet. Call the clinic so someone can talk it through with you first, or call {emergency_number} now if it is one of the warning signs I asked about. Nothing has been sent.",
        "quit_confirm": "Do you want to stop now? Nothing has been booked. (yes/no)",
        "quit_done": "Goodbye. Nothing was booked.",
        "resume": "Let's carry on.",
        "ended": "This conversation has ended. Nothing more can be done here.",
        "input_ended": "Goodbye. Nothing was booked.",
        "emergency_reminder": "Remember: call {emergency_number} now or go to the nearest emergency department.",
        "late_red_flag_emergency": "You also wrote something that can be a sign of an emergency. Please call {emergency_number} now or go to the nearest emergency department; do not wait for the clinic.",
        "late_red_flag_urgent": "You also wrote something that needs a doctor's advice soon. Please contact your doctor or an urgent care service today, before any massage.",
        "which_change": "What would you like to change?",
        "default_help": "Please answer the question. You can also type back, restart, repeat or quit.",
        "summary_help": "Say yes if everything is right. To change an answer, say no, or name it straight away (for example \"severity\" or \"phone\").",
        "multi_hint": "You can choose more than one, separated by commas.",
        "exclusive_choice": "\"{choice}\" can't be combined with other answers.",
        "empty": "Please type an answer.",
        "too_long": "That answer is too long. Please keep it under {max} characters.",
        "restarting": "Starting again from the beginning.",
        "plan_technique": "Suggested treatment",
        "plan_focus": "Focus",
        "plan_minutes": "Session length",
        "plan_minutes_unit": "minutes",
        "plan_pressure": "Pressure",
        "plan_sessions": "Sessions",
        "plan_note": "Note for your therapist",
    ]

    public init() {}

    public subscript(key: String) -> String { table[key] ?? Messages.defaults[key] ?? key }
}
