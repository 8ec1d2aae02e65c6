import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileJournal {
    public func append(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        try beginWrite()
        defer { fileLock.unlock() }
        // Caught up before the undelivered are taken: a catch-up that refuses keeps them for `poll`.
        let fresh = try catchUp()
        let caughtUp = takeUndelivered() + fresh
        let newEntries = try decide(caughtUp)
        return try write(newEntries, rollWithinBatch: false)
    }

    public func appendBatch(_ entries: [NewEntry]) throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        try beginWrite()
        defer { fileLock.unlock() }
        undelivered += try catchUp()
        return try write(entries, rollWithinBatch: true)
    }

    /// Bulk import with the catch-up protocol of `append`: `decide` sees concurrent entries first.
    public func appendBatch(_ decide: ([JournalEntry]) throws -> [NewEntry]) throws -> [JournalEntry] {
        mutex.lock()
        defer { mutex.unlock() }
        try beginWrite()
        defer { fileLock.unlock() }
        // Caught up before the undelivered are taken: a catch-up that refuses keeps them for `poll`.
        let fresh = try catchUp()
        let caughtUp = takeUndelivered() + fresh
        let newEntries = try decide(caughtUp)
        return try write(newEntries, rollWithinBatch: true)
    }

    /// Checks the mode and takes the exclusive lock (caller unlocks). After a snapshot start, not before the
    /// check of the snapshot's lines is done; its finding then stops the write like any damage.
    private func beginWrite() throws(JournalError) {
        guard mode == .writer else { throw .readOnly(reason: "journal opened read-only") }
        awaitSnapshotRegionCheck()
        if let changed = snapshotRegionDamage.value { throw .readOnly(reason: "journal damaged: \(changed)") }
        try lockFile(exclusive: true, timeout: options.lockTimeout)
    }

    /// Under the exclusive lock: reads what others appended; a torn tail left by a crashed writer is
    /// quarantined and truncated so the next line starts on a fresh line.
    private func catchUp() throws(JournalError) -> [JournalEntry] {
        if let refusal = damageAppendedElsewhere { throw .readOnly(reason: refusal) }
        if nothingAppendedSinceCursor() {
            unrepairedWriteFailure = nil
            return []
        }
        let known = scanner.report.unacknowledgedDescriptions.count
        let (entries, _) = try scanner.advance(ScanPolicy(tail: .truncate, quarantineDamage: true, collect: true))
        // Any half line an earlier failed rollback left behind is now quarantined and gone.
        unrepairedWriteFailure = nil
        // Damage another process appended since (a whole line whose checksum fails, a gap, a duplicate) stops
        // writing as it would at an open: writing on would give the next event the damaged line's sequence
        // number (QA: a console saved two lines numbered 27315). The good lines read are still handed over.
        let findings = scanner.report.unacknowledgedDescriptions
        if findings.count > known, let damage = findings.last {
            undelivered += entries
            damageAppendedElsewhere = "journal damaged: \(damage); run `lapor-desk check --repair`"
        }
        if let refusal = damageAppendedElsewhere { throw .readOnly(reason: refusal) }
        return entries
    }

    /// True when no process appended since our cursor: the open append descriptor is the cursor's
    /// segment, its size is still the cursor and no later segment exists. One `fstat` and one `stat`
    /// instead of opening and reading the segment, on every officer action. (A segment replaced behind
    /// our back is refused by `checkIdentity` before the write.)
    private func nothingAppendedSinceCursor() -> Bool {
        guard let current = appendDescriptor, current.segment == scanner.cursorSegment else { return false }
        var info = stat()
        guard fstat(current.fd, &info) == 0, Int(info.st_size) == scanner.cursorOffset else { return false }
        return !JournalFolder.exists(folder.segmentPath(current.segment + 1))
    }

    /// Encodes, writes, syncs; on any failure truncates every touched segment back and throws.
    private func write(_ newEntries: [NewEntry], rollWithinBatch: Bool) throws -> [JournalEntry] {
        guard !newEntries.isEmpty else { return [] }
        var batch = try EnvelopeEncoder.encodeBatch(newEntries, firstSeq: scanner.nextSeq)
        let chunks = rollWithinBatch ? chunked(batch.lines) : [batch.lines.indices]
        let before = scanner
        var touched: [(segment: Int, size: Int)] = []
        do {
            try writeChunks(chunks, of: &batch, touched: &touched)
            return batch.entries
        } catch {
            scanner = before
            // The scanner is rolled back with the write, but a replaced segment stays known: from now on every
            // read stops too, the lines read before no longer match the folder.
            if case let .segmentReplaced(path) = error { scanner.noteReplaced(path) }
            throw rollBack(touched, cause: error)
        }
    }

    /// One `write(2)` per chunk (a range of the batch's lines) on the O_APPEND descriptor, rolling
    /// segments between chunks, then `fdatasync`. Sets each entry's position in place and records
    /// touched segments (with their old sizes) for the rollback.
    private func writeChunks(
        _ chunks: [Range<Int>], of batch: inout EnvelopeEncoder.EncodedBatch, touched: inout [(segment: Int, size: Int)]
    ) throws(JournalError) {
        for chunk in chunks {
            let byteCount = batch.lines[chunk].reduce(0) { $0 + $1.count }
            var segment = scanner.cursorSegment
            var size = scanner.cursorOffset
            if size > 0, size + byteCount > options.segmentSizeLimit {
                if let current = appendDescriptor, current.segment == segment {
                    try sync(current.fd, segment: segment)
                }
                segment += 1
                size = 0
                scanner.startSegment(segment)
            }
            let fd = try descriptor(for: segment)
            let info = try checkIdentity(fd, segment: segment)
            // A segment this process created or first wrote is watched from now on, as one it read.
            scanner.remember(segment: segment) { FileIdentity(descriptor: fd) }
            try checkSize(info, segment: segment, expected: size)
            if !touched.contains(where: { $0.segment == segment }) { touched.append((segment, size)) }
            var buffer: [UInt8] = []
            buffer.reserveCapacity(byteCount)
            var lineNumber = scanner.cursorLines
            for index in chunk {
                let line = batch.lines[index]
                batch.entries[index].span = EnvelopeEncoder.span(of: line, at: size + buffer.count)
                buffer += line
                lineNumber += 1
                batch.entries[index].position = JournalPosition(segment: segment, line: lineNumber)
            }
            let code = JournalFolder.writeAll(fd, buffer, calls: calls)
            if code != 0 {
                throw .writeFailed(path: folder.segmentPath(segment), operation: "write", errno: code)
            }
            scanner.recordOwnWrite(batch.entries[chunk], segment: segment, newEnd: size + byteCount)
        }
        if let current = appendDescriptor { try sync(current.fd, segment: current.segment) }
    }

    /// Under the lock the segment must end exactly where this instance's reading ended; anything
    /// else means someone wrote without the lock, and appending would misplace every offset. `info` is
    /// the descriptor's `fstat`, taken under the lock just before.
    private func checkSize(_ info: stat, segment: Int, expected: Int) throws(JournalError) {
        guard Int(info.st_size) == expected else {
            throw .invalidLine(
                file: SegmentName.fileName(segment), line: scanner.cursorLines + 1,
                reason: "segment is \(info.st_size) bytes, expected \(expected): written without the journal lock; run `check`")
        }
    }

    private func sync(_ fd: Int32, segment: Int) throws(JournalError) {
        let code = calls.dataSync(fd)
        if code != 0 { throw .writeFailed(path: folder.segmentPath(segment), operation: "fdatasync", errno: code) }
    }

    /// Splits a bulk import into writes of at most `batchWriteBytes` (and at most one segment): ranges
    /// of line indices.
    private func chunked(_ lines: [[UInt8]]) -> [Range<Int>] {
        // Never more than a segment holds, so segments stay within their limit.
        let limit = max(1, min(options.batchWriteBytes, options.segmentSizeLimit))
        var chunks: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, line) in lines.enumerated() {
            if bytes > 0, bytes + line.count > limit {
                chunks.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += line.count
        }
        chunks.append(start..<lines.count)
        return chunks
    }

    /// The O_APPEND descriptor of `segment`, creating the file (0600) and syncing the folder when new.
    private func descriptor(for segment: Int) throws(JournalError) -> Int32 {
        if let current = appendDescriptor {
            if current.segment == segment { return current.fd }
            calls.closeFile(current.fd)
            appendDescriptor = nil
        }
        let path = folder.segmentPath(segment)
        let existed = JournalFolder.exists(path)
        let (fd, openError) = calls.openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .writeFailed(path: path, operation: "open", errno: openError) }
        if !existed {
            do {
                try folder.shareWithDeskGroup(path, isDirectory: false)
                try folder.syncDirectory(folder.journalPath)
            } catch {
                calls.closeFile(fd)
                throw error
            }
        }
        appendDescriptor = (segment, fd)
        return fd
    }

    /// Truncates every touched segment back to its size before the write, so no partial line
    /// stays behind; returns the error to report.
    private func rollBack(_ touched: [(segment: Int, size: Int)], cause: JournalError) -> JournalError {
        var failure: Int32 = 0
        for (segment, size) in touched {
            let path = folder.segmentPath(segment)
            let (fd, openError) = calls.openFile(path, O_WRONLY | O_CLOEXEC, 0)
            guard fd >= 0 else {
                failure = openError
                continue
            }
            var code = calls.truncate(fd, size)
            if code == 0 { code = calls.dataSync(fd) }
            if code != 0 { failure = code }
            calls.closeFile(fd)
        }
        guard failure != 0 else { return cause }
        let (path, operation, code): (String, String, Int32)
        switch cause {
        case let .writeFailed(failedPath, failedOperation, failedCode):
            (path, operation, code) = (failedPath, failedOperation, failedCode)
        default:
            (path, operation, code) = (folder.journalPath, "\(cause)", 0)
        }
        let result = JournalError.writeFailedAndNotRolledBack(
            path: path, operation: operation, errno: code, rollbackErrno: failure)
        unrepairedWriteFailure = result.description
        return result
    }
}
