import ReadlineShim

#if canImport(Glibc)
import Glibc
#endif

/// GNU readline: editing, session history (up/down), Tab completion, Ctrl-C to clear the line.
/// History is kept in memory only unless a file is given (it holds health information); that file is 0600.
public final class ReadlineEditor: LineEditor {
    let historyPath: String?

    public init(historyPath: String? = nil) {
        self.historyPath = historyPath
        triage_readline_setup()
        if let historyPath {
            // Create it private before readline writes anything to it.
            let fd = open(historyPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
            if fd >= 0 { fchmod(fd, 0o600); close(fd) }
            _ = triage_read_history(historyPath)
        }
    }

    deinit {
        triage_readline_teardown()
    }

    public func readLine(prompt: String) -> LineInput {
        var out: UnsafeMutablePointer<CChar>?
        switch triage_readline(prompt, &out) {
        case TRIAGE_LINE:
            guard let out else { return .endOfInput }
            let line = String(cString: out)
            triage_free(out)
            if !line.trimmingSpaces.isEmpty {
                triage_add_history(line)
                if let historyPath { _ = triage_append_history(historyPath) }
            }
            return .line(line)
        case TRIAGE_INTERRUPT:
            return .interrupt
        default:
            return .endOfInput
        }
    }

    public func setCompletions(_ words: [String]) {
        var pointers = words.map { strdup($0) }
        pointers.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buffer.count) {
                triage_set_completions($0, Int32(buffer.count))
            }
        }
        pointers.forEach { free($0) }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return s
    }
}
