import Glibc

/// Finding a short ASCII pattern in UTF-8 text at memory speed: `memchr` for its first byte,
/// then `memcmp`. Loading looks through every story of the site this way on every build;
/// Foundation's `range(of:)` and `contains` on the same text cost more than the rest of
/// loading.
enum ByteSearch {
    /// The offset of the first `needle` in `bytes`, if any. `memchr` looks for the needle's
    /// rarest byte (`anchor`), not its first: in Chinese text the lead byte of an ideograph
    /// comes every few bytes, that of CJK punctuation (`。`) once a sentence.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, !needle.isEmpty, needle.count <= bytes.count else { return nil }
        let anchor = anchorIndex(of: needle)
        var start = anchor
        let last = bytes.count - needle.count + anchor
        while start <= last, let hit = memchr(base + start, Int32(needle[anchor]), last - start + 1) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) - anchor
            if needle.withUnsafeBytes({ memcmp(base + offset, $0.baseAddress!, needle.count) }) == 0 { return offset }
            start = offset + anchor + 1
        }
        return nil
    }

    /// The first byte of the needle that is not the lead byte of a CJK ideograph
    /// (U+4000–U+9FFF: `E4`–`E9`) nor a continuation byte; else its first byte.
    private static func anchorIndex(of needle: [UInt8]) -> Int {
        needle.firstIndex { $0 < 0x80 || ($0 >= 0xE0 && !(0xE4...0xE9).contains($0)) } ?? 0
    }

    /// Whether any of `needles` occurs in `text`.
    static func contains(anyOf needles: [[UInt8]], in text: Substring.UTF8View) -> Bool {
        let found = text.withContiguousStorageIfAvailable { bytes in
            needles.contains { firstOffset(of: $0, in: bytes) != nil }
        }
        return found ?? needles.contains { needle in Array(text).withUnsafeBufferPointer { firstOffset(of: needle, in: $0) != nil } }
    }
}

extension String.UTF8View {
    /// Whether these bytes begin with `prefix`, compared with `memcmp`: the generic
    /// `starts(with:)`, byte by byte, cost a few percent of a one-edit rebuild, run over
    /// every path of a large site's manifest for each language.
    func hasPrefix(_ prefix: [UInt8]) -> Bool {
        guard count >= prefix.count else { return false }
        return withContiguousStorageIfAvailable { bytes in
            prefix.isEmpty || memcmp(bytes.baseAddress!, prefix, prefix.count) == 0
        } ?? starts(with: prefix)
    }
}
