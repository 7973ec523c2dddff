/// Files from `Public/` and story folders that would land where the site puts a page (or a
/// folder of pages): found before anything is written, each named with what it collides
/// with, instead of one silently replacing the other.
enum OutputCollisions {
    static func check(_ plan: RenderPlan, site: ResolvedSite) -> [Diagnostic] {
        var made: [String: String] = [:]  // output path → the source file published there
        func maker(of path: String) -> String? {
            if let page = plan.addresses.page(at: path) {
                return plan.pages[page].templateName.map { "the \($0) page" } ?? "the site's \(path)"
            }
            return made[path]
        }
        var diagnostics: [Diagnostic] = []
        /// False (and a diagnostic) when `source` cannot be published at `path`.
        func check(_ source: String, at path: String) -> Bool {
            if let what = maker(of: path) {
                diagnostics.append(.error(
                    source, nil, "would be published at \(path), where the site puts \(what)",
                    hint: "rename or move \(source): the site makes \(path) itself"))
                return false
            }
            if let page = plan.addresses.page(inFolder: path) {
                diagnostics.append(.error(
                    source, nil, "would be published at \(path), which the site needs as a folder (for \(page))",
                    hint: "rename or move \(source)"))
                return false
            }
            made[path] = source
            return true
        }
        for file in site.publicFiles.sorted(by: { $0.path < $1.path }) {
            _ = check("Public/\(file.path)", at: file.path)
        }
        for asset in site.assets {
            guard let story = asset.kind == .article ? site.article(asset.slug) : site.pages.first(where: { $0.slug == asset.slug }) else { continue }
            for language in story.translations.keys.sorted() {
                guard check("Content/\(asset.kind.folder)/\(asset.slug)/\(asset.name)", at: Route.story(story, in: language).path + asset.name) else { break }
            }
        }
        return diagnostics
    }
}

/// Where a plan's pages go: each page's file and every folder holding one. Worked out once
/// for a plan's shape: an edit of bodies keeps it. Paths are found by a hash and then
/// compared: tens of thousands of paths as dictionary keys cost every build 20 ms.
struct PageAddresses: Sendable {
    private let paths: [String]
    /// The hash of each page's path → the page's index.
    private let files: HashedPositions
    /// The hash of each folder holding a page → the index of one such page.
    private let folders: HashedPositions

    init(paths: [String]) {
        var files = HashedPositions(capacity: paths.count)
        var folders = HashedPositions(capacity: paths.count)
        // One pass over each path hashes it and, at each `/`, the folder before it.
        var prefixes: [UInt64] = []
        for (index, path) in paths.enumerated() {
            prefixes.removeAll(keepingCapacity: true)
            var hash = Self.emptyHash
            for byte in path.utf8 {
                if byte == UInt8(ascii: "/") { prefixes.append(hash) }
                hash = Self.hash(hash, byte)
            }
            files.insert(hash, index)
            // From the innermost folder out: a folder already known has its parents too.
            for folder in prefixes.reversed() {
                guard folders.insert(folder, index) else { break }
            }
        }
        (self.paths, self.files, self.folders) = (paths, files, folders)
    }

    /// The index of the page written at `path`.
    func page(at path: String) -> Int? {
        guard let index = files[Self.hash(path)] else { return nil }
        // Two paths with one hash: the first is listed, the other is looked for.
        return paths[index] == path ? index : paths.firstIndex(of: path)
    }

    /// A page inside the folder `path` (a path relative to the output, without `/` at its end).
    func page(inFolder path: String) -> String? {
        guard let index = folders[Self.hash(path)] else { return nil }
        let prefix = path + "/"
        return paths[index].hasPrefix(prefix) ? paths[index] : paths.first { $0.hasPrefix(prefix) }
    }

    // FNV-1a, a byte at a time: every prefix's hash is a step of the whole path's.
    private static let emptyHash: UInt64 = 0xCBF2_9CE4_8422_2325

    private static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    private static func hash(_ path: String) -> UInt64 {
        path.utf8.reduce(emptyHash, hash)
    }
}

/// Positions by 64-bit hash, in one flat table probed in turn: the keys are hashes
/// already, which a `Dictionary` would hash again (half of working out a plan's addresses).
private struct HashedPositions: Sendable {
    /// Each slot's hash, or 0 for an empty slot (a hash of 0 is kept as 1: finds compare paths).
    private var hashes: [UInt64]
    private var positions: [Int32]
    private var count = 0

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        hashes = Array(repeating: 0, count: size)
        positions = Array(repeating: 0, count: size)
    }

    /// Keeps `position` for `hash` unless the hash has one already; false when it had.
    @discardableResult
    mutating func insert(_ hash: UInt64, _ position: Int) -> Bool {
        let key = max(hash, 1)
        var slot = slot(of: key)
        if hashes[slot] == key { return false }
        // At most half full, so that a probe soon meets an empty slot.
        if (count + 1) * 2 > hashes.count {
            grow()
            slot = self.slot(of: key)
        }
        hashes[slot] = key
        positions[slot] = Int32(position)
        count += 1
        return true
    }

    subscript(hash: UInt64) -> Int? {
        let slot = slot(of: max(hash, 1))
        return hashes[slot] == 0 ? nil : Int(positions[slot])
    }

    /// The slot holding `key`, or the empty one where it would go.
    private func slot(of key: UInt64) -> Int {
        let mask = hashes.count - 1
        // Multiplied so that every bit of the key moves the slot.
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while hashes[slot] != 0, hashes[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        var larger = HashedPositions(capacity: hashes.count)
        for slot in hashes.indices where hashes[slot] != 0 { larger.insert(hashes[slot], Int(positions[slot])) }
        self = larger
    }
}
