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

// BenchmarkSimulatedReview: simulated reviews of Cluster 3 (9 members, 30
// criteria plus bonus and deduction, 9 peer assessments per unit, 9 ballots in
// the flag vote, awards decided), 1,000 per op, on one goroutine and on every
// core (Workers 0); reviews/s is the figure the target is set in.
func BenchmarkSimulatedReview(b *testing.B) {
	for _, w := range []struct {
		name    string
		workers int
	}{{"workers=1", 1}, {"workers=all", 0}} {
		b.Run(w.name, func(b *testing.B) {
			e := flagExperiment(b, 1)
			e.Variants = e.Variants[:1]
			e.Years, e.Workers = 1000, w.workers
			b.ReportAllocs()
			for range b.N {
				if _, err := e.Run(rand.New(rand.NewPCG(1, 2))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*e.Years)/b.Elapsed().Seconds(), "reviews/s")
		})
	}
}

// BenchmarkDecideFlag: deciding a flag by vote and two certificates for 9
// units through the one decision core, by DecideCandidates (with reasons)
// and by the runner's decideRun (proposals only).
func BenchmarkDecideFlag(b *testing.B) {
	rules := flagRules(b, AtLeast(2, 3).Of(BasePresent))
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
	b.Run("impl=decideRun", func(b *testing.B) {
		sc := newSeatCore(units)
		var out []proposal
		for range b.N {
			out = decideRun(rules, vcs, cands, 9, 1, sc, out[:0])
		}
	})
}

// BenchmarkVoteCount: one year's flag vote of Cluster 3 (9 members, top-2
// approval, 10% absent, one seat, 2/3 of those present), drawn and counted by
// the runner (voteDraw and voteTie: counts, no ballots) and by
// GenerateApprovalBallots and Contest.Tally (ballots, validation, digest,
// ranking), whose figures TestRunnerVoteCountEqualsTally proves the same.
func BenchmarkVoteCount(b *testing.B) {
	c := cluster3()
	qm := simQuality(c, 15)
	q := simIndexQualities(c, qm)
	m := BallotModel{Noise: 150, TopK: 2, Absent: 100}
	th := AtLeast(2, 3).Of(BasePresent)
	b.Run("impl=runner", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		vd := newVoteDraw(1, 9)
		vcs := make([]VoteCount, 9)
		for range b.N {
			vd.draw(r, &m, q)
			base := vd.base(th, 0, 9)
			for u := range vcs {
				vcs[u] = VoteCount{Votes: vd.votes[0][u], Base: base, Passed: th.Met(vd.votes[0][u], base)}
			}
			voteTie(vd.votes[0], vcs, 1)
		}
	})
	b.Run("impl=Tally", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		contest, err := NewContest(ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Seats: 1,
			Method: MethodApproval, Threshold: th})
		require.NoError(b, err)
		for range b.N {
			bs, _, err := GenerateApprovalBallots(r, c, qm, m)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := contest.Tally(bs); err != nil {
				b.Fatal(err)
			}
		}
	})
}
