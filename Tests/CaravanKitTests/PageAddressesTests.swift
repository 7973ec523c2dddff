@testable import CaravanKit
import Testing

/// Where a plan's pages go, found by hash: every page and every folder holding one is
/// found, and nothing else, however many and however deep.
@Suite struct PageAddressesTests {
    @Test("every page's file and every folder above it is found; other paths and folders are not")
    func findsPagesAndFolders() {
        // Deep folders outnumber the pages many times over: the table grows as it fills.
        let deep = (1...60).map { "d\($0)" }.joined(separator: "/") + "/index.html"
        let paths = ["index.html", "404.html", deep] + (0..<3000).map { "en/articles/story-\($0)/index.html" }
        let addresses = PageAddresses(paths: paths)
        for (index, path) in paths.enumerated() {
            #expect(addresses.page(at: path) == index)
        }
        var folder = deep
        while let slash = folder.lastIndex(of: "/") {
            folder = String(folder[..<slash])
            #expect(addresses.page(inFolder: folder) == deep)
        }
        #expect(addresses.page(inFolder: "en/articles/story-2999") == "en/articles/story-2999/index.html")
        #expect(addresses.page(inFolder: "en/articles")?.hasPrefix("en/articles/story-") == true)
        #expect(addresses.page(inFolder: "en") != nil)
        for missing in ["en/articles/story-3000/index.html", "en/articles/index.html", "en", "d1", "index.htm", ""] {
            #expect(addresses.page(at: missing) == nil)
        }
        for missing in ["en/articles/story-3000", "en/articles/story-1/index.html", "zh", "d2", "d1/d3", "index.html"] {
            #expect(addresses.page(inFolder: missing) == nil)
        }
    }
}
