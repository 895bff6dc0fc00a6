package thidua

import (
	"math/bits"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

var nine = []UnitID{"bac-ninh", "nam-dinh", "ninh-binh", "vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam"}

// approvalBallots draws k approval ballots over nine candidates with up to
// four marks each.
func approvalBallots(k int) []Ballot {
	rng := rand.New(rand.NewPCG(11, 12))
	out := make([]Ballot, k)
	for i := range out {
		perm := slices.Clone(nine)
		rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		out[i] = Ballot{Approve: perm[:rng.IntN(5)]}
	}
	return out
}

// rankedBallots draws k complete rankings of the nine candidates.
func rankedBallots(k int) []Ballot {
	rng := rand.New(rand.NewPCG(13, 14))
	out := make([]Ballot, k)
	for i := range out {
		perm := slices.Clone(nine)
		rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		r := make([][]UnitID, len(perm))
		for j, id := range perm {
			r[j] = []UnitID{id}
		}
		out[i] = Ballot{Ranking: r}
	}
	return out
}

// bitmaskCount is the hand-written baseline: for each ballot, look each mark
// up, reject unknown or repeated marks and over-votes, and add the bitmask to
// the counts.
func bitmaskCount(ballots []Ballot, cands []UnitID, maxMarks int) (counts [16]int, invalid int) {
	for _, b := range ballots {
		var mask uint16
		ok := len(b.Approve) <= maxMarks
		for _, id := range b.Approve {
			j := -1
			for k, c := range cands {
				if c == id {
					j = k
					break
				}
			}
			if j < 0 || mask&(1<<j) != 0 {
				ok = false
				break
			}
			mask |= 1 << j
		}
		if !ok {
			invalid++
			continue
		}
		for mask != 0 {
			j := bits.TrailingZeros16(mask)
			counts[j]++
			mask &= mask - 1
		}
	}
	return counts, invalid
}

func BenchmarkApproval1M(b *testing.B) {
	ballots := approvalBallots(1_000_000)
	c := MustContest(ContestSpec{Candidates: nine, Electorate: len(ballots), Method: MethodApproval, MaxMarks: 4, BlankValid: true})
	b.Run("baseline=bitmask-loop", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC()
		b.ResetTimer()
		for range b.N {
			counts, _ := bitmaskCount(ballots, nine, 4)
			if counts[0] == 0 {
				b.Fatal("no votes")
			}
		}
	})
	b.Run("thidua=Tally", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC()
		b.ResetTimer()
		for range b.N {
			if _, err := c.Tally(ballots); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestBitmaskBaselineAgrees makes sure the benchmark compares like with like.
func TestBitmaskBaselineAgrees(t *testing.T) {
	ballots := approvalBallots(10_000)
	ballots = append(ballots, Ballot{Approve: []UnitID{"bac-ninh", "bac-ninh"}})
	c := MustContest(ContestSpec{Candidates: nine, Electorate: len(ballots), Method: MethodApproval, MaxMarks: 4, BlankValid: true})
	r, err := c.Tally(ballots)
	if err != nil {
		t.Fatal(err)
	}
	counts, invalid := bitmaskCount(ballots, nine, 4)
	if invalid != r.Invalid {
		t.Fatalf("invalid: baseline %d, Tally %d", invalid, r.Invalid)
	}
	for j, id := range nine {
		if counts[j] != r.Votes(id) {
			t.Fatalf("%s: baseline %d, Tally %d", id, counts[j], r.Votes(id))
		}
	}
}

// pairwiseLoop is the hand-written baseline for the ranked benchmarks: a
// plain loop over positions into a pairwise matrix, then Floyd–Warshall.
func pairwiseLoop(ballots []Ballot, cands []UnitID) [][]int {
	n := len(cands)
	d := make([][]int, n)
	for i := range d {
		d[i] = make([]int, n)
	}
	pos := make([]int, n)
	for _, b := range ballots {
		for t, tier := range b.Ranking {
			for k, c := range cands {
				if c == tier[0] {
					pos[k] = t
				}
			}
		}
		for i := range n {
			for j := range n {
				if pos[i] < pos[j] {
					d[i][j]++
				}
			}
		}
	}
	return schulzePaths(d)
}

func BenchmarkRanked100k(b *testing.B) {
	ballots := rankedBallots(100_000)
	b.Run("baseline=pairwise-loop", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC()
		b.ResetTimer()
		for range b.N {
			pairwiseLoop(ballots, nine)
		}
	})
	for _, m := range []Method{MethodSchulze, MethodInstantRunoff} {
		c := MustContest(ContestSpec{Candidates: nine, Electorate: len(ballots), Method: m})
		b.Run("thidua="+m.String(), func(b *testing.B) {
			b.ReportAllocs()
			runtime.GC()
			b.ResetTimer()
			for range b.N {
				if _, err := c.Tally(ballots); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
