/// When a lesson step can no longer be done: one rule for the console's lesson strip and for
/// `lapor-desk scenario progress` (QA: the strip said "can no longer be done" while `progress` still listed
/// the step as open, without a word).
extension LessonStep {
    /// Whether `report` (the step's report, as it is now) will never take the step's action again: it is
    /// closed (deleted, archived, finished), or verified and past the new-report actions (dispose, postpone,
    /// archive, delete). A postponed report is not: the reporter's answer brings it back (QA: the strip told
    /// a trainee to skip a step the answer made possible again). False while the action only waits (an
    /// acceptance waiting for a follow-up).
    /// The step's report on `desk` when the step can no longer be done on it (see `isStuck(on:)`). Lessons
    /// name a report by its external id alone, on whichever channel it came.
    public func stuckReport(on desk: Desk) -> Report? {
        let report = Channel.allCases.lazy.compactMap { desk.report(channel: $0, externalID: expect.reportExternalID) }.first
        return report.flatMap { isStuck(on: $0) ? $0 : nil }
    }

    public func isStuck(on report: Report) -> Bool {
        guard !Workflow.isApplicable(expect.verb, to: report) else { return false }
        if !report.status.isOpen { return true }
        let triage: Set<CommandKind> = [.dispose, .postpone, .archive, .delete]
        return triage.contains(expect.verb) && report.status != .baru && report.status != .tunda && report.returned == nil
    }
}
