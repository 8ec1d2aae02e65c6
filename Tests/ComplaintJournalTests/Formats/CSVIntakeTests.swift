import Complaints
@testable import ComplaintJournal
import Foundation
import XCTest

final class CSVIntakeTests: XCTestCase {
    private func decode(_ text: String, bom: Bool = false) -> IntakeBatch {
        let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        return CSVIntake.decode(bytes: bytes, fileName: "surat.csv", importTime: Fx.importTime)
    }

    func testCommaSeparatedWithNestedColumnsAndLists() throws {
        let text = "channel,body,location.regency,reporter.name,reporter.groups,tags,attachments,anonymous,confidential,received_at\r\n"
            + "letter,Surat warga,Kabupaten Sleman,Siti,perempuan|lansia,jalan|rusak,foto.jpg=sha256:1|surat.pdf,ya,0,2026-04-01T08:15:00+07:00\r\n"
        let batch = decode(text, bom: true)
        XCTAssertEqual(batch.problems, [])
        let i = try XCTUnwrap(batch.records.first?.intake)
        XCTAssertEqual(batch.records.first?.line, 2)
        XCTAssertEqual(i.channel, .letter)
        XCTAssertEqual(i.body, "Surat warga")
        XCTAssertEqual(i.location.regency, "Kabupaten Sleman")
        XCTAssertEqual(i.reporter.name, "Siti")
        XCTAssertEqual(i.reporter.groups, [.perempuan, .lansia])
        XCTAssertEqual(i.tags, ["jalan", "rusak"])
        XCTAssertEqual(i.attachments, [Attachment(name: "foto.jpg", ref: "sha256:1"), Attachment(name: "surat.pdf")])
        XCTAssertTrue(i.anonymous)
        XCTAssertFalse(i.confidential)
        XCTAssertEqual(i.receivedAt, Fx.received)
    }

    /// QA: an exported NIK or `08…` phone number (kept as text behind a `'`) imports again as the value;
    /// a `'` anywhere else is the citizen's text.
    func testDigitsOurExportMarkedAsTextReadBackAsTheirValue() throws {
        let text = "channel,body,reporter.nik,reporter.phone,title\r\n"
            + "sms,isi,'3404012345670001,'081234567890,'123\r\n"
        let batch = decode(text)
        XCTAssertEqual(batch.problems, [])
        let i = try XCTUnwrap(batch.records.first?.intake)
        XCTAssertEqual(i.reporter.nik, "3404012345670001")
        XCTAssertEqual(i.reporter.phone, "081234567890")
        XCTAssertEqual(i.title, "'123", "short digits are never marked, so this quote is the text's own")
    }

    /// QA: a title our export defused (`'=cmd|calc`) came back with the quote. The file is our export (its
    /// `regency` column) with a body added.
    func testFormulasOurExportDefusedReadBackAsWritten() throws {
        for title in ["=cmd|calc", "+62 di judul", "-", "@siapa", "biasa", "'kutip sendiri", "'=x", "''", "'0812"] {
            let cell = CSVWriter.cell(title, separator: .comma)
            let batch = decode("channel,body,title,regency\r\nsms,isi,\(cell),\r\n")
            XCTAssertEqual(batch.records.first?.intake.title, title, cell)
        }
    }

    /// QA: a file from another system lost the leading `'` of its text ("'=SUM(A1) kata warga"): only a
    /// file with our export's columns carries our markers, and a body (which our export never writes) never.
    func testAnotherSystemsTextKeepsItsLeadingQuote() throws {
        let foreign = decode("external_id,channel,body,title\nap1,web,'=SUM(A1) kata warga,'-5 derajat di kelas\n")
        XCTAssertEqual(foreign.records.first?.intake.body, "'=SUM(A1) kata warga")
        XCTAssertEqual(foreign.records.first?.intake.title, "'-5 derajat di kelas")
        let ours = decode("external_id,channel,body,title,regency\nap1,web,'=SUM(A1) kata warga,'-5 derajat,\n")
        XCTAssertEqual(ours.records.first?.intake.body, "'=SUM(A1) kata warga", "our export writes no body")
        XCTAssertEqual(ours.records.first?.intake.title, "-5 derajat")
    }

    /// QA: a row with fewer fields than the header was recorded silently; one with more is refused.
    func testAShortRowIsRecordedWithAWarningNamingTheLine() {
        let batch = decode("external_id,channel,body,title\nc-1,sms,lengkap,Judul\nc-2,sms,pendek\n")
        XCTAssertEqual(batch.records.map(\.line), [2, 3])
        XCTAssertEqual(batch.warnings.map(\.description),
                       ["surat.csv:3: record has 3 fields but the header has 4; the missing ones are taken as empty"])
    }

    func testSemicolonsQuotesAndNewlinesInsideFields() throws {
        let text = """
        channel;body;title;reporter.groups
        sms;"Baris satu;
        baris ""dua"", koma";"Judul; dengan titik koma";"pemuda, disabilitas"
        web;biasa;;

        email;"terakhir"
        """
        let batch = decode(text)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.records.map(\.line), [2, 4, 6])
        let first = try XCTUnwrap(batch.records.first?.intake)
        XCTAssertEqual(first.body, "Baris satu;\nbaris \"dua\", koma")
        XCTAssertEqual(first.title, "Judul; dengan titik koma")
        XCTAssertEqual(first.reporter.groups, [.pemuda, .disabilitas])
        XCTAssertNil(batch.records[1].intake.title, "an empty cell is missing")
        XCTAssertEqual(batch.records[2].intake.body, "terakhir")
    }

    func testCRLFInsideQuotedFieldIsKeptAndLinesCountRight() {
        let text = "channel,body\r\nsms,\"a\r\nb\r\nc\"\r\nfax,x\r\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.first?.intake.body, "a\r\nb\r\nc")
        XCTAssertEqual(batch.problems.map(\.line), [5], "the second record starts on line 5")
    }

    func testBadCellsNameTheFieldAndTheRecordLine() {
        let text = """
        channel,body,anonymous,reporter.groups,received_at,incident_date
        sms,baik,,,,
        sms,"dua
        baris",mungkin,,,
        sms,x,,pria,,
        sms,x,,,besok,
        ,x,,,,
        sms,x,,,,2026-02-30
        sms,baik juga,tidak,,,
        """
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [2, 9])
        XCTAssertEqual(batch.problems.map(\.line), [3, 5, 6, 7, 8])
        XCTAssertEqual(batch.problems.first?.description,
                       "surat.csv:3: anonymous: expected true/false/ya/tidak/1/0, found 'mungkin'")
        XCTAssertEqual(batch.problems[1].field, "reporter.groups[0]")
        XCTAssertEqual(batch.problems[2].field, "received_at")
        XCTAssertEqual(batch.problems[3].field, "channel")
        XCTAssertEqual(batch.problems[4].field, "incident_date")
    }

    /// QA: a 100 MB cell was recorded, and every later start of the desk took seconds; the journal refuses
    /// such a record in a JSON-lines file, so its own export could not be imported again either.
    func testARecordOverTheLineLimitIsRejectedAndTheOthersKept() {
        let text = "channel,body\nsms,kecil\nsms,\"" + String(repeating: "A", count: IntakeFile.defaultMaxLineBytes + 1) + "\"\nsms,lagi\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.intake.body), ["kecil", "lagi"])
        XCTAssertEqual(batch.problems.map(\.description), ["surat.csv:3: record is longer than 16 MiB as written (escapes included); rejected"])
    }

    /// QA: a body of 3 MiB bidi controls (9 MiB as read) was recorded, but the journal and the intake export
    /// escape each one in 6 bytes: the 18 MiB export line was then refused by `import`. The limit counts
    /// text as it will be written.
    func testTheLimitCountsEscapedTextAsWritten() {
        let hostile = String(repeating: "x\u{202E}", count: 3 << 20)
        let text = "channel,body\nsms,\"" + hostile + "\"\nsms,lagi\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.intake.body), ["lagi"])
        XCTAssertEqual(batch.problems.map(\.description), ["surat.csv:2: record is longer than 16 MiB as written (escapes included); rejected"])
    }

    /// Each row that keeps an unknown column says so; `import` says it once per file, at the first row recorded.
    func testUnknownColumnsAreKeptAndWarnedAtEveryRow() {
        let text = "channel,body,kode pos\nsms,a,55281\nsms,b,55282\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.intake.extra), [["kode pos": #""55281""#], ["kode pos": #""55282""#]])
        XCTAssertEqual(batch.warnings.map(\.description), ["surat.csv:2: kode pos: unknown field kept verbatim",
                                                           "surat.csv:3: kode pos: unknown field kept verbatim"])
    }

    func testMalformedQuotingAndTooManyFields() {
        let text = "channel,body\nsms,\"a\"b\nsms,a,b\nsms,ok\nsms,\"never closed\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.line), [4])
        XCTAssertEqual(batch.problems.map(\.description), [
            "surat.csv:2: text after a closing quote",
            "surat.csv:3: record has 3 fields but the header has 2",
            "surat.csv:5: quoted field opened on line 5 is never closed",
        ])
    }

    /// QA: a quote never closed took every later row into one field: the good rows were neither recorded
    /// nor named. The record ends with its own line; the rows after it are read as usual.
    func testAnUnclosedQuoteCostsOnlyItsOwnLine() {
        let text = "external_id,channel,body\nq-1,web,good one\nq-2,web,\"unclosed quote\nq-3,web,good three\r\nq-4,web,\"good\nfour\"\n"
        let batch = decode(text)
        XCTAssertEqual(batch.records.map(\.intake.externalID), ["q-1", "q-3", "q-4"])
        XCTAssertEqual(batch.records.map(\.line), [2, 4, 5])
        XCTAssertEqual(batch.records.last?.intake.body, "good\nfour")
        XCTAssertEqual(batch.problems.map(\.description), ["surat.csv:3: quoted field opened on line 3 is never closed"])
    }

    /// QA: the columns our own export names (`reporter_nik`, `regency`) were kept as unknown extras: the NIK
    /// was not checked and the reporter's name escaped anonim. They are the intake fields they name.
    func testTheExportsColumnNamesAreReadAsTheFieldsTheyName() throws {
        let batch = decode("channel,body,anonymous,reporter_name,reporter_nik,reporter_phone,province,regency\r\n"
                           + "sms,isi,true,Siti,'3404012345670001,'081234,DI Yogyakarta,Kabupaten Sleman\r\n"
                           + "sms,isi,true,Budi,3404,,,\r\n")
        let i = try XCTUnwrap(batch.records.first?.intake)
        XCTAssertEqual(i.reporter.name, "Siti")
        XCTAssertEqual(i.reporter.nik, "3404012345670001")
        XCTAssertEqual(i.location.regency, "Kabupaten Sleman")
        XCTAssertEqual(i.extra, [:])
        XCTAssertEqual(batch.problems.map(\.description), ["surat.csv:3: reporter.nik: not a NIK (16 digits, as on the KTP): '3404'"])
        XCTAssertEqual(batch.warnings, [])
    }

    /// Our report list (`export --format csv`) is not intake: it has no report text. Said so.
    func testAReportListIsRefusedSayingWhatToExportInstead() {
        let batch = decode(ReportExport.csvColumns(public: false).joined(separator: ",") + "\r\n2600001,baru\r\n")
        XCTAssertEqual(batch.records.count, 0)
        XCTAssertTrue(batch.problems.first?.description.contains("this looks like a report list from `export --format csv`") == true,
                      "\(batch.problems)")
    }

    func testHeaderProblemsRejectTheFile() {
        XCTAssertEqual(decode("channel,judul\nsms,x\n").problems.map(\.description),
                       ["surat.csv:1: header: required column body missing"])
        XCTAssertEqual(decode("channel,body,body\nsms,x,y\n").problems.map(\.description),
                       ["surat.csv:1: header: column 'body' appears more than once"])
        XCTAssertEqual(decode("").problems.map(\.description), ["surat.csv:1: no header line (empty file)"])
    }

    func testInvalidUTF8InACellRejectsOnlyThatRecord() {
        let bytes = Array("channel,body\nsms,".utf8) + [0xC3] + Array("\nsms,baik\n".utf8)
        let batch = CSVIntake.decode(bytes: bytes, fileName: "surat.csv", importTime: Fx.importTime)
        XCTAssertEqual(batch.records.map(\.intake.body), ["baik"])
        XCTAssertEqual(batch.problems.map(\.description), ["surat.csv:2: body: invalid UTF-8 at byte 1 of the cell"])
    }

    /// Both copies are handed to the desk, which records the first it accepts (`import` names the other).
    func testDuplicateExternalIDsInCSVAreAllHandedToTheDesk() {
        let batch = decode("channel,external_id,body\nsms,k1,a\nsms,k1,b\n")
        XCTAssertEqual(batch.records.map(\.intake.body), ["a", "b"])
        XCTAssertEqual(batch.warnings, [])
    }

    func testBodyTextIsNotTrimmed() {
        let batch = decode("channel,body\n sms , isi dengan spasi \n")
        XCTAssertEqual(batch.records.first?.intake.channel, .sms)
        XCTAssertEqual(batch.records.first?.intake.body, " isi dengan spasi ")
    }
}

final class CSVIntakeHeaderTests: XCTestCase {
    func testKnownColumnsMatchWhateverTheCapitalisation() {
        let batch = CSVIntake.decode(bytes: Array("Channel,BODY,Location.Regency\nsms,a,Sleman\n".utf8),
                                     fileName: "f.csv", importTime: Fx.importTime)
        XCTAssertEqual(batch.problems, [])
        XCTAssertEqual(batch.records.first?.intake.location.regency, "Sleman")
    }
}
