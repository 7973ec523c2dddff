/// A place in a template file: 1-based line and column, the column counted in characters.
struct TemplatePosition: Sendable, Hashable, Comparable {
    var line: Int
    var column: Int

    static func < (a: TemplatePosition, b: TemplatePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    var location: SourceLocation { SourceLocation(line: line, column: column) }
}

/// One piece of a template as the tokenizer finds it: text, or a tag with its kind, its
/// name (trimmed) and where it starts.
struct TemplateToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case text
        case variable, unescaped
        case section, inverted, close
        case comment, partial, parent, block
        case delimiters
    }

    var kind: Kind
    /// The text of a text token; the name of a tag.
    var content: String
    var position: TemplatePosition
    /// For a standalone partial, parent or block: the whitespace before it on its line,
    /// which indents every line of what it includes.
    var indentation = ""
    /// Whether the tag stood alone on its line (and took the line with it).
    var standsAlone = false
    /// For a close tag: whether it closes a parent or a block, which may share a standalone
    /// line with other inheritance tags.
    var closesInheritance = false

    /// Tags that stand alone on their line take the line with them (the Mustache spec's
    /// "standalone" rule); a variable never does.
    var canStandAlone: Bool {
        switch kind {
        case .section, .inverted, .close, .comment, .partial, .parent, .block, .delimiters: true
        case .text, .variable, .unescaped: false
        }
    }
}

/// Splits a template into tokens, keeping the exact position of every tag, then applies the
/// standalone rule: a line holding only whitespace and one section, comment, partial,
/// inheritance or delimiter tag leaves nothing of itself in the output.
struct TemplateTokenizer {
    struct Failure: Error, Equatable {
        var message: String
        var hint: String
        var position: TemplatePosition
    }

    static func tokens(_ text: String) throws(Failure) -> [TemplateToken] {
        standalone(try scan(Array(text)))
    }

    /// Tokens, with text cut after every newline so that lines can be looked at one by one.
    private static func scan(_ characters: [Character]) throws(Failure) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
        var index = 0
        var line = 1
        var column = 1
        var text: [Character] = []
        var textStart = TemplatePosition(line: 1, column: 1)

        func flushText() {
            if !text.isEmpty { tokens.append(TemplateToken(kind: .text, content: String(text), position: textStart)) }
            text = []
        }
        func advance(_ count: Int) {
            for character in characters[index..<min(characters.count, index + count)] {
                if character.isLineEnd { line += 1; column = 1 } else { column += 1 }
            }
            index = min(characters.count, index + count)
        }
        func matches(_ delimiter: [Character], at position: Int) -> Bool {
            position + delimiter.count <= characters.count && characters[position..<(position + delimiter.count)].elementsEqual(delimiter)
        }

        while index < characters.count {
            guard matches(open, at: index) else {
                if text.isEmpty { textStart = TemplatePosition(line: line, column: column) }
                text.append(characters[index])
                let isNewline = characters[index].isLineEnd
                advance(1)
                if isNewline { flushText() }
                continue
            }
            flushText()
            let start = TemplatePosition(line: line, column: column)
            advance(open.count)
            // Triple mustache: `{{{name}}}` ends with `}` and the closing delimiter.
            let isTriple = open == ["{", "{"] && index < characters.count && characters[index] == "{"
            let end = isTriple ? ["}"] + close : close
            // A tag ends on its own line (a comment may span lines); meeting the end of the
            // line or the next tag first means this one was never closed.
            let isComment = characters[index...].first { !$0.isWhitespace } == "!"
            var search = index
            while search < characters.count, !matches(end, at: search) {
                if !isComment, characters[search].isLineEnd || matches(open, at: search) { break }
                search += 1
            }
            guard search < characters.count, matches(end, at: search) else {
                throw unclosed(characters[(index - open.count)..<search], open: open, end: end, at: start)
            }
            var body = String(characters[index..<search])
            advance(search - index + end.count)
            var kind = TemplateToken.Kind.variable
            if isTriple {
                kind = .unescaped
                body.removeFirst()
            } else if let sigil = body.first(where: { !$0.isWhitespace }), let sigilKind = Self.kinds[sigil] {
                kind = sigilKind
                body = String(body.drop { $0.isWhitespace }.dropFirst())
            }
            if kind == .delimiters {
                guard body.hasSuffix("=") else {
                    throw Failure(message: "a delimiter tag must end with `=`", hint: "write e.g. `{{=<% %>=}}`", position: start)
                }
                let parts = body.dropLast().split(whereSeparator: \.isWhitespace)
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw Failure(message: "a delimiter tag names two delimiters", hint: "write e.g. `{{=<% %>=}}`", position: start)
                }
                open = Array(parts[0])
                close = Array(parts[1])
            }
            let name = kind == .comment ? body : body.trimmingCharacters(in: .whitespaces)
            if name.isEmpty, kind != .comment {
                throw Failure(message: "the tag has no name", hint: "write a name between the braces, e.g. `{{title}}`", position: start)
            }
            tokens.append(TemplateToken(kind: kind, content: name, position: start))
        }
        flushText()
        return tokens
    }

    /// The failure for a tag without its closing delimiter, showing the tag as it was
    /// probably meant: its delimiter, sigil and name, closed.
    private static func unclosed(_ tag: ArraySlice<Character>, open: [Character], end: [Character], at start: TemplatePosition) -> Failure {
        var rest = tag.dropFirst(open.count)
        let sigil = rest.first.map { "#^/>$<&{!".contains($0) } == true ? String(rest.removeFirst()) : ""
        let name = rest.drop { $0 == " " }.prefix { !$0.isWhitespace && !"{}<>\"'".contains($0) }.prefix(60)
        let shown = tag.prefix { !$0.isLineEnd }.prefix(60)
        return Failure(message: "the tag `\(String(shown))` is not closed",
                       hint: "a tag ends with `\(String(end))` on the line it starts: write `\(String(open) + sigil + String(name) + String(end))`",
                       position: start)
    }

    private static let kinds: [Character: TemplateToken.Kind] = [
        "#": .section, "^": .inverted, "/": .close, "!": .comment, ">": .partial, "<": .parent, "$": .block,
        "&": .unescaped, "=": .delimiters,
    ]

    /// Removes standalone lines: on a line whose only other content is whitespace, the tag
    /// takes the whitespace before it and the end of the line with it.
    private static func standalone(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        var line: [TemplateToken] = []
        // What each open tag opened, so that a close of a parent or block is known as one.
        var opened: [TemplateToken.Kind] = []
        for var token in tokens {
            switch token.kind {
            case .section, .inverted, .parent, .block: opened.append(token.kind)
            case .close: if let kind = opened.popLast(), kind == .parent || kind == .block { token.closesInheritance = true }
            default: break
            }
            line.append(token)
            if token.kind == .text, token.content.last?.isLineEnd == true {
                result += standaloneLine(line, isLast: false)
                line = []
            }
        }
        return result + standaloneLine(line, isLast: true)
    }

    /// One line's tokens, with the standalone rule applied. Inheritance tags may share
    /// their line (`{{<layout}}{{$content}}`, `{{<parent}}{{/parent}}`) and still stand alone.
    private static func standaloneLine(_ line: [TemplateToken], isLast: Bool) -> [TemplateToken] {
        let tags = line.filter { $0.kind != .text }
        guard tags.count == 1 ? tags[0].canStandAlone
                : tags.allSatisfy({ $0.kind == .parent || $0.kind == .block || $0.closesInheritance }) else { return line }
        let texts = line.filter { $0.kind == .text }
        guard texts.allSatisfy({ $0.content.allSatisfy { $0 == " " || $0 == "\t" || $0.isLineEnd } }) else { return line }
        // The tags may be followed only by the line's end (or the template's end).
        guard let first = line.firstIndex(where: { $0.kind != .text }),
              let last = line.lastIndex(where: { $0.kind != .text }) else { return line }
        let before = line[..<first].map(\.content).joined()
        let after = line[(last + 1)...].map(\.content).joined()
        guard !before.contains(where: \.isLineEnd), after.isEmpty || after.last!.isLineEnd || isLast,
              after.filter(\.isLineEnd).count <= 1 else { return line }
        var standing = tags
        standing[0].standsAlone = true
        if [.partial, .parent, .block].contains(standing[0].kind) { standing[0].indentation = before }
        // A block opened and closed on its own line (`  {{$content}}{{/content}}`) is the
        // line's content: it keeps its line end.
        if tags.count == 2, tags[0].kind == .block, !after.isEmpty {
            return standing + [TemplateToken(kind: .text, content: after, position: line[last + 1].position)]
        }
        return standing
    }
}

private extension Character {
    /// `\n`, or `\r\n` (one character to Swift): the line endings Mustache knows.
    var isLineEnd: Bool { self == "\n" || self == "\r\n" }
}
