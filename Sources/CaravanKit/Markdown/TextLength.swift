/// How long a text is to read: Chinese is counted in Han characters, everything else in
/// words, so mixed text (a Chinese story quoting English names) is counted by both rules.
enum TextLength {
    static func count(_ text: String) -> (han: Int, words: Int) {
        var han = 0
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if CJKText.isHan(scalar) {
                han += 1
                inWord = false
            } else if (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5A)
                        || (scalar.value >= 0x61 && scalar.value <= 0x7A) || (scalar.value > 0x7F && scalar.properties.isAlphabetic) {
                if !inWord { words += 1 }
                inWord = true
            } else if scalar != "'" && scalar != "’" && scalar != "-" {
                inWord = false
            }
        }
        return (han, words)
    }

    /// Minutes at about 400 Han characters or 220 words a minute, never less than one.
    static func readingMinutes(han: Int, words: Int) -> Int {
        max(1, Int((Double(han) / 400 + Double(words) / 220).rounded()))
    }
}
