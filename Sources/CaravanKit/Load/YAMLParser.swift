import Yams

/// The Yams adapter: the only file that imports Yams.
enum YAMLParser {
    /// Nodes one document may expand to. Aliases share storage in Yams, so a small
    /// "billion laughs" text is cheap to parse but expands without bound when walked;
    /// the budget turns that into a diagnostic instead of a hang.
    static let nodeBudget = 200_000

    struct Failure: Error {
        var location: SourceLocation?
        var message: String
        var hint: String
    }

    /// Parses `text`; `lineOffset` is added to every line (front matter starts below `---`).
    static func parse(_ text: String, lineOffset: Int = 0) throws(Failure) -> YAMLNode? {
        if let flat = FlatYAML.parse(text, lineOffset: lineOffset, nodeBudget: nodeBudget) { return flat }
        return try parseInFull(text, lineOffset: lineOffset)
    }

    /// `parse` by Yams alone, for any YAML (and the test that `FlatYAML` agrees with it).
    static func parseInFull(_ text: String, lineOffset: Int = 0) throws(Failure) -> YAMLNode? {
        let root: Node?
        do {
            // The basic resolver tags nothing: Caravan types values itself (see YAMLScalar),
            // and the default resolver's regular expressions cost more than the parse.
            // The encoding is named because Yams' default reads the whole process
            // environment on every call (3 % of a build's CPU time).
            root = try Yams.compose(yaml: text, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw describe(error, in: text, lineOffset: lineOffset)
        } catch {
            throw Failure(location: nil, message: "cannot read YAML: \(error)", hint: "check the indentation and quoting")
        }
        guard let root else { return nil }
        // `title：…` alone reads as one line of text, not as a key: say what was typed.
        if case .scalar = root, let slip = YAMLSlips.find(in: text) {
            throw Failure(slip, lineOffset: lineOffset)
        }
        var budget = nodeBudget
        return try convert(root, lineOffset: lineOffset, budget: &budget)
    }

    private static func convert(_ node: Node, lineOffset: Int, budget: inout Int) throws(Failure) -> YAMLNode {
        budget -= 1
        let location = SourceLocation(line: (node.mark?.line ?? 1) + lineOffset, column: node.mark?.column ?? 1)
        guard budget > 0 else {
            throw Failure(
                location: location, message: "YAML expands to more than \(nodeBudget) values",
                hint: "remove the anchors (&name) and aliases (*name); Caravan does not need them")
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(YAMLScalar(text: scalar.string, isPlain: scalar.style == .plain, location: location))
        case .mapping(let mapping):
            var pairs: [(key: YAMLScalar, value: YAMLNode)] = []
            for (key, value) in mapping {
                let keyLocation = SourceLocation(line: (key.mark?.line ?? 1) + lineOffset, column: key.mark?.column ?? 1)
                guard case .scalar(let keyScalar) = key else {
                    throw Failure(location: keyLocation, message: "a key must be a plain word", hint: "write `key: value`")
                }
                let converted = try convert(value, lineOffset: lineOffset, budget: &budget)
                pairs.append((YAMLScalar(text: keyScalar.string, isPlain: keyScalar.style == .plain, location: keyLocation), converted))
            }
            return .mapping(pairs, location)
        case .sequence(let sequence):
            var items: [YAMLNode] = []
            for item in sequence {
                items.append(try convert(item, lineOffset: lineOffset, budget: &budget))
            }
            return .sequence(items, location)
        case .alias:
            throw Failure(location: location, message: "YAML aliases are not supported", hint: "write the value out in full")
        }
    }

    private static func describe(_ error: YamlError, in text: String, lineOffset: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            // A full-width colon or an unclosed quote up to here explains the error better
            // than the grammar does, at the line to fix.
            if let slip = YAMLSlips.find(in: text, upTo: mark.line) {
                return Failure(slip, lineOffset: lineOffset)
            }
            var message = problem
            if let context { message = "\(problem) (\(context.text))" }
            // "unexpected end of stream while scanning a quoted scalar" is found at the end of
            // the text; the line that needs fixing is where the unclosed thing started.
            let where_ = problem.contains("end of stream") ? context?.mark ?? mark : mark
            return Failure(
                location: SourceLocation(line: where_.line + lineOffset, column: where_.column),
                message: "YAML syntax error: \(message)",
                hint: "a value containing `: ` or starting with `[`, `{`, `*`, `&`, `#`, `'` or `\"` must be quoted, e.g. title: \"Khorgos: 10 000 trains\"")
        case .composer(let context, let problem, let mark, _):
            var message = problem
            if let context { message = "\(problem) (\(context.text))" }
            return Failure(
                location: SourceLocation(line: mark.line + lineOffset, column: mark.column),
                message: "YAML error: \(message)", hint: "check the anchors and aliases")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Failure(
                location: SourceLocation(line: context.mark.line + lineOffset, column: context.mark.column),
                message: "duplicate key `\(duplicates.joined(separator: "`, `"))`",
                hint: "each key may appear once; remove or merge the repeated lines")
        default:
            return Failure(location: nil, message: "cannot read YAML: \(error)", hint: "check the indentation and quoting")
        }
    }
}

private extension YAMLParser.Failure {
    init(_ slip: YAMLSlips.Slip, lineOffset: Int) {
        self.init(location: SourceLocation(line: slip.line + lineOffset, column: slip.column),
                  message: slip.message, hint: slip.hint)
    }
}
