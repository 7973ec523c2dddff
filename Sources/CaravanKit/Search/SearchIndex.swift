/// One language's search index as small static files, so a query fetches only what its
/// terms need (`SearchScript` reads them):
///
/// - `meta.json`: the format, the number of term shards and documents per chunk.
/// - `t/<hex>.json`: a shard of the term dictionary, chosen by the FNV-1a hash of the term:
///   `{"term": "postings", …}`, terms in byte order. Postings are the ids of the documents
///   holding the term, ascending, each written as base-36 of `(id − previous id) × 2 + 1`
///   if the term is in the title, `+ 0` if only elsewhere.
/// - `d/<n>.json`: documents `n × chunk` onwards: `[title, link from the search page,
///   ISO date, date as written, excerpt]`.
///
/// Document ids follow the site's order (articles newest first, then pages), so a lower id
/// is a more recent story and an edit that changes no date keeps every id: only the shards
/// whose terms changed and the document's chunk come out different, and the writer leaves
/// every other file untouched.
struct SearchIndex: Sendable {
    struct Document: Sendable {
        var title: String
        /// The story's address relative to the search page (`../articles/x/`).
        var link: String
        var dateISO: String
        var dateText: String
        var excerpt: String
        /// Everything else a reader may look for: its tag and corridor names (one a line),
        /// and its Markdown (only the tokenizer reads it, without the markup `SearchText`
        /// leaves out).
        var names: String
        var body: String

        /// Whether a chunk lists the two documents alike (`SearchIndex.chunk`).
        func listsAs(_ other: Document) -> Bool {
            title == other.title && link == other.link && dateISO == other.dateISO && dateText == other.dateText
                && excerpt == other.excerpt
        }
    }

    static let formatVersion = 1
    static let chunkSize = 16
    /// The target size of a shard in bytes: a few shards per query stay well under 100 KB.
    static let shardBytes = 8_192
    static let maximumShards = 4_096

    /// The documents by id, their text (`body`) already cut into `terms` and let go.
    let documents: [Document]
    /// Each document's key (`SearchIndex.key`), by id.
    let keys: [UInt64]
    /// Each document's terms, until `files()` turns them into postings.
    var terms: [DocumentTerms]

    /// A language's index files, and what an update of them needs to know.
    struct Files: Sendable {
        /// By path inside the language's search data folder: every file of a full cut, the
        /// files an update changed.
        var bytes: [String: [UInt8]]
        var state: SearchIndexState

        static func shardCount(for estimate: Int) -> Int {
            var count = 1
            while count < SearchIndex.maximumShards, count * SearchIndex.shardBytes < estimate { count *= 2 }
            return count
        }

        /// The shard holding `term`, of `shardCount` (a power of two).
        static func shard(of term: String, shardCount: Int) -> Int {
            Int(SearchIndex.hash(term) & UInt32(shardCount - 1))
        }

        static func shardPath(index: Int) -> String { "t/\(String(index, radix: 16)).json" }

        static func chunkPath(ofDocument id: Int) -> String { "d/\(id / SearchIndex.chunkSize).json" }
    }

    /// The files of the whole index (the terms go into the postings as they are counted).
    mutating func files() -> Files {
        var taken: [DocumentTerms] = []
        swap(&taken, &terms)
        let postings = SearchPostings(consume taken)
        let termNumbers = Array(postings.terms.indices)
        let estimate = termNumbers.reduce(0) { total, term in
            total + postings.terms[term].utf8.count + Self.encodedCount(postings.postings(of: term)) + 6
        }
        let shardCount = Files.shardCount(for: estimate)
        var shards = [[Int]](repeating: [], count: shardCount)
        for term in termNumbers {
            shards[Files.shard(of: postings.terms[term], shardCount: shardCount)].append(term)
        }
        var state = SearchIndexState(shardCount: shardCount, estimate: estimate, documentKeys: keys, shardBits: [])
        state.shardBits = [UInt64](repeating: 0, count: documents.count * state.wordsPerDocument)
        for (shard, terms) in shards.enumerated() {
            for term in terms {
                for entry in postings.postings(of: term) {
                    state.shardBits[Int(entry >> 1) * state.wordsPerDocument + shard / 64] |= 1 << UInt64(shard % 64)
                }
            }
        }
        var files = Files(bytes: [:], state: state)
        files.bytes["meta.json"] = Self.meta(shardCount: shardCount, documentCount: documents.count)
        // Terms in byte order within each shard, so the same site always gives the same bytes.
        for (index, terms) in shards.enumerated() where !terms.isEmpty {
            let entries = terms.map { (text: postings.terms[$0], postings: postings.postings(of: $0)) }
            files.bytes[Files.shardPath(index: index)] = Self.shard(entries)
        }
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            files.bytes[Files.chunkPath(ofDocument: start)] = Self.chunk(documents[start..<min(start + Self.chunkSize, documents.count)])
        }
        return files
    }

    static func meta(shardCount: Int, documentCount: Int) -> [UInt8] {
        Array("{\"version\":\(formatVersion),\"shards\":\(shardCount),\"chunk\":\(chunkSize),\"documents\":\(documentCount)}\n".utf8)
    }

    /// A shard file: `{"term":"postings",…}`, terms in byte order, so the same site always
    /// gives the same bytes.
    static func shard(_ entries: [(text: String, postings: some Collection<UInt32>)]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        for (position, entry) in entries.sorted(by: { $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }).enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes += entry.text.utf8
            bytes += "\":\"".utf8
            encode(entry.postings, into: &bytes)
            bytes.append(UInt8(ascii: "\""))
        }
        bytes += "}\n".utf8
        return bytes
    }

    /// A chunk of the document table: `[title, link, ISO date, date as written, excerpt]` each.
    static func chunk(_ documents: some Collection<Document>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, document) in documents.enumerated() {
            if position > 0 { bytes += ",\n".utf8 }
            for (field, text) in [document.title, document.link, document.dateISO, document.dateText, document.excerpt].enumerated() {
                bytes.append(field == 0 ? UInt8(ascii: "[") : UInt8(ascii: ","))
                StructuredData.appendString(text, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes += "]\n".utf8
        return bytes
    }

    /// `1,4,3`: base 36 of each id's distance from the previous (×2, +1 in the title).
    static func encode(_ list: some Collection<UInt32>, into bytes: inout [UInt8]) {
        // Written through a pointer into room made first (a number takes at most seven
        // digits and its comma): millions of numbers, each appended byte by byte, cost
        // several times more.
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: list.count * 8))
        let written = bytes.withUnsafeMutableBufferPointer { buffer in
            let digits: StaticString = "0123456789abcdefghijklmnopqrstuvwxyz"
            let digit = digits.utf8Start
            var at = start
            var previous: UInt32 = 0
            for entry in list {
                if at > start {
                    buffer[at] = UInt8(ascii: ",")
                    at += 1
                }
                let value = distance(entry, from: &previous)
                // Most lists step by less than 36² (two digits), written without a loop.
                if value >= 36 * 36 {
                    var value = value
                    let first = at
                    repeat {
                        buffer[at] = digit[Int(value % 36)]
                        at += 1
                        value /= 36
                    } while value > 0
                    buffer[first..<at].reverse()
                } else {
                    if value >= 36 {
                        buffer[at] = digit[Int(value / 36)]
                        at += 1
                    }
                    buffer[at] = digit[Int(value % 36)]
                    at += 1
                }
            }
            return at
        }
        bytes.removeLast(bytes.count - written)
    }

    /// How many bytes `encode` writes for the list.
    static func encodedCount(_ list: some Collection<UInt32>) -> Int {
        var previous: UInt32 = 0
        var count = max(list.count - 1, 0)
        for entry in list {
            var value = distance(entry, from: &previous)
            repeat {
                count += 1
                value /= 36
            } while value > 0
        }
        return count
    }

    /// The number written for `entry`: its id's distance from the previous, ×2, +1 in the title.
    private static func distance(_ entry: UInt32, from previous: inout UInt32) -> UInt32 {
        let id = entry >> 1
        defer { previous = id }
        return (id - previous) << 1 | (entry & 1)
    }

    /// FNV-1a over the term's UTF-8 bytes: a hash the browser computes the same way.
    static func hash(_ term: String) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in term.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }
}
