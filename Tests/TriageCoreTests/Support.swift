import Foundation
import Testing
@testable import TriageCore

/// Paths and helpers shared by the core tests.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
    static func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }
}

enum Fixture {
    /// The complete small example of docs/dialog-format.md, read from the doc so the doc stays true.
    static func tinyText() throws -> String {
        let doc = try Repo.text("docs/dialog-format.md")
        guard let start = doc.firstRange(of: "```yaml\nspec: 1") else { throw FixtureError.noExample }
        let body = doc[doc.index(start.lowerBound, offsetBy: 8)...]
        guard let end = body.firstRange(of: "```") else { throw FixtureError.noExample }
        return String(body[..<end.lowerBound])
    }

    enum FixtureError: Error { case noExample }

    static func tiny() throws -> DialogSpec { try load(tinyText(), file: "tiny.yaml") }

    static func load(_ text: String, file: String = "test.yaml") throws -> DialogSpec {
        switch SpecLoader.load(text, file: file) {
        case .success(let spec): return spec
        case .failure(let errors): throw errors
        }
    }

    static func dialog(_ name: String) throws -> DialogSpec {
        try load(Repo.text("Dialogs/\(name).yaml"), file: "Dialogs/\(name).yaml")
    }

    /// Diagnostics for a spec that should fail to load.
    static func diagnostics(_ text: String) -> [Diagnostic] {
        switch SpecLoader.load(text, file: "bad.yaml") {
        case .success: return []
        case .failure(let errors): return errors.diagnostics
        }
    }
}

/// Drives a machine like a front end would, with bookings stored in memory.
struct Harness {
    var machine: DialogMachine
    var bookings: [BookingRequest] = []
    var events: [Event] = []
    var failBookings = false

    init(_ spec: DialogSpec, emergencyNumber: String? = nil) {
        machine = DialogMachine(spec: spec, emergencyNumber: emergencyNumber)
        events = machine.start()
    }

    @discardableResult
    mutating func say(_ line: String) -> [Event] {
        var stored: [BookingRequest] = []
        let fail = failBookings
        let count = bookings.count
        events = machine.send(.line(line)) { draft in
            if fail { return .bookingFailed(reason: "disk full") }
            let request = draft.finalize(id: "booking-\(count + stored.count + 1)", createdAt: "2026-11-25T12:00:00Z", source: "test")
            stored.append(request)
            return .bookingStored(id: request.id)
        }
        bookings += stored
        return events
    }

    mutating func say(_ lines: [String]) { for line in lines { say(line) } }

    var text: [String] { TextRenderer.lines(for: events) }
    var lastAsk: Prompt? { events.compactMap { if case .ask(let p) = $0 { p } else { nil } }.last }
    var outcome: Disposition? { events.compactMap { if case .outcome(let d, _, _) = $0 { d } else { nil } }.last }
    /// The outcome node the conversation ended at.
    var outcomeNode: String? { events.compactMap { if case .outcome(_, _, let node) = $0 { node } else { nil } }.last }
    var errorCodes: [String] { events.compactMap { if case .error(let code, _) = $0 { code } else { nil } } }
    var ended: Bool { events.contains { if case .end = $0 { true } else { false } } }
}
