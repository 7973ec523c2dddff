@testable import CaravanKit
import Testing

/// The byte search loading runs over every story: it must find exactly what a plain scan
/// finds, wherever the needle's anchor byte lies in it.
@Suite struct ByteSearchTests {
    func offset(of needle: String, in text: String) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: Array(needle.utf8), in: $0) }
    }

    func plainOffset(of needle: String, in text: String) -> Int? {
        let haystack = Array(text.utf8), pattern = Array(needle.utf8)
        guard pattern.count <= haystack.count else { return nil }
        return (0...(haystack.count - pattern.count)).first { haystack[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    @Test("finds what a plain scan finds: at the start, the end, after partial matches, in Chinese with punctuation")
    func agreesWithAPlainScan() {
        let cases: [(String, String)] = [
            ("Write", "Write the story here."), ("here.", "Write the story here."), ("abc", "ababcabc"),
            ("在此撰写报道。", "中欧班列。在此撰写报道，在此撰写报道。"), ("报道。", "报道报道，报道。"),
            ("。", "没有句号"), ("missing", "short"), ("longer than the text", "short"), ("霍尔果斯", "霍尔果斯"),
        ]
        for (needle, text) in cases {
            #expect(offset(of: needle, in: text) == plainOffset(of: needle, in: text), "\(needle) in \(text)")
        }
        // The Chinese needle is found after a partial match (`，` where `。` should be).
        #expect(offset(of: "在此撰写报道。", in: "中欧班列。在此撰写报道，在此撰写报道。") == 36)
    }
}
