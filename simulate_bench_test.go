package thidua

import (
	"math/rand/v2"
	"testing"

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
	as, err := simAssessments(rand.New(rand.NewPCG(1, 1)), card, c, simModel{Quality: q, Noise: 100, Kind: AssessorAppraisal})
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

// BenchmarkDecideFlag: deciding a flag by vote and two certificates for 9
// units through the one decision core, by DecideCandidates (with reasons)
// and by AwardRules.Seats (proposals only), which the experiment runner uses.
func BenchmarkDecideFlag(b *testing.B) {
	rules, err := NewAwardRules(AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(2, 3).Of(BasePresent)},
		AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(2)})
	require.NoError(b, err)
	rs := rules.Rules()
	c := cluster3()
	units := c.MemberIDs()
	ranks := []int{1, 2, 3, 3, 5, 6, 7, 8, 9}
	votes := []int{8, 7, 6, 6, 2, 1, 0, 0, 0}
	vcs := make([][]VoteCount, len(rs))
	cands := make([]Candidate, len(units))
	for u, id := range units {
		cands[u] = Candidate{Unit: id, Rank: ranks[u], LeadsCluster: ranks[u] == 1}
	}
	for ri, r := range rs {
		if r.Vote.IsZero() {
			continue
		}
		vcs[ri] = make([]VoteCount, len(units))
		for u := range units {
			vc := VoteCount{Votes: votes[u], Base: 9, Passed: r.Vote.Met(votes[u], 9)}
			vcs[ri][u] = vc
			cands[u].Votes = map[Award]VoteCount{r.Award: vc}
		}
	}
	b.Run("impl=DecideCandidates", func(b *testing.B) {
		for range b.N {
			if _, err := DecideCandidates(rules, cands, Pool{Members: 9}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=Seats", func(b *testing.B) {
		for range b.N {
			if _, err := rules.Seats(cands, Pool{Members: 9}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
