import Foundation
import Testing
import TriageBooking
import TriageCore
import TriageServer

/// Kills `triage serve` with SIGKILL at random moments while kiosks are booking, restarts it on the same store,
/// and checks that every booking a kiosk was told about is stored exactly once and every row is whole.
@Suite("Crash safety")
struct CrashSafetyTests {
    @Test func sigkillUnderLoadLosesNoAnnouncedBooking() async throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("bookings.sqlite").path
        let script = try CLI.bookingInputs()
        var announced: [String] = []
        var generator = SystemRandomNumberGenerator()
        let kills = 20
        for _ in 0..<kills {
            let (process, port, _) = try ServeCommandTests.start(["--bookings", store, "--log-level", "error"])
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64.random(in: 150...900, using: &generator)))
            // Four kiosks booking over and over until the server dies under them.
            let found = await withTaskGroup(of: [String].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var references: [String] = []
                        while ContinuousClock.now < deadline.advanced(by: .seconds(2)) {
                            do {
                                let lines = try await LineClient.withConnection(host: "127.0.0.1", port: port) { client in
                                    var lines = try await client.readTurn().lines
                                    for input in script {
                                        try await client.send(input)
                                        let turn = try await client.readTurn()
                                        lines += turn.lines
                                        if turn.ended { break }
                                    }
                                    return lines
                                }
                                for line in lines {
                                    if let range = line.firstRange(of: "Your reference is ") {
                                        references.append(String(line[range.upperBound...].prefix(36)))
                                    }
                                }
                            } catch {
                                break  // the server was killed
                            }
                        }
                        return references
                    }
                }
                group.addTask {
                    try? await Task.sleep(until: deadline)
                    kill(process.processIdentifier, SIGKILL)
                    return []
                }
                var all: [String] = []
                for await references in group { all += references }
                return all
            }
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
            announced += found
        }
        let rows = try SQLiteBookingSink(path: store).all()
        let ids = rows.map(\.id)
        #expect(Set(ids).count == ids.count, "no booking is stored twice")
        let missing = announced.filter { !ids.contains($0) }
        #expect(missing.isEmpty, "announced but not stored: \(missing)")
        #expect(rows.allSatisfy { $0.contact.name != nil && $0.schema == BookingRequest.schemaID }, "no torn rows")
        #expect(!announced.isEmpty, "some bookings completed between kills")
        let list = try CLI.run(["bookings", "list", "--bookings", store])
        #expect(list.status == 0)
        #expect(list.stdout.contains("\(rows.count) booking request"))
        print("crash safety: \(kills) kills, \(announced.count) announced bookings, \(rows.count) stored, 0 lost")
    }
}
