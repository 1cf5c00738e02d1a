import ArgumentParser

/// A server given on the command line as HOST:PORT (`triage connect`, `triage load`). An IPv6 address goes in
/// brackets, as in URLs: `[::1]:4848`.
struct ServerAddress: Equatable {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init(parsing text: String) throws {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            throw ValidationError("give the server as HOST:PORT, for example 127.0.0.1:4848")
        }
        var host = Substring(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") {
            host = host.dropFirst().dropLast()
        } else if host.contains(":") || host.contains("[") || host.contains("]") {
            // "::1:4848" could be ::1 port 4848 or ::1:4848 with no port: the brackets say which.
            throw ValidationError("put an IPv6 address in brackets, for example [::1]:4848")
        }
        guard !host.isEmpty else { throw ValidationError("give the server as HOST:PORT, for example 127.0.0.1:4848 (the host is missing)") }
        guard (1...65535).contains(port) else { throw ValidationError("the port must be between 1 and 65535, not \(port)") }
        self.init(host: String(host), port: port)
    }
}
