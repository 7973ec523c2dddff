import Foundation

/// `caravan check`: each language file that fell behind its translation, how far (commits,
/// time) and, in a git checkout, which sections of the original changed since.
enum TranslationFindings {
    /// `history` is the story files' git history (nil outside git).
    static func findings(_ site: LoadedSite, source: String, history: GitHistory?) -> [SiteCheckReport.Finding] {
        TranslationStatus(history: history, languages: site.config.languages.map(\.code)).lags(site.documents).map { lag in
            let behind = lag.behind.language + ".md", newer = lag.newer.language + ".md"
            var detail = "\(newer) changed after \(behind) was last updated (\(lag.distance))"
            if history != nil, let sections = changedSections(lag, source: source), !sections.isEmpty {
                detail += ": sections changed: " + sections.joined(separator: ", ")
            }
            return SiteCheckReport.Finding(kind: .translationBehind, diagnostic: .warning(
                lag.behind.path, nil, detail,
                hint: "bring \(behind) up to date with \(newer); if it already says the same, add `translation: reviewed` to its front matter"),
                detail: detail)
        }
    }

    /// The headings of the original's sections that differ from its text when the
    /// translation last changed ("the opening" for the text before the first heading).
    static func changedSections(_ lag: TranslationLag, source: String) -> [String]? {
        guard let old = GitHistory.text(of: lag.newer.path, before: lag.behindChanged, in: source) else { return nil }
        let before = sections(of: body(of: old)), now = sections(of: lag.newer.body)
        var changed: [String] = []
        for (heading, text) in now where before.first(where: { $0.heading == heading })?.text != text {
            changed.append(heading)
        }
        for (heading, _) in before where !now.contains(where: { $0.heading == heading }) {
            changed.append(heading + " (removed)")
        }
        return changed
    }

    /// The text after the front matter.
    private static func body(of file: String) -> String {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return file }
        return lines[(end + 1)...].joined(separator: "\n")
    }

    /// The text cut at its headings (`#` to `######`), each part under its heading.
    static func sections(of markdown: String) -> [(heading: String, text: String)] {
        var sections: [(heading: String, text: String)] = [("the opening", "")]
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let hashes = line.prefix { $0 == "#" }.count
            if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
                sections.append((line.dropFirst(hashes).trimmingCharacters(in: .whitespaces), ""))
            } else {
                sections[sections.count - 1].text += line.trimmingCharacters(in: .whitespaces) + "\n"
            }
        }
        return sections.map { ($0.heading, $0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
