#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines from a file descriptor (piped or redirected standard input), with its own buffer so it can tell which
/// lines were already sent: after a conversation ends, those are screened for red flags instead of being
/// dropped unread. `readLine` strips "\n" and "\r\n" and repairs invalid UTF-8, as `Swift.readLine` does.
public struct FileLineReader {
    /// At most this many lines are taken after the end, so a sender that never stops cannot keep us reading.
    public static let maxLinesAfterEnd = 1024

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var atEnd = false

    public init(fd: Int32 = STDIN_FILENO) {
        self.fd = fd
    }

    /// The next line, waiting for it if need be; nil at the end of input.
    public mutating func readLine() -> String? {
        while true {
            if let line = takeBufferedLine() { return line }
            if atEnd { return takeRest() }
            fill()
        }
    }

    /// The lines that have already arrived, without waiting for more: what is buffered and what the pipe or
    /// file holds right now.
    public mutating func linesAlreadySent() -> [String] {
        var lines: [String] = []
        while lines.count < Self.maxLinesAfterEnd {
            if let line = takeBufferedLine() {
                lines.append(line)
            } else if !atEnd, Self.isReadable(fd) {
                fill()
            } else {
                if atEnd, let rest = takeRest() { lines.append(rest) }
                break
            }
        }
        return lines
    }

    private mutating func takeBufferedLine() -> String? {
        guard let newline = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        defer { start = newline + 1 }
        return Self.text(buffer[start..<newline])
    }

    /// A last line with no newline before the end of input.
    private mutating func takeRest() -> String? {
        guard start < buffer.count else { return nil }
        defer { start = buffer.count }
        return Self.text(buffer[start...])
    }

    private mutating func fill() {
        if start > 0 {
            buffer.removeFirst(start)
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                return
            }
            if count < 0, errno == EINTR { continue }
            // End of input, or an error reading it: either way no more lines will come.
            atEnd = true
            return
        }
    }

    private static func isReadable(_ fd: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        // POLLHUP (the writer closed) also means a read returns at once, with the end of input.
        return poll(&poller, 1, 0) > 0
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
        let line = bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
        return String(decoding: line, as: UTF8.self)
    }
}
