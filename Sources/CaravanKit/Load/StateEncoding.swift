/// The compact binary form of what the state folder keeps between runs: 64-bit words as
/// eight bytes, little-endian; counts, lengths and positions as LEB128 numbers; text as its
/// length and UTF-8. Damaged or foreign bytes read as nil, never as a crash.
struct StateWriter {
    var bytes: [UInt8]

    mutating func word(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func number(_ value: Int) {
        var value = UInt64(max(0, value))
        repeat {
            bytes.append(UInt8(value & 0x7F) | (value > 0x7F ? 0x80 : 0))
            value >>= 7
        } while value > 0
    }

    mutating func text(_ value: String) {
        number(value.utf8.count)
        bytes += value.utf8
    }
}

struct StateReader {
    let bytes: [UInt8]
    var offset: Int

    var isAtEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func word() -> UInt64? {
        guard offset + 8 <= bytes.count else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(8 * index) }
        offset += 8
        return value
    }

    mutating func number() -> Int? {
        var value = 0
        var shift = 0
        while let byte = byte() {
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
            if shift > 56 { return nil }
        }
        return nil
    }

    mutating func text() -> String? {
        guard let count = number(), count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return String(decoding: bytes[offset..<offset + count], as: UTF8.self)
    }
}
