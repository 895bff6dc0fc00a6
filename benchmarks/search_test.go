package benchmarks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/thidua/thidua"
)

// TestSearchTie looks for elections where the two libraries disagree; it
// runs only with THIDUA_SEARCH=1 and prints what it finds.
func TestSearchTie(t *testing.T) {
	if os.Getenv("THIDUA_SEARCH") == "" {
		t.Skip("set THIDUA_SEARCH=1 to search")
	}
	rng := rand.New(rand.NewPCG(1, 1))
	cands := []thidua.UnitID{"A", "B", "C", "D"}
	for range 200000 {
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
		w, tie := resenjeWinners(t, bs, cands)
		s := thiduaWinners(t, bs, cands)
		if !tie && len(s) > 1 {
			fmt.Printf("%#v\nresenje %v schulze %v\n", bs, w, s)
			return
		}
	}
}
