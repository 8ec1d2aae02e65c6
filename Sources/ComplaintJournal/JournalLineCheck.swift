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

    /// Where the fold's two envelope readers disagree on `line` (without its newline), or nil when they agree:
    /// the position-by-position fast path (`EnvelopeDecoder.foldFastPath`, taken by lines as the encoder
    /// writes them) and the general walk must give the same parts or the same refusal, whatever the bytes.
    /// The line's actor is decoded first, as start-up's fold does, so the fast path can take the line.
    /// `typeNames`: the fold's own list unless a test gives another (the fast path then declines every line).
    public static func foldDisagreement(in line: [UInt8], typeNames: [String] = DomainEvent.typeNames) -> String? {
        line.withUnsafeBufferPointer { b -> String? in
            let position = JournalPosition(segment: 1, line: 1)
            func fold(fast: Bool) -> Result<EnvelopeDecoder.FoldParts, EnvelopeDecoder.Failure> {
                do throws(EnvelopeDecoder.Failure) {
                    return .success(try EnvelopeDecoder.decodeForFold(b, position: position, verifyChecksum: true,
                                                                      typeNames: typeNames, checkPayload: false, fastPath: fast))
                } catch {
                    return .failure(error)
                }
            }
            // The walk does not consult the actor cache for its answer's fields, only for `knownActor`: read
            // once the cache holds the actor, it gives what the fold's later lines with this actor get.
            if case let .success(parts) = fold(fast: false) { _ = ActorSpanCache.ref(parts.parts.actor) }
            switch (fold(fast: false), fold(fast: true)) {
            case let (.success(a), .success(b)):
                guard a.entry == b.entry, a.checksum == b.checksum, a.payloadStart == b.payloadStart,
                      a.parts.payload.baseAddress == b.parts.payload.baseAddress, a.parts.payload.count == b.parts.payload.count,
                      a.parts.actor.baseAddress == b.parts.actor.baseAddress, a.parts.actor.count == b.parts.actor.count,
                      a.parts.knownActor == b.parts.knownActor else {
                    return "fold paths disagree: walk \(a.entry), fast path \(b.entry)"
                }
                return nil
            case let (.failure(a), .failure(b)):
                return a == b ? nil : "fold paths refuse differently: walk '\(a.reason)', fast path '\(b.reason)'"
            case let (a, b):
                return "fold paths disagree: walk \(a), fast path \(b)"
            }
        }
    }

    /// Whether the fold reads `line` (without its newline) through its fast path, once its actor is known.
    static func takesFoldFastPath(_ line: [UInt8], typeNames: [String] = DomainEvent.typeNames) -> Bool {
        line.withUnsafeBufferPointer { b in
            guard let (prefixEnd, stored) = try? EnvelopeDecoder.checkTrailer(b, verifyChecksum: true) else { return false }
            return EnvelopeDecoder.foldFastPath(b, prefixEnd: prefixEnd, checksum: stored, position: JournalPosition(segment: 1, line: 1),
                                                typeNames: typeNames) != nil
        }
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
