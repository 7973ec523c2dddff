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

    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { add(scalar) }
    }

    mutating func add(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            // ASCII, most of an English story: letters and digits make words.
            let isWordCharacter = (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            if isWordCharacter {
                if !inWord { words += 1 }
                inWord = true
            } else if scalar != "'" && scalar != "-" {
                inWord = false
            }
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

    /// Minutes at about 400 Han characters or 220 words a minute, never less than one.
    static func readingMinutes(han: Int, words: Int) -> Int {
        max(1, Int((Double(han) / 400 + Double(words) / 220).rounded()))
    }
}
