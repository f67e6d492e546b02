import ArgumentParser
import Foundation
import GeoCore

/// Usage errors as one line, `nuanxin: error: --OPTION: VALUE …why… (e.g. …)`, exit status 64
/// (EX_USAGE from sysexits.h), and the argument rewriting that lets negative numbers be option values.
enum UsageLine {
    /// The exit status of every usage error (bad option, bad value, missing option, same file twice).
    static let exitCode: Int32 = 64

    /// Joins `--option -5` into `--option=-5`, so that a negative number after a space is read as
    /// the option's value (ArgumentParser would take `-5` for an option and say "Missing value").
    /// Only a token that is a number (`-5`, `-0.5`, `-1e3`) or starts like a coordinate pair
    /// (`-73.9,40.7`) is joined; everything after `--` is left alone.
    static func joinNegativeValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token == "--" {
                result += arguments[index...]
                break
            }
            if token.hasPrefix("--"), !token.contains("="), index + 1 < arguments.count,
                looksNegativeNumber(arguments[index + 1])
            {
                result.append(token + "=" + arguments[index + 1])
                index += 2
                continue
            }
            result.append(token)
            index += 1
        }
        return result
    }

    private static func looksNegativeNumber(_ token: String) -> Bool {
        guard token.hasPrefix("-"), token.count > 1 else { return false }
        let first = token.split(separator: ",", omittingEmptySubsequences: false)[0]
        return Double(first) != nil
    }

    /// The one line for a usage error: ArgumentParser's first message line without "Error: ", with
    /// a reason for values that did not parse (`The value 'x' is invalid for '--opt <v>'`).
    static func message(for error: Error) -> String {
        let full = Nuanxin.fullMessage(for: error)
        var line = full.split(whereSeparator: \.isNewline).first.map(String.init) ?? full
        if line.hasPrefix("Error: ") { line.removeFirst("Error: ".count) }
        if let (value, option) = invalidValue(line) {
            return "\(option): \(value) \(explain(option: option, value: value))"
        }
        return line
    }

    /// Prints the line on stderr and exits 64.
    static func fail(_ error: Error) -> Never {
        FileHandle.standardError.write(Data("nuanxin: error: \(message(for: error))\n".utf8))
        exit(exitCode)
    }

    /// `("20,12", "--speed-band")` from `The value '20,12' is invalid for '--speed-band <speed-band>'`.
    private static func invalidValue(_ line: String) -> (String, String)? {
        guard line.hasPrefix("The value '"), let forRange = line.range(of: "' is invalid for '") else { return nil }
        let value = String(line[line.index(line.startIndex, offsetBy: 11)..<forRange.lowerBound])
        let rest = line[forRange.upperBound...]
        let option = rest.split(separator: " ").first.map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'")) } ?? ""
        return (value, option)
    }

    /// Why `value` is not a valid `option`, with an example.
    static func explain(option: String, value: String) -> String {
        let numbers = value.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        switch option {
        case "--speed-band":
            guard numbers.count == 2, let low = numbers[0], let high = numbers[1] else {
                return "is not two speeds LOW,HIGH in km/h (e.g. --speed-band 12,20)"
            }
            if let problem = InputLimits.speedKmh.problem(low) ?? InputLimits.speedKmh.problem(high) {
                return "\(problem) (e.g. --speed-band 12,20)"
            }
            return
                "must be LOW,HIGH with LOW below HIGH, got \(NumericLimit.plain(low)) ≥ \(NumericLimit.plain(high)) (e.g. --speed-band \(NumericLimit.plain(min(low, high))),\(NumericLimit.plain(max(low, high))))"
        case "--from", "--to", "--point":
            guard numbers.count == 2, let lon = numbers[0], let lat = numbers[1] else {
                return "is not LON,LAT, two numbers separated by a comma (e.g. \(option) 104.0657,30.6595)"
            }
            let problem = Coordinate(lon: lon, lat: lat).rangeProblem.map { "\($0)" } ?? "is not a valid position"
            return "\(problem) (e.g. \(option) 104.0657,30.6595)"
        case "--minutes":
            return "is not a number of minutes, or a comma-separated list of them (e.g. --minutes 5,10,15)"
        case "--crs", "--from-crs", "--to-crs", "--crs-out":
            return "is not a datum; use wgs84, gcj02 or bd09 (e.g. \(option) gcj02)"
        default:
            return "is not a valid value for \(option) (see nuanxin help)"
        }
    }
}

/// Checks an option's number against its documented range (`InputLimits`), the same in every command.
/// - Throws: `ValidationError("--minutes: -5 is out of range: must be more than 0 and at most 600 minutes (e.g. --minutes 15)")`.
func checkOption(_ option: String, _ value: Double, _ limit: NumericLimit) throws {
    if let problem = limit.problem(value) {
        throw ValidationError("\(option): \(NumericLimit.plain(value)) \(problem) (e.g. \(option) \(limit.example))")
    }
}
