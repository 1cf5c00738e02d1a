/// Replays a transcript's inputs through a dialog machine in-process.
public enum TranscriptRunner {
    /// The conversation as transcript lines: assistant output, and each input as it was typed.
    /// `start` and every input are followed by the machine's rendered output; input ends with end-of-input,
    /// exactly as `triage chat` does when its stdin closes.
    public static func converse(spec: DialogSpec, emergencyNumber: String?, inputs: [String],
                                bookings: (BookingDraft) -> Input) -> (lines: [Transcript.Line.Kind], machine: DialogMachine) {
        var machine = DialogMachine(spec: spec, emergencyNumber: emergencyNumber)
        var lines: [Transcript.Line.Kind] = TextRenderer.lines(for: machine.start()).map { .output($0) }
        for input in inputs {
            lines.append(.input(input))
            lines += TextRenderer.lines(for: machine.send(.line(input), bookings: bookings)).map { .output($0) }
        }
        lines += TextRenderer.lines(for: machine.send(.endOfInput, bookings: bookings)).map { .output($0) }
        return (lines, machine)
    }

    public static func run(_ transcript: Transcript, spec: DialogSpec, emergencyNumber: String? = nil,
                           bookings: (BookingDraft) -> Input) -> (comparison: TranscriptComparison, machine: DialogMachine) {
        let result = converse(spec: spec, emergencyNumber: emergencyNumber ?? transcript.emergencyNumber,
                              inputs: transcript.inputs, bookings: bookings)
        return (TranscriptComparison(transcript, actual: result.lines), result.machine)
    }
}
