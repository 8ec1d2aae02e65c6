import TextCanvas

/// Every style role the console draws with. Themes map these (or their parents) to colours; snapshots
/// record them, so a palette change never changes a golden screen.
public enum Roles {
    public static let titleBar: StyleRole = "title.bar"
    public static let titlePractice: StyleRole = "title.practice"
    public static let titleHealthOK: StyleRole = "title.health.ok"
    public static let titleHealthBad: StyleRole = "title.health.bad"
    public static let tab: StyleRole = "tab"
    public static let tabActive: StyleRole = "tab.active"
    /// The overdue view's tab while it holds reports (a theme may set it apart from the active tab).
    public static let tabOverdue: StyleRole = "tab.overdue"
    public static let paneBorder: StyleRole = "pane.border"
    public static let paneBorderFocused: StyleRole = "pane.border.focused"
    public static let paneTitle: StyleRole = "pane.title"
    public static let inboxHeader: StyleRole = "inbox.header"
    public static let inboxRow: StyleRole = "inbox.row"
    public static let inboxSelected: StyleRole = "inbox.selected"
    public static let inboxMarked: StyleRole = "inbox.marked"
    public static let badgeOverdue: StyleRole = "badge.overdue"
    public static let badgeDueSoon: StyleRole = "badge.due-soon"
    public static let badgeOnTrack: StyleRole = "badge.on-track"
    public static let badgePaused: StyleRole = "badge.paused"
    public static let flagAnonim: StyleRole = "flag.anonim"
    public static let flagRahasia: StyleRole = "flag.rahasia"
    public static let detailHeading: StyleRole = "detail.heading"
    public static let detailLabel: StyleRole = "detail.label"
    public static let detailText: StyleRole = "detail.text"
    public static let detailMuted: StyleRole = "detail.muted"
    public static let detailWarning: StyleRole = "detail.warning"
    public static let trailPublic: StyleRole = "trail.public"
    public static let trailInternal: StyleRole = "trail.internal"
    public static let trailReporter: StyleRole = "trail.reporter"
    public static let routingProposal: StyleRole = "routing.proposal"
    public static let routingSelected: StyleRole = "routing.selected"
    public static let routingItem: StyleRole = "routing.item"
    public static let statusInfo: StyleRole = "status.info"
    public static let statusSuccess: StyleRole = "status.success"
    public static let statusError: StyleRole = "status.error"
    public static let hints: StyleRole = "hints"
    public static let hintKey: StyleRole = "hints.key"
    public static let overlay: StyleRole = "overlay"
    public static let overlayBorder: StyleRole = "overlay.border"
    public static let overlayTitle: StyleRole = "overlay.title"
    public static let fieldLabel: StyleRole = "field.label"
    public static let fieldInput: StyleRole = "field.input"
    public static let fieldFocused: StyleRole = "field.focused"
    public static let fieldError: StyleRole = "field.error"
    public static let presenterStrip: StyleRole = "presenter.strip"
    public static let presenterKey: StyleRole = "presenter.key"

    /// All roles, so themes can be validated against them.
    public static let all: [StyleRole] = [
        titleBar, titlePractice, titleHealthOK, titleHealthBad, tab, tabActive, tabOverdue, paneBorder, paneBorderFocused, paneTitle,
        inboxHeader, inboxRow, inboxSelected, inboxMarked, badgeOverdue, badgeDueSoon, badgeOnTrack, badgePaused,
        flagAnonim, flagRahasia, detailHeading, detailLabel, detailText, detailMuted, detailWarning, trailPublic,
        trailInternal, trailReporter, routingProposal, routingSelected, routingItem, statusInfo, statusSuccess,
        statusError, hints, hintKey, overlay, overlayBorder, overlayTitle, fieldLabel, fieldInput, fieldFocused,
        fieldError, presenterStrip, presenterKey,
    ]
}
