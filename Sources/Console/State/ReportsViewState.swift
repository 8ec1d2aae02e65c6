import Complaints
import Foundation

/// The Laporan (desk reports) view: the figures for a period and scope, computed by the domain.
public struct ReportsViewState: Sendable, Hashable {
    /// A preset period (this week, this month, last month) or a range the officer typed.
    public enum Period: Sendable, Hashable {
        case preset(DeskReportPreset)
        case custom

        public var label: Localized {
            switch self {
            case let .preset(p): p.label
            case .custom: Localized("Rentang pilihan", en: "Custom range")
            }
        }
    }

    public var period: Period
    public var query: DeskReportQuery
    public var report: DeskReport
    /// Selected row among the most overdue reports (Enter opens it).
    public var cursor = 0
    public var scroll = 0
    /// Set once the officer moves through the overdue list: the view then keeps that row on screen.
    public var followCursor = false
    /// Other processes wrote events since `report` was computed: the next tick computes it again (at most
    /// once a tick, however fast an import writes; QA: the figures stayed as opened).
    public var outdated = false
}

extension ConsoleState {
    var deskTimeZone: DeskTimeZone { DeskTimeZone(parsing: env.zoneName) ?? .wib }
}
