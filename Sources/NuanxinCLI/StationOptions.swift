import ArgumentParser
import Coverage
import Facilities
import Foundation
import GeoCore
import Reports
import RoadNetwork

extension TravelDirection: ExpressibleByArgument {}

/// `--service NAME` and `--at "Mo 22:30"`: only the stations offering the
/// service and open at that moment count (issue 15). Use with
/// `@OptionGroup var stationFilter: StationFilterOptions`.
struct StationFilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only stations offering this service count: rest, water, toilet, charging, first_aid, microwave, storage, repair, feedback, exchange.",
            valueName: "NAME"))
    var service: String?

    @Option(
        help: ArgumentHelp(
            "Only stations open at this moment of a typical week count: \"Mo 22:30\", or \"22:30\" for a weekday (Wednesday).",
            valueName: "TIME"))
    var at: String?

    /// The filter, or a usage error naming the option.
    func filter() throws -> StationFilter {
        do { return try StationFilter(service: service, at: at) } catch { throw ValidationError(error.cliText) }
    }

    /// Reads the attributes of `sites` (from `file`), prints the defaults
    /// used on stderr (one line per group, silenced by `--quiet`) and applies
    /// the filter; an input error naming the file and the feature otherwise.
    func select(_ sites: [SitePoint], file: String, role: String, progress: ProgressLog) throws -> StationSelection {
        let selection = try StationSelection(sites: sites, file: file, role: role, filter: try filter())
        for line in selection.defaultLines { progress.report(line) }
        return selection
    }
}

/// `--direction to-station|from-station`.
struct DirectionOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Which way times run: to-station (a rider riding to the station, on the reversed graph; the default) or from-station (from the station outwards, as before).",
            valueName: "DIR"))
    var direction: TravelDirection = .defaultDirection
}

/// `--hotspot-walk on|off`, for the commands that time hotspots.
struct HotspotWalkOption: ParsableArguments {
    @Option(
        name: .customLong("hotspot-walk"),
        help: ArgumentHelp(
            "Whether a hotspot's walk to its road counts in its time (on, the default: door to door at both ends) or not (off).",
            valueName: "on|off"))
    var hotspotWalk: OnOff = .on

    /// True when the hotspot's walk counts.
    var isOn: Bool { hotspotWalk == .on }
}

/// `on` or `off`.
enum OnOff: String, ExpressibleByArgument, Sendable {
    case on, off
}

/// `plan`'s station options (issue 15): `--service NAME` (stations and
/// candidates without it do not count), `--hours A-B` and `--at TIME`
/// (repeatable): plan over those hours, and `--direction`, `--hotspot-walk`.
struct PlanHoursOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only stations and candidates offering this service count (see reach --help).", valueName: "NAME"))
    var service: String?

    @Option(
        help: ArgumentHelp(
            "coverage: maximise coverage summed over the weekday hours A..B-1 (e.g. 0-24); a site counts only in its open hours.",
            valueName: "A-B"))
    var hours: String?

    @Option(
        help: ArgumentHelp(
            "coverage: plan over this moment (\"Mo 22:30\", or \"22:30\" for a weekday); repeat for several.", valueName: "TIME"))
    var at: [String] = []

    @OptionGroup var travel: DirectionOption

    @OptionGroup var walk: HotspotWalkOption

    /// The service filter (no `--at`: hours are planned over, not filtered).
    func filter() throws -> StationFilter {
        do { return try StationFilter(service: service, at: nil) } catch { throw ValidationError(error.cliText) }
    }

    /// The hours planned over, nil for a plan without hours.
    func planningHours() throws -> PlanningHours? {
        do { return try PlanningHours(hours: hours, at: at) } catch { throw ValidationError(error.cliText) }
    }

    /// Checks the values; hours need the coverage objective.
    func validate(isCoverage: Bool) throws {
        _ = try filter()
        if try planningHours() != nil && !isCoverage {
            throw ValidationError("--hours and --at plan coverage over hours; use them with --objective coverage")
        }
    }
}
