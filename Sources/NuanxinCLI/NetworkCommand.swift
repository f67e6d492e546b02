import ArgumentParser
import Foundation
import RoadNetwork

/// `nuanxin network`: import an OSM extract and look at the routable network.
struct NetworkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract: "Import an OpenStreetMap extract into a routable road network and inspect or export it.",
        subcommands: [NetworkInfoCommand.self, NetworkExportCommand.self]
    )
}

/// The travel profile as a command-line value.
enum NetworkProfileArgument: String, CaseIterable, ExpressibleByArgument {
    case ebike
    case walk

    /// The library's profile.
    var profile: TravelProfile {
        switch self {
        case .ebike: .ebike
        case .walk: .walk
        }
    }
}

/// Options every `network` subcommand takes.
struct NetworkInputOptions: ParsableArguments {
    @Option(name: .long, help: "OpenStreetMap extract (.osm.pbf, .osm or .osm.bz2).")
    var network: String

    @Option(name: .long, help: "Travel profile: ebike or walk.")
    var profile: NetworkProfileArgument = .ebike

    @Option(name: .long, help: "Folder for the binary network cache (default: beside the input).")
    var cache: String?

    @Flag(name: .long, help: "Print no progress lines.")
    var quiet = false

    /// Loads the network, printing progress to standard error unless quiet.
    func load() throws -> LoadedNetwork {
        let progress: ((String) -> Void)? = quiet ? nil : { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        return try NetworkLoader.load(
            path: network, profile: profile.profile, cacheDirectory: cache, progress: progress)
    }
}
