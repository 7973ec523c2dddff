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
        /// Everything else a reader may look for: body text, tag and corridor names.
        var text: String
    }

    static let formatVersion = 1
    static let chunkSize = 16
    /// The target size of a shard in bytes: a few shards per query stay well under 100 KB.
    static let shardBytes = 8_192
    static let maximumShards = 4_096

    let documents: [Document]

    /// The files, by path inside the language's search data folder.
    func files() -> [(path: String, bytes: [UInt8])] {
        let postings = Self.postings(documents)
        let entries = postings.map { term, list in (term: term.text, list: Self.encode(list)) }
        let estimate = entries.reduce(0) { $0 + $1.term.utf8.count + $1.list.utf8.count + 6 }
        var shardCount = 1
        while shardCount < Self.maximumShards, shardCount * Self.shardBytes < estimate { shardCount *= 2 }
        var shards = [[(term: String, list: String)]](repeating: [], count: shardCount)
        for entry in entries {
            shards[Int(Self.hash(entry.term) & UInt32(shardCount - 1))].append(entry)
        }
        var files: [(String, [UInt8])] = [
            ("meta.json", Array("{\"version\":\(Self.formatVersion),\"shards\":\(shardCount),\"chunk\":\(Self.chunkSize),\"documents\":\(documents.count)}\n".utf8)),
        ]
        // Terms in byte order within each shard, so the same site always gives the same bytes.
        let shardFiles = shards.enumerated().filter { !$0.element.isEmpty }.concurrentMap { index, entries -> (String, [UInt8]) in
            let sorted = entries.sorted { $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            for (position, entry) in sorted.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += "\"\(entry.term)\":\"\(entry.list)\"".utf8
            }
            bytes += "}\n".utf8
            return ("t/\(String(index, radix: 16)).json", bytes)
        }
        files += shardFiles
        for start in stride(from: 0, to: documents.count, by: Self.chunkSize) {
            let chunk = documents[start..<min(start + Self.chunkSize, documents.count)].map { document in
                "[" + [document.title, document.link, document.dateISO, document.dateText, document.excerpt]
                    .map(StructuredData.string).joined(separator: ",") + "]"
            }
            files.append(("d/\(start / Self.chunkSize).json", Array(("[" + chunk.joined(separator: ",\n") + "]\n").utf8)))
        }
        return files
    }

    /// Each term's documents, as `id × 2 + 1` when in the title, ascending. Documents are
    /// cut into terms on all cores; the lists fill in document order, so they are sorted.
    /// Han terms are numbers, gathered by sorting (cheaper than hashing each into a set).
    static func postings(_ documents: [Document]) -> [SearchTerm: [UInt32]] {
        struct Terms: Sendable {
            var han: [UInt64] = []
            var words: Set<String> = []
            var title: Set<SearchTerm> = []
        }
        let perDocument = documents.concurrentMap { document -> Terms in
            var terms = Terms()
            SearchTokenizer.scan(document.title, for: .index) { terms.title.insert($0) }
            for source in [document.excerpt, document.text] {
                SearchTokenizer.scan(source, for: .index) { term in
                    switch term {
                    case .han(let key): terms.han.append(key)
                    case .word(let word): terms.words.insert(word)
                    }
                }
            }
            for term in terms.title {
                switch term {
                case .han(let key): terms.han.append(key)
                case .word(let word): terms.words.insert(word)
                }
            }
            terms.han.sort()
            return terms
        }
        var postings: [SearchTerm: [UInt32]] = [:]
        postings.reserveCapacity(documents.count * 64)
        for (id, terms) in perDocument.enumerated() {
            // A title has a few terms: looking them up in a list beats hashing every term twice.
            let title = Array(terms.title)
            func add(_ term: SearchTerm) {
                postings[term, default: []].append(UInt32(id) << 1 | (title.contains(term) ? 1 : 0))
            }
            var previous: UInt64?
            for key in terms.han where key != previous {
                add(.han(key))
                previous = key
            }
            for word in terms.words { add(.word(word)) }
        }
        return postings
    }

    /// `1,4,3`: base 36 of each id's distance from the previous (×2, +1 in the title).
    static func encode(_ list: [UInt32]) -> String {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(list.count * 3)
        var previous: UInt32 = 0
        var reversed: [UInt8] = []
        for (index, entry) in list.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let id = entry >> 1
            var value = (id - previous) << 1 | (entry & 1)
            previous = id
            reversed.removeAll(keepingCapacity: true)
            repeat {
                reversed.append(digits[Int(value % 36)])
                value /= 36
            } while value > 0
            bytes += reversed.reversed()
        }
        return String(decoding: bytes, as: UTF8.self)
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
