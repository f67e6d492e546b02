import ArgumentParser
import GeoCore

/// The `nuanxin` command: service-coverage analysis for 暖新 stations.
@main
struct Nuanxin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nuanxin",
        abstract: "15-minute service circles, coverage audits and station planning on real road networks.",
        version: "0.1.0",
        subcommands: [PlanCommand.self]
    )
}
