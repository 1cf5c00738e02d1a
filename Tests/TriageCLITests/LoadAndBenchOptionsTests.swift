import Foundation
import Testing
@testable import triage

/// `triage load` and `triage bench` refuse options they cannot act on with a message that says what to change, and
/// a load run that fails says why.
@Suite("Load and bench options")
struct LoadAndBenchOptionsTests {
    @Test(arguments: [
        ("127.0.0.1:4848", "127.0.0.1", 4848),
        ("localhost:1", "localhost", 1),
        ("[::1]:65535", "::1", 65535),
        ("[2001:db8::1]:4848", "2001:db8::1", 4848),
    ])
    func serverAddressesParse(text: String, host: String, port: Int) throws {
        #expect(try ServerAddress(parsing: text) == ServerAddress(host: host, port: port))
    }

    @Test(arguments: ["127.0.0.1", "127.0.0.1:", ":4848", "[]:4848", "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:http",
                      "::1", "::1:4848", "2001:db8::1", "[::1:4848", "::1]:4848"])
    func badServerAddressesAreRefused(text: String) {
        #expect(throws: (any Error).self) { try ServerAddress(parsing: text) }
    }

    @Test(arguments: [
        (["load", "127.0.0.1:99999"], "the port must be between 1 and 65535, not 99999"),
        (["load", ":4848"], "the host is missing"),
        (["load", "127.0.0.1:4848", "--raw", " "], "--raw needs a line to send"),
        (["load", "127.0.0.1:4848", "--raw", "PING\nPING"], "--raw sends one line"),
        (["connect", "127.0.0.1:0"], "the port must be between 1 and 65535, not 0"),
        (["load", "::1:4848"], "put an IPv6 address in brackets"),
        (["load", "127.0.0.1:4848", "--duration", "inf"], "--duration must be a number of seconds above 0"),
        (["load", "127.0.0.1:4848", "--duration", "nan"], "--duration must be a number of seconds above 0"),
        (["bench", "--seconds=-1"], "--seconds must be 0 or more"),
        (["bench", "--seconds", "nan"], "--seconds must be 0 or more"),
        (["bench", "--lint-runs", "0"], "--lint-runs must be at least 1"),
        (["bench", "--sizes", "0"], "--sizes must be at least 1, not 0"),
        (["bench", "--sessions", "0"], "--sessions must be at least 1"),
    ])
    func badOptionsSayWhatToChange(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status != 0)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    /// `--seconds 0` times only load+lint (docs/performance.md uses it to profile the loader).
    @Test func benchWithZeroSecondsOnlyTimesLoading() throws {
        let result = try CLI.run(["bench", "--seconds", "0", "--sizes", "10", "--lint-runs", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("engine: not run (--seconds 0)"))
        #expect(result.stdout.contains("load+lint back-strain"))
    }

    /// Nothing listens on port 1: every attempt is refused, and the results say so instead of only counting errors.
    @Test func failedConnectionsAreExplained() throws {
        let result = try CLI.run(["load", "127.0.0.1:1", "--sessions", "1", "--duration", "0.5", "--json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains(#""error_reasons":{"connecting: Connection refused":"#), "\(result.stdout)")
        let text = try CLI.run(["load", "127.0.0.1:1", "--sessions", "1", "--duration", "0.5"])
        #expect(text.stdout.contains("× connecting: Connection refused"), "\(text.stdout)")
    }
}
