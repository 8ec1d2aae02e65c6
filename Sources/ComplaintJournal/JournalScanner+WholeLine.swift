import Complaints
import Foundation

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
        guard let base = line.baseAddress else { return false }
        return ByteScan.contains(base, line.count, UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount))
    }
}
