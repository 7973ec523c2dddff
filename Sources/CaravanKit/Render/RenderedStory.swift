/// The Markdown of every published document turned into HTML, keyed by story and language.
struct RenderedDocuments: Sendable {
    private var byKey: [String: RenderedMarkdown] = [:]

    static func key(_ story: Story, _ language: String) -> String {
        "\(story.kind.folder)/\(story.slug)/\(language)"
    }

    static func key(_ document: SourceDocument) -> String {
        "\(document.kind.folder)/\(document.slug)/\(document.language)"
    }

    /// The story and language `key` names in `site`, if it has them.
    static func document(_ key: String, in site: ResolvedSite) -> (story: Story, language: String)? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, let kind = SourceDocument.Kind(folder: parts[0]),
              let story = site.story(kind, String(parts[1])), story.translations[String(parts[2])] != nil else { return nil }
        return (story, String(parts[2]))
    }

    subscript(story: Story, language: String) -> RenderedMarkdown? {
        get { byKey[Self.key(story, language)] }
        set { byKey[Self.key(story, language)] = newValue }
    }

    /// UI strings by language, for the summary rules.
    var strings: [String: UIStrings] = [:]

    /// The teaser: the front matter's `summary`, else the first paragraph cut short.
    func summary(_ story: Story, _ language: String) -> String {
        guard story.teaserIsCut(in: language) else { return story.translations[language]!.frontMatter.summary! }
        return Summary.cut(self[story, language]?.firstParagraph ?? "", strings: strings[language])
    }
}

extension Story {
    /// Whether its teaser in `language` is cut from the body, for want of a `summary` in the
    /// front matter: only then does a list showing the story show anything of its Markdown
    /// (so an edited body renders again the lists of the stories without a summary only).
    func teaserIsCut(in language: String) -> Bool {
        translations[language]?.hasSummary != true
    }
}
