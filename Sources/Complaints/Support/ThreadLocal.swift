import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `T` per thread, made on first use and released when the thread ends: a cache that every decoding
/// core fills and reads without taking a lock (`SpanCache`).
public final class ThreadLocal<T: AnyObject>: @unchecked Sendable {
    @usableFromInline var key = pthread_key_t()
    @usableFromInline let make: @Sendable () -> T

    /// Meant to live as long as the process (a `static let`): the key is never deleted.
    public init(_ make: @escaping @Sendable () -> T) {
        self.make = make
        pthread_key_create(&key) { object in
            guard let object else { return }
            Unmanaged<AnyObject>.fromOpaque(object).release()
        }
    }

    /// The calling thread's value (`@inlinable`: specialized where it is used, see `SpanCache`).
    @inlinable
    public var value: T {
        if let existing = pthread_getspecific(key) { return Unmanaged<T>.fromOpaque(existing).takeUnretainedValue() }
        let made = make()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// Runs `body` with the calling thread's value, neither retained nor released: `value` retains and
    /// releases the object for every call, and the decoding cores ask for their caches a few million
    /// times at start-up. The thread's value lives as long as the thread, which is running `body`.
    @inlinable
    public func withValue<R>(_ body: (T) throws -> R) rethrows -> R {
        if let existing = pthread_getspecific(key) {
            return try Unmanaged<T>.fromOpaque(existing)._withUnsafeGuaranteedRef(body)
        }
        return try body(value)
    }
}

/// A value one thread keeps and changes, for `ThreadLocal` (which holds objects): a thread's vocabulary.
package final class ThreadOwned<Value> {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}
