import Synchronization

/// A compiled template laid flat for rendering: operations that hold only numbers, over one
/// array of literal bytes and one of look-ups. Walking the tree of steps retained every
/// step's arrays as it went (a third of the renderer's time in a 5 000-story build); a
/// program retains nothing per operation.
struct TemplateProgram: Sendable {
    enum Operation: Sendable {
        /// `literal[start..<end]`.
        case bytes(start: Int32, end: Int32)
        case value(lookup: Int32, escaped: Bool)
        /// The section's content is the operations after it, up to `end`.
        case section(lookup: Int32, inverted: Bool, end: Int32)
    }

    /// A `TemplateLookup` as ranges of `levels` and `names`.
    struct Lookup: Sendable {
        var levels: Range<Int32>
        var names: Range<Int32>
    }

    private(set) var operations: [Operation] = []
    private(set) var literal: [UInt8] = []
    private(set) var lookups: [Lookup] = []
    private(set) var levels: [Int32] = []
    private(set) var names: [String] = []
    /// Where each name was found on a page this program rendered (`TemplateRenderer`).
    let foundAt = NamePositions()

    init(_ steps: [CompiledTemplate.Step]) {
        append(steps)
    }

    private mutating func append(_ steps: [CompiledTemplate.Step]) {
        for step in steps {
            switch step {
            case .bytes(let bytes):
                operations.append(.bytes(start: Int32(literal.count), end: Int32(literal.count + bytes.count)))
                literal += bytes
            case .value(let lookup, let escaped):
                operations.append(.value(lookup: add(lookup), escaped: escaped))
            case .section(let lookup, let inverted, let body):
                let (index, number) = (operations.count, add(lookup))
                operations.append(.section(lookup: number, inverted: inverted, end: 0))
                append(body)
                operations[index] = .section(lookup: number, inverted: inverted, end: Int32(operations.count))
            }
        }
    }

    /// Adds a look-up; its number.
    private mutating func add(_ lookup: TemplateLookup) -> Int32 {
        let levelStart = Int32(levels.count), nameStart = Int32(names.count)
        levels += lookup.levels.map(Int32.init)
        names += lookup.path
        lookups.append(Lookup(levels: levelStart..<Int32(levels.count), names: nameStart..<Int32(names.count)))
        return Int32(lookups.count - 1)
    }
}

/// Where a program's names were found in their groups on the first page it rendered: pages
/// of a kind have their context built by the same code, so a page that starts from these
/// finds each name at its first try, instead of searching the top of its context afresh.
final class NamePositions: Sendable {
    private let positions = Mutex<[Int32]>([])

    /// The positions learnt so far, if a page has been rendered.
    var learnt: [Int32] { positions.withLock { $0 } }

    /// Keeps `found` if nothing was kept yet.
    func learn(_ found: UnsafeMutableBufferPointer<Int32>) {
        positions.withLock { if $0.isEmpty { $0 = Array(found) } }
    }
}
