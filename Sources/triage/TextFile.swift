import Foundation

/// Reads the text files the commands take (dialogs, transcripts): whole, as UTF-8.
enum TextFile {
    enum Failure: Error {
        case unreadable
        case notUTF8
    }

    static func read(_ path: String) -> Result<String, Failure> {
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(.unreadable) }
        // The standard library's validation: no Foundation string-encoding machinery (lint runs this at start-up).
        guard let text = data.withUnsafeBytes({ String(validating: $0, as: UTF8.self) }) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
