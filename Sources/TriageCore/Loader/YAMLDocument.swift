// libyaml (the C library Yams is built on) reads the text; this file builds only what the spec reader needs from
// its events. Yams' own node tree carried a tag, a style and resolver objects for every value, and its duplicate-key
// check grouped every mapping's keys in a dictionary: together about a quarter of a `triage lint`.
// CYaml is Yams' C target: it is on this target's module path because Yams is a dependency.
internal import CYaml

/// A YAML value as the spec reader sees it: every scalar is text (the reader decides what a value means), and
/// every node knows where it starts.
indirect enum YAMLNode {
    case scalar(Scalar)
    case sequence(Sequence)
    case mapping(Mapping)

    struct Scalar {
        let string: String
        let location: SourceLocation
    }

    /// A list's items, in order.
    struct Sequence: RandomAccessCollection {
        let items: [YAMLNode]
        let location: SourceLocation
        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    /// A mapping's entries, in file order, without duplicated keys (`YAMLDocument.duplicates` lists those).
    struct Mapping: RandomAccessCollection {
        let pairs: [(key: YAMLNode, value: YAMLNode)]
        let location: SourceLocation
        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .sequence(let sequence): sequence.location
        case .mapping(let mapping): mapping.location
        }
    }
}

/// One YAML document read from text: its root (nil when the text holds no document) and every key that repeats an
/// earlier key of its mapping. A repeated key is left out of the tree and reported, so that every other problem of
/// the file is still found in the same run.
struct YAMLDocument {
    var root: YAMLNode?
    var duplicates: [(key: String, location: SourceLocation)] = []

    /// Text that is not YAML: where and why.
    struct SyntaxError: Error, Equatable {
        let location: SourceLocation
        let message: String
    }

    static func read(_ text: String) -> Result<YAMLDocument, SyntaxError> {
        // libyaml needs a buffer to read from, and an empty text holds no document.
        guard !text.isEmpty else { return .success(YAMLDocument(root: nil)) }
        var text = text
        return text.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else {
                return .failure(SyntaxError(location: SourceLocation(line: 1, column: 1), message: "out of memory"))
            }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var composer = Composer(parser: parser, bytes: bytes)
            do throws(SyntaxError) {
                return .success(try composer.document())
            } catch {
                return .failure(error)
            }
        }
    }

    /// Builds the tree from libyaml's events (stream start, document start, nodes, document end, stream end).
    private struct Composer {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        let bytes: UnsafeBufferPointer<UInt8>
        var anchors: [String: YAMLNode] = [:]
        var duplicates: [(key: String, location: SourceLocation)] = []

        init(parser: UnsafeMutablePointer<yaml_parser_t>, bytes: UnsafeBufferPointer<UInt8>) {
            self.parser = parser
            self.bytes = bytes
        }

        mutating func document() throws(SyntaxError) -> YAMLDocument {
            var event = try next()
            defer { yaml_event_delete(&event) }
            precondition(event.type == YAML_STREAM_START_EVENT, "libyaml starts every stream with its start event")
            var start = try next()
            defer { yaml_event_delete(&start) }
            if start.type == YAML_STREAM_END_EVENT { return YAMLDocument(root: nil) }
            var first = try next()
            defer { yaml_event_delete(&first) }
            let root = try node(from: &first)
            var end = try next()  // the document's end
            yaml_event_delete(&end)
            var after = try next()
            defer { yaml_event_delete(&after) }
            if after.type != YAML_STREAM_END_EVENT {
                throw SyntaxError(location: Self.location(after.start_mark),
                                  message: "a second document starts here; a dialog file holds one document")
            }
            return YAMLDocument(root: root, duplicates: duplicates)
        }

        /// The next event; the caller deletes it.
        mutating func next() throws(SyntaxError) -> yaml_event_t {
            var event = yaml_event_t()
            guard yaml_parser_parse(parser, &event) == 1 else { throw problem() }
            return event
        }

        /// The node that starts with `event` (a scalar, an alias, or the start of a sequence or mapping).
        mutating func node(from event: inout yaml_event_t) throws(SyntaxError) -> YAMLNode {
            let location = Self.location(event.start_mark)
            switch event.type {
            case YAML_ALIAS_EVENT:
                let name = Self.text(event.data.alias.anchor)
                guard let node = anchors[name] else {
                    throw SyntaxError(location: location, message: "found undefined alias '\(name)'")
                }
                return node
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let string = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return register(.scalar(YAMLNode.Scalar(string: string, location: location)), as: scalar.anchor)
            case YAML_SEQUENCE_START_EVENT:
                var items: [YAMLNode] = []
                while true {
                    var item = try next()
                    defer { yaml_event_delete(&item) }
                    if item.type == YAML_SEQUENCE_END_EVENT { break }
                    items.append(try node(from: &item))
                }
                return register(.sequence(YAMLNode.Sequence(items: items, location: location)),
                                as: event.data.sequence_start.anchor)
            case YAML_MAPPING_START_EVENT:
                var pairs: [(key: YAMLNode, value: YAMLNode)] = []
                var keys: Set<String> = []
                while true {
                    var keyEvent = try next()
                    defer { yaml_event_delete(&keyEvent) }
                    if keyEvent.type == YAML_MAPPING_END_EVENT { break }
                    let key = try node(from: &keyEvent)
                    var valueEvent = try next()
                    defer { yaml_event_delete(&valueEvent) }
                    let value = try node(from: &valueEvent)
                    if case .scalar(let scalar) = key, !keys.insert(scalar.string).inserted {
                        duplicates.append((scalar.string, scalar.location))
                        continue
                    }
                    pairs.append((key, value))
                }
                return register(.mapping(YAMLNode.Mapping(pairs: pairs, location: location)),
                                as: event.data.mapping_start.anchor)
            default:
                preconditionFailure("libyaml gave event \(event.type) where a node starts")
            }
        }

        mutating func register(_ node: YAMLNode, as anchor: UnsafeMutablePointer<UInt8>?) -> YAMLNode {
            // A later anchor of the same name replaces the earlier one, as YAML says.
            if let anchor { anchors[Self.text(anchor)] = node }
            return node
        }

        /// What libyaml reported, with the place it points at.
        func problem() -> SyntaxError {
            let what = parser.pointee.problem.map { String(cString: $0) } ?? "the text is not valid YAML"
            let context = parser.pointee.context.map { " (\(String(cString: $0)))" } ?? ""
            if parser.pointee.error == YAML_READER_ERROR {
                // Errors in the characters themselves carry a byte offset rather than a line and column.
                return SyntaxError(location: location(ofByte: parser.pointee.problem_offset), message: what + context)
            }
            return SyntaxError(location: Self.location(parser.pointee.problem_mark), message: what + context)
        }

        func location(ofByte offset: Int) -> SourceLocation {
            var line = 1, column = 1
            for byte in bytes.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {  // count characters, not the continuation bytes of UTF-8
                    column += 1
                }
            }
            return SourceLocation(line: line, column: column)
        }

        static func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: mark.line + 1, column: mark.column + 1)
        }

        static func text(_ pointer: UnsafeMutablePointer<UInt8>) -> String {
            String(cString: pointer)
        }
    }
}
