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
    /// Whether a line that failed its check was once an event line written whole: its checksum matched
    /// (the damage is inside), or it starts as an envelope and still ends with a checksum trailer, also when
    /// an editor or a copy tool added a CR or spaces after it (QA: such lines were taken for a torn write).
    static func isWholeLine(_ line: UnsafeBufferPointer<UInt8>, _ failure: EnvelopeDecoder.Failure) -> Bool {
        if failure.checksumVerified { return true }
        let envelope: StaticString = "{\"v\":"
        guard line.starts(with: UnsafeBufferPointer(start: envelope.utf8Start, count: envelope.utf8CodeUnitCount)) else { return false }
        if failure.checksumMismatch { return true }
        var end = line.count
        while end > 0, [0x20, 0x09, 0x0D].contains(line[end - 1]) { end -= 1 }
        return (try? EnvelopeDecoder.checkTrailer(UnsafeBufferPointer(rebasing: line[0..<end]), verifyChecksum: false)) != nil
    }
}
