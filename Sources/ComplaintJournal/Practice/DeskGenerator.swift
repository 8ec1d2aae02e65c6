import Complaints
import Foundation

/// Writes large, realistic desks for benchmarks and load tests: Indonesian bodies of 300–800 characters,
/// every channel and status, about five events per report, deadlines spread around `now`. Deterministic
/// for a seed. Every event is decided by the real rules (through a `DeskStore`), then written in batches.
public struct DeskGenerator {
    public var reports: Int
    public var seed: UInt64
    public var now: Date
    public var reference: ReferenceData

    public init(reports: Int, seed: UInt64 = 42, now: Date, reference: ReferenceData) {
        self.reports = reports
        self.seed = seed
        self.now = now
        self.reference = reference
    }

    /// Deterministic xorshift: the same seed always gives the same desk.
    struct Rng {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[int(0..<xs.count)] }
        mutating func chance(_ p: Double) -> Bool { Double(next() % 10_000) / 10_000 < p }
    }

    static let words = """
    jalan rusak berlubang sudah berbulan-bulan tidak diperbaiki warga kesulitan melintas terutama saat hujan \
    puskesmas antrean panjang petugas datang terlambat obat habis pasien BPJS ditolak rumah sakit meminta uang \
    jaminan bantuan sosial tidak tepat sasaran keluarga mampu menerima PKH sementara lansia miskin tidak terdaftar \
    sekolah memungut biaya seragam dan buku padahal sudah gratis KTP elektronik belum jadi setelah enam bulan \
    sampah menumpuk di pinggir sungai menimbulkan bau dan banjir lampu penerangan jalan mati sejak lama parkir \
    liar di trotoar angkot ngetem sembarangan upah di bawah UMK lembur tidak dibayar mohon segera ditindaklanjuti \
    terima kasih atas perhatiannya kami sangat berharap pemerintah daerah turun tangan
    """.split(separator: " ").map(String.init)

    static let names = ["Siti", "Budi", "Wayan", "Made", "Ketut", "Asep", "Euis", "Rahmat", "Dewi", "Agus", "Nur", "Yohanes",
                        "Fitri", "Hendra", "Ratna", "Joko", "Sri", "Putu", "Andi", "Lestari"]

    /// Builds the events in memory and hands them over in batches of about `batchSize` entries.
    public func generate(batchSize: Int = 20_000, write: ([NewEntry]) throws -> Void) throws {
        var rng = Rng(state: seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed)
        let journal = InMemoryJournal()
        let store = try DeskStore(journal: journal, directory: reference, deadlines: Deadlines(calendar: WorkingCalendar()),
                                  osUser: "generator")
        let regions = reference.regions.regencies
        let categories = reference.categories.categories
        let admin = Operator(name: "admin", role: .adminNasional)
        var written: UInt64 = 0
        func flush(force: Bool) throws {
            guard force || journal.lastSequence - written >= UInt64(batchSize) else { return }
            let entries = try journal.entries(after: written).map {
                NewEntry(eventID: $0.eventID, reportID: $0.reportID, at: $0.at, utcOffsetSeconds: $0.utcOffsetSeconds,
                         actor: $0.actor, type: $0.type, payload: $0.payload)
            }
            if !entries.isEmpty { try write(entries) }
            written = journal.lastSequence
        }
        let span: TimeInterval = 120 * 86400
        for i in 0..<reports {
            // Older reports first, so the journal reads in time order.
            let received = now.addingTimeInterval(-span + span * Double(i) / Double(max(1, reports)) - Double(rng.int(0..<3600)))
            let regency = rng.pick(regions)
            let province = reference.regions.province(code: regency.provinceCode)?.name
            let topic = rng.pick(categories)
            let sub = topic.subcategories.isEmpty ? nil : rng.pick(topic.subcategories).name
            var body = ""
            let target = rng.int(300..<800)
            while body.count < target { body += (body.isEmpty ? "" : " ") + rng.pick(Self.words) }
            let intake = Intake(externalID: "gen-\(seed)-\(i)", channel: rng.pick(Channel.allCases), receivedAt: received,
                                title: (0..<rng.int(4..<9)).map { _ in rng.pick(Self.words) }.joined(separator: " ").capitalized,
                                body: body, classification: rng.chance(0.85) ? .pengaduan : rng.pick(Classification.allCases),
                                category: topic.name, subcategory: sub,
                                location: Location(province: province, regency: regency.name, district: nil, detail: nil),
                                reporter: Reporter(name: rng.pick(Self.names) + " " + rng.pick(Self.names), nik: nil,
                                                   phone: "+62812\(100_0000 + i % 9_000_000)",
                                                   groups: rng.chance(0.3) ? [rng.pick(ReporterGroup.allCases)] : []),
                                anonymous: rng.chance(0.05), confidential: rng.chance(0.03))
            let id = try store.receive(intake, as: .system, now: received).id
            try script(id, received: received, rng: &rng, store: store, admin: admin)
            try flush(force: false)
        }
        try flush(force: true)
    }

    /// A plausible history for one report, ending in any status; steps stop at `now`.
    private func script(_ id: ReportID, received: Date, rng: inout Rng, store: DeskStore, admin: Operator) throws {
        var t = received
        func later(_ hours: Range<Int>) -> Date? {
            t = t.addingTimeInterval(Double(rng.int(hours)) * 3600)
            return t < now ? t : nil
        }
        func act(_ c: Command, _ op: Operator) -> Bool {
            guard let at = later(2..<60) else { return false }
            return (try? store.perform(c, on: id, as: op, now: at)) != nil
        }
        let roll = rng.int(0..<100)
        if roll < 12 { return } // stays baru
        if roll < 18 { _ = act(.postpone(question: "Mohon lengkapi lokasi dan foto."), admin); return }
        if roll < 23 { _ = act(.archive(reason: .terlaluUmum, note: nil, duplicateOf: nil), admin); return }
        if roll < 25 { _ = act(.delete(reason: .spam, note: nil), admin); return }
        guard let report = store.desk[id], let p = reference.proposal(for: report) else { return }
        _ = act(.addNote("Cek kelengkapan sebelum disposisi."), admin)
        guard act(.dispose(agency: p.agencyID, unit: nil, rule: p.rule.source, note: nil), admin) else { return }
        // The desk's routine around a disposition (about 5 events per report overall, as at the national desk).
        if rng.chance(0.7) { _ = act(.postReply("Laporan Anda telah diteruskan kepada instansi terkait."), admin) }
        if rng.chance(0.6) { _ = act(.tag(add: [rng.pick(["jalan", "kesehatan", "bansos", "pendidikan", "viral"])], remove: []), admin) }
        if rng.chance(0.6) { _ = act(.setPriority(rng.pick([.tinggi, .normal, .rendah])), admin) }
        if roll < 35 { return } // terdisposisi
        let agencyAdmin = Operator(name: "admin-\(p.agencyID)", role: .adminInstansi, agency: p.agencyID)
        let units = reference.agencies[p.agencyID]?.units ?? []
        guard let unit = p.unitID ?? units.first?.id else { return }
        guard act(.assignToUnit(unit: unit), agencyAdmin) else { return }
        if roll < 50 { return } // diproses
        let liaison = Operator(name: "penghubung-\(unit)", role: .penghubung, agency: p.agencyID, unit: unit)
        guard act(.postFollowUp(text: "Laporan sudah ditindaklanjuti oleh petugas lapangan.", attachments: []), liaison) else { return }
        if roll < 75 { return } // ditindaklanjuti
        _ = act(.recordAcceptance(text: "Terima kasih."), admin) // selesai
    }
}
