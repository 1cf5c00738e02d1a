// Small text operations used while a dialog loads and on every turn. Each is written out over bytes or concrete
// types on purpose: their standard-library forms are generic code that this module does not specialise, and the
// first call of each resolved types at run time (a search of the binary's conformance tables, ≈ 0.1–0.2 ms apiece),
// which every `triage lint` paid (docs/performance.md, fourteenth pass).
extension String {
    /// "lower_back" -> "lower back"; byte-wise, since "_" is ASCII and no character is split.
    var replacingUnderscores: String {
        guard utf8.contains(UInt8(ascii: "_")) else { return self }
        return String(decoding: utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }
    /// Whether `other`'s UTF-8 bytes occur in this text's. `String.contains(String)` compares characters instead; the
    /// two agree on the normalised words this is used for. Like it, an empty text is contained in nothing.
    func containsBytes(of other: String) -> Bool {
        let text = Array(utf8), pattern = Array(other.utf8)
        guard !pattern.isEmpty else { return false }
        guard pattern.count <= text.count else { return false }
        for start in 0...(text.count - pattern.count) where text[start] == pattern[0] {
            if text[start..<start + pattern.count].elementsEqual(pattern) { return true }
        }
        return false
    }
    /// This text with every `{name}` placeholder `placeholder` (ASCII, braces included) replaced by `value`, found by
    /// its bytes: `replacing(_:with:)` is generic string processing, 3.3 % of the engine's time on the texts the
    /// machine fills in (error messages, booking notes). Unlike it, a placeholder is replaced even when a combining
    /// mark or joiner follows its closing brace in the message ("{max}\u{301}"), which `replacing` reads as part of
    /// the brace's character and leaves as typed.
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        let pattern = Array(placeholder.utf8)
        var result: [UInt8] = []
        var copied = 0
        let found: Bool? = utf8.withContiguousStorageIfAvailable { text in
            guard let first = pattern.first, pattern.count <= text.count else { return false }
            var start = 0
            while start <= text.count - pattern.count {
                if text[start] == first, text[start..<start + pattern.count].elementsEqual(pattern) {
                    if result.isEmpty { result.reserveCapacity(text.count + value.utf8.count) }
                    result += text[copied..<start]
                    result += value.utf8
                    start += pattern.count
                    copied = start
                } else {
                    start += 1
                }
            }
            if copied > 0 { result += text[copied...] }
            return copied > 0
        }
        switch found {
        case true?: return String(decoding: result, as: UTF8.self)
        case false?: return self
        case nil: return replacing(placeholder, with: value)
        }
    }

    /// "lower back" -> "Lower back": a label made from a slot's words.
    var capitalizingFirstLetter: String {
        guard let first = first else { return self }
        return String(first).uppercased() + String(dropFirst())
    }
    /// The words joined by single spaces: `joined(separator: " ")`.
    static func spaced(_ words: [String]) -> String {
        var result = ""
        result.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
        for (position, word) in words.enumerated() {
            if position > 0 { result += " " }
            result += word
        }
        return result
    }
}
