import Foundation
import Testing
@testable import TriageCore

@Suite("Dialog machine")
struct MachineTests {
    let happyPath = ["lower back", "no", "4", "555 123 4567"]

    @Test func startsWithTheDisclaimerThenTheFirstQuestion() throws {
        let harness = Harness(try Fixture.tiny())
        guard case .say(let disclaimer) = harness.events.first else { Issue.record("no disclaimer first"); return }
        #expect(disclaimer.contains("not a diagnosis"))
        #expect(disclaimer.contains("911"))
        #expect(harness.lastAsk?.id == "where")
        #expect(harness.lastAsk?.choices.map(\.id) == ["lower_back", "neck"])
    }

    @Test func emergencyNumberCanBeOverridden() throws {
        let harness = Harness(try Fixture.tiny(), emergencyNumber: "999")
        #expect(harness.text.first?.contains("call 999") == true)
    }

    @Test func completeBookingEmitsExactlyOneRequestAfterConfirmation() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        #expect(harness.lastAsk?.id == "summary")
        #expect(harness.bookings.isEmpty, "nothing is booked before the summary is confirmed")
        harness.say("yes")
        #expect(harness.bookings.count == 1)
        #expect(harness.outcome == .massageOK)
        #expect(harness.text.contains("Your request is stored (reference booking-1)."))
        let request = try #require(harness.bookings.first)
        #expect(request.location == "Lower back")
        #expect(request.severity == 4)
        #expect(request.contact.phone == "555 123 4567")
        #expect(request.redFlags.map(\.question) == ["numb"])
        #expect(request.redFlags.first?.present == false)
        #expect(request.dialog.id == "tiny-back")
        // After the end, nothing more can be booked whatever is typed.
        harness.say("yes")
        harness.say("restart")
        #expect(harness.bookings.count == 1)
        #expect(harness.errorCodes == ["ended"])
    }

    @Test func bookingIsAnnouncedOnlyAfterItIsStored() throws {
        var machine = DialogMachine(spec: try Fixture.tiny())
        _ = machine.start()
        for line in happyPath { _ = machine.receive(.line(line)) }
        let events = machine.receive(.line("yes"))
        guard case .bookingReady = events.last else { Issue.record("expected bookingReady last, got \(events)"); return }
        #expect(!events.contains { if case .say(let t) = $0 { t.contains("stored") } else { false } })
        // While the write is pending, more input is refused rather than processed.
        #expect(machine.receive(.line("yes")).first == .error(code: "busy", text: "One moment, your request is being stored."))
        let after = machine.receive(.bookingStored(id: "abc"))
        #expect(after.first == .booking(id: "abc", status: .stored))
    }

    @Test func failedBookingTellsThePersonToCallTheClinic() throws {
        var harness = Harness(try Fixture.tiny())
        harness.failBookings = true
        harness.say(happyPath + ["yes"])
        #expect(harness.events.contains(.booking(id: "", status: .failed)))
        #expect(harness.text.contains("Sorry, your request could not be stored. Please call the clinic."))
        #expect(harness.outcome == .handoff)
    }

    @Test func redFlagYesLeadsToEmergencyWithReminderAndNoBooking() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "yes"])
        #expect(harness.outcome == .emergency)
        #expect(harness.text.first == "Please call 911 now.")
        #expect(harness.text.last?.contains("call 911") == true, "the emergency instruction is repeated at the end")
        #expect(harness.ended)
        harness.say("yes")
        #expect(harness.bookings.isEmpty)
    }

    @Test func handoffAfterThreeFailedAnswersWithEscalatingHelp() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say("kidneys")
        #expect(harness.text.first == "Sorry, I didn't understand that. Please choose one area, for example \"lower back\".")
        #expect(harness.lastAsk?.id == "where", "the error and the question come in one turn")
        harness.say("kidneys")
        #expect(harness.text.first == "Sorry, I didn't understand that. Please answer with one of: Lower back or Neck and shoulders.")
        harness.say("kidneys")
        #expect(harness.outcome == .handoff)
        #expect(harness.text.first == "I'm having trouble understanding. Please call the clinic.")
    }

    /// At a red-flag yes/no question the hand-off would name no sign: after the last unclear answer it is taken as
    /// yes, and the person gets that sign's advice.
    @Test func unclearAnswersAtARedFlagQuestionAreTakenAsYes() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "not sure", "no idea"])
        #expect(harness.outcome == nil)
        #expect(harness.lastAsk?.id == "numb")
        harness.say("hmm")
        #expect(harness.text.first == "I still can't tell whether you have this, so to be safe I will take your answer as a yes.")
        #expect(harness.outcome == .emergency)
        #expect(harness.bookings.isEmpty)
    }

    /// A seventh review: "no, I can pee fine" three times was taken as yes. Unclear answers that lean to no end in
    /// the hand-off, as before.
    @Test func unclearDenialsAtARedFlagQuestionEndInTheHandoff() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "no, I can feel it fine", "not sure", "no, it feels normal down there"])
        #expect(harness.outcome == .handoff)
    }

    @Test func aGoodAnswerResetsTheAttemptCounter() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["kidneys", "kidneys", "lower back", "not sure", "not sure"])
        #expect(harness.outcome == nil)
        #expect(harness.lastAsk?.id == "numb")
    }

    @Test func outOfRangeNumberIsExplained() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "no", "12"])
        #expect(harness.text.first == "Please give a number from 0 to 10.")
        harness.say("7/10")
        #expect(harness.machine.answers["how_bad"] == .number(7))
    }

    @Test func helpExplainsTheCurrentQuestion() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say("help")
        #expect(harness.text.prefix(2) == ["Pick the area where the pain is strongest.", "Please answer with one of: Lower back or Neck and shoulders."])
        #expect(harness.lastAsk?.id == "where")
        harness.say("?")
        #expect(harness.lastAsk?.id == "where")
        #expect(harness.errorCodes.isEmpty)
    }

    /// A dialog's own command words: the machine skips the command lookups for lines whose first word starts no
    /// command, so words with other scripts, punctuation, capitals or no letters at all must still work.
    @Test(arguments: [("zur\u{FC}ck", "where"), ("ZURU\u{308}CK!", "where"), ("Start-Over", "where"), ("?", "numb"), ("hilfe bitte", "numb")])
    func customCommandWordsStillWork(typed: String, asked: String) throws {
        let text = try Fixture.tinyText() + "commands:\n  back: [zur\u{FC}ck]\n  restart: [start over]\n  help: [\"?\", hilfe bitte]\n"
        var harness = Harness(try Fixture.load(text))
        harness.say("lower back")
        #expect(harness.lastAsk?.id == "numb")
        harness.say(typed)
        #expect(harness.lastAsk?.id == asked, "\(typed)")
        #expect(harness.errorCodes.isEmpty, "\(typed)")
    }

    @Test func repeatAsksAgainWithoutCountingAFailure() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["kidneys", "repeat", "repeat", "kidneys"])
        #expect(harness.outcome == nil)
        #expect(harness.text.first?.contains("Please answer with one of") == true)
    }

    @Test func backReturnsToThePreviousQuestionAndClearsLaterAnswers() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "no", "back"])
        #expect(harness.lastAsk?.id == "numb")
        #expect(harness.machine.answers["numb"] == nil)
        harness.say("back")
        #expect(harness.lastAsk?.id == "where")
        #expect(harness.machine.answers["where"] == nil)
        harness.say("back")
        #expect(harness.text.first == "This is the first question.")
        harness.say(["neck", "no", "3"])
        #expect(harness.machine.answers["where"] == .choice("neck"))
    }

    @Test func restartClearsEverything() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "no", "restart"])
        #expect(harness.lastAsk?.id == "where")
        #expect(harness.machine.answers.values.isEmpty)
        #expect(harness.text.first == "Starting again from the beginning.")
    }

    @Test func quitAsksToConfirm() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "quit"])
        #expect(harness.lastAsk?.id == "quit")
        harness.say("no")
        #expect(harness.lastAsk?.id == "numb", "saying no resumes at the same question")
        harness.say(["quit", "yes"])
        #expect(harness.text == ["Goodbye. Nothing was booked."])
        #expect(harness.events.last == .end(.quit))
        #expect(harness.bookings.isEmpty)
    }

    @Test func endOfInputEndsPolitely() throws {
        var machine = DialogMachine(spec: try Fixture.tiny())
        _ = machine.start()
        let events = machine.receive(.endOfInput)
        #expect(events == [.say("Goodbye. Nothing was booked."), .end(.inputEnded)])
    }

    @Test func summaryCorrectionByNameReturnsToTheQuestion() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("change how bad")
        #expect(harness.lastAsk?.id == "how_bad")
        harness.say("8")
        #expect(harness.lastAsk?.id == "summary", "later answers are reused, not asked again")
        #expect(harness.text.contains("  How bad: 8"))
        harness.say("yes")
        #expect(harness.bookings.first?.severity == 8)
    }

    /// "yes, but I forgot to say ...": something new that no question can take is not sent on that line; the person
    /// is told where to take it (a twelfth review found such lines booked at once).
    /// A line the summary does not understand may be a new symptom no question can take: the person is told where to
    /// take it, and nothing is sent until a plain yes.
    @Test func aLineNotUnderstoodAtTheSummarySaysWhereToTakeANewSymptom() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("my wee has gone a funny colour")
        #expect(harness.errorCodes == ["not_understood"])
        let advice = try #require(harness.events.compactMap { if case .error(_, let text) = $0 { text } else { nil } }.first)
        #expect(advice.contains("call the clinic instead of booking here") && advice.contains("call 911 now"), "\(advice)")
        #expect(harness.bookings.isEmpty)
        #expect(harness.lastAsk?.id == "summary")
    }

    /// A hedged yes is not a confirmation either (a review found "yes, kind of" sent once "kind" was a thanks word).
    @Test(arguments: ["yes, kind of", "kind of yes", "yes kind of, its a lot"])
    func aHedgedYesAtTheSummarySendsNothing(line: String) throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say(line)
        #expect(harness.bookings.isEmpty, "\(line)")
        #expect(harness.lastAsk?.id == "summary")
    }

    /// Thanks alone is not a confirmation: nothing is sent on it.
    @Test(arguments: ["thanks", "thank you", "cheers", "thanks for your help today"])
    func thanksAloneAtTheSummarySendsNothing(line: String) throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say(line)
        #expect(harness.bookings.isEmpty)
        #expect(harness.lastAsk?.id == "summary")
    }

    @Test(arguments: ["yes, but I forgot to say pins and needles in both my legs", "yes - also I take prednisolone daily",
                      "yes. oh and I collapsed", "yes but my bum has been feeling weird"])
    func aYesWithSomethingNewAtTheSummaryIsNotSent(line: String) throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say(line)
        #expect(harness.bookings.isEmpty)
        // Unless the line names a warning sign an interrupt knows, it is the summary's own notice.
        if harness.outcome == nil {
            #expect(harness.errorCodes == ["summary_extra"])
            #expect(harness.lastAsk?.id == "summary")
            // A plain yes then asks whether what was added is a new symptom; only a no sends the request.
            harness.say("yes")
            #expect(harness.bookings.isEmpty)
            #expect(harness.lastAsk?.id == "new_symptom")
            harness.say("no")
            #expect(harness.bookings.count == 1)
        }
    }

    /// A fifteenth review: "yes but both my arms are numb" at the summary (a sign no pattern knew) was told where to
    /// take it, and the plain "yes" that followed booked. Now the person is asked whether it was a new symptom.
    @Test(arguments: [["yes"], ["I think so"], ["maybe"], ["not sure"], ["it's worse"], ["no, worse"],
                      ["my feet feel odd, kind of tingly"]])
    func somethingAddedAtTheSummaryThatIsANewSymptomSendsNothing(answers: [String]) throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("yes but my arms feel strange")
        harness.say("yes")
        #expect(harness.lastAsk?.id == "new_symptom", "\(harness.text)")
        harness.say(answers)
        #expect(harness.outcome == .handoff, "\(answers): \(harness.text)")
        #expect(harness.bookings.isEmpty)
        #expect(harness.ended)
    }

    /// A line not understood at the summary counts as something added too.
    @Test func aLineNotUnderstoodAtTheSummaryIsCheckedBeforeSending() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("my hands keep going funny")
        #expect(harness.lastAsk?.id == "summary")
        harness.say("yes")
        #expect(harness.lastAsk?.id == "new_symptom")
        #expect(harness.bookings.isEmpty)
    }

    /// What was added before a restart is still unanswered: the summary after the restart asks about it too.
    @Test func somethingAddedBeforeARestartIsStillChecked() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("yes but my arms feel strange")
        harness.say("restart")
        harness.say(happyPath)
        harness.say("yes")
        #expect(harness.lastAsk?.id == "new_symptom", "\(harness.text)")
        #expect(harness.bookings.isEmpty)
    }

    /// Nothing added, nothing asked: a plain yes sends at once.
    @Test func aPlainYesWithNothingAddedIsNotChecked() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say("yes")
        #expect(harness.bookings.count == 1)
    }

    @Test(arguments: ["yes", "yes please", "yes, that's all correct, thanks", "yep looks good", "yes send it", "ok",
                      "yes it is", "yeah that's right mate",
                      // A thirteenth review: confirmations that were not understood.
                      "all good", "looks good", "perfect", "go ahead", "send it", "confirm", "fine", "that's all correct",
                      "everything is correct",
                      // A nineteenth review.
                      "yes, thanks so much for your help today", "yes thank you, appreciate your help"])
    func aPlainYesAtTheSummarySendsTheRequest(line: String) throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath)
        harness.say(line)
        #expect(harness.bookings.count == 1, "\(line): \(harness.text)")
    }

    @Test func summaryNoAsksWhatToChange() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath + ["no"])
        #expect(harness.lastAsk?.text == "What would you like to change?")
        harness.say("phone")
        #expect(harness.lastAsk?.id == "phone")
        harness.say("555 000 1111")
        harness.say("yes")
        #expect(harness.bookings.first?.contact.phone == "555 000 1111")
    }

    @Test func correctionCanNeverSkipARedFlagQuestion() throws {
        // Changing the location walks forward again; the red-flag answer is reused only because it was given.
        var harness = Harness(try Fixture.tiny())
        harness.say(happyPath + ["where", "neck"])
        #expect(harness.lastAsk?.id == "summary")
        #expect(harness.machine.answers["numb"] == .yesNo(false))
    }

    @Test func invalidPhoneIsReasked() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say(["lower back", "no", "4", "call me"])
        #expect(harness.errorCodes == ["invalid_phone"])
        #expect(harness.lastAsk?.id == "phone")
    }

    @Test func emptyLineIsReasked() throws {
        var harness = Harness(try Fixture.tiny())
        harness.say("   ")
        #expect(harness.errorCodes == ["empty"])
        #expect(harness.lastAsk?.id == "where")
    }

    @Test func choiceNamedLikeACommandIsAnAnswer() throws {
        let text = try Fixture.tinyText().replacing("synonyms: [low back, lumbar]", with: "synonyms: [low back, lumbar, back]")
        var harness = Harness(try Fixture.load(text))
        harness.say("back")
        #expect(harness.machine.answers["where"] == .choice("lower_back"))
    }

    /// Defence in depth: even a dialog whose red-flag "yes" wrongly continues to the booking never books.
    @Test func machineRefusesBookingAfterAReportedRedFlag() throws {
        let text = try Fixture.tinyText().replacing("""
            next:
              - if: { numb: yes }
                goto: out_emergency
              - goto: how_bad
        """, with: "    next: how_bad")
        var harness = Harness(try Fixture.load(text))
        harness.say(["lower back", "yes", "4", "555 123 4567", "yes"])
        #expect(harness.bookings.isEmpty)
        #expect(harness.outcome == .emergency)
    }

    @Test(arguments: Disposition.allCases)
    func shippedDialogHasAnOutcomeForEveryDisposition(disposition: Disposition) throws {
        let spec = try Fixture.dialog("back-strain")
        // Transcripts prove each is reached (TranscriptTests); this proves none is missing from the spec.
        let outcomes = spec.nodes.filter { $0.disposition == disposition }
        #expect(!outcomes.isEmpty, "back-strain has an outcome for \(disposition)")
    }
}

/// Lines a conversation will not answer still get advice when they name a red flag.
@Suite("Red flags in unanswered lines")
struct LateRedFlagTests {
    @Test func redFlagAfterTheEndGetsAdviceWithoutChangingTheConversation() throws {
        let spec = try Fixture.dialog("back-strain")
        var machine = DialogMachine(spec: spec)
        _ = machine.start()
        _ = machine.receive(.line("quit"))
        _ = machine.receive(.line("yes"))
        #expect(machine.isEnded)
        let advice = machine.redFlagAdvice(for: ["thanks", "oh and I can't pee"])
        #expect(advice == [.say("You also wrote something that can be a sign of an emergency. Please call 911 now or go to the nearest emergency department; do not wait for the clinic.")])
        #expect(machine.outcome == nil && machine.isEnded)
        #expect(machine.redFlagAdvice(for: ["no, I have no chest pain", "thanks"]).isEmpty)
        #expect(machine.redFlagAdvice(for: []).isEmpty)
    }
}

/// The server and chat run the machine without coverage records; that must change nothing the person sees.
@Suite("Coverage records")
struct CoverageRecordTests {
    static func shippedTranscripts() throws -> [Transcript] {
        let folder = Repo.path("transcripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".transcript") }.sorted()
        return try files.map { try Transcript.parse(String(contentsOfFile: folder + "/" + $0, encoding: .utf8), file: $0) }
    }

    @Test func machineWithoutCoverageRecordsSaysExactlyTheSame() throws {
        let transcripts = try Self.shippedTranscripts()
        #expect(transcripts.count > 20)
        var specs: [String: DialogSpec] = [:]
        for transcript in transcripts {
            let name = try #require(transcript.dialog)
            let spec = try specs[name] ?? Fixture.dialog(name)
            specs[name] = spec
            var recording = DialogMachine(spec: spec)
            var silent = DialogMachine(spec: spec, recordsCoverage: false)
            #expect(recording.start() == silent.start())
            for input in transcript.inputs {
                let stored: (BookingDraft) -> Input = { _ in .bookingStored(id: "B-1") }
                #expect(recording.send(.line(input), bookings: stored) == silent.send(.line(input), bookings: stored), "\(transcript.file)")
            }
            #expect(recording.outcome == silent.outcome)
            #expect(!recording.visitedNodes.isEmpty)
            #expect(silent.visitedNodes.isEmpty && silent.traversedEdges.isEmpty && silent.firedInterrupts.isEmpty && silent.raisedRedFlags.isEmpty)
        }
    }
}
