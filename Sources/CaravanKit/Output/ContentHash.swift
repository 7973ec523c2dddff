/// A fast 64-bit fingerprint of bytes, to tell whether a file or an input changed since
/// the last build. Not cryptographic: it only has to notice edits. It takes eight bytes
/// per step (byte-at-a-time FNV cost a tenth of a second per 100 MB of pages); each step
/// is a bijection of the state, so inputs that differ in one word always differ.
struct ContentHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3
    private var length: UInt64 = 0

    init() {}

    static func of(_ bytes: [UInt8]) -> UInt64 {
        var hash = ContentHash()
        hash.add(bytes)
        return hash.value
    }

    static func of(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.add(text)
        return hash.value
    }

    mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// Adds the text and its length, so that "ab" + "c" and "a" + "bc" differ.
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
        add(UInt64(text.utf8.count))
    }

    mutating func add(_ text: Substring.UTF8View) {
        if text.withContiguousStorageIfAvailable({ add(UnsafeRawBufferPointer($0)) }) == nil {
            add(Array(text))
        }
        add(UInt64(text.count))
    }

    mutating func add(_ number: UInt64) {
        mix(number)
    }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        mix(tail ^ (shift << 56))
        length &+= UInt64(bytes.count)
        mix(length)
    }

    @inline(__always) private mutating func mix(_ word: UInt64) {
        value = (value ^ word) &* 0xBF58_476D_1CE4_E5B9
        value ^= value >> 31
    }
}
