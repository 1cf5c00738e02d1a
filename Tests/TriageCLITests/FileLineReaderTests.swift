import Foundation
import Testing
import TriageREPL

/// The piped-input reader of `triage chat`: the same lines as `Swift.readLine`, and after the end exactly the
/// lines already sent, without waiting and within bounds.
@Suite("Reading piped lines", .timeLimit(.minutes(1)))
struct FileLineReaderTests {
    /// A pipe holding `bytes`; the write end stays open unless `close`.
    static func pipe(_ bytes: [UInt8], close: Bool) throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        try #require(Glibc.pipe(&fds) == 0)
        // Close-on-exec: a process another test spawns meanwhile must not hold the write end open.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        bytes.withUnsafeBytes { _ = write(fds[1], $0.baseAddress, $0.count) }
        if close { Glibc.close(fds[1]) }
        return (fds[0], fds[1])
    }

    static func readAll(_ reader: inout FileLineReader) -> [String] {
        var lines: [String] = []
        while let line = reader.readLine() { lines.append(line) }
        return lines
    }

    @Test(arguments: [
        (Array("one\ntwo\r\nthree".utf8), ["one", "two", "three"]),
        (Array("\n\nlast\n".utf8), ["", "", "last"]),
        ([0x61, 0xFF, 0x62, 0x0A], ["a\u{FFFD}b"]),
        ([], []),
    ])
    func linesMatchSwiftReadLine(bytes: [UInt8], expected: [String]) throws {
        let fds = try Self.pipe(bytes, close: true)
        defer { close(fds.read) }
        var reader = FileLineReader(fd: fds.read)
        #expect(Self.readAll(&reader) == expected)
        #expect(reader.readLine() == nil)
    }

    /// A line longer than one read: the buffer is compacted between reads and the newline search resumes where
    /// it stopped.
    @Test func linesLongerThanOneReadAreWhole() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        let long = String(repeating: "b", count: 200_000)
        try Data("a\n\(long)\r\nc\n\(long)".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        var reader = FileLineReader(fd: fd)
        #expect(reader.readLine() == "a")
        #expect(reader.readLine() == long)
        #expect(reader.readLine() == "c")
        #expect(reader.linesAlreadySent() == [long])
    }

    @Test func linesAlreadySentDoNotWaitForAnOpenPipe() throws {
        let fds = try Self.pipe(Array("quit\nyes\nI can't pee\nand my legs are numb".utf8), close: false)
        defer { close(fds.read); close(fds.write) }
        var reader = FileLineReader(fd: fds.read)
        #expect(reader.readLine() == "quit")
        #expect(reader.readLine() == "yes")
        // Returns at once although the writer is still there; the unfinished last line counts as sent.
        #expect(reader.linesAlreadySent() == ["I can't pee", "and my legs are numb"])
        #expect(reader.linesAlreadySent() == [])
    }

    @Test func linesAlreadySentAtTheEndOfInputIsEmpty() throws {
        let fds = try Self.pipe(Array("quit\n".utf8), close: true)
        defer { close(fds.read) }
        var reader = FileLineReader(fd: fds.read)
        #expect(reader.readLine() == "quit")
        #expect(reader.linesAlreadySent() == [])
        let null = open("/dev/null", O_RDONLY)
        defer { close(null) }
        var empty = FileLineReader(fd: null)
        #expect(empty.linesAlreadySent() == [])
    }

    /// A file of 3 MiB with no newline (a sender that never stops would do the same): reading after the end
    /// stops at its byte limit and still hands over what it read.
    @Test func linesAlreadySentStopsAtItsByteLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try Data(repeating: UInt8(ascii: "a"), count: 3 << 20).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        var reader = FileLineReader(fd: fd)
        let lines = reader.linesAlreadySent()
        try #require(lines.count == 1)
        #expect(lines[0].utf8.count >= FileLineReader.maxBytesAfterEnd)
        #expect(lines[0].utf8.count < 2 * FileLineReader.maxBytesAfterEnd)
    }

    @Test func linesAlreadySentStopsAtItsLineLimit() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("reader-\(UUID().uuidString)")
        try Data(String(repeating: "no\n", count: 5000).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fd = open(file.path, O_RDONLY)
        defer { close(fd) }
        var reader = FileLineReader(fd: fd)
        #expect(reader.linesAlreadySent().count == FileLineReader.maxLinesAfterEnd)
    }
}
