/// What the next build needs to know of a language's index files to cut again only what
/// an edit reaches, without the texts they were cut from: each document's key (what its
/// entry was made from) and the shards its terms fell into. Small enough to keep between
/// runs (under a megabyte per language at 5 000 stories), so a one-shot `caravan build`
/// updates the index as cheaply as `caravan serve` does.
struct SearchIndexState: Sendable, Equatable {
    var shardCount: Int
    /// The size the shard count was chosen for (`SearchIndex.Files.shardCount(for:)`).
    var estimate: Int
    /// Each document's `SearchIndex.key`, by id.
    var documentKeys: [UInt64]
    /// The shards holding each document's terms, one bit each: `wordsPerDocument` words
    /// per document, in id order.
    var shardBits: [UInt64]

    var documentCount: Int { documentKeys.count }
    var wordsPerDocument: Int { (shardCount + 63) / 64 }

    /// The shards holding the terms of document `id`.
    func shards(ofDocument id: Int) -> [Int] {
        (0..<wordsPerDocument).flatMap { word in
            let bits = shardBits[id * wordsPerDocument + word]
            return (0..<64).filter { bits & 1 << $0 != 0 }.map { word * 64 + $0 }
        }
    }

    mutating func setShards(_ shards: some Sequence<Int>, ofDocument id: Int) {
        let start = id * wordsPerDocument
        for word in start..<start + wordsPerDocument { shardBits[word] = 0 }
        for shard in shards { shardBits[start + shard / 64] |= 1 << UInt64(shard % 64) }
    }

    /// The shards any document has a term in, one bit each: those whose files exist.
    var usedShards: [UInt64] {
        var used = [UInt64](repeating: 0, count: wordsPerDocument)
        for (position, bits) in shardBits.enumerated() { used[position % wordsPerDocument] |= bits }
        return used
    }

    /// Every file of the index it describes, by path inside the language's data folder.
    var paths: [String] {
        let used = usedShards
        var paths = ["meta.json"]
        for shard in 0..<shardCount where used[shard / 64] & 1 << UInt64(shard % 64) != 0 {
            paths.append(SearchIndex.Files.shardPath(index: shard))
        }
        for start in stride(from: 0, to: documentCount, by: SearchIndex.chunkSize) {
            paths.append(SearchIndex.Files.chunkPath(ofDocument: start))
        }
        return paths
    }
}

extension SearchIndex {
    /// What document `story` in `language` is made from: the story's front matter and body
    /// and what every page shares (`InputKeys.shared`: site.yaml, strings, tag and corridor
    /// names, options). Equal keys give equal documents.
    static func key(of story: Story, in language: String, shared: UInt64) -> UInt64 {
        let document = story.translations[language]!
        var hash = ContentHash()
        hash.add(shared)
        hash.add(document.headHash)
        hash.add(document.bodyHash)
        return hash.value
    }
}
