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
