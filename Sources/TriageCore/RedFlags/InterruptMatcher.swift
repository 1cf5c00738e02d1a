/// Checks a line against every interrupt pattern of a dialog. Built once per spec.
public struct InterruptMatcher: Sendable {
    private let entries: [(interrupt: Interrupt, phrases: [[String]], rank: Int)]

    public init(spec: DialogSpec) {
        self = spec.interruptMatcher
    }

    /// `rank` gives the urgency rank of an interrupt's target (lower is more urgent).
    init(interrupts: [Interrupt], rank: (String) -> Int) {
        entries = interrupts.map { interrupt in
            (interrupt, interrupt.patterns.map(Normalizer.words).filter { !$0.isEmpty }, rank(interrupt.target))
        }
    }

    /// The interrupt to follow for this line, if any: when several match, the most urgent target wins,
    /// then the one defined first.
    public func match(_ line: String) -> Interrupt? {
        // Each clause on its own, so "No. Chest pain." is not read as a denial of the chest pain.
        let clauses = line.split(whereSeparator: { ".,;!?:\n".contains($0) }).map { Normalizer.words(String($0)) }
        var best: (interrupt: Interrupt, rank: Int)?
        for entry in entries where clauses.contains(where: { words in
            entry.phrases.contains { phrase in
                Phrase.occurrences(of: phrase, in: words).contains { !Self.isNegated(words, before: $0.lowerBound) }
            }
        }) {
            if best == nil || entry.rank < best!.rank { best = (entry.interrupt, entry.rank) }
        }
        return best?.interrupt
    }

    /// "no chest pain", "I don't have a fever", "without any numbness between my legs": the phrase is
    /// denied right before it. Only a denial immediately before the phrase counts (filler words aside),
    /// so "no, but I can't pee" and "not sure, I can't pee" still interrupt.
    static func isNegated(_ words: [String], before start: Int) -> Bool {
        var index = start - 1
        while index >= 0, negationFillers.contains(words[index]) { index -= 1 }
        return index >= 0 && negators.contains(words[index])
    }

    static let negators: Set<String> = ["no", "not", "without", "never", "nor", "dont", "didnt", "havent", "hasnt",
                                        "doesnt", "isnt", "wasnt", "arent", "hadnt", "nothing", "neither"]
    static let negationFillers: Set<String> = ["a", "an", "any", "have", "had", "has", "got", "get", "feel", "feeling",
                                               "felt", "been", "having", "do", "does", "did", "experienced",
                                               "noticed", "signs", "of", "sign", "real", "really", "ever"]
}
