/// What the interrupt rules need to know of a word, one bit per word list: whether it denies ("no", "never"), fills
/// the space between a denial and what it denies ("any", "have"), breaks a list ("and", "but"), names someone else
/// ("my son"), and so on. A line's words are looked up once, in one table, and the rules test bits: they no longer
/// hash a word for every list they ask about.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let negator = WordClass(rawValue: 1 << 0)
    static let filler = WordClass(rawValue: 1 << 1)
    static let listBreak = WordClass(rawValue: 1 << 2)
    static let other = WordClass(rawValue: 1 << 3)
    static let having = WordClass(rawValue: 1 << 4)
    static let reporting = WordClass(rawValue: 1 << 5)
    static let includingMe = WordClass(rawValue: 1 << 6)
    static let firstPerson = WordClass(rawValue: 1 << 7)
    static let until = WordClass(rawValue: 1 << 8)
    static let recent = WordClass(rawValue: 1 << 9)
    static let doubt = WordClass(rawValue: 1 << 10)
    static let likeWhat = WordClass(rawValue: 1 << 11)
    static let intensity = WordClass(rawValue: 1 << 12)
    static let inability = WordClass(rawValue: 1 << 13)
    static let continuation = WordClass(rawValue: 1 << 14)
    /// `Tense`: a form of "to be" or of becoming ("was", "went"), "have"/"has"/"had", and "been"/"gone".
    static let linking = WordClass(rawValue: 1 << 15)
    static let auxiliary = WordClass(rawValue: 1 << 16)
    static let beenOrGone = WordClass(rawValue: 1 << 17)
    /// Single words some rules name: "or"/"nor", "before", "like", "as"/"so"/"this", "without", "not", "my".
    static let orNor = WordClass(rawValue: 1 << 18)
    static let before = WordClass(rawValue: 1 << 19)
    static let like = WordClass(rawValue: 1 << 20)
    static let asSoThis = WordClass(rawValue: 1 << 21)
    static let without = WordClass(rawValue: 1 << 22)
    static let not = WordClass(rawValue: 1 << 23)
    static let my = WordClass(rawValue: 1 << 24)
    /// "who", "that": "my daughter who has a fever" names her as having it.
    static let relative = WordClass(rawValue: 1 << 25)

    /// Every word with a class, and its classes.
    static let table: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add(_ words: some Sequence<String>, _ bits: WordClass) {
            for word in words { table[word, default: []].formUnion(bits) }
        }
        add(InterruptMatcher.negators, .negator)
        add(InterruptMatcher.negationFillers, .filler)
        add(InterruptMatcher.listBreaks, .listBreak)
        add(InterruptMatcher.others, .other)
        add(InterruptMatcher.having, .having)
        add(InterruptMatcher.reporting, .reporting)
        add(InterruptMatcher.includingMe, .includingMe)
        add(InterruptMatcher.firstPerson, .firstPerson)
        add(InterruptMatcher.untilWords, .until)
        add(InterruptMatcher.recentWords, .recent)
        add(InterruptMatcher.doubts, .doubt)
        add(InterruptMatcher.likeWhat, .likeWhat)
        add(InterruptMatcher.intensities, .intensity)
        add(InterruptMatcher.inability, .inability)
        add(InterruptMatcher.continuations, .continuation)
        add(Tense.linkingWords, .linking)
        add(Tense.auxiliaries, .auxiliary)
        add(Tense.beenOrGone, .beenOrGone)
        add(["or", "nor"], .orNor)
        add(["before"], .before)
        add(["like"], .like)
        add(["as", "so", "this"], .asSoThis)
        add(["without"], .without)
        add(["not"], .not)
        add(["my"], .my)
        add(["who", "that", "whos"], .relative)
        return table
    }()

    static func of(_ word: String) -> WordClass { table[word] ?? [] }
}

/// A word of a line as the interrupt matcher reads it: its id in the dialog's pattern words (`-1` for a word no
/// pattern has) and its classes.
struct Token: Sendable, Equatable {
    var id: Int32
    var classes: WordClass

    func `is`(_ bits: WordClass) -> Bool { !classes.isDisjoint(with: bits) }

    /// Words with their classes only (for rules that need no pattern words).
    static func classesOnly(_ words: [String]) -> [Token] {
        words.map { Token(id: -1, classes: WordClass.of($0)) }
    }
}
