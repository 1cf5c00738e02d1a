/// A booking request as the clinic receives it (schema `triage.booking/1`, see docs/booking.md).
/// Stored as written by `BookingJSONWriter`, which lists every field of these types by hand: a new field goes there too.
public struct BookingRequest: Sendable, Equatable, Codable {
    public static let schemaID = "triage.booking/1"

    public struct DialogRef: Sendable, Equatable, Codable {
        public init(id: String, version: String) {
            self.id = id
            self.version = version
        }
        public var id: String
        public var version: String
    }

    public struct RecordedAnswer: Sendable, Equatable, Codable {
        /// Node id of the question.
        public var question: String
        public var slot: String
        public var text: String
        /// Machine-readable value: choice ids (comma-separated for multi), yes/no, digits or the text.
        public var value: String
        /// Human-readable value (choice labels).
        public var label: String
        public var input: InputKind
    }

    public struct RedFlagResult: Sendable, Equatable, Codable {
        public var question: String
        public var text: String
        public var disposition: Disposition
        /// True when the person reported this warning sign.
        public var present: Bool
    }

    public struct Preferences: Sendable, Equatable, Codable {
        public init(pressure: String? = nil, length: String? = nil, days: String? = nil, times: String? = nil) {
            self.pressure = pressure
            self.length = length
            self.days = days
            self.times = times
        }
        public var pressure: String?
        public var length: String?
        public var days: String?
        public var times: String?
    }

    public struct Contact: Sendable, Equatable, Codable {
        public init(name: String? = nil, phone: String? = nil, email: String? = nil) {
            self.name = name
            self.phone = phone
            self.email = email
        }
        public var name: String?
        public var phone: String?
        public var email: String?
    }

    public var schema: String = BookingRequest.schemaID
    public var id: String
    /// UTC, ISO 8601.
    public var createdAt: String
    public var dialog: DialogRef
    public var disposition: Disposition
    public var needsMedicalClearance: Bool
    public var location: String?
    public var side: String?
    public var spreading: String?
    public var cause: String?
    public var onset: String?
    public var severity: Int?
    public var worse: String?
    public var stress: String?
    public var redFlags: [RedFlagResult]
    public var notes: [String]
    public var plan: TreatmentPlan
    public var preferences: Preferences
    public var contact: Contact
    public var consent: Bool
    /// `chat`, or the kiosk's address.
    public var source: String
    public var answers: [RecordedAnswer]

    public init(id: String, createdAt: String, dialog: DialogRef, disposition: Disposition, needsMedicalClearance: Bool,
                location: String?, side: String?, spreading: String?, cause: String?, onset: String?, severity: Int?,
                worse: String?, stress: String?, redFlags: [RedFlagResult], notes: [String], plan: TreatmentPlan,
                preferences: Preferences, contact: Contact, consent: Bool, source: String, answers: [RecordedAnswer]) {
        self.id = id
        self.createdAt = createdAt
        self.dialog = dialog
        self.disposition = disposition
        self.needsMedicalClearance = needsMedicalClearance
        self.location = location
        self.side = side
        self.spreading = spreading
        self.cause = cause
        self.onset = onset
        self.severity = severity
        self.worse = worse
        self.stress = stress
        self.redFlags = redFlags
        self.notes = notes
        self.plan = plan
        self.preferences = preferences
        self.contact = contact
        self.consent = consent
        self.source = source
        self.answers = answers
    }

    enum CodingKeys: String, CodingKey {
        case schema, id, createdAt = "created_at", dialog, disposition
        case needsMedicalClearance = "needs_medical_clearance"
        case location, side, spreading, cause, onset, severity, worse, stress
        case redFlags = "red_flags", notes, plan, preferences, contact, consent, source, answers
    }
}

/// A booking request before the front end gives it an id, a time and a source.
public struct BookingDraft: Sendable, Equatable {
    public var request: BookingRequest

    public func finalize(id: String, createdAt: String, source: String) -> BookingRequest {
        var request = request
        request.id = id
        request.createdAt = createdAt
        request.source = source
        return request
    }
}
