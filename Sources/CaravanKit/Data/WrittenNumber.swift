import Foundation

/// A figure's number as an editor wrote it from the source (`about 2,100`, `2.1 million`,
/// `more than 300`), read back into the parts the data file keeps apart: the bare number,
/// its qualifier and its scale. Only for hints: the data file itself takes bare numbers,
/// and a hint may only echo what was written, never invent a number.
struct WrittenNumber: Equatable {
    /// Digits as written, without separators: `2100`, `-3.5`.
    var number: String
    /// `about`, `more-than` or `less-than`, when words before the number said so.
    var qualifier: String?
    /// `thousand`, `million` or `billion`, when a word after the number said so.
    var scale: String?

    /// Words (lower-case) and signs that mean a qualifier, longest first so that
    /// "more than" is not read as "more".
    private static let qualifierWords: [(String, String)] = [
        ("approximately", "about"), ("more than", "more-than"), ("fewer than", "less-than"), ("less than", "less-than"),
        ("roughly", "about"), ("around", "about"), ("nearly", "about"), ("almost", "about"), ("about", "about"),
        ("approx.", "about"), ("approx", "about"), ("above", "more-than"), ("under", "less-than"), ("below", "less-than"),
        ("over", "more-than"), ("大约", "about"), ("超过", "more-than"), ("不到", "less-than"), ("约", "about"),
        ("近", "about"), ("逾", "more-than"), ("~", "about"), ("≈", "about"), (">", "more-than"), ("<", "less-than"),
    ]
    private static let scaleWords = ["thousand", "million", "billion"]

    /// nil when `text` holds no number to echo (`lots`, `n/a`).
    static func read(_ text: String) -> WrittenNumber? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var qualifier: String?
        if let (word, meaning) = qualifierWords.first(where: { rest.lowercased().hasPrefix($0.0) }) {
            qualifier = meaning
            rest = rest.dropFirst(word.count).drop { $0 == " " }
        }
        // The number: digits, with separators between them dropped, one decimal point, a sign.
        var number = ""
        var index = rest.startIndex
        if index < rest.endIndex, rest[index] == "-" || rest[index] == "+" {
            if rest[index] == "-" { number.append("-") }
            index = rest.index(after: index)
        }
        while index < rest.endIndex {
            let character = rest[index]
            let next = rest.index(after: index)
            let digitFollows = next < rest.endIndex && rest[next].isASCII && rest[next].isNumber
            if character.isASCII, character.isNumber {
                number.append(character)
            } else if character == ".", digitFollows, !number.contains(".") {
                number.append(".")
            } else if [",", "，", "_", " ", "\u{2009}", "\u{202F}", "'"].contains(character), digitFollows, number.last?.isNumber == true {
                // a thousands separator: dropped
            } else {
                break
            }
            index = next
        }
        guard number.contains(where: \.isNumber) else { return nil }
        let tail = rest[index...].trimmingCharacters(in: .whitespaces).lowercased()
        if tail.hasPrefix("+"), qualifier == nil { qualifier = "more-than" }  // `2,100+`
        let scale = scaleWords.first { tail.hasPrefix($0) }
        return WrittenNumber(number: number, qualifier: qualifier, scale: scale)
    }

    /// The lines to write instead, for the key `key`: `qualifier: about` and `value: 2100`.
    func lines(for key: String) -> [String] {
        var lines: [String] = []
        if let qualifier, key == "value" { lines.append("qualifier: \(qualifier)") }
        lines.append("\(key): \(number)")
        if let scale { lines.append("scale: \(scale)") }
        return lines
    }
}
