/// A test over earlier answers, used by transitions and plan rules.
public indirect enum Condition: Sendable, Equatable {
    case all([Condition])
    case any([Condition])
    case not(Condition)
    case test(slot: String, Test)

    public enum Test: Sendable, Equatable {
        case equals(String)
        case oneOf([String])
        case contains(String)
        case range(min: Int?, max: Int?)
        case isSet(Bool)

        /// Whether the answer to the tested slot (nil: not answered) passes.
        func holds(_ answer: Answer?) -> Bool {
            switch self {
            case .isSet(let expected): return Answers.isSet(answer) == expected
            case .equals(let value): return answer.map { Condition.includes($0, value) && Condition.isSingle($0) } ?? false
            case .oneOf(let values): return answer.map { answer in values.contains { Condition.includes(answer, $0) } } ?? false
            case .contains(let value): return answer.map { Condition.includes($0, value) } ?? false
            case .range(let min, let max):
                guard case .number(let n)? = answer else { return false }
                return (min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true)
            }
        }
    }

    public func holds(_ answers: Answers) -> Bool {
        switch self {
        case .all(let conditions): return conditions.allSatisfy { $0.holds(answers) }
        case .any(let conditions): return conditions.contains { $0.holds(answers) }
        case .not(let condition): return !condition.holds(answers)
        case .test(let slot, let test): return test.holds(answers[slot])
        }
    }

    /// Every slot this condition reads.
    public var slots: [String] {
        switch self {
        case .all(let c), .any(let c): c.flatMap(\.slots)
        case .not(let c): c.slots
        case .test(let slot, _): [slot]
        }
    }

    /// Whether `answer` is (or, for a multi answer, includes) `value`. Conditions run at every transition,
    /// so no array of the answer's values is built.
    private static func includes(_ answer: Answer, _ value: String) -> Bool {
        switch answer {
        case .choices(let ids): ids.contains(value)
        case .skipped: false
        default: answer.raw == value
        }
    }

    /// `equals` on a multi answer holds only when exactly that one choice was made.
    private static func isSingle(_ answer: Answer) -> Bool {
        if case .choices(let ids) = answer { return ids.count == 1 }
        return true
    }
}
