package benchmarks

import "github.com/thidua/thidua"

type tieElection struct {
	cands   []thidua.UnitID
	ballots []thidua.Ballot
	resenje thidua.UnitID
	schulze []thidua.UnitID
}

// tieElections are elections found by TestSearchTie. In the first, A and B
// tie 1:1 and nobody beats either; resenje counts B's two wins (over C and D)
// against A's one (over C) and names B alone, while Schulze's winners are
// every X with p[X,Y] ≥ p[Y,X] for all Y: A and B.
//
//	A > (B, C, D unranked)        1 voter
//	B > D > A > (C unranked)      1 voter
//	pairwise: A–B 1:1, A–C 2:0, A–D 1:1, B–C 1:0, B–D 1:0, D–C 1:0
var tieElections = []tieElection{{
	cands: []thidua.UnitID{"A", "B", "C", "D"},
	ballots: []thidua.Ballot{
		{Ranking: [][]thidua.UnitID{{"A"}}},
		{Ranking: [][]thidua.UnitID{{"B"}, {"D"}, {"A"}}},
	},
	resenje: "B",
	schulze: []thidua.UnitID{"A", "B"},
}}
