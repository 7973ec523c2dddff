import Foundation

/// What `caravan new article|page <slug>` is asked to create.
public struct NewStoryRequest: Sendable {
    public var kind: SourceDocument.Kind
    public var slug: String
    /// Headlines by language code. A language without one gets the slug as its title,
    /// to be replaced by the editor (the file says so in its language).
    public var titles: [String: String]
    /// Tag ids from `Content/data/tags.yaml` (articles only).
    public var tags: [String]
    /// Corridor ids from `Content/data/corridors.yaml` (articles only).
    public var corridors: [String]
    /// The publication date to write, `YYYY-MM-DD` (see `NewStory.today()`).
    public var date: String

    public init(kind: SourceDocument.Kind, slug: String, titles: [String: String] = [:],
                tags: [String] = [], corridors: [String] = [], date: String) {
        self.kind = kind
        self.slug = slug
        self.titles = titles
        self.tags = tags
        self.corridors = corridors
        self.date = date
    }
}

/// One file `caravan new` writes, relative to the site root.
public struct ScaffoldFile: Sendable, Hashable {
    public var path: String
    public var text: String
}

/// Everything `caravan new` would write: one new folder and one file per language.
public struct ScaffoldPlan: Sendable {
    public var kind: SourceDocument.Kind
    public var slug: String
    /// `Content/articles/<slug>` or `Content/pages/<slug>`.
    public var folder: String
    /// In the order the site declares its languages.
    public var files: [ScaffoldFile]
}

/// `caravan new`: checks the request against the site (slug, languages, tag and corridor
/// ids, an existing folder), then writes a draft story with one file per language.
public enum NewStory {
    /// Page slugs that would collide with the site's own addresses (`/<lang>/tags/`, …).
    static let reservedPageSlugs = ["articles", "corridors", "page", "stats", "tags"]
    /// The `file` of diagnostics about the command's own arguments.
    static let commandName = "caravan new"

    /// Checks the request and returns the files it would write, or the reasons it cannot.
    /// Nothing is written.
    public static func plan(_ request: NewStoryRequest, root: String) -> (ScaffoldPlan?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let folder = "Content/\(request.kind.folder)/\(request.slug)"
        guard Slug.isValid(request.slug) else {
            return (nil, [slugError(request.slug, folder: folder)])
        }
        if request.kind == .page, reservedPageSlugs.contains(request.slug) {
            diagnostics.append(.error(
                folder, nil, "a page cannot be called `\(request.slug)`: the site uses /<language>/\(request.slug)/ for its own pages",
                hint: "choose another slug, e.g. `\(request.slug)-info`"))
        }
        if ContentDate.parse(request.date) == nil || request.date.utf8.count != 10 {
            diagnostics.append(.error(commandName, nil, "`\(request.date)` is not a date",
                                      hint: "write the date as YYYY-MM-DD, e.g. 2024-05-17"))
        }

        // The site: its languages, tags and corridors, through the loader like a build.
        var loader = ContentLoader(root: root)
        guard let site = loader.load() else {
            return (nil, diagnostics + loader.diagnostics.filter(\.isError))
        }
        let languages = site.config.languages.map(\.code)
        for code in request.titles.keys.sorted() where !languages.contains(code) {
            diagnostics.append(.error(
                commandName, nil, "the site has no language `\(code)` for a title",
                hint: Suggestion.hint(for: code, expected: languages, noun: "a language of Content/site.yaml:")))
        }
        for (code, title) in request.titles.sorted(by: { $0.key < $1.key }) where title.allSatisfy(\.isWhitespace) {
            diagnostics.append(.error(commandName, nil, "the \(code) title is empty",
                                      hint: "give the headline in quotes, e.g. --title-\(code) \"Your headline\", or leave the option out"))
        }
        let tags = unique(request.tags)
        let corridors = unique(request.corridors)
        if request.kind == .page, !(tags.isEmpty && corridors.isEmpty) {
            diagnostics.append(.error(commandName, nil, "pages have no tags or corridors",
                                      hint: "leave out --tag and --corridor, or create an article: caravan new article \(request.slug)"))
        } else {
            let dataProblems = loader.diagnostics.filter { $0.isError && ($0.file == Tag.path || $0.file == CorridorData.path) }
            diagnostics += unknown(tags, known: site.data.tags.map(\.id), what: "tag", file: Tag.path, example: "rail")
            diagnostics += unknown(corridors, known: site.data.corridors.map(\.id), what: "corridor", file: CorridorData.path, example: "western")
            if diagnostics.contains(where: { $0.message.hasPrefix("unknown ") }) { diagnostics += dataProblems }
        }
        if entryExists(root: root, folder) {
            diagnostics.append(existsError(folder, slug: request.slug))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }

        var files: [ScaffoldFile] = []
        for code in languages {
            let title = request.titles[code]?.trimmingCharacters(in: .whitespacesAndNewlines)
            let text = StoryTemplate(kind: request.kind, language: code, title: title, slug: request.slug,
                                     date: request.date, tags: tags, corridors: corridors).text
            files.append(ScaffoldFile(path: "\(folder)/\(code).md", text: text))
        }
        return (ScaffoldPlan(kind: request.kind, slug: request.slug, folder: folder, files: files), diagnostics)
    }

    /// Checks, then writes. Returns the plan when the files were written.
    public static func create(_ request: NewStoryRequest, root: String) -> (ScaffoldPlan?, [Diagnostic]) {
        let (plan, diagnostics) = plan(request, root: root)
        guard let plan else { return (nil, diagnostics) }
        let problems = write(plan, root: root)
        return (problems.isEmpty ? plan : nil, diagnostics + problems)
    }

    /// Today's date on this machine's clock and time zone, `YYYY-MM-DD` (the site itself
    /// has no time zone setting).
    public static func today(now: Date = Date(), timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return "\((parts.year ?? 1970).zeroPadded(4))-\((parts.month ?? 1).zeroPadded(2))-\((parts.day ?? 1).zeroPadded(2))"
    }

    /// What the command prints after writing: the files, then what to do next.
    /// `prefix` is put before each path (the `--source` folder, when it is not `.`).
    public static func successMessage(_ plan: ScaffoldPlan, prefix: String = "") -> String {
        let noun = plan.kind == .article ? "story" : "page"
        var lines = ["Created a draft \(noun) `\(plan.slug)`:"]
        lines += plan.files.map { "  \(prefix)\($0.path)" }
        lines.append("Next: write the \(noun) in each file (replace the placeholder text), then")
        lines.append("run `caravan serve --drafts` to preview it. When a file")
        lines.append("is ready to publish, remove the line `draft: true` from it.")
        return lines.joined(separator: "\n")
    }

    // MARK: - Checks

    static func slugError(_ slug: String, folder: String) -> Diagnostic {
        let suggestion = Slug.suggestion(for: slug)
        let asciiHint = slug.unicodeScalars.contains { !$0.isASCII }
            ? "the slug is the story's web address, the same for every language: write it in English or pinyin, e.g. `\(suggestion)`"
            : "use lower-case ASCII letters, digits and -, e.g. `\(suggestion)`"
        return .error(folder, nil, "`\(slug)` is not a valid slug (it becomes the folder name and the address)", hint: asciiHint)
    }

    static func existsError(_ folder: String, slug: String) -> Diagnostic {
        .error(folder, nil, "the folder already exists",
               hint: "edit the files in it, or choose another slug, e.g. `\(slug)-2`")
    }

    private static func unknown(_ ids: [String], known: [String], what: String, file: String, example: String) -> [Diagnostic] {
        ids.filter { !known.contains($0) }.map { id in
            .error(commandName, nil, "unknown \(what) `\(id)`",
                   hint: known.isEmpty
                       ? "the site defines no \(what)s yet: add them to \(file) first (`- {id: \(example), name: …}`)"
                       : Suggestion.hint(for: id, expected: known, noun: "a \(what) id of \(file):")
                           + " (to add a new one, give it a name per language in \(file))")
        }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { seen.insert($0).inserted }
    }

    /// True when anything is at `relative`, including a symbolic link that leads nowhere.
    static func entryExists(root: String, _ relative: String) -> Bool {
        var info = stat()
        return lstat(root + "/" + relative, &info) == 0
    }
}
