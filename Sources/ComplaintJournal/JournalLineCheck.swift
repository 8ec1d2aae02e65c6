import Complaints
import Foundation

/// One journal line decoded exactly as start-up does (envelope, checksum, timestamp, payload, then the
/// domain event), without a file. Public so fuzzers and hostile-input tests can drive the real decoder.
public enum JournalLineCheck {
    /// Decodes `line` (without its newline). Returns nil when the line is a valid event, else the reason
    /// the scanner would print after `FILE:LINE:`.
    public static func problem(in line: [UInt8]) -> String? {
        let outcome: String? = line.withUnsafeBufferPointer { buffer in
            do throws(EnvelopeDecoder.Failure) {
                let entry = try EnvelopeDecoder.decode(buffer, position: JournalPosition(segment: 1, line: 1))
                switch JournalMapping.recorded(entry) {
                case .success: return nil
                case let .failure(problem): return problem.reason
                }
            } catch {
                return error.reason
            }
        }
        return outcome
    }

    /// `line` with its checksum trailer recomputed, so a mutated line reaches the decoder's later stages
    /// instead of stopping at the CRC. Lines without a trailer's shape are returned unchanged.
    public static func withChecksumRepaired(_ line: [UInt8]) -> [UInt8] {
        let trailer = EnvelopeDecoder.trailerLength
        guard line.count > trailer + 2 else { return line }
        let prefixEnd = line.count - trailer
        guard Array(line[prefixEnd..<(prefixEnd + 6)]) == Array(",\"c\":\"".utf8) else { return line }
        let crc = CRC32C.checksum(line[0..<prefixEnd])
        var repaired = Array(line[0..<(prefixEnd + 6)])
        repaired += CRC32C.hexDigits(crc)
        repaired += Array("\"}".utf8)
        return repaired
    }
}

extension JournalScanner {
    /// Whether a line that failed its check was once an event line written whole, as opposed to what a power
    /// cut leaves where an unsynced write was (zeros or garbage, newlines included; a write cut short has no
    /// newline at all): its checksum matched (the damage is inside), or it still reads as an envelope
    /// (`"seq":` and `"type":"` in it, which garbage does not spell). QA: a CR or spaces an editor added, a
    /// flipped bit in the braces or the checksum's name, made the last line a "torn write", cut off, its
    /// number given out again.
    static func isWholeLine(_ line: UnsafeBufferPointer<UInt8>, _ failure: EnvelopeDecoder.Failure) -> Bool {
        if failure.checksumVerified { return true }
        return contains(line, "\"seq\":") && contains(line, "\"type\":\"")
    }

    private static func contains(_ line: UnsafeBufferPointer<UInt8>, _ marker: StaticString) -> Bool {
        let m = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let first = m.first, line.count >= m.count else { return false }
        var i = 0
        while i <= line.count - m.count {
            if line[i] == first, line[i..<(i + m.count)].elementsEqual(m) { return true }
            i += 1
        }
        return false
    }
}
