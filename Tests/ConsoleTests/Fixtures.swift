import ComplaintJournal
import Complaints
import Console
import Foundation
import TextCanvas

/// A small, deterministic desk built through the real domain (`DeskStore` over `InMemoryJournal`), with a
/// fixed clock, calendar and environment, so every reducer step and golden screen is reproducible.
enum Fixture {
    /// Monday 30 November 2026, 10:00 WIB.
    static let now = at(2026, 11, 30, 10, 0)

    /// A desk-local (UTC+7) instant.
    static func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Date {
        var c = DateComponents()
        (c.year, c.month, c.day, c.hour, c.minute) = (y, m, d, h, min)
        c.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(secondsFromGMT: 7 * 3600) ?? .current
        return cal.date(from: c) ?? Date(timeIntervalSince1970: 0)
    }

    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let resourcesFolder = testsFolder.appendingPathComponent("../../Sources/DeskResources/Files").standardized

    /// The shipped 2026 holiday list (so 25 December etc. are not working days).
    static func calendar() throws -> WorkingCalendar {
        let url = resourcesFolder.appendingPathComponent("calendar/libur-2026.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return WorkingCalendar(holidays: try HolidayList.parse(text, fileName: "libur-2026.txt"), timeZone: .wib)
    }

    static func deadlines() throws -> Deadlines { Deadlines(calendar: try calendar()) }

    // MARK: People

    static let national = Operator(name: "rina", role: .adminNasional, displayName: "Rina Wulandari")
    static let agencyAdmin = Operator(name: "budi", role: .adminInstansi, agency: "pemkab-sleman", displayName: "Budi Santoso")
    static let observer = Operator(name: "ombudsman", role: .pengamat, displayName: "Pengamat Ombudsman")
    static let otherOfficer = Operator(name: "dewi", role: .adminNasional, displayName: "Dewi Lestari")

    // MARK: Environment

    static let agencies: [AgencyChoice] = [
        AgencyChoice(id: "pemkab-sleman", name: "Pemerintah Kabupaten Sleman", kind: "kabupaten", region: "Kabupaten Sleman",
                     units: [UnitChoice(id: "dinkes", name: "Dinas Kesehatan Kabupaten Sleman"),
                             UnitChoice(id: "dlh", name: "Dinas Lingkungan Hidup Kabupaten Sleman"),
                             UnitChoice(id: "disdukcapil", name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Sleman")]),
        AgencyChoice(id: "pemprov-diy", name: "Pemerintah Daerah DI Yogyakarta", kind: "provinsi", region: "DI Yogyakarta",
                     units: [UnitChoice(id: "dinsos", name: "Dinas Sosial DI Yogyakarta")]),
        AgencyChoice(id: "kemenkes", name: "Kementerian Kesehatan", kind: "kementerian", region: "Nasional", units: []),
        AgencyChoice(id: "kemensos", name: "Kementerian Sosial", kind: "kementerian", region: "Nasional", units: []),
        AgencyChoice(id: "bpjs-kesehatan", name: "BPJS Kesehatan", kind: "bumn", region: "Nasional", units: []),
        AgencyChoice(id: "pemkot-yogyakarta", name: "Pemerintah Kota Yogyakarta", kind: "kota", region: "Kota Yogyakarta",
                     units: [UnitChoice(id: "dlh", name: "Dinas Lingkungan Hidup Kota Yogyakarta")]),
    ]

    static let categories: [CategoryChoice] = [
        CategoryChoice(name: "Kesehatan", subcategories: ["Puskesmas", "Rumah Sakit", "BPJS"]),
        CategoryChoice(name: "Lingkungan Hidup", subcategories: ["Sampah", "Pencemaran"]),
        CategoryChoice(name: "Kependudukan", subcategories: ["KTP-el", "Kartu Keluarga"]),
        CategoryChoice(name: "Infrastruktur", subcategories: ["Jalan Rusak", "Air Bersih"]),
        CategoryChoice(name: "Bantuan Sosial", subcategories: ["PKH", "BPNT"]),
    ]

    /// A tiny routing table: health in Sleman goes to the regency's health office; anything else in
    /// Sleman to the regency; social aid to the province.
    @Sendable static func propose(_ r: Report) -> RoutingSuggestion? {
        let inSleman = r.location.regency == "Kabupaten Sleman"
        switch (r.category, inSleman) {
        case ("Kesehatan", true):
            return RoutingSuggestion(agencyID: "pemkab-sleman", unitID: "dinkes", ruleRef: "rute.toml:42",
                                     reason: Localized("Kesehatan × Kabupaten Sleman", en: "Health × Sleman Regency"),
                                     alternatives: ["kemenkes", "bpjs-kesehatan"])
        case ("Bantuan Sosial", _):
            return RoutingSuggestion(agencyID: "pemprov-diy", unitID: "dinsos", ruleRef: "rute.toml:88",
                                     reason: Localized("Bantuan Sosial × DI Yogyakarta", en: "Social aid × DI Yogyakarta"),
                                     alternatives: ["kemensos"])
        case (_, true):
            return RoutingSuggestion(agencyID: "pemkab-sleman", unitID: nil, ruleRef: "rute.toml:7",
                                     reason: Localized("Kabupaten Sleman (semua topik)", en: "Sleman Regency (any topic)"),
                                     alternatives: [])
        default:
            return nil
        }
    }

    static func environment(_ op: Operator = national, language: Language = .id) throws -> ConsoleEnvironment {
        ConsoleEnvironment(deskName: "Meja Uji", operatorOnDuty: op, language: language, deadlines: try deadlines(),
                           agencies: agencies, categories: categories, propose: propose)
    }

    // MARK: Desk

    /// Ids the fixture desk hands out, in order of intake.
    enum ID {
        static let overdue: ReportID = "2600001"       // baru, verification overdue, very long body
        static let secret: ReportID = "2600002"        // baru, anonim + rahasia, due soon
        static let wide: ReportID = "2600003"          // baru, CJK / emoji / Javanese / Arabic
        static let hostile: ReportID = "2600004"       // baru, ESC sequence and U+202E in the title
        static let postponed: ReportID = "2600005"     // tunda
        static let disposed: ReportID = "2600006"      // terdisposisi to Sleman, anonim
        static let withUnit: ReportID = "2600007"      // diproses (unit dlh)
        static let followedUp: ReportID = "2600008"    // ditindaklanjuti
        static let closed: ReportID = "2600009"        // selesai
        static let archived: ReportID = "2600010"      // diarsipkan
        static let deleted: ReportID = "2600011"       // dihapus
        static let returned: ReportID = "2600012"      // sent back (bukan wewenang)
    }

    static let longBody = """
        Selamat pagi Bapak/Ibu petugas. Saya ingin melaporkan bahwa Puskesmas Depok II di Kecamatan Depok, \
        Kabupaten Sleman, sudah tiga kali dalam dua minggu terakhir tutup pada jam layanan resmi. Pada hari Senin \
        tanggal 16 November 2026 pukul 09.30 WIB pintu depan terkunci dan tidak ada petugas sama sekali, padahal \
        papan pengumuman menyatakan layanan buka pukul 07.30 sampai 14.00 WIB. Ibu saya yang sudah lanjut usia \
        harus pulang tanpa mendapatkan obat rutin hipertensi, dan antrean warga lain yang datang sejak subuh juga \
        dibubarkan oleh satpam tanpa penjelasan apa pun. Mohon pemerintah daerah menindaklanjuti dan memastikan \
        jadwal pelayanan dipatuhi, karena banyak warga lansia dan ibu hamil yang sangat bergantung pada \
        puskesmas ini untuk pemeriksaan rutin.
        Terima kasih atas perhatiannya.
        """

    static let hostileTitle = "Tagihan air \u{1B}[31mMERAH\u{1B}[0m \u{202E}kebalik\u{202C} naik 300%"

    /// Builds the desk through `DeskStore.receive` and `perform`, as officers would have, over `journal`.
    static func makeStore(journal: any EventJournal = InMemoryJournal()) throws -> DeskStore {
        let store = try DeskStore(journal: journal, directory: PermissiveDirectory(), deadlines: try deadlines(), osUser: nil)
        let sleman = Location(province: "DI Yogyakarta", regency: "Kabupaten Sleman", district: "Depok")
        func receive(_ i: Intake) throws {
            _ = try store.receive(i, as: .system, now: i.receivedAt)
        }
        func act(_ id: ReportID, _ c: Command, _ op: Operator = national, _ when: Date) throws {
            try store.perform(c, on: id, as: op, now: when)
        }
        // 1: overdue (received Tuesday, 3 working days have passed).
        try receive(Intake(externalID: "WEB-1001", channel: .web, receivedAt: at(2026, 11, 24, 9, 0),
                           title: "Puskesmas Depok II tutup saat jam layanan", body: longBody, category: "Kesehatan",
                           subcategory: "Puskesmas", location: sleman, incidentDate: "2026-11-16",
                           reporter: Reporter(name: "Sri Rahayu", nik: "3404015505700001", phone: "081234567890",
                                              email: "sri.rahayu@example.id", groups: [.lansia])))
        // 2: anonim + rahasia, due soon.
        try receive(Intake(channel: .sms, receivedAt: at(2026, 11, 25, 14, 0),
                           title: "Pungutan liar pembuatan KTP-el di kantor kecamatan",
                           body: "Petugas meminta uang Rp150.000 agar KTP-el cepat jadi. Saya takut identitas saya diketahui.",
                           category: "Kependudukan", subcategory: "KTP-el", location: sleman,
                           reporter: Reporter(name: "Agus Prasetyo", nik: "3404011203850002", phone: "085700001111"),
                           anonymous: true, confidential: true))
        // 3: wide text.
        try receive(Intake(channel: .app, receivedAt: at(2026, 11, 30, 8, 0),
                           title: "Jalan rusak 漢字テスト 👩‍👩‍👧 🇮🇩 ꦗꦮ مرحبا",
                           body: "Jalan berlubang di depan sekolah. 漢字の説明文もあります。 👩‍👩‍👧 keluarga kami jatuh. 🇮🇩\nꦲꦏ꧀ꦱꦫꦗꦮ — aksara Jawa.\nالعربية: الطريق مكسور",
                           category: "Infrastruktur", subcategory: "Jalan Rusak", location: sleman,
                           reporter: Reporter(name: "王小明 (Wang)", phone: "081300002222")))
        // 4: hostile control characters in the title.
        try receive(Intake(channel: .email, receivedAt: at(2026, 11, 30, 8, 30), title: hostileTitle,
                           body: "Tagihan PDAM bulan ini naik tiga kali lipat tanpa pemberitahuan.\u{1B}]0;hacked\u{07}",
                           category: "Infrastruktur", subcategory: "Air Bersih",
                           location: Location(province: "DI Yogyakarta", regency: "Kota Yogyakarta"),
                           reporter: Reporter(email: "warga@example.id")))
        // 5: postponed.
        try receive(Intake(channel: .whatsapp, receivedAt: at(2026, 11, 23, 10, 0), title: "Bantuan PKH tidak cair tiga bulan",
                           body: "Bantuan PKH keluarga kami tidak cair sejak Agustus.", category: "Bantuan Sosial",
                           subcategory: "PKH", location: sleman, reporter: Reporter(name: "Wagiyem", groups: [.perempuan])))
        try act(ID.postponed, .postpone(question: "Mohon kirim nomor KKS dan foto kartu PKH."), national, at(2026, 11, 24, 9, 0))
        // 6: disposed to Sleman, anonim (the agency admin sees the identity masked).
        try receive(Intake(channel: .web, receivedAt: at(2026, 11, 26, 7, 0), title: "Sampah menumpuk di Pasar Condongcatur",
                           body: "Sampah tidak diangkut selama seminggu, bau menyengat.", category: "Lingkungan Hidup",
                           subcategory: "Sampah", location: sleman,
                           reporter: Reporter(name: "Hendra Gunawan", nik: "3404010101900003", phone: "081355556666"),
                           anonymous: true))
        try act(ID.disposed, .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:7", note: nil), national, at(2026, 11, 26, 9, 0))
        // 7: with a work unit.
        try receive(Intake(channel: .twitter, receivedAt: at(2026, 11, 19, 8, 0), title: "Saluran air tersumbat di Jalan Kaliurang",
                           body: "Saluran tersumbat, air meluap ke jalan saat hujan.", category: "Lingkungan Hidup",
                           location: sleman, reporter: Reporter(name: "Rudi")))
        try act(ID.withUnit, .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:7", note: nil), national, at(2026, 11, 19, 10, 0))
        try act(ID.withUnit, .assignToUnit(unit: "dlh"), agencyAdmin, at(2026, 11, 20, 9, 0))
        // 8: followed up.
        try receive(Intake(channel: .letter, receivedAt: at(2026, 11, 10, 8, 0), title: "Lampu jalan padam di Maguwoharjo",
                           body: "Sudah dua minggu lampu jalan padam.", category: "Infrastruktur", location: sleman,
                           reporter: Reporter(name: "Yuni")))
        try act(ID.followedUp, .dispose(agency: "pemkab-sleman", unit: nil, rule: nil, note: nil), national, at(2026, 11, 10, 10, 0))
        try act(ID.followedUp, .assignToUnit(unit: "dlh"), agencyAdmin, at(2026, 11, 11, 9, 0))
        try act(ID.followedUp, .postFollowUp(text: "Lampu sudah diganti pada 20 November.", attachments: []), agencyAdmin,
                at(2026, 11, 20, 15, 0))
        // 9: closed.
        try receive(Intake(channel: .phone, receivedAt: at(2026, 11, 2, 8, 0), title: "Antrean BPJS di RSUD Sleman",
                           body: "Antrean pendaftaran lebih dari lima jam.", category: "Kesehatan", subcategory: "BPJS",
                           location: sleman, reporter: Reporter(name: "Bambang")))
        try act(ID.closed, .dispose(agency: "pemkab-sleman", unit: "dinkes", rule: "rute.toml:42", note: nil), national, at(2026, 11, 2, 9, 0))
        try act(ID.closed, .postFollowUp(text: "Loket tambahan dibuka.", attachments: []), agencyAdmin, at(2026, 11, 5, 9, 0))
        try act(ID.closed, .recordAcceptance(text: "Terima kasih."), national, at(2026, 11, 6, 9, 0))
        // 10: archived.
        try receive(Intake(channel: .web, receivedAt: at(2026, 11, 27, 8, 0), title: "Halo", body: "Tes tes",
                           reporter: Reporter(name: "Anonim Tes")))
        try act(ID.archived, .archive(reason: .terlaluUmum, note: "Isi tidak jelas", duplicateOf: nil), national, at(2026, 11, 27, 9, 0))
        // 11: deleted.
        try receive(Intake(channel: .sms, receivedAt: at(2026, 11, 27, 8, 30), title: "PROMO PINJOL CEPAT CAIR",
                           body: "Klik tautan ini untuk pinjaman cepat.", reporter: Reporter(phone: "089999999999")))
        try act(ID.deleted, .delete(reason: .spam, note: nil), national, at(2026, 11, 27, 9, 30))
        // 12: sent back by the agency as not its authority.
        try receive(Intake(channel: .web, receivedAt: at(2026, 11, 25, 8, 0), title: "Tol Jogja–Solo menutup akses sawah",
                           body: "Pembangunan jalan tol menutup saluran irigasi sawah kami.", category: "Infrastruktur",
                           location: sleman, reporter: Reporter(name: "Pak Karto")))
        try act(ID.returned, .dispose(agency: "pemkab-sleman", unit: nil, rule: "rute.toml:7", note: nil), national, at(2026, 11, 25, 9, 0))
        try act(ID.returned, .sendBack(reason: "Jalan tol kewenangan Kementerian PUPR, bukan pemerintah kabupaten."), agencyAdmin,
                at(2026, 11, 26, 10, 0))
        return store
    }

    /// A started console over the fixture desk.
    static func state(_ op: Operator = national, size: Size = Size(width: 120, height: 40), language: Language = .id,
                      store: DeskStore? = nil) throws -> ConsoleState {
        let desk = try (store ?? makeStore()).desk
        var s = ConsoleState(env: try environment(op, language: language), desk: desk, now: now, size: size)
        ConsoleReducer.start(&s)
        return s
    }
}

extension ConsoleState {
    /// A practice desk on a projector: presenter strip and a one-step lesson strip under the hint row.
    mutating func showLessonStrips(instruction: String, verb: CommandKind) {
        env.isPractice = true
        presenter = true
        lesson = LessonSession(title: Localized("Dasar", en: "Basics"), cursor: LessonCursor(progress: LessonProgress(
            lesson: Lesson(steps: [LessonStep(instruction: Localized(instruction, en: instruction),
                                              expect: EventPattern(verb: verb, reportExternalID: "WEB-1001"),
                                              praise: Localized("Bagus", en: "Good"))]), baselineSeq: desk.lastSeq)))
    }

    /// Sends keys one by one, collecting every effect (test shorthand).
    @discardableResult
    mutating func press(_ keys: Key...) -> [ConsoleEffect] {
        keys.flatMap { ConsoleReducer.reduce(&self, .key($0)) }
    }

    /// Types text as separate character keys.
    @discardableResult
    mutating func type(_ text: String) -> [ConsoleEffect] {
        text.flatMap { ConsoleReducer.reduce(&self, .key(.char($0))) }
    }

    var form: FormState? { if case let .form(f) = overlay { f } else { nil } }
    var prompt: PromptState? { if case let .prompt(p) = overlay { p } else { nil } }
}
