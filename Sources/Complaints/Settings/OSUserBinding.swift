/// Which operating-system account may act as which operator (the roster's optional `os_user` field).
///
/// A desk whose roster names no `os_user` is a single-account desk (training room, demo, one officer):
/// anyone who can open the folder may act as any operator, as before. Once any operator names an
/// `os_user`, changing the desk requires the chosen operator's `os_user` to be the account running the
/// program; everyone else may still read (the console opens read-only with a banner saying why, `act`
/// is refused). This binds the journal's two traces (operator name and OS account) together; it is not
/// an authentication boundary of its own, which is what the data folder's file permissions are.
public enum OSUserBinding {
    /// Nil when `osUser` may change the desk as `operatorName`, else why not (shown to the officer).
    public static func writeRefusal(roster: Roster, operatorName: String, osUser: String?) -> Localized? {
        guard !roster.osUsers.isEmpty else { return nil }
        let account = osUser ?? "?"
        guard roster.osUsers.values.contains(account) else {
            return Localized("pengguna OS '\(account)' tidak ada di daftar petugas (os_user)",
                             en: "OS user '\(account)' is not on the roster (os_user)")
        }
        guard let bound = roster.osUsers[operatorName] else {
            return Localized("petugas '\(operatorName)' tidak punya os_user di daftar petugas",
                             en: "operator '\(operatorName)' has no os_user on the roster")
        }
        guard bound == account else {
            return Localized("petugas '\(operatorName)' milik pengguna OS '\(bound)', bukan '\(account)'",
                             en: "operator '\(operatorName)' belongs to OS user '\(bound)', not '\(account)'")
        }
        return nil
    }
}
