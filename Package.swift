// swift-tools-version: 6.1
import PackageDescription

// Generic types such as `[String: Answer]` are found by default through their mangled names: the first use of each
// demangles the name and, for every conformance it needs (`String: Hashable`), searches all 8,000 conformance records
// of the static binary. Calling the types' metadata functions instead passes the conformances directly; for the two
// targets `triage lint` runs through that was ≈ 1.2 ms of its 20 (docs/performance.md, fourteenth pass).
let directMetadataAccess: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
    name: "triage",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "triage", targets: ["triage"]),
        .library(name: "TriageCore", targets: ["TriageCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
    ],
    targets: [
        // Pure logic: spec, loader, machine, matching, red flags, plan, booking value, transcripts.
        // The loader reads YAML with libyaml through Yams' C target, CYaml (Loader/YAMLDocument.swift).
        .target(
            name: "TriageCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: directMetadataAccess
        ),
        // Booking sinks: SQLite (GRDB), JSON Lines, stdout.
        .target(
            name: "TriageBooking",
            dependencies: ["TriageCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The TCP line server for clinic kiosks (text and JSON protocols, TLS).
        .target(
            name: "TriageServer",
            dependencies: [
                "TriageCore",
                "TriageBooking",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // GNU readline, found with pkg-config (apt: libreadline-dev).
        .systemLibrary(
            name: "CReadline",
            pkgConfig: "readline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // C shims for readline's globals, callbacks and signal handling.
        .target(
            name: "ReadlineShim",
            dependencies: ["CReadline"],
            linkerSettings: [.linkedLibrary("readline")]
        ),
        // The terminal front end: line editing behind a small LineEditor protocol, wrapping and colour.
        .target(
            name: "TriageREPL",
            dependencies: ["TriageCore", "ReadlineShim"]
        ),
        // The thin command-line shell.
        .executableTarget(
            name: "triage",
            dependencies: [
                "TriageCore",
                "TriageBooking",
                "TriageServer",
                "TriageREPL",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: directMetadataAccess,
            // Start-up (docs/performance.md):
            // - Swift exports every symbol of an executable by default (28,000 here): the dynamic loader then looks
            //   symbols up in that table at every start, and glibc's malloc scans it once (`_dl_addr`). Nothing looks
            //   our symbols up by name, so `triage lint` starts ≈ 0.5 ms sooner without them.
            // - The binary is position-independent, so the loader patches 110,000 pointers at every start. Packed
            //   relative relocations (glibc 2.36+) describe them in 22 KB instead of 2.6 MB; gold cannot write them,
            //   the toolchain's lld can. Together ≈ 1–2 ms of a `triage lint`.
            linkerSettings: [.unsafeFlags(["-use-ld=lld", "-Xlinker", "--no-export-dynamic",
                                           "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                                          .when(platforms: [.linux]))]
        ),
        .testTarget(
            name: "TriageCoreTests",
            dependencies: ["TriageCore"],
            // Read from the source tree by path, not bundled.
            exclude: ["LintFixtures"]
        ),
        // The TCP server against real sockets on 127.0.0.1, port 0.
        .testTarget(
            name: "TriageServerTests",
            dependencies: ["TriageServer", "TriageCore", "TriageBooking",
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOSSL", package: "swift-nio-ssl"),
                           .product(name: "Logging", package: "swift-log")]
        ),
        // End-to-end tests of the `triage` executable and the booking stores.
        .testTarget(
            name: "TriageCLITests",
            dependencies: ["triage", "TriageCore", "TriageBooking", "TriageServer", "TriageREPL"],
            exclude: ["Terminal"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
