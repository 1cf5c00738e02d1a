import Foundation
import Testing
@testable import TriageCore

@Suite("Transcripts")
struct TranscriptTests {
    @Test func parsesHeaderCommentsInputsAndWildcards() throws {
        let text = "#! dialog: tiny-back\n#! emergency-number: 999\n# why\nHello [..]\n\n...\n> lower back\n>\nBye\n"
        let t = try Transcript.parse(text, file: "x.transcript")
        #expect(t.dialog == "tiny-back")
        #expect(t.emergencyNumber == "999")
        #expect(t.lines.map(\.kind) == [.output("Hello [..]"), .anyLines, .input("lower back"), .input(""), .output("Bye")])
        #expect(t.lines.map(\.number) == [4, 6, 7, 8, 9])
        #expect(t.inputs == ["lower back", ""])
    }

    @Test func headerIsRequiredAndChecked() {
        #expect(throws: Transcript.ParseError.noDialog(file: "x")) { try Transcript.parse("> hi\n", file: "x") }
        #expect(throws: Transcript.ParseError.badHeader(file: "x", line: 1, text: "#! dialgo: a")) {
            try Transcript.parse("#! dialgo: a\n", file: "x")
        }
    }

    @Test(arguments: [("Reference [..].", "Reference 1234-abcd.", true), ("[..]", "", true), ("a[..]b[..]c", "aXbYc", true),
                      ("a[..]b", "ab", true), ("a[..]b", "a", false), ("exact", "exact!", false), ("x[..]x", "x", false)])
    func wildcardLines(pattern: String, text: String, matches: Bool) {
        #expect(TranscriptComparison.wildcardMatch(pattern, text) == matches)
    }

    func compare(_ expected: String, _ actual: [Transcript.Line.Kind]) throws -> TranscriptComparison {
        TranscriptComparison(try Transcript.parse("#! dialog: d\n" + expected, file: "t.transcript"), actual: actual)
    }

    @Test func ellipsisAbsorbsAnyNumberOfLines() throws {
        #expect(try compare("a\n...\nz\n", [.output("a"), .output("b"), .output("c"), .output("z")]).matches)
        #expect(try compare("a\n...\nz\n", [.output("a"), .output("z")]).matches)
        #expect(try compare("...\n", []).matches)
        #expect(!(try compare("a\n...\nz\n", [.output("a"), .output("b")]).matches))
    }

    @Test func ellipsisNeverSwallowsInput() throws {
        #expect(!(try compare("a\n...\nz\n", [.output("a"), .input("x"), .output("z")]).matches))
    }

    @Test func mismatchGivesUnifiedDiffWithFileLines() throws {
        let comparison = try compare("Hello\n> yes\nGood\nBye\n", [.output("Hello"), .input("yes"), .output("Bad"), .output("Bye")])
        #expect(!comparison.matches)
        #expect(comparison.firstDifferenceLine == 4)
        #expect(comparison.unifiedDiff(actualName: "actual") == """
            --- t.transcript
            +++ actual
            @@ -2,4 +1,4 @@
             Hello
             > yes
            -Good
            +Bad
             Bye

            """)
    }

    @Test func updateKeepsHeaderCommentsAndMatchingWildcards() throws {
        let text = "#! dialog: d\n# about this\nRef [..]\n# before input\n> yes\nOld\n# end\n"
        let transcript = try Transcript.parse(text, file: "t")
        let comparison = TranscriptComparison(transcript, actual: [.output("Ref 42"), .input("yes"), .output("New")])
        #expect(comparison.updatedText() == "#! dialog: d\n# about this\nRef [..]\n# before input\n> yes\nNew\n# end\n")
    }

    /// A changed question right before an input is replaced in place: the blank line in front of the input stays in
    /// front of the input (it used to be copied in front of the new question too).
    @Test func updateReplacesAChangedLineWithoutAddingBlankLines() throws {
        let text = "#! dialog: d\nWhy\nOld question?\n\n> no\nNext\n"
        let transcript = try Transcript.parse(text, file: "t")
        let comparison = TranscriptComparison(transcript, actual: [.output("Why"), .output("New question?"), .input("no"), .output("Next")])
        #expect(comparison.updatedText() == "#! dialog: d\nWhy\nNew question?\n\n> no\nNext\n")
    }

    @Test func inProcessRunOfTheDocumentedExample() throws {
        let spec = try Fixture.tiny()
        let conversation = TranscriptRunner.converse(spec: spec, emergencyNumber: nil, inputs: ["lower back", "yes"]) { _ in
            .bookingFailed(reason: "unused")
        }
        let lines = conversation.lines
        #expect(lines.contains(.output("Please call 911 now.")))
        #expect(lines.contains(.input("yes")))
        #expect(conversation.machine.outcome == .emergency)
    }

    // MARK: The shipped transcripts

    static func transcriptFiles() -> [String] {
        let folder = Repo.path("transcripts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".transcript") }.sorted()
    }

    struct Run {
        var comparison: TranscriptComparison
        var machine: DialogMachine
        var bookings: [BookingRequest]
    }

    static func run(_ name: String) throws -> Run {
        let transcript = try Transcript.parse(Repo.text("transcripts/\(name)"), file: "transcripts/\(name)")
        let spec = try Fixture.dialog(try #require(transcript.dialog))
        var stored: [BookingRequest] = []
        let (comparison, machine) = TranscriptRunner.run(transcript, spec: spec) { draft in
            let request = draft.finalize(id: "id-\(stored.count)", createdAt: "2026-11-25T00:00:00Z", source: "test")
            stored.append(request)
            return .bookingStored(id: request.id)
        }
        return Run(comparison: comparison, machine: machine, bookings: stored)
    }

    /// Whether the transcript's expected output contains the dialog's "stored" text of a booking step
    /// (up to its first placeholder, the reference).
    static func showsABookingStored(_ name: String) throws -> Bool {
        let transcript = try Transcript.parse(Repo.text("transcripts/\(name)"), file: "transcripts/\(name)")
        let spec = try Fixture.dialog(try #require(transcript.dialog))
        let storedPrefixes = spec.nodes.compactMap(\.booking).map { String($0.stored.prefix { $0 != "{" }) }
        return transcript.lines.contains { line in
            guard case .output(let text) = line.kind else { return false }
            return storedPrefixes.contains { !$0.isEmpty && text.contains($0.prefix(40)) }
        }
    }

    @Test func fourteenShippedTranscriptsStoreABooking() throws {
        #expect(try Self.transcriptFiles().filter(Self.showsABookingStored).count == 14)
    }

    @Test func thereAreAtLeastTwentyTranscripts() {
        #expect(Self.transcriptFiles().count >= 20)
    }

    @Test(arguments: transcriptFiles())
    func transcriptPasses(name: String) throws {
        let run = try Self.run(name)
        #expect(run.comparison.matches, "\(name):\(run.comparison.firstDifferenceLine ?? 0)\n\(run.comparison.unifiedDiff())")
        // Exactly one booking when the transcript shows the request stored, none otherwise; never for an
        // emergency or urgent case.
        #expect(run.bookings.count == (try Self.showsABookingStored(name) ? 1 : 0))
        if let outcome = run.machine.outcome, outcome.forbidsBooking { #expect(run.bookings.isEmpty) }
        for booking in run.bookings { #expect(booking.disposition == .massageOK || booking.needsMedicalClearance) }
    }

    @Test func transcriptsReachEveryDispositionAndEveryRedFlagOfTheShippedDialog() throws {
        let spec = try Fixture.dialog("back-strain")
        var dispositions: Set<Disposition> = []
        var visited: Set<String> = []
        var fired: Set<String> = []
        for name in Self.transcriptFiles() {
            let run = try Self.run(name)
            guard run.machine.spec.id == spec.id else { continue }
            if let outcome = run.machine.outcome { dispositions.insert(outcome) }
            visited.formUnion(run.machine.visitedNodes)
            fired.formUnion(run.machine.firedInterrupts)
        }
        #expect(dispositions == Set(Disposition.allCases))
        let outcomes = spec.nodes.filter { $0.kind == .outcome }.map(\.id)
        #expect(outcomes.filter { !visited.contains($0) } == [], "outcomes no transcript reaches")
        #expect(spec.interrupts.map(\.id).filter { !fired.contains($0) } == [], "interrupts no transcript fires")
    }
}
