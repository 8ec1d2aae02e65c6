import Complaints
import Foundation
import TextCanvas

/// Draws the whole screen from the state. Pure: the same state always gives the same cells, which is what
/// the golden-screen tests compare.
public enum ConsoleRenderer {
    public static func render(_ s: ConsoleState) -> Canvas {
        var c = Canvas(size: s.size)
        let layout = s.layout
        guard layout.mode != .tooSmall else {
            TooSmallScreen.draw(&c, s)
            return c
        }
        drawTitleBar(&c, s, layout.titleBar)
        TabBar.draw(&c, s, layout.tabs)
        if let r = layout.inbox { InboxPane.draw(&c, s, r) }
        if let r = layout.detail { DetailPane.draw(&c, s, r) }
        if let r = layout.routing { RoutingPane.draw(&c, s, r) }
        drawStatus(&c, s, layout.statusLine)
        drawHints(&c, s, layout.hints)
        BimtekRows.draw(&c, s, layout)
        if let lesson = s.lesson { LessonStrip.draw(&c, s, lesson, layout) }
        if let overlay = s.overlay { OverlayView.draw(&c, s, overlay) }
        return c
    }

    static func drawTitleBar(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        c.fill(r, role: Roles.titleBar)
        let op = s.env.operatorOnDuty
        // Who is signed in comes first: it decides what the officer may see and do.
        var who = "\(op.shownName) (\(s.text(op.role.label)))"
        if let agency = op.agency { who += " · " + s.env.agencyName(agency) }
        who += " · " + s.env.deskName
        let clock = BimtekRows.clockPrefix(s) + DeskTimeText.long(s.now, offset: s.env.utcOffsetSeconds, language: s.language) + " " + s.env.zoneName
        // Each item has a full and a short form; the journal state and the practice marker are never
        // dropped (a damaged journal or practice data must always be visible), the clock may be (not a
        // practice desk's, below).
        typealias Item = (full: String, short: String, role: StyleRole, essential: Bool)
        let health: Item = switch s.health {
        case .ok: (s.text(Localized("Jurnal: OK", en: "Journal: OK")), "OK", Roles.titleHealthOK, true)
        case let .readOnly(why):
            (s.text(Localized("BACA SAJA", en: "READ-ONLY")) + " (\(s.text(why)))", s.text(Localized("BACA SAJA", en: "READ-ONLY")),
             Roles.titleHealthBad, true)
        case let .degraded(why):
            (s.text(Localized("JURNAL RUSAK", en: "JOURNAL DAMAGED")) + " (\(why))",
             s.text(Localized("JURNAL RUSAK", en: "JOURNAL DAMAGED")), Roles.titleHealthBad, true)
        }
        // The short clock keeps the zone: on a WITA or WIT desk a time without it reads as Jakarta's.
        let bareClock = DeskTimeText.short(s.now, offset: s.env.utcOffsetSeconds, language: s.language) + " " + s.env.zoneName
        let shortClock = BimtekRows.clockPrefix(s) + bareClock
        // On a practice desk the clock is the practice clock, which the lesson runs on: never dropped (QA: under
        // 64 columns it gave way to the officer's name).
        var items: [Item] = [(clock, shortClock, Roles.titleBar, s.env.isPractice), health]
        if s.env.isPractice {
            items.insert((s.text(Localized("LATIHAN — data contoh", en: "PRACTICE — sample data")),
                          s.text(Localized("LATIHAN", en: "PRACTICE")), Roles.titlePractice, true), at: 0)
        }
        // Right side first so the state never disappears; the left side truncates, keeping room for the
        // officer's name.
        let minLeft = min(20, r.width / 3)
        func width(_ texts: [String]) -> Int { texts.reduce(0) { $0 + $1.displayWidth + 2 } }
        var chosen: [String?] = items.map { $0.full }
        func fits() -> Bool { width(chosen.compactMap { $0 }) <= r.width - minLeft }
        // Shortened one at a time, what says least first: "Jurnal: OK" (its short form loses nothing), the
        // clock's weekday and year, the practice marker's "— data contoh", and last why the journal is not OK
        // (QA: at 80 columns all of them went at once, though the marker and the zone fitted). Only then does
        // the clock go.
        let (healthItem, clockItem) = (items.count - 1, items.count - 2)
        let practice = s.env.isPractice ? [0] : []
        let order = s.health == .ok ? [healthItem, clockItem] + practice : [clockItem] + practice + [healthItem]
        for k in order where !fits() { chosen[k] = items[k].short }
        if !fits() { chosen = items.map { $0.essential ? $0.short : nil } }
        // Narrower still, the practice clock without its words ("Jam latihan"): the marker beside it says
        // practice, and was itself pushed off the bar by them (QA: "PRACTICE" was gone at 44 columns).
        if width(chosen.compactMap { $0 }) > r.width, s.env.isPractice, s.replay == nil {
            chosen[clockItem] = bareClock
        }
        var x = r.maxX
        var placed: [(String, StyleRole, Int)] = []
        for (k, item) in items.enumerated().reversed() {
            guard let text = chosen[k] else { continue }
            let t = " " + text + " "
            let w = t.displayWidth
            guard x - w >= r.x else { continue }
            x -= w
            placed.append((t, item.role, x))
        }
        // Short of room, the product's name goes before the officer's.
        let room = max(0, x - r.x)
        let withProduct = " LaporDesk · " + who
        let left = withProduct.displayWidth <= room ? withProduct : " " + who
        c.put(TextFit.truncate(left, width: room), at: r.origin, role: Roles.titleBar, clipWidth: x - r.x)
        for (t, role, px) in placed { c.put(t, at: Point(x: px, y: r.y), role: role) }
    }

    static func drawStatus(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        guard r.height > 0 else { return }
        if let m = s.message {
            let role = switch m.kind {
            case .info: Roles.statusInfo
            case .success: Roles.statusSuccess
            case .error: Roles.statusError
            }
            c.fill(r, role: role)
            // A long message wraps onto the rows the layout gave the status area.
            for (i, line) in s.statusMessageLines.prefix(r.height).enumerated() {
                c.put(" " + line, at: Point(x: r.x, y: r.y + i), role: role, clipWidth: r.width)
            }
        }
    }

    /// The hints that fit, in order. When some do not, "…" says so and the last hint is kept at the end
    /// (in the inbox and in forms, prompts and confirmations that is the way out: q, Esc, n/Esc).
    static func drawHints(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        guard r.height > 0 else { return }
        c.fill(r, role: Roles.hints)
        let hints = Hints.forFocus(s)
        func width(_ h: (String, String)) -> Int { h.0.displayWidth + h.1.displayWidth + 3 }
        let room = r.maxX - (r.x + 1)
        var shown = hints
        var cut = false
        if hints.map(width).reduce(0, +) > room, let last = hints.last {
            let more = "…".displayWidth + 2
            var used = width(last) + more
            shown = []
            for h in hints.dropLast() {
                guard used + width(h) <= room else { break }
                shown.append(h)
                used += width(h)
            }
            cut = true
            if used <= room { shown.append(last) } else { shown = [] }
        }
        var x = r.x + 1
        for (i, (keys, label)) in shown.enumerated() {
            if cut, i == shown.count - 1 { x = c.put("…  ", at: Point(x: x, y: r.y), role: Roles.hints) }
            x = c.put(keys, at: Point(x: x, y: r.y), role: Roles.hintKey)
            x = c.put(" " + label + "  ", at: Point(x: x, y: r.y), role: Roles.hints)
        }
    }
}
