import Foundation

/// Notices edits under `Content/`, `Templates/` and `Public/` by comparing file sizes and
/// modification times. Polling is portable and cheap at this size (thousands of `stat`s
/// a tick), and it sees saves made by any editor, including atomic rename-into-place.
struct SourceWatcher {
    static let folders = ["Content", "Templates", "Public"]
    let root: String

    typealias Snapshot = [String: (size: Int, modified: Double)]

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        let manager = FileManager.default
        for folder in Self.folders {
            let base = root + "/" + folder
            guard let enumerator = manager.enumerator(atPath: base) else { continue }
            while let path = enumerator.nextObject() as? String {
                var info = stat()
                guard stat(base + "/" + path, &info) == 0 else { continue }
                let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
                result[folder + "/" + path] = (Int(info.st_size), modified)
            }
        }
        return result
    }

    static func differ(_ a: Snapshot, _ b: Snapshot) -> Bool {
        guard a.count == b.count else { return true }
        for (path, entry) in a {
            guard let other = b[path], other.size == entry.size, other.modified == entry.modified else { return true }
        }
        return false
    }
}
