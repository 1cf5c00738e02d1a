import Foundation
import Testing
@testable import TriageCore

@Suite("triage lint")
struct LintTests {
    static func fixtures() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Repo.path("Tests/TriageCoreTests/LintFixtures"))) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// Each fixture breaks one rule; its .expected file holds the exact diagnostics.
    @Test(arguments: fixtures())
    func fixtureGivesExactlyTheExpectedDiagnostics(name: String) throws {
        let text = try Repo.text("Tests/TriageCoreTests/LintFixtures/\(name).yaml")
        let expected = try Repo.text("Tests/TriageCoreTests/LintFixtures/\(name).expected")
        let found = Linter.check(text, file: "\(name).yaml").map(\.description)
        #expect(found == expected.split(separator: "\n").map(String.init))
        #expect(!found.isEmpty, "a fixture must break something")
    }

    @Test func everyLintCodeHasAFixture() throws {
        let expected = try Self.fixtures().map { try Repo.text("Tests/TriageCoreTests/LintFixtures/\($0).expected") }.joined()
        for code in ["L101", "L102", "L103", "L104", "L105", "L106", "L107", "L108", "S201", "S202", "S204", "S205"] {
            #expect(expected.contains("[\(code)]"), "no fixture for \(code)")
        }
    }

    @Test(arguments: ["back-strain", "neck-shoulder"])
    func shippedDialogsLintClean(name: String) throws {
        let found = Linter.check(try Repo.text("Dialogs/\(name).yaml"), file: "\(name).yaml")
        #expect(found.isEmpty, "\(found.map(\.description).joined(separator: "\n"))")
    }

    /// The small example with an urgent interrupt that shows advice, then asks `check` (whose branches are given).
    static func urgentInterruptExample(check: String) throws -> String {
        try Fixture.tinyText()
            .replacing("    goto: out_emergency\n\nnodes:\n", with: """
                    goto: out_emergency
                  - id: fever
                    patterns: ["a fever"]
                    goto: fever_advice

                nodes:
                  fever_advice:
                    type: message
                    say: Please see a doctor today.
                    next: check
                  check:
                    type: question
                    input: yesno
                \(check)
                  out_urgent:
                    type: outcome
                    disposition: urgent
                    say: See a doctor today.

                """)
    }

    @Test func anInterruptMayShowAdviceThenAskAboutTheEmergencySigns() throws {
        let text = try Self.urgentInterruptExample(check: """
                red_flag: emergency
                ask: Are you also numb between your legs?
                next:
                  - if: { check: yes }
                    goto: out_emergency
                  - goto: out_urgent
            """)
        #expect(Linter.check(text, file: "u.yaml").map(\.description) == [])
    }

    /// Such a question must end only in emergency or urgent outcomes, and be a yes/no red-flag question (so its
    /// unclear answers are resolved to one of them rather than handed off).
    @Test(arguments: [
        // "no" goes back into the conversation, which can book.
        """
                red_flag: emergency
                ask: Are you also numb between your legs?
                next:
                  - if: { check: yes }
                    goto: out_emergency
                  - goto: how_bad
            """,
        // Not a red-flag question.
        """
                ask: Are you also numb between your legs?
                next:
                  - if: { check: yes }
                    goto: out_emergency
                  - goto: out_urgent
            """,
        // Branches that do not cover every answer.
        """
                red_flag: emergency
                ask: Are you also numb between your legs?
                next:
                  - if: { check: yes }
                    goto: out_emergency
                  - if: { check: no }
                    goto: out_urgent
            """,
    ])
    func anInterruptThatCanLeadAnywhereButEmergencyOrUrgentOutcomesIsReported(check: String) throws {
        let found = Linter.check(try Self.urgentInterruptExample(check: check), file: "u.yaml")
        #expect(found.contains { $0.code == "S204" && $0.message.contains("'fever'") }, "\(found)")
    }

    @Test func documentedExampleLintsClean() throws {
        #expect(Linter.check(try Fixture.tinyText(), file: "tiny.yaml") == [])
    }

    /// The proof must notice when a red-flag question of the real dialog is bypassed.
    @Test func removingARedFlagFromTheShippedDialogIsCaught() throws {
        let text = try Repo.text("Dialogs/back-strain.yaml")
        // A branch that sends neck pain straight past the chest-pain question.
        let broken = text.replacing("      - goto: rf_chest\n", with: "      - if: { location: neck_shoulders }\n        goto: rf_aaa\n      - goto: rf_chest\n")
        #expect(broken != text)
        let found = Linter.check(broken, file: "b.yaml")
        #expect(found.contains { $0.code == "S201" && $0.message.contains("'rf_chest'") }, "\(found)")
        #expect(found.count == 1)
    }

    /// A red-flag question asked only for some people (`ask_if`) may be bypassed for everyone else, never for
    /// the people it applies to: the proof tracks the condition's answers exactly.
    @Test(arguments: [
        // After a fall or sport the accident question applies: skipping it then must be reported.
        (bypassWhen: "{ cause: fall }", reported: true),
        (bypassWhen: "{ cause: sport }", reported: true),
        (bypassWhen: "{ not: { cause: fall } }", reported: true),
        // Skipping it only when it does not apply anyway is safe.
        (bypassWhen: "{ not: { cause: { in: [fall, sport] } } }", reported: false),
        (bypassWhen: "{ cause: { in: [lifting, posture] } }", reported: false),
    ])
    func conditionalRedFlagBypassIsCaughtOnlyWhenItApplies(bypassWhen: String, reported: Bool) throws {
        let text = try Repo.text("Dialogs/back-strain.yaml")
        let broken = text.replacing("""
                  - if: { rf_aaa: yes }
                    goto: out_aaa
                  - goto: rf_accident
            """, with: """
                  - if: { rf_aaa: yes }
                    goto: out_aaa
                  - if: \(bypassWhen)
                    goto: rf_injury_numb
                  - goto: rf_accident
            """)
        #expect(broken != text)
        let found = Linter.check(broken, file: "b.yaml")
        let skipped = found.filter { $0.code == "S201" && $0.message.contains("'rf_accident'") }
        #expect(skipped.count == (reported ? 1 : 0), "\(found)")
        if reported { #expect(skipped.first?.message.contains("rf_aaa -> rf_injury_numb") == true, "\(skipped)") }
        #expect(found.allSatisfy { $0.code == "S201" && $0.message.contains("'rf_accident'") }, "\(found)")
    }
}
