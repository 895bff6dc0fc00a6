package thidua

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// FuzzCompiled checks that the compiled int64 path gives exactly the totals,
// ranks and tie-breakers of Scorecard.Score, for drawn assessments under
// fuzzed policies and weights.
func FuzzCompiled(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), uint8(2), uint8(1), uint16(100), uint16(7))
	f.Add(uint64(2), uint8(1), uint8(2), uint8(0), uint8(3), uint16(900), uint16(1))
	f.Add(uint64(3), uint8(2), uint8(1), uint8(4), uint8(0), uint16(0), uint16(250))
	c := cluster3()
	card := simCard(f, 2, 4)
	f.Fuzz(func(t *testing.T, seed uint64, agg, mode, places, tbs uint8, noise, wseed uint16) {
		p := ScoringPolicy{Aggregation: Aggregation(agg % 3), CountOwnPeer: seed%2 == 0,
			Aggregate: Rounding{Places: int32(places % 4), Mode: RoundingMode(mode % 5)},
			Total:     Rounding{Places: int32(places % 3), Mode: RoundingMode((mode / 5) % 5)}}
		if p.Aggregation == AggregateTrimmedMean {
			p.Trim = 1 + int(places%3)
		}
		if tbs&1 != 0 {
			p.TieBreakers = append(p.TieBreakers, ByCriterion("G1"))
		}
		if tbs&2 != 0 {
			p.TieBreakers = append(p.TieBreakers, FewerDeductions())
		}
		m := simModel{Quality: simQuality(c, int(seed%40)), Noise: int(noise % 1001), Kind: AssessorKind(1 + seed%3),
			SelfInflation: int(seed % 300), DeductionShare: 500}
		as, err := simAssessments(rand.New(rand.NewPCG(seed, 0)), card, c, m)
		require.NoError(t, err)
		cp, cerr := Compile(card, c, as, p)
		st, serr := card.Score(c, as, p)
		if serr != nil {
			require.Error(t, cerr, "Compile fails where Score does")
			return
		}
		require.NoError(t, cerr)
		require.True(t, cp.Score().Agrees(st), "%+v\n%s", p, cp.Score())
		// The year's own aggregated marks, put back one per unit and leaf
		// with WithMarks, score the same.
		sums, counts := make([]int64, len(cp.marks)), make([]int, len(cp.marks))
		for i, v := range cp.marks {
			sums[i], counts[i] = abs64(v), 1
		}
		back, err := cp.WithMarks(sums, counts, cp.markScale)
		require.NoError(t, err)
		require.True(t, back.Score().Agrees(st), "WithMarks of the year's marks")
		// Other weights: the same as a scorecard rebuilt with them.
		r := rand.New(rand.NewPCG(uint64(wseed), 9))
		ws := cp.Weights()
		for l := range ws {
			ws[l] = decimal.New(int64(1+r.IntN(400)), -int32(r.IntN(3)))
		}
		got, err := cp.ScoreWith(ws)
		require.NoError(t, err)
		want, err := card.withWeights(ws).Score(c, as, p)
		require.NoError(t, err)
		require.True(t, got.Agrees(want), "%v\n%s", ws, got)
		// The same weights in fixed point, at two places.
		fixed := make([]int64, len(ws))
		for l, w := range ws {
			fixed[l] = w.Shift(2).IntPart()
		}
		ranks, err := ranksScaled(cp, fixed, 2)
		require.NoError(t, err)
		for i, rank := range ranks {
			require.Equal(t, got.Rank(i), rank, "RanksScaled %v", fixed)
		}
		// A weight shifted past the int64 form, up to and beyond the range a
		// scorecard accepts: scored in decimals as the rebuilt scorecard
		// scores it, or refused with the scorecard's error.
		l := int(wseed) % len(ws)
		ws[l] = ws[l].Shift(12 + int32(wseed%10))
		scoreWithAsRebuilt(t, card, cp, c, as, p, ws)
		ws[l] = ws[l].Shift(-30)
		scoreWithAsRebuilt(t, card, cp, c, as, p, ws)
	})
}
