/// Vertex substitution (Teitz–Bart) with the fast interchange bookkeeping of Whitaker (1983)
/// as refined by Resende & Werneck (2007): best-improvement swaps until no swap helps.
///
/// For a closed candidate `j` and an open one `r`, the cost saved by swapping them is
/// `gain[j] − loss[r] + extra[r][j]`, where for every demand `i` with cheapest cost `d1`, second `d2`:
/// - `gain[j]  += max(0, d1 − c_ij)` (what opening `j` alone saves),
/// - `loss[r]  += d2 − d1` when `r` serves `i` (what closing `r` alone costs),
/// - `extra[r][j] += d2 − max(c_ij, d1)` when `r` serves `i` and `c_ij < d2` (the double-counted part).
/// After a swap only the demands that `r` or `j` can serve change, so their contributions are
/// subtracted, the demands reassigned and the contributions added back.
enum FastInterchange {
    /// Applies the best swap (largest saving; ties: lowest incoming, then lowest outgoing candidate)
    /// while it saves more than the model's tolerance. Keeps the number of open sites.
    /// - Complexity: O(pairs) to start; per swap O(p · candidates) to find it plus
    ///   O(Σ pairs of the demands the two swapped sites serve) to update; memory O(p · candidates)
    ///   for `extra` (p = open sites).
    static func improve(_ state: inout AssignmentState) {
        let model = state.model
        let candidateCount = model.candidateCount
        let slots = state.openSites.count
        guard slots > 0, slots < candidateCount else { return }
        var gain = [Double](repeating: 0, count: candidateCount)
        var loss = [Double](repeating: 0, count: slots)
        var extra = [Double](repeating: 0, count: slots * candidateCount)
        for demand in 0..<model.demandCount {
            contribute(demand, sign: 1, state: state, gain: &gain, loss: &loss, extra: &extra)
        }
        let tolerance = model.tolerance
        var stamp = [Int](repeating: -1, count: model.demandCount)
        var affected: [Int] = []
        var iteration = 0
        while true {
            guard let (outgoing, incoming) = bestSwap(state: state, gain: gain, loss: loss, extra: extra, tolerance: tolerance)
            else { return }
            affected.removeAll(keepingCapacity: true)
            for site in [outgoing, incoming] {
                for k in model.candidateStarts[site]..<model.candidateStarts[site + 1] {
                    let demand = Int(model.candidateDemands[k])
                    if stamp[demand] != iteration {
                        stamp[demand] = iteration
                        affected.append(demand)
                    }
                }
            }
            for demand in affected {
                contribute(demand, sign: -1, state: state, gain: &gain, loss: &loss, extra: &extra)
            }
            state.exchangeWithoutRefresh(out: outgoing, in: incoming)
            for demand in affected {
                state.refresh(demand)
                contribute(demand, sign: 1, state: state, gain: &gain, loss: &loss, extra: &extra)
            }
            iteration += 1
        }
    }

    /// The swap `(outgoing, incoming)` with the largest saving above `tolerance`, or nil.
    private static func bestSwap(
        state: AssignmentState, gain: [Double], loss: [Double], extra: [Double], tolerance: Double
    ) -> (Int, Int)? {
        let candidateCount = state.model.candidateCount
        var bestSaving = tolerance
        var bestPair: (outgoing: Int, incoming: Int)? = nil
        let isOpen = state.isOpen
        for (slot, outgoing) in state.openSites.enumerated() {
            let rowStart = slot * candidateCount
            let slotLoss = loss[slot]
            for incoming in 0..<candidateCount where !isOpen[incoming] {
                let saving = gain[incoming] - slotLoss + extra[rowStart + incoming]
                if saving > bestSaving {
                    bestSaving = saving
                    bestPair = (outgoing, incoming)
                } else if saving == bestSaving, let current = bestPair,
                    (incoming, outgoing) < (current.incoming, current.outgoing)
                {
                    bestPair = (outgoing, incoming)
                }
            }
        }
        return bestPair.map { ($0.outgoing, $0.incoming) }
    }

    /// Adds (`sign` 1) or removes (`sign` −1) one demand's terms in `gain`, `loss` and `extra`.
    private static func contribute(
        _ demand: Int, sign: Double, state: AssignmentState,
        gain: inout [Double], loss: inout [Double], extra: inout [Double]
    ) {
        let model = state.model
        let d1 = state.best[demand]
        let d2 = state.second[demand]
        let pairs = model.demandStarts[demand]..<model.demandStarts[demand + 1]
        for k in pairs where model.demandCosts[k] < d1 {
            gain[Int(model.demandCandidates[k])] += sign * (d1 - model.demandCosts[k])
        }
        let server = Int(state.bestSite[demand])
        guard server >= 0 else { return }
        let slot = state.slotOf[server]
        loss[slot] += sign * (d2 - d1)
        let rowStart = slot * model.candidateCount
        for k in pairs where model.demandCosts[k] < d2 {
            extra[rowStart + Int(model.demandCandidates[k])] += sign * (d2 - max(model.demandCosts[k], d1))
        }
    }
}
