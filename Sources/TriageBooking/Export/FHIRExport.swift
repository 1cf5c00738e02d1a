import Foundation
import TriageCore

/// Turns a booking request into a FHIR R4 `Bundle`: a `Patient` (contact), a proposed `Appointment`
/// (massage / physical therapy, reason, notes, requested period) and a `QuestionnaireResponse` (the answers).
public enum FHIRExport {
    public static let system = "https://triage.clinic.example/fhir"

    public static func bundle(_ request: BookingRequest) -> [String: Any] {
        let patientID = deterministicUUID(request.id, "patient")
        let appointmentID = deterministicUUID(request.id, "appointment")
        let responseID = deterministicUUID(request.id, "questionnaire-response")
        let patientRef = ["reference": "urn:uuid:\(patientID)"]
        return [
            "resourceType": "Bundle",
            "id": request.id,
            "type": "collection",
            "timestamp": request.createdAt,
            "identifier": ["system": "\(system)/booking-request", "value": request.id],
            "entry": [
                ["fullUrl": "urn:uuid:\(patientID)", "resource": patient(request, id: patientID)],
                ["fullUrl": "urn:uuid:\(appointmentID)", "resource": appointment(request, id: appointmentID, patient: patientRef)],
                ["fullUrl": "urn:uuid:\(responseID)", "resource": questionnaireResponse(request, id: responseID, patient: patientRef)],
            ],
        ]
    }

    static func patient(_ request: BookingRequest, id: String) -> [String: Any] {
        var resource: [String: Any] = ["resourceType": "Patient", "id": id, "active": true]
        if let name = request.contact.name { resource["name"] = [["text": name, "use": "usual"]] }
        var telecom: [[String: Any]] = []
        if let phone = request.contact.phone { telecom.append(["system": "phone", "value": phone, "use": "mobile"]) }
        if let email = request.contact.email { telecom.append(["system": "email", "value": email]) }
        if !telecom.isEmpty { resource["telecom"] = telecom }
        return resource
    }

    static func appointment(_ request: BookingRequest, id: String, patient: [String: String]) -> [String: Any] {
        var reason = "Back pain"
        if let location = request.location { reason += ": \(location.lowercased())" }
        if let cause = request.cause { reason += ", cause: \(cause.lowercased())" }
        if let severity = request.severity { reason += ", severity \(severity)/10" }
        var comment: [String] = []
        if let technique = request.plan.technique { comment.append("Suggested: \(technique)") }
        if let minutes = request.plan.minutes { comment.append("\(minutes) minutes") }
        if let pressure = request.plan.pressure { comment.append("pressure: \(pressure)") }
        if let sessions = request.plan.sessions { comment.append("\(sessions) sessions" + (request.plan.spacing.map { ", \($0)" } ?? "")) }
        comment += request.notes.map { "Note: \($0)" }
        if let days = request.preferences.days { comment.append("Preferred days: \(days)") }
        if let times = request.preferences.times { comment.append("Preferred times: \(times)") }
        if request.needsMedicalClearance { comment.append("Needs medical clearance before treatment") }
        let start = ISO8601.date(request.createdAt) ?? Date()
        var resource: [String: Any] = [
            "resourceType": "Appointment",
            "id": id,
            "status": "proposed",
            "serviceCategory": [["coding": [["system": "http://terminology.hl7.org/CodeSystem/service-category", "code": "8", "display": "Counselling"]],
                                 "text": "Massage / physical therapy"]],
            "serviceType": [["text": request.plan.technique ?? "Massage therapy"]],
            "reasonCode": [["text": reason]],
            "description": "Booking request from the triage assistant (\(request.dialog.id) \(request.dialog.version))",
            "created": request.createdAt,
            "requestedPeriod": [["start": request.createdAt, "end": ISO8601.string(start.addingTimeInterval(28 * 24 * 3600))]],
            "participant": [["actor": patient, "required": "required", "status": "needs-action"]],
        ]
        if let minutes = request.plan.minutes { resource["minutesDuration"] = minutes }
        if !comment.isEmpty { resource["comment"] = comment.joined(separator: "; ") }
        return resource
    }

    static func questionnaireResponse(_ request: BookingRequest, id: String, patient: [String: String]) -> [String: Any] {
        let items: [[String: Any]] = request.answers.map { answer in
            var item: [String: Any] = ["linkId": answer.question, "text": answer.text]
            var values: [[String: Any]] = []
            switch answer.input {
            case .yesno: values = [["valueBoolean": answer.value == "yes"]]
            case .number: if let n = Int(answer.value) { values = [["valueInteger": n]] }
            case .choice, .multi:
                let ids = answer.value.split(separator: ",").map(String.init)
                let labels = answer.label.components(separatedBy: ", ")
                values = ids.enumerated().map { index, code in
                    ["valueCoding": ["system": "\(system)/CodeSystem/\(request.dialog.id)-\(answer.question)", "code": code,
                                     "display": ids.count == labels.count ? labels[index] : code]]
                }
            case .text: if !answer.value.isEmpty { values = [["valueString": answer.value]] }
            }
            if !values.isEmpty { item["answer"] = values }
            return item
        }
        var resource: [String: Any] = [
            "resourceType": "QuestionnaireResponse",
            "id": id,
            "questionnaire": "\(system)/Questionnaire/\(request.dialog.id)|\(request.dialog.version)",
            "status": "completed",
            "subject": patient,
            "authored": request.createdAt,
        ]
        if !items.isEmpty { resource["item"] = items }
        return resource
    }

    /// A stable UUID derived from the booking id, so exporting twice gives identical bundles.
    static func deterministicUUID(_ id: String, _ kind: String) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        var hash2: UInt64 = 0x84222325cbf29ce4
        for byte in (id + "/" + kind).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100000001b3
            hash2 = (hash2 ^ UInt64(byte)) &* 0x100000001b3 &+ 7
        }
        let hex = String(format: "%016llx%016llx", hash, hash2)
        let chars = Array(hex)
        var uuid = String(chars[0..<8]) + "-" + String(chars[8..<12]) + "-4" + String(chars[13..<16]) + "-"
        uuid += ["8", "9", "a", "b"][Int(String(chars[16]), radix: 16)! % 4] + String(chars[17..<20]) + "-" + String(chars[20..<32])
        return uuid
    }

    public static func json(_ request: BookingRequest) throws -> Data {
        try JSONSerialization.data(withJSONObject: bundle(request), options: [.sortedKeys, .withoutEscapingSlashes])
    }
}

/// CSV with one row per booking request (RFC 4180 quoting).
public enum CSVExport {
    public static let columns = ["id", "created_at", "dialog", "disposition", "location", "side", "cause", "onset", "severity",
                                 "technique", "minutes", "pressure", "sessions", "spacing", "notes", "days", "times",
                                 "name", "phone", "email", "source"]

    public static func row(_ r: BookingRequest) -> [String] {
        [r.id, r.createdAt, "\(r.dialog.id) \(r.dialog.version)", r.disposition.rawValue, r.location ?? "", r.side ?? "",
         r.cause ?? "", r.onset ?? "", r.severity.map(String.init) ?? "", r.plan.technique ?? "", r.plan.minutes.map(String.init) ?? "",
         r.plan.pressure ?? "", r.plan.sessions.map(String.init) ?? "", r.plan.spacing ?? "", r.notes.joined(separator: "; "),
         r.preferences.days ?? "", r.preferences.times ?? "", r.contact.name ?? "", r.contact.phone ?? "", r.contact.email ?? "", r.source]
    }

    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            // A leading =, +, - or @ would be run as a formula by spreadsheets: neutralise it.
            var value = field
            if let first = value.first, "=+-@".contains(first) { value = "'" + value }
            if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return value
        }.joined(separator: ",")
    }

    public static func document(_ requests: [BookingRequest]) -> String {
        ([line(columns)] + requests.map { line(row($0)) }).joined(separator: "\r\n") + "\r\n"
    }
}
