/// Checks a line against every interrupt pattern of a dialog. Built once per spec.
public struct InterruptMatcher: Sendable {
    private let entries: [(interrupt: Interrupt, phrases: [[String]], rank: Int)]

    public init(spec: DialogSpec) {
        entries = spec.interrupts.map { interrupt in
            let rank = spec.node(interrupt.target)?.disposition?.urgencyRank ?? Disposition.emergency.urgencyRank
            return (interrupt, interrupt.patterns.map(Normalizer.words).filter { !$0.isEmpty }, rank)
        }
    }

    /// The interrupt to follow for this line, if any: when several match, the most urgent target wins,
    /// then the one defined first.
    public func match(_ line: String) -> Interrupt? {
        let words = Normalizer.words(line)
        guard !words.isEmpty else { return nil }
        var best: (interrupt: Interrupt, rank: Int)?
        for entry in entries where entry.phrases.contains(where: { !Phrase.occurrences(of: $0, in: words).isEmpty }) {
            if best == nil || entry.rank < best!.rank { best = (entry.interrupt, entry.rank) }
        }
        return best?.interrupt
    }
}
