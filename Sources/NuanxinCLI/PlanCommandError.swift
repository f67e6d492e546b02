/// Mistakes around `nuanxin plan` that are about files and options rather than the instance's content.
enum PlanCommandError: Error, CustomStringConvertible {
    /// The instance file could not be read.
    case cannotRead(file: String, reason: String)
    /// The objective needs a number of sites and neither `--p` nor the file gives one.
    case missingSiteCount(file: String, objective: String)
    /// A point file the network mode needs points from holds none.
    case noPoints(file: String, what: String)
    /// No candidate is left once unroutable ones and those at a station are left out.
    case noCandidateLeft(file: String, given: Int)

    var description: String {
        switch self {
        case .cannotRead(let file, let reason):
            return "\(file): cannot read (\(reason)); check the path and permissions"
        case .missingSiteCount(let file, let objective):
            return "\(file): \(objective) needs a number of new sites; pass --p P"
        case .noPoints(let file, let what):
            return "\(file): holds no points; plan needs at least one of the \(what)"
        case .noCandidateLeft(let file, let given):
            return
                "\(file): none of the \(given) candidates is usable (each is unroutable or at an existing station; stderr lists why); give other candidates or raise --max-snap"
        }
    }
}
