/// The version `caravan --version` prints. Raised by hand with each release that changes
/// what editors write or what the site looks like; 0.x while the content format may change.
public enum CaravanVersion {
    public static let current = "0.18.0"
}
