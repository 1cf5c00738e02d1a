/// A place in a source file; line and column start at 1.
public struct SourceLocation: Sendable, Equatable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Locations of everything in a spec, by path such as `nodes/where/next/0/goto`.
public struct SourceMap: Sendable, Equatable {
    public var entries: [String: SourceLocation] = [:]
    public init() {}
    public subscript(path: String) -> SourceLocation? {
        get { entries[path] }
        set { entries[path] = newValue }
    }
    /// The location of `path`, or of its closest recorded parent.
    public func nearest(_ path: String) -> SourceLocation {
        var current = Substring(path)
        while true {
            if let location = entries[String(current)] { return location }
            guard let slash = current.lastIndex(of: "/") else { return SourceLocation(line: 1, column: 1) }
            current = current[..<slash]
        }
    }
}

/// One problem found in a spec file, printed as `FILE:LINE:COLUMN: error: message [code]`.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Equatable, Hashable { case error, warning }

    public var file: String
    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var code: String

    public init(file: String, location: SourceLocation, severity: Severity = .error, message: String, code: String) {
        self.file = file
        self.location = location
        self.severity = severity
        self.message = message
        self.code = code
    }

    public var description: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(message) [\(code)]"
    }
}

/// Stable diagnostic codes (documented in docs/dialog-format.md).
public enum DiagnosticCode {
    public static let syntax = "E001"
    public static let unknownKey = "E002"
    public static let badValue = "E003"
    public static let missingKey = "E004"
    public static let undefinedNode = "E005"
    public static let undefinedSlot = "E006"
    public static let duplicate = "E007"
    public static let version = "E008"
}

/// All the problems found while loading one spec.
public struct SpecErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
