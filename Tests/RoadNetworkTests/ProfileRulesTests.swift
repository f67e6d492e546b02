import Testing

@testable import RoadNetwork

/// One row of the rules: tags, and what each profile may do there.
struct ProfileRuleCase: Sendable, CustomTestStringConvertible {
    var tags: [String: String]
    var ebike: WayUse?
    var walk: WayUse?

    var testDescription: String { tags.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
}

private let both = WayUse(forward: true, backward: true, walked: false)
private let forwardOnly = WayUse(forward: true, backward: false, walked: false)
private let backwardOnly = WayUse(forward: false, backward: true, walked: false)
private let pushed = WayUse(forward: true, backward: true, walked: true)

private func row(_ tags: [String: String], ebike: WayUse?, walk: WayUse?) -> ProfileRuleCase {
    ProfileRuleCase(tags: tags, ebike: ebike, walk: walk)
}

@Suite struct ProfileRulesTests {
    static let oneWay: [ProfileRuleCase] = [
        row(["highway": "residential"], ebike: both, walk: both),
        row(["highway": "residential", "oneway": "yes"], ebike: forwardOnly, walk: both),
        row(["highway": "residential", "oneway": "1"], ebike: forwardOnly, walk: both),
        row(["highway": "residential", "oneway": "true"], ebike: forwardOnly, walk: both),
        row(["highway": "residential", "oneway": "no"], ebike: both, walk: both),
        row(["highway": "residential", "oneway": "-1"], ebike: backwardOnly, walk: both),
        row(["highway": "primary", "oneway": "reversible"], ebike: nil, walk: both),
        row(["highway": "residential", "oneway": "yes", "oneway:bicycle": "no"], ebike: both, walk: both),
        row(["highway": "residential", "oneway:bicycle": "yes"], ebike: forwardOnly, walk: both),
        row(["highway": "residential", "oneway": "yes", "cycleway": "opposite"], ebike: both, walk: both),
        row(["highway": "residential", "oneway": "yes", "cycleway": "opposite_lane"], ebike: both, walk: both),
        row(["highway": "secondary", "oneway": "yes", "cycleway:left": "opposite_track"], ebike: both, walk: both),
        row(["highway": "secondary", "oneway": "yes", "cycleway:right": "lane"], ebike: forwardOnly, walk: both),
        row(
            ["highway": "secondary", "oneway": "yes", "cycleway:left": "lane", "cycleway:left:oneway": "no"],
            ebike: both, walk: both),
        row(["highway": "tertiary", "junction": "roundabout"], ebike: forwardOnly, walk: both),
        row(["highway": "tertiary", "junction": "circular"], ebike: forwardOnly, walk: both),
        row(["highway": "tertiary", "junction": "roundabout", "oneway": "no"], ebike: both, walk: both),
    ]

    static let kindsAndAccess: [ProfileRuleCase] = [
        row(["highway": "motorway"], ebike: nil, walk: nil),
        row(["highway": "motorway_link", "bicycle": "yes"], ebike: nil, walk: nil),
        row(["highway": "motorway", "foot": "yes"], ebike: nil, walk: both),
        row(["highway": "trunk"], ebike: nil, walk: nil),
        row(["highway": "trunk_link"], ebike: nil, walk: nil),
        row(["highway": "trunk", "cycleway": "track"], ebike: both, walk: nil),
        row(["highway": "trunk_link", "cycleway:both": "lane", "oneway": "yes"], ebike: forwardOnly, walk: nil),
        row(["highway": "trunk", "cycleway": "no"], ebike: nil, walk: nil),
        row(["highway": "trunk", "cycleway": "separate"], ebike: nil, walk: nil),
        row(["highway": "trunk", "bicycle": "designated"], ebike: both, walk: nil),
        row(["highway": "trunk", "foot": "yes"], ebike: nil, walk: both),
        row(["highway": "primary", "bicycle": "no"], ebike: nil, walk: both),
        row(["highway": "primary", "bicycle": "use_sidepath"], ebike: nil, walk: both),
        row(["highway": "primary", "bicycle": "dismount"], ebike: pushed, walk: both),
        row(["highway": "service", "access": "private"], ebike: nil, walk: nil),
        row(["highway": "service", "access": "no"], ebike: nil, walk: nil),
        row(["highway": "service", "access": "private", "bicycle": "yes"], ebike: both, walk: nil),
        row(["highway": "service", "access": "private", "bicycle": "designated"], ebike: both, walk: nil),
        row(["highway": "service", "access": "no", "foot": "yes"], ebike: nil, walk: both),
        row(["highway": "service", "access": "destination"], ebike: both, walk: both),
        row(["highway": "service", "vehicle": "no"], ebike: nil, walk: both),
        row(["highway": "service", "access": "no", "vehicle": "yes"], ebike: both, walk: nil),
        row(["highway": "residential", "motor_vehicle": "no"], ebike: both, walk: both),
        row(["highway": "cycleway"], ebike: both, walk: both),
        row(["highway": "cycleway", "foot": "no"], ebike: both, walk: nil),
        row(["highway": "living_street"], ebike: both, walk: both),
        row(["highway": "track"], ebike: both, walk: both),
    ]

    static let pushedAndSkipped: [ProfileRuleCase] = [
        row(["highway": "footway"], ebike: pushed, walk: both),
        row(["highway": "pedestrian"], ebike: pushed, walk: both),
        row(["highway": "steps"], ebike: pushed, walk: both),
        row(["highway": "path"], ebike: pushed, walk: both),
        row(["highway": "footway", "oneway": "yes"], ebike: pushed, walk: both),
        row(["highway": "footway", "bicycle": "yes"], ebike: both, walk: both),
        row(["highway": "pedestrian", "bicycle": "designated", "oneway": "yes"], ebike: forwardOnly, walk: both),
        row(["highway": "path", "foot": "no"], ebike: pushed, walk: nil),
        row(["highway": "pedestrian", "area": "yes"], ebike: nil, walk: nil),
        row(["highway": "residential", "area": "yes"], ebike: nil, walk: nil),
        row(["highway": "construction"], ebike: nil, walk: nil),
        row(["highway": "proposed"], ebike: nil, walk: nil),
        row(["highway": "platform"], ebike: nil, walk: nil),
        row(["building": "yes"], ebike: nil, walk: nil),
    ]

    @Test(arguments: oneWay + kindsAndAccess + pushedAndSkipped)
    func rule(_ c: ProfileRuleCase) {
        #expect(ProfileRules.use(of: c.tags, by: .ebike) == c.ebike)
        #expect(ProfileRules.use(of: c.tags, by: .walk) == c.walk)
    }

    /// The importer keeps only `tagKeys` on ways, so a key the rules read but
    /// the list lacks would silently never match in real files.
    @Test func everyKeyTheRulesReadIsKeptByTheImporter() {
        let used = Set((Self.oneWay + Self.kindsAndAccess + Self.pushedAndSkipped).flatMap(\.tags.keys))
        let notRead: Set<String> = ["motor_vehicle", "building"]  // cases showing they change nothing
        let untested: Set<String> = ["cycleway:right:oneway", "cycleway:both:oneway"]  // same code path as :left
        // Read by `ProfileRules.isGradeSeparated`, tested in SnapRulesTests.
        let gradeSeparation: Set<String> = ["tunnel", "covered", "layer"]
        #expect(
            used.subtracting(notRead)
                == Set(ProfileRules.tagKeys).subtracting(untested).subtracting(gradeSeparation))
    }

    @Test func walkedEdgesKeepWalkingSpeedWhenRetimed() throws {
        let graph = try OSMFixture.fullGraph("footway.osm", .ebike)
        let faster = graph.retimed(cruiseSpeedKmh: 20)
        let ridden = try #require(graph.osmEdge(1, 2))
        let walked = try #require(graph.osmEdge(2, 3))
        #expect(abs(Double(faster.seconds[ridden]) - graph.meters(ridden) / (20 / 3.6)) < 1e-3)
        #expect(faster.seconds[walked] == graph.seconds[walked])
    }
}
