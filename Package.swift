// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caravan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "caravan", targets: ["caravan"]),
        .library(name: "CaravanKit", targets: ["CaravanKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The system cmark-gfm (Debian libcmark-gfm-dev); its extensions library has no
        // .pc file of its own, so the module map links it explicitly.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // `getdents64`, which Swift's Glibc module leaves out (see listing.h).
        .systemLibrary(name: "CDirectoryListing"),
        // `mallopt`, which Swift's Glibc module leaves out (see heap.h).
        .systemLibrary(name: "CHeapTuning"),
        .target(
            name: "CaravanKit",
            dependencies: [
                "CCmarkGFM",
                "CDirectoryListing",
                "CHeapTuning",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "caravan",
            dependencies: [
                "CaravanKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "CaravanTestSupport", dependencies: ["CaravanKit"]),
        // Fuzz targets for the parsers of editor input: `make fuzz` (libFuzzer), or a replay
        // of files when built normally.
        .executableTarget(name: "caravan-fuzz", dependencies: ["CaravanTestSupport"], path: "Tests/Fuzz", exclude: ["Regressions", "fuzz.sh"]),
        .testTarget(
            name: "CaravanKitTests",
            dependencies: ["CaravanKit", "CaravanTestSupport"],
            // Read from the source tree by path (#filePath), not bundled.
            exclude: ["Fixtures"]
        ),
    ]
)
