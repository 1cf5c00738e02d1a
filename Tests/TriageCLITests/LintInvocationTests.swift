import Testing
@testable import triage

/// Which `triage lint` command lines skip the argument parser (start-up time): only files, no options.
@Suite("triage lint without the argument parser")
struct LintInvocationTests {
    @Test(arguments: [
        (["lint", "a.yaml"], ["a.yaml"]),
        (["lint", "a.yaml", "Dialogs/b.yml"], ["a.yaml", "Dialogs/b.yml"]),
        (["lint"], nil),
        (["lint", "--format", "json", "a.yaml"], nil),
        (["lint", "a.yaml", "--help"], nil),
        (["lint", "--", "a.yaml"], nil),
        (["lint", "-h"], nil),
        (["graph", "a.yaml"], nil),
        (["a.yaml", "lint"], nil),
        ([], nil),
    ] as [([String], [String]?)])
    func plainInvocation(arguments: [String], files: [String]?) {
        #expect(Lint.plainInvocation(arguments) == files)
    }
}
