extension SearchIndexState {
    /// The index after the documents `changed` (by id, as they are now) were edited: each
    /// shard that held or now holds one of their terms is read back (`previousFile`, by path
    /// inside the language's data folder), loses every posting of those documents and gains
    /// their terms as they are now; each chunk of the document table holding one is written
    /// again from `document(id)`. The same bytes a full cut gives, for the cost of the
    /// edited stories. Only files whose bytes change are handed back; `rewritten` also names
    /// the shards no term is left in. `keys` are every document's keys now. Nil when a shard
    /// cannot be read back, or the index grew or shrank past its shard count: then only a
    /// full cut is right. `lastIndexed`, the same documents as the last build indexed them
    /// when the caller still has them, spares reading the shards and chunks they left as
    /// they were.
    func updated(
        changing changed: [Int: SearchIndex.Document], lastIndexed: [Int: SearchIndex.Document]? = nil, keys: [UInt64],
        previousFile: (String) -> [UInt8]?, document: (Int) -> SearchIndex.Document
    ) -> (files: SearchIndex.Files, rewritten: Set<String>)? {
        var state = self
        state.documentKeys = keys
        // Each changed document's terms now, by the shard they fall into.
        var added: [Int: [String: [UInt32]]] = [:]
        var touched = Set<Int>()
        for (id, now) in changed {
            let shards = entriesByShard(id, now, into: &added)
            touched.formUnion(self.shards(ofDocument: id))
            touched.formUnion(shards)
            state.setShards(shards, ofDocument: id)
        }
        // The same, as the last build indexed them, when the caller still has those documents
        // (serve keeps the last site): a shard where nothing of theirs changed is not read back.
        var indexedBefore: [Int: [String: [UInt32]]]?
        if let lastIndexed, lastIndexed.keys.sorted() == changed.keys.sorted() {
            indexedBefore = [:]
            for (id, then) in lastIndexed { _ = entriesByShard(id, then, into: &indexedBefore!) }
        }
        let ids = Set(changed.keys.map(UInt32.init))
        let used = usedShards
        var files = SearchIndex.Files(bytes: [:], state: state)
        var rewritten = Set<String>()
        for shard in touched {
            let path = SearchIndex.Files.shardPath(index: shard)
            var postings: [String: [UInt32]] = [:]
            var before: [UInt8]?
            let now = (added[shard] ?? [:]).mapValues { $0.sorted() }
            if let indexedBefore, (indexedBefore[shard] ?? [:]).mapValues({ $0.sorted() }) == now { continue }
            if used[shard / 64] & 1 << UInt64(shard % 64) != 0 {
                guard let bytes = previousFile(path) else { return nil }
                // Most shards an edited story reaches hold its terms there as they were.
                if Self.entries(of: ids, inShard: bytes) == now { continue }
                before = bytes
                // A shard's entries add up to its size less the braces: see `estimate`.
                files.state.estimate -= bytes.count - 2
                for (term, list) in Self.decodeShard(bytes) {
                    let kept = list.filter { !ids.contains($0 >> 1) }
                    if !kept.isEmpty { postings[term] = kept }
                }
            }
            for (term, entries) in now {
                postings[term, default: []] += entries
                postings[term]!.sort { $0 >> 1 < $1 >> 1 }
            }
            let after = postings.isEmpty ? nil : SearchIndex.shard(postings.map { (text: $0.key, postings: $0.value) })
            files.state.estimate += after.map { $0.count - 2 } ?? 0
            // Most shards of an edited story hold only terms it still has, as it had them.
            guard after != before else { continue }
            files.bytes[path] = after
            rewritten.insert(path)
        }
        guard SearchIndex.Files.shardCount(for: files.state.estimate) == shardCount else { return nil }
        for (id, now) in changed {
            // A chunk lists titles, links, dates and excerpts: an edit further down the body
            // leaves them as they were.
            if let then = lastIndexed?[id], then.listsAs(now) { continue }
            let start = id / SearchIndex.chunkSize * SearchIndex.chunkSize
            let path = SearchIndex.Files.chunkPath(ofDocument: start)
            guard !rewritten.contains(path) else { continue }
            let chunk = SearchIndex.chunk((start..<min(start + SearchIndex.chunkSize, documentCount)).map(document))
            guard chunk != previousFile(path) else { continue }
            files.bytes[path] = chunk
            rewritten.insert(path)
        }
        return (files, rewritten)
    }

    /// Adds the postings of document `id` to `postings`, by shard then term; returns the
    /// shards it has terms in.
    private func entriesByShard(_ id: Int, _ document: SearchIndex.Document, into postings: inout [Int: [String: [UInt32]]]) -> Set<Int> {
        var shards = Set<Int>()
        for (term, inTitle) in DocumentTerms(document).texts {
            let shard = SearchIndex.Files.shard(of: term, shardCount: shardCount)
            postings[shard, default: [:]][term, default: []].append(UInt32(id) << 1 | (inTitle ? 1 : 0))
            shards.insert(shard)
        }
        return shards
    }

    /// The postings of the documents `ids` in a shard file, by term, in id order: read in
    /// one pass over the bytes, making a string only for the terms they hold.
    private static func entries(of ids: Set<UInt32>, inShard bytes: [UInt8]) -> [String: [UInt32]] {
        var result: [String: [UInt32]] = [:]
        let largest = ids.max() ?? 0
        bytes.withUnsafeBufferPointer { bytes in
            let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
            var index = 0
            // `{"term":"list",…}`: see `decodeShard`.
            while let termStart = bytes[index...].firstIndex(of: quote).map({ $0 + 1 }) {
                guard let termEnd = bytes[termStart...].firstIndex(of: quote), termEnd + 3 <= bytes.count else { return }
                index = termEnd + 3
                var previous: UInt32 = 0, value: UInt32 = 0
                var term: String?
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == comma || byte == quote {
                        previous &+= value >> 1
                        if previous <= largest, ids.contains(previous) {
                            term = term ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[termStart..<termEnd]), as: UTF8.self)
                            result[term!, default: []].append(previous << 1 | value & 1)
                        }
                        value = 0
                        if byte == quote { break }
                    } else {
                        value = value &* 36 &+ UInt32(byte <= UInt8(ascii: "9") ? byte &- UInt8(ascii: "0") : byte &- UInt8(ascii: "a") &+ 10)
                    }
                }
            }
        }
        return result
    }

    /// A shard file read back: each term's postings as `id × 2 (+ 1 in the title)`.
    private static func decodeShard(_ bytes: [UInt8]) -> [String: [UInt32]] {
        var result: [String: [UInt32]] = [:]
        // `{"term":"list",…}`: terms and lists hold no quotes (the tokenizer keeps letters,
        // digits and Han only; lists are base 36 and commas).
        var quotes: [Int] = []
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\"") { quotes.append(index) }
        for start in stride(from: 0, to: quotes.count - 3, by: 4) {
            let term = String(decoding: bytes[(quotes[start] + 1)..<quotes[start + 1]], as: UTF8.self)
            result[term] = decodeList(bytes[(quotes[start + 2] + 1)..<quotes[start + 3]])
        }
        return result
    }

    private static func decodeList(_ bytes: ArraySlice<UInt8>) -> [UInt32] {
        var list: [UInt32] = []
        var previous: UInt32 = 0
        for number in bytes.split(separator: UInt8(ascii: ",")) {
            var value: UInt32 = 0
            for digit in number {
                value = value &* 36 &+ UInt32(digit <= UInt8(ascii: "9") ? digit &- UInt8(ascii: "0") : digit &- UInt8(ascii: "a") &+ 10)
            }
            previous &+= value >> 1
            list.append(previous << 1 | value & 1)
        }
        return list
    }
}
