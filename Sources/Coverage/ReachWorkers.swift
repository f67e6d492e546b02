import Dispatch
import Foundation

/// Runs independent jobs on a few threads, each thread with its own state
/// (a GEOS context, a search workspace), and gives the results in job order.
enum ReachWorkers {
    /// `body(&state, i)` for every `i` in `0..<count`, spread over up to
    /// `workers` threads; `makeState` runs once on each thread. Job `i` goes
    /// to thread `i % threads`, so the result never depends on timing.
    /// - Throws: the error of the lowest-numbered job that failed.
    /// - Complexity: `count` calls of `body`, divided over the threads.
    static func map<State, Result: Sendable>(
        count: Int, workers: Int, makeState: () throws -> State, _ body: (inout State, Int) throws -> Result
    ) throws -> [Result] {
        let threads = max(1, min(workers, count))
        let slots = Slots<Result>(count: count)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(body) { body in
                let unsafeMake = UnsafeSendable(makeState), unsafeBody = UnsafeSendable(body)
                DispatchQueue.concurrentPerform(iterations: threads) { thread in
                    var job = thread
                    do {
                        var state = try unsafeMake.value()
                        while job < count {
                            slots.set(job, .success(try unsafeBody.value(&state, job)))
                            job += threads
                        }
                    } catch {
                        slots.set(job, .failure(error))
                    }
                }
            }
        }
        return try slots.results()
    }
}

/// A closure handed to the worker threads. `concurrentPerform` returns only
/// after every thread is done, so the closure never outlives its caller, and
/// each thread calls it on its own state only.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One result slot per job, filled from several threads under a lock.
private final class Slots<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Swift.Result<Result, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Swift.Result<Result, Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    /// The results in job order, or the first failure. A job a failed thread
    /// never reached comes after that thread's failure, so it is never read.
    func results() throws -> [Result] {
        lock.lock()
        defer { lock.unlock() }
        var values: [Result] = []
        values.reserveCapacity(slots.count)
        for slot in slots {
            switch slot {
            case .success(let value)?: values.append(value)
            case .failure(let error)?: throw error
            case nil: preconditionFailure("a job neither finished nor failed")
            }
        }
        return values
    }
}
