@testable import CaravanKit
import Foundation
import Testing

/// The allocator cmark parses in: blocks are distinct, zeroed when asked, keep their bytes
/// when they grow, and a reset makes the memory reusable.
@Suite struct CmarkArenaTests {
    @Test("blocks do not overlap, calloc zeroes, realloc keeps the bytes, big blocks fit")
    func allocation() throws {
        let arena = CmarkArena()
        let first = try #require(arena.allocate(100, zeroed: true))
        #expect(UnsafeRawBufferPointer(start: first, count: 100).allSatisfy { $0 == 0 })
        memset(first, 0xAB, 100)
        let second = try #require(arena.allocate(100, zeroed: false))
        #expect(abs(second - first) >= 100 && Int(bitPattern: second) % 16 == 0)
        let grown = try #require(arena.reallocate(first, to: 3_000_000))  // larger than a chunk
        #expect(UnsafeRawBufferPointer(start: grown, count: 100).allSatisfy { $0 == 0xAB })
        memset(grown, 0xCD, 3_000_000)
        #expect(UnsafeRawBufferPointer(start: first, count: 100).allSatisfy { $0 == 0xAB }, "the old block is not written over")
        arena.reset()
        let reused = try #require(arena.allocate(100, zeroed: true))
        #expect(reused == first, "after a reset the first chunk is used again")
        #expect(UnsafeRawBufferPointer(start: reused, count: 100).allSatisfy { $0 == 0 })
    }

    @Test("documents rendered one after another on many threads come out as rendered alone")
    func concurrentDocuments() {
        let renderer = MarkdownRenderer(allowsRawHTML: false, tableLabel: "Table")
        let documents = (0..<200).map { "# Heading \($0)\n\n| a | b |\n|---|---|\n| \($0) | x |\n\nText *\($0)* [link](https://example.com/\($0))\n" }
        let alone = documents.map { String(decoding: renderer.render($0).html, as: UTF8.self) }
        let together = documents.concurrentMap { String(decoding: renderer.render($0).html, as: UTF8.self) }
        #expect(together == alone)
        #expect(alone[7].hasPrefix("<h1 id=\"heading-7\">Heading 7</h1>\n"), "headings keep their tree edit: \(alone[7])")
        #expect(alone[7].contains("<table>") && alone[7].contains("table-scroll"))
    }
}
