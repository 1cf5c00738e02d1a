/// The JSON message protocol (docs/protocol.md): one JSON object per line.
/// Assistant -> person: `say`, `ask`, `outcome`, `booking`, `error`, `end`.
/// Person -> assistant: a plain line, or `{"text": "..."}`.
public enum JSONProtocol {
    /// The message for one event, or nil for events the other side never sees.
    public static func encode(_ event: Event) -> String? {
        switch event {
        case .say(let text):
            return object([("type", .string("say")), ("text", .string(text))])
        case .ask(let prompt):
            var fields: [(String, JSONValue)] = [("type", .string("ask")), ("id", .string(prompt.id)),
                                                 ("text", .string(prompt.text)), ("input", .string(prompt.input.rawValue))]
            if !prompt.choices.isEmpty {
                fields.append(("choices", .array(prompt.choices.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })))
            }
            if let min = prompt.min { fields.append(("min", .number(min))) }
            if let max = prompt.max { fields.append(("max", .number(max))) }
            if let note = prompt.note { fields.append(("note", .string(note))) }
            return object(fields)
        case .error(let code, let text):
            return object([("type", .string("error")), ("code", .string(code)), ("text", .string(text))])
        case .outcome(let disposition, let text, _):
            return object([("type", .string("outcome")), ("disposition", .string(disposition.rawValue)), ("text", .string(text))])
        case .booking(let id, let status):
            return object([("type", .string("booking")), ("id", .string(id)), ("status", .string(status.rawValue))])
        case .end(let reason):
            return object([("type", .string("end")), ("reason", .string(reason.rawValue))])
        case .bookingReady:
            return nil
        }
    }

    public enum DecodeError: Error, Equatable {
        case invalidJSON
        case missingText
    }

    /// What the person said: a plain line as is; a line starting with `{` must be `{"text": "..."}`.
    public static func decode(_ line: String) -> Result<String, DecodeError> {
        let trimmed = line.trimmed
        guard trimmed.hasPrefix("{") else { return .success(line) }
        guard let value = JSONValue.parse(trimmed), case .object(let fields) = value else { return .failure(.invalidJSON) }
        guard let text = fields.first(where: { $0.0 == "text" })?.1, case .string(let s) = text else { return .failure(.missingText) }
        return .success(s)
    }

    /// What a line says, for red-flag screening of lines that will not be answered: a JSON message's text, or
    /// the line itself when it is plain text or not a valid message (a red flag in it must not be missed).
    public static func screenedText(_ line: String, json: Bool) -> String {
        guard json, case .success(let said) = decode(line) else { return line }
        return said
    }

    static func object(_ fields: [(String, JSONValue)]) -> String {
        JSONValue.object(fields).serialized
    }
}

/// A small JSON value: enough to write protocol messages and read `{"text": ...}` without Foundation.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case number(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized == b.serialized }

    public var serialized: String {
        switch self {
        case .string(let s): return Self.quote(s)
        case .number(let n): return String(n)
        case .double(let d): return d.isFinite ? String(d) : "null"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map(\.serialized).joined(separator: ",") + "]"
        case .object(let fields): return "{" + fields.map { Self.quote($0.0) + ":" + $0.1.serialized }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = ""
        JSONString.append(s, to: &out, escapingDelete: true)
        return out
    }

    /// Parses one JSON value; nil if the text is not exactly one valid value. Nesting is capped at 64.
    public static func parse(_ text: String) -> JSONValue? {
        var parser = Parser(Array(text.utf8))
        guard let value = parser.value(depth: 0) else { return nil }
        parser.skipSpace()
        return parser.index == parser.bytes.count ? value : nil
    }

    struct Parser {
        let bytes: [UInt8]
        var index = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else { return false }
            index += w.count
            return true
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < 64 else { return nil }
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var fields: [(String, JSONValue)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let v = value(depth: depth + 1) else { return nil }
                    fields.append((key, v))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(fields) }
                    return nil
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [JSONValue] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                while true {
                    guard let v = value(depth: depth + 1) else { return nil }
                    items.append(v)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            default: return number()
            }
        }

        mutating func number() -> JSONValue? {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            let allowed = Set("0123456789.eE+-".utf8)
            while index < bytes.count, allowed.contains(bytes[index]) { index += 1 }
            guard index > start, let text = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
            if let n = Int(text) { return .number(n) }
            if let d = Double(text) { return .double(d) }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count,
                  let text = String(validating: bytes[index..<index + 4], as: UTF8.self),
                  let value = UInt32(text, radix: 16) else { return nil }
            index += 4
            return value
        }

        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(validating: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard var code = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(code) {
                            guard literal("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let scalar = Unicode.Scalar(code) else { return nil }
                        out += Array(String(Character(scalar)).utf8)
                    default: return nil
                    }
                default:
                    if byte < 0x20 { return nil }
                    out.append(byte)
                }
            }
            return nil
        }
    }
}
