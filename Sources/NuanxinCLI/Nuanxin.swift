import ArgumentParser
import Coverage
import Foundation
import GeoCore
import Reports
import RoadNetwork

/// The `nuanxin` command: service-coverage analysis for 暖新 stations.
///
/// `main()` is custom so that every failure is one line on stderr,
/// `nuanxin: error: <message>`: usage and validation errors (bad option,
/// bad value, an output that is an input) exit 64, failures of the run 1,
/// SIGINT/SIGTERM 130/143.
@main
struct Nuanxin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nuanxin",
        abstract: "15-minute service areas, coverage audits and station planning on real road networks.",
        discussion: """
            Errors are one line on stderr naming the file as given and the place: GeoJSON features \
            counted from 1 (feature 1 is the first), CSV lines from 1 (line 1 is the header), JSON \
            syntax errors by line and column. Exit status: 0 success, 1 failed run, 64 usage error \
            (bad option or value, an output that is an input), 130/143 interrupted (SIGINT/SIGTERM); \
            outputs are renamed into place only when all are complete.
            """,
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

    /// Parses the arguments, runs the chosen subcommand and turns any error into one stderr line:
    /// usage errors exit 64 (`UsageLine`), failures of the run exit 1, SIGINT/SIGTERM 130/143
    /// (`OutputTransaction` removes the temporaries of unfinished outputs).
    static func main() async {
        OutputTransaction.installSignalHandlers()
        let command: ParsableCommand
        do {
            command = try parseAsRoot(UsageLine.joinNegativeValues(Array(CommandLine.arguments.dropFirst())))
        } catch {
            failParsing(error)
        }
        do {
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var syncCommand = command
                try syncCommand.run()
            }
        } catch let error
            where error is CleanExit || error is ValidationError || error is ExitCode
            || exitCode(for: error) != .failure
        {  // also `--help`, which ArgumentParser throws from run()
            failParsing(error)
        } catch {
            failWithOneLine(error)
        }
    }

    /// Help, version and explicit exit codes as ArgumentParser does them; usage errors as one line, exit 64.
    static func failParsing(_ error: Error) -> Never {
        if error is CleanExit || error is ExitCode || exitCode(for: error) == .success {
            exit(withError: error)
        }
        UsageLine.fail(error)
    }

    /// Prints `nuanxin: error: <message>` on stderr and exits with status 1.
    static func failWithOneLine(_ error: Error) -> Never {
        let message = cliDescription(of: error)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
        FileHandle.standardError.write(Data("nuanxin: error: \(message)\n".utf8))
        Foundation.exit(1)
    }

    /// The library's `error` in the command line's words: where a library message gives a neutral
    /// hint (the snapping limit, the input datum, a layer, a column mapping, …), the CLI names its options
    /// (`settingAdvice`).
    static func cliDescription(of error: Error) -> String {
        switch error {
        case let share as UnroutableShareError:
            return "\(share.summary); check --crs (AMap/Tencent points are gcj02, Baidu bd09: 300–600 m off) or raise --max-snap"
        case ReachError.noRoutableStation(let count, let maxSnap) where count > 0:
            return "none of the \(count) stations is within --max-snap \(Int(maxSnap)) m of a usable road (listed above); "
                + "check their coordinates and --crs, or raise --max-snap"
        case let same as SameFileError:
            return OutputFileCheck.cliText(same)
        case let district as DistrictError
        where district.kind == .missingName && district.message.hasSuffix(DistrictReader.nameFieldAdvice):
            var cli = district
            cli.message =
                district.message.dropLast(DistrictReader.nameFieldAdvice.count) + "choose the name property with --district-name-field"
            return cli.description
        default:
            return settingAdvice(of: error) ?? String(describing: error)
        }
    }
}
