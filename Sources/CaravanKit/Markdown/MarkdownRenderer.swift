import CCmarkGFM

/// The cmark-gfm adapter: the only file that imports it.
///
/// Parses with the GFM `table`, `strikethrough`, `autolink` and `tagfilter` extensions,
/// then edits the tree before rendering: joins line breaks inside CJK text, gives headings
/// ids, escapes raw HTML unless the site allows it, and drops script URLs.
struct MarkdownRenderer: Sendable {
    var allowsRawHTML: Bool
    /// The accessible name of the scrolling region around each table ("Table", "表格").
    var tableLabel: String = "Table"

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    private static let registered: Void = { cmark_gfm_core_extensions_ensure_registered() }()

    /// `firstLine` is the file line the Markdown starts on, so positions match the editor's.
    /// `rewriteLink` maps a link destination to the address to write (story links such as
    /// `@/articles/x`); nil keeps the destination as written.
    func render(_ markdown: String, firstLine: Int = 1, rewriteLink: (String) -> String? = { _ in nil }) -> RenderedMarkdown {
        _ = Self.registered
        let options = allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", images: [], links: [], firstParagraph: "") }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var utf8 = Array(markdown.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let root = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", images: [], links: [], firstParagraph: "") }
        defer { cmark_node_free(root) }

        var result = RenderedMarkdown(html: "", images: [], links: [], firstParagraph: "")
        edit(root, firstLine: firstLine, rewriteLink: rewriteLink, into: &result)
        Self.convertColumns(&result, markdown: markdown, firstLine: firstLine)
        (result.hanCount, result.wordCount) = TextLength.count(Self.plainText(root))
        if let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser)) {
            result.html = String(cString: html)
            free(html)
        }
        return result
    }

    /// One pass over the tree collecting nodes to change, then the changes: the iterator
    /// must not see a node removed under it.
    private func edit(_ root: OpaquePointer, firstLine: Int, rewriteLink: (String) -> String?, into result: inout RenderedMarkdown) {
        var softBreaks: [OpaquePointer] = []
        var headings: [OpaquePointer] = []
        var rawHTML: [OpaquePointer] = []
        var tables: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let location = SourceLocation(
                line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
                column: Int(cmark_node_get_start_column(node)))
            switch type {
            case CMARK_NODE_SOFTBREAK:
                softBreaks.append(node)
            case CMARK_NODE_HEADING:
                headings.append(node)
            case _ where Self.string(cmark_node_get_type_string(node)) == "table":
                tables.append(node)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if !allowsRawHTML { rawHTML.append(node) }
            case CMARK_NODE_LINK:
                let url = Self.string(cmark_node_get_url(node))
                if Self.isScriptURL(url) {
                    cmark_node_set_url(node, "")
                } else if let rewritten = rewriteLink(url) {
                    cmark_node_set_url(node, rewritten)
                }
                result.links.append(.init(url: url, location: location, text: ""))
            case CMARK_NODE_IMAGE:
                let url = Self.string(cmark_node_get_url(node))
                if Self.isScriptURL(url) { cmark_node_set_url(node, "") }
                result.images.append(.init(url: url, location: location, text: Self.plainText(node)))
            case CMARK_NODE_PARAGRAPH where result.firstParagraph.isEmpty:
                if cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT {
                    result.firstParagraph = Self.plainText(node)
                }
            default:
                break
            }
        }
        cmark_iter_free(iterator)

        for node in softBreaks where Self.joinsCJK(node) {
            cmark_node_unlink(node)
            cmark_node_free(node)
        }
        var ids = HeadingIDs()
        for heading in headings {
            Self.addID(ids.id(for: Self.plainText(heading)), to: heading)
        }
        for node in rawHTML {
            Self.escape(node)
        }
        for table in tables {
            wrapInScrollingRegion(table)
        }
    }

    /// cmark counts columns in bytes; editors count characters (`见[` is column 2, not 4).
    private static func convertColumns(_ result: inout RenderedMarkdown, markdown: String, firstLine: Int) {
        guard !result.links.isEmpty || !result.images.isEmpty else { return }
        let lines = markdown.utf8.split(separator: 10, omittingEmptySubsequences: false)
        func convert(_ location: SourceLocation) -> SourceLocation {
            let index = location.line - firstLine
            guard lines.indices.contains(index) else { return location }
            let prefix = lines[index].prefix(max(0, location.column - 1))
            return SourceLocation(line: location.line, column: String(decoding: prefix, as: UTF8.self).count + 1)
        }
        for index in result.links.indices { result.links[index].location = convert(result.links[index].location) }
        for index in result.images.indices { result.images[index].location = convert(result.images[index].location) }
    }

    // MARK: - Tree edits

    /// True when the characters on both sides of a soft break are CJK.
    private static func joinsCJK(_ node: OpaquePointer) -> Bool {
        guard let before = lastScalar(of: cmark_node_previous(node)),
              let after = firstScalar(of: cmark_node_next(node)) else { return false }
        return CJKText.isWide(before) && CJKText.isWide(after)
    }

    private static func lastScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
        guard let node else { return nil }
        if cmark_node_get_type(node) == CMARK_NODE_TEXT || cmark_node_get_type(node) == CMARK_NODE_CODE {
            return string(cmark_node_get_literal(node)).unicodeScalars.last
        }
        return lastScalar(of: cmark_node_last_child(node))
    }

    private static func firstScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
        guard let node else { return nil }
        if cmark_node_get_type(node) == CMARK_NODE_TEXT || cmark_node_get_type(node) == CMARK_NODE_CODE {
            return string(cmark_node_get_literal(node)).unicodeScalars.first
        }
        return firstScalar(of: cmark_node_first_child(node))
    }

    /// Replaces `<hN>` with a custom block printing `<hN id="…">`, children moved across.
    private static func addID(_ id: String, to heading: OpaquePointer) {
        let level = cmark_node_get_heading_level(heading)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(HTMLEscaping.escape(id))\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// Wide tables scroll sideways on small screens; a scrolling region must be reachable
    /// by keyboard and named, so it is a focusable, labelled region.
    private func wrapInScrollingRegion(_ table: OpaquePointer) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"\(HTMLEscaping.escape(tableLabel))\">")
        cmark_node_set_on_exit(block, "</div>")
        cmark_node_insert_before(table, block)
        cmark_node_unlink(table)
        cmark_node_append_child(block, table)
    }

    /// Raw HTML becomes visible text: an editor sees what they typed instead of losing it.
    private static func escape(_ node: OpaquePointer) {
        let literal = string(cmark_node_get_literal(node))
        let isBlock = cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK
        guard let text = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(text, isBlock ? literal.trimmingTrailingNewlines() : literal)
        if isBlock, let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
        } else {
            cmark_node_replace(node, text)
        }
        cmark_node_free(node)
    }

    // MARK: - Helpers

    private static func isScriptURL(_ url: String) -> Bool {
        let scheme = url.lowercased().filter { !$0.isWhitespace && $0 != "\0" }
        return scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:text/html")
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    /// The text content of a node, as a reader would read it (soft breaks as spaces,
    /// except between CJK characters).
    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(child))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if !joinsCJK(child) { text += " " }
            default:
                break
            }
        }
        return text
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

import Foundation
