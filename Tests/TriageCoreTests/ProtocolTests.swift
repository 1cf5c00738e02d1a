import Testing
@testable import TriageCore

@Suite("JSON message protocol")
struct ProtocolTests {
    @Test func encodesEveryVisibleEvent() {
        let prompt = Prompt(id: "where", text: "Where?", input: .choice, choices: [.init(id: "low", label: "Low \"back\"")])
        #expect(JSONProtocol.encode(.ask(prompt)) == #"{"type":"ask","id":"where","text":"Where?","input":"choice","choices":[{"id":"low","label":"Low \"back\""}]}"#)
        #expect(JSONProtocol.encode(.say("a\nb")) == #"{"type":"say","text":"a\nb"}"#)
        #expect(JSONProtocol.encode(.outcome(disposition: .massageOK, text: "ok", node: "n")) == #"{"type":"outcome","disposition":"massage_ok","text":"ok"}"#)
        #expect(JSONProtocol.encode(.booking(id: "x", status: .stored)) == #"{"type":"booking","id":"x","status":"stored"}"#)
        #expect(JSONProtocol.encode(.error(code: "c", text: "t")) == #"{"type":"error","code":"c","text":"t"}"#)
        #expect(JSONProtocol.encode(.end(.quit)) == #"{"type":"end","reason":"quit"}"#)
        let number = Prompt(id: "sev", text: "How bad?", input: .number, min: 0, max: 10)
        #expect(JSONProtocol.encode(.ask(number)) == #"{"type":"ask","id":"sev","text":"How bad?","input":"number","min":0,"max":10}"#)
    }

    @Test func controlCharactersAreEscaped() {
        #expect(JSONProtocol.encode(.say("\u{1}\t")) == #"{"type":"say","text":"\u0001\t"}"#)
    }

    @Test(arguments: [("lower back", "lower back"), (#"{"text": "lower back"}"#, "lower back"),
                      (#"{"text":"caf\u00e9 \ud83d\ude00"}"#, "café 😀"), (#" {"text": "a", "extra": [1, {"b": null}]} "#, "a")])
    func decodesPlainLinesAndTextObjects(line: String, expected: String) {
        #expect(JSONProtocol.decode(line) == .success(expected))
    }

    @Test(arguments: [#"{"text": "#, #"{"txt": "a"}"#, #"{"text": 5}"#, #"{"text": "a"} x"#, "{", #"{"text": "\ud800"}"#])
    func rejectsBadMessages(line: String) {
        guard case .failure = JSONProtocol.decode(line) else { Issue.record("\(line) should be rejected"); return }
    }

    @Test func deepNestingIsRejectedNotCrashed() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(JSONValue.parse(deep) == nil)
    }

    @Test func roundTrip() {
        let value = JSONValue.object([("a", .array([.number(1), .bool(true), .null, .string("x\"y")]))])
        #expect(JSONValue.parse(value.serialized) == value)
    }
}
