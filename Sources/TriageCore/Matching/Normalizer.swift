/// Turns what a person types into comparable words: lowercase, no apostrophes, punctuation as spaces.
public enum Normalizer {
    /// Lowercased words of `text`. "I CAN'T pee!" -> ["i", "cant", "pee"].
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        // Typed lines are a few words: one allocation instead of regrowing from 1 to 2 to 4.
        words.reserveCapacity(8)
        scan(text, clauseBreaks: false, word: { words.append($0) }, clauseBreak: {})
        return words
    }

    /// The words of each clause of `text`, clauses being separated by `.,;!?:` or a newline.
    /// "No. Chest pain." -> [["no"], ["chest", "pain"]] (empty clauses are dropped).
    public static func clauses(_ text: String) -> [[String]] {
        var clauses: [[String]] = []
        self.clauses(text, into: &clauses)
        return clauses
    }

    /// The same, written over `clauses` and keeping the room its arrays have: a conversation splits every line it
    /// is sent, and would otherwise allocate the list and a clause's words for each (two of a turn's seven
    /// allocations in docs/performance.md's seventeenth pass).
    static func clauses(_ text: String, into clauses: inout [[String]]) {
        for index in clauses.indices { clauses[index].removeAll(keepingCapacity: true) }
        var filled = 0
        scan(text, clauseBreaks: true, word: { word in
            if filled == clauses.count {
                clauses.append([])
                clauses[filled].reserveCapacity(8)
            }
            clauses[filled].append(word)
        }, clauseBreak: {
            if filled < clauses.count, !clauses[filled].isEmpty { filled += 1 }
        })
        if filled < clauses.count, !clauses[filled].isEmpty { filled += 1 }
        clauses.removeLast(clauses.count - filled)
    }

    public static func normalize(_ text: String) -> String { String.spaced(words(text)) }

    /// One pass over `text` reporting each normalised word and, if asked, each clause separator.
    /// Plain ASCII (nearly every line typed) is scanned as bytes; anything else goes through Unicode properties.
    @inline(__always)
    private static func scan(_ text: String, clauseBreaks: Bool, word: (String) -> Void, clauseBreak: () -> Void) {
        var text = repairingSlips(text)
        let scannedAsASCII: Bool = text.withUTF8 { bytes in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
                var length = 0
                func flush() {
                    if length > 0 { word(String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<length]), as: UTF8.self)) }
                    length = 0
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                        buffer[length] = byte; length += 1
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                        buffer[length] = byte + 32; length += 1
                    case UInt8(ascii: "'"), UInt8(ascii: "`"):
                        continue
                    default:
                        flush()
                        if clauseBreaks, isClauseBreak(byte) { clauseBreak() }
                    }
                }
                flush()
            }
            return true
        }
        if scannedAsASCII { return }
        var current = ""
        for typed in text.lowercased().unicodeScalars {
            let scalar = Self.narrow(typed)
            if apostrophes.contains(scalar) { continue }
            // A thumbs up or down is an answer: "yes" and "no" (the skin-tone modifier after it is not a word).
            if let answer = thumbs[scalar] {
                if !current.isEmpty { word(current); current = "" }
                word(answer)
                continue
            }
            // Combining marks belong to the letter before them: "pe\u{301}rte" is the word "pérte" typed decomposed
            // (String compares it equal to the precomposed spelling), not "pe" and "rte".
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || Self.isCombiningMark(scalar) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty { word(current); current = "" }
                // U+037E GREEK QUESTION MARK is canonically the same character as ";" (Greek keyboards type it).
                if clauseBreaks, (scalar.isASCII && isClauseBreak(UInt8(scalar.value))) || scalar == "\u{037E}" { clauseBreak() }
            }
        }
        if !current.isEmpty { word(current) }
    }

    /// Full-width forms (typed with an East Asian keyboard layout: "ｃｈｅｓｔ　ｐａｉｎ") are the ASCII letters, digits
    /// and punctuation they look like, and the ideographic space is a space.
    private static func narrow(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: " "
        default: scalar
        }
    }

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// `text` with two typing slips mended: "can,t" and "don;t" (a comma or semicolon for the apostrophe of "n't",
    /// the keys are neighbours) become "cant" and "dont"; and "wet.myself" (a full stop between two letters, no space
    /// after it: a space missed, not the end of a statement) gets a space instead, so the words around it stay one
    /// clause. (A comma without a space still ends a clause: "left,lower back" lists two things.) Not after an
    /// answer word: "no.chest pain" is still "no" and "chest pain" (a denial joined to the sign would hide it). Only ASCII bytes are looked at, so this works on any UTF-8 text, and
    /// the text comes back as it is (no copy) when it has no such slip.
    static func repairingSlips(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var repaired: [UInt8]?
            for index in bytes.indices.dropFirst().dropLast() {
                let byte = bytes[index]
                guard byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "."),
                      isLetter(bytes[index - 1]), isLetter(bytes[index + 1]) else { continue }
                let mistypedApostrophe = byte != UInt8(ascii: ".") && bytes[index - 1] | 0x20 == UInt8(ascii: "n")
                    && bytes[index + 1] | 0x20 == UInt8(ascii: "t") && (index + 2 == bytes.count || !isLetter(bytes[index + 2]))
                guard mistypedApostrophe || byte == UInt8(ascii: ".") && !followsAnAnswerWord(bytes, index) else { continue }
                if repaired == nil { repaired = Array(bytes) }
                repaired![index] = mistypedApostrophe ? UInt8(ascii: "'") : UInt8(ascii: " ")
            }
            return repaired.map { String(decoding: $0, as: UTF8.self) }
        } ?? text
    }

    /// Whether the letters right before `index` are a word that answers on its own.
    private static func followsAnAnswerWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        var start = index
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        guard start == 0 || bytes[start - 1] < 0x80 else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self).lowercased()
        return answerWords.contains(word)
    }

    /// Words that answer on their own: a clause after them is a statement of its own.
    private static let answerWords: WordSet = ["no", "nope", "nah", "not", "never", "none", "nothing", "yes", "yeah",
                                                   "yep", "yup", "ok", "okay", "fine", "good", "sure"]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isClauseBreak(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"),
             UInt8(ascii: ":"), UInt8(ascii: "\n"): true
        default: false
        }
    }

    /// Removes control characters and ANSI escape sequences, so nothing a terminal would interpret
    /// reaches answers, bookings or logs. Tabs and other control characters become spaces. A line break inside the text (a JSON `text` typed in
    /// a box of several lines) becomes "; ": it separated two statements, so it still separates two words and two
    /// clauses ("lower back\nchest pain" is not "lower backchest pain", and "No\nchest pain" is no denial).
    public static func clean(_ line: String) -> String {
        // The common case, printable ASCII only, needs no copy.
        if line.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return line.trimmed }
        var result = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        var lineBreakPending = false
        while let scalar = scalars.next() {
            if Self.isLineBreak(scalar) {
                lineBreakPending = true
                continue
            }
            if lineBreakPending {
                lineBreakPending = false
                if !result.isEmpty { result.append(contentsOf: "; ".unicodeScalars) }
            }
            switch scalar.value {
            case 0x1B: // ESC: skip a CSI/OSC sequence or the single following character
                guard let next = scalars.next() else { break }
                if next == "[" {
                    while let c = scalars.next(), !(0x40...0x7E).contains(c.value) {}
                } else if next == "]" {
                    while let c = scalars.next(), c.value != 0x07, c.value != 0x1B {}
                }
            // Other control characters separate words too: "lower back\u{0}chest pain" is not "backchest".
            case 0x00..<0x20, 0x7F, 0x80..<0xA0: if result.last != " " { result.append(" ") }
            default: result.append(scalar)
            }
        }
        return String(result).trimmed
    }

    /// LF, VT, FF, CR, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR (a CR LF pair is one break: see `clean`).
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    private static let thumbs: [Unicode.Scalar: String] = ["\u{1F44D}": "yes", "\u{1F44E}": "no"]

    /// The apostrophe and the characters typed for it: curly quotes, the backtick, the acute accent, the modifier
    /// letter apostrophe (some phone keyboards), primes.
    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "`", "\u{00B4}", "\u{02BC}",
                                                           "\u{201B}", "\u{2032}"]
}

/// Finds a phrase (a sequence of words) inside a sequence of words.
enum Phrase {
    /// Start indices where `phrase` occurs in `words` as whole words.
    static func occurrences(of phrase: [String], in words: [String]) -> [Range<Int>] {
        guard !phrase.isEmpty, phrase.count <= words.count else { return [] }
        var result: [Range<Int>] = []
        for start in 0...(words.count - phrase.count) where matches(phrase, in: words, at: start) {
            result.append(start..<(start + phrase.count))
        }
        return result
    }

    /// Whether `phrase` occurs anywhere in `words` (no list of occurrences built).
    static func occurs(_ phrase: [String], in words: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= words.count else { return false }
        return (0...(words.count - phrase.count)).contains { matches(phrase, in: words, at: $0) }
    }

    /// Whether `phrase` occurs in `words` starting at `start` (no copy of the words).
    @inline(__always)
    static func matches(_ phrase: [String], in words: [String], at start: Int) -> Bool {
        guard start >= 0, start + phrase.count <= words.count else { return false }
        for offset in phrase.indices where words[start + offset] != phrase[offset] { return false }
        return true
    }
}
