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

    /// Calls `emit` with each term of `text`, in order. Han terms come as numbers, so the
    /// index of a large Chinese site hashes integers, not millions of short strings. Reads
    /// the UTF-8 bytes directly: the index of a large site cuts tens of megabytes of text.
    static func scan(_ text: String, for role: Role, emit: (SearchTerm) -> Void) {
        var text = text
        text.withUTF8 { scan($0, for: role, emit: emit) }
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, for role: Role, emit: (SearchTerm) -> Void) {
        var word: [UInt8] = []
        var wordIsASCII = true
        var han: [UInt32] = []
        func endWord() {
            guard !word.isEmpty else { return }
            let raw = String(decoding: word, as: UTF8.self)
            let text = wordIsASCII ? raw : raw.precomposedStringWithCompatibilityMapping.lowercased()
            if let term = stem(text) { emit(.word(term)) }
            word.removeAll(keepingCapacity: true)
            wordIsASCII = true
        }
        func endHan() {
            guard !han.isEmpty else { return }
            if role == .index || han.count == 1 {
                for scalar in han { emit(.han(SearchTerm.key(scalar))) }
            }
            for index in han.indices.dropLast() {
                emit(.han(SearchTerm.key(han[index], han[index + 1])))
            }
            han.removeAll(keepingCapacity: true)
        }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII: a letter or digit goes on the word, anything else ends both runs.
                index += 1
                if (lead >= 0x30 && lead <= 0x39) || (lead >= 0x61 && lead <= 0x7A) {
                    endHan()
                    word.append(lead)
                } else if lead >= 0x41 && lead <= 0x5A {
                    endHan()
                    word.append(lead + 0x20)
                } else {
                    endWord()
                    endHan()
                }
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<min(length, bytes.count - index) {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            let start = index
            index += length
            guard let scalar = Unicode.Scalar(value) else { continue }
            switch Kind(scalar) {
            case .asciiLetterOrDigit:
                break   // not reached: ASCII is handled above
            case .fullWidthASCII:
                endHan()
                let ascii = UInt8(scalar.value - 0xFEE0)
                word.append(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii)
            case .otherLetter:
                endHan()
                word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<min(index, bytes.count)]))
                wordIsASCII = false
            case .han:
                endWord()
                // Compatibility ideographs (U+F900…) fold to their unified forms, as NFKC does.
                let folded = scalar.value >= 0xF900 && scalar.value <= 0xFAFF
                    ? String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.first ?? scalar : scalar
                han.append(folded.value)
            case .separator:
                endWord()
                endHan()
            }
        }
        endWord()
        endHan()
    }

    private enum Kind {
        case asciiLetterOrDigit, fullWidthASCII, otherLetter, han, separator

        init(_ scalar: Unicode.Scalar) {
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

    /// The light English plural rule, for words of ASCII letters only; nil drops the word
    /// (a single letter: the `s` of "Khorgos's", the `a` of "a train").
    static func stem(_ word: String) -> String? {
        let utf8 = word.utf8
        guard utf8.count > 1 || utf8.first.map({ $0 >= 0x30 && $0 <= 0x39 }) == true else { return nil }
        guard utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if utf8.count > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if utf8.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            return String(word.dropLast())
        }
        return word
    }
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
        case .word(let word):
            return word
        case .han(let key):
            var scalars = String.UnicodeScalarView()
            scalars.append(Unicode.Scalar(UInt32(key >> 21))!)
            if let second = Unicode.Scalar(UInt32(key & 0x1F_FFFF)), second.value != 0 { scalars.append(second) }
            return String(scalars)
        }
    }
}
