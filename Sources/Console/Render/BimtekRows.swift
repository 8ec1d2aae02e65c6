import Complaints
import Foundation
import TextCanvas

/// The rows bimtek adds under the hints: the replay banner and the presenter key strip. Also the practice
/// clock's marker in the title bar and the replay keys in the hint row.
enum BimtekRows {
    /// Title-bar prefix of the clock on practice desks: their time is the simulated practice clock.
    static func clockPrefix(_ s: ConsoleState) -> String {
        // In replay the clock shows when the event happened, not the desk's time now.
        if s.replay != nil { return s.text(Localized("Saat itu ", en: "Then ")) }
        return s.env.isPractice ? s.text(Localized("Jam latihan ", en: "Practice clock ")) : ""
    }

    /// Help lines for the keys that only work inside replay or on practice desks.
    static func helpLines(_ s: ConsoleState) -> [StyledLine] {
        [
            StyledLine(text: s.text(Localized(
                "Putar ulang: P laporan ini, :replay seluruh meja; di dalamnya ← → (atau , . < >) peristiwa, Home/End awal/akhir, Esc keluar. Hanya melihat.",
                en: "Replay: P this report, :replay the whole desk; inside, ← → (or , . < >) step, Home/End first/last, Esc leaves. Read only.")),
                       role: Roles.detailMuted),
            StyledLine(text: s.text(Localized(
                "Jam latihan (hanya meja latihan): + satu hari kerja, * sampai lewat tenggat berikut; semua konsol di folder ikut.",
                en: "Practice clock (practice desks only): + one working day, * just past the next deadline; every console on the folder follows.")),
                       role: Roles.detailMuted),
        ]
    }

    static func draw(_ c: inout Canvas, _ s: ConsoleState, _ layout: Layout) {
        guard s.bimtekBottomRows > 0 else { return }
        var y = layout.hints.y + layout.hints.height
        let width = s.size.width
        if let replay = s.replay {
            drawReplayHints(&c, s, layout.hints)
            drawReplayBanner(&c, s, replay, Rect(x: 0, y: y, width: width, height: 2))
            y += 2
        }
        if s.presenter {
            drawPresenterStrip(&c, s, Rect(x: 0, y: y, width: width, height: 1))
        }
    }

    /// "PUTAR ULANG · peristiwa 3/7 · Sen 30 Nov 10.00 · rina · #2600012 diverifikasi & didisposisikan".
    /// Two lines: "PUTAR ULANG #2600012 · peristiwa 2/3 · Rab 25 Nov 2026 09:00 · rina" and what happened,
    /// "#2600012 diverifikasi & didisposisikan → Pemerintah Kabupaten Sleman", so both fit in 80 columns.
    static func replayBannerLines(_ s: ConsoleState, _ replay: ReplayState) -> (String, String) {
        guard let e = replay.current else { return ("", "") }
        let scope = switch replay.scope {
        case .desk: s.text(Localized("meja", en: "desk"))
        case let .report(id): "#\(id)"
        }
        let when = DeskTimeText.long(e.at, offset: s.env.utcOffsetSeconds, language: s.language)
        var what = "#\(e.reportID) " + s.text(UIText.eventLabel(e.event))
        if case let .disposed(d) = e.event { what += " → " + s.env.agencyName(d.agency) }
        let head = s.text(Localized("PUTAR ULANG", en: "REPLAY")) + " " + scope + " · "
            + s.text(Localized("peristiwa \(replay.position)/\(replay.total)", en: "event \(replay.position)/\(replay.total)"))
            + " · \(when) · \(e.actor.name)"
        return (head, what)
    }

    static func drawReplayBanner(_ c: inout Canvas, _ s: ConsoleState, _ replay: ReplayState, _ r: Rect) {
        c.fill(r, role: Roles.titlePractice)
        let (head, what) = replayBannerLines(s, replay)
        c.put(" " + head, at: r.origin, role: Roles.titlePractice, clipWidth: r.width)
        c.put("   " + what, at: Point(x: r.x, y: r.y + 1), role: Roles.titlePractice, clipWidth: r.width)
    }

    /// In replay the hint row lists the replay keys: the desk's action keys are refused there.
    static func drawReplayHints(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        guard r.height > 0 else { return }
        c.fill(r, role: Roles.hints)
        let hints: [(String, Localized)] = [
            ("← →", Localized("peristiwa", en: "event")), ("Home End", Localized("awal/akhir", en: "first/last")),
            ("j k", Localized("pilih", en: "select")), ("Esc", Localized("keluar putar ulang", en: "leave replay")),
            ("?", Localized("bantuan", en: "help")),
        ]
        var x = r.x + 1
        for (keys, label) in hints {
            let text = s.text(label)
            guard x + keys.displayWidth + text.displayWidth + 3 <= r.maxX else { break }
            x = c.put(keys, at: Point(x: x, y: r.y), role: Roles.hintKey)
            x = c.put(" " + text + "  ", at: Point(x: x, y: r.y), role: Roles.hints)
        }
    }

    /// The last keys pressed, newest on the right: "j ↓ turun │ d disposisi │ x (tidak dipakai)".
    static func drawPresenterStrip(_ c: inout Canvas, _ s: ConsoleState, _ r: Rect) {
        c.fill(r, role: Roles.presenterStrip)
        let head = s.text(Localized(" Tombol: ", en: " Keys: "))
        var x = c.put(head, at: r.origin, role: Roles.presenterStrip, clipWidth: r.width)
        let items = s.keyLog.map { (key: $0.typing ? "" : $0.key, label: presenterLabel($0, s)) }
        // Newest entries that fit, shown oldest → newest.
        var shown: [(key: String, label: String)] = []
        var used = 0
        for item in items.reversed().prefix(6) {
            let w = item.key.displayWidth + item.label.displayWidth + 5
            guard x + used + w <= r.maxX else { break }
            shown.insert(item, at: 0)
            used += w
        }
        for (i, item) in shown.enumerated() {
            if !item.key.isEmpty {
                x = c.put(" " + item.key + " ", at: Point(x: x, y: r.y), role: Roles.presenterKey, clipWidth: r.maxX - x)
            }
            x = c.put(" " + item.label, at: Point(x: x, y: r.y), role: Roles.presenterStrip, clipWidth: r.maxX - x)
            if i < shown.count - 1 { x = c.put(" │", at: Point(x: x, y: r.y), role: Roles.presenterStrip, clipWidth: r.maxX - x) }
        }
    }

    static func presenterLabel(_ e: KeyLogEntry, _ s: ConsoleState) -> String {
        guard let command = e.command else { return s.text(Localized("(tidak dipakai)", en: "(not bound)")) }
        // Movement reads faster with an arrow, as on the keycaps (not twice when the key is an arrow itself).
        let glyph = switch command {
        case ConsoleCommand.down.label: "↓ "
        case ConsoleCommand.up.label: "↑ "
        case ConsoleCommand.paneLeft.label: "← "
        case ConsoleCommand.paneRight.label: "→ "
        default: ""
        }
        let arrow = ["↑", "↓", "←", "→"].contains(e.key) ? "" : glyph
        return arrow + s.text(command)
    }
}

extension ConsoleState {
    /// Rows reserved under the hint row: the replay banner (two lines) and the presenter strip.
    public var bimtekBottomRows: Int { (presenter ? 1 : 0) + (replay != nil ? 2 : 0) }

    /// Screen lines per inbox row: presenter mode leaves a blank line between rows.
    var inboxRowStep: Int { presenter ? 2 : 1 }
}
