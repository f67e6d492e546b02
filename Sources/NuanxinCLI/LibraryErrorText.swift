import Coverage
import Demand
import Facilities
import GeoIO
import RoadNetwork

// The command line's wording of library errors whose advice is a setting: the libraries say what to
// change in neutral words ("choose the layer to read"); here the advice names the option that sets it.

extension GeoIOError {
    /// The error with its advice naming `--layer`, `--fields` or `--out-layer`, and a column-mapping
    /// or datum-per-input source named `--fields` or `--crs-for`.
    var cliText: String {
        var error = self
        switch source {
        case FieldMapping.settingName: error.source = "--fields"
        case PointFormats.datumSettingName: error.source = "--crs-for"
        default: break
        }
        guard let advice else { return error.summary }
        let text =
            switch advice {
            case .chooseLayer: "choose one with --layer NAME"
            case .mapCoordinateColumns: "map them with --fields lon=COLUMN,lat=COLUMN"
            case .nameOutputLayer: "give --out-layer NAME"
            case .checkColumnMapping: "check --fields"
            }
        return "\(error.summary); \(text)"
    }
}

extension StationSelectionError {
    /// The error with its advice naming `--service` and `--at`.
    var cliText: String {
        guard let advice else { return message }
        let text =
            switch advice {
            case .chooseAnotherFilter: "choose another --service or --at, or add the attribute to the file"
            case .chooseAnotherService: "choose another --service"
            }
        return "\(message); \(text)"
    }
}

extension StationFilterError {
    /// `--service: …`, `--at: …` or `--hours: …`.
    var cliText: String {
        let option =
            switch value {
            case .service: "--service"
            case .moment: "--at"
            case .hours: "--hours"
            }
        return "\(option): \(reason)"
    }
}

extension HotspotError {
    /// The error with its advice naming `--hours` and `--fields`.
    var cliText: String {
        guard let advice else { return summary }
        let text =
            switch advice {
            case .mapTimeColumn: "--hours needs a time column (time/时间/下单时间, or map one with --fields time=COLUMN)"
            }
        return "\(summary); \(text)"
    }
}

extension Nuanxin {
    /// The command line's wording of a library error whose advice is a setting (see the extensions
    /// above), nil for any other error.
    static func settingAdvice(of error: Error) -> String? {
        switch error {
        case let io as GeoIOError:
            return io.cliText
        case let selection as StationSelectionError:
            return selection.cliText
        case let filter as StationFilterError:
            return filter.cliText
        case let hotspot as HotspotError:
            return hotspot.cliText
        case ReachError.noMinutes:
            return "give at least one travel time in minutes, e.g. --minutes 5,10,15"
        case NetworkLoadError.fileNotFound(let path):
            return "\(path): no such file; give an OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2) with --network"
        case NetworkLoadError.cacheDirectoryUnusable(let path, let reason):
            let reason = reason.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "\(path): cannot use this cache folder (\(reason)); give a writable folder with --cache"
        default:
            return nil
        }
    }
}
