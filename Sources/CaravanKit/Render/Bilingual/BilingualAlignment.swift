/// How two translations of a story line up for reading side by side (中英对照): split at
/// their headings into sections, and each section into its top-level blocks (paragraphs,
/// lists, tables…). When both have the same sections with the same number of blocks, block
/// n of one is shown beside block n of the other; otherwise whole sections are paired, and
/// `divergences` says where the two stopped matching, for `caravan check`. A block is
/// whatever stands for its HTML: the view pairs where blocks are, then cuts them out.
struct BilingualAlignment<Block: Equatable> {
    /// One unit of the view: what the first text shows, then what the second shows.
    struct Pair: Equatable {
        var first: [Block]
        var second: [Block]
    }

    struct Section {
        var blocks: [Block]
        var hasHeading: Bool
    }

    let pairs: [Pair]
    /// Empty when the two line up block by block.
    let divergences: [Divergence]

    struct Divergence: Equatable, CustomStringConvertible {
        /// 1-based, counting the part before the first heading when there is one.
        var section: Int?
        var first: Int
        var second: Int

        /// In an editor's words, with the files' names filled in by the caller.
        func described(first firstFile: String, second secondFile: String) -> String {
            guard let section else {
                return "`\(firstFile)` has \(counted(first, "section")), `\(secondFile)` has \(second)"
            }
            return "`\(firstFile)` section \(section) has \(counted(first, "block")), `\(secondFile)` has \(second)"
        }

        var description: String { described(first: "first", second: "second") }
    }

    init(_ first: [(block: Block, isHeading: Bool)], _ second: [(block: Block, isHeading: Bool)]) {
        let a = Self.sections(first), b = Self.sections(second)
        var divergences: [Divergence] = []
        if a.count != b.count || zip(a, b).contains(where: { $0.hasHeading != $1.hasHeading }) {
            divergences.append(Divergence(section: nil, first: a.count, second: b.count))
        } else {
            for (index, (x, y)) in zip(a, b).enumerated() where x.blocks.count != y.blocks.count {
                divergences.append(Divergence(section: index + 1, first: x.blocks.count, second: y.blocks.count))
            }
        }
        self.divergences = divergences
        if divergences.isEmpty {
            pairs = zip(a, b).flatMap { x, y in zip(x.blocks, y.blocks).map { Pair(first: [$0], second: [$1]) } }
        } else {
            pairs = (0..<max(a.count, b.count)).map { index in
                Pair(first: index < a.count ? a[index].blocks : [], second: index < b.count ? b[index].blocks : [])
            }
        }
    }

    /// Blocks grouped so that each heading starts a section.
    static func sections(_ blocks: [(block: Block, isHeading: Bool)]) -> [Section] {
        var sections: [Section] = []
        for (block, isHeading) in blocks {
            if isHeading || sections.isEmpty {
                sections.append(Section(blocks: [], hasHeading: isHeading))
            }
            sections[sections.count - 1].blocks.append(block)
        }
        return sections
    }
}
