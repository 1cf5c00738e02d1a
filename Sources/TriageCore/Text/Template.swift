/// `{name}` interpolation in dialog texts; `{{` and `}}` are literal braces.
public enum Template {
    public enum Piece: Equatable, Sendable {
        case literal(String)
        case placeholder(String)
    }

    public static func parse(_ text: String) -> [Piece] {
        // Scanned as UTF-8 bytes: braces are ASCII, so every brace position is also a character boundary.
        let utf8 = text.utf8
        var pieces: [Piece] = []
        var literal = ""
        var literalStart = utf8.startIndex
        var index = utf8.startIndex
        func flushLiteral(upTo end: String.Index) {
            // Through `String`: `+=` of a substring is generic code whose first use costs ≈ 0.1 ms of type lookups.
            literal += String(text[literalStart..<end])
        }
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") else { utf8.formIndex(after: &index); continue }
            let next = utf8.index(after: index)
            if next < utf8.endIndex, utf8[next] == byte {
                // "{{" or "}}": one literal brace.
                flushLiteral(upTo: next)
                index = utf8.index(after: next)
                literalStart = index
            } else if byte == UInt8(ascii: "{"), let close = utf8[next...].firstIndex(of: UInt8(ascii: "}")) {
                flushLiteral(upTo: index)
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.placeholder(String(text[next..<close]).trimmed))
                index = utf8.index(after: close)
                literalStart = index
            } else {
                utf8.formIndex(after: &index)
            }
        }
        flushLiteral(upTo: utf8.endIndex)
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    public static func placeholders(in text: String) -> [String] {
        // Most texts have none (the lint asks for every text of every node): no parse for them.
        guard hasBraces(text) else { return [] }
        return parse(text).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }
    }

    public static func render(_ text: String, _ lookup: (String) -> String?) -> String {
        // Most dialog texts have no placeholder: hand back the same string (no parse, no copy).
        guard hasBraces(text) else { return text }
        return render(parse(text), lookup)
    }

    /// The same for a text already parsed (a dialog's texts are parsed once, by `DialogSpec`).
    public static func render(_ pieces: [Piece], _ lookup: (String) -> String?) -> String {
        var rendered = ""
        // The literals plus a typical value per placeholder: usually one allocation.
        rendered.reserveCapacity(pieces.reduce(0) { total, piece in
            if case .literal(let s) = piece { total + s.utf8.count } else { total + 16 }
        })
        for piece in pieces {
            switch piece {
            case .literal(let s): rendered += s
            case .placeholder(let name): rendered += lookup(name) ?? ""
            }
        }
        return rendered
    }

    /// Whether `text` contains `{` or `}`, scanning bytes (every prompt of every turn goes through here).
    static func hasBraces(_ text: String) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable(hasBraces) { return found }
        return text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// Eight bytes at a time: outcome texts and the disclaimer run to hundreds of bytes, scanned at every turn that
    /// says them (a byte at a time this was ≈ 0.9 % of the engine's time).
    static func hasBraces(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawBufferPointer(bytes)
        var offset = 0
        while offset + 8 <= raw.count {
            let chunk = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            // A byte of `x` is zero exactly where the chunk has that brace: the classic test for a zero byte.
            let open = chunk ^ (ones &* UInt64(UInt8(ascii: "{"))), close = chunk ^ (ones &* UInt64(UInt8(ascii: "}")))
            if (open &- ones) & ~open & highs != 0 || (close &- ones) & ~close & highs != 0 { return true }
            offset += 8
        }
        return bytes[offset...].contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// Placeholders every dialog may use besides its slots.
    public static let builtins: Set<String> = ["emergency_number", "booking_id"]
    public static let planPrefix = "plan."
}

extension String {
    var trimmed: String {
        // Nothing to trim (the usual case): no copy.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
