// swift-tools-version: 6.1
// libFuzzer targets for TriageCore. Build and run with ./run.sh (see docs/reliability.md).
import PackageDescription

let fuzzTarget = { (name: String) in
    Target.executableTarget(
        name: name,
        dependencies: [.product(name: "TriageCore", package: "main")],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "TriageFuzz",
    dependencies: [.package(name: "main", path: "..")],
    targets: ["FuzzSpecLoader", "FuzzTranscript", "FuzzProtocol", "FuzzMachine"].map(fuzzTarget),
    swiftLanguageModes: [.v6]
)
