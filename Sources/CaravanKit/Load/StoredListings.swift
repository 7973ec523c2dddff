/// The source folders' listings as the last run of `caravan build` read them, kept in the
/// state folder: a folder whose change time and inode are still the recorded ones holds the
/// same names, so the next build looks at each of its entries (their sizes and times are
/// read again, always) without listing it. Adding, removing or renaming an entry changes
/// its folder's change time, which no program can set back (only the system clock can).
/// A folder changed in the last seconds before it was listed is not recorded, for the
/// reason `KnownDocuments` gives.
///
/// At 5 000 stories this turns a story folder's four system calls of listing (open, two
/// reads of the listing, close) into one (`fstatat` of the folder).
struct StoredListings: Sendable {
    struct Folder: Sendable {
        var stamp: FileSystem.FolderStamp
        var entries: [FileSystem.Entry]
    }

    var folders: [String: Folder] = [:]

    private static let magic = Array("caravan listings 1\n".utf8)

    init() {}

    /// The listings of `files` that a later build may trust (none changed in the last
    /// seconds before they were read).
    init(_ files: FileSystem) {
        for (path, stamp) in files.stamps where stamp.changed < files.listedAt - KnownDocuments.racyWindow {
            if let entries = files.recorded[path] { folders[path] = Folder(stamp: stamp, entries: entries) }
        }
    }

    /// Unreadable or foreign bytes give no listings: every folder is listed afresh.
    init(bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic) else { return }
        var reader = StateReader(bytes: bytes, offset: Self.magic.count)
        var folders: [String: Folder] = [:]
        while !reader.isAtEnd {
            guard let path = reader.text(), let changed = reader.number(), let inode = reader.word(),
                  let count = reader.number(), count < 1_000_000 else { return }
            var entries: [FileSystem.Entry] = []
            entries.reserveCapacity(count)
            for _ in 0..<count {
                // A name is joined to its folder's path: one that could lead elsewhere (a
                // listing never holds `/`, nor names starting with `.`) spoils the state.
                guard let name = reader.text(), !name.isEmpty, !name.hasPrefix("."), !name.utf8.contains(UInt8(ascii: "/")),
                      !name.utf8.contains(0), let flags = reader.byte(), let entryInode = reader.word(), flags < 6 else { return }
                let kind: FileSystem.EntryKind = switch flags >> 1 { case 0: .file; case 1: .directory; default: .other }
                entries.append(FileSystem.Entry(name: name, kind: kind, isSymlink: flags & 1 != 0, size: 0, inode: entryInode))
            }
            folders[path] = Folder(stamp: FileSystem.FolderStamp(changed: changed, inode: inode), entries: entries)
        }
        self.folders = folders
    }

    /// Only what tells the names apart is kept: sizes and times are read again by every build.
    var bytes: [UInt8] {
        var writer = StateWriter(bytes: Self.magic)
        for (path, folder) in folders {
            writer.text(path)
            writer.number(folder.stamp.changed)
            writer.word(folder.stamp.inode)
            writer.number(folder.entries.count)
            for entry in folder.entries {
                writer.text(entry.name)
                let kind: UInt8 = switch entry.kind { case .file: 0; case .directory: 1; case .other: 2 }
                writer.bytes.append(kind << 1 | (entry.isSymlink ? 1 : 0))
                writer.word(entry.inode)
            }
        }
        return writer.bytes
    }
}
