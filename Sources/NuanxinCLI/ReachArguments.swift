import ArgumentParser
import Foundation
import GeoCore

/// `--minutes 5,10,15`: travel times in minutes, as given.
struct MinuteList: ExpressibleByArgument, Equatable {
    /// The values in the order given.
    var values: [Double]

    init?(argument: String) {
        let parsed = argument.split(separator: ",", omittingEmptySubsequences: false)
            .map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !parsed.isEmpty, parsed.allSatisfy({ $0 != nil }) else { return nil }
        values = parsed.map { $0! }
    }

    var defaultValueDescription: String { values.map { formatMinutes($0) }.joined(separator: ",") }

    /// The values sorted ascending.
    /// - Throws: `ValidationError` for a value that is not positive, or a repeat.
    func ascending() throws -> [Double] {
        let sorted = values.sorted()
        for value in values { try checkOption("--minutes", value, InputLimits.minutes) }
        for index in sorted.indices.dropFirst() where sorted[index] == sorted[index - 1] {
            throw ValidationError("--minutes: \(formatMinutes(sorted[index])) is listed twice; list each travel time once")
        }
        return sorted
    }
}

/// A minute value as typed: `15`, `7.5`.
func formatMinutes(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
