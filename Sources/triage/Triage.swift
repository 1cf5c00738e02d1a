import ArgumentParser
import Foundation

@main
struct Triage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "triage",
        abstract: "A self-triage assistant for back strain that screens for red flags and hands booking requests to a clinic.",
        version: "0.1.0",
        subcommands: [Chat.self, Serve.self, Connect.self, Load.self, Bench.self, TestTranscripts.self, Lint.self, Graph.self, Bookings.self],
        defaultSubcommand: Chat.self
    )

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let files = Lint.plainInvocation(arguments) {
            Foundation.exit(Lint.check(files, format: .text) ? 0 : 1)
        }
        await main(nil)
    }
}
