import Complaints
import Foundation

/// What a scan does with lines that do not check out: damage between good lines (and whole lines after
/// the last one) is set aside, reported and quarantined; a torn write at a segment's end is cut off.
extension JournalScanner {
    /// Pending bad lines followed by a good line are damage: skipped, reported, quarantined.
    mutating func flushDamaged(
        _ pending: inout [PendingLine], policy: ScanPolicy, into findings: inout RecoveryReport
    ) throws(JournalError) {
        guard !pending.isEmpty else { return }
        damagedSinceApplied += UInt64(pending.count)
        for line in pending {
            let file = SegmentName.fileName(line.segment)
            let key = line.bytes.withUnsafeBufferPointer {
                AcknowledgedDamage.damagedKey(file: file, byteOffset: line.offset, lineBytes: $0)
            }
            var quarantineFile: String?
            if policy.quarantineDamage {
                let name = "\(SegmentName.stem(line.segment))-\(line.offset).damaged"
                quarantineFile = try folder.writeQuarantine(name: name, bytes: line.bytes + [0x0A])
            }
            var damaged = DamagedLine(
                file: file, line: line.line, byteOffset: line.offset, reason: line.reason,
                acknowledged: acknowledged.contains(key), quarantineFile: quarantineFile, key: key)
            damaged.named = AcknowledgedDamage.named(inDamaged: line.bytes)
            if let seq = damaged.named.maxSeq {
                damagedNamedSinceApplied = max(damagedNamedSinceApplied, seq)
                seqNamedByDamage = max(seqNamedByDamage, seq)
            }
            findings.damagedLines.append(damaged)
            skipped.insert(LineKey(segment: line.segment, offset: line.offset))
            marked.append(.init(segment: line.segment, offset: line.offset, checksum: line.bytes.withUnsafeBytes { CRC32C.checksum($0) },
                                kind: .setAside))
            let length = line.bytes.count + (line.terminated ? 1 : 0)
            moveCursor(segment: line.segment, end: line.offset + length, lines: line.line)
        }
        pending.removeAll()
    }

    /// Bad or unterminated bytes after the last good line. Whole lines at its start that no longer check
    /// out are damage, as they would be before a good line (QA: a bit flipped in the last event, a CR an
    /// editor added to the last lines, were cut off as torn writes, and their tracking ids and sequence
    /// numbers given out again); the rest is a torn write (a power cut may also leave zeros or garbage,
    /// newlines included, where an unsynced write was).
    mutating func handleTail(
        _ pending: [PendingLine], policy: ScanPolicy, into findings: inout RecoveryReport
    ) throws(JournalError) {
        guard !pending.isEmpty, policy.tail != .wait else { return }
        var damaged = Array(pending.prefix { $0.changedAfterWriting })
        try flushDamaged(&damaged, policy: policy, into: &findings)
        let pending = Array(pending.drop { $0.changedAfterWriting })
        guard !pending.isEmpty else { return }
        // One torn region per segment, from its first pending line to the end of that segment.
        var seen = Set<Int>()
        for first in pending where seen.insert(first.segment).inserted {
            let path = folder.segmentPath(first.segment)
            let byteCount = pending.filter { $0.segment == first.segment }
                .reduce(0) { $0 + $1.bytes.count + ($1.terminated ? 1 : 0) }
            var quarantineFile: String?
            if policy.tail == .truncate {
                let rest = try JournalFolder.read(path, from: first.offset)
                quarantineFile = try quarantineTorn(segment: first.segment, offset: first.offset, bytes: rest)
                try folder.truncate(path, to: first.offset)
            }
            findings.tornTails.append(TornTail(
                file: SegmentName.fileName(first.segment), line: first.line, byteOffset: first.offset,
                byteCount: byteCount, quarantineFile: quarantineFile, reason: first.reason))
        }
    }

    private func quarantineTorn(segment: Int, offset: Int, bytes: [UInt8]) throws(JournalError) -> String {
        let stamp = JournalScanner.compactTimestamp(now())
        var name = "\(SegmentName.stem(segment))-\(offset)-\(stamp).torn"
        var counter = 2
        while JournalFolder.exists(folder.quarantinePath + "/" + name) {
            name = "\(SegmentName.stem(segment))-\(offset)-\(stamp)-\(counter).torn"
            counter += 1
        }
        return try folder.writeQuarantine(name: name, bytes: bytes)
    }
}
