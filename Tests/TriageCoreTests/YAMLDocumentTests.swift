import Testing
@testable import TriageCore

/// The YAML reader under the loader: libyaml's events built into the tree the spec reader walks.
@Suite("YAML document")
struct YAMLDocumentTests {
    func read(_ text: String) throws -> YAMLDocument { try YAMLDocument.read(text).get() }

    func failure(_ text: String) -> YAMLDocument.SyntaxError? {
        if case .failure(let error) = YAMLDocument.read(text) { return error }
        return nil
    }

    @Test func scalarsAreTextWithTheirStart() throws {
        let document = try read("a: 1\nb: yes\nc: \"quoted: text\"\nd: [x, 'y']\n")
        guard case .mapping(let mapping)? = document.root else { Issue.record("not a mapping"); return }
        let texts: [String] = mapping.map { pair in
            if case .scalar(let scalar) = pair.value { return scalar.string }
            return "<not a scalar>"
        }
        #expect(texts == ["1", "yes", "quoted: text", "<not a scalar>"])
        #expect(mapping.map(\.value.location) == [SourceLocation(line: 1, column: 4), SourceLocation(line: 2, column: 4),
                                                    SourceLocation(line: 3, column: 4), SourceLocation(line: 4, column: 4)])
        guard case .sequence(let list) = mapping[3].value else { Issue.record("not a list"); return }
        #expect(list.compactMap { if case .scalar(let s) = $0 { s.string } else { nil } } == ["x", "y"])
        #expect(list[1].location == SourceLocation(line: 4, column: 8))
    }

    @Test func anAliasIsTheAnchoredValue() throws {
        let document = try read("first: &advice See a doctor today.\nsecond: *advice\n")
        guard case .mapping(let mapping)? = document.root, case .scalar(let second) = mapping[1].value else {
            Issue.record("unexpected shape"); return
        }
        #expect(second.string == "See a doctor today.")
    }

    @Test func anUndefinedAliasIsASyntaxErrorAtTheAlias() {
        let error = failure("first: ok\nsecond: *missing\n")
        #expect(error == YAMLDocument.SyntaxError(location: SourceLocation(line: 2, column: 9),
                                                  message: "found undefined alias 'missing'"))
    }

    @Test func aRepeatedKeyIsReportedAndLeftOut() throws {
        let document = try read("a: 1\nb:\n  c: 2\n  c: 3\na: 4\n")
        #expect(document.duplicates.map(\.key) == ["c", "a"])
        #expect(document.duplicates.map(\.location) == [SourceLocation(line: 4, column: 3), SourceLocation(line: 5, column: 1)])
        guard case .mapping(let top)? = document.root, case .mapping(let inner) = top[1].value,
              case .scalar(let kept) = inner[0].value else { Issue.record("unexpected shape"); return }
        #expect(top.count == 2)
        #expect(inner.count == 1)
        #expect(kept.string == "2")
    }

    @Test func anEmptyTextHoldsNoDocument() throws {
        #expect(try read("").root == nil)
        #expect(try read("# only a comment\n").root == nil)
    }

    @Test func aSecondDocumentIsRefused() {
        let error = failure("a: 1\n---\nb: 2\n")
        #expect(error?.location == SourceLocation(line: 2, column: 1))
        #expect(error?.message.contains("second document") == true)
    }

    /// libyaml reports bad characters by byte offset: the message still says which line and column.
    @Test func aControlCharacterIsLocated() {
        let error = failure("a: 1\nbé: x\u{01}y\n")
        #expect(error?.location == SourceLocation(line: 2, column: 6))
        #expect(error?.message.contains("control characters") == true)
    }

    @Test(arguments: ["a: [1, 2", "a: {b: 1", "a: 'open", "a:\n  - 1\n b: 2", "\t- tab"])
    func malformedTextIsASyntaxError(text: String) {
        #expect(failure(text) != nil)
    }

    /// Nesting deeper than libyaml allows is an error, not a stack overflow.
    @Test func deepNestingIsAnError() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(failure(text) != nil)
    }
}
