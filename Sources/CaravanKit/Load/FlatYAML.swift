/// Reads the YAML nearly every front matter is without the full parser: one `key: value`
/// per line, where a value is a quoted text, a plain word or line, or a `[list, of, words]`,
/// and comment lines. Yams took a twentieth of a first build's CPU time on such text.
///
/// Anything else (indented lines, a comment after a value, escapes, a `: ` inside a plain
/// value, a repeated key, characters YAML treats specially) makes it answer nil, and Yams
/// reads the text: only Yams reports errors, so messages do not depend on which reader ran.
/// Where it answers, it answers what Yams would, locations included (`FlatYAMLTests`).
enum FlatYAML {
    /// The mapping `text` holds, or nil when it is not flat YAML of this kind.
    static func parse(_ text: String, lineOffset: Int = 0, nodeBudget: Int) -> YAMLNode? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes, lineOffset: lineOffset, nodeBudget: nodeBudget)
            return reader.mapping()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let lineOffset: Int
        var nodeBudget: Int

        mutating func mapping() -> YAMLNode? {
            var pairs: [(key: YAMLScalar, value: YAMLNode)] = []
            var keys: Set<String> = []
            var start = 0, line = 1 + lineOffset
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: .newline) ?? bytes.count
                // A line that is only a comment says nothing (an editor's note to the next one).
                if end > start, bytes[start] == .hash {
                    guard isPrintable(start..<end) else { return nil }
                } else if end > start {
                    guard let (key, value) = pair(start..<end, line: line), keys.insert(key.text).inserted else { return nil }
                    pairs.append((key, value))
                }
                start = end + 1
                line += 1
            }
            guard let first = pairs.first else { return nil }
            return .mapping(pairs, first.key.location)
        }

        /// `key: value` on the bytes of one line.
        private mutating func pair(_ line: Range<Int>, line number: Int) -> (YAMLScalar, YAMLNode)? {
            var index = line.lowerBound
            guard bytes[index].isLetter || bytes[index] == .underscore else { return nil }
            while index < line.upperBound, bytes[index].isLetter || bytes[index].isDigit || bytes[index] == .underscore || bytes[index] == .hyphen {
                index += 1
            }
            // libyaml takes a key of more than 1 024 characters for an error.
            guard index - line.lowerBound <= 128, index + 1 < line.upperBound, bytes[index] == .colon, bytes[index + 1] == .space else { return nil }
            let key = YAMLScalar(text: text(line.lowerBound..<index), isPlain: true, location: location(line.lowerBound, in: line, number))
            index += 2
            while index < line.upperBound, bytes[index] == .space { index += 1 }
            guard index < line.upperBound, spend() else { return nil }
            let rest = index..<line.upperBound
            let location = location(index, in: line, number)
            let value: YAMLNode? = switch bytes[index] {
            case .doubleQuote, .singleQuote: quoted(rest, location: location)
            case .openBracket: words(rest, line: line, number: number)
            default: plain(rest, location: location)
            }
            return value.map { (key, $0) }
        }

        /// `"text"` or `'text'`, with nothing to unescape, then nothing but spaces.
        private func quoted(_ range: Range<Int>, location: SourceLocation) -> YAMLNode? {
            let quote = bytes[range.lowerBound]
            guard let close = bytes[(range.lowerBound + 1)..<range.upperBound].firstIndex(of: quote),
                  bytes[(close + 1)..<range.upperBound].allSatisfy({ $0 == .space }) else { return nil }
            let content = (range.lowerBound + 1)..<close
            guard isPrintable(content), !bytes[content].contains(.backslash) else { return nil }
            return .scalar(YAMLScalar(text: text(content), isPlain: false, location: location))
        }

        /// A line of plain text: no indicator first, no `: ` or ` #` inside, no `:` last.
        private func plain(_ range: Range<Int>, location: SourceLocation) -> YAMLNode? {
            guard !Self.indicators.contains(bytes[range.lowerBound]), isPrintable(range) else { return nil }
            var end = range.upperBound
            while bytes[end - 1] == .space { end -= 1 }
            guard bytes[end - 1] != .colon else { return nil }
            for index in range.lowerBound..<(end - 1) {
                if bytes[index] == .colon && bytes[index + 1] == .space { return nil }
                if bytes[index] == .space && bytes[index + 1] == .hash { return nil }
            }
            return .scalar(YAMLScalar(text: text(range.lowerBound..<end), isPlain: true, location: location))
        }

        /// `[a, b-c, d_e]`: words of ASCII letters, digits, `-`, `_` and `.`, then nothing but spaces.
        private mutating func words(_ range: Range<Int>, line: Range<Int>, number: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            var index = range.lowerBound + 1
            func skipSpaces() { while index < range.upperBound, bytes[index] == .space { index += 1 } }
            skipSpaces()
            if index < range.upperBound, bytes[index] == .closeBracket {
                index += 1
            } else {
                while true {
                    let start = index
                    guard index < range.upperBound, bytes[index].isLetter || bytes[index].isDigit else { return nil }
                    while index < range.upperBound, bytes[index].isWordByte { index += 1 }
                    guard spend() else { return nil }
                    items.append(.scalar(YAMLScalar(text: text(start..<index), isPlain: true, location: location(start, in: line, number))))
                    skipSpaces()
                    guard index < range.upperBound else { return nil }
                    index += 1
                    if bytes[index - 1] == .closeBracket { break }
                    guard bytes[index - 1] == .comma else { return nil }
                    skipSpaces()
                }
            }
            guard bytes[index..<range.upperBound].allSatisfy({ $0 == .space }) else { return nil }
            return .sequence(items, location(range.lowerBound, in: line, number))
        }

        /// One more node, if the budget allows: past it, the full parser says what is wrong.
        private mutating func spend() -> Bool {
            nodeBudget -= 1
            return nodeBudget > 0
        }

        /// Columns count characters; everything before a location is ASCII here, so bytes.
        private func location(_ index: Int, in line: Range<Int>, _ number: Int) -> SourceLocation {
            SourceLocation(line: number, column: index - line.lowerBound + 1)
        }

        private func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// No control character, tab, byte-order mark or non-character, and none of the
        /// characters YAML 1.1 breaks lines at (NEL, U+2028, U+2029): libyaml would count
        /// lines and columns differently, or refuse the text.
        private func isPrintable(_ range: Range<Int>) -> Bool {
            for index in range {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return false }
                guard byte >= 0xC2 else { continue }
                // A lead byte: the text is valid UTF-8, so its sequence ends inside `range`.
                let second = bytes[index + 1], third = byte >= 0xE0 ? bytes[index + 2] : 0
                switch (byte, second) {
                case (0xC2, ..<0xA0): return false  // C1 controls, NEL
                case (0xE2, 0x80) where third == 0xA8 || third == 0xA9: return false  // U+2028, U+2029
                case (0xEF, 0xBB) where third == 0xBF: return false  // U+FEFF
                case (0xEF, 0xBF) where third >= 0xBE: return false  // U+FFFE, U+FFFF
                default: continue
                }
            }
            return true
        }

        /// What may not start a plain value (YAML's indicators, and a space).
        private static let indicators: Set<UInt8> = Set("-?:,[]{}#&*!|>'\"%@` ".utf8)
    }
}

private extension UInt8 {
    static let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), colon = UInt8(ascii: ":"), hash = UInt8(ascii: "#")
    static let underscore = UInt8(ascii: "_"), hyphen = UInt8(ascii: "-"), comma = UInt8(ascii: ",")
    static let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), backslash = UInt8(ascii: "\\")
    static let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]")

    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isWordByte: Bool { isLetter || isDigit || self == .hyphen || self == .underscore || self == UInt8(ascii: ".") }
}
