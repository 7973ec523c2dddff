/// What `caravan check` found: the build's own diagnostics, one row per story, and the
/// check's findings (things a build allows but an editor should look at).
public struct SiteCheckReport: Sendable {
    /// The site's language codes, in order.
    public var languages: [String]
    /// Articles first, then pages; each by slug.
    public var stories: [StoryRow]
    /// Everything the build (without drafts) reported.
    public var buildDiagnostics: [Diagnostic]
    public var findings: [Finding]
    /// False when the build failed, so links in the built pages could not be checked.
    public var linksChecked: Bool
    /// What the clock will change, soonest first: stories to go live, stories to expire.
    public var scheduled: [ScheduledChange] = []

    /// One story (or page) and the state of each of its languages.
    public struct StoryRow: Sendable, Hashable {
        public var kind: SourceDocument.Kind
        public var slug: String
        /// By language code; every site language has an entry.
        public var languages: [String: LanguageState]
        /// How many tags and corridors each translation names, by language (articles only).
        public var tagCounts: [String: Int]
        public var corridorCounts: [String: Int]

        /// The fewest tags (corridors) any translation has; nil for pages.
        public var tags: Int? { kind == .article ? tagCounts.values.min() ?? 0 : nil }
        public var corridors: Int? { kind == .article ? corridorCounts.values.min() ?? 0 : nil }

        public var hasDraft: Bool { languages.values.contains(.draft) }
        public var missing: [String] { languages.filter { $0.value == .missing }.map(\.key).sorted() }
    }

    public enum LanguageState: String, Sendable, Hashable {
        /// The file exists and is published.
        case published = "yes"
        /// The file exists with `draft: true`.
        case draft
        /// The file is dated later than now: a build publishes it from then on.
        case scheduled = "later"
        /// The file's `expires` has passed: it is published no more.
        case expired
        /// There is no file for the language.
        case missing
        /// The file exists but could not be read (see the diagnostics).
        case invalid = "error"
    }

    /// A problem the check reports beyond the build's diagnostics.
    public struct Finding: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case noTags = "no tags"
            case noCorridors = "no corridors"
            case draftSource = "figure source is a draft"
            case missingSource = "figure source missing"
            case brokenLink = "broken link"
            case unalignedTranslation = "translations not aligned"
            case translationBehind = "translation behind"
        }

        public var kind: Kind
        /// Where and what, as a warning, with a hint.
        public var diagnostic: Diagnostic
        /// A short detail for the table: the figure id, the link, the picture.
        public var detail: String
    }

    /// Every problem to print, in reading order: the build's, then the check's findings that
    /// the build did not already report at the same place. With `strict`, warnings are errors.
    public func diagnostics(strict: Bool = false) -> [Diagnostic] {
        func place(_ diagnostic: Diagnostic) -> String? {
            diagnostic.line.map { "\(diagnostic.file):\($0):\(diagnostic.column ?? 0)" }
        }
        let reported = Set(buildDiagnostics.compactMap(place))
        let extra = findings.map(\.diagnostic).filter { place($0).map { !reported.contains($0) } ?? true }
        var all = (buildDiagnostics + extra).sortedForDisplay()
        if strict {
            for index in all.indices { all[index].severity = .error }
        }
        return all
    }

    public var errorCount: Int { diagnostics().errorCount }
    public var warningCount: Int { diagnostics().warningCount }

    /// The exit decision: success when nothing is an error; with `strict`, warnings
    /// (the check's findings included) count as errors too.
    public func passes(strict: Bool) -> Bool {
        let all = diagnostics()
        return !all.hasErrors && (!strict || all.isEmpty)
    }

    public func findings(_ kind: Finding.Kind) -> [Finding] {
        findings.filter { $0.kind == kind }
    }

    public func story(_ slug: String, kind: SourceDocument.Kind = .article) -> StoryRow? {
        stories.first { $0.kind == kind && $0.slug == slug }
    }
}
