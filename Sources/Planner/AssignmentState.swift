/// The open candidate set and, for every demand, its cheapest and second-cheapest option
/// (an open candidate or the base cost): the bookkeeping behind incremental gains.
struct AssignmentState {
    let model: CostModel
    /// Whether each candidate is open.
    private(set) var isOpen: [Bool]
    /// Open candidates; a candidate's position here is its slot.
    private(set) var openSites: [Int]
    /// Slot of each candidate, -1 when closed.
    private(set) var slotOf: [Int]
    /// Cheapest option of each demand.
    private(set) var best: [Double]
    /// Candidate giving `best`, -1 when it is the base cost.
    private(set) var bestSite: [Int32]
    /// Second-cheapest option of each demand when `bestSite` is a candidate (otherwise equals `best`).
    private(set) var second: [Double]

    /// Opens `open` (in that slot order) and assigns every demand.
    /// - Complexity: O(pairs).
    init(model: CostModel, open: [Int]) {
        self.model = model
        isOpen = [Bool](repeating: false, count: model.candidateCount)
        slotOf = [Int](repeating: -1, count: model.candidateCount)
        openSites = []
        for candidate in open where !isOpen[candidate] {
            isOpen[candidate] = true
            slotOf[candidate] = openSites.count
            openSites.append(candidate)
        }
        best = model.baseCost
        second = model.baseCost
        bestSite = [Int32](repeating: -1, count: model.demandCount)
        for demand in 0..<model.demandCount { refresh(demand) }
    }

    /// Total cost of the current assignment, in demand order.
    var totalCost: Double { best.reduce(0, +) }

    /// Recomputes the cheapest and second-cheapest option of `demand`; ties go to the lowest candidate.
    /// - Complexity: O(pairs of the demand).
    mutating func refresh(_ demand: Int) {
        var d1 = model.baseCost[demand]
        var d2 = d1
        var s1: Int32 = -1
        for k in model.demandStarts[demand]..<model.demandStarts[demand + 1] {
            let candidate = model.demandCandidates[k]
            guard isOpen[Int(candidate)] else { continue }
            let cost = model.demandCosts[k]
            if cost < d1 {
                d2 = d1
                d1 = cost
                s1 = candidate
            } else if cost < d2 {
                d2 = cost
            }
        }
        best[demand] = d1
        second[demand] = d2
        bestSite[demand] = s1
    }

    /// Opens `candidate` in a new last slot and reassigns the demands it can serve.
    /// - Complexity: O(pairs of the demands the candidate serves).
    mutating func open(_ candidate: Int) {
        precondition(!isOpen[candidate], "candidate \(candidate) is already open")
        isOpen[candidate] = true
        slotOf[candidate] = openSites.count
        openSites.append(candidate)
        refreshDemands(of: candidate)
    }

    /// Closes `candidate`, moving the last slot into its place, and reassigns its demands.
    /// - Complexity: O(pairs of the demands the candidate serves).
    mutating func close(_ candidate: Int) {
        let slot = slotOf[candidate]
        precondition(slot >= 0, "candidate \(candidate) is not open")
        let last = openSites.removeLast()
        if last != candidate {
            openSites[slot] = last
            slotOf[last] = slot
        }
        slotOf[candidate] = -1
        isOpen[candidate] = false
        refreshDemands(of: candidate)
    }

    /// Puts `incoming` into the slot of `outgoing` without reassigning any demand; the caller
    /// refreshes the demands of both (see `FastInterchange`).
    mutating func exchangeWithoutRefresh(out outgoing: Int, in incoming: Int) {
        let slot = slotOf[outgoing]
        precondition(slot >= 0 && !isOpen[incoming], "swap \(outgoing)→\(incoming) is not an exchange")
        openSites[slot] = incoming
        slotOf[incoming] = slot
        slotOf[outgoing] = -1
        isOpen[outgoing] = false
        isOpen[incoming] = true
    }

    private mutating func refreshDemands(of candidate: Int) {
        for k in model.candidateStarts[candidate]..<model.candidateStarts[candidate + 1] {
            refresh(Int(model.candidateDemands[k]))
        }
    }
}
