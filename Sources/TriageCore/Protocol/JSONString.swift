/// JSON string literals, escaped as `JSONEncoder` escapes them: `"` and `\`, the short forms `\b \t \n \f \r`, other
/// control characters as `\u00xx`; everything else (slashes, non-ASCII) as it is. DEL too, unless `escapingDelete`
/// (the line protocol escapes it, so a kiosk that prints a text unparsed shows no control character).
enum JSONString {
    static func append(_ string: String, to out: inout String, escapingDelete: Bool = false) {
        out.append("\"")
        // Most texts need no escape: one scan of their bytes, then one append (not a walk of the string's indices).
        let plain = string.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { needsEscape($0, escapingDelete) }
        }
        if plain == true {
            out.append(string)
            out.append("\"")
            return
        }
        let utf8 = string.utf8
        // Every escaped character is ASCII, so every cut below falls on a character boundary.
        var runStart = utf8.startIndex
        var index = runStart
        while index < utf8.endIndex {
            let byte = utf8[index]
            if needsEscape(byte, escapingDelete) {
                out.append(contentsOf: string[runStart..<index])
                out.append(escape(byte))
                runStart = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        if runStart == utf8.startIndex { out.append(string) } else { out.append(contentsOf: string[runStart...]) }
        out.append("\"")
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8, _ escapingDelete: Bool) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (escapingDelete && byte == 0x7F)
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "\""): return "\\\""
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        default:
            let hex = String(byte, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }
    }
}
