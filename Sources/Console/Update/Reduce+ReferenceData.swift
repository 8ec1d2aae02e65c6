import Complaints
import Foundation

extension ConsoleReducer {
    /// New reference data (an agency, unit, topic or routing rule edited under the console): the routing
    /// pane, the forms and the proposal use it from now on, and the officer is told. Files read with
    /// mistakes are refused with the first one (file and line); the reference data in use stays.
    static func applyReferenceData(_ s: inout ConsoleState, _ change: ReferenceChange) {
        switch change {
        case let .reloaded(reference):
            s.env.adopt(reference)
            // Rows show agency names; a filter may name an agency that is now spelled differently.
            refreshInbox(&s)
            s.message = StatusMessage(kind: .info, text: s.text(Localized(
                "Data referensi (instansi, kategori, aturan rute) diubah: usulan rute dan formulir memakai yang baru.",
                en: "The reference data (agencies, topics, routing rules) changed: routing proposals and forms use the new data.")))
        case let .refused(messages):
            let summary = refusedFilesSummary(messages)
            s.message = StatusMessage(kind: .error, text: s.text(Localized(
                "referensi/ tidak terbaca, data referensi lama tetap dipakai: " + summary,
                en: "referensi/ not read, the previous reference data stays in use: " + summary)))
        }
    }
}
