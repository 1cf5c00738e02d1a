import Foundation
import Testing
@testable import TriageCore

/// The stored booking document is written by hand for speed; it must stay exactly what `JSONEncoder` writes.
@Suite("Booking JSON writer")
struct BookingJSONTests {
    static func encoderJSON(_ request: BookingRequest) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(request), as: UTF8.self)
    }

    /// Every booking request that random walks of a shipped dialog reach.
    static func walkedRequests(_ dialog: String, walks: Int) throws -> [BookingRequest] {
        let spec = try Fixture.dialog(dialog)
        var requests: [BookingRequest] = []
        for seed in UInt64(1)...UInt64(walks) {
            var random = SplitMix64(seed: seed)
            var machine = DialogMachine(spec: spec, recordsCoverage: false)
            _ = machine.start()
            for _ in 0..<200 where !machine.isEnded {
                let line = RandomWalk.answer(for: machine, redFlagYesOneIn: 30, using: &random)
                _ = machine.send(.line(line)) { draft in
                    requests.append(draft.finalize(id: "b-\(seed)", createdAt: "2026-12-01T10:00:00.000Z", source: "kiosk 127.0.0.1:\(seed)"))
                    return .bookingStored(id: "b-\(seed)")
                }
            }
        }
        return requests
    }

    @Test(arguments: ["back-strain", "neck-shoulder"])
    func shippedDialogBookingsAreWrittenAsJSONEncoderWritesThem(dialog: String) throws {
        let requests = try Self.walkedRequests(dialog, walks: 600)
        #expect(requests.count > 40)
        for request in requests {
            #expect(Array(BookingJSONWriter.encode(request).utf8) == Array(try Self.encoderJSON(request).utf8))
        }
    }

    /// Every ASCII character (controls, quotes, backslash, slash, DEL), non-ASCII text, and empty strings.
    static let awkwardTexts: [String] = [
        String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
        #"say "hi" \ back\slash / slash"#, "café 😀 e\u{301} \u{2028}\u{2029}\u{FEFF}", "", "日本語のテキスト", "\r\n\t\u{8}\u{C}",
    ]

    @Test(arguments: awkwardTexts)
    func awkwardTextIsEscapedAsJSONEncoderEscapesIt(text: String) throws {
        for request in [Self.request(text: text, optionals: true), Self.request(text: text, optionals: false)] {
            let written = BookingJSONWriter.encode(request)
            // Bytes, not strings: String equality would accept a canonically equivalent spelling of the text.
            #expect(Array(written.utf8) == Array(try Self.encoderJSON(request).utf8))
            #expect(try JSONDecoder().decode(BookingRequest.self, from: Data(written.utf8)) == request)
        }
    }

    /// A request with `text` in every string field; with `optionals` false every optional field is nil and every
    /// list is empty.
    static func request(text: String, optionals: Bool) -> BookingRequest {
        let maybe: String? = optionals ? text : nil
        let plan = TreatmentPlan(values: optionals ? ["technique": text, "minutes": "45", "pressure": text, "sessions": "-3",
                                                      "spacing": text, "focus": text] : [:],
                                 advice: optionals ? [text, text + "2"] : [], notes: optionals ? [text] : [])
        return BookingRequest(
            id: text, createdAt: text, dialog: .init(id: text, version: text), disposition: .doctor, needsMedicalClearance: optionals,
            location: maybe, side: maybe, spreading: maybe, cause: maybe, onset: maybe, severity: optionals ? Int.min : nil,
            worse: maybe, stress: maybe,
            redFlags: optionals ? [.init(question: text, text: text, disposition: .emergency, present: true),
                                   .init(question: "q", text: "t", disposition: .urgent, present: false)] : [],
            notes: optionals ? [text, ""] : [], plan: plan,
            preferences: .init(pressure: maybe, length: maybe, days: maybe, times: maybe),
            contact: .init(name: maybe, phone: maybe, email: maybe), consent: !optionals, source: text,
            answers: optionals ? [.init(question: text, slot: text, text: text, value: text, label: text, input: .multi),
                                  .init(question: "a", slot: "b", text: "c", value: "d", label: "e", input: .number)] : [])
    }

    /// The writer lists every field by hand: a field added to a booking type without it would silently be missing
    /// from every stored booking. This fails until the writer (and `request(text:optionals:)`) have the new field.
    @Test func writerKnowsEveryFieldOfEveryBookingType() {
        let request = Self.request(text: "x", optionals: true)
        let fields: [(Any, Int)] = [(request, 22), (request.answers[0], 6), (request.redFlags[0], 4), (request.preferences, 4),
                                    (request.contact, 3), (request.dialog, 2), (request.plan, 8)]
        for (value, written) in fields {
            #expect(Mirror(reflecting: value).children.count == written, "\(type(of: value)) gained or lost a field: update BookingJSONWriter")
        }
    }

    @Test func protocolTextsStillEscapeDelete() {
        #expect(JSONValue.string("a\u{7F}b\u{8}").serialized == #""a\u007fb\b""#)
    }
}
