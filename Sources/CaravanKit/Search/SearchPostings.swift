/// Every term of one language's documents with the documents that hold it, for the index
/// files. Built for tens of megabytes of text: documents are cut into terms on all cores,
/// each term is a 64-bit key (`DocumentTerms`), and the lists are laid end to end in one
/// array, counted first and filled second, so no term gets an array of its own.
struct SearchPostings {
    /// Each term's text, by term number.
    private(set) var terms: [String] = []
    /// Term `n`'s postings are `entries[offsets[n]..<offsets[n + 1]]`: document id × 2,
    /// + 1 when the term is in the title, ascending.
    private var offsets: [Int] = [0]
    private var entries: [UInt32] = []

    init(_ documents: [SearchIndex.Document]) {
        var perDocument = DocumentTerms.all(documents)
        let numbers = KeyTable(capacity: documents.count * 64)
        var counts: [Int] = []
        // First count each term's documents, turning every key into its term's number. A
        // document's words come in the order of their entries, so their texts are at hand.
        for document in perDocument.indices {
            var nextWord = 0
            for (position, entry) in perDocument[document].entries.enumerated() {
                let key = entry & DocumentTerms.keyBits
                let (term, isNew) = numbers.insert(key)
                let isWord = key & DocumentTerms.wordTag != 0
                if isNew {
                    counts.append(0)
                    terms.append(isWord ? perDocument[document].words[nextWord].text : SearchTerm.text(ofHan: key))
                }
                if isWord { nextWord += 1 }
                counts[term] += 1
                perDocument[document].entries[position] = UInt64(term) | entry & DocumentTerms.titleBit
            }
            perDocument[document].words = []
        }
        offsets.reserveCapacity(counts.count + 1)
        for count in counts { offsets.append(offsets.last! + count) }
        // Then fill the lists in document order, so each comes out sorted.
        var filled = offsets.dropLast().map { $0 }
        entries = [UInt32](repeating: 0, count: offsets.last!)
        for (id, document) in perDocument.enumerated() {
            for entry in document.entries {
                let term = Int(entry & DocumentTerms.keyBits)
                entries[filled[term]] = UInt32(id) << 1 | (entry & DocumentTerms.titleBit == 0 ? 0 : 1)
                filled[term] += 1
            }
        }
    }

    func postings(of term: Int) -> ArraySlice<UInt32> {
        entries[offsets[term]..<offsets[term + 1]]
    }
}

/// The distinct terms of one document, each once, with whether the title holds it.
struct DocumentTerms: Sendable {
    /// A key (`SearchTerm.key` for Han, `wordTag` and a hash for words), with `titleBit`.
    var entries: [UInt64] = []
    /// The text of each word, in the order of the word entries (a Han key is its own text).
    var words: [(key: UInt64, text: String)] = []

    static let titleBit: UInt64 = 1 << 63
    static let wordTag: UInt64 = 1 << 62
    static let keyBits: UInt64 = ~titleBit

    /// The terms of each document, cut on every core; each core keeps one table for the
    /// documents it cuts, cleared between them (allocating one per document cost more).
    static func all(_ documents: [SearchIndex.Document]) -> [DocumentTerms] {
        let batch = 64
        return Array(stride(from: 0, to: documents.count, by: batch)).concurrentMap { start in
            let seen = KeyTable(capacity: 2048)
            return documents[start..<min(start + batch, documents.count)].map { DocumentTerms($0, seen: seen) }
        }.flatMap { $0 }
    }

    init(_ document: SearchIndex.Document) {
        self.init(document, seen: KeyTable(capacity: 2048))
    }

    /// `seen` is emptied first: one table serves many documents in turn.
    init(_ document: SearchIndex.Document, seen: KeyTable) {
        seen.removeAll()
        var sink = Sink(seen: seen)
        sink.flag = Self.titleBit
        SearchTokenizer.scan(document.title, for: .index, into: &sink)
        sink.flag = 0
        for text in [document.excerpt, document.names, document.body] {
            SearchTokenizer.scan(text, for: .index, into: &sink)
        }
        entries = sink.entries
        words = sink.words
    }

    /// Collects distinct keys: a key seen again only gains the title flag.
    private struct Sink: SearchTermSink {
        let seen: KeyTable
        var entries: [UInt64] = []
        var words: [(key: UInt64, text: String)] = []
        var flag: UInt64 = 0

        init(seen: KeyTable) {
            self.seen = seen
        }

        mutating func han(_ key: UInt64) {
            add(key)
        }

        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) {
            // FNV-1a, 64 bits, cut to 62: two words that collide would share a list, which a
            // reader could only notice as an extra result.
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            let key = DocumentTerms.wordTag | hash & (DocumentTerms.wordTag - 1)
            if add(key) { words.append((key, String(decoding: bytes, as: UTF8.self))) }
        }

        /// Whether the key is new to the document.
        @discardableResult
        private mutating func add(_ key: UInt64) -> Bool {
            let (position, isNew) = seen.insert(key)
            if isNew {
                entries.append(key | flag)
            } else {
                entries[position] |= flag
            }
            return isNew
        }
    }
}

/// Numbers distinct 64-bit keys 0, 1, 2… in the order they are first inserted: open
/// addressing with a multiplicative hash over raw memory, several times cheaper than a
/// `Dictionary` when tens of millions of keys go through it. The key 0 is never inserted
/// (no term packs to 0). Owned by one thread at a time.
final class KeyTable {
    /// Each slot: the key (0 when empty) and its number.
    private var keys: UnsafeMutableBufferPointer<UInt64>
    private var numbers: UnsafeMutableBufferPointer<Int32>
    private var shift: UInt64
    private(set) var count = 0
    /// The slots in use, so that emptying the table touches only those.
    private var used: [Int] = []

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0)
        numbers = .allocate(capacity: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit {
        keys.deallocate()
        numbers.deallocate()
    }

    /// The key's number, and whether it was given just now.
    @inline(__always)
    func insert(_ key: UInt64) -> (number: Int, isNew: Bool) {
        if count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return (Int(numbers[slot]), false) }
            if found == 0 {
                keys[slot] = key
                numbers[slot] = Int32(truncatingIfNeeded: count)
                used.append(slot)
                count += 1
                return (count - 1, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Forgets every key, keeping the memory.
    func removeAll() {
        for slot in used { keys[slot] = 0 }
        used.removeAll(keepingCapacity: true)
        count = 0
    }

    private func grow() {
        let (oldKeys, oldNumbers) = (keys, numbers)
        let size = oldKeys.count * 2
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0)
        numbers = .allocate(capacity: size)
        shift -= 1
        let mask = size - 1
        let oldUsed = used
        used.removeAll(keepingCapacity: true)
        for oldSlot in oldUsed {
            let key = oldKeys[oldSlot]
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            numbers[slot] = oldNumbers[oldSlot]
            used.append(slot)
        }
        oldKeys.deallocate()
        oldNumbers.deallocate()
    }
}
