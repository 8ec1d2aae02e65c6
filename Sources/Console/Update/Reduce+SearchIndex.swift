import Complaints
import Foundation

extension ConsoleReducer {
    /// Sorts every inbox order and folds the search text of a big desk on the other core after the first
    /// frame, so the first view switch and the first letter typed into a search do not wait for them
    /// (desks under 1,000 reports do it on first use, in well under a frame; the result is the same).
    static func prepareSearchInBackground(_ s: ConsoleState) {
        guard s.desk.count >= 1_000 else { return }
        let index = s.inboxIndex
        let desk = s.desk
        let now = s.now
        DispatchQueue.global(qos: .utility).async {
            index.prepareOrders(desk, now: now)
            index.prepareSearch(desk)
        }
    }
}
