package thidua

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// baselineTotals is the hand-written int64 baseline: a dot product of marks
// and weights per unit, then competition ranks by insertion sort.
func baselineTotals(marks, w []int64, U, L int, totals []int64, order, ranks []int) {
	for u := range U {
		var t int64
		for l := range L {
			t += marks[u*L+l] * w[l]
		}
		totals[u] = t
		order[u] = u
	}
	for i := 1; i < U; i++ {
		x, j := order[i], i
		for ; j > 0 && totals[order[j-1]] < totals[x]; j-- {
			order[j] = order[j-1]
		}
		order[j] = x
	}
	for i, u := range order {
		if i > 0 && totals[u] == totals[order[i-1]] {
			ranks[u] = ranks[order[i-1]]
		} else {
			ranks[u] = i + 1
		}
	}
}

func benchCompiled63(b *testing.B) Compiled {
	var members []Unit
	for i := range 63 {
		members = append(members, Unit{ID: UnitID("u" + string(rune('A'+i/26)) + string(rune('a'+i%26))), Name: "đơn vị"})
	}
	c := MustCluster(ClusterSpec{ID: "k", Name: "khối", Kind: KindBlock, Year: 2023, Members: members})
	card := simCard(b, 10, 10)
	q := map[UnitID]int{}
	for i, m := range members {
		q[m.ID] = 900 - 5*i
	}
	as, err := GenerateAssessments(rand.New(rand.NewPCG(1, 1)), card, c, AssessmentModel{Quality: q, Noise: 100, Kind: AssessorAppraisal})
	require.NoError(b, err)
	cp, err := Compile(card, c, as, ScoringPolicy{})
	require.NoError(b, err)
	return cp
}

// BenchmarkCompiledScore63x102: 63 units × 102 leaves (100 criteria, a bonus
// and a deduction), compiled path against the int64 baseline.
func BenchmarkCompiledScore63x102(b *testing.B) {
	cp := benchCompiled63(b)
	U, L := len(cp.units), len(cp.leaves)
	b.Run("impl=compiled", func(b *testing.B) {
		var buf scoreBuf
		for range b.N {
			cp.scoreInto(cp.weights, cp.weightScale, &buf)
		}
	})
	b.Run("impl=int64", func(b *testing.B) {
		totals, order, ranks := make([]int64, U), make([]int, U), make([]int, U)
		for range b.N {
			baselineTotals(cp.marks, cp.weights, U, L, totals, order, ranks)
		}
	})
}

// BenchmarkSensitivity10k: 10,000 perturbed-weight samples of the 63 × 102 card.
func BenchmarkSensitivity10k(b *testing.B) {
	cp := benchCompiled63(b)
	spec := SensitivitySpec{Samples: 10000, Delta: decimal.RequireFromString("0.2"), Quota: 5}
	for range b.N {
		if _, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 2)), spec); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSimulatedReview: one simulated review of Cluster 3 (9 members, 30
// criteria plus bonus and deduction, peer assessments, 9 ballots in the flag
// vote, awards decided); ns/op is per review.
func BenchmarkSimulatedReview(b *testing.B) {
	e := flagExperiment(b, 1)
	e.Variants = e.Variants[:1]
	e.Years = 1000
	for range b.N {
		if _, err := e.Run(rand.New(rand.NewPCG(1, 2))); err != nil {
			b.Fatal(err)
		}
	}
}
