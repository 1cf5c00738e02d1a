/// One conversation over one dialog spec. A value with no I/O: feed it input, get back events.
///
/// Order of checks for every typed line: red-flag interrupts first (they win over everything),
/// then global commands, then the current question's own answer matching.
public struct DialogMachine: Sendable {
    public let spec: DialogSpec
    public let emergencyNumber: String
    private let interrupts: InterruptMatcher
    private let matcher: AnswerMatcher

    /// Nodes are named by their position in `spec.nodes`: a turn reads its node without looking its id up.
    enum State: Sendable, Equatable {
        case notStarted
        /// Waiting for an answer to a question or a summary confirmation.
        case asking(Int)
        /// The person said "no" at the summary; waiting for which answer to change.
        case choosingCorrection(Int)
        case confirmingQuit(returnTo: Int, correcting: Bool)
        /// Something was added at the summary that no question took, then a plain yes came: was it a new symptom?
        case checkingNewSymptom(Int)
        case awaitingBooking(Int)
        case ended
    }

    /// A question as it was asked, so `back` can return to it with the answers of that moment.
    struct Checkpoint: Sendable, Equatable {
        /// The question's position in `spec.nodes`.
        var node: Int
        /// How many answer changes had been made: `back` undoes the later ones (no copy of all answers per question).
        var answerChanges: Int
        var trailCount: Int
    }

    /// Every change made to `answers`, oldest first, with the value it replaced.
    private var answerChanges: [(slot: Int, previous: Answer?)] = []

    private(set) var state: State = .notStarted
    /// By slot number (`spec.slots`).
    public private(set) var answers: Answers { didSet { answersVersion &+= 1 } }
    /// Changes whenever the answers do: the treatment plan is kept for the answers it was built from, so the
    /// summary, the booking request and the texts after it share one build.
    private var answersVersion = 0
    private var keptPlan: (answersVersion: Int, plan: TreatmentPlan)?
    private var checkpoints: [Checkpoint] = []
    /// Positions (in `spec.nodes`) of the nodes on the current walk from the start (used to clear answers on
    /// abandoned branches). Positions, not ids: the summary and the booking request walk it, and would otherwise
    /// look every node up by its id.
    private var trail: [Int] = []
    private var attempts = 0 {
        didSet { if attempts == 0 { deniedInAttempts = false; ledWithDenialInAttempts = false; unclearHere = [] } }
    }
    /// One of the answers not understood at this question leaned to no ("no, I can pee fine"): then running out of
    /// attempts at a warning-sign question is a hand-off, not a yes.
    private var deniedInAttempts = false
    /// One of them started with a denial ("no, not really like that"): after a warning sign's advice, where both
    /// answers lead to medical advice, only this takes the less urgent branch ("my bladder hasn't been right" does not).
    private var ledWithDenialInAttempts = false
    /// What was typed at this warning-sign question and not understood.
    private var unclearHere: [String] = []
    /// Warning-sign questions answered "no" after something not understood ("things are different since the back
    /// went", "no, nothing eases it at all", then "no"): the booking request carries what was typed and asks for
    /// medical clearance, so it is not lost, even when it leaned to no (the clinic reads it; nothing is guessed). A
    /// seventeenth review found every such case booked with nothing noted. Kept across `restart`, like
    /// `addedAtSummary`: what was typed is still unanswered.
    private var unclearBeforeNo: [(position: Int, text: String)] = []
    /// Lines typed at a question that said more than the answer taken from it ("lower back, and I've lost a lot of
    /// weight lately") or were not understood there: the booking request carries them in `notes`, so what the person
    /// said in their own words reaches the clinic (an eighteenth review found doctor-level signs typed with the first
    /// answer thrown away). Kept whatever happens next (`back`, a correction, `restart`): they are what was said. One
    /// not understood at a warning-sign question also asks for medical clearance, even if `back` left the question
    /// before its "no" (`unclearBeforeNo` then has nothing). The latest `maxOwnWords` are kept.
    private var ownWords: [(position: Int, text: String, atWarningSign: Bool)] = []
    static let maxOwnWords = 10
    /// The last line's clauses and one clause's interrupt tokens, kept so that the next line is split into the same
    /// arrays rather than new ones (they are only ever read during the turn that fills them).
    private var lineClauses: [[String]] = []
    private var lineTokens: [Token] = []
    /// While walking forward after a correction, answered questions are reused, not asked again.
    private var replaying = false
    /// Set by `back` and corrections, the only ways an answer can be left off the current path: walking forward
    /// only, every answer belongs to a question on it, and the summary need not look for abandoned ones.
    private var mayHaveAbandonedAnswers = false
    /// A warning sign was typed and its interrupt went on to questions (the emergency signs, asked after an
    /// urgent sign's advice): from here only its outcomes are left, so `back` and `restart` cannot undo it.
    private var afterWarningSign = false
    /// The person added something at the summary that no question could take (`summary_extra`): before the request
    /// is sent they are asked whether it was a new symptom. Kept across `restart`: what they said is still unanswered.
    private var addedAtSummary = false
    /// Positions of the message nodes already shown.
    private var seenMessages: Set<Int> = []
    public private(set) var bookingEmitted = false
    public private(set) var outcome: Disposition?
    /// Whether the coverage records below are kept: transcript tests need them; a server session does not,
    /// and would otherwise grow them for as long as the person keeps talking.
    public let recordsCoverage: Bool
    /// Every node entered and every interrupt fired, for transcript coverage.
    public private(set) var visitedNodes: [String] = []
    public private(set) var firedInterrupts: [String] = []
    /// Red-flag questions answered with a red flag, for transcript coverage.
    public private(set) var raisedRedFlags: [String] = []
    /// Every transition followed, as (from, to), for transcript coverage.
    public private(set) var traversedEdges: [Edge] = []

    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
    }

    private mutating func traversed(_ from: String, _ to: String) {
        if recordsCoverage { traversedEdges.append(Edge(from: from, to: to)) }
    }

    /// About the questions a conversation asks (the shipped dialogs: 20 – 35).
    static let typicalQuestions = 32

    /// The yes/no question behind the summary and the quit confirmation (built once, not per turn).
    private static let yesNo = Question(input: .yesno, ask: "")

    public init(spec: DialogSpec, emergencyNumber: String? = nil, recordsCoverage: Bool = true) {
        self.spec = spec
        self.recordsCoverage = recordsCoverage
        self.emergencyNumber = emergencyNumber ?? spec.emergencyNumber
        self.interrupts = spec.interruptMatcher
        self.matcher = AnswerMatcher(words: spec.words)
        self.answers = Answers(table: spec.slots)
    }

    public var isEnded: Bool { state == .ended }

    /// The id of the question being asked, if any.
    public var currentQuestion: String? { currentPosition.map { spec.nodes[$0].id } }

    /// The position in `spec.nodes` of the question being asked, if any.
    private var currentPosition: Int? {
        switch state {
        case .asking(let position), .choosingCorrection(let position): position
        case .confirmingQuit(let position, _): position
        case .checkingNewSymptom(let position): position
        default: nil
        }
    }

    /// The words that answer the current question, for tab completion.
    public var completions: [String] {
        var words = GlobalCommand.allCases.compactMap { spec.commands[$0]?.first }
        if let position = currentPosition {
            let node = spec.nodes[position]
            if let question = node.question {
                words += question.choices.map(\.label)
                if question.input == .yesno { words += ["yes", "no"] }
            } else if node.kind == .summary {
                words += ["yes", "no"] + summaryFields(node).map(\.label)
            }
        }
        return words
    }

    // MARK: Driving

    public mutating func start() -> [Event] {
        guard state == .notStarted else { return [] }
        var events: [Event] = [.say(interpolate(spec.disclaimer))]
        enter(spec.target(spec.start), &events)
        return events
    }

    public mutating func receive(_ input: Input) -> [Event] {
        var events: [Event] = []
        // A turn is usually a few events (say, ask): one allocation instead of regrowing.
        events.reserveCapacity(8)
        switch input {
        case .line(let raw):
            handleLine(raw, &events)
        case .bookingStored(let id):
            guard case .awaitingBooking(let position) = state, let step = spec.nodes[position].booking else {
                return [.error(code: "unexpected", text: "No booking request is waiting to be stored.")]
            }
            bookingEmitted = true
            events.append(.booking(id: id, status: .stored))
            events.append(.say(interpolate(step.stored, bookingID: id)))
            let node = spec.nodes[position]
            let next = node.route.next?.resolve(answers) ?? spec.target("")
            traversed(node.id, next.id)
            enter(next, &events)
        case .bookingFailed:
            guard case .awaitingBooking(let position) = state, let step = spec.nodes[position].booking else {
                return [.error(code: "unexpected", text: "No booking request is waiting to be stored.")]
            }
            events.append(.booking(id: "", status: .failed))
            finish(.handoff, text: interpolate(step.failed), node: spec.nodes[position].id, &events)
        case .endOfInput:
            if state != .ended && state != .notStarted {
                recordAdvisedOutcome(&events)
                events.append(.say(spec.messages["input_ended"]))
                state = .ended
                events.append(.end(.inputEnded))
            }
        }
        return events
    }

    /// Lines the conversation will never answer (typed after it ended, or while the service closes) may still
    /// report a red flag: advice for the most urgent interrupt they match, without changing the conversation.
    /// (Not the interrupt's own outcome text, which may say nothing was booked when a booking was.) Empty when
    /// none matches.
    public func redFlagAdvice(for lines: [String]) -> [Event] {
        var mostUrgent: Int?
        for line in lines {
            guard let interrupt = interrupts.match(Normalizer.clean(line)) else { continue }
            let rank = spec.guaranteedDisposition(from: interrupt.target)?.urgencyRank ?? Disposition.emergency.urgencyRank
            mostUrgent = min(rank, mostUrgent ?? rank)
        }
        guard let mostUrgent else { return [] }
        let key = mostUrgent <= Disposition.emergency.urgencyRank ? "late_red_flag_emergency" : "late_red_flag_urgent"
        return [.say(interpolate(spec.messages[key]))]
    }

    /// The current question again, for front ends that refused a line before the machine saw it
    /// (bad JSON, an overlong line): the person still gets one turn ending in an `ask`.
    public func repeatQuestion() -> [Event] {
        var events: [Event] = []
        reask(&events)
        return events
    }

    private mutating func handleLine(_ raw: String, _ events: inout [Event]) {
        switch state {
        case .notStarted:
            events += start()
            return
        case .ended:
            events.append(.error(code: "ended", text: spec.messages["ended"]))
            return
        case .awaitingBooking:
            events.append(.error(code: "busy", text: "One moment, your request is being stored."))
            return
        default: break
        }
        let line = Normalizer.clean(raw)
        // The line is split into words once: its clauses feed the interrupts, their words commands and answers.
        Normalizer.clauses(line, into: &lineClauses)
        let clauses = lineClauses
        // A red flag typed anywhere wins over the question, commands and everything else.
        if let interrupt = interrupts.match(clauses: clauses, tokens: &lineTokens), !addsNothingUrgent(interrupt) {
            // "yes, and I have a fever" at the numbness question: the yes to the more urgent question wins.
            if answeredMoreUrgently(than: interrupt, line, clauses, &events) { return }
            if recordsCoverage { firedInterrupts.append(interrupt.id) }
            if let from = currentQuestion { traversed(from, interrupt.target) }
            replaying = false
            let target = spec.target(interrupt.target)
            if target.position.map({ spec.nodes[$0].kind }) != .outcome { afterWarningSign = true }
            enter(target, &events)
            return
        }
        if line.isEmpty {
            events.append(.error(code: "empty", text: spec.messages["empty"]))
            reask(&events)
            return
        }
        let words = clauses.count == 1 ? clauses[0] : Array(clauses.joined())
        switch state {
        case .confirmingQuit(let returnTo, let correcting):
            if case .answer(.yesNo(true)) = matcher.match(line, to: Self.yesNo, words: words) {
                recordAdvisedOutcome(&events)
                events.append(.say(spec.messages["quit_done"]))
                state = .ended
                events.append(.end(.quit))
            } else {
                events.append(.say(spec.messages["resume"]))
                state = correcting ? .choosingCorrection(returnTo) : .asking(returnTo)
                reask(&events)
            }
        case .checkingNewSymptom(let position):
            answerNewSymptomCheck(line, words, spec.nodes[position], &events)
        case .asking(let position), .choosingCorrection(let position):
            let node = spec.nodes[position]
            if let command = command(in: line, words: words, at: node) {
                run(command, at: node, &events)
            } else if node.kind == .summary {
                answerSummary(line, words, node, &events)
            } else if let question = node.question {
                answer(line, words, clauses, question, node, &events)
            }
        default: break
        }
    }

    /// After a warning sign's advice, a sign no more urgent than what every answer here leads to changes nothing:
    /// "no, only the fever" at the emergency signs is an answer, not the fever's advice again (and again).
    private func addsNothingUrgent(_ interrupt: Interrupt) -> Bool {
        guard afterWarningSign, let id = currentQuestion, let here = spec.guaranteedDisposition(from: id) else { return false }
        return (spec.guaranteedDisposition(from: interrupt.target)?.urgencyRank ?? 0) >= here.urgencyRank
    }

    /// Leaving after a warning sign's advice (quit, end of input) still records the outcome its questions lead to at
    /// least (the urgent one for an urgent sign), so the front end and the log know medical advice was given.
    private mutating func recordAdvisedOutcome(_ events: inout [Event]) {
        guard afterWarningSign, let id = currentQuestion,
              let position = InterruptReach.leastUrgentOutcome(from: id, nodes: spec.nodes, index: spec.nodeIndex),
              let disposition = spec.nodes[position].disposition else { return }
        outcome = disposition
        events.append(.outcome(disposition: disposition, text: interpolate(spec.nodes[position].say ?? ""), node: spec.nodes[position].id))
    }

    /// At a warning-sign question at least as urgent as `interrupt`, a line that answers it with the sign is taken as
    /// that answer (the most urgent disposition wins): "yes, and I had cancer" at the emergency numbness question. At
    /// the same urgency the question's own advice is the more specific one ("yes, breast cancer" at the cancer
    /// question), and the emergency signs were asked before it.
    private mutating func answeredMoreUrgently(than interrupt: Interrupt, _ line: String, _ clauses: [[String]],
                                               _ events: inout [Event]) -> Bool {
        guard case .asking(let position) = state, case let node = spec.nodes[position], let question = node.question,
              let flag = question.redFlag,
              flag.urgencyRank <= (spec.guaranteedDisposition(from: interrupt.target)?.urgencyRank ?? Disposition.emergency.urgencyRank),
              case .answer(let answer) = matcher.match(line, to: question, words: Array(clauses.joined()), clauses: clauses),
              question.isRedFlag(answer) else { return false }
        replaying = false
        accept(answer, question, node, &events)
        return true
    }

    /// A global command, unless the same words are a valid answer here (an answer wins).
    private func command(in line: String, words: [String], at node: Node) -> GlobalCommand? {
        // A typed command word has the same words as its normalised form, so a line with more words, or a first
        // word no command starts with, is neither. (A line with no words, such as "?", is looked up as typed.)
        guard words.count <= spec.commandMaxWords, words.first.map(spec.commandFirstWords.mayContain) ?? true else { return nil }
        let normalized = words.joined(separator: " ")
        // Command words are indexed as typed (lowercased, for "?") and normalised, in that order of precedence.
        // A line that is already normalised is its own lowercased form, so one lookup does for both.
        guard let command = (normalized == line ? nil : spec.commandIndex[line.lowercased().trimmed])
                ?? (words.isEmpty ? nil : spec.commandIndex[normalized]) else { return nil }
        if let question = node.question, question.input == .choice || question.input == .multi,
           question.choices.contains(where: { $0.phrases.contains(words) }) {
            return nil
        }
        return command
    }

    private mutating func run(_ command: GlobalCommand, at node: Node, _ events: inout [Event]) {
        if afterWarningSign, command == .back || command == .restart {
            events.append(.say(spec.messages["after_warning_sign"]))
            reask(&events)
            return
        }
        switch command {
        case .help:
            let help = node.question?.help ?? (node.kind == .summary ? spec.messages["summary_help"] : spec.messages["default_help"])
            events.append(.say(interpolate(help)))
            if let options = optionsText(node) { events.append(.say(options)) }
            reask(&events)
        case .repeat:
            reask(&events, withWhy: true)
        case .back:
            replaying = false
            mayHaveAbandonedAnswers = true
            if case .choosingCorrection(let position) = state {
                // Leaving the "what to change" question goes back to the summary itself.
                state = .asking(position)
                reask(&events)
                return
            }
            guard checkpoints.count >= 2 else {
                events.append(.say(spec.messages["first_question"]))
                reask(&events)
                return
            }
            checkpoints.removeLast()
            let previous = checkpoints.removeLast()
            undoAnswerChanges(downTo: previous.answerChanges)
            trail = Array(trail.prefix(previous.trailCount))
            enter(spec.target(at: previous.node), &events, forceAsk: true)
        case .restart:
            answers = Answers(table: spec.slots)
            answerChanges = []
            checkpoints = []
            trail = []
            replaying = false
            seenMessages = []
            events.append(.say(spec.messages["restarting"]))
            enter(spec.target(spec.start), &events)
        case .quit:
            let correcting: Bool
            if case .choosingCorrection = state { correcting = true } else { correcting = false }
            state = .confirmingQuit(returnTo: node.route.position, correcting: correcting)
            events.append(.ask(Prompt(id: "quit", text: spec.messages["quit_confirm"], input: .yesno)))
        }
    }

    // MARK: Answers

    private mutating func answer(_ line: String, _ words: [String], _ clauses: [[String]], _ question: Question, _ node: Node,
                                 _ events: inout [Event]) {
        let result = matcher.match(line, to: question, words: words, clauses: clauses)
        let unclearAtWarningSign = question.redFlag != nil && question.input == .yesno && !result.isAnswer
        if question.input != .text,
           unclearAtWarningSign || AnswerMatcher.saysMore(words, than: result, to: question, words: matcher.words) {
            noteOwnWords(line, at: node, atWarningSign: unclearAtWarningSign)
        }
        guard case .answer(let answer) = result else {
            if AnswerMatcher.leansNo(words, no: matcher.words.noSet) {
                deniedInAttempts = true
                if AnswerMatcher.leadsWithDenial(words, no: matcher.words.noSet) { ledWithDenialInAttempts = true }
            }
            if unclearAtWarningSign { unclearHere.append(line) }
            fail(result, node, &events, unclearAtWarningSign: unclearAtWarningSign)
            return
        }
        accept(answer, question, node, &events)
    }

    private mutating func noteOwnWords(_ line: String, at node: Node, atWarningSign: Bool) {
        // A pasted page is noted by its beginning: the request stays readable, and ten notes stay small.
        let text = line.utf8.count <= AnswerMatcher.maxTextLength || line.count <= AnswerMatcher.maxTextLength
            ? line : String(line.prefix(AnswerMatcher.maxTextLength)) + "…"
        let position = node.route.position
        guard !ownWords.contains(where: { $0.position == position && $0.text == text }) else { return }
        // The oldest goes first, but one that asks for clearance only when nothing else is left to drop.
        if ownWords.count == Self.maxOwnWords {
            ownWords.remove(at: ownWords.firstIndex { !$0.atWarningSign } ?? 0)
        }
        ownWords.append((position, text, atWarningSign))
    }

    private mutating func accept(_ answer: Answer, _ question: Question, _ node: Node, _ events: inout [Event]) {
        if !unclearHere.isEmpty, answer == .yesNo(false) {
            unclearBeforeNo += unclearHere.map { (node.route.position, $0) }
        }
        attempts = 0
        if let slot = node.route.slot { setAnswer(slot, answer) }
        if recordsCoverage, question.isRedFlag(answer) { raisedRedFlags.append(node.id) }
        guard let next = node.route.next?.resolve(answers).map({ traversed(node.id, $0.id); return $0 }) else {
            events.append(.error(code: "dialog", text: "This dialog has no way forward from here. Please call the clinic."))
            finish(.handoff, text: spec.messages["ended"], node: node.id, &events)
            return
        }
        enter(next, &events)
    }

    private mutating func answerSummary(_ line: String, _ words: [String], _ node: Node, _ events: inout [Event]) {
        if case .choosingCorrection = state {
            // (The line is not empty: `handleLine` answered that. No question is built for these choices, which
            // change with the answers: it would index their phrases on every line.)
            switch matcher.matchChoice(words, correctableFields(node)) {
            case .answer(.choice(let slot)):
                correct(slot, &events)
            case let other:
                fail(other, node, &events)
            }
            return
        }
        var reply = matcher.match(line, to: Self.yesNo, words: words)
        // "all good", "looks good", "send it", "that's all correct": a confirmation here, though not a yes everywhere
        // ("fine" to a warning-sign question is a no).
        if case .notUnderstood = reply, AnswerMatcher.isConfirmation(words) { reply = .answer(.yesNo(true)) }
        switch reply {
        case .answer(.yesNo(true)) where !AnswerMatcher.isPlainConfirmation(words):
            // "yes, but I forgot to say my legs are numb": something new that no question here can take. Sending the
            // request on that line would drop it, so the person is told where to take it and asked for a plain yes.
            addedAtSummary = true
            events.append(.error(code: "summary_extra", text: interpolate(spec.messages["summary_extra"])))
            reask(&events)
            return
        case .answer(.yesNo(true)) where addedAtSummary:
            attempts = 0
            state = .checkingNewSymptom(node.route.position)
            reask(&events)
            return
        case .answer(.yesNo(true)):
            send(node, &events)
            return
        case .answer(.yesNo(false)):
            attempts = 0
            state = .choosingCorrection(node.route.position)
            reask(&events)
            return
        default: break
        }
        // "change the severity" names the answer to change straight away.
        let fieldChoices = correctableFields(node)
        switch matcher.findChoice(words, fieldChoices) {
        case .one(let index): correct(fieldChoices[index].id, &events)
        // "change my answer about the numbness": more than one warning sign is named so; the person picks.
        case .several(let indices): fail(.ambiguous(indices.map { fieldChoices[$0].label }), node, &events)
        case .none: fail(.notUnderstood, node, &events)
        }
    }

    /// Confirms the summary: on to what follows it (the booking).
    private mutating func send(_ summary: Node, _ events: inout [Event]) {
        attempts = 0
        let next = summary.route.next?.resolve(answers) ?? spec.target("")
        traversed(summary.id, next.id)
        enter(next, &events)
    }

    /// The answer to "was what you added a new or worse symptom?". Only a plain no sends the request; anything else
    /// (a yes, a hedge, "it's worse", a description, an unclear answer) ends here with the advice to call the
    /// clinic, nothing sent. (A sixteenth review found unclear answers asked again, and a "no" after them booked.)
    private mutating func answerNewSymptomCheck(_ line: String, _ words: [String], _ summary: Node, _ events: inout [Event]) {
        guard case .answer(.yesNo(false)) = matcher.match(line, to: Self.newSymptomCheck, words: words) else {
            finish(.handoff, text: interpolate(spec.messages["summary_new_symptom_advice"]), node: summary.id, &events)
            return
        }
        addedAtSummary = false
        state = .asking(summary.route.position)
        send(summary, &events)
    }

    private static let newSymptomCheck = Question(input: .yesno, ask: "", redFlag: .urgent)

    /// Goes back to the question that set `slot`, then walks forward again reusing answers still on the path.
    private mutating func correct(_ slot: String, _ events: inout [Event]) {
        attempts = 0
        guard let question = spec.question(forSlot: slot) else { return }
        if let position = spec.position(forSlot: slot), let index = trail.lastIndex(of: position) { trail = Array(trail.prefix(index)) }
        if let index = checkpoints.lastIndex(where: { $0.node == question.route.position }) {
            checkpoints = Array(checkpoints.prefix(index))
        }
        replaying = true
        mayHaveAbandonedAnswers = true
        enter(spec.target(at: question.route.position), &events, forceAsk: true)
    }

    /// `unclearAtWarningSign`: the line was not understood at a warning-sign yes/no question.
    private mutating func fail(_ result: MatchResult, _ node: Node, _ events: inout [Event], unclearAtWarningSign: Bool = false) {
        attempts += 1
        // A warning-sign yes/no question still unanswered, and never with a denial: the safe reading is yes, and the
        // person gets that sign's advice rather than a hand-off that names no sign.
        if attempts >= spec.maxAttempts, !deniedInAttempts, let question = node.question, question.input == .yesno,
           question.redFlag != nil {
            replaying = false
            events.append(.say(interpolate(spec.messages["red_flag_unclear"])))
            accept(.yesNo(true), question, node, &events)
            return
        }
        // After a warning sign's interrupt every answer leads to medical advice: an answer that started with a denial takes
        // the "no" branch (the advice of the sign typed), never the hand-off, which gives none; any other answer takes
        // the more urgent branch ("my wee hasn't been the same" at the emergency signs is not a no).
        if attempts >= spec.maxAttempts, afterWarningSign, let question = node.question, question.input == .yesno {
            replaying = false
            if !ledWithDenialInAttempts, question.redFlag != nil {
                events.append(.say(interpolate(spec.messages["red_flag_unclear"])))
                accept(.yesNo(true), question, node, &events)
            } else {
                accept(.yesNo(false), question, node, &events)
            }
            return
        }
        if attempts >= spec.maxAttempts, let handoff = spec.handoff {
            replaying = false
            enter(spec.target(handoff), &events)
            return
        }
        let messages = spec.messages
        var text: String
        var code = "not_understood"
        switch result {
        case .ambiguous(let labels):
            code = "ambiguous"
            text = messages["ambiguous"].replacingPlaceholder("{candidates}", with: Self.list(labels, or: true))
        case .outOfRange(let min, let max):
            code = "out_of_range"
            text = messages["out_of_range"].replacingPlaceholder("{min}", with: String(min)).replacingPlaceholder("{max}", with: String(max))
        case .invalid(let key):
            code = key
            text = messages[key].replacingPlaceholder("{max}", with: String(AnswerMatcher.maxTextLength))
            if node.question?.optional == true { text += " " + messages["optional_skip"] }
        case .exclusiveConflict(let label):
            code = "exclusive_choice"
            text = messages["exclusive_choice"].replacingPlaceholder("{choice}", with: label)
        default:
            if unclearAtWarningSign, let help = node.question?.help {
                // A warning sign described in the person's own words is often not understood: what yes means here is
                // said again, so a following "no" is not the only way on (see `unclearBeforeNo`).
                code = "not_understood"
                text = messages["red_flag_not_understood"].replacingPlaceholder("{help}", with: interpolate(help))
                events.append(.error(code: code, text: text))
                reask(&events)
                return
            }
            text = messages["not_understood"]
            if attempts == 1 {
                if let hint = node.question?.hint { text += " " + interpolate(hint) }
            }
        }
        // At the summary a line not understood may be a new symptom no question here can take ("I've been peeing
        // myself"): the person is told where to take it before a plain yes can send the request.
        if node.kind == .summary, code == "not_understood", state == .asking(node.route.position) {
            addedAtSummary = true
            events.append(.error(code: code, text: text + " " + interpolate(messages["summary_extra"])))
            reask(&events)
            return
        }
        // The range and validation messages already say what is expected.
        let selfExplaining = Self.selfExplainingCodes.contains(code)
        if !selfExplaining, attempts >= 2 || (attempts == 1 && code == "not_understood" && node.question?.hint == nil),
           let options = optionsText(node) {
            text += " " + options
        }
        events.append(.error(code: code, text: text))
        reask(&events)
    }

    /// Error codes whose message already says what is expected (built once, not per unclear answer).
    private static let selfExplainingCodes = ["out_of_range", "invalid_phone", "invalid_email", "invalid_name", "too_long"]

    // MARK: Walking the graph

    private mutating func enter(_ start: NodeTarget, _ events: inout [Event], forceAsk: Bool = false) {
        var current = start
        var force = forceAsk
        // A dialog that loops without asking anything is a spec bug the linter reports; never hang on it.
        for _ in 0...(spec.nodes.count * 2 + 2) {
            guard let position = current.position else {
                events.append(.error(code: "dialog", text: "This dialog refers to a missing step '\(current.id)'. Please call the clinic."))
                finish(.handoff, text: spec.messages["ended"], node: current.id, &events)
                return
            }
            let node = spec.nodes[position]
            let route = node.route
            if recordsCoverage { visitedNodes.append(node.id) }
            switch node.kind {
            case .question:
                if let condition = route.askIf, !condition.holds(answers) {
                    // Not applicable to this person: skip it, leaving its slot unset.
                    if let slot = route.slot { setAnswer(slot, nil) }
                    guard let next = route.next?.resolve(answers) else { break }
                    traversed(node.id, next.id)
                    current = next
                    continue
                }
                if replaying, !force, let slot = route.slot, answers[slot] != nil {
                    // Reuse the earlier answer; the person already gave it and it still applies.
                    checkpoints.append(Checkpoint(node: position, answerChanges: answerChanges.count, trailCount: trail.count))
                    trail.append(position)
                    guard let next = route.next?.resolve(answers) else { break }
                    traversed(node.id, next.id)
                    current = next
                    continue
                }
                force = false
                ask(node, at: position, &events)
                return
            case .summary:
                replaying = false
                clearAbandonedAnswers()
                ask(node, at: position, &events)
                return
            case .message:
                trail.append(position)
                if !(replaying && seenMessages.contains(position)) {
                    events.append(.say(interpolate(node.say ?? "")))
                }
                seenMessages.insert(position)
                guard let next = route.next?.resolve(answers) else { break }
                traversed(node.id, next.id)
                current = next
                continue
            case .booking:
                trail.append(position)
                requestBooking(node, &events)
                return
            case .outcome:
                trail.append(position)
                finish(node.disposition ?? .handoff, text: interpolate(node.say ?? ""), node: node.id, &events)
                return
            }
            break
        }
        events.append(.error(code: "dialog", text: "This dialog has no way forward from here. Please call the clinic."))
        finish(.handoff, text: spec.messages["ended"], node: current.id, &events)
    }

    /// Asks `node` (at `position` in the spec's nodes).
    private mutating func ask(_ node: Node, at position: Int, _ events: inout [Event]) {
        attempts = 0
        if node.summary?.showPlan == true { keepPlan() }
        // Room for a whole conversation once a second question is asked (a kiosk left at the first one holds none),
        // instead of regrowing both from 1 to 2 to 4 … to 32.
        if checkpoints.count == 1 {
            checkpoints.reserveCapacity(Self.typicalQuestions)
            trail.reserveCapacity(Self.typicalQuestions * 2)
        }
        checkpoints.append(Checkpoint(node: position, answerChanges: answerChanges.count, trailCount: trail.count))
        trail.append(position)
        state = .asking(position)
        // What `reask` would do, without looking the node up again.
        prompt(for: node, withWhy: true, into: &events)
    }

    /// Emits the current question again (after an error, help or repeat): one turn, ending with `ask`.
    private func reask(_ events: inout [Event], withWhy: Bool = false) {
        switch state {
        case .asking(let position), .choosingCorrection(let position):
            prompt(for: spec.nodes[position], withWhy: withWhy, into: &events)
        case .confirmingQuit:
            events.append(.ask(Prompt(id: "quit", text: spec.messages["quit_confirm"], input: .yesno)))
        case .checkingNewSymptom:
            events.append(.ask(Prompt(id: "new_symptom", text: spec.messages["summary_new_symptom"], input: .yesno,
                                      suffix: "(yes/no)")))
        default: break
        }
    }

    /// Appends the question (or summary) to `events`, in place: this runs on nearly every turn.
    private func prompt(for node: Node, withWhy: Bool, into events: inout [Event]) {
        if let question = node.question {
            if withWhy, let why = question.why { events.append(.say(question.whyIsPlain ? why : interpolate(why))) }
            // Built once per spec: only a text with placeholders is rendered for this person.
            var prompt = node.prompt ?? DialogSpec.prompt(asking: question, id: node.id, messages: spec.messages,
                                                          skipNote: spec.needsSkipNote.contains(node.id))
            if !question.askIsPlain { prompt.text = interpolate(question.ask) }
            events.append(.ask(prompt))
        } else if let summary = node.summary {
            if case .choosingCorrection = state {
                events.append(.ask(Prompt(id: node.id, text: spec.messages["which_change"], input: .choice,
                                          choices: summaryFields(node).map { .init(id: $0.slot, label: $0.label) })))
                return
            }
            if let heading = node.say { events.append(.say(interpolate(heading))) }
            var lines: [String] = []
            for field in summaryFields(node) {
                lines.append("  \(field.label): \(display(field.number))")
            }
            if summary.showPlan {
                let plan = currentPlan
                lines += planLines(plan)
            }
            if !lines.isEmpty { events.append(.say(lines.joined(separator: "\n"))) }
            events.append(.ask(Prompt(id: node.id, text: interpolate(summary.ask), input: .yesno, suffix: "(yes/no)")))
        }
    }

    private func planLines(_ plan: TreatmentPlan) -> [String] {
        var lines: [String] = []
        let labels = spec.messages
        if let technique = plan.technique { lines.append("  \(labels["plan_technique"]): \(technique)") }
        if let focus = plan.focus { lines.append("  \(labels["plan_focus"]): \(focus)") }
        if let minutes = plan.minutes { lines.append("  \(labels["plan_minutes"]): \(minutes) \(labels["plan_minutes_unit"])") }
        if let pressure = plan.pressure { lines.append("  \(labels["plan_pressure"]): \(pressure)") }
        if let sessions = plan.sessions {
            lines.append("  \(labels["plan_sessions"]): \(sessions)" + (plan.spacing.map { ", \($0)" } ?? ""))
        }
        for note in plan.notes { lines.append("  \(labels["plan_note"]): \(note)") }
        for advice in plan.advice { lines.append("  - \(advice)") }
        return lines
    }

    /// The summary's fields that have an answer on the current path (only those can be shown or changed).
    func summaryFields(_ node: Node) -> [(slot: String, number: Int, label: String)] {
        guard let entries = node.summary?.entries else { return [] }
        var fields: [(slot: String, number: Int, label: String)] = []
        for (entry, number) in zip(entries, node.route.summarySlots) {
            if let number, shown(number) { fields.append((entry.slot, number, entry.label)) }
        }
        return fields
    }

    /// Whether slot `number` is answered (not skipped) by a question on the current path.
    private func shown(_ number: Int) -> Bool {
        answers.isSet(number) && trail.contains(spec.slotPositions[number])
    }

    /// Answers that can be changed from the summary: its fields first, then any other question answered on
    /// this path (so a red-flag answer given by mistake can be corrected by naming it).
    func correctableFields(_ node: Node) -> [Choice] {
        var choices: [Choice] = []
        for (choice, number) in zip(node.summary?.correctionChoices ?? [], node.route.summarySlots) {
            if let number, shown(number) { choices.append(choice) }
        }
        for position in trail {
            let node = spec.nodes[position]
            guard let number = node.route.slot, answers[number] != nil, let slot = node.slot, !choices.contains(where: { $0.id == slot }),
                  let choice = spec.slotCorrectionChoices[slot] else { continue }
            choices.append(choice)
        }
        return choices
    }

    private func optionsText(_ node: Node) -> String? {
        if case .choosingCorrection = state {
            return spec.messages["options"].replacingPlaceholder("{options}", with: Self.list(summaryFields(node).map(\.label), or: true))
        }
        if node.kind == .summary { return spec.messages["summary_options"] }
        guard let question = node.question else { return nil }
        switch question.input {
        case .choice, .multi:
            return spec.messages["options"].replacingPlaceholder("{options}", with: Self.list(question.choices.map(\.label), or: question.input == .choice))
        case .yesno: return spec.messages["yesno_options"]
        case .number:
            return spec.messages["number_options"].replacingPlaceholder("{min}", with: String(question.min ?? 0))
                .replacingPlaceholder("{max}", with: String(question.max ?? 0))
        case .text:
            return question.optional ? spec.messages["text_options"] + " " + spec.messages["optional_skip"] : spec.messages["text_options"]
        }
    }

    /// Drops answers of questions that are no longer on the path (after `back` or a correction).
    private mutating func clearAbandonedAnswers() {
        guard mayHaveAbandonedAnswers else { return }
        mayHaveAbandonedAnswers = false
        var onPath = [Bool](repeating: false, count: spec.slotCount)
        for position in trail { if let slot = spec.nodes[position].route.slot { onPath[slot] = true } }
        for slot in onPath.indices where !onPath[slot] && answers[slot] != nil { setAnswer(slot, nil) }
    }

    private mutating func setAnswer(_ slot: Int, _ value: Answer?) {
        let previous = answers[slot]
        guard previous != value else { return }
        // Room for every answer at the first (a kiosk left at the first question holds none).
        if answerChanges.isEmpty { answerChanges.reserveCapacity(spec.slotCount) }
        answerChanges.append((slot, previous))
        answers[slot] = value
    }

    private mutating func undoAnswerChanges(downTo count: Int) {
        while answerChanges.count > count {
            let change = answerChanges.removeLast()
            answers[change.slot] = change.previous
        }
    }

    // MARK: Outcomes and booking

    /// The treatment plan for the current answers.
    private var currentPlan: TreatmentPlan {
        if let keptPlan, keptPlan.answersVersion == answersVersion { return keptPlan.plan }
        return spec.plan(for: answers)
    }

    private mutating func keepPlan() {
        guard keptPlan?.answersVersion != answersVersion else { return }
        keptPlan = (answersVersion, spec.plan(for: answers))
    }

    private mutating func finish(_ disposition: Disposition, text: String, node: String, _ events: inout [Event]) {
        outcome = disposition
        events.append(.outcome(disposition: disposition, text: text, node: node))
        if disposition == .emergency {
            events.append(.say(interpolate(spec.messages["emergency_reminder"])))
        }
        state = .ended
        events.append(.end(.outcome))
    }

    /// The most urgent red flag the person reported on the current path, if any.
    private var reportedRedFlag: (question: String, disposition: Disposition)? {
        var worst: (String, Disposition)?
        for position in trail {
            let node = spec.nodes[position]
            guard let question = node.question, let flag = question.redFlag,
                  let slot = node.route.slot, let answer = answers[slot], question.isRedFlag(answer) else { continue }
            if worst == nil || flag.urgencyRank < worst!.1.urgencyRank { worst = (node.id, flag) }
        }
        return worst
    }

    private mutating func requestBooking(_ node: Node, _ events: inout [Event]) {
        guard let step = node.booking else { return }
        // Defence in depth: the linter proves red flags lead to outcomes, but the machine refuses anyway.
        if bookingEmitted {
            events.append(.error(code: "already_booked", text: "A booking request was already sent in this conversation."))
            finish(.handoff, text: spec.messages["ended"], node: node.id, &events)
            return
        }
        if let flag = reportedRedFlag, flag.disposition.forbidsBooking || step.disposition == .massageOK {
            let text = "You told me about a warning sign, so I can't book a massage. Please get medical advice first"
                + (flag.disposition == .emergency ? "; call \(emergencyNumber) now." : ".")
            finish(flag.disposition, text: text, node: node.id, &events)
            return
        }
        state = .awaitingBooking(node.route.position)
        keepPlan()
        events.append(.bookingReady(BookingDraft(request: bookingRequest(step))))
    }

    func bookingRequest(_ step: BookingStep) -> BookingRequest {
        let plan = currentPlan
        var fields: [String: String] = [:]
        var severity: Int?
        var consent = false
        for (field, slot) in spec.bookingFieldSlots where answers.isSet(slot) {
            switch (field, answers[slot]) {
            case ("severity", .number(let n)?): severity = n
            case ("consent", .yesNo(let yes)?): consent = yes
            default: fields[field] = display(slot)
            }
        }
        var recorded: [BookingRequest.RecordedAnswer] = []
        var redFlags: [BookingRequest.RedFlagResult] = []
        for position in trail {
            let node = spec.nodes[position], id = node.id
            guard let question = node.question, let number = node.route.slot, let answer = answers[number] else { continue }
            let asked = askText(question)
            recorded.append(.init(question: id, slot: spec.slots.names[number], text: asked, value: answer.raw,
                                  label: display(number), input: question.input))
            if let flag = question.redFlag {
                redFlags.append(.init(question: id, text: asked, disposition: flag, present: question.isRedFlag(answer)))
            }
        }
        var notes = plan.notes
        if let note = step.note { notes.append(interpolate(note)) }
        var needsClearance = step.disposition == .doctor
        // Lines already quoted by the note above are not quoted again below.
        var quotedBeforeNo: [(position: Int, text: String)] = []
        for (position, typed) in unclearBeforeNo where trail.contains(position) {
            let node = spec.nodes[position]
            guard let question = node.question, let slot = node.route.slot, answers[slot] == .yesNo(false) else { continue }
            needsClearance = true
            let note = spec.messages["red_flag_unclear_note"].replacingPlaceholder("{question}", with: askText(question))
                .replacingPlaceholder("{answer}", with: typed)
            if !notes.contains(note) { notes.append(note) }
            quotedBeforeNo.append((position, typed))
        }
        for (position, typed, atWarningSign) in ownWords
        where !quotedBeforeNo.contains(where: { $0.position == position && $0.text == typed }) {
            guard let question = spec.nodes[position].question else { continue }
            if atWarningSign { needsClearance = true }
            let note = spec.messages["own_words_note"].replacingPlaceholder("{question}", with: askText(question))
                .replacingPlaceholder("{answer}", with: typed)
            if !notes.contains(note) { notes.append(note) }
        }
        return BookingRequest(
            id: "", createdAt: "", dialog: .init(id: spec.id, version: spec.version),
            disposition: step.disposition, needsMedicalClearance: needsClearance,
            location: fields["location"], side: fields["side"], spreading: fields["spreading"], cause: fields["cause"],
            onset: fields["onset"], severity: severity, worse: fields["worse"], stress: fields["stress"],
            redFlags: redFlags, notes: notes, plan: plan,
            preferences: .init(pressure: fields["pressure"], length: fields["length"], days: fields["days"], times: fields["times"]),
            contact: .init(name: fields["name"], phone: fields["phone"], email: fields["email"]),
            consent: consent, source: "", answers: recorded)
    }

    // MARK: Texts

    /// The human-readable value of a slot: choice labels, yes/no, digits or the text.
    public func display(_ slot: String) -> String {
        // Not `.map(display)`: a method taken as a closure captures a copy of the whole machine.
        guard let number = spec.slots.number(of: slot) else { return "" }
        return display(number)
    }

    /// The same, for slot number `slot`.
    func display(_ slot: Int) -> String {
        guard let answer = answers[slot] else { return "" }
        let question = spec.nodes[spec.slotPositions[slot]].question
        func label(_ id: String) -> String { question?.choices.first { $0.id == id }?.label ?? id }
        switch answer {
        case .choice(let id): return label(id)
        case .choices(let ids): return ids.map(label).joined(separator: ", ")
        case .yesNo(let yes): return yes ? "yes" : "no"
        case .number(let n): return String(n)
        case .text(let text): return text
        case .skipped: return ""
        }
    }

    /// The question as asked: its text with placeholders filled (most questions have none).
    private func askText(_ question: Question) -> String {
        question.askIsPlain ? question.ask : interpolate(question.ask)
    }

    func interpolate(_ text: String, bookingID: String? = nil) -> String {
        var plan: TreatmentPlan?
        // Most texts have no placeholder: the same string back, without looking it up.
        guard Template.hasBraces(text) else { return text }
        return Template.render(spec.template(text)) { name in
            switch name {
            case "emergency_number": return emergencyNumber
            case "booking_id": return bookingID
            default:
                if name.hasPrefix(Template.planPrefix) {
                    if plan == nil { plan = currentPlan }
                    return plan?.value(String(name.dropFirst(Template.planPrefix.count)))
                }
                return display(name)
            }
        }
    }

    static func list(_ items: [String], or: Bool) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + items.last!
    }
}
