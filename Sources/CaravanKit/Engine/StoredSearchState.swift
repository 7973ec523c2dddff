/// The search index states of the last build, as kept in the state folder: each language's
/// `SearchIndexState` with the digest of the index files it describes as the manifest lists
/// them (`digests(of:for:)`). A build trusts a state only when the manifest it read still
/// gives that digest: a write cut short, files changed by hand or a state older than the
/// manifest all make the index be cut in full, never updated from the wrong base.
struct StoredSearchState: Sendable {
    var languages: [String: (digest: UInt64, state: SearchIndexState)] = [:]

    private static let magic = Array("caravan search state 1\n".utf8)

    init(_ states: [String: SearchIndexState], manifest: Manifest) {
        let digests = Self.digests(of: manifest, for: Array(states.keys))
        for (language, state) in states {
            languages[language] = (digests[language]!, state)
        }
    }

    /// The states the manifest still matches.
    func states(matching manifest: Manifest) -> [String: SearchIndexState] {
        let digests = Self.digests(of: manifest, for: Array(languages.keys))
        return languages.filter { digests[$0.key] == $0.value.digest }.mapValues(\.state)
    }

    /// The manifest's entries for the index files of each language, each in one number:
    /// one pass over a manifest of tens of thousands of entries for every language. Each
    /// entry's hash is added in, so the order the manifest holds them in does not matter
    /// (sorting them cost more than the rest).
    static func digests(of manifest: Manifest, for languages: [String]) -> [String: UInt64] {
        let folders = languages.map { (language: $0, folder: Array(SearchIndex.folder($0).utf8)) }
        var digests = Dictionary(uniqueKeysWithValues: languages.map { ($0, UInt64(0)) })
        for (path, entry) in manifest.entries {
            guard let language = folders.first(where: { path.utf8.hasPrefix($0.folder) })?.language else { continue }
            var hash = ContentHash()
            hash.add(path)
            hash.add(entry.hash)
            hash.add(UInt64(bitPattern: Int64(entry.size)))   // -1 after a write cut short
            digests[language]! &+= hash.value
        }
        return digests
    }

    // MARK: - Bytes: little-endian 64-bit words after the format line

    var bytes: [UInt8] {
        var words: [UInt64] = []
        for (language, (digest, state)) in languages.sorted(by: { $0.key < $1.key }) {
            let code = Array(language.utf8)
            words.append(UInt64(code.count))
            words += stride(from: 0, to: code.count, by: 8).map { start in
                code[start..<min(start + 8, code.count)].enumerated().reduce(0) { $0 | UInt64($1.element) << UInt64(8 * $1.offset) }
            }
            words += [digest, UInt64(state.shardCount), UInt64(state.estimate), UInt64(state.documentCount)]
            words += state.documentKeys
            words += state.shardBits
        }
        return Self.magic + words.withUnsafeBytes { Array($0) }
    }

    /// Unreadable or foreign bytes give no state: the next index is cut in full.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic), (bytes.count - Self.magic.count) % 8 == 0 else { return }
        let words = bytes[Self.magic.count...].withUnsafeBytes { raw in
            (0..<raw.count / 8).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) }
        }
        var position = 0
        func take(_ count: Int) -> ArraySlice<UInt64>? {
            guard count >= 0, count <= words.count - position else { return nil }
            defer { position += count }
            return words[position..<position + count]
        }
        var languages: [String: (UInt64, SearchIndexState)] = [:]
        while position < words.count {
            guard let length = take(1)?.first, length <= 64, let code = take((Int(length) + 7) / 8),
                  let header = take(4) else { return }
            let codeBytes = code.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> UInt64(8 * $0)) } }.prefix(Int(length))
            let digest = header[header.startIndex]
            // Numbers out of range (a damaged file) end the reading, never the build.
            guard let shardCount = Int(exactly: header[header.startIndex + 1]), shardCount > 0, shardCount <= SearchIndex.maximumShards,
                  let estimate = Int(exactly: header[header.startIndex + 2]),
                  let documentCount = Int(exactly: header[header.startIndex + 3]), documentCount < 1 << 32,
                  let keys = take(documentCount), let bits = take(documentCount * ((shardCount + 63) / 64)) else { return }
            languages[String(decoding: codeBytes, as: UTF8.self)] = (digest, SearchIndexState(
                shardCount: shardCount, estimate: estimate, documentKeys: Array(keys), shardBits: Array(bits)))
        }
        self.languages = languages
    }
}
