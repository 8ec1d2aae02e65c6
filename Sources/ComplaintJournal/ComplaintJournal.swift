// ComplaintJournal: the legal record of the desk as append-only JSON lines.
//
// Layout of a data folder DIR:
//   DIR/journal/000001.jsonl, 000002.jsonl …   numbered segments, one event per line, only appended
//   DIR/journal/LOCK                            flock: exclusive for writers, shared for readers
//   DIR/journal/quarantine/                     torn tails (*.torn), damaged lines (*.damaged),
//                                               acknowledged.jsonl (findings an operator repaired)
//
// A line: {"v":1,"seq":N,"id":…,"report":…,"at":…,"actor":{…},"type":…,"data":{…},"c":"crc32c"}
// where `c` is CRC-32C over every byte before `,"c":"`, so the 16-byte trailer is fixed.
//
// Entry points: `FileJournal.open(at:mode:options:)`, `InMemoryJournal()`, the `EventJournal`
// protocol both implement, and `RecoveryReport` / `JournalHealth` for what was found.

/// Constants of the on-disk format, for tools (export, `check`) that describe it.
public enum JournalFormat {
    /// The envelope version written into `v`.
    public static let version = EnvelopeEncoder.currentVersion
    /// Bytes of `,"c":"xxxxxxxx"}` at the end of every line (before the newline).
    public static let trailerLength = EnvelopeDecoder.trailerLength
    /// Default segment size before rolling to the next file.
    public static let defaultSegmentSizeLimit = 64 << 20

    /// The file name of segment `number`, e.g. `000001.jsonl`.
    public static func segmentFileName(_ number: Int) -> String { SegmentName.fileName(number) }
}
