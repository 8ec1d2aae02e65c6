import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileJournal {
    /// Re-verifies the whole journal from disk (every line, checksum, envelope and sequence) and
    /// reports what it finds, changing nothing: the engine of `check`.
    public func verify() throws -> RecoveryReport {
        mutex.lock()
        defer { mutex.unlock() }
        try lockFile(exclusive: false, timeout: options.lockTimeout) // names who holds it (QA: `check` did not)
        defer { fileLock.unlock() }
        return try freshScan(ScanPolicy(tail: .report, quarantineDamage: false, collect: false, lookPastMissingSegments: true))
    }

    /// `check --repair`: quarantines torn tails and damaged lines, then records every remaining
    /// finding in `quarantine/acknowledged.jsonl` so later opens treat it as known (still skipped,
    /// still reported, but the journal's health is OK again). Returns the findings, acknowledged.
    public func repair(by who: String? = nil) throws -> RecoveryReport {
        mutex.lock()
        defer { mutex.unlock() }
        guard mode == .writer else { throw JournalError.readOnly(reason: "journal opened read-only") }
        try lockFile(exclusive: true, timeout: options.lockTimeout)
        defer { fileLock.unlock() }
        let (caughtUp, catchUpFindings) = try scanner.advance(ScanPolicy(tail: .truncate, quarantineDamage: true, collect: true))
        undelivered += caughtUp
        var findings = try freshScan(ScanPolicy(tail: .truncate, quarantineDamage: true, collect: false, lookPastMissingSegments: true))
        findings.tornTails = catchUpFindings.tornTails + findings.tornTails
        let pending: [(key: String, description: String, named: AcknowledgedDamage.Named)] =
            findings.damagedLines.filter { !$0.acknowledged }.map { ($0.key, $0.description, $0.named) }
            + findings.gaps.filter { !$0.acknowledged }.map { ($0.key, $0.description, .init()) }
            + findings.duplicates.filter { !$0.acknowledged }.map { ($0.key, $0.description, .init()) }
        if !pending.isEmpty {
            let atText = (try? JournalTimestamp.format(options.now(), utcOffsetSeconds: 0)) ?? ""
            var bytes: [UInt8] = []
            for finding in pending {
                bytes += AcknowledgedDamage.line(key: finding.key, description: finding.description, atText: atText, named: finding.named,
                                                 by: who ?? OSAccount.current())
            }
            try appendAcknowledgements(bytes)
            scanner.acknowledged.formUnion(pending.map(\.key))
            acknowledgedReportIDs += pending.flatMap(\.named.reportIDs)
        }
        findings.markAcknowledged(scanner.acknowledged)
        scanner.report.markAcknowledged(scanner.acknowledged)
        unrepairedWriteFailure = nil
        damageAppendedElsewhere = nil
        scanner.reReadDamage.reset()
        snapshotRegionDamage.reset()
        if !pending.isEmpty {
            // A snapshot may hold events of lines now set aside (its trailer check cannot tell): it is only
            // a cache, so it goes, and the next start folds the journal as repaired.
            unlink(ProjectionSnapshot.path(in: folder))
        }
        return findings
    }

    /// A side-effect-free pass (apart from what `policy` allows) over every segment from the start.
    private func freshScan(_ policy: ScanPolicy) throws(JournalError) -> RecoveryReport {
        let acknowledged = try AcknowledgedDamage.load(from: folder.acknowledgedPath).keys
        let first = try folder.segmentNumbers().first ?? 1
        var fresh = JournalScanner(folder: folder, firstSegment: first, acknowledged: acknowledged, now: options.now)
        _ = try fresh.advance(policy)
        try fresh.reportMissingSegments()
        return fresh.report
    }

    private func appendAcknowledgements(_ bytes: [UInt8]) throws(JournalError) {
        let path = folder.acknowledgedPath
        try folder.createDirectory(folder.quarantinePath)
        let existed = JournalFolder.exists(path)
        let (fd, openError) = calls.openFile(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(operation: "open", path: path, errno: openError) }
        defer { calls.closeFile(fd) }
        if !existed { try folder.shareWithDeskGroup(path, isDirectory: false) }
        // A registry whose last line lost its newline (edited by hand, or an append cut short) gets one first:
        // glued onto that line, the new records could not be read back (QA: "acknowledged", then not).
        var bytes = bytes
        if existed, let current = try? JournalFolder.read(path, from: 0), let last = current.last, last != 0x0A {
            bytes.insert(0x0A, at: 0)
        }
        let code = JournalFolder.writeAll(fd, bytes, calls: calls)
        if code != 0 { throw .io(operation: "write", path: path, errno: code) }
        let syncCode = calls.fullSync(fd)
        if syncCode != 0 { throw .io(operation: "fsync", path: path, errno: syncCode) }
        if !existed { try folder.syncDirectory(folder.quarantinePath) }
    }
}
