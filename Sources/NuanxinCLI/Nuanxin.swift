import ArgumentParser
import Foundation
import GeoCore

/// The `nuanxin` command: service-coverage analysis for 暖新 stations.
///
/// `main()` is custom so that every failure is one line on stderr,
/// `nuanxin: error: <message>`, with a non-zero exit status. Usage and
/// validation errors keep ArgumentParser's message and usage text (exit 64).
@main
struct Nuanxin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nuanxin",
        abstract: "15-minute service circles, coverage audits and station planning on real road networks.",
        version: "0.1.0",
        subcommands: [
            ReachCommand.self,
            AuditCommand.self,
            PlanCommand.self,
            ReportCommand.self,
            NetworkCommand.self,
            RouteCommand.self,
            ConvertCommand.self,
            HotspotsCommand.self,
            InspectCommand.self,
        ]
    )

    /// Parses the arguments, runs the chosen subcommand and turns any error into one stderr line.
    static func main() async {
        let command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error where error is CleanExit || error is ValidationError || error is ExitCode
            || exitCode(for: error) != .failure {  // also `--help`, which ArgumentParser throws from run()
            exit(withError: error)
        } catch {
            failWithOneLine(error)
        }
    }

    /// Prints `nuanxin: error: <message>` on stderr and exits with status 1.
    static func failWithOneLine(_ error: Error) -> Never {
        let message = String(describing: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        FileHandle.standardError.write(Data("nuanxin: error: \(message)\n".utf8))
        Foundation.exit(1)
    }
}
