package benchmarks

import (
	"math/rand/v2"
	"testing"

	"github.com/thidua/thidua"
)

// TestSearchTie draws small elections from a fixed seed and counts those
// where resenje.org/schulze reports a single winner (tie == false) while
// Schulze's definition gives several; tieElections records the first one.
// Run with -v to see how many there are.
func TestSearchTie(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 1))
	cands := []thidua.UnitID{"A", "B", "C", "D"}
	found := 0
	for range 2000 {
		var bs []thidua.Ballot
		for range 1 + rng.IntN(4) {
			p := rng.Perm(4)
			k := 1 + rng.IntN(4)
			r := make([][]thidua.UnitID, k)
			for j := range k {
				r[j] = []thidua.UnitID{cands[p[j]]}
			}
			bs = append(bs, thidua.Ballot{Ranking: r, Count: 1 + rng.IntN(3)})
		}
		_, tie := resenjeWinners(t, bs, cands)
		if !tie && len(thiduaWinners(t, bs, cands)) > 1 {
			found++
		}
	}
	t.Logf("%d of 2000 small elections: resenje names one winner, Schulze's definition several", found)
	if found == 0 {
		t.Fatal("expected at least one disagreement")
	}
}
