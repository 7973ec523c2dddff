@testable import CaravanKit
import Foundation
import Testing

/// The check of an output folder against the manifest of the build that wrote it: every
/// file deleted or changed in size is found, whichever threads share out the work.
@Suite struct MissingFilesCheckTests {
    /// A folder of `count` files over many chunks, with every 97th deleted and every 89th
    /// grown by hand; the manifest lists them as written, plus one never written.
    static func folder(count: Int) throws -> (OutputFolder, Manifest, expected: Set<String>, root: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("caravan-missing-\(UUID().uuidString)").path
        var manifest = Manifest()
        var expected: Set<String> = []
        for index in 0..<count {
            let path = "en/articles/story-\(index)/index.html"
            let bytes = Array("page \(index)".utf8)
            try FileManager.default.createDirectory(atPath: root + "/en/articles/story-\(index)", withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: root + "/" + path))
            manifest.entries[path] = Manifest.Entry(hash: ContentHash.of(bytes), size: bytes.count, key: 1)
            if index % 97 == 0 {
                try FileManager.default.removeItem(atPath: root + "/" + path)
                expected.insert(path)
            } else if index % 89 == 0 {
                try Data(bytes + [10]).write(to: URL(fileURLWithPath: root + "/" + path))
                expected.insert(path)
            }
        }
        manifest.entries["en/never-written.html"] = Manifest.Entry(hash: 1, size: 3, key: nil)
        expected.insert("en/never-written.html")
        return (OutputFolder(path: root), manifest, expected, root)
    }

    @Test("every deleted or resized file is found: by the caller alone, with a thread of its own, and on every core")
    func findsEveryMissingFile() throws {
        let (folder, manifest, expected, root) = try Self.folder(count: 2_000)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(MissingFilesCheck(manifest, in: folder).files == expected)
        let started = MissingFilesCheck(manifest, in: folder)
        started.start()
        #expect(started.files == expected)
        #expect(MissingFilesCheck(manifest, in: folder).checkedOnEveryCore == expected)
        // A check never asked for lets go of what it holds.
        _ = MissingFilesCheck(manifest, in: folder)
        // Checked partly by a thread waiting on something else, then by a thread of its own.
        let shared = MissingFilesCheck(manifest, in: folder)
        var asked = 0
        shared.check(until: { asked += 1; return asked > 3 })
        #expect(asked == 4, "three chunks, then it stops when told")
        shared.check(until: { true })
        shared.start()
        #expect(shared.files == expected)
    }

    @Test("without the folder every file is missing; an empty manifest misses nothing")
    func missingFolder() throws {
        let (_, manifest, _, root) = try Self.folder(count: 300)
        try FileManager.default.removeItem(atPath: root)
        #expect(MissingFilesCheck(manifest, in: OutputFolder(path: root)).files == Set(manifest.entries.keys))
        #expect(MissingFilesCheck(Manifest(), in: OutputFolder(path: root)).files.isEmpty)
        #expect(MissingFilesCheck().checkedOnEveryCore.isEmpty)
    }
}
