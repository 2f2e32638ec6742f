// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "newsearch",
    // Mutex (Synchronization) needs macOS 15; Linux needs nothing declared.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewSearch", targets: ["NewSearch"]),
        // The executable target is NewsearchCLI: `newsearch` and `NewSearch` would collide on a case-insensitive
        // file system. The product, and so the binary, is still `newsearch`.
        .executable(name: "newsearch", targets: ["NewsearchCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // C boundaries: one small target per C library.
        .target(
            name: "CSQLite",
            linkerSettings: [.linkedLibrary("sqlite3")]
        ),
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .systemLibrary(
            name: "CXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "CHTMLText",
            dependencies: ["CXML2"]
        ),
        .target(
            name: "NewSearch",
            dependencies: [
                "CSQLite", "CICU", "CHTMLText",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .executableTarget(
            name: "NewsearchCLI",
            dependencies: [
                "NewSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NewSearchTests",
            dependencies: ["NewSearch", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NewsearchCLITests",
            dependencies: ["NewsearchCLI"]
        ),
    ]
)
