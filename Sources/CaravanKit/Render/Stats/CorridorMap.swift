import Foundation

/// A corridor's schematic map as inline SVG, drawn at build time from the latitude and
/// longitude of its places: no tiles, no script, no other host.
///
/// The projection is equirectangular, squeezed east–west by the cosine of the middle
/// latitude so that shapes look right at the corridor's own latitude; a light graticule
/// every 10° (5° for a small area) gives a sense of distance. The line joins the places
/// from east to west, the direction the trains leave China, and says nothing about the
/// exact track. Labels are in the page's language and placed where they overlap neither
/// another label nor a place; the picture grows to hold them, so none is ever cut off.
struct CorridorMap {
    struct Place {
        var name: String
        var position: GeoPosition
    }

    var id: String
    var title: String
    var description: String
    var places: [Place]

    static let plotWidth = 420.0
    static let maximumPlotHeight = 300.0
    /// The smallest area drawn, in degrees, so a single place still sits on a map.
    static let minimumSpan = 6.0
    static let margin = 8.0
    static let dotRadius = 5.0
    static let labelGap = 8.0
    static let fontSize = BarChart.fontSize
    static let maximumLabelWidth = 200.0

    /// A point in SVG units.
    struct Point {
        var x: Double
        var y: Double
    }

    /// A label's box in SVG units, for overlap tests.
    struct Box {
        var left, top, right, bottom: Double

        func overlaps(_ other: Box) -> Bool {
            left < other.right && other.left < right && top < other.bottom && other.top < bottom
        }
    }

    /// A place's name beside it, on one or more lines.
    struct Label {
        enum Anchor: String {
            case start, middle, end
        }

        var lines: [String]
        var box: Box
        /// The anchor point of the first line's baseline.
        var origin: Point
        var anchor: Anchor

        /// How far it sticks out of `area`, in SVG units, to choose the side that grows
        /// the picture least.
        func overflow(beyond area: Box) -> Double {
            max(0, area.left - box.left) + max(0, box.right - area.right) + max(0, area.top - box.top) + max(0, box.bottom - area.bottom)
        }
    }

    /// Where to put the picture: degrees → SVG units.
    struct Projection {
        var center: GeoPosition
        var squeeze: Double
        var scale: Double
        var width: Double
        var height: Double

        init(_ positions: [GeoPosition]) {
            let latitudes = positions.map(\.latitude), longitudes = positions.map(\.longitude)
            let south = latitudes.min() ?? 0, north = latitudes.max() ?? 0
            let west = longitudes.min() ?? 0, east = longitudes.max() ?? 0
            center = GeoPosition(latitude: (south + north) / 2, longitude: (west + east) / 2)
            squeeze = max(cos(center.latitude * .pi / 180), 0.2)
            let longitudeSpan = max(east - west, CorridorMap.minimumSpan) * 1.15
            let latitudeSpan = max(north - south, CorridorMap.minimumSpan / 2) * 1.15
            scale = min(CorridorMap.plotWidth / (longitudeSpan * squeeze), CorridorMap.maximumPlotHeight / latitudeSpan)
            width = longitudeSpan * squeeze * scale
            height = latitudeSpan * scale
        }

        func point(_ position: GeoPosition) -> Point {
            Point(x: width / 2 + (position.longitude - center.longitude) * squeeze * scale,
                  y: height / 2 - (position.latitude - center.latitude) * scale)
        }

        /// The degrees shown at the edges, for the graticule.
        var bounds: (south: Double, north: Double, west: Double, east: Double) {
            let halfLatitude = height / 2 / scale, halfLongitude = width / 2 / (squeeze * scale)
            return (center.latitude - halfLatitude, center.latitude + halfLatitude,
                    center.longitude - halfLongitude, center.longitude + halfLongitude)
        }
    }

    /// The places in the order the line joins them: east to west.
    var route: [Place] {
        places.sorted { ($0.position.longitude, $0.name) > ($1.position.longitude, $1.name) }
    }

    var svg: String {
        let projection = Projection(places.map(\.position))
        let points = route.map { projection.point($0.position) }
        let labels = Self.placeLabels(route.map(\.name), at: points, within: projection)
        let boxes = labels.map(\.box) + [Box(left: 0, top: 0, right: projection.width, bottom: projection.height)]
        let left = (boxes.map(\.left).min() ?? 0) - Self.margin, top = (boxes.map(\.top).min() ?? 0) - Self.margin
        let right = (boxes.map(\.right).max() ?? 0) + Self.margin, bottom = (boxes.map(\.bottom).max() ?? 0) + Self.margin
        var svg = "<svg class=\"map\" xmlns=\"http://www.w3.org/2000/svg\" "
            + "viewBox=\"\(Self.format(left)) \(Self.format(top)) \(Self.format(right - left)) \(Self.format(bottom - top))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">"
            + "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>"
        svg += "<rect class=\"map-area\" x=\"0\" y=\"0\" width=\"\(Self.format(projection.width))\" height=\"\(Self.format(projection.height))\"/>"
        svg += Self.graticule(projection)
        if points.count > 1 {
            svg += "<polyline class=\"map-line\" points=\"" + points.map { "\(Self.format($0.x)),\(Self.format($0.y))" }.joined(separator: " ") + "\"/>"
        }
        for point in points {
            svg += "<circle class=\"map-place\" cx=\"\(Self.format(point.x))\" cy=\"\(Self.format(point.y))\" r=\"\(Self.format(Self.dotRadius))\"/>"
        }
        for label in labels {
            let x = Self.format(label.origin.x)
            svg += "<text x=\"\(x)\" y=\"\(Self.format(label.origin.y))\"" + (label.anchor == .start ? "" : " text-anchor=\"\(label.anchor.rawValue)\"") + ">"
            for (index, line) in label.lines.enumerated() {
                svg += index == 0 ? HTMLEscaping.escape(line) : "<tspan x=\"\(x)\" dy=\"1.2em\">\(HTMLEscaping.escape(line))</tspan>"
            }
            svg += "</text>"
        }
        return svg + "</svg>"
    }

    /// Lines of latitude and longitude at round degrees, inside the map's area.
    private static func graticule(_ projection: Projection) -> String {
        let bounds = projection.bounds
        let step = max(bounds.north - bounds.south, bounds.east - bounds.west) > 30 ? 10.0 : 5.0
        var path = ""
        var latitude = (bounds.south / step).rounded(.up) * step
        while latitude <= bounds.north {
            let y = projection.point(GeoPosition(latitude: latitude, longitude: projection.center.longitude)).y
            path += "M0 \(format(y))H\(format(projection.width))"
            latitude += step
        }
        var longitude = (bounds.west / step).rounded(.up) * step
        while longitude <= bounds.east {
            let x = projection.point(GeoPosition(latitude: projection.center.latitude, longitude: longitude)).x
            path += "M\(format(x)) 0V\(format(projection.height))"
            longitude += step
        }
        return path.isEmpty ? "" : "<path class=\"map-grid\" d=\"\(path)\"/>"
    }

    /// Puts each label beside its place: to the right, the left, below or above, the first
    /// that overlaps no earlier label and no place and sticks out of the map's area least;
    /// when every side is taken, it moves down a line at a time on the right.
    static func placeLabels(_ names: [String], at points: [Point], within projection: Projection) -> [Label] {
        let dots = points.map { Box(left: $0.x - dotRadius, top: $0.y - dotRadius, right: $0.x + dotRadius, bottom: $0.y + dotRadius) }
        let area = Box(left: 0, top: 0, right: projection.width, bottom: projection.height)
        let lineHeight = fontSize * 1.2
        var labels: [Label] = []
        for (name, point) in zip(names, points) {
            let lines = wrapped(name)
            let width = lines.map(BarChart.estimatedWidth).max() ?? 0
            let height = Double(lines.count - 1) * lineHeight + fontSize * 1.1
            /// A label whose box's top left corner is at (left, top).
            func label(left: Double, top: Double, anchor: Label.Anchor) -> Label {
                let x = switch anchor {
                case .start: left
                case .middle: left + width / 2
                case .end: left + width
                }
                return Label(lines: lines, box: Box(left: left, top: top, right: left + width, bottom: top + height),
                             origin: Point(x: x, y: top + fontSize * 0.85), anchor: anchor)
            }
            let besideTop = point.y - fontSize * 0.55
            var candidates = [
                label(left: point.x + dotRadius + labelGap / 2, top: besideTop, anchor: .start),
                label(left: point.x - dotRadius - labelGap / 2 - width, top: besideTop, anchor: .end),
                label(left: point.x - width / 2, top: point.y + dotRadius + labelGap / 2, anchor: .middle),
                label(left: point.x - width / 2, top: point.y - dotRadius - labelGap / 2 - height, anchor: .middle),
            ]
            for line in 1...8 {
                candidates.append(label(left: point.x + dotRadius + labelGap / 2, top: besideTop + Double(line) * lineHeight, anchor: .start))
            }
            let free = candidates.filter { candidate in
                !labels.contains { $0.box.overlaps(candidate.box) } && !dots.contains { $0.overlaps(candidate.box) }
            }
            let best = free.enumerated().min { ($0.element.overflow(beyond: area), $0.offset) < ($1.element.overflow(beyond: area), $1.offset) }
            labels.append(best?.element ?? candidates[0])
        }
        return labels
    }

    /// A long name on lines of at most `maximumLabelWidth`, broken between words, or
    /// between any two characters in text without spaces (Chinese).
    static func wrapped(_ name: String) -> [String] {
        guard BarChart.estimatedWidth(name) > maximumLabelWidth else { return [name] }
        let pieces: [String] = name.contains(" ") ? name.split(separator: " ").map { String($0) + " " } : name.map(String.init)
        var lines: [String] = []
        var line = ""
        for piece in pieces {
            if !line.isEmpty, BarChart.estimatedWidth((line + piece).trimmingCharacters(in: .whitespaces)) > maximumLabelWidth {
                lines.append(line.trimmingCharacters(in: .whitespaces))
                line = ""
            }
            line += piece
        }
        lines.append(line.trimmingCharacters(in: .whitespaces))
        return lines
    }

    private static func format(_ value: Double) -> String { BarChart.format(value) }
}
