/// Text in, spec or located diagnostics out. Reports every problem it can find in one pass.
public enum SpecLoader {
    public static func load(_ text: String, file: String) -> Result<DialogSpec, SpecErrors> {
        var reader = SpecReader(file: file)
        let document: YAMLDocument
        switch YAMLDocument.read(text) {
        case .success(let read): document = read
        case .failure(let syntax):
            return .failure(SpecErrors([Diagnostic(file: file, location: syntax.location,
                                                   message: "YAML syntax error: " + syntax.message, code: DiagnosticCode.syntax)]))
        }
        // A repeated key is left out of the tree, so the rest of the file is still read and checked.
        for duplicate in document.duplicates {
            reader.diagnostics.append(Diagnostic(file: file, location: duplicate.location,
                                                 message: "duplicate key '\(duplicate.key)'", code: DiagnosticCode.duplicate))
        }
        guard let root = document.root else {
            return .failure(SpecErrors([Diagnostic(file: file, location: SourceLocation(line: 1, column: 1),
                                                   message: "the file is empty; expected a dialog mapping", code: DiagnosticCode.missingKey)]))
        }
        let spec = reader.readSpec(root)
        reader.checkReferences(spec)
        let errors = reader.diagnostics.filter { $0.severity == .error }
        if let spec, errors.isEmpty { return .success(spec) }
        return .failure(SpecErrors(reader.diagnostics.sorted { ($0.location, $0.message) < ($1.location, $1.message) }))
    }
}

/// Walks the YAML node tree, collecting diagnostics instead of stopping at the first one.
struct SpecReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    var map = SourceMap()

    init(file: String) { self.file = file }

    // MARK: Diagnostics

    mutating func error(_ node: YAMLNode?, _ message: String, _ code: String) {
        diagnostics.append(Diagnostic(file: file, location: location(node), message: message, code: code))
    }

    mutating func error(at path: String, _ message: String, _ code: String) {
        diagnostics.append(Diagnostic(file: file, location: map.nearest(path), message: message, code: code))
    }

    func location(_ node: YAMLNode?) -> SourceLocation {
        node?.location ?? SourceLocation(line: 1, column: 1)
    }

    // MARK: Typed accessors

    /// A mapping's entries with string keys; reports unknown keys (`YAMLDocument` reports repeated ones).
    mutating func entries(_ node: YAMLNode, path: String, what: String, allowed: [String]?) -> [String: YAMLNode]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) must be a mapping", DiagnosticCode.badValue)
            return nil
        }
        var result: [String: YAMLNode] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                error(keyNode, "keys in \(what) must be plain words", DiagnosticCode.badValue)
                continue
            }
            let key = scalar.string
            if let allowed, !allowed.contains(key) {
                let suggestion = closest(key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                error(keyNode, "unknown key '\(key)' in \(what)\(suggestion)", DiagnosticCode.unknownKey)
                continue
            }
            result[key] = value
            // References are reported at the value, which is what needs fixing.
            map["\(path)/\(key)"] = location(value)
        }
        return result
    }

    /// Mapping keys in file order (used for `nodes`, whose order matters).
    func orderedKeys(_ node: YAMLNode) -> [(String, YAMLNode, YAMLNode)] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.compactMap { key, value in
            if case .scalar(let s) = key { return (s.string, key, value) }
            return nil
        }
    }

    mutating func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(node, "\(what) must be text", DiagnosticCode.badValue)
            return nil
        }
        return scalar.string
    }

    mutating func required(_ entries: [String: YAMLNode], _ key: String, in what: String, at node: YAMLNode) -> YAMLNode? {
        if let value = entries[key] { return value }
        error(node, "\(what) is missing required key '\(key)'", DiagnosticCode.missingKey)
        return nil
    }

    mutating func requiredString(_ entries: [String: YAMLNode], _ key: String, in what: String, at node: YAMLNode) -> String? {
        required(entries, key, in: what, at: node).flatMap { string($0, "'\(key)' in \(what)") }
    }

    mutating func int(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            error(node, "\(what) must be a whole number", DiagnosticCode.badValue)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node {
            switch scalar.string.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        error(node, "\(what) must be true or false", DiagnosticCode.badValue)
        return nil
    }

    /// A list of strings; a single string is accepted as a one-item list.
    mutating func strings(_ node: YAMLNode?, _ what: String) -> [String]? {
        guard let node else { return nil }
        switch node {
        case .scalar(let scalar): return [scalar.string]
        case .sequence(let sequence):
            var result: [String] = []
            for item in sequence {
                if let s = string(item, "each item of \(what)") { result.append(s) }
            }
            return result
        default:
            error(node, "\(what) must be a list of texts", DiagnosticCode.badValue)
            return nil
        }
    }

    mutating func identifier(_ text: String?, _ node: YAMLNode?, _ what: String) -> String? {
        guard let text else { return nil }
        let valid = !text.isEmpty && text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        if !valid { error(node, "\(what) '\(text)' must use only letters, digits, '_' and '-'", DiagnosticCode.badValue) }
        return valid ? text : nil
    }

    mutating func enumValue<T: RawRepresentable & CaseIterable>(_ node: YAMLNode?, _ type: T.Type, _ what: String) -> T?
    where T.RawValue == String {
        guard let text = string(node, what) else { return nil }
        if let value = T(rawValue: text) { return value }
        let options = T.allCases.map(\.rawValue).joined(separator: ", ")
        error(node, "\(what) '\(text)' is not one of: \(options)", DiagnosticCode.badValue)
        return nil
    }

    // MARK: The spec

    static let topKeys = ["spec", "id", "title", "version", "locale", "disclaimer", "emergency_number", "start",
                          "settings", "interrupts", "nodes", "plan", "booking", "commands", "words", "messages"]

    mutating func readSpec(_ root: YAMLNode) -> DialogSpec? {
        guard let top = entries(root, path: "", what: "the dialog", allowed: Self.topKeys) else { return nil }
        if let versionNode = required(top, "spec", in: "the dialog", at: root) {
            if let version = int(versionNode, "'spec'"), version != 1 {
                error(versionNode, "unsupported spec version \(version); this triage understands version 1", DiagnosticCode.version)
            }
        }
        let id = identifier(requiredString(top, "id", in: "the dialog", at: root), top["id"], "dialog id")
        let title = requiredString(top, "title", in: "the dialog", at: root)
        let version = requiredString(top, "version", in: "the dialog", at: root)
        let locale = top["locale"].flatMap { string($0, "'locale'") } ?? "en"
        let disclaimer = requiredString(top, "disclaimer", in: "the dialog", at: root)
        let emergencyNumber = requiredString(top, "emergency_number", in: "the dialog", at: root)
        let start = requiredString(top, "start", in: "the dialog", at: root)

        var maxAttempts = 3
        var handoff: String?
        if let settingsNode = top["settings"],
           let settings = entries(settingsNode, path: "/settings", what: "settings", allowed: ["max_attempts", "handoff"]) {
            if let n = int(settings["max_attempts"], "'max_attempts'") {
                if n < 1 { error(settings["max_attempts"], "'max_attempts' must be at least 1", DiagnosticCode.badValue) } else { maxAttempts = n }
            }
            handoff = string(settings["handoff"], "'handoff'")
        }

        var interrupts: [Interrupt] = []
        if let node = top["interrupts"] { interrupts = readInterrupts(node) }
        var nodes: [Node] = []
        if let nodesNode = required(top, "nodes", in: "the dialog", at: root) {
            nodes = readNodes(nodesNode)
        }
        var plan = PlanSpec()
        if let node = top["plan"] { plan = readPlan(node) }
        var bookingFields: [(field: String, slot: String)] = []
        if let node = top["booking"] { bookingFields = readBookingFields(node) }
        var commands = GlobalCommand.defaultWords
        if let node = top["commands"] { commands = readCommands(node) }
        var words = Words()
        if let node = top["words"] { words = readWords(node) }
        var messages = Messages()
        if let messagesNode = top["messages"],
           let table = entries(messagesNode, path: "/messages", what: "messages", allowed: Array(Messages.defaults.keys).sorted()) {
            for (key, value) in table { if let text = string(value, "message '\(key)'") { messages.table[key] = text } }
        }

        guard let id, let title, let version, let disclaimer, let emergencyNumber, let start else { return nil }
        return DialogSpec(id: id, title: title, version: version, locale: locale, disclaimer: disclaimer,
                          emergencyNumber: emergencyNumber, start: start, maxAttempts: maxAttempts, handoff: handoff,
                          interrupts: interrupts, nodes: nodes, plan: plan, bookingFields: bookingFields,
                          commands: commands, words: words, messages: messages, locations: map)
    }

    mutating func readInterrupts(_ node: YAMLNode) -> [Interrupt] {
        guard case .sequence(let sequence) = node else {
            error(node, "'interrupts' must be a list", DiagnosticCode.badValue)
            return []
        }
        var result: [Interrupt] = []
        var seen: Set<String> = []
        for item in sequence {
            guard let fields = entries(item, path: "/interrupts/?", what: "an interrupt", allowed: ["id", "patterns", "goto"]) else { continue }
            let id = identifier(requiredString(fields, "id", in: "an interrupt", at: item), fields["id"], "interrupt id")
            let patterns = required(fields, "patterns", in: "an interrupt", at: item).flatMap { strings($0, "'patterns'") }
            let target = requiredString(fields, "goto", in: "an interrupt", at: item)
            guard let id, let patterns, let target else { continue }
            if !seen.insert(id).inserted {
                error(fields["id"], "duplicate interrupt id '\(id)'", DiagnosticCode.duplicate)
                continue
            }
            if patterns.isEmpty { error(fields["patterns"], "interrupt '\(id)' has no patterns", DiagnosticCode.badValue) }
            // Checked here, compiled by the matcher on first use (`triage lint` never needs the compiled words).
            for (i, pattern) in patterns.enumerated() {
                if let problem = PatternSyntax.problem(in: pattern) {
                    // "... legs" would fire on every line that mentions legs; "(numb|)" on every line with the rest.
                    error(fields["patterns"], "pattern \(i + 1) of interrupt '\(id)' \(problem)", DiagnosticCode.badValue)
                }
            }
            map["/interrupts/\(id)"] = location(item)
            map["/interrupts/\(id)/goto"] = location(fields["goto"])
            result.append(Interrupt(id: id, patterns: patterns, target: target))
        }
        return result
    }

    static let nodeKeys: [Node.Kind: [String]] = [
        .question: ["type", "input", "ask", "why", "help", "hint", "slot", "choices", "min", "max", "validate",
                    "optional", "red_flag", "red_flag_choices", "yes_phrases", "ask_if", "next"],
        .message: ["type", "say", "next"],
        .summary: ["type", "say", "fields", "show_plan", "ask", "next"],
        .booking: ["type", "stored", "failed", "disposition", "note", "next"],
        .outcome: ["type", "disposition", "say"],
    ]

    mutating func readNodes(_ node: YAMLNode) -> [Node] {
        guard case .mapping = node else {
            error(node, "'nodes' must be a mapping from node id to node", DiagnosticCode.badValue)
            return []
        }
        var result: [Node] = []
        // Node ids are mapping keys: a repeated one was reported and left out by `YAMLDocument`.
        for (key, keyNode, value) in orderedKeys(node) {
            guard let id = identifier(key, keyNode, "node id") else { continue }
            map["/nodes/\(id)"] = location(keyNode)
            if let parsed = readNode(id: id, value) { result.append(parsed) }
        }
        return result
    }

    mutating func readNode(id: String, _ node: YAMLNode) -> Node? {
        let path = "/nodes/\(id)"
        let what = "node '\(id)'"
        guard case .mapping = node else {
            error(node, "\(what) must be a mapping", DiagnosticCode.badValue)
            return nil
        }
        let typeNode = orderedKeys(node).first { $0.0 == "type" }?.2
        if typeNode == nil { error(node, "\(what) is missing required key 'type'", DiagnosticCode.missingKey) }
        guard let kind = enumValue(typeNode, Node.Kind.self, "type of \(what)") else { return nil }
        // Re-read with the keys this kind allows (reports unknown keys once, with their location).
        guard let fields = entries(node, path: path, what: what, allowed: Self.nodeKeys[kind]) else { return nil }
        var result = Node(id: id, kind: kind)
        if let next = fields["next"] { result.next = readTransition(next, path: "\(path)/next", what: "'next' of \(what)") }
        switch kind {
        case .question:
            guard let input = required(fields, "input", in: what, at: node).flatMap({ enumValue($0, InputKind.self, "input of \(what)") }),
                  let ask = requiredString(fields, "ask", in: what, at: node) else { return nil }
            var question = Question(input: input, ask: ask)
            question.why = string(fields["why"], "'why'")
            question.help = string(fields["help"], "'help'")
            question.hint = string(fields["hint"], "'hint'")
            question.slot = identifier(string(fields["slot"], "'slot'"), fields["slot"], "slot")
            question.optional = bool(fields["optional"], "'optional'") ?? false
            if let flag = fields["red_flag"].flatMap({ enumValue($0, Disposition.self, "red_flag") }) {
                if flag == .massageOK || flag == .handoff {
                    error(fields["red_flag"], "red_flag must be emergency, urgent or doctor", DiagnosticCode.badValue)
                }
                question.redFlag = flag
            }
            question.redFlagChoices = strings(fields["red_flag_choices"], "'red_flag_choices'") ?? []
            if let condition = fields["ask_if"] { question.askIf = readCondition(condition, path: "\(path)/ask_if") }
            switch input {
            case .choice, .multi:
                if let choicesNode = required(fields, "choices", in: what, at: node) {
                    question.choices = readChoices(choicesNode, path: "\(path)/choices", what: what)
                }
                for choice in question.redFlagChoices where !question.choices.contains(where: { $0.id == choice }) {
                    error(fields["red_flag_choices"], "red_flag_choices names '\(choice)', which is not a choice of \(what)", DiagnosticCode.undefinedNode)
                }
                if question.redFlag != nil, question.redFlagChoices.isEmpty {
                    error(fields["red_flag"], "a red-flag \(input.rawValue) question needs 'red_flag_choices'", DiagnosticCode.missingKey)
                }
            case .number:
                question.min = int(required(fields, "min", in: what, at: node), "'min'")
                question.max = int(required(fields, "max", in: what, at: node), "'max'")
                if let lo = question.min, let hi = question.max, lo > hi {
                    error(fields["min"], "'min' (\(lo)) is greater than 'max' (\(hi))", DiagnosticCode.badValue)
                }
            case .text:
                question.validate = fields["validate"].flatMap { enumValue($0, TextValidation.self, "'validate'") } ?? .any
            case .yesno:
                if let phrasesNode = fields["yes_phrases"], let phrases = strings(phrasesNode, "'yes_phrases'") {
                    question.yesPhrases = phrases
                    for phrase in phrases where Normalizer.words(phrase).isEmpty {
                        error(phrasesNode, "yes_phrases has '\(phrase)', which has no words to match", DiagnosticCode.badValue)
                    }
                }
            }
            if input != .yesno, let extra = fields["yes_phrases"] {
                error(extra, "'yes_phrases' only applies to yesno questions", DiagnosticCode.badValue)
            }
            if input != .choice && input != .multi, let extra = fields["choices"] {
                error(extra, "'choices' only applies to choice and multi questions", DiagnosticCode.badValue)
            }
            if input != .number, let extra = fields["min"] ?? fields["max"] {
                error(extra, "'min' and 'max' only apply to number questions", DiagnosticCode.badValue)
            }
            if input != .text, let extra = fields["validate"] ?? fields["optional"] {
                error(extra, "'validate' and 'optional' only apply to text questions", DiagnosticCode.badValue)
            }
            if question.redFlag != nil, input == .number || input == .text {
                error(fields["red_flag"], "only yesno, choice and multi questions can be red-flag questions", DiagnosticCode.badValue)
            }
            result.question = question
            if result.next == nil { error(node, "\(what) is missing required key 'next'", DiagnosticCode.missingKey) }
        case .message:
            result.say = requiredString(fields, "say", in: what, at: node)
            if result.next == nil { error(node, "\(what) is missing required key 'next'", DiagnosticCode.missingKey) }
        case .summary:
            result.say = string(fields["say"], "'say'")
            let fieldList = required(fields, "fields", in: what, at: node).flatMap { strings($0, "'fields'") } ?? []
            let ask = requiredString(fields, "ask", in: what, at: node) ?? ""
            result.summary = Summary(fields: fieldList, showPlan: bool(fields["show_plan"], "'show_plan'") ?? false, ask: ask)
            if result.next == nil { error(node, "\(what) is missing required key 'next'", DiagnosticCode.missingKey) }
        case .booking:
            let stored = requiredString(fields, "stored", in: what, at: node) ?? ""
            let failed = requiredString(fields, "failed", in: what, at: node) ?? ""
            var step = BookingStep(stored: stored, failed: failed, note: string(fields["note"], "'note'"))
            if let disposition = fields["disposition"].flatMap({ enumValue($0, Disposition.self, "disposition") }) {
                if disposition != .massageOK && disposition != .doctor {
                    error(fields["disposition"], "a booking's disposition must be massage_ok or doctor, never \(disposition.rawValue)", DiagnosticCode.badValue)
                }
                step.disposition = disposition
            }
            result.booking = step
            if result.next == nil { error(node, "\(what) is missing required key 'next'", DiagnosticCode.missingKey) }
        case .outcome:
            result.disposition = required(fields, "disposition", in: what, at: node).flatMap { enumValue($0, Disposition.self, "disposition") }
            result.say = requiredString(fields, "say", in: what, at: node)
        }
        return result
    }

    mutating func readChoices(_ node: YAMLNode, path: String, what: String) -> [Choice] {
        guard case .sequence(let sequence) = node else {
            error(node, "'choices' of \(what) must be a list", DiagnosticCode.badValue)
            return []
        }
        var result: [Choice] = []
        var seen: Set<String> = []
        for item in sequence {
            guard let fields = entries(item, path: "\(path)/?", what: "a choice of \(what)", allowed: ["id", "label", "synonyms", "exclusive"]) else { continue }
            let id = identifier(requiredString(fields, "id", in: "a choice of \(what)", at: item), fields["id"], "choice id")
            let label = requiredString(fields, "label", in: "a choice of \(what)", at: item)
            guard let id, let label else { continue }
            if !seen.insert(id).inserted {
                error(fields["id"], "duplicate choice id '\(id)' in \(what)", DiagnosticCode.duplicate)
                continue
            }
            map["\(path)/\(id)"] = location(item)
            result.append(Choice(id: id, label: label, synonyms: strings(fields["synonyms"], "'synonyms'") ?? [],
                                 exclusive: bool(fields["exclusive"], "'exclusive'") ?? false))
        }
        if result.isEmpty { error(node, "\(what) has no choices", DiagnosticCode.badValue) }
        return result
    }

    mutating func readTransition(_ node: YAMLNode, path: String, what: String) -> Transition? {
        switch node {
        case .scalar(let scalar):
            map[path] = location(node)
            return .goto(scalar.string)
        case .sequence(let sequence):
            var branches: [Transition.Branch] = []
            for (i, item) in sequence.enumerated() {
                guard let fields = entries(item, path: "\(path)/\(i)", what: "a branch of \(what)", allowed: ["if", "goto"]) else { continue }
                guard let target = requiredString(fields, "goto", in: "a branch of \(what)", at: item) else { continue }
                let condition = fields["if"].flatMap { readCondition($0, path: "\(path)/\(i)/if") }
                if fields["if"] != nil, condition == nil { continue }
                branches.append(.init(condition: condition, target: target))
            }
            if branches.isEmpty { error(node, "\(what) has no branches", DiagnosticCode.badValue) }
            return .branches(branches)
        default:
            error(node, "\(what) must be a node id or a list of branches", DiagnosticCode.badValue)
            return nil
        }
    }

    mutating func readCondition(_ node: YAMLNode, path: String) -> Condition? {
        guard case .mapping = node else {
            error(node, "a condition must be a mapping such as { severity: { min: 7 } }", DiagnosticCode.badValue)
            return nil
        }
        map[path] = location(node)
        var parts: [Condition] = []
        for (key, keyNode, value) in orderedKeys(node) {
            map["\(path)/\(key)"] = location(keyNode)
            switch key {
            case "all", "any":
                guard case .sequence(let sequence) = value else {
                    error(value, "'\(key)' must be a list of conditions", DiagnosticCode.badValue)
                    continue
                }
                let inner = sequence.enumerated().compactMap { readCondition($1, path: "\(path)/\(key)/\($0)") }
                guard inner.count == sequence.count else { continue }
                parts.append(key == "all" ? .all(inner) : .any(inner))
            case "not":
                if let inner = readCondition(value, path: "\(path)/not") { parts.append(.not(inner)) }
            default:
                if let test = readTest(value) { parts.append(.test(slot: key, test)) }
            }
        }
        if parts.isEmpty { return nil }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    static func normalizedValue(_ text: String) -> String {
        switch text.lowercased() {
        case "true", "yes": "yes"
        case "false", "no": "no"
        default: text
        }
    }

    mutating func readTest(_ node: YAMLNode) -> Condition.Test? {
        switch node {
        case .scalar(let scalar): return .equals(Self.normalizedValue(scalar.string))
        case .mapping:
            guard let fields = entries(node, path: "/?", what: "a slot test", allowed: ["equals", "in", "contains", "min", "max", "set"]) else { return nil }
            if fields.count > 1, !(fields.count == 2 && fields["min"] != nil && fields["max"] != nil) {
                error(node, "a slot test takes one of equals, in, contains, set, or min and/or max", DiagnosticCode.badValue)
                return nil
            }
            if let v = fields["equals"] { return string(v, "'equals'").map { .equals(Self.normalizedValue($0)) } }
            if let v = fields["in"] { return strings(v, "'in'").map { .oneOf($0.map(Self.normalizedValue)) } }
            if let v = fields["contains"] { return string(v, "'contains'").map { .contains($0) } }
            if let v = fields["set"] { return bool(v, "'set'").map { .isSet($0) } }
            let lo = int(fields["min"], "'min'")
            let hi = int(fields["max"], "'max'")
            if (fields["min"] != nil && lo == nil) || (fields["max"] != nil && hi == nil) { return nil }
            return .range(min: lo, max: hi)
        default:
            error(node, "a slot test must be a value or a mapping", DiagnosticCode.badValue)
            return nil
        }
    }

    mutating func readPlan(_ node: YAMLNode) -> PlanSpec {
        guard let fields = entries(node, path: "/plan", what: "plan", allowed: ["defaults", "rules"]) else { return PlanSpec() }
        var plan = PlanSpec()
        if let defaults = fields["defaults"] { plan.defaults = readPlanValues(defaults, what: "plan defaults") }
        if let rulesNode = fields["rules"] {
            guard case .sequence(let rules) = rulesNode else {
                error(rulesNode, "plan 'rules' must be a list", DiagnosticCode.badValue)
                return plan
            }
            for (i, ruleNode) in rules.enumerated() {
                let path = "/plan/rules/\(i)"
                guard let rule = entries(ruleNode, path: path, what: "a plan rule", allowed: ["if", "set", "advice", "note"]) else { continue }
                let condition = rule["if"].flatMap { readCondition($0, path: "\(path)/if") }
                if rule["if"] != nil, condition == nil { continue }
                plan.rules.append(PlanRule(condition: condition,
                                           set: rule["set"].map { readPlanValues($0, what: "a plan rule's 'set'") } ?? [:],
                                           advice: strings(rule["advice"], "'advice'") ?? [],
                                           note: string(rule["note"], "'note'")))
            }
        }
        return plan
    }

    mutating func readPlanValues(_ node: YAMLNode, what: String) -> [String: String] {
        guard let fields = entries(node, path: "/plan/?", what: what, allowed: PlanSpec.fields) else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in fields {
            if key == "minutes" || key == "sessions" {
                if let n = int(value, "'\(key)'") { values[key] = String(n) }
            } else if let text = string(value, "'\(key)'") {
                values[key] = text
            }
        }
        return values
    }

    static let bookingFieldNames = ["location", "side", "spreading", "cause", "onset", "severity", "worse", "stress",
                                    "pressure", "length", "days", "times", "name", "phone", "email", "consent"]

    mutating func readBookingFields(_ node: YAMLNode) -> [(field: String, slot: String)] {
        guard entries(node, path: "/booking", what: "booking", allowed: Self.bookingFieldNames) != nil else { return [] }
        return orderedKeys(node).compactMap { key, _, value in
            string(value, "booking field '\(key)'").map { (field: key, slot: $0) }
        }
    }

    mutating func readCommands(_ node: YAMLNode) -> [GlobalCommand: [String]] {
        var commands = GlobalCommand.defaultWords
        guard let fields = entries(node, path: "/commands", what: "commands", allowed: GlobalCommand.allCases.map(\.rawValue)) else { return commands }
        for (key, value) in fields {
            if let command = GlobalCommand(rawValue: key), let words = strings(value, "command '\(key)'") { commands[command] = words }
        }
        return commands
    }

    mutating func readWords(_ node: YAMLNode) -> Words {
        var words = Words()
        guard let fields = entries(node, path: "/words", what: "words", allowed: ["yes", "no", "skip", "numbers", "and"]) else { return words }
        if let v = strings(fields["yes"], "'yes'") { words.yes = v }
        if let v = strings(fields["no"], "'no'") { words.no = v }
        if let v = strings(fields["skip"], "'skip'") { words.skip = v }
        if let v = strings(fields["and"], "'and'") { words.and = v }
        if let numbersNode = fields["numbers"], let numbers = entries(numbersNode, path: "/words/numbers", what: "'numbers'", allowed: nil) {
            words.numbers = [:]
            for (word, value) in numbers { if let n = int(value, "number word '\(word)'") { words.numbers[word] = n } }
        }
        return words
    }

    // MARK: References

    mutating func checkReferences(_ spec: DialogSpec?) {
        guard let spec else { return }
        let nodeIDs = Set(spec.nodes.map(\.id))
        func checkNode(_ id: String, at path: String, _ what: String) {
            if !nodeIDs.contains(id) {
                let suggestion = closest(id, in: Array(nodeIDs)).map { "; did you mean '\($0)'?" } ?? ""
                error(at: path, "\(what) '\(id)' is not a defined node\(suggestion)", DiagnosticCode.undefinedNode)
            }
        }
        checkNode(spec.start, at: "/start", "start node")
        if let handoff = spec.handoff {
            checkNode(handoff, at: "/settings/handoff", "handoff node")
            if let node = spec.node(handoff), node.kind != .outcome {
                error(at: "/settings/handoff", "handoff node '\(handoff)' must be an outcome", DiagnosticCode.badValue)
            }
        } else if spec.nodes.contains(where: { $0.kind == .question }) {
            error(at: "/settings", "the dialog has questions but no 'settings: handoff' node for answers that keep failing", DiagnosticCode.missingKey)
        }
        for interrupt in spec.interrupts {
            checkNode(interrupt.target, at: "/interrupts/\(interrupt.id)/goto", "interrupt target")
        }

        // Slots: every question's slot, plus the built-in names.
        var slots: Set<String> = []
        for node in spec.nodes { if let slot = node.slot { slots.insert(slot) } }
        var slotOwner: [String: String] = [:]
        for node in spec.nodes {
            guard let slot = node.slot else { continue }
            // Two questions writing one slot would make `back` and the summary ambiguous.
            if let other = slotOwner[slot] {
                error(at: "/nodes/\(node.id)", "questions '\(other)' and '\(node.id)' both store into slot '\(slot)'", DiagnosticCode.duplicate)
            } else {
                slotOwner[slot] = node.id
            }
        }
        func checkSlot(_ slot: String, at path: String, _ what: String) {
            if !slots.contains(slot) {
                let suggestion = closest(slot, in: Array(slots)).map { "; did you mean '\($0)'?" } ?? ""
                error(at: path, "\(what) '\(slot)' is not the slot of any question\(suggestion)", DiagnosticCode.undefinedSlot)
            }
        }
        func checkText(_ text: String?, at path: String) {
            guard let text else { return }
            for name in Template.placeholders(in: text) {
                if Template.builtins.contains(name) { continue }
                if name.hasPrefix(Template.planPrefix) {
                    let field = String(name.dropFirst(Template.planPrefix.count))
                    if !PlanSpec.fields.contains(field) {
                        error(at: path, "'{\(name)}' is not a plan field; use one of \(PlanSpec.fields.map { "plan.\($0)" }.joined(separator: ", "))", DiagnosticCode.undefinedSlot)
                    }
                    continue
                }
                checkSlot(name, at: path, "'{\(name)}' names slot")
            }
        }
        func checkCondition(_ condition: Condition?, at path: String) {
            for slot in condition?.slots ?? [] where !slots.contains(slot) {
                // Only on error: find the slot's own key inside the condition for a precise location.
                let keyPath = map.entries.keys.filter { $0.hasPrefix(path + "/") && $0.hasSuffix("/" + slot) }.min { map.entries[$0]! < map.entries[$1]! }
                checkSlot(slot, at: keyPath ?? path, "condition reads slot")
            }
        }
        checkText(spec.disclaimer, at: "/disclaimer")
        for node in spec.nodes {
            let path = "/nodes/\(node.id)"
            for (i, target) in (node.next?.targets ?? []).enumerated() {
                let branchPath: String
                if case .branches = node.next { branchPath = "\(path)/next/\(i)/goto" } else { branchPath = "\(path)/next" }
                checkNode(target, at: branchPath, "'next' of node '\(node.id)' goes to")
            }
            if case .branches(let branches) = node.next {
                for (i, branch) in branches.enumerated() { checkCondition(branch.condition, at: "\(path)/next/\(i)/if") }
            }
            checkText(node.say, at: "\(path)/say")
            if let q = node.question {
                checkCondition(q.askIf, at: "\(path)/ask_if")
                checkText(q.ask, at: "\(path)/ask")
                checkText(q.why, at: "\(path)/why")
                checkText(q.help, at: "\(path)/help")
                checkText(q.hint, at: "\(path)/hint")
            }
            if let summary = node.summary {
                checkText(summary.ask, at: "\(path)/ask")
                for field in summary.entries { checkSlot(field.slot, at: "\(path)/fields", "summary field") }
            }
            if let booking = node.booking {
                checkText(booking.stored, at: "\(path)/stored")
                checkText(booking.failed, at: "\(path)/failed")
            }
        }
        for (i, rule) in spec.plan.rules.enumerated() {
            checkCondition(rule.condition, at: "/plan/rules/\(i)/if")
        }
        for (field, slot) in spec.bookingFields { checkSlot(slot, at: "/booking/\(field)", "booking field '\(field)' reads slot") }
    }
}

/// The most similar candidate, for "did you mean" suggestions.
func closest(_ word: String, in candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= max(2, word.count / 3) }
    return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
