/// "Did you mean …?" for a mistyped key or id: the closest candidate by edit distance,
/// if it is close enough to be a plausible typo, or else the one the word begins
/// (`west` for `western`: an id cut short is as common as a typo, and too far in edits).
enum Suggestion {
    /// A shortened id suggests its whole form only from this many letters on: `w` could be anything.
    static let shortestPrefix = 3

    static func closest(to word: String, in candidates: [String]) -> String? {
        closestByEdits(to: word, in: candidates) ?? completion(of: word, in: candidates)
    }

    /// The shortest candidate that starts with `word` (ignoring case), first listed on a tie.
    static func completion(of word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        guard lowered.count >= shortestPrefix else { return nil }
        return candidates
            .filter { $0.count > lowered.count && $0.lowercased().hasPrefix(lowered) }
            .min { $0.count < $1.count }
    }

    private static func closestByEdits(to word: String, in candidates: [String]) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased().unicodeScalars)
            // No guess is ever further than 3 edits, and lengths 4 apart are at least 4 edits
            // apart: skip those without filling a table (a pasted paragraph as a name).
            guard abs(other.count - lowered.count) <= 3 else { continue }
            let distance = editDistance(lowered, other)
            if distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, best.candidate.count / 3))
        return best.distance <= allowed ? best.candidate : nil
    }

    /// A hint listing what is allowed, and the likeliest intended one.
    /// Lists the candidates when there are few; with many (article slugs), only the guess.
    static func hint(for word: String, expected candidates: [String], noun: String = "one of") -> String {
        let listed = candidates.count <= 40 ? candidates.joined(separator: ", ")
            : candidates.prefix(5).joined(separator: ", ") + ", … (\(candidates.count) in all)"
        var text = "expected \(noun) \(listed)"
        if let guess = closest(to: word, in: candidates) {
            text += "; did you mean `\(guess)`?"
        }
        return text
    }

    /// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`: swapped letters
    /// (`titel`) are the commonest typo, so a swap counts as one edit.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // One flat table: a template full of unknown names asks for thousands of these.
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in 0...a.count { table[i * width] = i }
        for j in 0...b.count { table[j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = Swift.min(table[(i - 1) * width + j] + 1, table[i * width + j - 1] + 1, table[(i - 1) * width + j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = Swift.min(value, table[(i - 2) * width + j - 2] + 1)
                }
                table[i * width + j] = value
            }
        }
        return table[a.count * width + b.count]
    }
}
