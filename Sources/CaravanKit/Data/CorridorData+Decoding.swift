extension CorridorData {
    static let topKeys = ["corridors", "nodes", "figures"]
    static let corridorKeys = ["id", "name"]
    static let nodeKeys = ["id", "name", "kind", "country", "corridors", "lat", "lon"]
    static let figureKeys = ["id", "metric", "label", "value", "low", "high", "unit", "scale", "period", "change",
                             "qualifier", "before", "corridor", "node", "source"]
    static let amountKeys = ["value", "low", "high", "qualifier"]

    /// Decodes the data file; entries with errors are left out and reported.
    static func decode(_ root: YAMLNode, file: String, languages: [String]) -> (CorridorData, [Diagnostic]) {
        var reader = FieldReader(root, file: file, what: "corridors.yaml")
        reader.rejectUnknownKeys(allowed: topKeys)
        var data = CorridorData()
        for item in reader.list("corridors") {
            var entry = FieldReader(item, file: file, what: "a corridor")
            entry.rejectUnknownKeys(allowed: corridorKeys)
            let id = entry.id("id")
            let name = entry.localized("name", languages: languages)
            if let id, name.count == languages.count {
                data.corridors.append(Corridor(id: id, name: name, location: item.location))
            }
            reader.diagnostics(append: entry.diagnostics)
        }
        for item in reader.list("nodes") {
            var entry = FieldReader(item, file: file, what: "a node")
            entry.rejectUnknownKeys(allowed: nodeKeys)
            let id = entry.id("id")
            let name = entry.localized("name", languages: languages)
            let kind = entry.choice("kind", CorridorNode.Kind.self)
            let country = entry.string("country", required: true, example: "CN")
            if let country, country.count != 2 || country.uppercased() != country {
                entry.error(at: entry.node("country")?.location, "`country` must be a two-letter ISO code",
                            hint: "write e.g. `country: CN`, `KZ`, `BY`, `RU`")
            }
            let corridors = entry.stringList("corridors", example: "[western]").map { FrontMatter.Reference(text: $0.text, location: $0.location) }
            let position = decodePosition(&entry, item: item)
            if let id, let kind, let country, name.count == languages.count, !entry.diagnostics.hasErrors {
                data.nodes.append(CorridorNode(id: id, name: name, kind: kind, country: country, corridors: corridors,
                                               position: position, location: item.location))
            }
            reader.diagnostics(append: entry.diagnostics)
        }
        for item in reader.list("figures") {
            var entry = FieldReader(item, file: file, what: "a figure")
            entry.rejectUnknownKeys(allowed: figureKeys)
            if let figure = decodeFigure(&entry, item: item, languages: languages), !entry.diagnostics.hasErrors {
                data.figures.append(figure)
            }
            reader.diagnostics(append: entry.diagnostics)
        }
        return (data, reader.diagnostics)
    }

    /// `lat:` and `lon:` in degrees, both or neither: a place with one of the two cannot be
    /// drawn, and a number out of range is usually the two swapped.
    private static func decodePosition(_ entry: inout FieldReader, item: YAMLNode) -> GeoPosition? {
        let latitude = entry.number("lat", example: "44.2")
        let longitude = entry.number("lon", example: "80.4")
        if let latitude, abs(latitude.value) > 90 {
            entry.error(at: entry.node("lat")?.location, "`lat` must be between -90 and 90 degrees, found `\(entry.writtenText("lat"))`",
                        hint: "latitude is north–south: `lat: 44.2`, `lon: 80.4`; are the two swapped?")
        }
        if let longitude, abs(longitude.value) > 180 {
            entry.error(at: entry.node("lon")?.location, "`lon` must be between -180 and 180 degrees, found `\(entry.writtenText("lon"))`",
                        hint: "longitude is east–west, negative to the west of Greenwich: `lon: 80.4`")
        }
        switch (entry.node("lat"), entry.node("lon")) {
        case (nil, nil): return nil
        case (.some, nil):
            entry.error(at: entry.node("lat")?.location, "a node with `lat` needs `lon` too", hint: "add `lon:` with the east longitude in degrees, e.g. `lon: 80.4`")
        case (nil, .some):
            entry.error(at: entry.node("lon")?.location, "a node with `lon` needs `lat` too", hint: "add `lat:` with the north latitude in degrees, e.g. `lat: 44.2`")
        case (.some, .some): break
        }
        guard let latitude, let longitude else { return nil }
        return GeoPosition(latitude: latitude.value, longitude: longitude.value)
    }

    private static func decodeFigure(_ entry: inout FieldReader, item: YAMLNode, languages: [String]) -> Figure? {
        let id = entry.id("id")
        let metric = entry.localized("metric", languages: languages)
        let label = entry.node("label") == nil ? nil : entry.localized("label", languages: languages)
        let amount = decodeAmount(&entry, required: true)
        let unit = entry.choice("unit", FigureUnit.self)
        let scale = entry.node("scale") == nil ? nil : entry.choice("scale", Scale.self)
        var period: Period?
        if let text = entry.scalarText("period", example: "2023-01..2023-04") {
            do {
                period = try Period.parse(text)
            } catch {
                let problem = error == .backwards ? "the period `\(text)` ends before it starts" : "`period` `\(text)` is not a period I can read"
                entry.error(at: entry.node("period")?.location, problem, hint: "write one of: \(Period.forms)")
            }
        }
        let change = entry.node("change") == nil ? nil : entry.number("change", example: "12.82 (percent, signed: -3.5 for a fall)")
        var before: Amount?
        if let node = entry.node("before") {
            var inner = FieldReader(node, file: entry.file, what: "`before`")
            inner.rejectUnknownKeys(allowed: amountKeys)
            before = decodeAmount(&inner, required: true)
            entry.diagnostics(append: inner.diagnostics)
        }
        let corridor = entry.reference("corridor")
        let node = entry.reference("node")
        if corridor == nil, node == nil, entry.node("corridor") == nil, entry.node("node") == nil {
            entry.error(at: nil, "a figure needs a `corridor`, a `node`, or both", hint: "add e.g. `corridor: western` or `node: khorgos`")
        }
        let source = entry.reference("source")
        if source == nil, entry.node("source") == nil {
            entry.error(at: nil, "missing required key `source`",
                        hint: "add `source: <slug>`, the folder name of the article that reported this figure")
        }
        guard let id, metric.count == languages.count, let amount, let unit, let period, let source else { return nil }
        return Figure(
            id: id, metric: metric, label: label, amount: amount, unit: unit, scale: scale, period: period,
            change: change, before: before, corridor: corridor, node: node, source: source, location: item.location)
    }

    /// `value` with a `qualifier`, or `low` and `high` for a range.
    private static func decodeAmount(_ entry: inout FieldReader, required: Bool) -> Amount? {
        let qualifier = entry.string("qualifier", example: "exact") ?? "exact"
        guard Amount.qualifiers.contains(qualifier) else {
            entry.error(at: entry.node("qualifier")?.location, "unknown qualifier `\(qualifier)`",
                        hint: Suggestion.hint(for: qualifier, expected: Amount.qualifiers))
            return nil
        }
        if qualifier == "range" {
            guard entry.node("low") != nil, entry.node("high") != nil else {
                entry.error(at: nil, "a range needs `low` and `high`", hint: "write `qualifier: range`, `low: 2`, `high: 3` (and no `value`)")
                return nil
            }
            guard let low = entry.number("low", example: "2"), let high = entry.number("high", example: "3") else { return nil }
            guard low.value <= high.value else {
                entry.error(at: entry.node("low")?.location, "the range's `low` (\(low.value)) is above its `high` (\(high.value))",
                            hint: "swap them: `low` is the smaller number")
                return nil
            }
            return .range(low: low, high: high)
        }
        guard entry.node("value") != nil else {
            if required {
                entry.error(at: nil, "missing required key `value`", hint: "write the number as the source gives it, e.g. `value: 2129`")
            }
            return nil
        }
        guard let value = entry.number("value", example: "2129") else { return nil }
        switch qualifier {
        case "about": return .about(value)
        case "more-than": return .moreThan(value)
        case "less-than": return .lessThan(value)
        default: return .exact(value)
        }
    }
}

extension FieldReader {
    /// The entries of a list under `key` (an absent key is an empty list).
    mutating func list(_ key: String) -> [YAMLNode] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let items, _) = node else {
            error(at: node.location, "`\(key)` must be a list of entries starting with `- `", hint: "see the comments at the top of the file")
            return []
        }
        return items
    }

    /// A required id: lower-case ASCII, digits and `-`.
    mutating func id(_ key: String) -> String? {
        guard let text = string(key, required: true, example: "alashankou") else { return nil }
        guard Slug.isValid(text) else {
            error(at: node(key)?.location, "`\(key)` `\(text)` may hold only lower-case a-z, 0-9 and -",
                  hint: "write e.g. `\(key): \(Slug.suggestion(for: text))`")
            return nil
        }
        return text
    }

    mutating func reference(_ key: String) -> FrontMatter.Reference? {
        guard let text = string(key, example: "western"), let node = node(key) else { return nil }
        return FrontMatter.Reference(text: text, location: node.location)
    }

    /// A required single value read as text whatever it looks like (`period: 2020`).
    mutating func scalarText(_ key: String, example: String) -> String? {
        guard let node = node(key) else {
            error(at: nil, "missing required key `\(key)`", hint: "add `\(key): \(example)`")
            return nil
        }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            error(at: node.location, "`\(key)` must be a single value, found \(node.kindName)", hint: "write `\(key): \(example)`")
            return nil
        }
        return scalar.text
    }

    /// A plain number such as `2129`, `172.41` or `-3.5`: no units, no thousands separators.
    mutating func number(_ key: String, example: String) -> Quantity? {
        guard let node = node(key) else { return nil }
        if case .scalar(let scalar) = node, let quantity = Quantity.parse(scalar.text) { return quantity }
        guard case .scalar(let scalar) = node else {
            error(at: node.location, "`\(key)` must be a number, found \(node.kindName)", hint: "write `\(key): \(example)`")
            return nil
        }
        error(at: node.location, "`\(key)` must be a number, found `\(scalar.text)`", hint: Self.numberHint(key, written: scalar.text))
        return nil
    }

    /// The written number corrected (`about 2,100` → `qualifier: about` and `value: 2100`);
    /// with no number in it (`lots`), no number either: one the editor never wrote could be
    /// copied into the data as if a source had said it.
    static func numberHint(_ key: String, written: String) -> String {
        guard let read = WrittenNumber.read(written) else {
            return "write the number the source gives, in digits only: no words, units or thousands separators "
                + "(if the source gives no number, leave the figure out)"
        }
        let lines = read.lines(for: key)
        guard lines.count > 1 else { return "write the bare number, without units or thousands separators: `\(lines[0])`" }
        let listed = lines.map { "`\($0)`" }
        return "write each part on a line of its own: " + listed.dropLast().joined(separator: ", ") + " and " + listed.last!
    }

    /// One of a fixed list of words, with a did-you-mean.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue)
        guard let text = string(key, required: true, example: allowed[0]) else { return nil }
        if let value = T(rawValue: text) { return value }
        error(at: node(key)?.location, "unknown \(key) `\(text)`", hint: Suggestion.hint(for: text, expected: allowed))
        return nil
    }
}
