/// A sign said to be there now or to have been there reads the same to the interrupts: "both legs were numb", "have
/// been numb", "went numb" and "felt numb" match a pattern written "both legs are numb", and "my chest was tight"
/// one written "my chest is tight". (A review found every past-tense report booked.)
enum Tense {
    /// `words` with each form of "to be" and of becoming or seeming ("was", "were", "are", "been", "went", "gone",
    /// "felt", "feels", "seemed") as "is", and a "have", "has" or "had" before "been" or "gone" left out. Nil when the
    /// words have none of them, as most lines do. "feel" and "be" stay: "can't feel my legs" must not match "it can't
    /// be my legs".
    static func present(_ words: [String]) -> [String]? {
        present(words, classes: WordClass.of, is: "is")
    }

    /// The same for words of any kind whose classes (`WordClass.linking`, `.auxiliary`, `.beenOrGone`) are known:
    /// `linked` is the word "is" in that kind.
    @inline(__always)
    static func present<Word>(_ words: [Word], classes: (Word) -> WordClass, is linked: Word) -> [Word]? {
        guard words.contains(where: { classes($0).contains(.linking) }) else { return nil }
        var result: [Word] = []
        result.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            let kind = classes(word)
            if kind.contains(.auxiliary), index + 1 < words.count, classes(words[index + 1]).contains(.beenOrGone) { continue }
            result.append(kind.contains(.linking) ? linked : word)
        }
        return result
    }

    static let linkingWords: WordSet = ["is", "are", "was", "were", "am", "been", "went", "gone", "felt", "feels",
                                            "seems", "seemed", "became"]
    static let auxiliaries: WordSet = ["have", "has", "had"]
    static let beenOrGone: WordSet = ["been", "gone"]
}
