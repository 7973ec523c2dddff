import CCmarkGFM
import Glibc
import Foundation

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
    /// Held while cmark parses a document's inlines. cmark-gfm marks the characters that
    /// open an extension's syntax (`~` for strike-through, `w` and `:` for autolinks) in one
    /// table for the whole process: `process_inlines` (blocks.c), called by
    /// `cmark_parser_finish`, sets them before parsing a document's inlines and clears them
    /// after, whatever other threads are doing. Two documents finishing at once on two
    /// threads cleared the table under each other, and strike-throughs and autolinks went
    /// missing from random pages. Attaching or freeing parsers does not touch the table, so
    /// only `finish` is serialised; block parsing, the tree edits and HTML stay parallel.
    private static let inlineParsing = NSLock()

    /// `firstLine` is the file line the Markdown starts on, so positions match the editor's.
    /// `rewriteLink` maps a link destination to the address to write (story links such as
    /// `@/articles/x`); nil keeps the destination as written.
    func render(_ markdown: String, firstLine: Int = 1, rewriteLink: (String) -> String? = { _ in nil }) -> RenderedMarkdown {
        _ = Self.registered
        let options = allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        // Everything cmark allocates for the previous document on this thread goes at once.
        CmarkArena.forThisThread.reset()
        guard let parser = cmark_parser_new_with_mem(options, CmarkArena.allocator) else {
            return RenderedMarkdown(html: [], images: [], links: [], firstParagraph: "")
        }
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
        guard let root = Self.inlineParsing.withLock({ cmark_parser_finish(parser) }) else { return RenderedMarkdown(html: [], images: [], links: [], firstParagraph: "") }
        defer { cmark_node_free(root) }

        var result = RenderedMarkdown(html: [], images: [], links: [], firstParagraph: "")
        let extensions = cmark_parser_get_syntax_extensions(parser)
        edit(root, firstLine: firstLine, options: options, extensions: extensions, rewriteLink: rewriteLink, into: &result)
        Self.convertColumns(&result, utf8: utf8, firstLine: firstLine)
        // Block by block, so that the blocks' places in the HTML are known; the document
        // itself writes nothing around them. In the arena, like the tree: taken back by the
        // next reset, not by `free`.
        var html: [UInt8] = []
        var child = cmark_node_first_child(root)
        while let block = child {
            if let rendered = cmark_render_html(block, options, extensions) {
                let start = html.count
                html.append(contentsOf: UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)))
                // By what it wrote: a heading with an id is an HTML block by now (`edit`).
                let isHeading = html.count - start > 3 && html[start] == UInt8(ascii: "<") && html[start + 1] == UInt8(ascii: "h")
                    && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[start + 2])
                result.blocks.append(.init(end: html.count, isHeading: isHeading))
            }
            child = cmark_node_next(block)
        }
        // Kept as bytes: cmark writes valid UTF-8 from valid UTF-8, and a string of it would
        // check every byte again (a percent of a build). Copied to its exact size: every
        // story's HTML stays in memory until its pages are written, and the buffer it grew
        // in has up to twice the room.
        result.html = [UInt8](unsafeUninitializedCapacity: html.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: html)
        }
        return result
    }

    /// cmark counts columns in bytes; editors count characters (`见[` is column 2, not 4).
    private static func convertColumns(_ result: inout RenderedMarkdown, utf8: [UInt8], firstLine: Int) {
        guard !result.links.isEmpty || !result.images.isEmpty else { return }
        // Line starts only as far as the last line with a link or picture, found with memchr.
        let lastLine = (result.links.map(\.location.line) + result.images.map(\.location.line)).max()! - firstLine
        var lineStarts = [0]
        utf8.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while lineStarts.count <= lastLine, let newline = memchr(base + offset, 10, bytes.count - offset) {
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                lineStarts.append(offset)
            }
        }
        // Counted from the previous position on the same line when it is further on: a line
        // with thousands of links is read once, not once per link.
        var last: (line: Int, byte: Int, characters: Int) = (-1, 0, 0)
        func convert(_ location: SourceLocation) -> SourceLocation {
            let index = location.line - firstLine
            guard lineStarts.indices.contains(index) else { return location }
            let end = min(utf8.count, lineStarts[index] + max(0, location.column - 1))
            var (start, characters) = (lineStarts[index], 0)
            if last.line == location.line, last.byte <= end { (start, characters) = (last.byte, last.characters) }
            characters += String(decoding: utf8[start..<end], as: UTF8.self).count
            last = (location.line, end, characters)
            return SourceLocation(line: location.line, column: characters + 1)
        }
        for index in result.links.indices { result.links[index].location = convert(result.links[index].location) }
        for index in result.images.indices { result.images[index].location = convert(result.images[index].location) }
    }

    // MARK: - Helpers

    /// Whether a link would run script. Browsers drop tabs, line breaks and controls inside
    /// a scheme and compare it without case; this does the same on bytes, and everything
    /// else as Characters (a rare address with other characters takes the slow path).
    static func isScriptURL(_ url: String) -> Bool {
        let schemes: [[UInt8]] = [Array("javascript:".utf8), Array("vbscript:".utf8), Array("data:text/html".utf8)]
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            guard byte < 0x80 else { return isScriptURLSlow(url) }
            if byte <= 0x20 { continue }
            scheme.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            if scheme.count >= 14 { break }
        }
        return schemes.contains { scheme.starts(with: $0) }
    }

    private static func isScriptURLSlow(_ url: String) -> Bool {
        let scheme = url.lowercased().filter { !$0.isWhitespace && $0 != "\0" }
        return scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || scheme.hasPrefix("data:text/html")
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
