import Foundation

/// One language file of a story that fell behind another: the other changed after it was
/// last updated. Shown as a note on the behind page and listed by `caravan check`.
struct TranslationLag: Sendable {
    /// The file that fell behind, and the newer file it translates.
    var behind: SourceDocument
    var newer: SourceDocument
    /// When each last changed, in seconds since 1970.
    var behindChanged: Int
    var newerChanged: Int
    /// Commits to the newer file since the behind one last changed; nil outside git.
    var commits: Int?

    /// For fingerprints: what the note on the page says.
    var key: String { "\(behind.path)>\(newer.path)@\(newerChanged)" }

    /// "(2 commits, 3 days)": how far behind, for `caravan check`.
    var distance: String {
        let seconds = newerChanged - behindChanged
        let span = seconds >= 86_400 ? counted(seconds / 86_400, "day") : seconds >= 3600 ? counted(seconds / 3600, "hour") : "less than an hour"
        return commits.map { "\(counted($0, "commit")), \(span)" } ?? span
    }
}

/// Finds, for every story, the translations that fell behind its original: a translation
/// is behind when the original changed after it did. The original is the language file
/// committed first (in a git checkout; files committed together, and sites outside git,
/// take the first language of site.yaml), so a translator's update never makes the original
/// look behind. "Changed" is the last commit that touched the file (`GitHistory`), else the
/// front matter's latest date (`date`, `updated`, a correction). A translation may say it
/// was reviewed: `translation: 2024-05-20` (reviewed then) or `translation: reviewed` (up
/// to date as of its own last change; outside git, up to date until told otherwise).
struct TranslationStatus {
    let history: GitHistory?
    /// The site's language codes in order: the first is the original when nothing else says.
    let languages: [String]

    func lags(_ documents: [SourceDocument]) -> [TranslationLag] {
        // A checkout where no story file is committed yet: nothing can be behind.
        if let history, history.commits.isEmpty { return [] }
        var stories: [String: [SourceDocument]] = [:]
        for document in documents where !document.frontMatter.draft {
            stories["\(document.kind.folder)/\(document.slug)", default: []].append(document)
        }
        var lags: [TranslationLag] = []
        for files in stories.values where files.count > 1 {
            // A file never committed cannot be placed in time: such a story is left out.
            guard let original = original(of: files), let originalChanged = lastChange(original) else { continue }
            for file in files where file.path != original.path {
                guard let changed = lastChange(file) else { continue }
                let reviewed = reviewedUpTo(file, changed: changed)
                guard originalChanged > reviewed else { continue }
                lags.append(TranslationLag(
                    behind: file, newer: original, behindChanged: changed, newerChanged: originalChanged,
                    commits: history?.commits[original.path]?.filter { $0 > reviewed }.count))
            }
        }
        return lags.sorted { $0.behind.path < $1.behind.path }
    }

    /// The file first committed; ties, and sites outside git, go to the site's language order.
    private func original(of files: [SourceDocument]) -> SourceDocument? {
        func order(_ file: SourceDocument) -> (Int, Int) {
            (history?.commits[file.path]?.last ?? 0, languages.firstIndex(of: file.language) ?? languages.count)
        }
        if let history, files.contains(where: { history.commits[$0.path] == nil }) { return nil }
        return files.min { order($0) < order($1) }
    }

    private func lastChange(_ document: SourceDocument) -> Int? {
        if let history { return history.commits[document.path]?.first }
        return Int(document.frontMatter.lastModified.instant)
    }

    /// Up to when the file follows the others.
    private func reviewedUpTo(_ document: SourceDocument, changed: Int) -> Int {
        switch document.frontMatter.translation {
        case nil: changed
        case .reviewed: history == nil ? Int.max : changed
        case .on(let date): max(changed, Int(date.instant) + (date.iso.count == 10 ? 86_399 : 0))
        }
    }
}
