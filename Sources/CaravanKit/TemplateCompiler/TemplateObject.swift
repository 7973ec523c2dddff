/// A template's context, and every group of named values inside it: names and values side
/// by side, in the order they were set.
///
/// Not a hash table: a group holds a few dozen names at most, and a page builds hundreds of
/// groups that a template reads a few times each. Finding a name by comparing (most names
/// are short strings, compared as two words) costs less than hashing it, and building a
/// group costs one array; the renderer first tries where it found the same name last, and
/// groups made by the same code put their names in the same order (`value(named:hint:)`).
struct TemplateObject: Sendable {
    private struct Entry: Sendable {
        var name: String
        var value: TemplateValue
    }

    private var entries: [Entry] = []

    init() {}

    /// The values of `dictionary`, in the order of their names.
    init(_ dictionary: [String: TemplateValue]) {
        entries = dictionary.sorted { $0.key < $1.key }.map { Entry(name: $0.key, value: $0.value) }
    }

    var count: Int { entries.count }
    var keys: [String] { entries.map(\.name) }

    /// The value named `name`; setting nil removes it.
    subscript(name: String) -> TemplateValue? {
        get { index(of: name).map { entries[$0].value } }
        set {
            switch (index(of: name), newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append(Entry(name: name, value: value))
            case (nil, nil): break
            }
        }
    }

    /// The value named `name`, looked for first at `hint`, which is then set to where it was.
    func value(named name: String, hint: inout Int32) -> TemplateValue? {
        let guess = Int(hint)
        if guess < entries.count, Self.same(entries[guess].name, name) { return entries[guess].value }
        guard let index = index(of: name) else { return nil }
        hint = Int32(index)
        return entries[index].value
    }

    private func index(of name: String) -> Int? {
        entries.firstIndex { Self.same($0.name, name) }
    }

    /// `==`, with the lengths compared first: most names a look-up passes differ in length,
    /// and telling those apart then takes no call into the standard library.
    @inline(__always)
    private static func same(_ one: String, _ other: String) -> Bool {
        one.utf8.count == other.utf8.count && one == other
    }

    /// Adds `other`'s values; for a name both have, `combine` picks the value.
    mutating func merge(_ other: TemplateObject, uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        for entry in other.entries {
            if let index = index(of: entry.name) {
                entries[index].value = combine(entries[index].value, entry.value)
            } else {
                entries.append(entry)
            }
        }
    }

    /// This group with `other`'s values added (see `merge`).
    func merging(_ other: TemplateObject, uniquingKeysWith combine: (TemplateValue, TemplateValue) -> TemplateValue) -> TemplateObject {
        var merged = self
        merged.merge(other, uniquingKeysWith: combine)
        return merged
    }

    @discardableResult
    mutating func removeValue(forKey name: String) -> TemplateValue? {
        index(of: name).map { entries.remove(at: $0).value }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
    }
}

/// Two groups are equal when they hold the same values by the same names, in any order.
extension TemplateObject: Equatable {
    static func == (left: TemplateObject, right: TemplateObject) -> Bool {
        left.count == right.count && left.entries.allSatisfy { right[$0.name] == $0.value }
    }
}

/// `["title": "Home", "current": true]`, as for a dictionary: each name once.
extension TemplateObject: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries = elements.map { Entry(name: $0, value: $1) }
        assert(Set(entries.map(\.name)).count == entries.count, "a name is given twice in \(entries.map(\.name))")
    }
}
