import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random (version 4) event ids in the form `UUID().uuidString.lowercased()` gives, drawn for a whole batch
/// from one read of the kernel's random source: Foundation's `UUID()` opens `/dev/urandom` for every id,
/// which was a twentieth of a bulk import.
enum EventIDs {
    /// `count` fresh ids, e.g. `0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9`.
    static func random(count: Int) -> [String] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count * 16)
        bytes.withUnsafeMutableBytes { fillRandom($0) }
        var ids: [String] = []
        ids.reserveCapacity(count)
        bytes.withUnsafeBufferPointer { all in
            for k in 0..<count { ids.append(format(UnsafeBufferPointer(rebasing: all[(k * 16)..<(k * 16 + 16)]))) }
        }
        return ids
    }

    /// The RFC 4122 text of 16 random bytes with the version (4) and variant (10xx) bits set.
    static func format(_ random: UnsafeBufferPointer<UInt8>) -> String {
        let hex: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 36) { out in
            var o = 0
            for k in 0..<16 {
                var b = random[k]
                if k == 6 { b = b & 0x0F | 0x40 }
                if k == 8 { b = b & 0x3F | 0x80 }
                if k == 4 || k == 6 || k == 8 || k == 10 {
                    out[o] = UInt8(ascii: "-")
                    o += 1
                }
                out[o] = hex.utf8Start[Int(b >> 4)]
                out[o + 1] = hex.utf8Start[Int(b & 0x0F)]
                o += 2
            }
            return o
        }
    }

    /// Fills `buffer` with `getrandom(2)` (Linux); the standard library's generator (one system call per
    /// eight bytes) covers whatever that could not provide (other systems, a failing call).
    private static func fillRandom(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        var filled = 0
        #if os(Linux)
        // getrandom(2): no file to open and close for each officer action (three system calls saved).
        while filled < buffer.count {
            let n = linuxGetrandom(base + filled, buffer.count - filled, 0)
            if n > 0 { filled += n } else if n < 0, errno == EINTR { continue } else { break }
        }
        #endif
        var generator = SystemRandomNumberGenerator()
        while filled < buffer.count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where filled < buffer.count {
                buffer[filled] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                filled += 1
            }
        }
    }
}

#if os(Linux)
/// glibc's `getrandom` (declared in <sys/random.h>, which the Glibc module does not export).
@_silgen_name("getrandom")
private func linuxGetrandom(_ buffer: UnsafeMutableRawPointer?, _ length: Int, _ flags: UInt32) -> Int
#endif
