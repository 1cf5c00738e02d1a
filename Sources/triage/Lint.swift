import ArgumentParser
import Foundation
import TriageCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check dialog files: structure, slots and the red-flag safety proof.",
        discussion: "Prints FILE:LINE:COLUMN: error|warning: message [code] for every problem (codes in docs/dialog-format.md). Exits 1 if there is any error.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Dialog files to check.")
    var files: [String]

    @Option(name: .long, help: "text (default) or json (an array of {file, line, column, severity, code, message}).")
    var format: Format = .text

    func run() throws {
        if !Self.check(files, format: format) { throw ExitCode(1) }
    }

    /// The specs checked: the process exits right after printing, and leaves them to the exit instead of tearing
    /// them down first (≈ 3 % of a lint of the shipped dialog).
    nonisolated(unsafe) private static var keptUntilExit: [DialogSpec] = []

    /// Prints every diagnostic of `files`; false if any is an error.
    static func check(_ files: [String], format: Format) -> Bool {
        var all: [Diagnostic] = []
        for file in files {
            switch TextFile.read(file) {
            case .success(let text):
                all += Linter.check(text, file: file) { keptUntilExit.append($0) }
            case .failure(.unreadable):
                all.append(Diagnostic(file: file, location: .init(line: 1, column: 1), message: "cannot read the file", code: "E000"))
            case .failure(.notUTF8):
                all.append(Diagnostic(file: file, location: .init(line: 1, column: 1), message: "the file is not UTF-8 text", code: DiagnosticCode.syntax))
            }
        }
        switch format {
        case .text:
            for diagnostic in all { Console.out(diagnostic.description) }
        case .json:
            let items: [JSONValue] = all.map { d in
                .object([("file", .string(d.file)), ("line", .number(d.location.line)), ("column", .number(d.location.column)),
                         ("severity", .string(d.severity.rawValue)), ("code", .string(d.code)), ("message", .string(d.message))])
            }
            Console.out(JSONValue.array(items).serialized)
        }
        return !all.contains(where: { $0.severity == .error })
    }
}

extension Lint {
    /// The files of `triage lint FILE...` with no options. Editor hooks and CI run exactly that, often, and with
    /// no option there is nothing to parse: skipping the argument parser's reflection of the command tree saves
    /// a quarter of lint's start-up. Anything with an option (`--help`, `--format`) goes through the parser.
    static func plainInvocation(_ arguments: [String]) -> [String]? {
        guard arguments.first == configuration.commandName, arguments.count > 1,
              !arguments.dropFirst().contains(where: { $0.hasPrefix("-") }) else { return nil }
        return Array(arguments.dropFirst())
    }
}
