import Foundation
import Testing

@testable import GeoCore

@Suite struct ProjectionTests {
    @Test func guangzhouRoundTripThroughCGCS2000GaussKruger() throws {
        let guangzhou = Coordinate(lon: 113.2644, lat: 23.1291)
        let epsg = MetricCRS.epsg(for: guangzhou)
        #expect(epsg == 4547)  // CGCS2000 / 3-degree GK CM 114E
        let p = try Projection(from: "EPSG:4326", to: "EPSG:\(epsg)")
        let planar = try p.forward([guangzhou])
        #expect(abs(planar[0].x - 500_000) < 80_000)  // no zone prefix, near CM
        let back = try p.inverse(planar)
        let again = try p.forward(back)
        #expect(abs(again[0].x - planar[0].x) < 0.001)
        #expect(abs(again[0].y - planar[0].y) < 0.001)
        #expect(abs(back[0].lon - guangzhou.lon) < 1e-8)
        #expect(abs(back[0].lat - guangzhou.lat) < 1e-8)
    }

    @Test func chengduUsesZoneCM105() {
        #expect(MetricCRS.epsg(for: Coordinate(lon: 104.08, lat: 30.69)) == 4544)
    }

    @Test func outsideChinaUsesUTM() {
        #expect(MetricCRS.epsg(for: Coordinate(lon: 13.4, lat: 52.5)) == 32633)
        #expect(MetricCRS.epsg(for: Coordinate(lon: -58.4, lat: -34.6)) == 32721)
    }

    @Test func invalidEPSGThrowsWithPROJMessage() {
        #expect(throws: ProjectionError.self) { try Projection(fromEPSG: 4326, toEPSG: 999_999) }
        do {
            _ = try Projection(fromEPSG: 4326, toEPSG: 999_999)
        } catch let error as ProjectionError {
            #expect(error.message.contains("999999") || error.message.lowercased().contains("crs"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func nonFiniteResultIsAnError() throws {
        let p = try Projection(from: "EPSG:4326", to: "EPSG:4544")
        #expect(throws: ProjectionError.self) { try p.forward([Coordinate(lon: .nan, lat: 30)]) }
    }
}

@Suite struct FormatFixedTests {
    @Test func matchesPrintfOnTheRoundedValue() {
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let value = (Double(state >> 11) / Double(UInt64(1) << 53) - 0.5) * 400
            for decimals in [0, 1, 3, 7] {
                var scale = 1.0
                for _ in 0..<decimals { scale *= 10 }
                var rounded = (value * scale).rounded() / scale
                if rounded == 0 { rounded = 0 }
                #expect(formatFixed(value, decimals: decimals) == String(format: "%.\(decimals)f", rounded))
            }
        }
    }

    @Test func handCheckedValues() {
        #expect(formatFixed(104.0421, decimals: 7) == "104.0421000")
        #expect(formatFixed(-0.00000001, decimals: 7) == "0.0000000")
        #expect(formatFixed(-0.05, decimals: 1) == "-0.1")
        #expect(formatFixed(0.04, decimals: 1) == "0.0")
        #expect(formatFixed(-3.25, decimals: 0) == "-3")
        #expect(formatFixed(2.5, decimals: 0) == "3")
        #expect(formatFixed(0.000123, decimals: 5) == "0.00012")
        #expect(formatFixed(1e20, decimals: 1) == "100000000000000000000.0")
    }
}
