import Foundation

/// One folder per test process for every file the tests write, removed when the process exits, so a test run
/// leaves nothing behind in the temporary directory. `TRIAGE_KEEP_TEST_FILES=1` keeps it to look at a failure.
enum TestRun {
    static let directory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("triage-tests-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["TRIAGE_KEEP_TEST_FILES"] != "1" {
            atexit { TestRun.remove() }
        }
        return url
    }()

    static func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
