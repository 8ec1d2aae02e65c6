import Complaints
import Foundation

extension ConsoleReducer {
    /// The first frame and the desk came from the projection snapshot, and the journal lines it stood for
    /// failed their check afterwards: what is on screen may hold events the journal no longer has (QA: a
    /// report shown archived that a cold start shows new and overdue). The console ends and the launcher
    /// reopens it from the journal itself, which then names the damage.
    static func snapshotWasWrong(_ s: inout ConsoleState) -> [ConsoleEffect] {
        var notice = Localized(
            "Jurnal berubah sejak snapshot dibuat; konsol dibuka ulang dari jurnal seluruhnya.",
            en: "The journal changed since the snapshot was taken; the console reopened from the whole journal.")
        if case .form = s.overlay {
            notice = Localized(notice.id + " Isian formulir yang terbuka tidak tersimpan.",
                               en: notice.en + " The form that was open was not saved.")
        }
        s.pendingRequests = 0
        s.reopenNotice = notice
        s.reopenWithoutSnapshot = true
        s.message = StatusMessage(kind: .info, text: s.text(notice))
        s.quitRequested = true
        return [.quit]
    }
}
