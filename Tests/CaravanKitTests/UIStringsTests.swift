@testable import CaravanKit
import Testing

/// `{name}` placeholders in the i18n files, filled in on bytes.
@Suite struct UIStringsTests {
    let strings = UIStrings(
        language: "zh", file: "Content/i18n/zh.yaml",
        values: ["date_format": "{year}年{month}月{day}日", "reading_time": "约 {n} 分钟", "odd": "{n}{unknown} {n} {unclosed", "plain": "无"],
        months: [])

    @Test("each placeholder is filled in; unknown ones and an unclosed brace stay as written")
    func fillsPlaceholders() {
        #expect(strings.format("reading_time", ["n": "3"]) == "约 3 分钟")
        #expect(strings.format("odd", ["n": "1"]) == "1{unknown} 1 {unclosed")
        #expect(strings.format("plain", ["n": "1"]) == "无")
        #expect(strings.format("missing", ["n": "1"]) == "")
    }

    @Test("dates as the language writes them")
    func formatsDates() throws {
        #expect(strings.format(try #require(ContentDate.parse("2024-01-05"))) == "2024年1月5日")
    }
}
