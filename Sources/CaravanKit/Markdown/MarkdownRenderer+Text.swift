import CCmarkGFM
import Glibc

/// Reading text out of a parsed tree. These run over every line of every story, so they
/// work on cmark's bytes directly instead of making a Swift string per text node.
extension MarkdownRenderer {
    /// The text content of a node, as a reader would read it (soft breaks as spaces,
    /// except between CJK characters).
    static func plainText(_ node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        forEachText(in: node) { text in
            if let text { bytes.append(contentsOf: text) } else { bytes.append(32) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Han characters and words of the whole document, for the reading time.
    static func textLength(_ root: OpaquePointer) -> TextLength {
        var length = TextLength()
        forEachText(in: root) { text in
            if let text { length.add(utf8: text) } else { length.add(" ") }
        }
        return length
    }

    /// Calls `body` with the bytes of each text and code span under `node`, in reading
    /// order, and with nil for each line break that reads as a space.
    private static func forEachText(in node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                body(bytes(of: cmark_node_get_literal(child)))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if !joinsCJK(child) { body(nil) }
            default:
                break
            }
        }
    }

    /// True when the characters on both sides of a soft break are CJK.
    static func joinsCJK(_ node: OpaquePointer) -> Bool {
        guard let before = lastScalar(of: cmark_node_previous(node)),
              let after = firstScalar(of: cmark_node_next(node)) else { return false }
        return CJKText.isWide(before) && CJKText.isWide(after)
    }

    private static func lastScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
        guard let node else { return nil }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE else { return lastScalar(of: cmark_node_last_child(node)) }
        guard let text = bytes(of: cmark_node_get_literal(node)), !text.isEmpty else { return nil }
        var start = text.count - 1
        while start > 0, start > text.count - 4, text[start] & 0xC0 == 0x80 { start -= 1 }
        return decodeFirst(UnsafeBufferPointer(rebasing: text[start...]))
    }

    private static func firstScalar(of node: OpaquePointer?) -> Unicode.Scalar? {
        guard let node else { return nil }
        let type = cmark_node_get_type(node)
        guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE else { return firstScalar(of: cmark_node_first_child(node)) }
        return bytes(of: cmark_node_get_literal(node)).flatMap(decodeFirst)
    }

    private static func decodeFirst(_ bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func bytes(of literal: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8>? {
        guard let literal else { return nil }
        return literal.withMemoryRebound(to: UInt8.self, capacity: 1) { UnsafeBufferPointer(start: $0, count: strlen(literal)) }
    }
}
