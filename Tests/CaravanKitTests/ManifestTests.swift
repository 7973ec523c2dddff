@testable import CaravanKit
import Testing

/// The list of files a build wrote, as the state folder keeps it: it must read back exactly,
/// and a damaged line must cost that file a rewrite, never the build.
@Suite struct ManifestTests {
    @Test("a file's hash changes with any one byte of it, at any length and place, and with its length")
    func contentHashNoticesEveryByte() {
        for count in [0, 1, 7, 8, 9, 31, 32, 63, 64, 65, 95, 96, 97, 200] {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) }
            let hash = ContentHash.of(bytes)
            #expect(ContentHash.of(bytes) == hash)
            #expect(ContentHash.of(bytes + [0]) != hash, "\(count) bytes and one more")
            for place in bytes.indices {
                var changed = bytes
                changed[place] ^= 0x01
                #expect(ContentHash.of(changed) != hash, "\(count) bytes, byte \(place) changed")
            }
        }
    }

    @Test("reads back as written: hashes, sizes (-1 after a write cut short), keys or none, paths with spaces, inputs, next change, plan, page keys")
    func roundTrip() {
        var manifest = Manifest(entries: [
            "index.html": .init(hash: 0xDEAD_BEEF_0000_0001, size: 1234, key: 0xFFFF_FFFF_FFFF_FFFF),
            "en/articles/a b/index.html": .init(hash: 0, size: 0, key: 7),
            "style.css": .init(hash: 42, size: -1, key: nil),
        ], inputs: 0x1234)
        manifest.nextChange = 1_800_000_000
        manifest.plan = 0xABCD_0000_0000_0042
        manifest.pageKeys = [0xFFFF_FFFF_FFFF_FFFF, 7, 0]
        #expect(Manifest(bytes: manifest.bytes) == manifest)
        #expect(Manifest(bytes: manifest.bytes).pageKeys == [0xFFFF_FFFF_FFFF_FFFF, 7, 0])
    }

    @Test("a damaged line is skipped; another format is an empty manifest")
    func damaged() {
        let text = "# caravan manifest 4\n# plan 9\n# keys 1 zz 3\n1f 12 - good.html\nzz 12 - bad-hash.html\n1f 1x2 - bad-size.html\n1f 12\n"
        #expect(Manifest(bytes: Array(text.utf8)).entries.keys.sorted() == ["good.html"])
        // Page keys are found by position or not at all: one that does not read drops them all.
        #expect(Manifest(bytes: Array(text.utf8)).pageKeys.isEmpty)
        #expect(Manifest(bytes: Array("# caravan manifest 3\n1f 12 - good.html\n".utf8)).entries.isEmpty)
    }
}
