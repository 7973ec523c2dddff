/// Every term of one language's documents with the documents that hold it, for the index
/// files. Built for tens of megabytes of text: each term is a 64-bit key (`DocumentTerms`),
/// and the lists are laid end to end in one array, counted first and filled second, so no
/// term gets an array of its own.
struct SearchPostings {
    /// Each term's text, by term number.
    private(set) var terms: [String] = []
    /// Term `n`'s postings are `entries[offsets[n]..<offsets[n + 1]]`: document id × 2,
    /// + 1 when the term is in the title, ascending.
    private var offsets: [Int] = [0]
    private var entries: [UInt32] = []

    /// Each document's terms, by id; its words are let go as soon as they are counted.
    init(_ perDocument: consuming [DocumentTerms]) {
        // Sized for the distinct terms of a few documents, grown as more come: a table sized
        // for the worst case spread its lookups over megabytes, each one a cache miss.
        let numbers = KeyTable(capacity: 4_096)
        // Single ideographs, half of a Chinese story's terms, are numbered by a table of
        // their own, indexed by the character.
        var singles = [Int32](repeating: -1, count: KeySet.ideographs)
        var counts: [Int] = []
        // First count each term's documents, turning every key into its term's number. A
        // document's words come in the order of their entries, so their texts are at hand.
        for document in perDocument.indices {
            var nextWord = 0
            let words = perDocument[document].words
            perDocument[document].words = DocumentTerms.Words()
            perDocument[document].entries.withUnsafeMutableBufferPointer { entries in
                for position in entries.indices {
                    let entry = entries[position]
                    let key = entry & DocumentTerms.keyBits
                    let term: Int, isNew: Bool
                    if let ideograph = KeySet.singleIdeograph(key) {
                        isNew = singles[ideograph] < 0
                        if isNew { singles[ideograph] = Int32(counts.count) }
                        term = Int(singles[ideograph])
                    } else {
                        (term, isNew) = numbers.insert(key, numberIfNew: counts.count)
                    }
                    let isWord = key & DocumentTerms.wordTag != 0
                    if isNew {
                        counts.append(0)
                        terms.append(isWord ? words.text(nextWord) : SearchTerm.text(ofHan: key))
                    }
                    if isWord { nextWord += 1 }
                    counts[term] += 1
                    entries[position] = UInt64(term) | entry & DocumentTerms.titleBit
                }
            }
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
    var words = Words()

    /// Words end to end as UTF-8: most are never made into strings (only a term the whole
    /// index has not seen yet is), and a document's thousand words are two arrays.
    struct Words: Sendable {
        private var bytes: [UInt8] = []
        private var ends: [Int32] = []

        mutating func append(_ word: UnsafeBufferPointer<UInt8>) {
            bytes.append(contentsOf: word)
            ends.append(Int32(bytes.count))
        }

        func text(_ index: Int) -> String {
            let start = index == 0 ? 0 : Int(ends[index - 1])
            return bytes[start..<Int(ends[index])].withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        }
    }

    static let titleBit: UInt64 = 1 << 63
    static let wordTag: UInt64 = 1 << 62
    static let keyBits: UInt64 = ~titleBit

    /// Documents `0..<count` made by `document` and cut into terms, each handed back
    /// without its text, in order, beside its terms. One set serves every document, emptied
    /// between them (allocating one per document cost more). On one thread: the index is
    /// cut beside the pages, which take every core; cutting on every core as well cost more
    /// CPU time in all (threads crowding two cores and their caches) for no earlier finish.
    static func cutting(_ count: Int, _ document: (Int) -> SearchIndex.Document)
        -> (documents: [SearchIndex.Document], terms: [DocumentTerms]) {
        let seen = KeySet()
        var documents: [SearchIndex.Document] = []
        var terms: [DocumentTerms] = []
        documents.reserveCapacity(count)
        terms.reserveCapacity(count)
        for id in 0..<count {
            var made = document(id)
            terms.append(DocumentTerms(made, seen: seen))
            made.body = ""
            documents.append(made)
        }
        return (documents, terms)
    }

    init(_ document: SearchIndex.Document) {
        self.init(document, seen: KeySet())
    }

    /// `seen` is emptied first: one set serves many documents in turn.
    init(_ document: SearchIndex.Document, seen: KeySet) {
        seen.removeAll()
        // The title goes first, so a term it holds has the title flag from its first entry.
        var sink = Sink(seen: seen, flag: Self.titleBit)
        SearchTokenizer.scan(document.title, for: .index, into: &sink)
        sink.flag = 0
        SearchTokenizer.scan(document.excerpt, for: .index, into: &sink)
        SearchTokenizer.scan(document.names, for: .index, into: &sink)
        var body = document.body
        body.withUTF8 { markdown in
            SearchText.forEachRun(of: markdown) { SearchTokenizer.scan($0, for: .index, into: &sink) }
        }
        entries = sink.entries
        words = sink.words
    }

    /// Each term as text, with whether the title holds it.
    var texts: [String: Bool] {
        var result: [String: Bool] = [:]
        var nextWord = 0
        for entry in entries {
            let key = entry & Self.keyBits
            let text: String
            if key & Self.wordTag != 0 {
                text = words.text(nextWord)
                nextWord += 1
            } else {
                text = SearchTerm.text(ofHan: key)
            }
            result[text] = entry & Self.titleBit != 0
        }
        return result
    }

    /// Collects distinct keys, each with the flag of where it was first seen.
    private struct Sink: SearchTermSink {
        let seen: KeySet
        var flag: UInt64
        var entries: [UInt64] = []
        var words = Words()

        mutating func han(_ key: UInt64) {
            if seen.insert(key) { entries.append(key | flag) }
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
            if seen.insert(key) {
                entries.append(key | flag)
                words.append(bytes)
            }
        }
    }
}

/// The distinct keys of one document: a bit per unified ideograph for single characters
/// (half of a Chinese story's terms, and no hashing), open addressing for the rest. Sized
/// for a story and emptied by clearing its memory, which costs less than tracking what was
/// used. Grows for a document with more terms. Owned by one thread at a time.
final class KeySet {
    private static let firstIdeograph: UInt64 = 0x4E00
    static let ideographs = 0x9FFF - 0x4E00 + 1

    /// The unified ideograph a single-character key packs, counted from U+4E00; nil for
    /// any other key.
    @inline(__always)
    static func singleIdeograph(_ key: UInt64) -> Int? {
        // A single character is `scalar << 21`, nothing in the low bits.
        guard key & 0x1F_FFFF == 0, case let ideograph = (key >> 21) &- firstIdeograph, ideograph < UInt64(ideographs) else { return nil }
        return Int(ideograph)
    }

    private var singles: UnsafeMutableBufferPointer<UInt64>
    private var keys: UnsafeMutableBufferPointer<UInt64>
    private var shift: UInt64
    private var count = 0

    init(capacity: Int = 2048) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: 0)
        shift = UInt64(64 - size.trailingZeroBitCount)
        singles = .allocate(capacity: (Self.ideographs + 63) / 64)
        singles.initialize(repeating: 0)
    }

    deinit {
        keys.deallocate()
        singles.deallocate()
    }

    /// Whether the key is new to the set (it is in it afterwards). The key 0 is never
    /// inserted (no term packs to 0).
    @inline(__always)
    func insert(_ key: UInt64) -> Bool {
        if let ideograph = Self.singleIdeograph(key) {
            let word = ideograph >> 6, bit: UInt64 = 1 << (ideograph & 63)
            if singles[word] & bit != 0 { return false }
            singles[word] |= bit
            return true
        }
        if count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = keys[slot]
            if found == key { return false }
            if found == 0 {
                keys[slot] = key
                count += 1
                return true
            }
            slot = (slot + 1) & mask
        }
    }

    func removeAll() {
        keys.update(repeating: 0)
        singles.update(repeating: 0)
        count = 0
    }

    private func grow() {
        let old = keys
        keys = .allocate(capacity: old.count * 2)
        keys.initialize(repeating: 0)
        shift -= 1
        count = 0
        for key in old where key != 0 { _ = insert(key) }
        old.deallocate()
    }
}

/// Numbers distinct 64-bit keys, each with the number the caller gives it when it first
/// comes: open addressing with a multiplicative hash over raw memory, several times
/// cheaper than a `Dictionary` when tens of millions of keys go through it. A slot holds
/// its key and number side by side, so a lookup touches one cache line. The key 0 is
/// never inserted (no term packs to 0). Owned by one thread at a time.
final class KeyTable {
    /// Slot `n` is `slots[2n]`, the key (0 when empty), and `slots[2n + 1]`, its number.
    private var slots: UnsafeMutableBufferPointer<UInt64>
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = .allocate(capacity: size * 2)
        slots.initialize(repeating: 0)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit {
        slots.deallocate()
    }

    /// The key's number, and whether it was given just now (`numberIfNew`).
    @inline(__always)
    func insert(_ key: UInt64, numberIfNew: Int) -> (number: Int, isNew: Bool) {
        if count * 4 >= slots.count { grow() }
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while true {
            let found = slots[2 * slot]
            if found == key { return (Int(truncatingIfNeeded: slots[2 * slot + 1]), false) }
            if found == 0 {
                slots[2 * slot] = key
                slots[2 * slot + 1] = UInt64(truncatingIfNeeded: numberIfNew)
                count += 1
                return (numberIfNew, true)
            }
            slot = (slot + 1) & mask
        }
    }

    private func grow() {
        let old = slots
        slots = .allocate(capacity: old.count * 2)
        slots.initialize(repeating: 0)
        shift -= 1
        let mask = slots.count / 2 - 1
        for oldSlot in 0..<old.count / 2 where old[2 * oldSlot] != 0 {
            let key = old[2 * oldSlot]
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while slots[2 * slot] != 0 { slot = (slot + 1) & mask }
            slots[2 * slot] = key
            slots[2 * slot + 1] = old[2 * oldSlot + 1]
        }
        old.deallocate()
    }
}
