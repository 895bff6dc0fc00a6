package thidua

import (
	"math/rand/v2"
	"testing"
)

// The benchmarks below run each limit at its maximum (BENCHMARKS.md).

// distinctRankings returns k distinct random full rankings of ids, each a
// weighted record, so that every ballot is its own group.
func distinctRankings(ids []UnitID, k int, seed uint64) []Ballot {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]Ballot, k)
	for b := range out {
		perm := rng.Perm(len(ids))
		r := make([][]UnitID, len(ids))
		for t, i := range perm {
			r[t] = []UnitID{ids[i]}
		}
		out[b] = Ballot{Ranking: r, Weight: 1 + rng.IntN(1000)}
	}
	return out
}

func benchTally(b *testing.B, m Method, n, k int) {
	c := MustContest(ContestSpec{Candidates: ids(n), Electorate: 1 << 40, Method: m})
	ballots := distinctRankings(c.Candidates(), k, 7)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Tally(ballots); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLimitRankedPairs256x1000(b *testing.B) {
	benchTally(b, RankedPairs, MaxRankedCandidates, 1000)
}
func BenchmarkLimitSchulze256x1000(b *testing.B) { benchTally(b, Schulze, MaxRankedCandidates, 1000) }
