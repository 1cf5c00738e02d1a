#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the text files the commands take (dialogs, transcripts): whole, as UTF-8.
///
/// Plain POSIX reads: `FileManager.contents(atPath:)` builds a dictionary of the file's attributes, whose generic
/// types the runtime resolves on first use (≈ 6 % of starting `triage lint`).
enum TextFile {
    enum Failure: Error {
        case unreadable
        case notUTF8
    }

    static func read(_ path: String) -> Result<String, Failure> {
        guard let bytes = readBytes(path) else { return .failure(.unreadable) }
        guard let text = bytes.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else { return .failure(.notUTF8) }
        return .success(text)
    }

    /// The whole file, read until end of file (so pipes and files that grow while read are whole too);
    /// nil when it cannot be opened or read (missing, a directory, no permission).
    static func readBytes(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        var capacity = 64 * 1024
        if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG { capacity = max(Int(status.st_size) + 1, 1) }
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { readSome(fd, $0.baseAddress! + count, $0.count - count) }
            if got > 0 { count += got; continue }
            if got == 0 { break }
            if errno == EINTR { continue }
            return nil
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

/// `read(2)`, named apart from `TextFile.read`.
private func readSome(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
