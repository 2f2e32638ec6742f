// swift-tools-version: 6.1
import PackageDescription

/// GRDB, for the targets of the GRDB integration only, and only when the trait "GRDB" is enabled.
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift", condition: .when(traits: ["GRDB"]))
/// Hummingbird (with SwiftNIO) and swift-log, for `newsearch serve` only, and only when the trait "Server" is enabled:
/// an app that depends on the library resolves and builds none of them.
let server: [Target.Dependency] = [
    .product(name: "Hummingbird", package: "hummingbird", condition: .when(traits: ["Server"])),
    .product(name: "Logging", package: "swift-log", condition: .when(traits: ["Server"])),
]

let package = Package(
    name: "newsearch",
    // Mutex (Synchronization) needs macOS 15; Linux needs nothing declared.
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "NewSearch", targets: ["NewSearch"]),
        // The executable target is NewsearchCLI: `newsearch` and `NewSearch` would collide on a case-insensitive
        // file system. The product, and so the binary, is still `newsearch`.
        .executable(name: "newsearch", targets: ["NewsearchCLI"]),
        // The loadable SQLite extension, for any program that uses the system's SQLite (sqlite3 shell, Python, …):
        // `swift build -c release --product newsearch-sqlite` makes libnewsearch-sqlite.so.
        .library(name: "newsearch-sqlite", type: .dynamic, targets: ["NewSearchSQLite"]),
        // GRDB integration: built, and GRDB.swift fetched, only for a dependent that enables the trait "GRDB".
        .library(name: "NewSearchGRDB", targets: ["NewSearchGRDB"]),
    ],
    traits: [
        .trait(name: "GRDB", description: "The NewSearchGRDB library: newsearch on GRDB's databases (fetches GRDB.swift)"),
        .trait(name: "Server", description: "`newsearch serve`, the search page and JSON API (fetches Hummingbird and SwiftNIO)"),
        .default(enabledTraits: []),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // `newsearch serve`, with the trait "Server" only (an app that uses the library resolves none of it).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        // `swift package generate-documentation --target NewSearch` (DocC); a plugin, linked into nothing.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
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
        .systemLibrary(
            name: "CZstd",
            pkgConfig: "libzstd",
            providers: [.apt(["libzstd-dev"])]
        ),
        .target(
            name: "CHTMLText",
            dependencies: ["CXML2"]
        ),
        .target(
            name: "NewSearch",
            dependencies: [
                "CSQLite", "CICU", "CHTMLText", "CZstd",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "NewSearchSQLite",
            dependencies: ["NewSearch", "CSQLite"],
            // Swift's runtime and Foundation linked in, so that the extension loads where no Swift toolchain is
            // installed (it then needs Debian's libsqlite3, ICU, libxml2 and libzstd only).
            linkerSettings: [
                .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux])),
                // What the static Foundation libraries need beyond what the modules, compiled for the shared ones,
                // ask for.
                .linkedLibrary("_FoundationCollections", .when(platforms: [.linux])),
                .linkedLibrary("CoreFoundation", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationCShims", .when(platforms: [.linux])),
                .linkedLibrary("_FoundationICU", .when(platforms: [.linux])),
            ]
        ),
        .target(
            name: "NewSearchGRDB",
            dependencies: ["NewSearch", grdb]
        ),
        .executableTarget(
            name: "NewsearchCLI",
            dependencies: [
                "NewSearch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ] + server
        ),
        .testTarget(
            name: "NewSearchTests",
            dependencies: ["NewSearch", "CSQLite"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "NewSearchGRDBTests",
            dependencies: ["NewSearchGRDB", grdb]
        ),
        .testTarget(
            name: "NewsearchCLITests",
            dependencies: ["NewsearchCLI"]
        ),
    ]
)
