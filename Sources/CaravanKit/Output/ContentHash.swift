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
        // A page at a time in four lanes: one lane waits for each multiply before the next,
        // four keep the multiplier busy (every written file is hashed, 270 MB at 5 000
        // stories). The lanes start apart and fold back into `value` one after another, each
        // step still a bijection, so a one-word difference still always shows.
        if bytes.count >= 64 {
            var lanes = (value, value ^ 0x9E37_79B9_7F4A_7C15, value ^ 0xC2B2_AE3D_27D4_EB4F, value ^ 0x1656_67B1_9E37_79F9)
            while offset + 32 <= bytes.count {
                lanes.0 = Self.mixed(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                lanes.1 = Self.mixed(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                lanes.2 = Self.mixed(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
                lanes.3 = Self.mixed(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
                offset += 32
            }
            value = lanes.0
            mix(lanes.1)
            mix(lanes.2)
            mix(lanes.3)
        }
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
        value = Self.mixed(value, word)
    }

    @inline(__always) private static func mixed(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let product = (state ^ word) &* 0xBF58_476D_1CE4_E5B9
        return product ^ product >> 31
    }
}
