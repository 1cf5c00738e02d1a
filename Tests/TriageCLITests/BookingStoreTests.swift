import Foundation
import Testing
import TriageBooking
import TriageCore

@Suite("Booking stores and triage bookings")
struct BookingStoreTests {
    static func request(_ id: String = UUID().uuidString.lowercased(), disposition: Disposition = .massageOK) -> BookingRequest {
        BookingRequest(id: id, createdAt: "2026-11-25T10:00:00.000Z", dialog: .init(id: "back-strain", version: "1.0.0"),
                       disposition: disposition, needsMedicalClearance: false, location: "Lower back", side: nil, spreading: nil,
                       cause: "Lifting or carrying", onset: nil, severity: 5, worse: nil, stress: nil, redFlags: [], notes: ["light pressure only"],
                       plan: TreatmentPlan(values: ["technique": "Swedish massage", "minutes": "60"], advice: [], notes: []),
                       preferences: .init(), contact: .init(name: "Ana", phone: "555 123 4567", email: nil), consent: true,
                       source: "test", answers: [])
    }

    /// A booking's time: UTC with milliseconds, read back by `triage bookings --since` and the FHIR export.
    @Test func bookingTimesAreUTCWithMillisecondsAndReadBack() throws {
        let moment = Date(timeIntervalSince1970: 1_795_590_923.5)
        #expect(ISO8601.string(moment) == "2026-11-25T07:15:23.500Z")
        let now = Date()
        let text = ISO8601.string(now)
        #expect(text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil, "\(text)")
        let back = try #require(ISO8601.date(text))
        #expect(abs(back.timeIntervalSince(now)) < 0.002)
    }

    @Test func sqliteStoreIsPrivateAndRoundTrips() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("nested/bookings.sqlite").path
        let sink = try SQLiteBookingSink(path: path)
        let request = Self.request()
        try sink.store(request)
        #expect(try sink.all() == [request])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // A second open (a restarted process) sees the row.
        #expect(try SQLiteBookingSink(path: path).all().map(\.id) == [request.id])
    }

    @Test func duplicateIdIsRefusedNotStoredTwice() throws {
        let sink = try SQLiteBookingSink(path: try CLI.temporaryDirectory().appendingPathComponent("b.sqlite").path)
        let request = Self.request()
        try sink.store(request)
        #expect(throws: BookingStoreError.self) { try sink.store(request) }
        #expect(try sink.all().count == 1)
    }

    @Test(arguments: [Disposition.emergency, .urgent])
    func sinksRefuseEmergencyAndUrgentRequests(disposition: Disposition) throws {
        let dir = try CLI.temporaryDirectory()
        let sinks: [BookingSink] = [try SQLiteBookingSink(path: dir.appendingPathComponent("b.sqlite").path),
                                    try JSONLinesBookingSink(path: dir.appendingPathComponent("b.jsonl").path), MemoryBookingSink()]
        for sink in sinks {
            #expect(throws: BookingStoreError.self) { try sink.store(Self.request(disposition: disposition)) }
            #expect(try sink.all().isEmpty)
        }
    }

    @Test func corruptStoreIsAClearErrorAtStartup() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("b.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: BookingStoreError.self) { try SQLiteBookingSink(path: path) }
        let result = try CLI.run(["chat", "--bookings", path], input: "lower back\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("triage chat will not start without a working bookings store"))
        #expect(!result.stdout.contains("Where"), "no conversation starts")
    }

    @Test func unwritableStoreIsAClearErrorAtStartup() throws {
        let result = try CLI.run(["chat", "--bookings", "/proc/triage/b.sqlite"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open bookings store /proc/triage/b.sqlite"))
    }

    @Test func fullDiskDuringWriteTellsThePersonToCallTheClinic() throws {
        // /dev/full accepts the open and fails every write with ENOSPC.
        let inputs = try CLI.bookingInputs()
        let result = try CLI.run(["chat", "--bookings", "/dev/full", "--sink", "jsonl"], input: inputs.map { $0 + "\n" }.joined())
        #expect(result.status == 0)
        #expect(result.stderr.contains("No space left on device"))
        #expect(result.stdout.contains("could not be stored") || result.stdout.contains("could not be sent"))
        #expect(!result.stdout.contains("Your reference is"))
    }

    @Test func fullSQLiteStoreFailsTheWrite() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("b.sqlite").path
        _ = try SQLiteBookingSink(path: path)
        let sink = try SQLiteBookingSink(path: path, maxPageCount: 4)
        var big = Self.request()
        big.notes = [String(repeating: "x", count: 100_000)]
        #expect(throws: BookingStoreError.self) { try sink.store(big) }
    }

    @Test func jsonLinesAppendsOneDocumentPerLine() throws {
        let path = try CLI.temporaryDirectory().appendingPathComponent("b.jsonl").path
        let sink = try JSONLinesBookingSink(path: path)
        let a = Self.request(), b = Self.request()
        try sink.store(a)
        try sink.store(b)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count == 2)
        #expect(text.contains(#""schema":"triage.booking/1""#))
        #expect(try sink.all() == [a, b])
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    }

    /// The person is told "stored" only after the commit: kill the process the moment that line appears.
    @Test func processKilledRightAfterStoredStillHasTheRow() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("b.sqlite").path
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["chat", "--bookings", path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Keep stdin open so the process is still running when it is killed.
        stdin.fileHandleForWriting.write(Data(try CLI.bookingInputs().map { $0 + "\n" }.joined().utf8))
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("Your reference is"), Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen += String(decoding: chunk, as: UTF8.self)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(seen.contains("Your reference is"))
        let reference = try #require(seen.firstRange(of: "Your reference is ").map { String(seen[$0.upperBound...].prefix(36)) })
        let rows = try SQLiteBookingSink(path: path).all()
        #expect(rows.map(\.id) == [reference])
        #expect(rows.first?.contact.name != nil)
    }

    @Test func bookingsCommandListsShowsAndExports() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("b.sqlite").path
        let sink = try SQLiteBookingSink(path: path)
        var old = Self.request("00000000-aaaa-4aaa-8aaa-000000000001")
        old.createdAt = "2026-01-01T09:00:00.000Z"
        let new = Self.request("00000000-bbbb-4bbb-8bbb-000000000002")
        try sink.store(old)
        try sink.store(new)

        let list = try CLI.run(["bookings", "list", "--bookings", path])
        #expect(list.status == 0)
        #expect(list.lines.first?.hasPrefix("ID") == true)
        #expect(list.stdout.contains("2 booking requests"))
        #expect(list.stdout.contains("Lower back"))

        let since = try CLI.run(["bookings", "list", "--bookings", path, "--since", "2026-06-01"])
        #expect(since.stdout.contains("1 booking request\n"))
        #expect(!since.stdout.contains("00000000-aaaa"))

        let show = try CLI.run(["bookings", "show", "00000000-bbbb", "--bookings", path])
        #expect(show.status == 0)
        #expect(show.stdout.contains("\"id\" : \"00000000-bbbb-4bbb-8bbb-000000000002\""))

        let csv = try CLI.run(["bookings", "export", "--format", "csv", "--bookings", path])
        #expect(csv.stdout.hasPrefix("id,created_at,dialog,"))
        #expect(csv.stdout.split(separator: "\r\n").count == 3)

        let jsonl = try CLI.run(["bookings", "export", "--format", "jsonl", "--bookings", path])
        #expect(jsonl.lines.count == 2)

        let badSince = try CLI.run(["bookings", "list", "--bookings", path, "--since", "last tuesday"])
        #expect(badSince.status != 0)
        #expect(badSince.stderr.contains("--since must be an ISO 8601 date"))

        let missing = try CLI.run(["bookings", "list", "--bookings", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no bookings store at"))
    }

    /// An independent validator (the Python `fhir.resources` package, installed by .ci/run) checks the export.
    @Test func fhirExportValidates() throws {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("b.sqlite").path
        let inputs = try CLI.bookingInputs()
        let chat = try CLI.run(["chat", "--bookings", path], input: inputs.map { $0 + "\n" }.joined())
        #expect(chat.stdout.contains("Your reference is"))
        let export = try CLI.run(["bookings", "export", "--format", "fhir", "--bookings", path])
        #expect(export.status == 0)
        let bundles = dir.appendingPathComponent("bundles.jsonl")
        try export.stdout.write(to: bundles, atomically: true, encoding: .utf8)
        let script = """
        import sys
        from fhir.resources.R4B.bundle import Bundle
        n = 0
        for line in open(sys.argv[1]):
            b = Bundle.model_validate_json(line)
            kinds = sorted(e.resource.__resource_type__ for e in b.entry)
            assert kinds == ["Appointment", "Patient", "QuestionnaireResponse"], kinds
            appointment = [e.resource for e in b.entry if e.resource.__resource_type__ == "Appointment"][0]
            assert appointment.status == "proposed"
            n += 1
        print("valid", n)
        """
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", script, bundles.path]
        let out = Pipe(), err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        python.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let problems = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(python.terminationStatus == 0, "FHIR validation failed (pip install fhir.resources): \(problems)")
        #expect(printed == "valid 1\n")
    }
}
