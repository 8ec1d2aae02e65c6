/// Probe.
public enum DeskResources {
    public static var probe: [UInt8] { PackageResources.probe_toml }
}
