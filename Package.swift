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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CProj", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
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
                "GeoCore", "COsmium",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .target(name: "Coverage", dependencies: ["RoadNetwork", "GeoCore"]),
        .target(
            name: "Planner",
            dependencies: [
                "RoadNetwork", "GeoCore", "CCbc",
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .executableTarget(
            name: "NuanxinCLI",
            dependencies: [
                "GeoCore", "RoadNetwork", "Coverage", "Planner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GeoCoreTests", dependencies: ["GeoCore"]),
        .testTarget(name: "RoadNetworkTests", dependencies: ["RoadNetwork", "GeoCore"], exclude: ["Fixtures"]),
        .testTarget(name: "CoverageTests", dependencies: ["Coverage", "RoadNetwork", "GeoCore"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "RoadNetwork", "GeoCore", "Coverage"]),
        .testTarget(name: "NuanxinCLITests", dependencies: ["GeoCore"]),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
