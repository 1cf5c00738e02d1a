import TriageCore

/// The terminal conversation: the same machine and rendering as every front end, plus prompts, colour,
/// wrapping, completion, and Ctrl-C / Ctrl-D handling.
public struct REPLSession<Editor: LineEditor> {
    public var machine: DialogMachine
    var editor: Editor
    let style: TerminalStyle
    let write: (String) -> Void
    let bookings: (BookingDraft) -> Input

    public init(machine: DialogMachine, editor: Editor, style: TerminalStyle, write: @escaping (String) -> Void,
                bookings: @escaping (BookingDraft) -> Input) {
        self.machine = machine
        self.editor = editor
        self.style = style
        self.write = write
        self.bookings = bookings
    }

    public static var prompt: String { "> " }

    public mutating func run() {
        show(machine.start())
        while !machine.isEnded {
            editor.setCompletions(machine.completions)
            switch editor.readLine(prompt: Self.prompt) {
            case .line(let line):
                show(machine.send(.line(line), bookings: bookings))
            case .interrupt:
                // Ctrl-C twice: the same as typing quit, which asks to confirm leaving mid-dialog.
                let quit = machine.spec.commands[.quit]?.first ?? "quit"
                show(machine.send(.line(quit), bookings: bookings))
            case .endOfInput:
                show(machine.send(.endOfInput, bookings: bookings))
                return
            }
        }
    }

    func show(_ events: [Event]) {
        for line in Self.render(events, style: style) { write(line + "\n") }
    }

    /// The shared text rendering, painted and wrapped for a terminal.
    public static func render(_ events: [Event], style: TerminalStyle) -> [String] {
        var out: [String] = []
        var afterEmergency = false
        for event in events {
            let tone: TerminalStyle.Tone
            switch event {
            case .ask: tone = .question
            case .error: tone = .error
            case .outcome(let disposition, _, _):
                afterEmergency = disposition == .emergency
                tone = disposition == .emergency ? .emergency : disposition == .urgent ? .urgent : .assistant
            case .booking: tone = .booking
            // The reminder after an emergency outcome is red too.
            default: tone = afterEmergency ? .emergency : .assistant
            }
            for line in TextRenderer.lines(for: event) {
                for wrapped in style.wrap(line) {
                    // Options stay plain so they read as a list under the bold question.
                    out.append(tone == .question && wrapped.hasPrefix("  ") ? wrapped : style.paint(wrapped, tone))
                }
            }
        }
        return out
    }
}
