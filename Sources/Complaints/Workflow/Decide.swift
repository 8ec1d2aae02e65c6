import Foundation

/// The rules of the workflow. `decide` is the only place they live: it turns a command into the events
/// that record it, or a refusal that says why in words.
public enum Workflow {
    /// Whether the command makes sense for the report's current state (ignoring role and scope). Used to
    /// decide which actions to offer.
    public static func isApplicable(_ kind: CommandKind, to r: Report) -> Bool {
        switch kind {
        case .receive: false
        case .dispose: r.status == .baru || r.returned != nil
        case .postpone: r.status == .baru && r.returned == nil
        // Not once a follow-up is posted: the reporter's answer to it then either accepts it or disputes it
        // (domain.md draws nothing else), and a plain reply left the auto-close clock running (QA: a report
        // whose reporter wrote "not fixed yet" closed itself as *selesai* days later).
        case .reporterReply: r.status.isOpen && r.status != .ditindaklanjuti
        case .archive: r.status == .baru || r.status == .tunda || r.returned != nil
        // Only from baru, as domain.md draws it: not from tunda, and not a report sent back as *bukan wewenang*
        // (verified once already, so not spam; it is re-disposed, or archived when no agency has authority).
        case .delete: r.status == .baru
        // Also while `diproses`: an agency that passed the report to the wrong unit passes it on (QA: the
        // unit could never change once chosen); the agency's follow-up deadline runs on.
        case .assignUnit: (r.status == .terdisposisi || r.status == .diproses) && r.returned == nil && r.agency != nil
        case .sendBack: (r.status == .terdisposisi || r.status == .diproses) && r.returned == nil && r.agency != nil
        case .followUp: r.status == .diproses
        case .dispute, .accept, .autoClose: r.status == .ditindaklanjuti
        case .editTitle, .classify, .setFlags, .tag, .priority, .linkDuplicate, .reply: r.status != .dihapus
        case .note, .redact: true
        }
    }

    /// What to do instead, where an action that does not apply has an obvious replacement (said by the
    /// console and the command line alike).
    public static func guidance(_ kind: CommandKind, on r: Report) -> Localized? {
        guard kind == .reporterReply, r.status == .ditindaklanjuti else { return nil }
        let (accept, dispute) = (CommandKind.accept.label, CommandKind.dispute.label)
        return Localized(
            "Tindak lanjut sudah dikirim: catat jawaban pelapor dengan '\(accept.id)' (puas; laporan selesai) atau '\(dispute.id)' (belum selesai; kembali ke instansi), beserta isinya.",
            en: "A follow-up was posted: record the reporter's answer with '\(accept.en)' (satisfied; the report closes) or '\(dispute.en)' (not resolved; back to the agency), with its text.")
    }

    /// Decides a command against the report it targets (`nil` only for `.receive`).
    public static func decide(_ command: Command, report: Report?, context ctx: DecisionContext) throws(Refusal)
        -> [DomainEvent]
    {
        let op = ctx.actor
        if let refusal = notAllowed(command.kind, for: op.role) { throw refusal }
        if case let .receive(intake) = command {
            guard report == nil else {
                throw Refusal(.alreadyExists, Localized("Laporan dengan nomor ini sudah ada.",
                                                        en: "A report with this number already exists."))
            }
            return [.received(try validated(intake, ctx))]
        }
        guard let r = report else {
            throw Refusal.unknownReport
        }
        guard Access.canSee(r, by: op) else {
            // Worded as a report that does not exist (QA: "not in your queue (another agency or unit)" told an
            // agency's officer which numbers were real, while `show` answered both alike).
            throw Refusal(.outOfScope, Refusal.notInView)
        }
        if let expected = ctx.expectedVersion, expected > r.version {
            // A version the report never had is a mistake in the request, not a change by someone else (QA).
            throw Refusal(.stale, Localized(
                "Laporan #\(r.id) belum pernah mencapai versi \(expected) (sekarang \(r.version)). Periksa nomor versinya.",
                en: "Report #\(r.id) has never been at version \(expected) (it is at \(r.version)). Check the version number."))
        }
        if let expected = ctx.expectedVersion, expected != r.version {
            throw Refusal(.stale, Localized(
                "Laporan #\(r.id) telah berubah sejak Anda membukanya (versi \(expected), sekarang \(r.version)). Periksa perubahan lalu ulangi.",
                en: "Report #\(r.id) changed since you opened it (version \(expected), now \(r.version)). Review the change and try again."))
        }
        if let refusal = notApplicable(command.kind, to: r) { throw refusal }
        return try decideOnReport(command, r, ctx)
    }

    /// Why `role` may not use `kind` at all, or nil when it may: the refusal `decide` gives, also for a
    /// caller that refuses a whole run before its first command (`import` as a pengamat).
    public static func notAllowed(_ kind: CommandKind, for role: Role) -> Refusal? {
        guard !Access.commands(for: role).contains(kind) else { return nil }
        return Refusal(.notAllowedForRole, Localized("Peran \(role.rawValue) tidak boleh melakukan '\(kind.label.id)'.",
                                                     en: "The role \(role.rawValue) may not use '\(kind.label.en)'."))
    }

    /// Why `kind` does not apply to the report in its state (`isApplicable`), or nil when it does: the refusal
    /// `decide` gives, also for a caller that cannot build the command first (`act … dispose` without an
    /// agency, where no rule proposes one).
    public static func notApplicable(_ kind: CommandKind, to r: Report) -> Refusal? {
        guard !isApplicable(kind, to: r) else { return nil }
        if let guidance = guidance(kind, on: r) { return Refusal(.invalidTransition, guidance) }
        return Refusal(.invalidTransition, Localized(
            "'\(kind.label.id)' tidak dapat dilakukan pada laporan berstatus \(r.status.label.id)\(r.returned != nil ? " (dikembalikan)" : "").",
            en: "'\(kind.label.en)' is not possible for a report that is \(r.status.label.en)\(r.returned != nil ? " (sent back)" : "")."))
    }

    private static func decideOnReport(_ command: Command, _ r: Report, _ ctx: DecisionContext) throws(Refusal)
        -> [DomainEvent]
    {
        switch command {
        case .receive:
            return []
        case let .dispose(agency, given, rule, note):
            let unit = try checkAgency(agency, unit: given, ctx)
            if let back = r.returned {
                // Every agency that ever sent it back, not only the last (QA: the report went back to the
                // first one, which had already refused it, and ping-ponged).
                let refused = Set(r.dispositions.compactMap(\.fromAgency)).union([back.agency])
                guard !refused.contains(agency) else {
                    throw Refusal(.invalidValue, Localized(
                        "\(ctx.directory.agencyName(agency) ?? agency) sudah menyatakan bukan wewenangnya: pilih instansi lain.",
                        en: "\(ctx.directory.agencyName(agency) ?? agency) already said it is not its authority: pick another agency."))
                }
                return [.disposed(Disposition(agency: agency, unit: unit, kind: .pelimpahan, fromAgency: back.agency,
                                              rule: rule, note: nonEmpty(note)))]
            }
            return [.disposed(Disposition(agency: agency, unit: unit, kind: .disposisi, rule: rule, note: nonEmpty(note)))]
        case let .postpone(question):
            return [.postponed(question: try required(question, what: "pertanyaan untuk pelapor", en: "question for the reporter"))]
        case let .recordReporterReply(text, attachments):
            return [.reporterReplied(text: try required(text, what: "isi jawaban", en: "reply text"), attachments: attachments)]
        case let .archive(reason, note, duplicateOf):
            if reason == .duplikat {
                guard let original = duplicateOf else {
                    throw Refusal(.duplicateNeedsOriginal, Localized(
                        "Arsip sebagai duplikat harus menyebut nomor laporan aslinya.",
                        en: "Archiving as a duplicate must name the original report."))
                }
                try checkOriginal(original, of: r, ctx)
            }
            if r.status == .tunda && reason != .tanpaJawabanPelapor {
                throw Refusal(.invalidTransition, Localized(
                    "Laporan yang ditunda hanya dapat diarsipkan dengan alasan 'pelapor tidak melengkapi informasi'.",
                    en: "A postponed report can only be archived because the reporter never supplied the information."))
            }
            if reason == .tanpaJawabanPelapor {
                guard r.status == .tunda else {
                    throw Refusal(.invalidTransition, Localized(
                        "Alasan ini hanya untuk laporan yang ditunda.", en: "This reason is only for postponed reports."))
                }
                if let d = ctx.deadlines, !d.isPostponementExpired(r, now: ctx.now) {
                    throw Refusal(.notYetDue, Localized(
                        "Pelapor masih punya waktu menjawab (\(d.limits.postponement) hari kerja sejak ditunda).",
                        en: "The reporter still has time to answer (\(d.limits.postponement) working days from the postponement)."))
                }
            }
            if reason != .duplikat && duplicateOf != nil {
                throw Refusal(.invalidValue, Localized("Nomor laporan asli hanya untuk alasan duplikat.",
                                                       en: "An original report is only named for duplicates."))
            }
            return [.archived(reason: reason, note: nonEmpty(note), duplicateOf: duplicateOf)]
        case let .delete(reason, note):
            return [.deleted(reason: reason, note: nonEmpty(note))]
        case let .assignToUnit(given):
            guard let agency = r.agency else { return [] }
            let unit = try checkUnit(given, of: agency, ctx)
            if unit == r.unit {
                throw Refusal(.invalidValue, Localized("Laporan #\(r.id) sudah di unit kerja ini.",
                                                       en: "Report #\(r.id) is already with this work unit."))
            }
            return [.assignedToUnit(unit: unit)]
        case let .sendBack(reason):
            return [.sentBack(reason: try required(reason, what: "alasan bukan wewenang", en: "reason it is not your authority", code: .missingReason))]
        case let .postFollowUp(text, attachments):
            return [.followedUp(text: try required(text, what: "isi tindak lanjut", en: "follow-up text"), attachments: attachments)]
        case let .recordDispute(text):
            return [.disputed(text: try required(text, what: "isi sanggahan", en: "dispute text"))]
        case let .recordAcceptance(text):
            return [.accepted(text: nonEmpty(text))]
        case .autoClose:
            if let d = ctx.deadlines, !d.isAutoCloseDue(r, now: ctx.now) {
                throw Refusal(.notYetDue, Localized(
                    "Belum \(d.limits.autoClose) hari kerja sejak tindak lanjut.",
                    en: "\(d.limits.autoClose) working days have not yet passed since the follow-up."))
            }
            return [.autoClosed]
        case let .editTitle(title):
            let t = try required(title, what: "judul", en: "title")
            guard t != r.title else { throw nothingToChange() }
            return [.titleEdited(title: t)]
        case let .classify(classification, category, subcategory):
            // Stored as the topic tree spells them, whatever spelling or id was typed.
            var cat = nonEmpty(category)
            var sub = nonEmpty(subcategory)
            if let cat {
                guard ctx.directory.categoryExists(cat, subcategory: nil) else {
                    throw Refusal(.unknownCategory, Localized("Kategori '\(cat)' tidak dikenal.", en: "Unknown category '\(cat)'."))
                }
            }
            if let sub {
                guard let base = cat ?? r.category, ctx.directory.categoryExists(base, subcategory: sub) else {
                    throw Refusal(.unknownCategory, Localized(
                        "Sub-kategori '\(sub)' tidak ada di kategori \(cat ?? r.category ?? "-").",
                        en: "Sub-category '\(sub)' is not in category \(cat ?? r.category ?? "-")."))
                }
            }
            if let base = cat ?? (sub == nil ? nil : r.category), let canonical = ctx.directory.canonicalCategory(base, subcategory: sub) {
                if cat != nil { cat = canonical.category }
                sub = canonical.subcategory
            }
            let changed = (classification != nil && classification != r.classification)
                || (cat != nil && cat != r.category) || (sub != nil && sub != r.subcategory)
            guard changed else { throw nothingToChange() }
            return [.classified(classification: classification, category: cat, subcategory: sub)]
        case let .setFlags(anonymous, confidential):
            let a = anonymous == r.anonymous ? nil : anonymous
            let c = confidential == r.confidential ? nil : confidential
            guard a != nil || c != nil else { throw nothingToChange() }
            return [.flagsSet(anonymous: a, confidential: c)]
        case let .tag(add, remove):
            let addNew = add.map(trimmed).filter { !$0.isEmpty && !r.tags.contains($0) }
            let removeOld = remove.map(trimmed).filter { r.tags.contains($0) }
            guard !addNew.isEmpty || !removeOld.isEmpty else { throw nothingToChange() }
            return [.tagged(add: addNew, remove: removeOld)]
        case let .setPriority(p):
            guard p != r.priority else { throw nothingToChange() }
            return [.prioritySet(p)]
        case let .addNote(text):
            return [.noteAdded(text: try required(text, what: "catatan", en: "note"))]
        case let .postReply(text):
            return [.replyPosted(text: try required(text, what: "balasan", en: "reply"))]
        case let .linkDuplicate(original):
            try checkOriginal(original, of: r, ctx)
            return [.duplicateLinked(original: original)]
        case let .redact(fields, reason):
            let unknown = fields.filter { !r.isRedactable($0) }
            guard unknown.isEmpty, !fields.isEmpty else {
                throw Refusal(.invalidValue, Localized(
                    "Kolom yang dapat dihapus: \(Report.redactableFields.joined(separator: ", ")), serta kolom tambahan yang dikirim bersama laporan ini.",
                    en: "Fields that can be redacted: \(Report.redactableFields.joined(separator: ", ")), and the extra fields sent with this report."))
            }
            return [.redacted(fields: fields, reason: try required(reason, what: "dasar hukum penghapusan", en: "legal basis", code: .missingReason))]
        }
    }

    // MARK: - Checks

    private static func validated(_ intake: Intake, _ ctx: DecisionContext) throws(Refusal) -> Intake {
        guard !intake.body.isBlank else {
            throw Refusal(.missingText, Localized("Isi laporan kosong.", en: "The report body is empty."))
        }
        if let agency = intake.agency, !ctx.directory.agencyExists(agency) {
            throw Refusal(.unknownAgency, Localized("Instansi '\(agency)' tidak ada di direktori.",
                                                    en: "Agency '\(agency)' is not in the directory."))
        }
        // A day of slack for channel clocks; beyond that deadlines would run from an instant still to come.
        if intake.receivedAt > ctx.now.addingTimeInterval(86400) {
            throw Refusal(.receivedInFuture, Localized("Waktu diterima (\(ISOTime.format(intake.receivedAt))) ada di masa depan.",
                                                       en: "The received time (\(ISOTime.format(intake.receivedAt))) is in the future."))
        }
        // SP4N-LAPOR! began in 2012 and no channel predates 2000: an earlier time is a typo in the year.
        if intake.receivedAt < Workflow.earliestReceived {
            throw Refusal(.receivedLongAgo, Localized("Waktu diterima (\(ISOTime.format(intake.receivedAt))) sebelum tahun 2000: salah ketik tahun?",
                                                      en: "The received time (\(ISOTime.format(intake.receivedAt))) is before 2000: a mistyped year?"))
        }
        // The incident happened before the report about it (a day of slack for time zones); land and
        // pension cases go back decades, but not past 1900 (QA: 2099-01-01 and 0001-01-01 were recorded).
        if let text = intake.incidentDate, let day = ISOTime.parse(text) {
            if day > intake.receivedAt.addingTimeInterval(86400) {
                throw Refusal(.incidentDateImpossible, Localized("Tanggal kejadian (\(text)) sesudah laporan diterima: salah ketik tanggal?",
                                                                 en: "The incident date (\(text)) is after the report was received: a mistyped date?"))
            }
            if day < Workflow.earliestIncident {
                throw Refusal(.incidentDateImpossible, Localized("Tanggal kejadian (\(text)) sebelum tahun 1900: salah ketik tahun?",
                                                                 en: "The incident date (\(text)) is before 1900: a mistyped year?"))
            }
        }
        return intake
    }

    /// 2000-01-01T00:00 where it comes first (UTC+14): a receipt stamped 2000-01-01T00:00:00+07:00 is
    /// from 2000 (QA: it was refused, compared in UTC).
    static let earliestReceived = Date(timeIntervalSince1970: 946_684_800 - 14 * 3600)
    /// 1900-01-01T00:00 where it comes first.
    static let earliestIncident = Date(timeIntervalSince1970: -2_208_988_800 - 14 * 3600)

    /// Refuses an agency or unit the directory does not have; returns the unit's full id.
    private static func checkAgency(_ agency: String, unit: String?, _ ctx: DecisionContext) throws(Refusal) -> String? {
        guard ctx.directory.agencyExists(agency) else {
            throw Refusal(.unknownAgency, Localized("Instansi '\(agency)' tidak ada di direktori.",
                                                    en: "Agency '\(agency)' is not in the directory."))
        }
        guard let unit else { return nil }
        return try checkUnit(unit, of: agency, ctx)
    }

    /// The full id of a unit of `agency` given by its full or local id (see `DirectoryLookup.canonicalUnit`).
    private static func checkUnit(_ unit: String, of agency: String, _ ctx: DecisionContext) throws(Refusal) -> String {
        guard let full = ctx.directory.canonicalUnit(unit, in: agency) else {
            throw Refusal(.unknownUnit, Localized("\(agency) tidak punya unit kerja '\(unit)' di direktori (instansi.toml).",
                                                  en: "\(agency) has no work unit '\(unit)' in the directory (instansi.toml)."))
        }
        return full
    }

    private static func checkOriginal(_ original: ReportID, of r: Report, _ ctx: DecisionContext) throws(Refusal) {
        guard original != r.id else {
            throw Refusal(.invalidValue, Localized("Laporan tidak bisa menjadi duplikat dirinya sendiri.",
                                                   en: "A report cannot duplicate itself."))
        }
        guard let lookup = ctx.report else { return }
        guard let o = lookup(original) else {
            throw Refusal(.unknownReport, Localized("Laporan asli #\(original) tidak ditemukan.",
                                                    en: "Original report #\(original) not found."))
        }
        // QA: a deleted report, or one itself archived as a duplicate, was accepted as the original.
        if o.status == .dihapus {
            throw Refusal(.invalidValue, Localized("Laporan #\(original) dihapus dan tidak bisa menjadi laporan asli.",
                                                   en: "Report #\(original) was deleted and cannot be the original."))
        }
        if let first = o.duplicateOf {
            throw Refusal(.invalidValue, Localized("Laporan #\(original) sendiri duplikat dari #\(first): rujuk #\(first).",
                                                   en: "Report #\(original) is itself a duplicate of #\(first): name #\(first)."))
        }
        // QA: a report others name as their original was itself made a duplicate, building a chain
        // (#12 → #13 → #14) that `show #12` sent the officer along one step at a time.
        if let mine = ctx.duplicates?(r.id).first {
            throw Refusal(.invalidValue, Localized(
                "Laporan #\(r.id) adalah laporan asli bagi #\(mine): jadikan #\(original) duplikat dari #\(r.id), bukan sebaliknya.",
                en: "Report #\(r.id) is the original of #\(mine): make #\(original) a duplicate of #\(r.id) instead."))
        }
    }

    private static func trimmed(_ s: String) -> String { s.trimmingCharacters(in: .whitespacesAndNewlines) }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isBlank else { return nil }
        return s
    }

    private static func required(_ s: String, what: String, en: String, code: Refusal.Code = .missingText) throws(Refusal) -> String {
        guard !s.isBlank else {
            throw Refusal(code, Localized("Harus diisi: \(what).", en: "Required: \(en)."))
        }
        return s
    }

    private static func nothingToChange() -> Refusal {
        Refusal(.nothingToChange, Localized("Tidak ada yang berubah.", en: "Nothing would change."))
    }
}
