import Foundation

/// Test data: a roster and realistic intake records.
enum Fixtures {
    /// National admin `rina`, Sleman coordinator `budi`, Sleman health liaison `sari`, Bali coordinator
    /// `made`, trainer `pelatih`.
    static let roster = """
    [[operator]]
    name = "rina"
    display_name = "Rina Wulandari"
    role = "admin-nasional"

    [[operator]]
    name = "budi"
    display_name = "Budi Santoso"
    role = "admin-instansi"
    agency = "pemkab-sleman"

    [[operator]]
    name = "sari"
    display_name = "Sari Rahmawati"
    role = "penghubung"
    agency = "pemkab-sleman"
    unit = "pemkab-sleman/dinkes"

    [[operator]]
    name = "made"
    display_name = "I Made Suarjana"
    role = "admin-instansi"
    agency = "pemprov-bali"

    [[operator]]
    name = "pelatih"
    display_name = "Pelatih Bimtek"
    role = "pengamat"

    """

    struct Report {
        var externalID: String
        var channel: String
        var title: String
        var body: String
        var category: String
        var subcategory: String?
        var province: String
        var regency: String
        var district: String
        var receivedAt: String?
        var name: String
        var nik: String
        var phone: String
        var email: String?
        var anonymous = false
        var confidential = false

        var object: [String: Any] {
            var o: [String: Any] = [
                "external_id": externalID, "channel": channel, "title": title, "body": body,
                "classification": "pengaduan", "category": category,
                "location": ["province": province, "regency": regency, "district": district, "detail": "RT 03 RW 05"],
                "reporter": ["name": name, "nik": nik, "phone": phone, "email": email as Any? ?? NSNull(),
                             "groups": [] as [String]],
                "anonymous": anonymous, "confidential": confidential,
                "attachments": [] as [Any], "tags": [] as [Any],
            ]
            if let subcategory { o["subcategory"] = subcategory }
            if let receivedAt { o["received_at"] = receivedAt }
            return o
        }

        var jsonLine: String {
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// A time long past, so every deadline has run out.
    static let longAgo = "2025-06-02T08:15:00+07:00"

    /// Twenty reports; the first ten were received long ago (overdue), the rest now. Every reporter has a
    /// distinctive name, NIK and phone so privacy tests can look for the bytes.
    static let twenty: [Report] = {
        let topics: [(String, String, String?, String, String, String)] = [
            ("Puskesmas Depok antre sampai sore", "Kesehatan", "Pelayanan Kesehatan", "DI Yogyakarta", "Kabupaten Sleman", "Depok"),
            ("Jalan berlubang di depan SDN 2 Caturtunggal", "Pekerjaan Umum dan Penataan Ruang", "Infrastruktur Jalan", "DI Yogyakarta", "Kabupaten Sleman", "Depok"),
            ("Obat kosong di apotek RSUD", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Sleman"),
            ("KTP elektronik belum jadi setelah 6 bulan", "Kependudukan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Mlati"),
            ("Bantuan PKH tidak cair bulan ini", "Bantuan Sosial", nil, "Jawa Barat", "Kabupaten Bandung", "Soreang"),
            ("Sekolah memungut biaya seragam", "Pendidikan dan Kebudayaan", nil, "Jawa Barat", "Kabupaten Bandung", "Baleendah"),
            ("Lampu penerangan jalan mati sebulan", "Pekerjaan Umum dan Penataan Ruang", nil, "Bali", "Kota Denpasar", "Denpasar Barat"),
            ("Bidan desa jarang di tempat", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Ngaglik"),
            ("Sampah menumpuk di pasar", "Lingkungan Hidup dan Kehutanan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Gamping"),
            ("Antrean BPJS Kesehatan terlalu panjang", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Depok"),
            ("Angkot tidak lewat trayek", "Perhubungan", nil, "Jawa Barat", "Kabupaten Bandung", "Dayeuhkolot"),
            ("Pungutan liar di kantor desa", "Topik Lainnya", nil, "Bali", "Kabupaten Badung", "Kuta"),
            ("Air PDAM keruh tiga hari", "Pekerjaan Umum dan Penataan Ruang", nil, "DI Yogyakarta", "Kabupaten Sleman", "Kalasan"),
            ("Ambulans desa tidak bisa dihubungi", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Prambanan"),
            ("Gaji honorer guru terlambat", "Pendidikan dan Kebudayaan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Berbah"),
            ("Trotoar dipakai parkir", "Perhubungan", nil, "Bali", "Kota Denpasar", "Denpasar Selatan"),
            ("Posyandu tidak ada timbangan", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Seyegan"),
            ("Akta kelahiran salah nama", "Kependudukan", nil, "Jawa Barat", "Kabupaten Bandung", "Margahayu"),
            ("Jembatan bambu hampir putus", "Pekerjaan Umum dan Penataan Ruang", nil, "DI Yogyakarta", "Kabupaten Sleman", "Minggir"),
            ("Vaksin anak habis di puskesmas", "Kesehatan", nil, "DI Yogyakarta", "Kabupaten Sleman", "Godean"),
        ]
        return topics.enumerated().map { i, t in
            Report(externalID: "SMS-2025-\(String(format: "%04d", i + 1))", channel: i % 3 == 0 ? "sms" : (i % 3 == 1 ? "web" : "whatsapp"),
                   title: t.0, body: "\(t.0). Mohon segera ditindaklanjuti, warga sudah lama menunggu (laporan \(i + 1)).",
                   category: t.1, subcategory: t.2, province: t.3, regency: t.4, district: t.5,
                   receivedAt: i < 10 ? longAgo : nil,
                   name: "Pelapor Uji \(i + 1) Wibowo", nik: "34040123456700\(String(format: "%02d", i + 1))",
                   phone: "+62812999900\(String(format: "%02d", i + 1))",
                   email: i % 2 == 0 ? "pelapor\(i + 1)@mail.example" : nil)
        }
    }()

    /// The twenty reports as a JSON-lines file with the usual dirt: a byte-order mark, one CRLF line end,
    /// one blank line and one bad line (missing `body`) at `badLine`.
    static let dirtyFile: (bytes: Data, badLine: Int, good: Int) = {
        var lines = twenty.map(\.jsonLine)
        lines.insert("", at: 5)                                   // line 6 blank
        lines.insert(#"{"channel": "sms", "external_id": "SMS-BAD-1", "title": "tanpa isi"}"#, at: 8) // line 9: no body
        var text = ""
        for (i, l) in lines.enumerated() {
            text += l + (i == 2 ? "\r\n" : "\n")
        }
        return (Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8), 9, 20)
    }()
}
