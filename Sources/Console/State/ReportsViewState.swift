import Complaints
import Foundation

/// The Laporan (desk reports) view: the figures for a period and scope, computed by the domain.
public struct ReportsViewState: Sendable, Hashable {
    public enum Period: String, CaseIterable, Sendable, Hashable {
        case thisMonth, thisWeek, lastMonth, custom

        public var label: Localized {
            switch self {
            case .thisMonth: Localized("bulan ini", en: "this month")
            case .thisWeek: Localized("minggu ini", en: "this week")
            case .lastMonth: Localized("bulan lalu", en: "last month")
            case .custom: Localized("rentang pilihan", en: "custom range")
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
}

extension ConsoleState {
    var deskTimeZone: DeskTimeZone { DeskTimeZone(parsing: env.zoneName) ?? .wib }
}
