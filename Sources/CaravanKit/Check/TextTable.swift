/// Plain-text columns for a terminal: padded with spaces, no colours, no box drawing.
/// When a row would be wider than `width`, the first column's long cells go on a line of
/// their own and the rest of the row follows on the next line, still aligned.
struct TextTable {
    var headers: [String]
    var rows: [[String]]
    /// Columns whose cells are aligned to the right (numbers).
    var rightAligned: Set<Int> = []
    var width: Int = 80
    var gap = 2

    func render() -> String {
        let all = [headers] + rows
        var widths = headers.indices.map { column in all.map { Self.displayWidth($0[column]) }.max() ?? 0 }
        let rest = widths.dropFirst().reduce(0, +) + gap * (widths.count - 1)
        let firstLimit = max(headers.first.map(Self.displayWidth) ?? 0, width - rest)
        widths[0] = min(widths[0], firstLimit)
        var lines: [String] = []
        for row in all {
            var cells = row
            if Self.displayWidth(cells[0]) > widths[0] {
                lines.append(cells[0])
                cells[0] = ""
            }
            var line = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[column] - Self.displayWidth(cell)))
                let isLast = column == cells.count - 1
                line += rightAligned.contains(column) ? padding + cell : cell + (isLast ? "" : padding)
                if !isLast { line += String(repeating: " ", count: gap) }
            }
            lines.append(String(line.reversed().drop(while: { $0 == " " }).reversed()))
        }
        return lines.joined(separator: "\n")
    }

    /// Terminal columns: CJK and full-width characters take two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F: total
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
                 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                total + 2
            default: total + 1
            }
        }
    }
}
