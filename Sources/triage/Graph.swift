import ArgumentParser
import TriageCore

extension GraphRenderer.Format: ExpressibleByArgument {}

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a dialog as Graphviz DOT or Mermaid (red: red flags and emergencies, green: booking).",
        discussion: "Example: triage graph Dialogs/back-strain.yaml | dot -Tsvg > docs/back-strain.svg")

    @Argument(help: "Dialog file, or the id of a shipped dialog.")
    var dialog: String

    @Option(name: .long, help: "dot (default) or mermaid.")
    var format: GraphRenderer.Format = .dot

    func run() throws {
        let spec: DialogSpec
        do { spec = try DialogLocator.load(try DialogLocator.resolve(dialog)) } catch {
            Console.err("\(error)")
            throw ExitCode(1)
        }
        FileOutput.write(GraphRenderer.render(spec, format: format))
    }
}
