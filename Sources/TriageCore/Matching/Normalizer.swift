/// Turns what a person types into comparable words: lowercase, no apostrophes, punctuation as spaces.
public enum Normalizer {
    /// Lowercased words of `text`. "I CAN'T pee!" -> ["i", "cant", "pee"].
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().unicodeScalars {
            if apostrophes.contains(scalar) { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    public static func normalize(_ text: String) -> String { words(text).joined(separator: " ") }

    /// Removes control characters and ANSI escape sequences, so nothing a terminal would interpret
    /// reaches answers, bookings or logs. Tabs become spaces.
    public static func clean(_ line: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B: // ESC: skip a CSI/OSC sequence or the single following character
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.next(), c.value != 0x07, c.value != 0x1B {}
                }
            case 0x09: result.append(" ")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: continue
            default: result.append(scalar)
            }
        }
        return String(result).trimmed
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}"]
}

/// Finds a phrase (a sequence of words) inside a sequence of words.
enum Phrase {
    /// Start indices where `phrase` occurs in `words` as whole words.
    static func occurrences(of phrase: [String], in words: [String]) -> [Range<Int>] {
        guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
        var result: [Range<Int>] = []
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<(start + phrase.count)]) == phrase { result.append(start..<(start + phrase.count)) }
        }
        return result
    }
}
