package experiment

import (
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
)

func benchCompiled63(b *testing.B) thidua.Compiled {
	var members []thidua.Unit
	for i := range 63 {
		members = append(members, thidua.Unit{ID: thidua.UnitID("u" + string(rune('A'+i/26)) + string(rune('a'+i%26))), Name: "đơn vị"})
	}
	c := thidua.MustCluster(thidua.ClusterSpec{ID: "k", Name: "khối", Kind: thidua.KindBlock, Year: 2023, Members: members})
	card := simCard(b, 10, 10)
	q := map[thidua.UnitID]int{}
	for i, m := range members {
		q[m.ID] = 900 - 5*i
	}
	as, err := GenerateAssessments(rand.New(rand.NewPCG(1, 1)), card, c, AssessmentModel{Quality: q, Noise: 100, Kind: thidua.AssessorAppraisal})
	require.NoError(b, err)
	cp, err := thidua.Compile(card, c, as, thidua.ScoringPolicy{})
	require.NoError(b, err)
	return cp
}

// BenchmarkSensitivity10k: 10,000 perturbed-weight samples of the 63 × 102 card.
func BenchmarkSensitivity10k(b *testing.B) {
	cp := benchCompiled63(b)
	spec := SensitivitySpec{Samples: 10000, Delta: decimal.RequireFromString("0.2"), Quota: 5}
	for range b.N {
		if _, err := spec.Run(cp, rand.New(rand.NewPCG(1, 2))); err != nil {
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
	th := thidua.AtLeast(2, 3).Of(thidua.BasePresent)
	b.Run("impl=runner", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		vd := newVoteDraw(1, 9)
		passed := make([]int, 0, 9)
		for range b.N {
			vd.draw(r, fillFrom(r), &m, q)
			base := vd.base(th, 0, 9)
			passed = passed[:0]
			for u := range 9 {
				if th.Met(vd.votes[0][u], base) {
					passed = append(passed, vd.votes[0][u])
				}
			}
			voteTie(passed, 1)
		}
	})
	b.Run("impl=Tally", func(b *testing.B) {
		b.ReportAllocs()
		r := rand.New(rand.NewPCG(1, 2))
		contest, err := thidua.NewContest(thidua.ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Seats: 1,
			Method: thidua.MethodApproval, Threshold: th})
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
