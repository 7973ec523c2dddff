@testable import CaravanKit
import CaravanTestSupport
import Foundation
import Testing

/// A corridor's schematic map: places where their coordinates say, joined east to west,
/// labels in the page's language that neither overlap nor leave the picture.
@Suite struct CorridorMapTests {
    static let western = [
        CorridorMap.Place(name: "Khorgos", position: GeoPosition(latitude: 44.2, longitude: 80.4)),
        CorridorMap.Place(name: "Xi'an", position: GeoPosition(latitude: 34.3, longitude: 108.9)),
        CorridorMap.Place(name: "Belarusian rail freight terminals", position: GeoPosition(latitude: 53.9, longitude: 27.6)),
        CorridorMap.Place(name: "Alashankou", position: GeoPosition(latitude: 45.2, longitude: 82.6)),
    ]

    /// The SVG's circles, in drawing order.
    static func dots(_ svg: String) -> [(x: Double, y: Double)] {
        svg.matches(of: /<circle class="map-place" cx="(-?[\d.]+)" cy="(-?[\d.]+)"/).map { (Double(String($0.1))!, Double(String($0.2))!) }
    }

    static func viewBox(_ svg: String) -> (left: Double, top: Double, width: Double, height: Double) {
        let match = svg.firstMatch(of: /viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"/)!
        return (Double(String(match.1))!, Double(String(match.2))!, Double(String(match.3))!, Double(String(match.4))!)
    }

    @Test("places sit where their latitude and longitude say, east to the right, north up, at the corridor's scale")
    func placesFollowCoordinates() throws {
        let map = CorridorMap(id: "m", title: "t", description: "d", places: Self.western)
        #expect(map.route.map(\.name) == ["Xi'an", "Alashankou", "Khorgos", "Belarusian rail freight terminals"], "east to west")
        let dots = Self.dots(map.svg)
        try #require(dots.count == 4)
        let (xian, alashankou, khorgos, belarus) = (dots[0], dots[1], dots[2], dots[3])
        #expect(xian.x > alashankou.x && alashankou.x > khorgos.x && khorgos.x > belarus.x)
        #expect(belarus.y < alashankou.y && alashankou.y < khorgos.y && khorgos.y < xian.y, "north is up")
        // East–west distances shrink by the cosine of the middle latitude (about 44°).
        let ratio = (xian.x - belarus.x) / (xian.y - belarus.y)
        let expected = (108.9 - 27.6) * cos((34.3 + 53.9) / 2 * .pi / 180) / (53.9 - 34.3)
        #expect(abs(ratio - expected) < 0.02, "\(ratio) vs \(expected)")
        #expect(map.svg.contains("<polyline class=\"map-line\" points=\"\(Self.format(xian)) \(Self.format(alashankou)) \(Self.format(khorgos)) \(Self.format(belarus))\"/>"))
    }

    static func format(_ point: (x: Double, y: Double)) -> String {
        "\(FigureFormatter.fixed(point.x, places: 1, separator: "")),\(FigureFormatter.fixed(point.y, places: 1, separator: ""))"
    }

    @Test("labels overlap no other label and no place, and the picture holds them all", arguments: [
        western,
        // Four places at one spot, with long names in both scripts.
        ["连云港港", "中哈（连云港）物流合作基地", "China–Kazakhstan (Lianyungang) Logistics Cooperation Base", "Lianyungang Port"].map {
            CorridorMap.Place(name: $0, position: GeoPosition(latitude: 34.7, longitude: 119.4))
        },
    ])
    func labelsNeverCollide(_ places: [CorridorMap.Place]) {
        let map = CorridorMap(id: "m", title: "t", description: "d", places: places)
        let projection = CorridorMap.Projection(places.map(\.position))
        let points = map.route.map { projection.point($0.position) }
        let labels = CorridorMap.placeLabels(map.route.map(\.name), at: points, within: projection)
        let viewBox = Self.viewBox(map.svg)
        for (index, label) in labels.enumerated() {
            for other in labels[(index + 1)...] {
                #expect(!label.box.overlaps(other.box), "\(label.lines) overlaps \(other.lines)")
            }
            for point in points {
                let dot = CorridorMap.Box(left: point.x - 5, top: point.y - 5, right: point.x + 5, bottom: point.y + 5)
                #expect(!label.box.overlaps(dot), "\(label.lines) covers a place")
            }
            #expect(label.box.left >= viewBox.left && label.box.right <= viewBox.left + viewBox.width, "\(label.lines) cut off at a side")
            #expect(label.box.top >= viewBox.top && label.box.bottom <= viewBox.top + viewBox.height, "\(label.lines) cut off at the top or bottom")
            for line in label.lines {
                #expect(BarChart.estimatedWidth(line) <= CorridorMap.maximumLabelWidth + BarChart.fontSize, "`\(line)` is not wrapped")
            }
        }
    }

    @Test("a long name wraps between words in English and between characters in Chinese")
    func wrapping() {
        #expect(CorridorMap.wrapped("Khorgos") == ["Khorgos"])
        let english = CorridorMap.wrapped("China–Kazakhstan (Lianyungang) Logistics Cooperation Base")
        #expect(english.count > 1 && english.joined(separator: " ") == "China–Kazakhstan (Lianyungang) Logistics Cooperation Base")
        let chinese = CorridorMap.wrapped("中哈（连云港）物流合作基地物流合作基地")
        #expect(chinese.count == 2 && chinese.joined() == "中哈（连云港）物流合作基地物流合作基地")
    }

    @Test("the corridor page draws its places from corridors.yaml with labels in the page's language; a corridor without positions has no map")
    func corridorPages() throws {
        var files = PageGoldenTests.source()
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridors + """
            nodes:
              - {id: khorgos, name: {en: Khorgos, zh: 霍尔果斯}, kind: rail-port, country: CN, corridors: [western], lat: 44.2, lon: 80.4}
              - {id: xian, name: {en: "Xi'an", zh: 西安}, kind: city, country: CN, corridors: [western], lat: 34.3, lon: 108.9}
              - {id: brest, name: {en: Brest, zh: 布列斯特}, kind: rail-port, country: BY, corridors: [central]}

            """
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let output = try #require(site.build().output)
        let zh = try #require(output.text("zh/corridors/western/index.html"))
        #expect(zh.contains("<title id=\"map-western-title\">西通道示意图</title>"))
        #expect(zh.contains(">西安</text>") && zh.contains(">霍尔果斯</text>"))
        #expect(zh.contains("由东向西连线：西安、霍尔果斯。"), "the description lists the places in the line's order")
        let en = try #require(output.text("en/corridors/western/index.html"))
        #expect(en.contains(">Xi&#39;an</text>"), "the label is escaped like any text")
        #expect(!en.contains("西安"))
        #expect(Self.dots(zh).count == 2)
        let central = try #require(output.text("en/corridors/central/index.html"))
        #expect(central.contains("Brest") && !central.contains("class=\"map\""), "no position, no map")
    }

    @Test("a position out of range, or half a position, is an error at its line", arguments: [
        ("lat: 144.2, lon: 80.4", "Content/data/corridors.yaml:12:10: error: `lat` must be between -90 and 90 degrees, found `144.2`"),
        ("lat: 44.2, lon: 280.4", "Content/data/corridors.yaml:13:10: error: `lon` must be between -180 and 180 degrees, found `280.4`"),
        ("lat: 44.2", "Content/data/corridors.yaml:12:10: error: a node with `lat` needs `lon` too"),
        ("lat: 44.2, lon: east", "Content/data/corridors.yaml:13:10: error: `lon` must be a number, found `east`"),
    ])
    func badPositions(_ position: String, _ message: String) throws {
        var files = PageGoldenTests.source()
        files["Content/data/corridors.yaml"] = FixtureSite.sampleCorridors + """
            nodes:
              - id: khorgos
                name: {en: Khorgos, zh: 霍尔果斯}
                kind: rail-port
                country: CN
                corridors: [western]
                \(position.replacingOccurrences(of: ", ", with: "\n    "))

            """
        let site = try FixtureSite(files: files)
        defer { site.cleanUp() }
        let printed = SiteAssertions.printed(site.build())
        #expect(printed.contains(message), "\(printed)")
    }
}
