import Complaints
import Foundation

extension ConsoleReducer {
    /// Folds the search text of a big desk on the other core after the first frame, so the first letter
    /// typed into a search does not wait for it (small desks fold it on first use; the result is the same).
    static func prepareSearchInBackground(_ s: ConsoleState) {
        guard s.desk.count >= 20_000 else { return }
        let index = s.inboxIndex
        let desk = s.desk
        DispatchQueue.global(qos: .utility).async { index.prepareSearch(desk) }
    }
}
