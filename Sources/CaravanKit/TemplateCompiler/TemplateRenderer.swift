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

    mutating func run(_ steps: [CompiledTemplate.Step]) {
        // By index: `for step in steps` copies each step, retaining all it holds.
        for index in steps.indices {
            switch steps[index] {
            case .bytes(let bytes):
                output += bytes
            case .value(let lookup, let escaped):
                guard case .text(let text)? = value(lookup) else { continue }
                if escaped { HTMLEscaping.append(text, to: &output) } else { HTMLEscaping.appendRaw(text, to: &output) }
            case .section(let lookup, let inverted, let body):
                let found = value(lookup)
                if inverted {
                    if Self.isEmpty(found) { run(body) }
                    continue
                }
                switch found {
                case nil, .flag(false): break
                case .flag(true): run(body)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        run(body)
                        stack.removeLast()
                    }
                case .some(let value):
                    stack.append(value)
                    run(body)
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
    private func value(_ lookup: TemplateLookup) -> TemplateValue? {
        let path = lookup.path
        for level in lookup.levels {
            guard !path.isEmpty else { return stack[stack.count - 1 - level] }
            guard case .object(let object) = stack[stack.count - 1 - level], var value = object[path[0]] else { continue }
            for member in 1..<path.count {
                guard case .object(let members) = value, let next = members[path[member]] else { return nil }
                value = next
            }
            return value
        }
        return nil
    }
}
