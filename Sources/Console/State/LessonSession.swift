import Complaints

/// A lesson running in the console: the scenario's title and the cursor over its steps. Progress comes
/// from journal events (folded in by `ConsoleReducer.syncLesson`), never from keys.
public struct LessonSession: Sendable, Hashable {
    public var title: Localized
    public var cursor: LessonCursor

    public init(title: Localized, cursor: LessonCursor) {
        self.title = title
        self.cursor = cursor
    }
}
