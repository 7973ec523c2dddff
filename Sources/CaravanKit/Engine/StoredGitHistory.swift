/// The story files' git history as the last run of `caravan build` read it, kept in the
/// state folder with the repository state it was read at (`GitHistory.signature`): while
/// no commit, checkout or reset changes that, the next build takes it as it is instead of
/// starting git, whose `git log` walks the whole history of `Content/` on every run.
struct StoredGitHistory: Sendable {
    var signature: String
    var history: GitHistory

    private static let magic = Array("caravan git history 1\n".utf8)

    init(signature: String, history: GitHistory) {
        (self.signature, self.history) = (signature, history)
    }

    /// Nil for unreadable or foreign bytes: git is asked again.
    init?(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return nil }
        var reader = StateReader(bytes: bytes, offset: Self.magic.count)
        guard let signature = reader.text(), let count = reader.number(), count < 10_000_000 else { return nil }
        var commits: [String: [Int]] = [:]
        commits.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = reader.text(), let timeCount = reader.number(), timeCount < 10_000_000 else { return nil }
            var times: [Int] = []
            times.reserveCapacity(timeCount)
            for _ in 0..<timeCount {
                guard let time = reader.number() else { return nil }
                times.append(time)
            }
            commits[path] = times
        }
        guard reader.isAtEnd else { return nil }
        self.init(signature: signature, history: GitHistory(commits: commits))
    }

    var bytes: [UInt8] {
        var writer = StateWriter(bytes: Self.magic)
        writer.text(signature)
        writer.number(history.commits.count)
        for (path, times) in history.commits {
            writer.text(path)
            writer.number(times.count)
            for time in times { writer.number(time) }
        }
        return writer.bytes
    }
}
