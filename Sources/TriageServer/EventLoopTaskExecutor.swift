import NIOCore

/// Runs a session's task on its connection's event loop. Without it every turn hops threads twice
/// (event loop -> cooperative pool for the read, and back for the write), which cost more than the dialog itself.
final class EventLoopTaskExecutor: TaskExecutor, @unchecked Sendable {
    // Immutable after init; EventLoop is itself thread-safe.
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) { self.eventLoop = eventLoop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// One executor per event loop of `group`, looked up by the loop's identity.
    struct Pool: Sendable {
        private let executors: [ObjectIdentifier: EventLoopTaskExecutor]

        init(_ group: any EventLoopGroup) {
            var executors: [ObjectIdentifier: EventLoopTaskExecutor] = [:]
            for loop in group.makeIterator() { executors[ObjectIdentifier(loop)] = EventLoopTaskExecutor(loop) }
            self.executors = executors
        }

        func executor(for loop: any EventLoop) -> EventLoopTaskExecutor? { executors[ObjectIdentifier(loop)] }
    }
}
