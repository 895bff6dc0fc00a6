// Package benchmarks compares thidua's Schulze count with resenje.org/schulze,
// the one Go Schulze library, on the same ballots. It is a separate module so
// that the library itself depends on nothing but shopspring/decimal.
package benchmarks

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"resenje.org/schulze"
)

var nine = []thidua.UnitID{"bac-ninh", "nam-dinh", "ninh-binh", "vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam"}

// ballots draws k complete rankings of the nine candidates.
func ballots(k int) []thidua.Ballot {
	rng := rand.New(rand.NewPCG(13, 14))
	out := make([]thidua.Ballot, k)
	for i := range out {
		perm := slices.Clone(nine)
		rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		r := make([][]thidua.UnitID, len(perm))
		for j, id := range perm {
			r[j] = []thidua.UnitID{id}
		}
		out[i] = thidua.Ballot{Ranking: r}
	}
	return out
}

// resenjeWinners counts the ballots with resenje.org/schulze, converting each
// to its map form, and returns its winners: the first result, and every
// other one while its tie flag holds and the wins are equal.
func resenjeWinners(tb testing.TB, bs []thidua.Ballot, cands []thidua.UnitID) ([]thidua.UnitID, bool) {
	v := schulze.NewVoting(cands)
	for _, b := range bs {
		for range max(b.Count, 1) {
			m := schulze.Ballot[thidua.UnitID]{}
			for t, tier := range b.Ranking {
				for _, id := range tier {
					m[id] = t + 1
				}
			}
			if _, err := v.Vote(m); err != nil {
				tb.Fatal(err)
			}
		}
	}
	results, _, tie := v.Compute()
	w := []thidua.UnitID{results[0].Choice}
	for _, r := range results[1:] {
		if r.Wins == results[0].Wins {
			w = append(w, r.Choice)
		}
	}
	return w, tie
}

func thiduaWinners(tb testing.TB, bs []thidua.Ballot, cands []thidua.UnitID) []thidua.UnitID {
	electorate := 0
	for _, b := range bs {
		electorate += max(b.Count, 1)
	}
	c, err := thidua.NewContest(thidua.ContestSpec{Candidates: cands, Electorate: electorate, Method: thidua.MethodSchulze})
	if err != nil {
		tb.Fatal(err)
	}
	r, err := c.Tally(bs)
	if err != nil {
		tb.Fatal(err)
	}
	return r.Winners
}

func BenchmarkSchulze100k(b *testing.B) {
	bs := ballots(100_000)
	b.Run("resenje.org/schulze", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC() // start from a clean heap: the other side leaves a lot of garbage
		b.ResetTimer()
		for range b.N {
			resenjeWinners(b, bs, nine)
		}
	})
	// resenje's own ballot form built beforehand, so that only its Vote and
	// Compute are timed: the most favourable reading for it.
	maps := make([]schulze.Ballot[thidua.UnitID], len(bs))
	for i, bal := range bs {
		maps[i] = schulze.Ballot[thidua.UnitID]{}
		for t, tier := range bal.Ranking {
			for _, id := range tier {
				maps[i][id] = t + 1
			}
		}
	}
	b.Run("resenje.org/schulze-prebuilt-maps", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC() // start from a clean heap: the other side leaves a lot of garbage
		b.ResetTimer()
		for range b.N {
			v := schulze.NewVoting(nine)
			for _, m := range maps {
				if _, err := v.Vote(m); err != nil {
					b.Fatal(err)
				}
			}
			if results, _, _ := v.Compute(); len(results) == 0 {
				b.Fatal("no results")
			}
		}
	})
	b.Run("thidua", func(b *testing.B) {
		b.ReportAllocs()
		runtime.GC() // start from a clean heap: the other side leaves a lot of garbage
		b.ResetTimer()
		for range b.N {
			thiduaWinners(b, bs, nine)
		}
	})
}

// TestSameWinners checks that both libraries agree on the benchmark's ballots.
func TestSameWinners(t *testing.T) {
	bs := ballots(2000)
	w, _ := resenjeWinners(t, bs, nine)
	assert.ElementsMatch(t, w, thiduaWinners(t, bs, nine))
}

// TestResenjeTieFlag records an election in which resenje.org/schulze names
// a single winner (tie == false) although Schulze's own definition — the
// winners are every X with p[X,Y] ≥ p[Y,X] for all Y — gives several.
func TestResenjeTieFlag(t *testing.T) {
	for _, e := range tieElections {
		w, tie := resenjeWinners(t, e.ballots, e.cands)
		require.False(t, tie, "resenje reports no tie")
		require.Len(t, w, 1)
		assert.Equal(t, e.resenje, w[0])
		assert.Equal(t, e.schulze, thiduaWinners(t, e.ballots, e.cands), "Schulze's definition")
	}
}

// TestResenjeSchulzeExample4 records that on Schulze's example 4, where B and
// D tie, resenje.org/schulze does report the tie (both have two wins).
func TestResenjeSchulzeExample4(t *testing.T) {
	ex4 := []thidua.Ballot{
		{Ranking: [][]thidua.UnitID{{"A"}, {"B"}, {"C"}}, Count: 3},
		{Ranking: [][]thidua.UnitID{{"C"}, {"B"}, {"D"}}, Count: 2},
		{Ranking: [][]thidua.UnitID{{"D"}, {"A"}, {"B"}}, Count: 2},
		{Ranking: [][]thidua.UnitID{{"D"}, {"B"}, {"C"}}, Count: 2},
	}
	cands := []thidua.UnitID{"A", "B", "C", "D"}
	w, tie := resenjeWinners(t, ex4, cands)
	assert.True(t, tie)
	assert.ElementsMatch(t, []thidua.UnitID{"B", "D"}, w)
	assert.ElementsMatch(t, []thidua.UnitID{"B", "D"}, thiduaWinners(t, ex4, cands))
}
