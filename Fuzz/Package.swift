// swift-tools-version: 6.1
// libFuzzer targets for newsearch's parsers (see README.md): built only by `Fuzz/run`, never by the main package.
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "newsearch-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "newsearch", path: "..")],
    targets: [
        // libFuzzer's entry point, declared for Swift; the library itself comes with `-sanitize=fuzzer`.
        .target(name: "CFuzzer"),
        .executableTarget(name: "FuzzArticle", dependencies: ["CFuzzer", .product(name: "NewSearch", package: "newsearch")],
                          swiftSettings: fuzzer),
        .executableTarget(name: "FuzzQuery", dependencies: ["CFuzzer", .product(name: "NewSearch", package: "newsearch")],
                          swiftSettings: fuzzer),
        .executableTarget(name: "FuzzAnalyzer", dependencies: ["CFuzzer", .product(name: "NewSearch", package: "newsearch")],
                          swiftSettings: fuzzer),
    ]
)
