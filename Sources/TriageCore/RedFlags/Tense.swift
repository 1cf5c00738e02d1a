/// A sign said to be there now or to have been there reads the same to the interrupts: "both legs were numb", "have
/// been numb", "went numb" and "felt numb" match a pattern written "both legs are numb", and "my chest was tight"
/// one written "my chest is tight". (A review found every past-tense report booked.)
enum Tense {
    /// `words` with each form of "to be" and of becoming or seeming ("was", "were", "are", "been", "went", "gone",
    /// "felt", "feels", "seemed") as "is", and a "have", "has" or "had" before "been" or "gone" left out. Nil when the
    /// words have none of them, as most lines do. "feel" and "be" stay: "can't feel my legs" must not match "it can't
    /// be my legs".
    static func present(_ words: [String]) -> [String]? {
        guard words.contains(where: isLinking) else { return nil }
        var result: [String] = []
        result.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            if isAuxiliary(word), index + 1 < words.count, words[index + 1] == "been" || words[index + 1] == "gone" { continue }
            result.append(isLinking(word) ? "is" : word)
        }
        return result
    }

    private static func isLinking(_ word: String) -> Bool {
        switch word {
        case "is", "are", "was", "were", "am", "been", "went", "gone", "felt", "feels", "seems", "seemed", "became": true
        default: false
        }
    }

    private static func isAuxiliary(_ word: String) -> Bool {
        word == "have" || word == "has" || word == "had"
    }
}
