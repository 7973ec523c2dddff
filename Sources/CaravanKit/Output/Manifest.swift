/// What the previous build wrote: path → (hash, size), kept in the output folder so the
/// next build touches only what changed and deletes only what it made.
struct Manifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var hash: UInt64
        var size: Int
    }

    var entries: [String: Entry] = [:]
    /// The `SourceFingerprint` of the build that wrote these files.
    var inputs: UInt64?

    static let fileName = ".caravan-manifest"

    /// One line per file: `hash size path`; unreadable lines are skipped (the file is then
    /// simply rewritten, never deleted, since only listed files are ever deleted).
    init(text: String) {
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# inputs ") {
                inputs = UInt64(line.dropFirst("# inputs ".count), radix: 16)
                continue
            }
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { continue }
            entries[String(parts[2])] = Entry(hash: hash, size: size)
        }
    }

    init(entries: [String: Entry] = [:], inputs: UInt64? = nil) {
        self.entries = entries
        self.inputs = inputs
    }

    var text: String {
        (inputs.map { "# inputs \(String($0, radix: 16))\n" } ?? "") + entries.keys.sorted().map { path in
            let entry = entries[path]!
            return "\(String(entry.hash, radix: 16)) \(entry.size) \(path)"
        }.joined(separator: "\n") + "\n"
    }
}
