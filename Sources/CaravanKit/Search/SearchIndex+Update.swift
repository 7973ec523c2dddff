extension SearchIndex.Files {
    /// A document whose story changed since the files were cut: its id, its text then and now.
    struct Change {
        var id: Int
        var old: SearchIndex.Document
        var new: SearchIndex.Document
    }

    /// The files after `changes`, re-cutting only the shards of the terms that came, went or
    /// moved in or out of a title, and the chunks whose rows changed: the same bytes a full
    /// cut gives, for the cost of one story. `document(id)` gives any document as it is now
    /// (for a chunk's other rows). Nil when the index grew or shrank past its shard count:
    /// then only a full cut is right.
    func updated(with changes: [Change], document: (Int) -> SearchIndex.Document) -> (files: Self, rewritten: Set<String>)? {
        // Each term's postings lose the changed documents that held it and gain those that hold it now.
        var touched: [String: (removed: Set<UInt32>, added: [UInt32])] = [:]
        for change in changes {
            let old = Self.terms(of: change.old), new = Self.terms(of: change.new)
            let id = UInt32(change.id)
            for (term, title) in old where new[term] != title { touched[term, default: ([], [])].removed.insert(id) }
            for (term, title) in new where old[term] != title {
                touched[term, default: ([], [])].removed.insert(id)
                touched[term, default: ([], [])].added.append(id << 1 | title)
            }
        }
        var files = self
        var rewritten = Set<String>()
        let byShard = Dictionary(grouping: touched.keys) { Self.shardPath($0, shardCount: shardCount) }
        for (path, terms) in byShard {
            var postings = bytes[path].map(Self.decodeShard) ?? [:]
            for term in terms {
                let change = touched[term]!
                var list = (postings[term] ?? []).filter { !change.removed.contains($0 >> 1) }
                list += change.added
                list.sort { $0 >> 1 < $1 >> 1 }
                postings[term] = list.isEmpty ? nil : list
            }
            // A shard's entries add up to its size less the braces: see `estimate`.
            files.estimate -= bytes[path].map { $0.count - 2 } ?? 0
            if postings.isEmpty {
                files.bytes[path] = nil
            } else {
                let shard = SearchIndex.shard(postings.map { (text: $0.key, postings: $0.value) })
                files.estimate += shard.count - 2
                files.bytes[path] = shard
            }
            rewritten.insert(path)
        }
        guard Self.shardCount(for: files.estimate) == shardCount else { return nil }
        for change in changes where !change.old.hasTheSameRow(as: change.new) {
            let start = change.id / SearchIndex.chunkSize * SearchIndex.chunkSize
            let path = Self.chunkPath(ofDocument: start)
            guard !rewritten.contains(path) else { continue }
            files.bytes[path] = SearchIndex.chunk((start..<min(start + SearchIndex.chunkSize, documentCount)).map(document))
            rewritten.insert(path)
        }
        return (files, rewritten)
    }

    /// Each distinct term of the document, with 1 when its title holds it.
    private static func terms(of document: SearchIndex.Document) -> [String: UInt32] {
        let terms = DocumentTerms(document)
        let words = Dictionary(terms.words.map { ($0.key, $0.text) }, uniquingKeysWith: { first, _ in first })
        var result: [String: UInt32] = [:]
        for entry in terms.entries {
            let key = entry & DocumentTerms.keyBits
            let text = key & DocumentTerms.wordTag != 0 ? words[key]! : SearchTerm.text(ofHan: key)
            result[text] = entry & DocumentTerms.titleBit == 0 ? 0 : 1
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
                value = value * 36 + UInt32(digit <= UInt8(ascii: "9") ? digit - UInt8(ascii: "0") : digit - UInt8(ascii: "a") + 10)
            }
            previous += value >> 1
            list.append(previous << 1 | value & 1)
        }
        return list
    }
}

extension SearchIndex.Document {
    /// Whether the document table shows both the same way.
    func hasTheSameRow(as other: Self) -> Bool {
        (title, link, dateISO, dateText, excerpt) == (other.title, other.link, other.dateISO, other.dateText, other.excerpt)
    }
}
