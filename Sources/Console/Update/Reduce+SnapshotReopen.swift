import Complaints
import Foundation

extension ConsoleReducer {
    /// The first frame and the desk came from the projection snapshot, and the journal lines it stood for
    /// failed their check afterwards: what is on screen may hold events the journal no longer has (QA: a
    /// report shown archived that a cold start shows new and overdue). The console ends and the launcher
    /// reopens it from the journal itself, which then names the damage.
    static func snapshotWasWrong(_ s: inout ConsoleState) -> [ConsoleEffect] {
        s.reopenWithoutSnapshot = true
        return reopen(&s, saying: Localized(
            "Jurnal berubah sejak snapshot dibuat; konsol dibuka ulang dari jurnal seluruhnya.",
            en: "The journal changed since the snapshot was taken; the console reopened from the whole journal."))
    }

    /// Ends the console for the launcher to open the desk again, with `notice` on the new one (and that a
    /// half-written form was not saved).
    static func reopen(_ s: inout ConsoleState, saying notice: Localized) -> [ConsoleEffect] {
        var notice = notice
        if case .form = s.overlay {
            notice = Localized(notice.id + " Isian formulir yang terbuka tidak tersimpan.",
                               en: notice.en + " The form that was open was not saved.")
        }
        s.pendingRequests = 0
        s.reopenNotice = notice
        s.message = StatusMessage(kind: .info, text: s.text(notice))
        s.quitRequested = true
        return [.quit]
    }
}
