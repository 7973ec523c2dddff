/// Front matter as decoded, in the state folder's binary form (`StateWriter`): a story
/// file the last run read without a problem is taken from here, neither parsed nor
/// decoded again (`KnownDocuments`).
extension StateWriter {
    mutating func frontMatter(_ value: FrontMatter) {
        text(value.title)
        date(value.date)
        optional(value.summary) { $0.text($1) }
        list(value.tags) { $0.reference($1) }
        list(value.corridors) { $0.reference($1) }
        optional(value.author) { $0.text($1) }
        optional(value.updated) { $0.date($1) }
        optional(value.image) { $0.reference($1) }
        optional(value.imageAlt) { $0.text($1) }
        bytes.append((value.draft ? 1 : 0) | (value.featured ? 2 : 0))
        list(value.corrections) { writer, correction in
            writer.date(correction.date)
            writer.text(correction.text)
        }
        optional(value.expires) { $0.date($1) }
        switch value.translation {
        case nil: bytes.append(0)
        case .reviewed: bytes.append(1)
        case .on(let day):
            bytes.append(2)
            date(day)
        }
    }

    private mutating func date(_ value: ContentDate) {
        number(value.year)
        number(value.month)
        number(value.day)
        word(value.instant.bitPattern)
        text(value.iso)
        bytes.append(value.isLocal ? 1 : 0)
        text(value.dayOffset)
    }

    private mutating func reference(_ value: FrontMatter.Reference) {
        text(value.text)
        number(value.location.line)
        number(value.location.column)
    }

    private mutating func optional<T>(_ value: T?, _ write: (inout StateWriter, T) -> Void) {
        bytes.append(value == nil ? 0 : 1)
        if let value { write(&self, value) }
    }

    private mutating func list<T>(_ values: [T], _ write: (inout StateWriter, T) -> Void) {
        number(values.count)
        for value in values { write(&self, value) }
    }
}

extension StateReader {
    /// Nil for damaged bytes.
    mutating func frontMatter() -> FrontMatter? {
        guard let title = text(), let date = date(), let summary = optional({ $0.text() }),
              let tags = list({ $0.reference() }), let corridors = list({ $0.reference() }),
              let author = optional({ $0.text() }), let updated = optional({ $0.date() }),
              let image = optional({ $0.reference() }), let imageAlt = optional({ $0.text() }), let flags = byte(),
              let corrections = list({ reader -> FrontMatter.Correction? in
                  guard let date = reader.date(), let text = reader.text() else { return nil }
                  return FrontMatter.Correction(date: date, text: text)
              }),
              let expires = optional({ $0.date() }), let translationTag = byte() else { return nil }
        var value = FrontMatter(title: title, date: date, summary: summary, tags: tags, corridors: corridors, author: author,
                                updated: updated, image: image, imageAlt: imageAlt, draft: flags & 1 != 0, featured: flags & 2 != 0)
        value.corrections = corrections
        value.expires = expires
        switch translationTag {
        case 0: break
        case 1: value.translation = .reviewed
        case 2:
            guard let day = self.date() else { return nil }
            value.translation = .on(day)
        default: return nil
        }
        return value
    }

    private mutating func date() -> ContentDate? {
        guard let year = number(), let month = number(), let day = number(), let instant = word(), let iso = text(),
              let isLocal = byte(), let dayOffset = text() else { return nil }
        return ContentDate(year: year, month: month, day: day, instant: Double(bitPattern: instant), iso: iso,
                           isLocal: isLocal == 1, dayOffset: dayOffset)
    }

    private mutating func reference() -> FrontMatter.Reference? {
        guard let text = text(), let line = number(), let column = number() else { return nil }
        return FrontMatter.Reference(text: text, location: SourceLocation(line: line, column: column))
    }

    /// `.some(nil)` for an absent value, nil for damaged bytes.
    private mutating func optional<T>(_ read: (inout StateReader) -> T?) -> T?? {
        guard let present = byte(), present <= 1 else { return nil }
        guard present == 1 else { return .some(nil) }
        return read(&self).map { .some($0) }
    }

    private mutating func list<T>(_ read: (inout StateReader) -> T?) -> [T]? {
        guard let count = number(), count <= bytes.count - offset else { return nil }
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = read(&self) else { return nil }
            values.append(value)
        }
        return values
    }
}
