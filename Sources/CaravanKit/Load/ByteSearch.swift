import Glibc

/// Finding a short ASCII pattern in UTF-8 text at memory speed: `memchr` for its first byte,
/// then `memcmp`. Loading looks through every story of the site this way on every build;
/// Foundation's `range(of:)` and `contains` on the same text cost more than the rest of
/// loading.
enum ByteSearch {
    /// The offset of the first `needle` in `bytes`, if any.
    static func firstOffset(of needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let first = needle.first, needle.count <= bytes.count else { return nil }
        var start = 0
        let last = bytes.count - needle.count
        while start <= last, let hit = memchr(base + start, Int32(first), last - start + 1) {
            let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if needle.withUnsafeBytes({ memcmp(hit, $0.baseAddress!, needle.count) }) == 0 { return offset }
            start = offset + 1
        }
        return nil
    }

    /// Whether any of `needles` occurs in `text`.
    static func contains(anyOf needles: [[UInt8]], in text: Substring.UTF8View) -> Bool {
        let found = text.withContiguousStorageIfAvailable { bytes in
            needles.contains { firstOffset(of: $0, in: bytes) != nil }
        }
        return found ?? needles.contains { needle in Array(text).withUnsafeBufferPointer { firstOffset(of: needle, in: $0) != nil } }
    }
}
