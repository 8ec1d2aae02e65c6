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

        public init(number: Int, end: Int, lines: Int, firstSeq: UInt64?, lastSeq: UInt64?, trailer: [UInt8]) {
            self.number = number
            self.end = end
            self.lines = lines
            self.firstSeq = firstSeq
            self.lastSeq = lastSeq
            self.trailer = trailer
        }
    }

    public var segments: [Segment]
    public var lastSeq: UInt64

    public init(segments: [Segment], lastSeq: UInt64) {
        self.segments = segments
        self.lastSeq = lastSeq
    }

    /// Length of `Segment.trailer`.
    static let trailerLength = EnvelopeDecoder.trailerLength
}
