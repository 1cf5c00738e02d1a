import TriageCore

/// Replays a transcript's inputs over the text protocol exactly like a person at a kiosk, turn by turn, and
/// returns the conversation as transcript lines (used by `triage test --via tcp` and the server tests).
public enum TranscriptReplay {
    public static func converse(host: String = "127.0.0.1", port: Int, inputs: [String]) async throws -> [Transcript.Line.Kind] {
        try await LineClient.withConnection(host: host, port: port) { client in
            var lines: [Transcript.Line.Kind] = []
            var turn = try await client.readTurn()
            lines += turn.lines.map { .output($0) }
            for input in inputs where !turn.ended {
                lines.append(.input(input))
                try await client.send(input)
                turn = try await client.readTurn()
                lines += turn.lines.map { .output($0) }
            }
            // Like the end of a piped stdin: the server says goodbye and closes.
            client.finishSending()
            while !turn.ended {
                turn = try await client.readTurn()
                lines += turn.lines.map { .output($0) }
            }
            return lines
        }
    }
}
