@testable import CaravanKit
import Testing

/// What the index takes from one document: every distinct term once, flagged when the
/// title holds it, and nothing of the markup a reader never sees.
@Suite struct DocumentTermsTests {
    static func document(title: String, body: String) -> SearchIndex.Document {
        SearchIndex.Document(title: title, link: "", dateISO: "", dateText: "", excerpt: "", names: "", body: body)
    }

    /// The document's terms as texts, with the title flag; each is listed once.
    static func terms(_ terms: DocumentTerms) -> [String: Bool] {
        let texts = terms.texts
        #expect(texts.count == terms.entries.count, "every term is listed once")
        return texts
    }

    @Test("each distinct term once, flagged when in the title; one set serves documents in turn, however large")
    func distinctTerms() {
        // Thousands of distinct words and bigrams make the set grow past its first size.
        let words = (0..<6_000).map { "w\($0)x" }.joined(separator: " ")
        let han = (0..<3_000).map { String(Unicode.Scalar(0x4E00 + $0)!) + String(Unicode.Scalar(0x6000 + $0)!) }.joined(separator: "。")
        let large = Self.document(title: "Khorgos 霍尔果斯", body: words + "\n\n" + han + " khorgos 霍尔")
        let small = Self.document(title: "Rail", body: "Trains via Khorgos, 霍尔果斯口岸. w5x")
        let seen = KeySet()
        let first = Self.terms(DocumentTerms(large, seen: seen))
        let second = Self.terms(DocumentTerms(small, seen: seen))

        let expected = Set(SearchTokenizer.terms(large.title, for: .index) + SearchTokenizer.terms(words + " " + han, for: .index))
        #expect(Set(first.keys) == expected)
        #expect(first.count > 14_000, "6 000 words and 3 000 pairs of characters with their bigrams")
        #expect(first["khorgo"] == true && first["霍尔"] == true && first["霍"] == true, "title terms keep the flag when the body repeats them")
        #expect(first["w17x"] == false && first["\u{4E01}"] == false)
        // The second document starts from an empty set: terms the first one had count again.
        #expect(second == ["rail": true, "train": false, "via": false, "khorgo": false, "w5x": false,
                           "霍": false, "尔": false, "霍尔": false, "果": false, "尔果": false, "斯": false, "果斯": false,
                           "口": false, "斯口": false, "岸": false, "口岸": false])
    }

    @Test("link and picture addresses and HTML tags are not the story's words")
    func plainText() {
        let text = String(decoding: SearchText.plain("See [the report](https://example.com/khorgos \"Khorgos\") and <span class=\"x\">Dostyk</span> <https://lianyungang.example>."), as: UTF8.self)
        #expect(text == "See [the report]  and  Dostyk   .")
        #expect(String(decoding: SearchText.plain("a ](no end\nb <no end"), as: UTF8.self) == "a ](no end\nb <no end")
    }
}
