import Complaints
#if canImport(Glibc)
import Glibc
#endif

extension JournalError {
    /// The failure in the officer's language: a console that could not open its journal for writing says
    /// why on its message line and title bar, and an Indonesian desk read English there (QA). `en` is
    /// `description`, which the command line and logs keep.
    public var explanation: Localized {
        switch self {
        case let .invalidEntry(field, reason):
            Localized("entri jurnal tidak sah: \(field): \(reason)", en: description)
        case .invalidLine:
            Localized(description, en: description)
        case let .lockedByAnotherProcess(path, waited, holder):
            // `LockHolder` says "process 4242 (lapor-desk)".
            Localized("jurnal dikunci proses lain\(holder.map { ", \(LockHolder.named($0).id)," } ?? "") "
                + "lebih dari \(waited) detik (\(path))", en: description)
        case let .unsafeDataFolder(reason):
            reason
        case let .segmentReplaced(path):
            Localized("\(path) dihapus, diganti atau dipotong selagi konsol ini membukanya; tidak ada yang ditulis; "
                + "jalankan `lapor-desk check` dan pulihkan segmen itu dari cadangan", en: description)
        case let .readOnly(reason):
            Localized("jurnal baca saja: \(reason)", en: description)
        case let .io(operation, path, code):
            Localized("\(operation) gagal untuk \(path): \(errnoText(code))" + (code == EACCES || code == EPERM
                ? "; \(OSAccount.current().map { "akun OS \($0)" } ?? "akun OS ini") tidak boleh memakainya: beri akses (meja bersama: "
                    + "`chgrp -R GRUP DIR && chmod -R g+rX DIR`, lalu `grup = \"GRUP\"` di desk.toml) atau jalankan sebagai pemilik meja"
                : ""), en: description)
        case let .writeFailed(path, operation, code):
            Localized("\(operation) gagal untuk \(path): \(errnoText(code)); tidak ada yang ditulis", en: description)
        case let .writeFailedAndNotRolledBack(path, operation, code, rollback):
            Localized("\(operation) gagal untuk \(path): \(errnoText(code)); "
                + "baris setengah jadi juga gagal dihapus: \(errnoText(rollback)); jalankan `check --repair`", en: description)
        }
    }
}
