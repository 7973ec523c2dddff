/// Slugs name folders and URLs: lower-case ASCII letters, digits and `-`.
enum Slug {
    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("-") && !text.hasSuffix("-")
            && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }

    /// What to write instead: a close valid slug, or, for a name with no Latin letters
    /// (`中欧班列`), the advice to write it in English or pinyin.
    static func hint(for text: String) -> String {
        let hasLatin = text.unicodeScalars.contains { $0.isASCII && $0.properties.isAlphabetic }
        return hasLatin
            ? "use lower-case ASCII letters, digits and -, e.g. `\(suggestion(for: text))`"
            : "use lower-case ASCII letters, digits and -: write the name in English or pinyin, e.g. `china-europe-trains`"
    }

    /// A valid slug close to `text`, to suggest in a hint (`Khorgos Trains` → `khorgos-trains`).
    static func suggestion(for text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return trimmed.isEmpty ? "my-story" : trimmed
    }
}

import Foundation
