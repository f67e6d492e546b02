/// Mistakes around `nuanxin plan` that are about files and options rather than the instance's content.
enum PlanCommandError: Error, CustomStringConvertible {
    /// The instance file could not be read.
    case cannotRead(file: String, reason: String)
    /// The result file could not be written.
    case cannotWrite(file: String, reason: String)
    /// The objective needs a number of sites and neither `--p` nor the file gives one.
    case missingSiteCount(file: String, objective: String)

    var description: String {
        switch self {
        case .cannotRead(let file, let reason):
            return "\(file): cannot read (\(reason)); check the path and permissions"
        case .cannotWrite(let file, let reason):
            return "\(file): cannot write (\(reason)); check that the folder exists and is writable"
        case .missingSiteCount(let file, let objective):
            return "\(file): \(objective) needs a number of new sites; pass --p P"
        }
    }
}
