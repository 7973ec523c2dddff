import Foundation

extension OutputFolder {
    /// Removes everything in the folder, then the folder itself (`caravan clean`, once the
    /// marker said the folder is caravan's). Like every other delete under the output folder
    /// it never follows a symbolic link: a link is removed as a file, never what it points to.
    /// True when the folder is gone.
    func removeAll() -> Bool {
        closeFolders()
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        return Self.empty(fd) && rmdir(path) == 0
    }

    /// Empties the folder open as `fd` (and closes it); true when nothing is left in it.
    private static func empty(_ fd: Int32) -> Bool {
        guard let dir = fdopendir(fd) else {
            close(fd)
            return false
        }
        defer { closedir(dir) }
        // Names first, removal after: a folder is not changed while it is being read.
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        var emptied = true
        for name in names {
            let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child >= 0 {
                emptied = empty(child) && unlinkat(dirfd(dir), name, AT_REMOVEDIR) == 0 && emptied
            } else {
                emptied = unlinkat(dirfd(dir), name, 0) == 0 && emptied
            }
        }
        return emptied
    }
}
