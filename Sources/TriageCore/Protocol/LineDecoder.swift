/// Turns the raw bytes of one received line into text the machine can use: strips the line ending and telnet
/// IAC negotiation, refuses invalid UTF-8, removes NUL, control characters and ANSI escape sequences.
public enum LineDecoder {
    public enum Failure: Error, Equatable, Sendable {
        case invalidUTF8
    }

    static let iac: UInt8 = 0xFF

    /// Telnet negotiation (`IAC WILL/WONT/DO/DONT opt`, `IAC SB … IAC SE`, `IAC cmd`) removed; `IAC IAC` is a 0xFF byte.
    public static func stripTelnet(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            guard byte == iac else { out.append(byte); continue }
            guard let command = iterator.next() else { break }
            switch command {
            case iac: out.append(iac)
            case 251...254: _ = iterator.next()                 // WILL, WONT, DO, DONT + option
            case 250:                                            // SB ... IAC SE
                var previous: UInt8 = 0
                while let b = iterator.next() {
                    if previous == iac && b == 240 { break }
                    previous = (previous == iac && b == iac) ? 0 : b
                }
            default: break                                       // NOP, GA, AYT, ...
            }
        }
        return out
    }

    public static func decode(_ bytes: some Collection<UInt8>) -> Result<String, Failure> {
        var stripped = stripTelnet(bytes)
        while let last = stripped.last, last == 0x0A || last == 0x0D { stripped.removeLast() }
        guard let text = String(validating: stripped, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(Normalizer.clean(text))
    }
}
