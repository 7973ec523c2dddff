/// How long a text is to read: Chinese is counted in Han characters, everything else in
/// words, so mixed text (a Chinese story quoting English names) is counted by both rules.
/// Text can be added in pieces; a word may run across two pieces.
struct TextLength {
    private(set) var han = 0
    private(set) var words = 0
    private var inWord = false

    static func count(_ text: String) -> (han: Int, words: Int) {
        var length = TextLength()
        length.add(text)
        return (length.han, length.words)
    }

    mutating func add(_ text: String) {
        for scalar in text.unicodeScalars { add(scalar) }
    }

    /// Valid UTF-8 (cmark's text). ASCII bytes are counted as they are; only the others are
    /// decoded: this runs over every word of every story.
    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                addASCII(lead)
                index += 1
                continue
            }
            // Three bytes, as every character of a Chinese story: a unified ideograph is
            // counted at once, without the general case's look-ups.
            if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
                if value >= 0x4E00 && value <= 0x9FFF {
                    han += 1
                    inWord = false
                } else if let scalar = Unicode.Scalar(value) {
                    add(scalar)
                }
                continue
            }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + length <= bytes.count else { return }
            var value = UInt32(lead) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            if let scalar = Unicode.Scalar(value) { add(scalar) }
            index += length
        }
    }

    /// ASCII, most of an English story: letters and digits make words.
    private mutating func addASCII(_ byte: UInt8) {
        let isWordCharacter = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        if isWordCharacter {
            if !inWord { words += 1 }
            inWord = true
        } else if byte != UInt8(ascii: "'") && byte != UInt8(ascii: "-") {
            inWord = false
        }
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.value < 0x80 {
            addASCII(UInt8(scalar.value))
        } else if Self.isPunctuation(scalar.value) {
            inWord = false
        } else if CJKText.isHan(scalar) {
            han += 1
            inWord = false
        } else if scalar.properties.isAlphabetic {
            if !inWord { words += 1 }
            inWord = true
        } else if scalar != "’" {
            inWord = false
        }
    }

    /// Chinese punctuation and typography (，。、：“”《》— …), answered without asking for
    /// Unicode properties (slow, and half the characters of a Chinese story that are not Han).
    /// `’` is left out: it joins a word, as `'` does.
    private static func isPunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x2000...0x2018, 0x201A...0x206F, 0x3000...0x3004, 0x3008...0x3020, 0xFF01...0xFF0F, 0xFF1A...0xFF20: true
        default: false
        }
    }

    /// Minutes at about 400 Han characters or 220 words a minute, never less than one.
    static func readingMinutes(han: Int, words: Int) -> Int {
        max(1, Int((Double(han) / 400 + Double(words) / 220).rounded()))
    }
}
