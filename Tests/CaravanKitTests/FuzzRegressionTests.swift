import CaravanTestSupport
import Foundation
import Testing

/// Every input kept in `Tests/Fuzz/Regressions/<target>/` (what `make fuzz` once found, and
/// cases written by hand) goes through its fuzz target again: each must return, not crash.
@Suite struct FuzzRegressionTests {
    @Test("kept fuzz inputs run through their parser without a crash", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let folder = FixtureSite.repositoryRoot.appendingPathComponent("Tests/Fuzz/Regressions/\(target.rawValue)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty, "each target keeps at least one input")
        for name in names {
            target.run([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
        }
    }
}
