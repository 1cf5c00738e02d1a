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
    case bookingReady(BookingDraft)
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

    /// The node id of the question (or summary).
    public var id: String
    public var text: String
    public var input: InputKind
    public var choices: [Option]
    public var min: Int?
    public var max: Int?
    /// Short answer format shown after the question, e.g. "(yes/no)" or "(0-10)".
    public var suffix: String?
    /// An extra line after the options, e.g. "You can choose more than one".
    public var note: String?

    public init(id: String, text: String, input: InputKind, choices: [Option] = [], min: Int? = nil, max: Int? = nil,
                suffix: String? = nil, note: String? = nil) {
        self.id = id
        self.text = text
        self.input = input
        self.choices = choices
        self.min = min
        self.max = max
        self.suffix = suffix
        self.note = note
    }
}
