/// `Content/data/corridors.yaml`: the corridors, the places on them, and every figure a
/// story reported, each traceable to that story.
public struct CorridorData: Sendable {
    public var corridors: [Corridor] = []
    public var nodes: [CorridorNode] = []
    public var figures: [Figure] = []
    /// From `Content/data/tags.yaml`.
    public var tags: [Tag] = []

    public static let path = "Content/data/corridors.yaml"

    func corridor(_ id: String) -> Corridor? { corridors.first { $0.id == id } }
    func node(_ id: String) -> CorridorNode? { nodes.first { $0.id == id } }
    func tag(_ id: String) -> Tag? { tags.first { $0.id == id } }
}

public struct Corridor: Sendable {
    public var id: String
    /// By language code.
    public var name: [String: String]
    var location: SourceLocation
}

public struct CorridorNode: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case city, railPort = "rail-port", seaPort = "sea-port", logisticsBase = "logistics-base"
    }

    public var id: String
    public var name: [String: String]
    public var kind: Kind
    /// ISO 3166-1 alpha-2.
    public var country: String
    public var corridors: [FrontMatter.Reference]
    /// Where it lies, for the corridor's schematic map; nil when the data gives none.
    public var position: GeoPosition?
    var location: SourceLocation
}

/// A point on the globe in degrees, north and east positive.
public struct GeoPosition: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
}

/// One reported number, kept as the source said it: "more than 10 000", "about 2 200",
/// "2–3 a day" stay that way and are never rounded into false precision.
public struct Figure: Sendable {
    public var id: String
    /// What is counted, by language code.
    public var metric: [String: String]
    /// A short name for this figure's bar when it is charted beside others of the same
    /// metric (defaults to the node's name).
    public var label: [String: String]?
    public var amount: Amount
    public var unit: FigureUnit
    public var scale: Scale?
    public var period: Period
    /// Signed year-on-year change in percent.
    public var change: Quantity?
    /// The earlier value the source compares with, in the same unit and scale.
    public var before: Amount?
    public var corridor: FrontMatter.Reference?
    public var node: FrontMatter.Reference?
    /// The slug of the article that reported the figure.
    public var source: FrontMatter.Reference
    var location: SourceLocation
}

/// A number as written in the data file: its value and its digits (`172.41` keeps two
/// decimals when shown, `10000` none).
public struct Quantity: Sendable, Hashable {
    public var value: Double
    public var decimals: Int

    static func parse(_ text: String) -> Quantity? {
        let cleaned = text.replacingOccurrences(of: "_", with: "")
        guard let value = Double(cleaned), value.isFinite, !cleaned.lowercased().contains("e"),
              !cleaned.hasPrefix("."), !cleaned.hasSuffix(".") else { return nil }
        let decimals = cleaned.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
        return Quantity(value: value, decimals: decimals)
    }
}

public enum Amount: Sendable, Hashable {
    case exact(Quantity)
    case about(Quantity)
    case moreThan(Quantity)
    case lessThan(Quantity)
    case range(low: Quantity, high: Quantity)

    static let qualifiers = ["exact", "about", "more-than", "less-than", "range"]

    /// The value a chart draws: the number itself, or the middle of a range.
    var chartValue: Double {
        switch self {
        case .exact(let q), .about(let q), .moreThan(let q), .lessThan(let q): q.value
        case .range(let low, let high): (low.value + high.value) / 2
        }
    }

    /// The largest value it may stand for, so a chart's scale fits every bar.
    var upperValue: Double {
        if case .range(_, let high) = self { return high.value }
        return chartValue
    }
}

public enum FigureUnit: String, Sendable, CaseIterable {
    case trains, teu = "TEU", tonnes, usd = "USD", cny = "CNY", km, days, percent, routes, orders, companies
    case trainsPerDay = "trains-per-day"
}

public enum Scale: String, Sendable, CaseIterable {
    case thousand, million, billion

    var factor: Double {
        switch self {
        case .thousand: 1e3
        case .million: 1e6
        case .billion: 1e9
        }
    }

    var exponent: Int {
        switch self {
        case .thousand: 3
        case .million: 6
        case .billion: 9
        }
    }
}
