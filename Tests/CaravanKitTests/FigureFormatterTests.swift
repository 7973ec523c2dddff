@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// Numbers, units, periods and changes written by each language's rules.
@Suite struct FigureFormatterTests {
    static func formatter(_ language: String) throws -> FigureFormatter {
        let path = FixtureSite.repositoryRoot.appendingPathComponent("Content/i18n/\(language).yaml")
        let root = try #require(try YAMLParser.parse(String(contentsOf: path, encoding: .utf8)))
        var diagnostics: [Diagnostic] = []
        let strings = try #require(UIStrings.decode(root, language: language, file: path.path, diagnostics: &diagnostics))
        #expect(diagnostics.isEmpty)
        return FigureFormatter(strings: strings)
    }

    static func q(_ text: String) -> Quantity { Quantity.parse(text)! }

    @Test("Chinese groups by 万 and 亿 with Chinese units")
    func chineseNumbers() throws {
        let zh = try Self.formatter("zh")
        #expect(zh.amount(.exact(Self.q("172.41")), unit: .usd, scale: .billion) == "1724.1亿美元")
        #expect(zh.amount(.exact(Self.q("10000")), unit: .trains, scale: nil) == "1万列")
        #expect(zh.amount(.exact(Self.q("2129")), unit: .trains, scale: nil) == "2129列")
        #expect(zh.amount(.exact(Self.q("9999")), unit: .teu, scale: nil) == "9999标准箱")
        #expect(zh.amount(.exact(Self.q("0")), unit: .tonnes, scale: nil) == "0吨")
        #expect(zh.amount(.exact(Self.q("100000000")), unit: .cny, scale: nil) == "1亿元")
        #expect(zh.amount(.exact(Self.q("99990000")), unit: .cny, scale: nil) == "9999万元")
        #expect(zh.amount(.exact(Self.q("6.64")), unit: .usd, scale: .billion) == "66.4亿美元")
        #expect(zh.amount(.exact(Self.q("200")), unit: .usd, scale: .billion) == "2000亿美元")
        #expect(zh.amount(.moreThan(Self.q("1")), unit: .orders, scale: .million) == "超过100万单")
        #expect(zh.amount(.moreThan(Self.q("11000")), unit: .km, scale: nil) == "超过1.1万公里")
        #expect(zh.amount(.about(Self.q("2200")), unit: .tonnes, scale: nil) == "约2200吨")
        #expect(zh.amount(.range(low: Self.q("2"), high: Self.q("3")), unit: .trainsPerDay, scale: nil) == "每天2—3列")
        #expect(zh.amount(.lessThan(Self.q("1")), unit: .days, scale: nil) == "不到1天")
        #expect(zh.amount(.exact(Self.q("-2.5")), unit: .percent, scale: nil) == "−2.5%")
        #expect(zh.amount(.exact(Self.q("56")), unit: .routes, scale: nil) == "56条")
    }

    @Test("English uses thousands separators and million/billion")
    func englishNumbers() throws {
        let en = try Self.formatter("en")
        #expect(en.amount(.exact(Self.q("172.41")), unit: .usd, scale: .billion) == "USD 172.41 billion")
        #expect(en.amount(.exact(Self.q("2129")), unit: .trains, scale: nil) == "2,129 trains")
        #expect(en.amount(.moreThan(Self.q("10000")), unit: .trains, scale: nil) == "more than 10,000 trains")
        #expect(en.amount(.exact(Self.q("0")), unit: .trains, scale: nil) == "0 trains")
        #expect(en.amount(.exact(Self.q("1")), unit: .trains, scale: nil) == "1 train")
        #expect(en.amount(.lessThan(Self.q("1")), unit: .days, scale: nil) == "less than 1 day")
        #expect(en.amount(.exact(Self.q("2500000")), unit: .tonnes, scale: nil) == "2.5 million tonnes")
        #expect(en.amount(.exact(Self.q("1.5")), unit: .tonnes, scale: .thousand) == "1,500 tonnes")
        #expect(en.amount(.about(Self.q("2200")), unit: .tonnes, scale: nil) == "about 2,200 tonnes")
        #expect(en.amount(.range(low: Self.q("2"), high: Self.q("3")), unit: .trainsPerDay, scale: nil) == "2–3 trains a day")
        #expect(en.amount(.exact(Self.q("-1234.5")), unit: .km, scale: nil) == "−1,234.5 km")
        #expect(en.amount(.moreThan(Self.q("1")), unit: .orders, scale: .million) == "more than 1 million orders")
    }

    @Test("changes are signed percentages with the source's decimals")
    func changes() throws {
        let en = try Self.formatter("en")
        #expect(en.change(Self.q("12.82")) == "+12.82%")
        #expect(en.change(Self.q("-3.5")) == "−3.5%")
        #expect(en.change(Self.q("0")) == "0%")
        #expect(en.change(Self.q("47.50")) == "+47.5%")
    }

    @Test("periods in both languages")
    func periods() throws {
        let zh = try Self.formatter("zh"), en = try Self.formatter("en")
        let janApr = try Period.parse("2023-01..2023-04")
        #expect(zh.period(janApr) == "2023年1—4月")
        #expect(en.period(janApr) == "January–April 2023")
        let across = try Period.parse("2022-11..2023-02")
        #expect(zh.period(across) == "2022年11月—2023年2月")
        #expect(en.period(across) == "November 2022–February 2023")
        #expect(zh.period(try Period.parse("since 2012")) == "2012年以来")
        #expect(en.period(try Period.parse("since 2012")) == "since 2012")
        #expect(zh.period(try Period.parse("2023-05")) == "2023年5月")
        #expect(en.period(try Period.parse("2024-01-25")) == "25 January 2024")
        #expect(en.period(try Period.parse("2020")) == "2020")
        #expect(throws: Period.ParseError.backwards) { try Period.parse("2023-04..2023-01") }
        #expect(throws: Period.ParseError.unreadable) { try Period.parse("Jan-Apr 2023") }
    }
}
