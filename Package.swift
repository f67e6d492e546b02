// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "nuanxin",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "nuanxin", targets: ["NuanxinCLI"]),
        .library(name: "GeoCore", targets: ["GeoCore"]),
        .library(name: "RoadNetwork", targets: ["RoadNetwork"]),
        .library(name: "Coverage", targets: ["Coverage"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Facilities", targets: ["Facilities"]),
        .library(name: "GeoIO", targets: ["GeoIO"]),
        .library(name: "Demand", targets: ["Demand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        // GDAL and CBC are loaded with dlopen on first use, not linked: linking libgdal alone cost
        // every process 40-70 ms of start-up (scripts/gen-dlopen-wrappers.py generates both targets;
        // their headers, from libgdal-dev and coinor-libcbc-dev, stay a build dependency).
        .target(name: "CGDAL", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        .target(name: "CCbc", linkerSettings: [.linkedLibrary("dl"), .linkedLibrary("pthread")]),
        .target(
            name: "COsmium",
            cxxSettings: [.unsafeFlags(["-std=c++17"])],
            linkerSettings: [
                .linkedLibrary("z"), .linkedLibrary("bz2"),
                .linkedLibrary("expat"), .linkedLibrary("pthread"),
            ]
        ),
        .target(name: "GeoCore", dependencies: ["CProj", "CGEOS"]),
        .target(
            name: "RoadNetwork",
            dependencies: [
                "GeoCore", "GeoIO", "COsmium",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "Facilities", dependencies: ["GeoCore"]),
        .target(name: "GeoIO", dependencies: ["GeoCore", "CGDAL"]),
        .target(name: "Demand", dependencies: ["GeoCore", "RoadNetwork"]),
        .target(name: "Coverage", dependencies: ["RoadNetwork", "GeoCore", "GeoIO", "Facilities"]),
        .target(
            name: "Planner",
            dependencies: [
                "RoadNetwork", "GeoCore", "CCbc",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(
            name: "Reports",
            dependencies: ["GeoCore", "RoadNetwork", "Coverage", "Planner", "Facilities"],
            resources: [
                .embedInCode("Resources/report.html"),
                .embedInCode("Resources/report.css"),
                .embedInCode("Resources/report.js"),
            ]
        ),
        .executableTarget(
            name: "NuanxinCLI",
            dependencies: [
                "GeoCore", "RoadNetwork", "Coverage", "Planner", "Reports", "Facilities", "GeoIO", "Demand",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The release binary links the Swift runtime and Foundation statically: the dynamic
            // loader's relocations of those libraries cost every process ~11 ms of start-up
            // (README "Start-up time"). Linux only: Apple platforms ship the runtime with the system.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
        ),
        // Seeded mutation fuzzer over the readers and the option parser
        // (Tests/Fixtures/fuzz/README.md); `make test` runs it for 30 s.
        .executableTarget(name: "nuanxin-fuzz", dependencies: ["GeoCore", "RoadNetwork"], path: "Sources/NuanxinFuzz"),
        // Shared by the test targets only: the seeded RNG, the geodata lookup, temporary folders.
        .target(name: "TestSupport", dependencies: ["GeoCore", "RoadNetwork"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "RoadNetworkTests", dependencies: ["RoadNetwork", "GeoCore", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "Facilities", "RoadNetwork", "GeoCore", "TestSupport"]),
        // PlannerTests also import Coverage: they check the network matrix against the audit engine.
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "Coverage", "RoadNetwork", "GeoCore", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "Planner", "Coverage", "RoadNetwork", "GeoCore", "TestSupport"]),
        .testTarget(name: "FacilitiesTests", dependencies: ["Facilities", "GeoCore"]),
        .testTarget(name: "NuanxinCLITests", dependencies: ["GeoCore", "TestSupport"]),
        .testTarget(name: "GeoIOTests", dependencies: ["GeoIO", "GeoCore"], exclude: ["Fixtures"]),
        .testTarget(name: "DemandTests", dependencies: ["Demand", "GeoCore"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
