extension DialogMachine {
    /// Feeds one input and settles any booking request through `bookings` (which must store the
    /// request durably before answering `.bookingStored`). Returns every event, booking ones included.
    public mutating func send(_ input: Input, bookings: (BookingDraft) -> Input) -> [Event] {
        var events = receive(input)
        var checked = 0
        while checked < events.count {
            if case .bookingReady(let draft) = events[checked] { events += receive(bookings(draft)) }
            checked += 1
        }
        return events
    }

    /// The same, for front ends whose booking sink is asynchronous (an actor shared by sessions).
    public mutating func send(_ input: Input, bookings: (BookingDraft) async -> Input) async -> [Event] {
        var events = receive(input)
        var checked = 0
        while checked < events.count {
            if case .bookingReady(let draft) = events[checked] { events += receive(await bookings(draft)) }
            checked += 1
        }
        return events
    }
}
