import Foundation

extension JournalScanner {
    /// Where a resumed scan started: the end of the snapshot's last line.
    struct ResumeCursor: Sendable {
        var segment: Int
        var offset: Int
        /// Lines before `offset` in `segment` (line numbers continue from here).
        var lines: Int
        var seq: UInt64
    }

    /// Why a line before the resume point was not handed out (for the journal's health).
    static func reReadReason(_ position: JournalPosition, _ error: any Error) -> String {
        let why = (error as? EnvelopeDecoder.Failure)?.reason ?? "\(error)"
        return "\(SegmentName.fileName(position.segment)):\(position.line): \(why) (re-read before the snapshot's point; run `lapor-desk check`)"
    }

    /// Whether the line at `offset` of `segment` was verified by this process (see `resumedAt`).
    static func wasVerified(segment: Int, offset: Int, resumedAt: ResumeCursor?) -> Bool {
        guard let r = resumedAt else { return true }
        return segment > r.segment || (segment == r.segment && offset >= r.offset)
    }
}
