// swift-tools-version: 6.1
// Open-siting measurement on the demo city (release build): `swift run -c release OpenSitingMeasure [cache-dir] [--forward] [--exact] [--more]`.
// A separate package so the main one stays unchanged; it uses the checkout two levels up.
import Foundation
import PackageDescription

let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let identity = root.lastPathComponent.lowercased()

let package = Package(
    name: "open-siting-measure",
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "OpenSitingMeasure",
            dependencies: [
                .product(name: "Planner", package: identity), .product(name: "RoadNetwork", package: identity),
                .product(name: "GeoCore", package: identity),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
