import Foundation

extension FileJournal {
    /// Takes acknowledgements `check --repair` wrote from another process since this journal last read the
    /// registry: the findings they name stop holding the desk read-only here too (QA: a console stayed
    /// "JURNAL RUSAK" after the repair was done in another shell, with no hint to restart). Called under
    /// `mutex` by `poll`; one `stat` when nothing changed.
    func takeAcknowledgementsMadeElsewhere() {
        let stamp = FileStamp.line(folder.acknowledgedPath)
        guard stamp != acknowledgementsStamp else { return }
        acknowledgementsStamp = stamp
        guard let registry = try? AcknowledgedDamage.load(from: folder.acknowledgedPath) else { return }
        scanner.acknowledged.formUnion(registry.keys)
        for id in registry.reportIDs where !acknowledgedReportIDs.contains(id) { acknowledgedReportIDs.append(id) }
        scanner.seqNamedByDamage = max(scanner.seqNamedByDamage, registry.maxSeq)
        scanner.report.markAcknowledged(scanner.acknowledged)
    }
}
