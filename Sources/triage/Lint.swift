import ArgumentParser
import Foundation
import TriageCore

struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check dialog files and print every problem as FILE:LINE:COLUMN: error|warning: message [code].")

    @Argument(help: "Dialog files to check.")
    var files: [String]

    func run() throws {
        var errors = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Console.out("\(file):1:1: error: cannot read the file [E000]")
                errors += 1
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Console.out("\(file):1:1: error: the file is not UTF-8 text [E001]")
                errors += 1
                continue
            }
            let diagnostics: [Diagnostic]
            switch SpecLoader.load(text, file: file) {
            case .success: diagnostics = []
            case .failure(let found): diagnostics = found.diagnostics
            }
            for diagnostic in diagnostics { Console.out(diagnostic.description) }
            errors += diagnostics.filter { $0.severity == .error }.count
        }
        if errors > 0 { throw ExitCode(1) }
    }
}
