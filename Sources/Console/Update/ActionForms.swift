import Complaints
import Foundation
import TextCanvas

/// The form each desk action opens, and how a filled form becomes domain commands.
enum ActionForms {
    static func text(_ id: String, _ label: String, multiline: Bool = false, required: Bool = false, initial: String = "")
        -> FormField
    {
        var buffer = TextEditBuffer(text: initial)
        buffer.moveEnd()
        return FormField(id: id, label: label, value: .text(buffer, multiline: multiline), required: required)
    }

    static func choice(_ id: String, _ label: String, _ options: [Choice], selected: Int = 0) -> FormField {
        FormField(id: id, label: label, value: .choice(options, selected: max(0, min(selected, options.count - 1))))
    }

    /// A choice with consequences the officer must make: with more than one option it opens on `— pilih … —`
    /// (unless `preselected` names one), which Ctrl-S refuses. QA: the archive, delete and unit forms opened
    /// on their first option, and one Ctrl-S archived, deleted or routed for good.
    static func mustChoose(_ id: String, _ label: String, _ options: [Choice], preselected: String? = nil,
                           placeholder: String) -> FormField {
        if let preselected, let index = options.firstIndex(where: { $0.id == preselected }) {
            return FormField(id: id, label: label, value: .choice(options, selected: index), required: true)
        }
        guard options.count > 1 else { return FormField(id: id, label: label, value: .choice(options, selected: 0), required: true) }
        return FormField(id: id, label: label, value: .choice([Choice(id: "", label: placeholder)] + options, selected: 0), required: true)
    }

    static func form(for kind: CommandKind, targets: [ReportID], state s: ConsoleState) -> FormState? {
        let l = s.language
        func t(_ id: String, _ en: String) -> String { Localized(id, en: en).text(l) }
        guard let first = targets.first, let r = s.desk[first] else { return nil }
        let many = targets.count > 1
        // The delete form offers more reasons than spam: its title does not name one.
        let label = kind == .delete ? Localized("Hapus laporan", en: "Delete report") : kind.label
        let title = s.text(label) + (many ? " — \(targets.count) " + t("laporan", "reports") : " — #\(first)")
        var fields: [FormField] = []
        var explanation: [String] = []
        switch kind {
        case .postpone:
            fields = [text("question", t("Pertanyaan untuk pelapor", "Question for the reporter"), multiline: true, required: true)]
            explanation = [t("Jam verifikasi berhenti sampai pelapor menjawab.", "The verification clock stops until the reporter answers.")]
        case .reporterReply:
            fields = [text("text", t("Jawaban pelapor", "Reporter's reply"), multiline: true, required: true)]
        case .archive:
            let reasons = (r.status == .tunda ? [ArchiveReason.tanpaJawabanPelapor]
                : ArchiveReason.allCases.filter { $0 != .tanpaJawabanPelapor })
            fields = [
                // A report linked as a duplicate (D) opens on that reason; any other asks for one.
                mustChoose("reason", t("Alasan", "Reason"), reasons.map { Choice(id: $0.rawValue, label: $0.label.text(l)) },
                           preselected: r.duplicateOf == nil || many ? nil : ArchiveReason.duplikat.rawValue,
                           placeholder: t("— pilih alasan —", "— choose a reason —")),
                // A duplicate link made earlier (D) fills it in (QA: it had to be typed again).
                text("duplicate_of", t("Nomor laporan asli (jika duplikat)", "Original report number (if duplicate)"),
                     initial: r.duplicateOf?.rawValue ?? ""),
                text("note", t("Catatan", "Note"), multiline: true),
            ]
        case .delete:
            fields = [
                mustChoose("reason", t("Alasan", "Reason"), DeleteReason.allCases.map { Choice(id: $0.rawValue, label: $0.label.text(l)) },
                           placeholder: t("— pilih alasan —", "— choose a reason —")),
                text("note", t("Catatan", "Note")),
            ]
            explanation = [t("Laporan disembunyikan dari semua antrean; jurnal tetap menyimpannya.",
                             "The report is hidden from every queue; the journal keeps it.")]
        case .assignUnit:
            let units = s.env.agencies.first { $0.id == r.agency }?.units ?? []
            guard !units.isEmpty else {
                fields = [text("unit", t("Kode unit kerja", "Work unit id"), required: true)]
                break
            }
            // The unit of the most specific matching rule that names this agency (QA: the list opened on its
            // first unit, and Ctrl-S saved whatever was showing; then, a province's report that a regency
            // rule won opened on the province's first unit too).
            let proposed = r.agency.flatMap { s.env.propose(r)?.unitsByAgency[$0] }
            // No rule knows the unit: the officer picks one, rather than Ctrl-S saving the first on the list.
            fields = [mustChoose("unit", t("Unit kerja", "Work unit"), units.map { Choice(id: $0.id, label: $0.name) },
                                 preselected: proposed, placeholder: t("— pilih unit —", "— choose a unit —"))]
        case .sendBack:
            fields = [text("reason", t("Alasan bukan wewenang (dilihat pelapor)", "Why it is not your authority (the reporter sees it)"),
                           multiline: true, required: true)]
            // The trail shows it as public (QA: the form did not say so, as the follow-up and reply forms do).
            explanation = [t("Laporan kembali ke Admin Nasional untuk pelimpahan. Alasan ini DILIHAT pelapor.",
                             "The report returns to the national desk to be re-routed. The reporter SEES this reason.")]
        case .followUp:
            fields = [text("text", t("Tindak lanjut (dilihat pelapor)", "Follow-up (the reporter sees it)"), multiline: true, required: true)]
        case .dispute:
            fields = [text("text", t("Sanggahan pelapor", "Reporter's dispute"), multiline: true, required: true)]
        case .accept:
            fields = [text("text", t("Tanggapan pelapor (opsional)", "Reporter's words (optional)"), multiline: true)]
        case .editTitle:
            fields = [text("title", t("Judul (ringkasan)", "Title (summary)"), required: true, initial: r.title)]
            explanation = [t("Judul asli tetap disimpan: ", "The original title is kept: ") + r.originalTitle]
        case .classify:
            let cats = s.env.categories
            let catIndex = cats.firstIndex { $0.name == r.category }
            let subs = catIndex.map { cats[$0].subcategories } ?? []
            // First, "as it is": a report without a topic (or with one the tree does not know) is not given the
            // first topic listed when only its classification is changed (QA: it was saved as Kependudukan).
            let keep = Choice(id: "", label: catIndex == nil ? r.category.map { "\($0) (\(t("tidak dikenal", "unknown")))" } ?? "-" : "-")
            fields = [
                choice("classification", t("Klasifikasi", "Classification"),
                       Classification.allCases.map { Choice(id: $0.rawValue, label: $0.label.text(l)) },
                       selected: Classification.allCases.firstIndex(of: r.classification) ?? 0),
                cats.isEmpty ? text("category", t("Kategori", "Category"), initial: r.category ?? "")
                    : choice("category", t("Kategori", "Category"), [keep] + cats.map { Choice(id: $0.name, label: $0.name) },
                             selected: catIndex.map { $0 + 1 } ?? 0),
                cats.isEmpty ? text("subcategory", t("Sub-kategori", "Sub-category"), initial: r.subcategory ?? "")
                    : choice("subcategory", t("Sub-kategori", "Sub-category"), [Choice(id: "", label: "-")] + subs.map { Choice(id: $0, label: $0) },
                             selected: (subs.firstIndex { $0 == r.subcategory }).map { $0 + 1 } ?? 0),
            ]
        case .priority:
            fields = [choice("priority", t("Prioritas", "Priority"), Priority.allCases.map { Choice(id: $0.rawValue, label: $0.label.text(l)) },
                             selected: Priority.allCases.firstIndex(of: r.priority) ?? 1)]
        case .tag:
            fields = [text("add", t("Tambah tag (pisahkan dengan koma)", "Add tags (comma separated)")),
                      text("remove", t("Hapus tag", "Remove tags"), initial: "")]
            if !r.tags.isEmpty { explanation = [t("Tag sekarang: ", "Current tags: ") + TagList.shown(r.tags)] }
        case .note:
            fields = [text("text", t("Catatan internal", "Internal note"), multiline: true, required: true)]
            explanation = [t("Catatan internal TIDAK pernah dilihat pelapor.", "Internal notes are NEVER shown to the reporter.")]
        case .reply:
            fields = [text("text", t("Balasan publik", "Public reply"), multiline: true, required: true)]
            explanation = [t("Balasan publik DILIHAT pelapor.", "The reporter SEES public replies.")]
        case .linkDuplicate:
            fields = [text("original", t("Nomor laporan asli", "Original report number"), required: true)]
        case .redact:
            fields = [text("fields", t("Kolom (mis. reporter.nik, reporter.phone)", "Fields (e.g. reporter.nik, reporter.phone)"), required: true),
                      text("reason", t("Dasar hukum", "Legal basis"), required: true)]
        case .dispose, .setFlags, .receive, .autoClose:
            return nil
        }
        var versions: [ReportID: Int] = [:]
        for id in targets { versions[id] = expectedVersion(s, id) }
        return FormState(purpose: .action(kind), title: title, targets: targets, expectedVersions: versions, fields: fields,
                         explanation: explanation)
    }

    static func expectedVersion(_ s: ConsoleState, _ id: ReportID) -> Int? {
        ConsoleReducer.expectedVersion(s, id)
    }

    /// The commands a filled form asks for, or a message naming the missing field.
    /// `currentTags`: the targets' tags now, so a tag holding a comma can be named for removal (`TagList`).
    static func requests(from f: FormState, language l: Language, currentTags: [String] = []) -> Result<[DeskRequest], FormProblem> {
        for field in f.fields where field.required {
            let blank: Bool
            switch field.value {
            case let .text(b, _): blank = b.text.isBlank
            case let .choice(options, selected): blank = !options.indices.contains(selected) || options[selected].id.isEmpty
            }
            if blank {
                return .failure(FormProblem(fieldID: field.id, message: Localized("Harus diisi: \(field.label)",
                                                                                 en: "Required: \(field.label)").text(l)))
            }
        }
        guard case let .action(kind) = f.purpose else { return .success([]) }
        func list(_ s: String) -> [String] {
            s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let command: Command
        switch kind {
        case .postpone: command = .postpone(question: f.text("question"))
        case .reporterReply: command = .recordReporterReply(text: f.text("text"), attachments: [])
        case .archive:
            let reason = f.choice("reason").flatMap(ArchiveReason.init(rawValue:)) ?? .terlaluUmum
            let dup = f.text("duplicate_of").trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
            command = .archive(reason: reason, note: f.text("note"), duplicateOf: dup.isEmpty ? nil : ReportID(dup))
        case .delete:
            command = .delete(reason: f.choice("reason").flatMap(DeleteReason.init(rawValue:)) ?? .spam, note: f.text("note"))
        case .assignUnit:
            command = .assignToUnit(unit: f.choice("unit") ?? f.text("unit").trimmingCharacters(in: .whitespaces))
        case .sendBack: command = .sendBack(reason: f.text("reason"))
        case .followUp: command = .postFollowUp(text: f.text("text"), attachments: [])
        case .dispute: command = .recordDispute(text: f.text("text"))
        case .accept: command = .recordAcceptance(text: f.text("text"))
        case .editTitle: command = .editTitle(f.text("title").trimmingCharacters(in: .whitespacesAndNewlines))
        case .classify:
            let c = f.choice("classification").flatMap(Classification.init(rawValue:))
            let cat = f.choice("category") ?? f.text("category")
            let sub = f.choice("subcategory") ?? f.text("subcategory")
            command = .classify(classification: c, category: cat.isEmpty ? nil : cat, subcategory: sub.isEmpty ? nil : sub)
        case .priority: command = .setPriority(f.choice("priority").flatMap(Priority.init(rawValue:)) ?? .normal)
        case .tag: command = .tag(add: TagList.parse(f.text("add")), remove: TagList.parse(f.text("remove"), existing: currentTags))
        case .note: command = .addNote(f.text("text"))
        case .reply: command = .postReply(f.text("text"))
        case .linkDuplicate:
            command = .linkDuplicate(original: ReportID(f.text("original").trimmingCharacters(in: CharacterSet(charactersIn: "# "))))
        case .redact: command = .redact(fields: list(f.text("fields")), reason: f.text("reason"))
        case .dispose, .setFlags, .receive, .autoClose: return .success([])
        }
        // A note or a reply adds to the report whatever happened to it meanwhile: no version to be stale against
        // (QA: a note was refused again and again after someone tagged the report).
        let additive: Bool = switch command {
        case .addNote, .postReply: true
        default: false
        }
        return .success(f.targets.map { DeskRequest(reportID: $0, command: command, expectedVersion: additive ? nil : f.expectedVersions[$0]) })
    }
}

struct FormProblem: Error, Sendable, Hashable {
    var fieldID: String
    var message: String
}
