import ArgumentParser
import Foundation
import TriageBooking
import TriageCore

struct Bookings: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookings",
        abstract: "Read the booking requests the assistant has stored.",
        subcommands: [List.self, Show.self, Export.self],
        defaultSubcommand: List.self)

    struct Filter: ParsableArguments {
        @OptionGroup var store: BookingOptions

        @Option(name: .long, help: "Only requests created on or after this date or time (ISO 8601, e.g. 2026-11-01).")
        var since: String?

        func validate() throws {
            if let since, ISO8601.date(since) == nil {
                throw ValidationError("--since must be an ISO 8601 date such as 2026-11-01 or 2026-11-01T09:00:00Z")
            }
            if store.resolvedKind == .stdout { throw ValidationError("--sink stdout keeps nothing to read; use sqlite or jsonl") }
        }

        func requests() throws -> [BookingRequest] {
            let path = store.resolvedPath
            guard FileManager.default.fileExists(atPath: path) else { throw CLIError("no bookings store at \(path)") }
            var all = try store.makeSink().all()
            if let since, let date = ISO8601.date(since) {
                all = all.filter { (ISO8601.date($0.createdAt) ?? .distantPast) >= date }
            }
            return all
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "A table of stored booking requests.")
        @OptionGroup var filter: Filter

        func run() throws {
            let requests = try filter.requests()
            let rows = requests.map { r in
                [r.id, String(r.createdAt.prefix(16)).replacingOccurrences(of: "T", with: " "), r.contact.name ?? "-",
                 r.location ?? "-", r.severity.map { "\($0)/10" } ?? "-", r.plan.technique ?? "-",
                 r.needsMedicalClearance ? "needs clearance" : r.disposition.rawValue]
            }
            Console.out(Table.render(header: ["ID", "CREATED (UTC)", "NAME", "LOCATION", "PAIN", "PLAN", "STATUS"], rows: rows))
            Console.out("\(requests.count) booking request\(requests.count == 1 ? "" : "s")")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "One booking request as JSON.")
        @Argument(help: "The request id (a unique prefix is enough).") var id: String
        @OptionGroup var filter: Filter

        func run() throws {
            let matches = try filter.requests().filter { $0.id.hasPrefix(id.lowercased()) }
            guard matches.count == 1 else {
                throw CLIError(matches.isEmpty ? "no booking request with id \(id)" : "\(matches.count) requests start with \(id); give more of the id")
            }
            Console.out(String(decoding: try BookingJSON.encode(matches[0], pretty: true), as: UTF8.self))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Export booking requests as JSON Lines, CSV or FHIR R4 bundles (one per line).")
        enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, csv, fhir }
        @Option(name: .long, help: "jsonl, csv or fhir.") var format: Format = .jsonl
        @OptionGroup var filter: Filter

        func run() throws {
            let requests = try filter.requests()
            switch format {
            case .jsonl:
                for r in requests { Console.out(String(decoding: try BookingJSON.encode(r), as: UTF8.self)) }
            case .csv:
                FileHandle.standardOutput.write(Data(CSVExport.document(requests).utf8))
            case .fhir:
                for r in requests { Console.out(String(decoding: try FHIRExport.json(r), as: UTF8.self)) }
            }
        }
    }
}

enum Table {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n")
    }
}
