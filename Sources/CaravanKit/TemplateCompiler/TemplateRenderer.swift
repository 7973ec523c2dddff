/// Runs a compiled template over a page's values, appending bytes to one buffer: literal
/// bytes as they are, values escaped on the way in (or not, for `{{{…}}}`).
///
/// Sections follow Mustache: a list shows its content once per item, named values and text
/// once with themselves as the current item, yes once; no, an empty list or a missing name
/// never. An inverted section shows exactly when a section would not.
struct TemplateRenderer {
    private var stack: [TemplateValue]
    private(set) var output: [UInt8] = []

    init(_ root: TemplateObject, capacity: Int = 16_384) {
        stack = [.object(root)]
        output.reserveCapacity(capacity)
    }

    mutating func run(_ template: CompiledTemplate) {
        let program = template.program
        program.operations.withUnsafeBufferPointer { operations in
            program.literal.withUnsafeBufferPointer { literal in
                program.lookups.withUnsafeBufferPointer { lookups in
                    program.levels.withUnsafeBufferPointer { levels in
                        program.names.withUnsafeBufferPointer { names in
                            withUnsafeTemporaryAllocation(of: Int32.self, capacity: names.count) { hints in
                                let learnt = program.foundAt.learnt
                                if learnt.count == names.count { _ = hints.initialize(from: learnt) } else { hints.initialize(repeating: 0) }
                                let code = Code(operations: operations, literal: literal, lookups: lookups, levels: levels, names: names,
                                                hints: hints)
                                run(code, 0..<operations.count)
                                if learnt.isEmpty { program.foundAt.learn(hints) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The program's arrays, borrowed for the run.
    private struct Code {
        let operations: UnsafeBufferPointer<TemplateProgram.Operation>
        let literal: UnsafeBufferPointer<UInt8>
        let lookups: UnsafeBufferPointer<TemplateProgram.Lookup>
        let levels: UnsafeBufferPointer<Int32>
        let names: UnsafeBufferPointer<String>
        /// Where in its group each name was found last (`TemplateObject.value(named:hint:)`).
        let hints: UnsafeMutableBufferPointer<Int32>
    }

    private mutating func run(_ code: Code, _ range: Range<Int>) {
        var index = range.lowerBound
        while index < range.upperBound {
            let operation = code.operations[index]
            index += 1
            switch operation {
            case .bytes(let start, let end):
                output.append(contentsOf: UnsafeBufferPointer(rebasing: code.literal[Int(start)..<Int(end)]))
            case .value(let lookup, let escaped):
                switch value(code, code.lookups[Int(lookup)]) {
                case .text(let text)?:
                    if escaped { HTMLEscaping.append(text, to: &output) } else { HTMLEscaping.appendRaw(text, to: &output) }
                case .bytes(let bytes)?:
                    if escaped { bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) } } else { output += bytes }
                default:
                    continue
                }
            case .section(let lookup, let inverted, let end):
                let body = index..<Int(end)
                index = Int(end)
                let found = value(code, code.lookups[Int(lookup)])
                if inverted {
                    if Self.isEmpty(found) { run(code, body) }
                    continue
                }
                switch found {
                case nil, .flag(false): break
                case .flag(true): run(code, body)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        run(code, body)
                        stack.removeLast()
                    }
                case .some(let value):
                    stack.append(value)
                    run(code, body)
                    stack.removeLast()
                }
            }
        }
    }

    private static func isEmpty(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil, .flag(false): true
        case .list(let items): items.isEmpty
        default: false
        }
    }

    /// The first level (innermost first) whose value has the name, then its members.
    private func value(_ code: Code, _ lookup: TemplateProgram.Lookup) -> TemplateValue? {
        let names = Int(lookup.names.lowerBound)..<Int(lookup.names.upperBound)
        for level in lookup.levels {
            let frame = stack[stack.count - 1 - Int(code.levels[Int(level)])]
            guard !names.isEmpty else { return frame }
            guard case .object(let object) = frame,
                  var value = object.value(named: code.names[names.lowerBound], hint: &code.hints[names.lowerBound]) else { continue }
            for member in names.dropFirst() {
                guard case .object(let members) = value, let next = members.value(named: code.names[member], hint: &code.hints[member]) else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}
