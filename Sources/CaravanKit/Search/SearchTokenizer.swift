import Foundation

/// Cuts text into search terms, the same way for the index (here) and for a reader's query
/// (`SearchScript`, which mirrors every rule below; `SearchTokenizerTests` pins both).
///
/// - Latin script and digits by words: NFKC (full-width `ＣＲ２０２３` is `cr2023`),
///   lower-cased, with a light English plural rule (`trains` → `train`, `countries` →
///   `country`), so a reader need not guess the form the story used.
/// - Han (and kana, Hangul) by overlapping bigrams, plus single characters in the index:
///   `霍尔果斯` is `霍尔 尔果 果斯` (and `霍 尔 果 斯`). No dictionary, so nothing to
///   disagree between the build and the browser; a query matches when all its bigrams do.
/// - Mixed text (`中欧班列Chongqing`) is split per script run.
enum SearchTokenizer {
    enum Role {
        /// Every term a document holds: words, bigrams and single Han characters.
        case index
        /// The terms a query must match: words, and bigrams (a single character alone).
        case query
    }

    /// The terms of `text`, in order, with repeats.
    static func terms(_ text: String, for role: Role) -> [String] {
        var terms: [String] = []
        scan(text, for: role) { terms.append($0.text) }
        return terms
    }

    /// Calls `emit` with each term of `text`, in order.
    static func scan(_ text: String, for role: Role, emit: (SearchTerm) -> Void) {
        struct Collector: SearchTermSink {
            let emit: (SearchTerm) -> Void
            mutating func han(_ key: UInt64) { emit(.han(key)) }
            mutating func word(_ bytes: UnsafeBufferPointer<UInt8>) { emit(.word(String(decoding: bytes, as: UTF8.self))) }
        }
        withoutActuallyEscaping(emit) { emit in
            var collector = Collector(emit: emit)
            scan(text, for: role, into: &collector)
        }
    }

    /// Hands each term of `text` to `sink`, in order. Han terms come as numbers and words as
    /// bytes, so the index of a large site hashes integers, not millions of short strings.
    /// Reads the UTF-8 bytes directly: the index of a large site cuts tens of megabytes of text.
    static func scan<Sink: SearchTermSink>(_ text: String, for role: Role, into sink: inout Sink) {
        var text = text
        text.withUTF8 { scan($0, for: role, into: &sink) }
    }

    /// `scan` over text that is already UTF-8.
    static func scan<Sink: SearchTermSink>(_ bytes: UnsafeBufferPointer<UInt8>, for role: Role, into sink: inout Sink) {
        // The word so far, lower-cased. A character never adds more bytes to it than it
        // takes in the text, so a buffer the text's size always holds it.
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
        defer { word.deallocate() }
        var wordCount = 0
        var wordIsASCII = true
        // The Han run so far: its length and last character. The index takes each
        // character and each pair as it comes; a query takes the pairs, or the character
        // alone when the run is one character long.
        var hanCount = 0
        var lastHan: UInt32 = 0
        func endWord() {
            guard wordCount > 0 else { return }
            if wordIsASCII {
                let count = stemmedCount(word, count: wordCount)
                if count > 0 { sink.word(UnsafeBufferPointer(start: word, count: count)) }
            } else {
                let text = String(decoding: UnsafeBufferPointer(start: word, count: wordCount), as: UTF8.self)
                // Foundation's NFKC leaves apart what its compatibility mapping splits
                // (half-width `ｻﾞ` → `サ` + U+3099); composing again gives Unicode's NFKC,
                // which the browser's `normalize("NFKC")` gives the query.
                let normalized = text.precomposedStringWithCompatibilityMapping.precomposedStringWithCanonicalMapping
                var folded = Array(normalized.lowercased().utf8)
                if stem(&folded) { folded.withUnsafeBufferPointer { sink.word($0) } }
            }
            wordCount = 0
            wordIsASCII = true
        }
        func addHan(_ scalar: UInt32) {
            if role == .index { sink.han(SearchTerm.key(scalar)) }
            if hanCount > 0 { sink.han(SearchTerm.key(lastHan, scalar)) }
            hanCount += 1
            lastHan = scalar
        }
        func endHan() {
            if hanCount == 1, role == .query { sink.han(SearchTerm.key(lastHan)) }
            hanCount = 0
        }
        var index = 0
        let end = bytes.count
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII: a letter or digit goes on the word, anything else ends both runs.
                index += 1
                if (lead >= 0x30 && lead <= 0x39) || (lead >= 0x61 && lead <= 0x7A) {
                    if hanCount > 0 { endHan() }
                    word[wordCount] = lead
                    wordCount += 1
                } else if lead >= 0x41 && lead <= 0x5A {
                    if hanCount > 0 { endHan() }
                    word[wordCount] = lead + 0x20
                    wordCount += 1
                } else {
                    endWord()
                    endHan()
                }
                continue
            }
            let start = index
            let value: UInt32
            if lead & 0xF0 == 0xE0, index + 2 < end {
                // Three bytes, as every ideograph and full-width mark of the Basic Plane.
                value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                var decoded = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for offset in 1..<min(length, end - index) {
                    decoded = decoded << 6 | UInt32(bytes[index + offset] & 0x3F)
                }
                value = decoded
                index += length
            }
            // The common case first: a unified ideograph needs no table.
            if value >= 0x4E00 && value <= 0x9FFF {
                endWord()
                addHan(value)
                continue
            }
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch Kind.of(scalar) {
            case .asciiLetterOrDigit:
                break   // not reached: ASCII is handled above
            case .fullWidthASCII:
                endHan()
                let ascii = UInt8(scalar.value - 0xFEE0)
                word[wordCount] = ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii
                wordCount += 1
            case .otherLetter:
                endHan()
                for byte in UnsafeBufferPointer(rebasing: bytes[start..<min(index, end)]) {
                    word[wordCount] = byte
                    wordCount += 1
                }
                wordIsASCII = false
            case .han:
                endWord()
                // Compatibility ideographs (U+F900…, U+2F800…) fold to their unified forms, as NFKC does.
                let folded = (0xF900...0xFAFF).contains(scalar.value) || (0x2F800...0x2FA1F).contains(scalar.value)
                    ? String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.first ?? scalar : scalar
                addHan(folded.value)
            case .separator:
                endWord()
                endHan()
            }
        }
        endWord()
        endHan()
    }

    private enum Kind: UInt8 {
        case asciiLetterOrDigit, fullWidthASCII, otherLetter, han, separator

        /// Every character of the Basic Multilingual Plane looked up once: Chinese text is
        /// dense with full-width punctuation, whose Unicode properties are slow to ask for.
        private static let basicPlane: [Kind] = (0...0xFFFF).map { value in
            Unicode.Scalar(UInt32(value)).map(Kind.init) ?? .separator
        }

        static func of(_ scalar: Unicode.Scalar) -> Kind {
            scalar.value <= 0xFFFF ? basicPlane[Int(scalar.value)] : Kind(scalar)
        }

        private init(_ scalar: Unicode.Scalar) {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: self = .asciiLetterOrDigit
            case 0x00...0x7F: self = .separator
            case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: self = .fullWidthASCII
            case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0x20000...0x3FFFF: self = .han
            default:
                let properties = scalar.properties
                self = properties.isAlphabetic || properties.generalCategory == .nonspacingMark || properties.numericType != nil
                    ? .otherLetter : .separator
            }
        }
    }

    /// The light English plural rule, for words of ASCII letters only, applied to the
    /// word's UTF-8 in place; false drops the word (a lone ASCII letter: the `s` of
    /// "Khorgos's", the `a` of "a train").
    static func stem(_ word: inout [UInt8]) -> Bool {
        guard !word.isEmpty else { return false }
        let count = word.withUnsafeMutableBufferPointer { stemmedCount($0.baseAddress!, count: $0.count) }
        word.removeLast(word.count - count)
        return count > 0
    }

    /// `stem` on `count` bytes at `word`: the stemmed word's length, 0 when it is dropped.
    /// (`ies` → `y` rewrites a byte and is shorter, so the word never grows.)
    private static func stemmedCount(_ word: UnsafeMutablePointer<UInt8>, count: Int) -> Int {
        guard count > 1 || (count == 1 && word[0] >= 0x30 && word[0] <= 0x39) else { return 0 }
        for index in 0..<count where word[index] < 0x61 || word[index] > 0x7A { return count }
        func endsWith(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard count >= length else { return false }
            return suffix.withUTF8Buffer { UnsafeBufferPointer(start: word + count - length, count: length).elementsEqual($0) }
        }
        if count > 4, endsWith("ies") {
            word[count - 3] = UInt8(ascii: "y")
            return count - 2
        }
        if count > 3, endsWith("s"), !endsWith("ss"), !endsWith("us"), !endsWith("is") {
            return count - 1
        }
        return count
    }
}

/// Where the tokenizer puts the terms it cuts.
protocol SearchTermSink {
    /// One or two Han characters, packed as `SearchTerm.key` does.
    mutating func han(_ key: UInt64)
    /// A word, lower-cased and stemmed, as UTF-8.
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// One search term: a word, or one or two Han characters packed into a number.
enum SearchTerm: Hashable, Sendable {
    case word(String)
    /// `first << 21 | second`, second 0 for a single character (Unicode scalars fit 21 bits).
    case han(UInt64)

    static func key(_ first: UInt32, _ second: UInt32 = 0) -> UInt64 {
        UInt64(first) << 21 | UInt64(second)
    }

    /// The term as the index files and the browser write it.
    var text: String {
        switch self {
        case .word(let word): word
        case .han(let key): Self.text(ofHan: key)
        }
    }

    static func text(ofHan key: UInt64) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(Unicode.Scalar(UInt32(key >> 21))!)
        if let second = Unicode.Scalar(UInt32(key & 0x1F_FFFF)), second.value != 0 { scalars.append(second) }
        return String(scalars)
    }
}
