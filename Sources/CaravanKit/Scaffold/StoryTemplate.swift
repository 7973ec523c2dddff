/// The text of one new story file: front matter filled in, `draft: true`, and a one-line
/// placeholder body in the file's language telling the editor what to do.
struct StoryTemplate {
    var kind: SourceDocument.Kind
    var language: String
    /// nil when none was given: the slug stands in, and the body asks for a headline.
    var title: String?
    var slug: String
    var date: String
    var tags: [String]
    var corridors: [String]

    var text: String {
        var lines = ["---", "title: \(Self.quoted(title ?? slug))", "date: \(date)", "summary: \"\""]
        if !tags.isEmpty { lines.append("tags: [\(tags.joined(separator: ", "))]") }
        if !corridors.isEmpty { lines.append("corridors: [\(corridors.joined(separator: ", "))]") }
        lines += ["draft: true", "---", "", placeholder, ""]
        return lines.joined(separator: "\n")
    }

    /// One paragraph in the file's language (English for languages without a text here).
    var placeholder: String {
        let chinese = language == "zh" || language.hasPrefix("zh-")
        let sentences = chinese ? Self.chinese : Self.english
        var text = kind == .article ? sentences.article : sentences.page
        if title == nil { text += sentences.replaceTitle(slug) }
        return text + sentences.publish
    }

    /// The placeholder's sentences per language. The fixed ones also let the loader notice
    /// a placeholder left in a story that is no longer a draft (`PlaceholderText`).
    struct Sentences: Sendable {
        var article: String
        var page: String
        var replaceTitle: @Sendable (String) -> String
        var publish: String
    }

    static let english = Sentences(
        article: "Write the story here.", page: "Write the page here.",
        replaceTitle: { " Replace the title `\($0)` above with the headline." },
        publish: " When it is ready to publish, remove the line `draft: true` above.")
    static let chinese = Sentences(
        article: "在这里撰写报道正文。", page: "在这里撰写页面内容。",
        replaceTitle: { "请把上方的标题 `\($0)` 换成正式标题。" },
        publish: "准备发布时，删除上方的 `draft: true` 一行。")

    /// Sentences only a placeholder contains, whatever the slug: any of them in a story
    /// means the placeholder is still there.
    static let fixedSentences: [String] = [english, chinese].flatMap {
        [$0.article, $0.page, String($0.publish.trimmingPrefix(" "))]
    }

    /// A YAML double-quoted scalar: safe for any text (`: `, `#`, quotes, a number).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
