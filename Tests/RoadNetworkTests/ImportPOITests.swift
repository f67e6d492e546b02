import GeoCore
import Testing

@testable import RoadNetwork

@Suite struct ImportPOITests {
    @Test func nodesAndWayCentroidsWithAKnownKind() throws {
        let extract = try OSMExtract(reading: OSMFixture.path("pois-no-roads.osm"))
        let pois = OSMPOI.from(extract.pois)
        #expect(pois.map(\.id) == ["n1", "n3", "n4", "w700", "w701"])  // the bench n2 is no kind
        #expect(pois.map(\.kind) == [.bank, .convenience, .townhall, .mall, .residentialBuilding])
        #expect(pois[0].name == "中国银行")
        #expect(pois[1].name == "全家")  // from name:zh
        #expect(pois[2].tags == ["office": "government", "amenity": "townhall"])
        let mall = pois[3].coordinate
        #expect(abs(mall.lon - 104.061) < 1e-9 && abs(mall.lat - 30.661) < 1e-9)
        let building = pois[4].coordinate
        #expect(abs(building.lon - 104.064) < 1e-9 && abs(building.lat - 30.661) < 1e-9)
        #expect(pois[4].name == nil)
    }

    @Test func loaderReturnsThePOIsOfARoadFile() throws {
        let network = try NetworkLoader.importNetwork(path: OSMFixture.path("river.osm"), profile: .walk)
        #expect(network.pois.map(\.id) == ["n30", "w406"])
        #expect(network.pois[0].kind == .pharmacy && network.pois[0].name == "益丰大药房")
        #expect(network.pois[0].tags["opening_hours"] == "24/7")
        #expect(network.pois[1].kind == .hotel && network.pois[1].name == "锦江之星")
        #expect(abs(network.pois[1].coordinate.lon - 104.0665) < 1e-9)
        #expect(abs(network.pois[1].coordinate.lat - 30.66125) < 1e-9)
    }
}
