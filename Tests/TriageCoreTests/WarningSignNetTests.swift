import Testing
@testable import TriageCore

/// The warning-sign questions are the net for signs typed in words no pattern knows. A seventeenth review answered
/// them in fresh words: no yes was read as a no, but 47 % were asked again ("Please answer yes or no"), and a "no"
/// after that booked a massage with nothing noted. Now the question's help is said again, what was typed goes into the
/// booking request (which then needs medical clearance), and the questions without words of their own have them.
@Suite("The warning-sign questions as a safety net")
struct WarningSignNetTests {
    /// Up to the first warning-sign question, on a path that reaches the accident and severe-pain questions too.
    static let toScreen = ["lower back", "left", "no", "sport", "a few days", "better", "9", "bending", "35"]
    /// After the last warning-sign question, to the request being sent.
    static let toBooking = ["medium", "firm", "60", "monday", "morning", "Sam Lee", "555 123 4567", "sam@example.com",
                            "yes", "yes"]

    /// Answers "no" to every yes/no question until `question` is asked.
    static func reach(_ question: String, _ harness: inout Harness) {
        harness.say(toScreen)
        for _ in 0..<40 where harness.lastAsk?.id != question { harness.say("no") }
    }

    /// Answers "no" to the remaining yes/no questions, then books.
    static func book(_ harness: inout Harness) {
        for _ in 0..<40 where harness.lastAsk?.input == .yesno { harness.say("no") }
        harness.say(toBooking)
    }

    @Test func aDescriptionAskedAgainIsAnsweredWithTheQuestionsHelp() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_bladder", &harness)
        let events = harness.say("things are different since the back went")
        let help = try #require(harness.machine.spec.node("rf_bladder")?.question?.help)
        #expect(events.contains { if case .error("not_understood", let text) = $0 { text.contains(help) } else { false } })
        #expect(harness.lastAsk?.id == "rf_bladder")
    }

    @Test func aNoAfterADescriptionBooksWithTheDescriptionAndAsksForClearance() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_bladder", &harness)
        harness.say(["things are different since the back went", "no"])
        #expect(harness.lastAsk?.id == "rf_continence")
        Self.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.needsMedicalClearance)
        #expect(request.notes.contains { $0.contains("things are different since the back went") && $0.contains("pee") })
    }

    @Test func aPlainNoBooksWithoutClearance() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_bladder", &harness)
        Self.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(!request.needsMedicalClearance)
        #expect(!request.notes.contains { $0.contains("first wrote") })
    }

    /// A line that leans to no is noted too: "no, nothing eases it at all" is a yes to the severe-pain question.
    @Test func aDenialAskedAgainIsNotedToo() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_severe", &harness)
        harness.say(["no, nothing eases it at all", "no"])
        Self.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.needsMedicalClearance)
        #expect(request.notes.contains { $0.contains("no, nothing eases it at all") })
    }

    /// What was typed before a restart is still noted when the question is answered "no" again.
    @Test func theDescriptionIsKeptAcrossARestart() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_saddle", &harness)
        harness.say(["it's been different since Sunday", "no", "restart"])
        Self.reach("rf_saddle", &harness)
        Self.book(&harness)
        let request = try #require(harness.bookings.first, "\(harness.text)")
        #expect(request.needsMedicalClearance)
        #expect(request.notes.contains { $0.contains("it's been different since Sunday") })
    }

    /// After an urgent sign's advice the emergency signs are asked; running out of attempts there without having
    /// started with a denial is the emergency, not the urgent advice ("hasn't been the same" denies nothing).
    @Test(arguments: ["my wee hasn't been the same", "things haven't been normal down below"])
    func unclearAnswersAtTheEmergencySignsThatDoNotStartWithADenialAreAnEmergency(answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever"])
        #expect(harness.lastAsk?.id == "emergency_check")
        harness.say([answer, answer, answer])
        #expect(harness.outcome == .emergency, "\(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    @Test func unclearAnswersAtTheEmergencySignsThatStartWithADenialKeepTheUrgentAdvice() throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        harness.say(["lower back", "I've got a fever", "no, I can walk fine", "no, my legs work", "no, I can walk and pee fine"])
        #expect(harness.outcome == .urgent, "\(harness.text)")
    }

    /// A minimiser in front of a hedge changes nothing.
    @Test(arguments: ["just a bit", "only a little", "just the once", "just a tiny bit"])
    func aMinimisedHedgeIsAYes(answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_saddle", &harness)
        harness.say(answer)
        #expect(harness.outcome == .emergency, "\(answer): \(harness.text)")
    }

    /// Descriptions of the sign are a yes: at the questions that had no words of their own (the review read 7 of 52
    /// there as a yes), and in the words people use for each sign ("trickle", "pads", "cotton wool", "by the day").
    @Test(arguments: [
        ("rf_surgery", "I had my gallbladder out a month ago"), ("rf_surgery", "I cracked a rib last month"),
        ("rf_surgery", "I had a knee replacement five weeks ago"), ("rf_surgery", "fractured my ankle recently, it's in a boot"),
        ("rf_morning", "stiff when I wake, better once I'm moving about"), ("rf_morning", "every morning for about an hour"),
        ("rf_morning", "it takes ages to unlock in the morning"), ("rf_severe", "every position is agony"),
        ("rf_severe", "I can't find any relief however I arrange myself"), ("rf_severe", "whatever I do it's the same"),
        ("rf_accident", "fell down the whole staircase"), ("rf_accident", "I was thrown from a motorbike"),
        ("rf_accident", "a car went into the back of me at the lights"),
        ("rf_bladder", "it's only a trickle now"), ("rf_bladder", "I have to strain to get it going"),
        ("rf_continence", "I've had to wear pads"), ("rf_continence", "I didn't make it to the loo twice"),
        ("rf_saddle", "it feels like cotton wool down there"), ("rf_one_leg", "my left leg gets weaker by the day"),
        ("rf_one_leg", "the tingling has spread to my foot"), ("rf_dvt", "my right calf is puffy and tender"),
        ("rf_fall_osteoporosis", "my bone density scan was low"), ("rf_immune", "I catch everything going"),
        ("rf_weight", "I've had to tighten my belt"), ("rf_night", "it hurts day and night"), ("rf_fever", "I've had a temp"),
    ])
    func descriptionsOfTheSignAreAYes(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        #expect(harness.lastAsk?.id == question, "\(harness.text)")
        harness.say(answer)
        #expect(harness.outcome.map { $0 != .massageOK } ?? false, "\(question) \(answer): \(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    /// Words that name other things are not a yes: a steroid cream or inhaler is not a steroid course, blood pressure
    /// pills do not weaken immunity.
    @Test(arguments: [("rf_fall_steroids", "no, only a steroid cream"), ("rf_immune", "no, I only use a steroid inhaler"),
                      ("rf_immune", "I take meds for my blood pressure"), ("rf_immune", "I had a flu injection")])
    func otherThingsWithTheSameWordsAreNotAYes(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        harness.say(answer)
        #expect(harness.outcome == nil, "\(question) \(answer): \(harness.text)")
    }

    /// Plain denials at those questions are still a no.
    @Test(arguments: [("rf_surgery", "no, nothing like that"), ("rf_morning", "nope"), ("rf_severe", "not that I know of"),
                      ("rf_accident", "no")])
    func denialsThereAreStillNo(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        harness.say(answer)
        #expect(harness.outcome == nil, "\(question) \(answer): \(harness.text)")
        #expect(harness.lastAsk?.id != question, "\(question) \(answer): asked again")
    }

    /// An eighteenth review: descriptions whose negative words describe the sign ("for no reason", "nothing shifts
    /// it", "pins n needles") typed three times ended in the hand-off, which names no sign; now in its advice.
    @Test(arguments: [("rf_saddle", "my privates feel sort of faint, not like normal", Disposition.emergency),
                      ("rf_both_legs", "pins n needles in both calves", .emergency),
                      ("rf_chest", "I've been drenched in sweat for no reason", .emergency),
                      ("rf_weight", "I've dropped two dress sizes without doing anything", .doctor),
                      ("rf_night", "I sleep in a chair because bed is agony and nothing shifts it", .doctor)])
    func descriptionsWithNegativeWordsTypedThreeTimesGetTheSignsAdvice(question: String, answer: String,
                                                                         disposition: Disposition) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        harness.say([answer, answer, answer])
        #expect(harness.outcome == disposition, "\(question) \(answer): \(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    /// Denials typed three times still end in the hand-off (a seventh review found them taken as yes).
    @Test(arguments: [("rf_saddle", "no, it feels normal down there"), ("rf_night", "nope, it eases when I lie down")])
    func denialsTypedThreeTimesStillEndInTheHandoff(question: String, answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        harness.say([answer, answer, answer])
        #expect(harness.outcome == .handoff, "\(question) \(answer): \(harness.text)")
    }

    /// "No, the only X is ...": what the mention turned out to be. Asked again, not read as the sign (an eighteenth
    /// review found these given emergency advice); "the only thing is I can't pee" still reports it, and so does what
    /// says where or when the sign is ("the only burning is when I pee"; so "the only leak is in my roof" is still read
    /// as a leak: over-triage, kept).
    @Test(arguments: [("rf_chest", "no, the only pressure is work pressure", false),
                      ("rf_urine", "no, the only burning is heartburn", false),
                      ("rf_bladder", "no, the only thing is I can't pee properly", true),
                      ("rf_urine", "no, the only burning is when I pee", true),
                      ("rf_dvt", "no, the only swelling is in my left calf", true)])
    func theOnlyXIsSaysWhatTheMentionWas(question: String, answer: String, isTheSign: Bool) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach(question, &harness)
        harness.say(answer)
        if isTheSign {
            #expect(harness.outcome != nil, "\(question) \(answer): \(harness.text)")
        } else {
            #expect(harness.outcome == nil, "\(question) \(answer): \(harness.text)")
            #expect(harness.lastAsk?.id == question, "\(question) \(answer): should be asked again")
        }
    }

    /// Denials an eighteenth review found asked again at every question.
    @Test(arguments: ["I haven't noticed anything like that", "nothing like that here", "haven't had that",
                      "noo", "nope, not me"])
    func everydayDenialsAreANo(answer: String) throws {
        var harness = Harness(try Fixture.dialog("back-strain"))
        Self.reach("rf_both_legs", &harness)
        harness.say(answer)
        #expect(harness.outcome == nil, "\(answer): \(harness.text)")
        #expect(harness.lastAsk?.id != "rf_both_legs", "\(answer): asked again")
    }
}
