import Testing
@testable import TriageCore

@Suite("Spec loader")
struct LoaderTests {
    @Test func documentedExampleLoads() throws {
        let spec = try Fixture.tiny()
        #expect(spec.id == "tiny-back")
        #expect(spec.start == "where")
        #expect(spec.node("numb")?.question?.redFlag == .emergency)
        #expect(spec.interrupts.map(\.id) == ["bladder"])
        #expect(spec.maxAttempts == 3)
        #expect(spec.nodes.map(\.id).first == "where")
    }

    @Test(arguments: ["back-strain", "neck-shoulder"])
    func shippedDialogsLoad(name: String) throws {
        let spec = try Fixture.dialog(name)
        #expect(spec.id == name)
        #expect(!spec.nodes.isEmpty)
    }

    @Test func jsonIsAccepted() throws {
        let json = """
        {"spec": 1, "id": "j", "title": "J", "version": "1", "disclaimer": "d", "emergency_number": "112",
         "start": "end", "nodes": {"end": {"type": "outcome", "disposition": "massage_ok", "say": "bye"}}}
        """
        let spec = try Fixture.load(json, file: "j.json")
        #expect(spec.emergencyNumber == "112")
    }

    @Test func syntaxErrorHasLocation() {
        let diagnostics = Fixture.diagnostics("spec: 1\nid: [unclosed\n")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == "E001")
        #expect(diagnostics.first?.description.hasPrefix("bad.yaml:3:1: error: YAML syntax error") == true)
    }

    @Test func emptyFileIsAnError() {
        #expect(Fixture.diagnostics("").map(\.code) == ["E004"])
    }

    /// One broken spec with many problems: all are reported at once, each with its line and column.
    @Test func everyProblemIsReportedAtOnceWithLocations() {
        let text = """
        spec: 1
        id: broken
        title: Broken
        version: "1"
        disclaimer: Not a diagnosis.
        emergency_number: "911"
        start: frist
        colour: blue
        settings:
          handoff: call
        nodes:
          where:
            type: question
            input: choice
            ask: Where? {nowhere}
            choices:
              - id: low
                label: Low
              - id: low
                label: Again
            next: gone
          how_bad:
            type: question
            input: number
            min: ten
            max: 10
            ask: How bad?
            next:
              - if: { severty: { min: 7 } }
                goto: call
              - goto: call
          call:
            type: outcome
            disposition: panic
            say: Call us.
          where:
            type: message
            say: duplicate
            next: call
        """
        let found = Fixture.diagnostics(text).map(\.description)
        let expected = [
            "bad.yaml:7:8: error: start node 'frist' is not a defined node [E005]",
            "bad.yaml:8:1: error: unknown key 'colour' in the dialog [E002]",
            "bad.yaml:15:10: error: '{nowhere}' names slot 'nowhere' is not the slot of any question; did you mean 'where'? [E006]",
            "bad.yaml:19:13: error: duplicate choice id 'low' in node 'where' [E007]",
            "bad.yaml:21:11: error: 'next' of node 'where' goes to 'gone' is not a defined node [E005]",
            "bad.yaml:25:10: error: 'min' must be a whole number [E003]",
            "bad.yaml:29:15: error: condition reads slot 'severty' is not the slot of any question [E006]",
            "bad.yaml:34:18: error: disposition 'panic' is not one of: emergency, urgent, doctor, massage_ok, handoff [E003]",
            "bad.yaml:36:3: error: duplicate key 'where' [E007]",
        ]
        for line in expected { #expect(found.contains(line), "missing: \(line)\nfound:\n\(found.joined(separator: "\n"))") }
        #expect(found.count >= expected.count)
    }

    @Test func unknownKeySuggestsTheRightOne() {
        let text = """
        spec: 1
        id: x
        title: X
        version: "1"
        disclaimer: d
        emergency_number: "911"
        start: done
        nodes:
          done:
            type: outcome
            disposition: massage_ok
            sya: bye
        """
        let found = Fixture.diagnostics(text).map(\.description)
        #expect(found.contains("bad.yaml:12:5: error: unknown key 'sya' in node 'done'; did you mean 'say'? [E002]"))
        #expect(found.contains("bad.yaml:10:5: error: node 'done' is missing required key 'say' [E004]"))
    }

    @Test func unsupportedVersionIsReported() {
        let found = Fixture.diagnostics("spec: 2\nid: x\ntitle: X\nversion: '1'\ndisclaimer: d\nemergency_number: '1'\nstart: a\nnodes: {}\n")
        #expect(found.contains { $0.code == "E008" && $0.location == SourceLocation(line: 1, column: 7) })
    }

    @Test func wrongTypesAreReported() {
        let found = Fixture.diagnostics("spec: 1\nid: x\ntitle: [a, b]\nversion: '1'\ndisclaimer: d\nemergency_number: '1'\nstart: a\nnodes: [1, 2]\n")
        #expect(found.map(\.description).contains("bad.yaml:3:8: error: 'title' in the dialog must be text [E003]"))
        #expect(found.map(\.description).contains("bad.yaml:8:8: error: 'nodes' must be a mapping from node id to node [E003]"))
    }

    @Test func interruptMustTargetADefinedNode() {
        var text = try! Fixture.tinyText()
        text = text.replacing("goto: out_emergency\n\nnodes:", with: "goto: out_emergancy\n\nnodes:")
        let found = Fixture.diagnostics(text)
        #expect(found.contains { $0.code == "E005" && $0.message.contains("out_emergancy") && $0.message.contains("did you mean 'out_emergency'") })
    }

    @Test func yesPhrasesBelongToYesNoQuestionsAndNeedWords() throws {
        let text = try Fixture.tinyText()
        let spec = try Fixture.load(text)
        #expect(spec.node("numb")?.question?.yesPhraseWords.contains(["cant", "feel"]) == true)
        let onChoice = text.replacing("    input: choice\n", with: "    input: choice\n    yes_phrases: [numb]\n")
        #expect(Fixture.diagnostics(onChoice).contains { $0.code == "E003" && $0.message.contains("only applies to yesno") })
        let empty = text.replacing("yes_phrases: [numb,", with: "yes_phrases: [\"?!\", numb,")
        #expect(Fixture.diagnostics(empty).contains { $0.code == "E003" && $0.message.contains("no words to match") })
    }

    @Test func bookingCannotCarryAnEmergencyDisposition() {
        var text = try! Fixture.tinyText()
        text = text.replacing("    type: booking\n", with: "    type: booking\n    disposition: emergency\n")
        #expect(Fixture.diagnostics(text).contains { $0.code == "E003" && $0.message.contains("never emergency") })
    }
}
