@testable import CaravanKit
import Foundation
import Testing

/// The terms a story is indexed under and a query is looked up by. `search.js` mirrors these
/// rules; the site checks type real queries in Chromium, and run its tokenizer over the
/// table below, to hold the two together.
@Suite struct SearchTokenizerTests {
    @Test("Han text: single characters and overlapping bigrams in the index, bigrams in a query")
    func hanBigrams() {
        #expect(SearchTokenizer.terms("霍尔果斯", for: .index) == ["霍", "尔", "霍尔", "果", "尔果", "斯", "果斯"])
        #expect(SearchTokenizer.terms("霍尔果斯", for: .query) == ["霍尔", "尔果", "果斯"])
        #expect(SearchTokenizer.terms("渝", for: .query) == ["渝"], "a single character is looked up alone")
        #expect(SearchTokenizer.terms("中欧班列，霍尔果斯", for: .query) == ["中欧", "欧班", "班列", "霍尔", "尔果", "果斯"],
                "punctuation ends a run: no bigram spans the comma")
    }

    @Test("mixed text is cut per script run")
    func mixedRuns() {
        #expect(SearchTokenizer.terms("中欧班列Chongqing开行", for: .query) == ["中欧", "欧班", "班列", "chongqing", "开行"])
        #expect(SearchTokenizer.terms("渝新欧(Chongqing–Xinjiang–Europe)", for: .query)
                == ["渝新", "新欧", "chongqing", "xinjiang", "europe"])
    }

    @Test("full-width digits, letters and punctuation read as their ASCII forms")
    func fullWidth() {
        #expect(SearchTokenizer.terms("２０２３年，ＣＲ快线：Ａ１", for: .query) == ["2023", "年", "cr", "快线", "a1"])
        #expect(SearchTokenizer.terms("２０２３", for: .query) == SearchTokenizer.terms("2023", for: .query))
    }

    @Test("Unicode normalization: composed and decomposed letters, ligatures and compatibility ideographs match")
    func normalization() {
        #expect(SearchTokenizer.terms("Türkiye", for: .query) == ["türkiye"])
        #expect(SearchTokenizer.terms("Tu\u{308}rkiye", for: .query) == ["türkiye"], "NFD is composed")
        #expect(SearchTokenizer.terms("ﬁnance", for: .query) == ["finance"], "NFKC unfolds the ligature")
        #expect(SearchTokenizer.terms("\u{F900}", for: .query) == ["\u{8C48}"], "compatibility ideograph → unified")
        #expect(SearchTokenizer.terms("МОСКВА", for: .query) == ["москва"], "other scripts are lower-cased too")
    }

    @Test("a light English plural rule, the same for stories and queries")
    func plurals() {
        #expect(SearchTokenizer.terms("Trains countries routes", for: .query) == ["train", "country", "route"])
        #expect(SearchTokenizer.terms("class status bus is", for: .query) == ["class", "status", "bus", "is"])
        #expect(SearchTokenizer.terms("Khorgos's", for: .query) == ["khorgo"], "the possessive's lone `s` is dropped")
        #expect(SearchTokenizer.terms("a 5 trains", for: .query) == ["5", "train"], "single letters are dropped, digits kept")
        #expect(SearchTokenizer.terms("ties gas X5s 1990s ＴＩＥＳ", for: .query) == ["tie", "gas", "x5s", "1990s", "tie"],
                "a word with a digit, or of three letters, keeps its `s`")
    }

    /// One table of queries with their terms and shard hashes, pinned here against the
    /// index's tokenizer and in Chromium against `search.js` (`Tests/SiteChecks/check_site.py`):
    /// where the two cut a query differently, a reader's search misses stories that hold
    /// its words, the failure Pagefind's issue #1237 reports for Chinese.
    static let sharedTable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SiteChecks/search-query-terms.json")

    struct TableEntry: Codable {
        var query: String
        var terms: [String]
        var hashes: [UInt32]
    }

    @Test("the table search.js is checked against holds each query's terms and shard hashes as the index cuts them")
    func sharedQueryTable() throws {
        let table = try JSONDecoder().decode([TableEntry].self, from: Data(contentsOf: Self.sharedTable))
        #expect(table.count >= 30)
        for entry in table {
            var seen: Set<String> = []
            let terms = SearchTokenizer.terms(entry.query, for: .query).filter { seen.insert($0).inserted }
            #expect(terms == entry.terms, "query \(entry.query.debugDescription)")
            #expect(terms.map(SearchIndex.hash) == entry.hashes, "query \(entry.query.debugDescription)")
        }
    }
}
