import Dispatch
import Foundation

/// Runs independent jobs on a few threads, each thread with its own state
/// (a search workspace, a GEOS context), and gives the results in job order.
///
/// The one concurrency helper of the library: `StationCounts`,
/// `CoverageMatrix` and the service-area builders of `Coverage` all spread
/// their work through it, so none of them holds a lock of its own.
public enum ParallelJobs {
    /// `body(&state, i)` for every `i` in `0..<count`, spread over up to
    /// `workers` threads (`DispatchQueue.concurrentPerform`); `makeState`
    /// runs once on each thread. Each thread takes the next job not yet
    /// taken whenever it is free (jobs of uneven size, such as stations with
    /// more or less road in reach, keep both threads busy to the end); the
    /// result never depends on timing or on the number of threads when each
    /// job's result depends only on `i`.
    /// - Returns: the results of the jobs, indexed by job.
    /// - Throws: the error of the lowest-numbered job that failed (a thread
    ///   whose `makeState` fails reports it for its first job).
    /// - Complexity: `count` calls of `body`, divided over the threads.
    public static func map<State, Result: Sendable, Failure: Error>(
        count: Int, workers: Int,
        makeState: () throws(Failure) -> State,
        _ body: (inout State, Int) throws(Failure) -> Result
    ) throws(Failure) -> [Result] {
        let threads = max(1, min(workers, count))
        let slots = Slots<Result, Failure>(count: count)
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(body) { body in
                let unsafeMake = UnsafeSendable(makeState)
                let unsafeBody = UnsafeSendable(body)
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    var job = slots.nextJob()
                    guard job < count else { return }
                    do throws(Failure) {
                        var state = try unsafeMake.value()
                        while job < count {
                            slots.set(job, .success(try unsafeBody.value(&state, job)))
                            job = slots.nextJob()
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

/// One result slot per job, filled from several threads under a lock, and
/// the next job to hand out.
private final class Slots<Value: Sendable, Failure: Error>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Value, Failure>?]
    private var next = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The lowest job not handed out yet (the job count or more when none is left).
    func nextJob() -> Int {
        lock.lock()
        defer { lock.unlock() }
        next += 1
        return next - 1
    }

    func set(_ index: Int, _ result: Result<Value, Failure>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    /// The results in job order, or the first failure. Jobs are handed out in
    /// order, so a job no thread took (every thread stopped at a failure)
    /// comes after those failures and is never read.
    func results() throws(Failure) -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        var values: [Value] = []
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
