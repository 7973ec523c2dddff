/// A YAML document as plain values with source locations, independent of the parser.
///
/// Scalars keep their text and whether they were quoted: Caravan decodes strings as
/// strings (YAML 1.1 would turn `yes` into true and `012` into 10).
indirect enum YAMLNode: Sendable {
    case scalar(YAMLScalar)
    case mapping([(key: YAMLScalar, value: YAMLNode)], SourceLocation)
    case sequence([YAMLNode], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(_, let location), .sequence(_, let location): location
        }
    }

    /// Looks a key up in a mapping.
    subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs, _) = self else { return nil }
        return pairs.first(where: { $0.key.text == key })?.value
    }

    var kindName: String {
        switch self {
        case .scalar(let scalar): scalar.isNull ? "nothing" : "a single value"
        case .mapping: "a mapping (key: value lines)"
        case .sequence: "a list"
        }
    }
}

struct YAMLScalar: Sendable {
    var text: String
    /// True when the scalar was written without quotes, so YAML would resolve `2024` as a number.
    var isPlain: Bool
    var location: SourceLocation

    var isNull: Bool { isPlain && ["", "~", "null", "Null", "NULL"].contains(text) }

    /// True when an unquoted scalar reads as a number or a boolean in YAML.
    var looksLikeNumberOrBoolean: Bool {
        guard isPlain else { return false }
        if Double(text.replacingOccurrences(of: "_", with: "")) != nil { return true }
        return ["true", "false", "yes", "no", "on", "off", "True", "False", "Yes", "No"].contains(text)
    }
}
