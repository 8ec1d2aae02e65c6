import Foundation

/// A position in the journal that a projection snapshot stands at, with what is needed to prove the
/// journal there is still the one the snapshot was folded from: each segment's consumed length and the
/// checksum trailer of its last line. Sealed segments must be exactly that long; the last may have grown.
public struct JournalResumePoint: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var number: Int
        /// Consumed bytes (a line boundary).
        public var end: Int
        public var lines: Int
        public var firstSeq: UInt64?
        public var lastSeq: UInt64?
        /// The 16 bytes before the last line's newline: `"c":"xxxxxxxx"}`, its checksum. Empty for an
        /// empty segment.
        public var trailer: [UInt8]
        /// Every line's recorded checksum with its place, summed (`lineDigest`) over the lines no mark
        /// covers: a line rewritten since, even with a checksum that matches its new bytes, changes it
        /// (QA: such a line left the snapshot in use, showing what the journal no longer says).
        public var digest: UInt64

        public init(number: Int, end: Int, lines: Int, firstSeq: UInt64?, lastSeq: UInt64?, trailer: [UInt8], digest: UInt64 = 0) {
            self.number = number
            self.end = end
            self.lines = lines
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.trailer = trailer
            self.digest = digest
        }
    }

    /// A line before the point that a finding `check --repair` acknowledged is about: set aside (damaged,
    /// or a duplicate), applied late (moved), or the first after a gap. The snapshot keeps them so
    /// its region check expects them, and a resumed scan skips what a cold one skips (before, a repaired desk
    /// never got a snapshot again and every start read the whole journal).
    public struct MarkedLine: Sendable, Hashable {
        /// Case order is the snapshot format: append new cases at the end.
        public enum Kind: UInt8, Sendable, Hashable {
            case setAside
            case appliedLate
            /// In order, but after a gap: the lines around it are those the finding was about.
            case afterGap
        }

        public var segment: Int
        /// Where the line starts in its segment.
        public var offset: Int
        /// CRC-32C of the line's bytes (without its newline): the line the finding was about, not another
        /// moved to that offset since.
        public var checksum: UInt32
        public var kind: Kind

        public init(segment: Int, offset: Int, checksum: UInt32, kind: Kind) {
            self.segment = segment
            self.offset = offset
            self.checksum = checksum
            self.kind = kind
        }
    }

    public var segments: [Segment]
    public var lastSeq: UInt64
    /// Acknowledged findings' lines before the point, in journal order.
    public var marked: [MarkedLine]
    /// Sequence numbers a gap jumped over and no line has brought yet: a line after the point that brings one
    /// is applied late, as a cold start applies it.
    public var missing: [ClosedRange<UInt64>]
    /// Length and checksum of `quarantine/acknowledged.jsonl` when the point was taken ("" without one): the
    /// marks stand for findings acknowledged there, and with the registry gone (quarantine cleared, a backup
    /// from before the repair) a cold start refuses to write while a start from the snapshot wrote on (QA).
    public var acknowledgements: String

    public init(segments: [Segment], lastSeq: UInt64, marked: [MarkedLine] = [], missing: [ClosedRange<UInt64>] = [],
                acknowledgements: String = "") {
        self.segments = segments
        self.lastSeq = lastSeq
        self.marked = marked
        self.missing = missing
        self.acknowledgements = acknowledgements
    }

    /// Length of `Segment.trailer`.
    static let trailerLength = EnvelopeDecoder.trailerLength

    /// One line's share of `Segment.digest`: its line number in the segment and the checksum its trailer
    /// records, mixed (splitmix64) so that sums of different lines hardly ever meet. A sum, so the lines of
    /// a segment may be added up on every core in any order.
    static func lineDigest(line: Int, checksum: UInt32) -> UInt64 {
        var z = (UInt64(truncatingIfNeeded: line) << 32 | UInt64(checksum)) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
