/// A template as a tree: what the tokens mean, each node with where it was written.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as it is).
    case variable(String, escaped: Bool, at: TemplatePosition)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(String, inverted: Bool, body: [TemplateNode], at: TemplatePosition)
    /// `{{> name}}`, indented when it stood alone on an indented line.
    case partial(String, indentation: String, at: TemplatePosition)
    /// `{{< name}}…{{/name}}`: the parent template, with the blocks this one fills in,
    /// indented like a partial when it stood alone on an indented line.
    case parent(String, blocks: [String: TemplateBlock], indentation: String, at: TemplatePosition)
    /// `{{$ name}}…{{/name}}`: a block, with what it shows unless a child fills it in, and
    /// the indentation of its line when it stood alone (nil when it did not).
    case block(String, body: [TemplateNode], indentation: String?, at: TemplatePosition)
}

/// What a child template puts into one block of its parent.
struct TemplateBlock: Sendable {
    var body: [TemplateNode]
    var position: TemplatePosition
}

/// Builds the tree from the tokens: sections must close with their own name, in order, and
/// nest no deeper than `depthLimit`.
struct TemplateParser {
    static let depthLimit = 100

    struct Failure: Error, Equatable {
        var message: String
        var hint: String
        var position: TemplatePosition
    }

    static func parse(_ text: String) throws(Failure) -> [TemplateNode] {
        let tokens: [TemplateToken]
        do {
            tokens = try TemplateTokenizer.tokens(text)
        } catch {
            throw Failure(message: error.message, hint: error.hint, position: error.position)
        }
        var index = 0
        return try parseNodes(tokens, &index, openers: [])
    }

    /// Nodes up to the tag closing the innermost of `openers` (or the end, when none is open).
    private static func parseNodes(_ tokens: [TemplateToken], _ index: inout Int, openers: [TemplateToken]) throws(Failure) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token.kind {
            case .text:
                nodes.append(.text(token.content))
            case .comment, .delimiters:
                break
            case .variable:
                nodes.append(.variable(token.content, escaped: true, at: token.position))
            case .unescaped:
                nodes.append(.variable(token.content, escaped: false, at: token.position))
            case .partial:
                nodes.append(.partial(token.content, indentation: token.indentation, at: token.position))
            case .section, .inverted, .block, .parent:
                guard openers.count < depthLimit else {
                    throw Failure(message: "sections, blocks and parents are nested more than \(depthLimit) deep here",
                                  hint: "a template this deep is a mistake: close the sections it opens", position: token.position)
                }
                let body = try parseNodes(tokens, &index, openers: openers + [token])
                switch token.kind {
                case .section, .inverted:
                    nodes.append(.section(token.content, inverted: token.kind == .inverted, body: body, at: token.position))
                case .block:
                    nodes.append(.block(token.content, body: body, indentation: token.standsAlone ? token.indentation : nil, at: token.position))
                default:
                    nodes.append(.parent(token.content, blocks: try blocks(in: body), indentation: token.indentation, at: token.position))
                }
            case .close:
                guard let opener = openers.last else {
                    throw Failure(message: "`{{/\(token.content)}}` closes a section that is not open",
                                  hint: "remove it, or open the section with `{{#\(token.content)}}` before it", position: token.position)
                }
                guard token.content == opener.content else { throw mismatch(token, openers) }
                return nodes
            }
        }
        if let opener = openers.last {
            throw Failure(message: "`\(opener.tag)` is never closed", hint: "add `{{/\(opener.content)}}` where it ends", position: opener.position)
        }
        return nodes
    }

    /// The failure for `{{/name}}` that does not close the innermost open section: either
    /// that section was left open (the close belongs to an outer one), or a name is misspelt.
    private static func mismatch(_ close: TemplateToken, _ openers: [TemplateToken]) -> Failure {
        let opener = openers.last!
        if openers.dropLast().contains(where: { $0.content == close.content }) {
            return Failure(message: "`\(opener.tag)` is never closed: `{{/\(close.content)}}` at line \(close.position.line), column \(close.position.column) closes a section around it",
                           hint: "add `{{/\(opener.content)}}` where `\(opener.content)` ends, before line \(close.position.line)", position: opener.position)
        }
        return Failure(message: "`{{/\(close.content)}}` does not match `\(opener.tag)`, opened at line \(opener.position.line), column \(opener.position.column)",
                       hint: "a section closes with the name it opened with: write `{{/\(opener.content)}}` here, or correct the name at line \(opener.position.line)",
                       position: close.position)
    }

    /// The blocks a child fills in, from inside its `{{<parent}}` tag; other content there
    /// means nothing (the parent's content is what shows).
    private static func blocks(in body: [TemplateNode]) throws(Failure) -> [String: TemplateBlock] {
        var blocks: [String: TemplateBlock] = [:]
        for node in body {
            guard case .block(let name, let content, _, let position) = node else { continue }
            if let earlier = blocks[name] {
                throw Failure(message: "the block `\(name)` is filled in twice, first at line \(earlier.position.line)",
                              hint: "keep one `{{$\(name)}}…{{/\(name)}}`", position: position)
            }
            blocks[name] = TemplateBlock(body: content, position: position)
        }
        return blocks
    }
}

private extension TemplateToken {
    /// The opening tag as written with the default delimiters: `{{#summary}}`.
    var tag: String {
        let sigil = switch kind {
        case .inverted: "^"
        case .block: "$"
        case .parent: "<"
        default: "#"
        }
        return "{{\(sigil)\(content)}}"
    }
}
