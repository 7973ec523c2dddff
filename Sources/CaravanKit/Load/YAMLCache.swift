/// Front matter as parsed by an earlier build, by its exact text: parsing YAML is most of
/// what loading costs, and a rebuild after one edit meets thousands of unchanged stories.
/// A parse is a pure function of the text and its first line, so a hit gives the very
/// nodes a parse would; texts that failed to parse are never stored.
///
/// Kept beside the manifest as `.caravan-cache` in a compact binary form.
public struct YAMLCache: Sendable {
    struct Key: Hashable, Sendable {
        var hash: UInt64
        var length: Int
        var lineOffset: Int

        init(text: String, lineOffset: Int) {
            hash = ContentHash.of(text)
            length = text.utf8.count
            self.lineOffset = lineOffset
        }

        init(hash: UInt64, length: Int, lineOffset: Int) {
            self.hash = hash
            self.length = length
            self.lineOffset = lineOffset
        }
    }

    static let fileName = ".caravan-cache"
    private static let magic = Array("caravan yaml cache 1\n".utf8)

    var nodes: [Key: YAMLNode] = [:]

    init() {}

    /// Unreadable or foreign bytes give an empty cache: everything is parsed afresh.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return }
        var reader = StateReader(bytes: bytes, offset: Self.magic.count)
        var nodes: [Key: YAMLNode] = [:]
        // A story's front matter takes a few hundred bytes: sized once, not grown many times.
        nodes.reserveCapacity(bytes.count / 256)
        while !reader.isAtEnd {
            guard let hash = reader.word(), let length = reader.number(), let lineOffset = reader.number(),
                  let node = reader.node(depth: 0) else { return }
            nodes[Key(hash: hash, length: length, lineOffset: lineOffset)] = node
        }
        self.nodes = nodes
    }

    /// True when both hold the same texts, hence the same nodes.
    func holdsTheSameTexts(as other: YAMLCache) -> Bool {
        nodes.count == other.nodes.count && nodes.keys.allSatisfy { other.nodes[$0] != nil }
    }

    var bytes: [UInt8] {
        var writer = StateWriter(bytes: Self.magic)
        for (key, node) in nodes.sorted(by: { ($0.key.hash, $0.key.lineOffset) < ($1.key.hash, $1.key.lineOffset) }) {
            writer.word(key.hash)
            writer.number(key.length)
            writer.number(key.lineOffset)
            writer.node(node)
        }
        return writer.bytes
    }
}

// MARK: - Encoding: a tag byte per node, positions as numbers (`StateWriter`)

private extension StateWriter {
    mutating func location(_ location: SourceLocation) {
        number(location.line)
        number(location.column)
    }

    mutating func scalar(_ scalar: YAMLScalar) {
        bytes.append(scalar.isPlain ? 1 : 0)
        location(scalar.location)
        text(scalar.text)
    }

    mutating func node(_ node: YAMLNode) {
        switch node {
        case .scalar(let value):
            bytes.append(0)
            scalar(value)
        case .mapping(let pairs, let at):
            bytes.append(1)
            location(at)
            number(pairs.count)
            for (key, value) in pairs {
                scalar(key)
                self.node(value)
            }
        case .sequence(let items, let at):
            bytes.append(2)
            location(at)
            number(items.count)
            for item in items { self.node(item) }
        }
    }
}

private extension StateReader {
    mutating func location() -> SourceLocation? {
        guard let line = number(), let column = number() else { return nil }
        return SourceLocation(line: line, column: column)
    }

    mutating func scalar() -> YAMLScalar? {
        guard let plain = byte(), let at = location(), let text = text() else { return nil }
        return YAMLScalar(text: text, isPlain: plain == 1, location: at)
    }

    /// `depth` bounds nesting, so damaged bytes cannot recurse without end.
    mutating func node(depth: Int) -> YAMLNode? {
        guard depth < 64, let tag = byte() else { return nil }
        switch tag {
        case 0:
            return scalar().map(YAMLNode.scalar)
        case 1:
            guard let at = location(), let count = number(), count <= bytes.count else { return nil }
            var pairs: [(key: YAMLScalar, value: YAMLNode)] = []
            for _ in 0..<count {
                guard let key = scalar(), let value = node(depth: depth + 1) else { return nil }
                pairs.append((key, value))
            }
            return .mapping(pairs, at)
        case 2:
            guard let at = location(), let count = number(), count <= bytes.count else { return nil }
            var items: [YAMLNode] = []
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            return .sequence(items, at)
        default:
            return nil
        }
    }
}
