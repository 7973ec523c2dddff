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
    /// The key of the plan that build rendered its pages from (`RenderPlan.key`).
    var plan: UInt64?
    /// The input key of each page of that plan, in the plan's order: a build planning the
    /// same pages (the same plan key) finds a page's stored key by its position, instead of
    /// looking up tens of thousands of paths.
    var pageKeys: [UInt64] = []

    private static let formatLine = "# caravan manifest 4"

    /// One line per file: `hash size key path` (`-` for no key). A manifest of another
    /// format (another version of caravan) is empty: its files are simply written again,
    /// never deleted, since only listed files are ever deleted. Unreadable lines are
    /// skipped the same way. Parsed from bytes: a large site's has tens of thousands of lines.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Array(Self.formatLine.utf8) + [10]) else { return }
        let inputsPrefix = Array("# inputs ".utf8)
        let nextPrefix = Array("# next ".utf8)
        let planPrefix = Array("# plan ".utf8)
        let keysPrefix = Array("# keys ".utf8)
        // A line is about 80 bytes; a few too many slots cost less than growing twice.
        entries.reserveCapacity(bytes.count / 64)
        bytes.withUnsafeBufferPointer { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                lineStart = lineEnd + 1
                if line.starts(with: inputsPrefix) {
                    inputs = Self.hex(line.dropFirst(inputsPrefix.count))
                    continue
                }
                if line.starts(with: planPrefix) {
                    plan = Self.hex(line.dropFirst(planPrefix.count))
                    continue
                }
                if line.starts(with: keysPrefix) {
                    // A key that does not read leaves none: the keys are found by path then.
                    let keys = line.dropFirst(keysPrefix.count).split(separator: 32).map { Self.hex($0) }
                    pageKeys = keys.contains(nil) ? [] : keys.map { $0! }
                    continue
                }
                if line.starts(with: nextPrefix) {
                    nextChange = Int(String(decoding: line.dropFirst(nextPrefix.count), as: UTF8.self))
                    continue
                }
                // Fields split at the first three spaces; the path may contain spaces.
                guard let first = line.firstIndex(of: 32), let second = line[(first + 1)...].firstIndex(of: 32),
                      let third = line[(second + 1)...].firstIndex(of: 32), third + 1 < line.endIndex,
                      let hash = Self.hex(line[..<first]), let size = Self.decimal(line[(first + 1)..<second]) else { continue }
                entries[String(decoding: line[(third + 1)...], as: UTF8.self)] = Entry(hash: hash, size: size, key: Self.hex(line[(second + 1)..<third]))
            }
        }
    }

    private static func hex(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
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
    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
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
        if let plan {
            bytes += Array("# plan ".utf8)
            Self.appendHex(plan, to: &bytes)
            bytes.append(10)
            if !pageKeys.isEmpty {
                bytes += Array("# keys".utf8)
                for key in pageKeys {
                    bytes.append(32)
                    Self.appendHex(key, to: &bytes)
                }
                bytes.append(10)
            }
        }
        // In no particular order: the file is read back whole into a dictionary, and
        // sorting tens of thousands of paths took longer than writing them.
        for (path, entry) in entries {
            Self.appendHex(entry.hash, to: &bytes)
            bytes.append(32)
            if entry.size < 0 { bytes.append(45) }
            Self.appendDecimal(entry.size.magnitude, to: &bytes)
            bytes.append(32)
            if let key = entry.key { Self.appendHex(key, to: &bytes) } else { bytes.append(45) }
            bytes.append(32)
            bytes += path.utf8
            bytes.append(10)
        }
        return bytes
    }

    private static func appendDecimal(_ value: UInt, to bytes: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &bytes) }
        bytes.append(48 + UInt8(value % 10))
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
