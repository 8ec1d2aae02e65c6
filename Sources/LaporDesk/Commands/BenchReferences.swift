import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reference measurements the benchmark prints beside our own figures, taken on the same machine in the
/// same run so ratios stay meaningful when absolute times drift between machines.
enum BenchReferences {
    /// A generic JSON value, so Foundation's `JSONDecoder` parses every field of every line as a
    /// schema-less reader would (the fair comparison for "a generic JSON parser").
    enum AnyJSON: Decodable {
        case null, bool(Bool), number(Double), string(String), array([AnyJSON]), object([String: AnyJSON])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let n = try? c.decode(Double.self) { self = .number(n) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([AnyJSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: AnyJSON].self)) }
        }
    }

    /// Seconds Foundation's `JSONDecoder` needs to parse every line of every segment in `journalFolder`.
    /// Returns the time and the number of lines parsed (a line that fails to parse counts as an error).
    static func foundationDecode(journalFolder: String) throws -> (seconds: Double, lines: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: journalFolder)
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        let decoder = JSONDecoder()
        let start = DispatchTime.now().uptimeNanoseconds
        var lines = 0
        for name in names {
            guard let data = FileManager.default.contents(atPath: journalFolder + "/" + name) else { continue }
            var lineStart = data.startIndex
            while let nl = data[lineStart...].firstIndex(of: 0x0A) {
                _ = try decoder.decode(AnyJSON.self, from: data[lineStart..<nl])
                lines += 1
                lineStart = nl + 1
            }
        }
        return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, lines)
    }

    /// Milliseconds of one bare `write` + `fdatasync` of a `lineBytes`-byte line appended to a scratch
    /// file in `folder` (the floor any durable append can reach), as sorted samples.
    static func bareDurableWrite(folder: String, lineBytes: Int, count: Int) throws -> [Double] {
        let writer = try BareDurableWriter(folder: folder)
        defer { writer.close() }
        return try (0..<count).map { _ in try writer.once(lineBytes: lineBytes) }.sorted()
    }

    /// One bare `write` + `fdatasync` at a time, to a scratch file in `folder`: interleaved with the measured
    /// actions, so both meet the same disk (see `BenchCommand`).
    final class BareDurableWriter {
        private let path: String
        private let fd: Int32

        init(folder: String) throws {
            path = folder + "/.bench-fdatasync-\(getpid())"
            fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw BenchError("\(path): cannot create the scratch file (errno \(errno))") }
        }

        /// Milliseconds for one line of `lineBytes` bytes.
        func once(lineBytes: Int) throws -> Double {
            var line = [UInt8](repeating: UInt8(ascii: "x"), count: max(1, lineBytes))
            line[line.count - 1] = 0x0A
            let start = DispatchTime.now().uptimeNanoseconds
            let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == line.count, fdatasync(fd) == 0 else { throw BenchError("\(path): write failed (errno \(errno))") }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        }

        func close() {
            _ = Glibc.close(fd)
            unlink(path)
        }
    }

    /// A `/proc/self/status` field such as `VmRSS` or `VmHWM`, in kB (nil off Linux).
    static func memoryKB(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.dropFirst(field.count + 1).filter(\.isNumber))
        }
        return nil
    }

    struct BenchError: Error, CustomStringConvertible {
        var description: String
        init(_ text: String) { description = text }
    }
}
