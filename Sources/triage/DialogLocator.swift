import Foundation
import TriageCore

/// Finds dialog files: an explicit path, or a dialog id looked up in the known Dialogs folders.
enum DialogLocator {
    static let defaultDialog = "back-strain"

    /// Folders searched for `NAME.yaml`, in order.
    static func searchFolders(near file: String? = nil) -> [String] {
        var folders: [String] = []
        if let env = ProcessInfo.processInfo.environment["TRIAGE_DIALOGS"] { folders.append(env) }
        if let file {
            let dir = URL(fileURLWithPath: file).deletingLastPathComponent()
            folders.append(dir.appendingPathComponent("../Dialogs").standardized.path)
            folders.append(dir.appendingPathComponent("Dialogs").standardized.path)
        }
        folders.append(FileManager.default.currentDirectoryPath + "/Dialogs")
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        folders.append(executable.appendingPathComponent("../share/triage/Dialogs").standardized.path)
        // A build inside the source tree: .build/<triple>/debug/triage
        folders.append(executable.appendingPathComponent("../../../Dialogs").standardized.path)
        folders.append(executable.appendingPathComponent("../../Dialogs").standardized.path)
        // The source tree this binary was built from (works for `swift run` from any directory).
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Dialogs").standardized.path
        folders.append(source)
        return folders
    }

    /// `nameOrPath` is a file path (contains `/` or ends in .yaml/.yml/.json) or a dialog id.
    static func resolve(_ nameOrPath: String, near file: String? = nil) throws -> String {
        let fm = FileManager.default
        let looksLikePath = nameOrPath.contains("/") || [".yaml", ".yml", ".json"].contains { nameOrPath.hasSuffix($0) }
        if looksLikePath {
            var candidates = [nameOrPath]
            if let file, !nameOrPath.hasPrefix("/") {
                candidates.append(URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(nameOrPath).standardized.path)
            }
            if let found = candidates.first(where: { fm.fileExists(atPath: $0) }) { return found }
            throw CLIError("dialog file not found: \(nameOrPath)")
        }
        for folder in searchFolders(near: file) {
            for ext in ["yaml", "yml", "json"] {
                let path = "\(folder)/\(nameOrPath).\(ext)"
                if fm.fileExists(atPath: path) { return path }
            }
        }
        throw CLIError("no dialog named '\(nameOrPath)'; looked in: \(searchFolders(near: file).joined(separator: ", ")). Use --dialog PATH.")
    }

    static func load(_ path: String) throws -> DialogSpec {
        let text: String
        switch TextFile.read(path) {
        case .success(let read): text = read
        case .failure(.unreadable): throw CLIError("cannot read \(path)")
        case .failure(.notUTF8): throw CLIError("\(path): not UTF-8 text")
        }
        switch SpecLoader.load(text, file: path) {
        case .success(let spec): return spec
        case .failure(let errors): throw errors
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

struct DiagnosticsError: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

enum FileOutput {
    /// Writes text to stdout exactly (no extra newline).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
