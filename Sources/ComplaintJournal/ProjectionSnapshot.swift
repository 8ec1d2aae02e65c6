import Complaints
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cache of the folded desk at a journal position (`DIR/cache/proyeksi.snap`), so a console starts
/// without folding a million events. Only a cache: the journal stays the record. A snapshot is used
/// only when its format, the program that wrote it, every section checksum and the journal at its
/// resume point all match; otherwise it is ignored (with the reason) and the journal is folded as
/// usual. Deleting it is always safe. Written whole through `JournalFolder.replaceFile` (temp file,
/// fsync, rename), so a crash leaves the old or the new snapshot, never a mix.
///
/// Layout: `LDPROJ1\n`, report chunks, actor table, desk section, inbox rows, footer, footer length (u32),
/// footer CRC-32C (u32), `LDPROJ1\n`. The footer (read first, from the end) holds the format version,
/// the program stamp, the resume point and each section's offset, length, CRC and report count, in the
/// order desk, actors, inbox rows, report chunks.
public struct ProjectionSnapshot: Sendable {
    public var desk: Desk
    public var resume: JournalResumePoint

    public static let fileName = "proyeksi.snap"
    static let magic = Array("LDPROJ1\n".utf8)

    public static func path(dataFolder: URL) -> String { path(in: JournalFolder(dataFolder: dataFolder)) }

    static func path(in folder: JournalFolder) -> String { folder.cachePath + "/" + fileName }

    /// Identifies the program build (size and modification time of the running executable): a snapshot
    /// written by another build may come from another fold, so it is rebuilt rather than trusted.
    public static func currentProgramStamp() -> String {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "format \(DeskSnapshotCodec.formatVersion)" }
        return "format \(DeskSnapshotCodec.formatVersion) exe \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    struct Section {
        var offset: Int
        var length: Int
        var crc: UInt32
        var reports: Int
    }

    // MARK: Reading

    /// What `open` found.
    public enum OpenResult {
        case opened(MappedSnapshot)
        case missing
        /// Present but not usable; the reason is for `snapshot --status` and the bench, never an error.
        case unusable(String)
    }

    /// Maps the snapshot and reads its footer (format, build, resume point, section table) without
    /// decoding any report: start-up checks the resume point against the journal first and decodes the
    /// desk (`MappedSnapshot.desk()`) only when the journal still matches.
    public static func open(dataFolder: URL, programStamp: String) -> OpenResult {
        let path = path(dataFolder: dataFolder)
        // Without waiting: a named pipe put there would otherwise hold every command at start-up (QA).
        let fd = openFile(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            // In words (QA: `cache` made a file gave "errno 20").
            return code == ENOENT ? .missing : .unusable("cannot open \(path): \(String(cString: strerror(code)))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .unusable("cannot stat \(path)") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .unusable("\(path): not a regular file") }
        // The snapshot's figures are trusted once its place in the journal checks out: one another user could
        // have written (or put in place) is not used, as a writer never writes where others can (QA).
        var folder = stat()
        let cache = (path as NSString).deletingLastPathComponent
        if info.st_mode & S_IWOTH != 0 || (stat(cache, &folder) == 0 && folder.st_mode & S_IWOTH != 0) {
            return .unusable("\(path): other users can write to it or to its folder; `chmod o-w` them (it is only a cache)")
        }
        let size = Int(info.st_size)
        guard size > 0 else { return .unusable("\(path): empty file") }
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            return .unusable("\(path): cannot map the file")
        }
        _ = madvise(base, size, MADV_WILLNEED)
        let bytes = UnsafeRawBufferPointer(start: base, count: size)
        do throws(SnapshotFormatError) {
            let (resume, sections) = try footer(bytes, programStamp: programStamp)
            return .opened(MappedSnapshot(bytes: bytes, resume: resume, sections: sections, path: path) { munmap(base, size) })
        } catch {
            munmap(base, size)
            return .unusable("\(path): \(error)")
        }
    }

    /// Reads snapshot bytes (the file's whole content) without looking at any journal: for fuzzing and
    /// tests. `open` is the way start-up reads the file. With no journal to read them from, bodies the
    /// snapshot left in one are a format error.
    public static func decode(bytes: [UInt8], programStamp: String)
        -> Result<ProjectionSnapshot, SnapshotFormatError>
    {
        bytes.withUnsafeBytes { b in
            do throws(SnapshotFormatError) {
                let (resume, sections) = try footer(b, programStamp: programStamp)
                return .success(ProjectionSnapshot(desk: try desk(b, sections: sections, resume: resume, textSource: nil),
                                                   resume: resume))
            } catch { return .failure(error) }
        }
    }

    /// The footer: checks magic, footer checksum, format and build; returns the resume point and the
    /// section table (desk, actors, inbox rows, then report chunks), every section inside the file.
    static func footer(_ bytes: UnsafeRawBufferPointer, programStamp: String) throws(SnapshotFormatError)
        -> (JournalResumePoint, [Section])
    {
        let size = bytes.count
        func fail(_ reason: String) -> SnapshotFormatError { SnapshotFormatError(offset: 0, reason: reason) }
        guard size >= 2 * magic.count + 8 else { throw fail("too short to be a snapshot") }
        guard Array(bytes[0..<magic.count]) == magic, Array(bytes[(size - magic.count)...]) == magic else {
            throw fail("not a LaporDesk projection snapshot (or written by another format)")
        }
        var tail = SnapshotReader(bytes, offset: size - magic.count - 8)
        let footerLength = Int(try tail.fixed32())
        let footerCRC = try tail.fixed32()
        let footerStart = size - magic.count - 8 - footerLength
        guard footerLength > 0, footerStart >= magic.count else { throw fail("footer length out of range") }
        let footerBytes = UnsafeRawBufferPointer(rebasing: bytes[footerStart..<(footerStart + footerLength)])
        guard CRC32C.checksum(footerBytes) == footerCRC else { throw fail("footer checksum mismatch") }
        var f = SnapshotReader(footerBytes)
        let version = try f.fixed32()
        guard version == DeskSnapshotCodec.formatVersion else {
            throw fail("format \(version), this program reads format \(DeskSnapshotCodec.formatVersion)")
        }
        let stamp = try f.string()
        guard stamp == programStamp else { throw fail("written by another build of lapor-desk") }
        let resume = try f.resumePoint()
        let sectionCount = try f.count()
        guard sectionCount >= 3 else { throw fail("sections missing") }
        var sections: [Section] = []
        for _ in 0..<sectionCount {
            let s = Section(offset: try f.count(max: footerStart), length: try f.count(max: footerStart), crc: try f.fixed32(),
                            reports: try f.count(max: size))
            guard s.offset >= magic.count, s.offset + s.length <= footerStart else { throw fail("section out of range") }
            sections.append(s)
        }
        try f.expectEnd("footer")
        return (resume, sections)
    }

    /// The desk from the sections `footer` listed, each checked against its checksum.
    static func desk(_ bytes: UnsafeRawBufferPointer, sections: [Section], resume: JournalResumePoint,
                     textSource: (any StoredTextSource)?) throws(SnapshotFormatError) -> Desk
    {
        let actors = try DeskSnapshotCodec.decodeActors(try checked(bytes, sections[1]))
        // The rows are read only for a first frame, but a snapshot with any damaged section is not trusted.
        _ = try checked(bytes, sections[2])
        let reports = try decodeChunks(bytes, Array(sections.dropFirst(3)), actors: actors, textSource: textSource)
        let desk = try DeskSnapshotCodec.desk(reports: reports, deskSection: try checked(bytes, sections[0]))
        guard desk.lastSeq == resume.lastSeq else { throw SnapshotFormatError(offset: 0, reason: "desk and resume point disagree") }
        return desk
    }

    /// The bytes of section `s`, once they match its checksum.
    static func checked(_ bytes: UnsafeRawBufferPointer, _ s: Section) throws(SnapshotFormatError) -> UnsafeRawBufferPointer {
        let b = UnsafeRawBufferPointer(rebasing: bytes[s.offset..<(s.offset + s.length)])
        guard CRC32C.checksum(b) == s.crc else {
            throw SnapshotFormatError(offset: s.offset, reason: "section checksum mismatch")
        }
        return b
    }

    /// Decodes the report chunks on every core straight into one array (moving, not copying, each
    /// report: a copy would retain every string of 200,000 reports again).
    static func decodeChunks(_ bytes: UnsafeRawBufferPointer, _ chunks: [Section], actors: SnapshotActors,
                             textSource: (any StoredTextSource)?) throws(SnapshotFormatError) -> [Report] {
        var firsts: [Int] = []
        var total = 0
        for c in chunks {
            firsts.append(total)
            total += c.reports
        }
        let starts = firsts
        guard total <= bytes.count else { throw SnapshotFormatError(offset: 0, reason: "report count out of range") }
        let shared = SharedRawBytes(bytes)
        let failures = FirstFailure<SnapshotFormatError>()
        var initialized: [Int] = []
        // Room for at least one report, so there is always storage to point the workers at (chunks are
        // still decoded and checked when the footer says zero reports).
        let reports = [Report](unsafeUninitializedCapacity: max(total, 1)) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            let target = SharedSlots(base)
            let done = ParallelLines.map(count: chunks.count, workers: ParallelLines.workers(lines: total)) { i -> Int in
                let c = chunks[i]
                let b = UnsafeRawBufferPointer(rebasing: shared.bytes[c.offset..<(c.offset + c.length)])
                guard CRC32C.checksum(b) == c.crc else {
                    failures.set(SnapshotFormatError(offset: c.offset, reason: "report chunk checksum mismatch"))
                    return 0
                }
                var placed = 0
                do throws(SnapshotFormatError) {
                    try DeskSnapshotCodec.forEachReport(in: b, actors: actors, textSource: textSource) { r throws(SnapshotFormatError) in
                        guard placed < c.reports else {
                            throw SnapshotFormatError(offset: c.offset, reason: "more reports than the footer says")
                        }
                        (target.base + starts[i] + placed).initialize(to: r)
                        placed += 1
                    }
                    if placed != c.reports { throw SnapshotFormatError(offset: c.offset, reason: "fewer reports than the footer says") }
                } catch {
                    failures.set(error)
                }
                return placed
            }
            initialized = Array(done.joined())
            if failures.value == nil {
                count = total
            } else {
                // Undo the partial work: deinitialize exactly what each chunk placed.
                for (i, placed) in initialized.enumerated() where placed > 0 { (base + starts[i]).deinitialize(count: placed) }
                count = 0
            }
        }
        if let failure = failures.value { throw failure }
        return reports
    }

    // MARK: Writing

    /// Temporary files (`.tmp-PID-N`) left by writers that died mid-write (a console quit while its
    /// background snapshot was being written). A live writer's file is left alone.
    public static func removeAbandonedTemporaries(dataFolder: URL) {
        removeAbandonedTemporaries(in: JournalFolder(dataFolder: dataFolder).cachePath)
    }

    static func removeAbandonedTemporaries(in directory: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(".tmp-") {
            let pidText = name.dropFirst(".tmp-".count).prefix { $0 != "-" }
            guard let pid = Int32(pidText), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            unlink(directory + "/" + name)
        }
    }

    /// Why a snapshot was not written.
    public enum WriteError: Error, CustomStringConvertible {
        /// The desk is not the fold of the journal up to the resume point (events not folded yet).
        case notAtResumePoint(desk: UInt64, journal: UInt64)
        case journal(JournalError)

        public var description: String {
            switch self {
            case let .notAtResumePoint(desk, journal): "desk folded to seq \(desk), journal at \(journal)"
            case let .journal(e): e.description
            }
        }
    }

    /// Writes the snapshot of `desk`, which must be the fold of `journal` up to `resume`, with its inbox
    /// rows computed by `rules`. Returns bytes written. Streams chunk by chunk
    /// (`encode(_:at:programStamp:rules:emit:)`): only one chunk, the actor table, the rows and the footer
    /// are held at a time.
    @discardableResult
    public static func write(_ desk: Desk, at resume: JournalResumePoint, journal: FileJournal,
                             programStamp: String, rules: InboxRowRules) throws(WriteError) -> Int {
        guard desk.lastSeq == resume.lastSeq else { throw .notAtResumePoint(desk: desk.lastSeq, journal: resume.lastSeq) }
        let folder = journal.folder
        var written = 0
        do throws(JournalError) {
            try folder.createDirectory(folder.cachePath)
            removeAbandonedTemporaries(in: folder.cachePath)
            try folder.replaceFile(path(in: folder)) { write in
                encode(desk, at: resume, programStamp: programStamp, rules: rules) { part in
                    written += part.count
                    return write(part)
                }
            }
        } catch {
            throw .journal(error)
        }
        return written
    }

    /// The snapshot file's bytes, in the parts they are written in (never joined: hundreds of MB).
    public static func encode(_ desk: Desk, at resume: JournalResumePoint, programStamp: String,
                              rules: InboxRowRules) -> [[UInt8]] {
        var parts: [[UInt8]] = []
        encode(desk, at: resume, programStamp: programStamp, rules: rules) { parts.append($0); return 0 }
        return parts
    }

    /// Hands the file's bytes to `emit` part by part, in file order: the magic, each report chunk as it
    /// is encoded, the actor table, the desk section, the inbox rows, the footer. Stops at the first
    /// non-zero `emit` result (an errno) and returns it; 0 when all was emitted.
    @discardableResult
    static func encode(_ desk: Desk, at resume: JournalResumePoint, programStamp: String, rules: InboxRowRules,
                       emit: ([UInt8]) -> Int32) -> Int32 {
        var table: [Section] = []
        var offset = magic.count
        var failure: Int32 = emit(magic)
        func place(_ bytes: [UInt8], reports: Int) -> Bool {
            guard failure == 0 else { return false }
            table.append(Section(offset: offset, length: bytes.count, crc: CRC32C.checksum(bytes), reports: reports))
            offset += bytes.count
            failure = emit(bytes)
            return failure == 0
        }
        guard failure == 0, let rest = DeskSnapshotCodec.encode(desk, rules: rules, chunk: place),
              place(rest.actors, reports: 0), place(rest.desk, reports: 0), place(rest.inboxRows, reports: desk.count)
        else { return failure }
        // Footer order: desk, actors, inbox rows, then the chunks.
        let ordered = [table[table.count - 2], table[table.count - 3], table[table.count - 1]] + table.dropLast(3)
        var footer = SnapshotWriter()
        footer.fixed32(DeskSnapshotCodec.formatVersion)
        footer.string(programStamp)
        footer.resumePoint(resume)
        footer.count(ordered.count)
        for s in ordered {
            footer.count(s.offset)
            footer.count(s.length)
            footer.fixed32(s.crc)
            footer.count(s.reports)
        }
        var end = SnapshotWriter()
        end.fixed32(UInt32(footer.bytes.count))
        end.fixed32(CRC32C.checksum(footer.bytes))
        end.append(magic)
        let e = emit(footer.bytes)
        return e != 0 ? e : emit(end.bytes)
    }
}

/// A mapped snapshot whose footer has been read (see `ProjectionSnapshot.open`); unmapped when released.
public final class MappedSnapshot: @unchecked Sendable {
    /// Where the snapshot stands in the journal: give it to `FileJournal.open(resume:)`.
    public let resume: JournalResumePoint
    public let path: String
    let bytes: UnsafeRawBufferPointer
    let sections: [ProjectionSnapshot.Section]
    private let release: () -> Void

    init(bytes: UnsafeRawBufferPointer, resume: JournalResumePoint, sections: [ProjectionSnapshot.Section], path: String,
         release: @escaping () -> Void) {
        self.bytes = bytes
        self.resume = resume
        self.sections = sections
        self.path = path
        self.release = release
    }

    deinit { release() }

    /// Checks every section's checksum and decodes the desk (both cores): the costly part of a start.
    /// `textSource` is the journal the snapshot was checked against: bodies left there are read from it.
    public func desk(textSource: any StoredTextSource) throws(SnapshotFormatError) -> Desk {
        try ProjectionSnapshot.desk(bytes, sections: sections, resume: resume, textSource: textSource)
    }

    /// The key of the deadline rules the inbox rows were computed with (the section's first string; not
    /// checked against its checksum, so only for deciding whether to use or rewrite them).
    public func inboxRowsKey() throws(SnapshotFormatError) -> String {
        let s = sections[2]
        var r = SnapshotReader(UnsafeRawBufferPointer(rebasing: bytes[s.offset..<(s.offset + s.length)]))
        return try r.string()
    }

    /// Every report's inbox row, or nil when they were computed with other deadline rules than
    /// `rulesKey` names. Cheap next to `desk`: rows are small and hold no report text.
    public func inboxSeed(rulesKey: String, spareRows: Int = 0) throws(SnapshotFormatError) -> InboxSeed? {
        let seed = try DeskSnapshotCodec.decodeInboxRows(try ProjectionSnapshot.checked(bytes, sections[2]), rulesKey: rulesKey,
                                                         spareRows: spareRows)
        guard let seed else { return nil }
        guard seed.count == sections.dropFirst(3).reduce(0, { $0 + $1.reports }) else {
            throw SnapshotFormatError(offset: sections[2].offset, reason: "inbox rows do not match the report chunks")
        }
        return seed
    }

    /// The reports at `locations` (from `inboxSeed`), each chunk they lie in checked once: what a first
    /// frame shows, without decoding the rest.
    public func reports(at locations: [SnapshotReportLocation], textSource: any StoredTextSource) throws(SnapshotFormatError) -> [Report] {
        let actors = try DeskSnapshotCodec.decodeActors(try ProjectionSnapshot.checked(bytes, sections[1]))
        let chunks = Array(sections.dropFirst(3))
        var checkedChunks: [Int: UnsafeRawBufferPointer] = [:]
        var out: [Report] = []
        for location in locations {
            guard location.chunk >= 0, location.chunk < chunks.count else {
                throw SnapshotFormatError(offset: sections[2].offset, reason: "inbox row names chunk \(location.chunk) of \(chunks.count)")
            }
            let chunk: UnsafeRawBufferPointer
            if let known = checkedChunks[location.chunk] {
                chunk = known
            } else {
                chunk = try ProjectionSnapshot.checked(bytes, chunks[location.chunk])
                checkedChunks[location.chunk] = chunk
            }
            out.append(try DeskSnapshotCodec.report(in: chunk, at: location.offset, actors: actors, textSource: textSource))
        }
        return out
    }

    /// The desk section's bookkeeping around `reports` (a desk of only these reports, for a first frame).
    public func partialDesk(_ reports: [Report]) throws(SnapshotFormatError) -> Desk {
        try DeskSnapshotCodec.desk(reports: reports, deskSection: try ProjectionSnapshot.checked(bytes, sections[0]))
    }
}

extension SnapshotWriter {
    mutating func resumePoint(_ p: JournalResumePoint) {
        varint(p.lastSeq)
        count(p.segments.count)
        for s in p.segments {
            count(s.number)
            count(s.end)
            count(s.lines)
            varint(s.firstSeq ?? 0)
            varint(s.lastSeq ?? 0)
            count(s.trailer.count)
            append(s.trailer)
            varint(s.digest)
        }
        count(p.marked.count)
        for m in p.marked {
            count(m.segment)
            count(m.offset)
            fixed32(m.checksum)
            byte(m.kind.rawValue)
        }
        count(p.missing.count)
        for range in p.missing {
            varint(range.lowerBound)
            varint(range.upperBound)
        }
        string(p.acknowledgements)
    }
}

extension SnapshotReader {
    mutating func resumePoint() throws(SnapshotFormatError) -> JournalResumePoint {
        let lastSeq = try varint()
        let n = try count()
        var segments: [JournalResumePoint.Segment] = []
        for _ in 0..<n {
            let number = try count(max: Int(Int32.max))
            let end = try count(max: Int.max)
            let lines = try count(max: Int.max)
            let first = try varint()
            let last = try varint()
            let trailerLength = try count(max: JournalResumePoint.trailerLength)
            var trailer: [UInt8] = []
            for _ in 0..<trailerLength { trailer.append(try byte()) }
            let digest = try varint()
            segments.append(JournalResumePoint.Segment(
                number: number, end: end, lines: lines, firstSeq: first == 0 ? nil : first, lastSeq: last == 0 ? nil : last,
                trailer: trailer, digest: digest))
        }
        var marked: [JournalResumePoint.MarkedLine] = []
        for _ in 0..<(try count()) {
            let segment = try count(max: Int(Int32.max))
            let offset = try count(max: Int.max)
            let checksum = try fixed32()
            guard let kind = JournalResumePoint.MarkedLine.Kind(rawValue: try byte()) else {
                throw SnapshotFormatError(offset: 0, reason: "unknown kind of marked line")
            }
            marked.append(.init(segment: segment, offset: offset, checksum: checksum, kind: kind))
        }
        var missing: [ClosedRange<UInt64>] = []
        for _ in 0..<(try count()) {
            let low = try varint()
            let high = try varint()
            guard low <= high else { throw SnapshotFormatError(offset: 0, reason: "missing range out of order") }
            missing.append(low...high)
        }
        let acknowledgements = try string()
        return JournalResumePoint(segments: segments, lastSeq: lastSeq, marked: marked, missing: missing, acknowledgements: acknowledgements)
    }
}
