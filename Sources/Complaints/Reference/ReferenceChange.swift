/// The desk's reference data edited under a running console (`ReferenceSource` watches `referensi/`).
public enum ReferenceChange: Sendable {
    /// The files changed and read cleanly (the roster still agrees with them): the desk's directory now.
    case reloaded(ReferenceData)
    /// The files changed but hold mistakes (each with file and line): the reference data in use stays.
    case refused([String])
}
