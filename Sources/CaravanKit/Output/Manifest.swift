/// What the previous build wrote: path → (hash, size, and for pages the input key they
/// were rendered from), kept in the state folder so the next build touches only what
/// changed, renders only pages whose inputs changed, and deletes only what it made.
struct Manifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var hash: UInt64
        var size: Int
        /// The page's `InputKeys` key; nil for files that are not rendered pages.
        var key: UInt64?
    }

    var entries: [String: Entry] = [:]
    /// The `SourceFingerprint` of the build that wrote these files.
    var inputs: UInt64?
    /// When the clock alone changes what that build published (a scheduled story goes
    /// live, a story expires), in seconds since 1970: from then on the files are stale.
    var nextChange: Int?

    private static let formatLine = "# caravan manifest 3"

    /// One line per file: `hash size key path` (`-` for no key). A manifest of another
    /// format (another version of caravan) is empty: its files are simply written again,
    /// never deleted, since only listed files are ever deleted. Unreadable lines are
    /// skipped the same way. Parsed from bytes: a large site's has tens of thousands of lines.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Array(Self.formatLine.utf8) + [10]) else { return }
        let inputsPrefix = Array("# inputs ".utf8)
        let nextPrefix = Array("# next ".utf8)
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            lineStart = lineEnd + 1
            if line.starts(with: inputsPrefix) {
                inputs = Self.hex(line.dropFirst(inputsPrefix.count))
                continue
            }
            if line.starts(with: nextPrefix) {
                nextChange = Int(String(decoding: line.dropFirst(nextPrefix.count), as: UTF8.self))
                continue
            }
            // Fields split at the first three spaces; the path may contain spaces.
            var fields: [ArraySlice<UInt8>] = []
            var rest = line
            while fields.count < 3, let space = rest.firstIndex(of: 32) {
                fields.append(rest[..<space])
                rest = rest[(space + 1)...]
            }
            guard fields.count == 3, !rest.isEmpty, let hash = Self.hex(fields[0]),
                  let size = Self.decimal(fields[1]) else { continue }
            entries[String(decoding: rest, as: UTF8.self)] = Entry(hash: hash, size: size, key: Self.hex(fields[2]))
        }
    }

    private static func hex(_ digits: ArraySlice<UInt8>) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for digit in digits {
            switch digit {
            case 48...57: value = value << 4 | UInt64(digit - 48)
            case 97...102: value = value << 4 | UInt64(digit - 87)
            default: return nil
            }
        }
        return value
    }

    /// A size as written: `-1` (a write cut short) or digits.
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int? {
        if digits.elementsEqual("-1".utf8) { return -1 }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for digit in digits {
            guard digit >= 48, digit <= 57 else { return nil }
            value = value * 10 + Int(digit - 48)
        }
        return value
    }

    init(entries: [String: Entry] = [:], inputs: UInt64? = nil) {
        self.entries = entries
        self.inputs = inputs
    }

    /// The file's bytes, built directly: a large site's manifest has tens of thousands of
    /// lines, and string interpolation per line cost a quarter of a second.
    var bytes: [UInt8] {
        var bytes = Array(Self.formatLine.utf8) + [10]
        bytes.reserveCapacity(entries.count * 96)
        if let inputs {
            bytes += Array("# inputs ".utf8)
            Self.appendHex(inputs, to: &bytes)
            bytes.append(10)
        }
        if let nextChange {
            bytes += Array("# next \(nextChange)\n".utf8)
        }
        for path in entries.keys.sorted() {
            let entry = entries[path]!
            Self.appendHex(entry.hash, to: &bytes)
            bytes.append(32)
            bytes += String(entry.size).utf8
            bytes.append(32)
            if let key = entry.key { Self.appendHex(key, to: &bytes) } else { bytes.append(45) }
            bytes.append(32)
            bytes += path.utf8
            bytes.append(10)
        }
        return bytes
    }

    private static func appendHex(_ value: UInt64, to bytes: inout [UInt8]) {
        var started = false
        for shift in stride(from: 60, through: 0, by: -4) {
            let digit = UInt8((value >> UInt64(shift)) & 0xF)
            if digit != 0 || started || shift == 0 {
                bytes.append(digit < 10 ? 48 + digit : 87 + digit)
                started = true
            }
        }
    }
}
