import Testing
@testable import TriageCore

/// What a person types beyond the answer a question takes (or at a question that could not read it) reaches the
/// clinic in the booking request's notes: an eighteenth review found doctor-level signs typed with the first answer
/// ("lower back, I've lost a lot of weight without trying") thrown away.
@Suite("Own words kept for the clinic")
struct OwnWordsTests {
    /// Books after `first` as the answer to the first question, every yes/no question answered "no".
    static func book(afterFirst first: [String]) throws -> BookingRequest {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(first + WarningSignNetTests.toScreen.dropFirst())
        WarningSignNetTests.book(&harness)
        return try #require(harness.bookings.first, "\(harness.text)")
    }

    @Test func wordsBeyondTheAnswerAreNoted() throws {
        let line = "lower back, and I've lost a lot of weight lately"
        let request = try Self.book(afterFirst: [line])
        #expect(request.location == "Lower back")
        #expect(request.notes.contains { $0.contains(line) && $0.contains("Where is your pain worst?") }, "\(request.notes)")
        #expect(!request.needsMedicalClearance)
    }

    @Test(arguments: ["lower back", "my lower back, mostly", "Lower back please", "1"])
    func anAnswerThatSaysNothingMoreIsNotNoted(line: String) throws {
        let request = try Self.book(afterFirst: [line])
        #expect(!request.notes.contains { $0.contains("the person wrote") }, "\(request.notes)")
    }

    /// Not understood, then answered: the line is noted all the same ("without" rules the option out, so the review's
    /// own line is asked again at the first question).
    @Test(arguments: ["everywhere really after gardening all weekend", "lower back, and I've lost a lot of weight without trying"])
    func aLineNotUnderstoodIsNotedToo(line: String) throws {
        let request = try Self.book(afterFirst: [line, "lower back"])
        #expect(request.notes.contains { $0.contains(line) }, "\(request.notes)")
    }

    @Test func noMoreThanTheLimitIsKept() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        for index in 0..<(DialogMachine.maxOwnWords + 5) { harness.say(["lower back, worse after gardening all weekend \(index)", "back"]) }
        harness.say(WarningSignNetTests.toScreen)
        WarningSignNetTests.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        // The latest are kept.
        #expect(request.notes.filter { $0.contains("after gardening") }.count == DialogMachine.maxOwnWords, "\(request.notes)")
        #expect(request.notes.contains { $0.contains("all weekend \(DialogMachine.maxOwnWords + 4)") })
        #expect(!request.notes.contains { $0.contains("all weekend 0\"") })
    }

    @Test(arguments: [
        ("lower back, and I've lost a lot of weight without trying", true), ("lower back", false), ("no thanks", false),
        ("yes, it goes down into my knee", true), ("about 7 I think", false),
    ])
    func whatSaysMore(line: String, saysMore: Bool) throws {
        let spec = try Fixture.dialog("back-strain")
        let matcher = AnswerMatcher(words: spec.words)
        let question = try #require(spec.node(line.hasPrefix("lower") ? "location" : line.hasPrefix("about") ? "severity" : "spreading")?.question)
        let words = Normalizer.words(line)
        #expect(AnswerMatcher.saysMore(words, than: matcher.match(line, to: question), to: question, words: spec.words) == saysMore)
    }

    /// What was said is kept when the answer is later changed or the conversation restarted.
    @Test func notesSurviveARestart() throws {
        let line = "upper back, from carrying my toddler around"
        let request = try Self.book(afterFirst: [line, "restart", "lower back"])
        #expect(request.location == "Lower back")
        #expect(request.notes.contains { $0.contains(line) }, "\(request.notes)")
    }

    /// A line not understood at a warning-sign question, then `back` (which forgets the attempts there), then "no":
    /// the line is still noted, and clearance is asked for.
    @Test func anUnclearLineAtAWarningSignLeftByBackStillAsksForClearance() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        WarningSignNetTests.reach("rf_bladder", &harness)
        let line = "things have felt different down there since tuesday"
        harness.say([line, "back", "no"])
        #expect(harness.lastAsk?.id == "rf_bladder", "\(harness.text)")
        WarningSignNetTests.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.needsMedicalClearance)
        #expect(request.notes.filter { $0.contains(line) }.count == 1, "\(request.notes)")
    }

    /// Quoted once: by the note for a warning-sign question answered "no" after it, not again as own words.
    @Test func aLineBeforeANoIsQuotedOnce() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        WarningSignNetTests.reach("rf_bladder", &harness)
        let line = "things have felt different down there since tuesday"
        harness.say([line, "no"])
        WarningSignNetTests.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.notes.filter { $0.contains(line) }.count == 1, "\(request.notes)")
    }

    /// A pasted page is noted by its first `AnswerMatcher.maxTextLength` characters.
    @Test func aVeryLongLineIsNotedByItsBeginning() throws {
        let line = "lower back, " + String(repeating: "after gardening all weekend ", count: 200)
        let request = try Self.book(afterFirst: [line])
        let note = try #require(request.notes.first { $0.contains("after gardening") }, "\(request.notes)")
        #expect(note.count < AnswerMatcher.maxTextLength + 200)
        #expect(note.contains(String(line.prefix(AnswerMatcher.maxTextLength)) + "…"))
    }

    /// A line that asks for clearance is not pushed out by later notes, and one word not understood at a warning-sign
    /// question is kept too (a review found both lost after `back`).
    @Test(arguments: ["things have felt different down there since tuesday", "dribbly"])
    func aLineAtAWarningSignIsKeptPastTheLimit(line: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        WarningSignNetTests.reach("rf_bladder", &harness)
        harness.say([line, "back", "no"])
        for _ in 0..<40 where harness.lastAsk?.input == .yesno { harness.say("no") }
        for index in 0..<(DialogMachine.maxOwnWords + 2) {
            harness.say(["medium, work has been hectic lately number \(index)", "back"])
        }
        harness.say(WarningSignNetTests.toBooking)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.needsMedicalClearance)
        #expect(request.notes.contains { $0.contains("\"\(line)\"") }, "\(request.notes)")
    }
}
