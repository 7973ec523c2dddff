import CCmarkGFM
import Glibc

/// The edits made to each parsed tree before it is rendered: CJK line breaks joined,
/// heading ids, raw HTML shown as text, script URLs dropped, tables made scrollable.
extension MarkdownRenderer {
    /// One pass over the tree collecting nodes to change, then the changes: the iterator
    /// must not see a node removed under it. Also counts the text for the reading time,
    /// while every text node is still in the tree. `options` and `extensions` are the
    /// ones the document is rendered with (headings are rendered here).
    func edit(_ root: OpaquePointer, firstLine: Int, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?,
              rewriteLink: (String) -> String?, into result: inout RenderedMarkdown) {
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
            case CMARK_NODE_TABLE:
                tables.append(node)
            case CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                if !allowsRawHTML {
                    rawHTML.append(node)
                } else {
                    // Kept, but never able to run script.
                    let literal = Self.string(cmark_node_get_literal(node))
                    let filtered = RawHTMLFilter.filter(literal)
                    if filtered != literal { cmark_node_set_literal(node, filtered) }
                }
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
        // Ids come from the heading's text as written, before raw HTML in it becomes text.
        var ids = HeadingIDs()
        let headingIDs = headings.map { ids.id(for: Self.plainText($0)) }
        for node in rawHTML {
            Self.escape(node)
        }
        let length = Self.textLength(root)
        (result.hanCount, result.wordCount) = (length.han, length.words)
        for (heading, id) in zip(headings, headingIDs) {
            Self.addID(id, to: heading, options: options, extensions: extensions)
        }
        for table in tables {
            wrapInScrollingRegion(table)
        }
    }

    /// Replaces the heading with the same heading rendered with its `id`, on one line as
    /// cmark writes headings: a custom block around the children would put them on a line
    /// of their own (`<h2 id="x">\nText\n</h2>`), and the stray newlines are in the text.
    private static func addID(_ id: String, to heading: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?) {
        let openingTag = "<h\(cmark_node_get_heading_level(heading))>"
        guard let rendered = cmark_render_html(heading, options, extensions),
              case let html = String(cString: rendered), html.hasPrefix(openingTag),
              let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.allocator) else { return }
        let withID = openingTag.dropLast() + " id=\"\(HTMLEscaping.escape(id))\">" + html.dropFirst(openingTag.count).trimmingTrailingNewlines()
        cmark_node_set_on_enter(block, withID)
        cmark_node_set_on_exit(block, "")
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// Wide tables scroll sideways on small screens; a scrolling region must be reachable
    /// by keyboard and named, so it is a focusable, labelled region.
    private func wrapInScrollingRegion(_ table: OpaquePointer) {
        guard let block = cmark_node_new_with_mem(CMARK_NODE_CUSTOM_BLOCK, CmarkArena.allocator) else { return }
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
        guard let text = cmark_node_new_with_mem(CMARK_NODE_TEXT, CmarkArena.allocator) else { return }
        cmark_node_set_literal(text, isBlock ? literal.trimmingTrailingNewlines() : literal)
        if isBlock, let paragraph = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, CmarkArena.allocator) {
            cmark_node_append_child(paragraph, text)
            cmark_node_replace(node, paragraph)
        } else {
            cmark_node_replace(node, text)
        }
        cmark_node_free(node)
    }
}

private extension StringProtocol {
    func trimmingTrailingNewlines() -> String {
        var result = String(self)
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

import Foundation
