import Complaints
import Foundation

extension ConsoleReducer {
    /// New reference data (an agency, unit, topic or routing rule edited under the console): the routing
    /// pane, the forms and the proposal use it from now on, and the officer is told. Files read with
    /// mistakes are refused with the first one (file and line); the reference data in use stays.
    static func applyReferenceData(_ s: inout ConsoleState, _ change: ReferenceChange) {
        switch change {
        case let .reloaded(reference):
            // The routing pane's highlight follows its agency, not its row: an agency added above it moved
            // the row under the officer's Enter (QA: a report disposed to the agency just added).
            let before = routingCandidates(s)
            let chosen = s.routing.isOpen && before.indices.contains(s.routing.cursor) ? before[s.routing.cursor] : nil
            s.env.adopt(reference)
            var lost = false
            if let chosen {
                if let row = routingCandidates(s).firstIndex(where: { $0.agencyID == chosen.agencyID }) {
                    s.routing.cursor = row
                } else {
                    // Closed as Esc closes it: left open, the next Enter disposed to whatever row took the
                    // highlight (QA: the proposal), though the officer had chosen another agency.
                    s.routing.cursor = 0
                    s.routing.picked = false
                    if s.focus == .routing { back(&s) }
                    s.routing.isOpen = false
                    lost = true
                }
            }
            // The inbox is not listed again: its rows hold agency ids, and names are looked up as they are drawn.
            var text = Localized(
                "Data referensi (instansi, kategori, aturan rute) diubah: usulan rute dan formulir berikutnya memakai yang baru.",
                en: "The reference data (agencies, topics, routing rules) changed: routing proposals and the next forms use the new data.")
            if lost {
                text.id += " Instansi yang dipilih di panel rute tidak ada lagi: panel rute ditutup, buka lagi (d) dan pilih lagi."
                text.en += " The agency chosen in the routing pane is gone: the routing pane was closed; open it again (d) and choose again."
            }
            // An agency taken out of the directory while reports still wait at it (QA: accepted without a word).
            let known = Set(s.env.agencies.map(\.id))
            var stranded = 0
            s.desk.all.withUnsafeBufferPointer { reports in
                for r in reports.indices where reports[r].status.isOpen {
                    if let agency = reports[r].agency, !known.contains(agency) { stranded += 1 }
                }
            }
            if stranded > 0 {
                text.id += " \(stranded) laporan terbuka ada pada instansi yang tidak lagi terdaftar: disposisikan ulang."
                text.en += " \(stranded) open reports are at an agency no longer listed: dispose them again."
            }
            if case .form = s.overlay {
                text.id += " Formulir yang terbuka masih memakai daftar lama: tutup (Esc) lalu buka lagi."
                text.en += " The open form still lists the old choices: close it (Esc) and open it again."
            }
            s.message = StatusMessage(kind: .info, text: s.text(text))
        case let .refused(messages):
            let summary = refusedFilesSummary(messages)
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "Perubahan referensi/ ditolak, data referensi lama tetap dipakai: " + summary,
                en: "The change to referensi/ was refused, the previous reference data stays in use: " + summary)))
        }
    }
}
