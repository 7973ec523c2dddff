import Glibc

/// A whole file written with plain POSIX calls. No `fsync`: what Caravan writes outside the
/// output folder (its state, a new story) is worth a rebuild or a retry at most, and
/// Foundation's atomic write, which syncs, held every build up for the disk (up to 70 ms
/// before the first page was written).
enum WholeFile {
    /// Creates `path` with `bytes`, never through a symbolic link; `exclusive`: never over
    /// an existing file either. On failure nothing is left at `path` and the reason is
    /// returned.
    static func write(_ bytes: [UInt8], to path: String, exclusive: Bool) -> String? {
        let fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC), 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if count <= 0 {
                let problem = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                return problem
            }
            done += count
        }
        guard close(fd) == 0 else {
            let problem = String(cString: strerror(errno))
            unlink(path)
            return problem
        }
        return nil
    }
}
