/// What the machine is given: one typed line, the result of a booking write, or the end of input.
public enum Input: Sendable, Equatable {
    case line(String)
    case bookingStored(id: String)
    case bookingFailed(reason: String)
    case endOfInput
}

/// Every effect of the machine. Front ends render these; only `bookingReady` asks them to do something.
public enum Event: Sendable, Equatable {
    case say(String)
    /// A question; it ends the assistant's turn.
    case ask(Prompt)
    /// The answer was not usable (reprompts) or the input was refused; followed by a new `ask` when relevant.
    case error(code: String, text: String)
    case outcome(disposition: Disposition, text: String, node: String)
    /// The front end must store this request durably, then send `.bookingStored` or `.bookingFailed`.
    /// (Indirect: a booking request is large, and every event of every turn would otherwise be as large.)
    indirect case bookingReady(BookingDraft)
    case booking(id: String, status: BookingStatus)
    case end(EndReason)
}

public enum BookingStatus: String, Sendable, Equatable, Codable {
    case stored, failed
}

public enum EndReason: String, Sendable, Equatable {
    /// Reached an outcome.
    case outcome
    /// The person quit.
    case quit
    /// Input ended (Ctrl-D, disconnect) before an outcome.
    case inputEnded = "input_ended"
}

public struct Prompt: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    /// The fields live in one shared box: a question's prompt is built once per spec and every turn that asks it
    /// hands out the same box (one retain, and a small `Event`).
    private var fields: CopyOnWriteBox<Fields>
    private struct Fields: Sendable, Equatable {
        var id: String
        var text: String
        var input: InputKind
        var choices: [Option]
        var min: Int?
        var max: Int?
        var suffix: String?
        var note: String?
        /// The prompt as the text front ends show it, when worked out in advance (`renderLines`): a question's
        /// prompt is built once per spec, so its lines are too, instead of on every turn that asks it. Changing a
        /// shown field drops them (prompts built per turn are rendered only by the front ends that show text).
        var lines: [String]?
    }

    /// The node id of the question (or summary).
    public var id: String {
        get { fields.value.id }
        set { fields.value.id = newValue }
    }
    public var text: String {
        get { fields.value.text }
        set { fields.value.text = newValue; fields.value.lines = nil }
    }
    public var input: InputKind {
        get { fields.value.input }
        set { fields.value.input = newValue }
    }
    public var choices: [Option] {
        get { fields.value.choices }
        set { fields.value.choices = newValue; fields.value.lines = nil }
    }
    public var min: Int? {
        get { fields.value.min }
        set { fields.value.min = newValue }
    }
    public var max: Int? {
        get { fields.value.max }
        set { fields.value.max = newValue }
    }
    /// Short answer format shown after the question, e.g. "(yes/no)" or "(0-10)".
    public var suffix: String? {
        get { fields.value.suffix }
        set { fields.value.suffix = newValue; fields.value.lines = nil }
    }
    /// An extra line after the options, e.g. "You can choose more than one".
    public var note: String? {
        get { fields.value.note }
        set { fields.value.note = newValue; fields.value.lines = nil }
    }

    public init(id: String, text: String, input: InputKind, choices: [Option] = [], min: Int? = nil, max: Int? = nil,
                suffix: String? = nil, note: String? = nil) {
        fields = CopyOnWriteBox(Fields(id: id, text: text, input: input, choices: choices, min: min, max: max,
                                       suffix: suffix, note: note))
    }

    /// The lines text front ends show (see `TextRenderer`).
    public var lines: [String] {
        let fields = fields.value
        return fields.lines ?? TextRenderer.lines(text: fields.text, suffix: fields.suffix, choices: fields.choices, note: fields.note)
    }

    /// Works the lines out now, for a prompt asked many times.
    mutating func renderLines() {
        fields.value.lines = lines
    }
}
