import Complaints
@testable import ComplaintJournal
import Foundation

/// `open` and the desk in one step, without checking a journal first: what the tests inspect. Start-up
/// checks the journal between the two (`OpenedDesk.open`).
extension ProjectionSnapshot {
    enum LoadResult {
        case loaded(ProjectionSnapshot)
        case missing
        case unusable(String)
    }

    static func load(dataFolder: URL, programStamp: String) -> LoadResult {
        switch open(dataFolder: dataFolder, programStamp: programStamp) {
        case .missing: return .missing
        case let .unusable(why): return .unusable(why)
        case let .opened(mapped):
            do throws(SnapshotFormatError) {
                return .loaded(ProjectionSnapshot(desk: try mapped.desk(textSource: JournalTextStore(dataFolder: dataFolder)),
                                                  resume: mapped.resume))
            } catch {
                return .unusable("\(mapped.path): \(error)")
            }
        }
    }
}
