#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines from a file descriptor (piped or redirected standard input), with its own buffer so it can tell which
/// lines were already sent: after a conversation ends, those are screened for red flags instead of being
/// dropped unread. `readLine` strips "\n" and "\r\n" (a last line's lone "\r" stays) and repairs invalid UTF-8,
/// as `Swift.readLine` does.
public struct FileLineReader {
    /// After the end, at most this many lines and bytes are taken, so a sender that never stops (or never sends
    /// a newline) cannot keep us reading.
    public static let maxLinesAfterEnd = 1024
    public static let maxBytesAfterEnd = 1 << 20

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next newline resumes: bytes before it (from `start`) hold none.
    private var scanned = 0
    private var atEnd = false
    private var chunk = [UInt8](repeating: 0, count: 65536)

    public init(fd: Int32 = STDIN_FILENO) {
        self.fd = fd
    }

    /// The next line, waiting for it if need be; nil at the end of input.
    public mutating func readLine() -> String? {
        while true {
            if let line = takeBufferedLine() { return line }
            if atEnd { return takeRest() }
            _ = fill()
        }
    }

    /// The lines that have already arrived, without waiting for more: what is buffered and what the pipe or
    /// file holds right now, a last line without its newline included. For the end of a conversation: after it,
    /// the reader is done (a line still being sent was handed over in part).
    public mutating func linesAlreadySent() -> [String] {
        var lines: [String] = []
        var bytesRead = 0
        while lines.count < Self.maxLinesAfterEnd {
            if let line = takeBufferedLine() {
                lines.append(line)
            } else if !atEnd, bytesRead < Self.maxBytesAfterEnd, Self.isReadable(fd) {
                bytesRead += fill()
            } else {
                if let rest = takeRest() { lines.append(rest) }
                break
            }
        }
        return lines
    }

    private mutating func takeBufferedLine() -> String? {
        guard let newline = buffer[max(start, scanned)...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = buffer.count
            return nil
        }
        defer { start = newline + 1 }
        let line = buffer[start..<newline]
        return Self.text(line.last == UInt8(ascii: "\r") ? line.dropLast() : line)
    }

    /// What is buffered without a newline: the last line before the end of input, or a line still being sent.
    private mutating func takeRest() -> String? {
        guard start < buffer.count else { return nil }
        defer { start = buffer.count }
        return Self.text(buffer[start...])
    }

    /// Reads once; returns how many bytes arrived (0 at the end of input).
    private mutating func fill() -> Int {
        if start > 0 {
            buffer.removeFirst(start)
            scanned = max(scanned - start, 0)
            start = 0
        }
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return count
            }
            if count < 0, errno == EINTR { continue }
            // The end of input, or an error reading it: either way no more lines will come.
            atEnd = true
            return 0
        }
    }

    private static func isReadable(_ fd: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, 0)
            if ready < 0, errno == EINTR { continue }
            // POLLHUP (the writer closed) also means a read returns at once, with the end of input.
            return ready > 0
        }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
