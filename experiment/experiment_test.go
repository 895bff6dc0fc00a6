package experiment

import (
	"errors"
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
)

func TestGeneratorsBadInput(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	q := simQuality(c, 10)
	r := rand.New(rand.NewPCG(1, 1))
	missing := map[thidua.UnitID]int{"bac-ninh": 500}
	high := simQuality(c, 10)
	high["ha-nam"] = 1001
	cases := []struct {
		name string
		m    AssessmentModel
		err  error
	}{
		{"missing quality", AssessmentModel{Quality: missing, Kind: thidua.AssessorPeer}, thidua.ErrInvalidModel},
		{"quality above 1000", AssessmentModel{Quality: high, Kind: thidua.AssessorPeer}, thidua.ErrInvalidModel},
		{"negative noise", AssessmentModel{Quality: q, Kind: thidua.AssessorPeer, Noise: -1}, thidua.ErrInvalidModel},
		{"no kind", AssessmentModel{Quality: q}, thidua.ErrInvalidModel},
		{"zero step", AssessmentModel{Quality: q, Kind: thidua.AssessorPeer, Step: decimal.New(0, -2)}, thidua.ErrInvalidModel},
		{"negative inflation", AssessmentModel{Quality: q, Kind: thidua.AssessorPeer, SelfInflation: -5}, thidua.ErrInvalidModel},
		{"one unit's inflation above 1000", AssessmentModel{Quality: q, Kind: thidua.AssessorPeer,
			SelfInflationBy: map[thidua.UnitID]int{"ha-nam": 1001}}, thidua.ErrInvalidModel},
		{"inflation of a non-member", AssessmentModel{Quality: q, Kind: thidua.AssessorPeer,
			SelfInflationBy: map[thidua.UnitID]int{"ha-noi": 10}}, thidua.ErrUnknownUnit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := GenerateAssessments(r, card, c, tc.m)
			require.ErrorIs(t, err, tc.err)
		})
	}
	_, err := GenerateAssessments(nil, card, c, AssessmentModel{Quality: q, Kind: thidua.AssessorPeer})
	require.ErrorIs(t, err, thidua.ErrNoSource)
	_, _, err = GenerateApprovalBallots(r, c, q, BallotModel{TopK: -1})
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
	_, err = GenerateRankedBallots(r, c, q, BallotModel{Absent: 2000})
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
	_, _, err = GenerateApprovalBallots(nil, c, q, BallotModel{TopK: 1})
	require.ErrorIs(t, err, thidua.ErrNoSource)
}

// Generated marks are valid and within each maximum; ballots are valid for a
// contest that allows TopK marks.
func TestGeneratedDataIsValid(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 4)
	r := rand.New(rand.NewPCG(3, 4))
	as, err := GenerateAssessments(r, card, c, AssessmentModel{Quality: simQuality(c, 50), Noise: 400,
		SelfInflation: 300, DeductionShare: 1000, Kind: thidua.AssessorPeer, Step: decimal.RequireFromString("0.5")})
	require.NoError(t, err)
	require.Len(t, as, 81)
	for _, a := range as {
		require.NoError(t, a.Validate())
		for id, v := range a.Marks {
			cr, _ := card.Criterion(id)
			require.False(t, v.GreaterThan(cr.Max), "%s %s", id, v)
			require.True(t, v.Mod(decimal.RequireFromString("0.5")).IsZero())
		}
	}
	bs, present, err := GenerateApprovalBallots(r, c, simQuality(c, 50), BallotModel{Noise: 100, TopK: 2, Absent: 200})
	require.NoError(t, err)
	require.Len(t, bs, present)
	contest, err := thidua.NewContest(thidua.ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Method: thidua.MethodApproval, MaxMarks: 2})
	require.NoError(t, err)
	res, err := contest.Tally(bs)
	require.NoError(t, err)
	require.Equal(t, present, res.Valid)
	rb, err := GenerateRankedBallots(r, c, simQuality(c, 50), BallotModel{Noise: 100})
	require.NoError(t, err)
	schulze, err := thidua.NewContest(thidua.ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Method: thidua.MethodSchulze})
	require.NoError(t, err)
	res, err = schulze.Tally(rb)
	require.NoError(t, err)
	require.Equal(t, len(rb), res.Valid)
}

// The same seed gives the same draws and the same report.
func TestSimulationIsDeterministic(t *testing.T) {
	e := flagExperiment(t, 200)
	a, err := e.Run(rand.New(rand.NewPCG(42, 0)))
	require.NoError(t, err)
	b, err := e.Run(rand.New(rand.NewPCG(42, 0)))
	require.NoError(t, err)
	require.Equal(t, a, b)
	c, err := e.Run(rand.New(rand.NewPCG(43, 0)))
	require.NoError(t, err)
	require.NotEqual(t, a, c, "another seed, other draws")
}

func TestExperimentBadInput(t *testing.T) {
	e := flagExperiment(t, 10)
	_, err := e.Run(nil)
	require.ErrorIs(t, err, thidua.ErrNoSource)
	e.Years = 0
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
	e = flagExperiment(t, 10)
	e.Variants[0].Policy = thidua.ScoringPolicy{Aggregation: thidua.AggregateTrimmedMean, Trim: 5}
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, thidua.ErrTrimTooMuch)
	e = flagExperiment(t, 10)
	e.Ballots.Bar = -1
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
}

// The runner counts its votes in int64 without building ballots; the counts,
// the valid ballots, the passed set and the tie at the last seat are what
// Contest.Tally gives for the ballots GenerateApprovalBallots draws from the
// same state.
func TestRunnerVoteCountEqualsTally(t *testing.T) {
	c := cluster3()
	q := simQuality(c, 20)
	models := []struct {
		name string
		m    BallotModel
	}{
		{"top 1", BallotModel{Noise: 150, TopK: 1}},
		{"top 2, absences", BallotModel{Noise: 150, TopK: 2, Absent: 150}},
		{"top 3, noisy", BallotModel{Noise: 600, TopK: 3, Absent: 50}},
		{"above a bar, blanks", BallotModel{Noise: 200, Bar: 800, Absent: 100}},
		{"many absent", BallotModel{Noise: 100, TopK: 2, Absent: 600}},
	}
	thresholds := []thidua.Threshold{thidua.AtLeast(4, 5).Of(thidua.BaseElectorate), thidua.AtLeast(2, 3).Of(thidua.BasePresent),
		thidua.MoreThan(1, 2).Of(thidua.BaseValid), thidua.AtLeast(1, 2).Of(thidua.BaseCast)}
	checked, ties := 0, 0
	for _, tc := range models {
		t.Run(tc.name, func(t *testing.T) {
			for _, th := range thresholds {
				for seats := range 4 {
					for seed := range uint64(40) {
						vd := newVoteDraw(1, 9)
						r := rand.New(rand.NewPCG(seed, 7))
						vd.draw(r, fillFrom(r), &tc.m, simIndexQualities(c, q))
						bs, present, err := GenerateApprovalBallots(rand.New(rand.NewPCG(seed, 7)), c, q, tc.m)
						require.NoError(t, err)
						require.Equal(t, present, vd.present)
						contest, err := thidua.NewContest(thidua.ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Seats: seats,
							Method: thidua.MethodApproval, Threshold: th, Quorum: thidua.AtLeast(1, 2)})
						require.NoError(t, err)
						res, err := contest.Tally(bs)
						quorum := thidua.AtLeast(1, 2).Met(present, 9)
						if !quorum {
							require.ErrorIs(t, err, thidua.ErrNoQuorum)
							continue
						}
						require.NoError(t, err)
						require.Equal(t, res.Valid, vd.valid[0], "valid ballots")
						base := vd.base(th, 0, 9)
						require.Equal(t, res.Base(), base)
						var passed []thidua.UnitID
						var passedVotes []int
						for u, id := range c.MemberIDs() {
							require.Equal(t, res.Votes(id), vd.votes[0][u], "%s", id)
							if th.Met(vd.votes[0][u], base) {
								passed, passedVotes = append(passed, id), append(passedVotes, vd.votes[0][u])
							}
						}
						require.ElementsMatch(t, res.Passed, passed)
						require.Equal(t, len(res.Tied) > 0, voteTie(passedVotes, seats), "seats %d", seats)
						checked++
						if len(res.Tied) > 0 {
							ties++
						}
					}
				}
			}
		})
	}
	t.Logf("%d tallies compared, %d with a tie at the last seat", checked, ties)
	require.Greater(t, ties, 10, "the runoff check was exercised")
}

func simIndexQualities(c thidua.Cluster, q map[thidua.UnitID]int) []int {
	out := make([]int, 0, c.Len())
	for _, id := range c.MemberIDs() {
		out = append(out, q[id])
	}
	return out
}

// A standard every unit meets, checked by the runner for every unit and
// rule, leaves the report as it is.
func TestExperimentStandardEveryUnitMeets(t *testing.T) {
	plain := flagExperiment(t, 300)
	full := flagExperiment(t, 300)
	for i, v := range full.Variants {
		rs := v.Rules.Rules()
		for k := range rs {
			rs[k].Standards = []thidua.Standard{thidua.RequireRank(9)}
		}
		rules, err := thidua.NewAwardRules(rs...)
		require.NoError(t, err)
		full.Variants[i].Rules = rules
	}
	a, err := plain.Run(rand.New(rand.NewPCG(8, 8)))
	require.NoError(t, err)
	b, err := full.Run(rand.New(rand.NewPCG(8, 8)))
	require.NoError(t, err)
	require.Equal(t, a, b)
	f, _ := a.Variants[2].Award(thidua.AwardMinistryFlag)
	require.Positive(t, f.Runoffs, "some years tie at the flag's seat")
}

func TestExperimentStrictThresholdLeavesMoreYearsWithoutFlag(t *testing.T) {
	rep, err := flagExperiment(t, 2000).Run(rand.New(rand.NewPCG(2023, 12)))
	require.NoError(t, err)
	none := func(i int) int { a, _ := rep.Variants[i].Award(thidua.AwardMinistryFlag); return a.NotProposed }
	t.Logf("no flag: %d, %d, %d of %d", none(0), none(1), none(2), rep.Years)
	assert.Greater(t, none(0), none(1), "80% of members is stricter than 2/3 of present")
	assert.GreaterOrEqual(t, none(1), none(2), "2/3 of present is at least as strict as a majority of valid")
	assert.Greater(t, none(0), 0)
}

// Does a trimmed mean change who leads? One unit, Nam Định (second best by
// latent quality), inflates its own marks and its own row counts: under the
// plain mean the inflation lifts it past Bắc Ninh in most years; a trimmed mean
// that drops each criterion's highest and lowest mark drops the inflated one,
// so Nam Định leads less often and the best unit more often.
func TestExperimentTrimmedMeanLeadsInflatorLessOften(t *testing.T) {
	c := cluster3()
	e := flagExperiment(t, 1000)
	e.Assessments.Quality = simQuality(c, 15)
	e.Assessments.SelfInflationBy = map[thidua.UnitID]int{"nam-dinh": 400}
	mean := thidua.ScoringPolicy{CountOwnPeer: true, Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	trimmed := mean
	trimmed.Aggregation, trimmed.Trim = thidua.AggregateTrimmedMean, 1
	rules := flagRules(t, thidua.AtLeast(4, 5).Of(thidua.BaseElectorate))
	e.Variants = []Variant{{Name: "mean", Policy: mean, Rules: rules}, {Name: "trimmed", Policy: trimmed, Rules: rules}}
	rep, err := e.Run(rand.New(rand.NewPCG(5, 5)))
	require.NoError(t, err)
	led := func(i int, u thidua.UnitID) int { x, _ := rep.Variants[i].Unit(u); return x.Led }
	t.Logf("nam-dinh led: mean %d, trimmed %d; bac-ninh led: mean %d, trimmed %d of %d",
		led(0, "nam-dinh"), led(1, "nam-dinh"), led(0, "bac-ninh"), led(1, "bac-ninh"), rep.Years)
	assert.Greater(t, led(0, "nam-dinh"), led(1, "nam-dinh"), "the trimmed mean curbs the inflator's lead")
	assert.Greater(t, led(1, "bac-ninh"), led(0, "bac-ninh"), "and gives it back to the best unit")
	assert.Greater(t, led(0, "nam-dinh"), led(0, "bac-ninh"), "under the plain mean the inflation pays")
}

// How far can the weights move before the flag goes to someone else? The
// wider the perturbation, the less often the leader stays first.
func TestSensitivityWiderPerturbationMovesTheLead(t *testing.T) {
	c := cluster3()
	card := simCard(t, 3, 10)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(9, 9)), card, c,
		AssessmentModel{Quality: simQuality(c, 2), Noise: 100, Kind: thidua.AssessorAppraisal})
	require.NoError(t, err)
	cp, err := thidua.Compile(card, c, as, thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}})
	require.NoError(t, err)
	base := cp.Score()
	lead := -1
	for i := range base.Len() {
		if base.Rank(i) == 1 {
			lead = i
		}
	}
	require.GreaterOrEqual(t, lead, 0)
	firstShare := func(delta string) UnitSensitivity {
		s, err := SensitivitySpec{Samples: 2000,
			Delta: decimal.RequireFromString(delta), Quota: 3}.Run(cp, rand.New(rand.NewPCG(1, 1)))
		require.NoError(t, err)
		return s.Units[lead]
	}
	narrow, wide := firstShare("0.05"), firstShare("0.9")
	t.Logf("leader first in %d (±0.05) and %d (±0.9) of 2000", narrow.First, wide.First)
	assert.Greater(t, narrow.First, wide.First)
	assert.GreaterOrEqual(t, wide.WorstRank, narrow.WorstRank)
}

// The smallest single-weight change is exact: moved by Change the rival
// reaches the leader, and moved by one step less it does not.
func TestLeadChangeIsTheCrossing(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 5)
	checked := 0
	for seed := range uint64(25) {
		as, err := GenerateAssessments(rand.New(rand.NewPCG(seed, 3)), card, c,
			AssessmentModel{Quality: simQuality(c, 10), Noise: 150, Kind: thidua.AssessorPeer})
		require.NoError(t, err)
		cp, err := thidua.Compile(card, c, as, thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}})
		require.NoError(t, err)
		lc, ok, err := LeadChangeOf(cp, 4)
		require.NoError(t, err)
		if !ok || lc.Change.IsZero() {
			continue
		}
		checked++
		l := simIndex(cp.Criteria(), lc.Criterion)
		total := func(change decimal.Decimal, who thidua.UnitID) decimal.Decimal {
			ws := cp.Weights()
			ws[l] = ws[l].Add(change)
			st, err := cp.ScoreWith(ws)
			require.NoError(t, err)
			return st.Total(simIndex(cp.Units(), who))
		}
		at := lc.Change
		assert.True(t, total(at, lc.Rival).GreaterThanOrEqual(total(at, lc.Leader)), "seed %d: %+v", seed, lc)
		less := at.Sub(decimal.New(int64(at.Sign()), -4))
		if !less.IsZero() && less.Sign() == at.Sign() {
			assert.True(t, total(less, lc.Rival).LessThan(total(less, lc.Leader)), "seed %d", seed)
		}
		assert.Equal(t, 0, new(decimalRat).cmp(lc, at), "seed %d", seed)
	}
	require.Greater(t, checked, 10, "most seeds have a lead that one weight can change")
	_, _, err := LeadChangeOf(thidua.Compiled{}, -1)
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
}

type decimalRat struct{}

// cmp checks that the rounded change is the exact one rounded away from zero.
func (decimalRat) cmp(lc LeadChange, at decimal.Decimal) int {
	ex := lc.Exact()
	r := at.Rat()
	d := new(big.Rat).Sub(r, ex)
	if d.Sign() != 0 && d.Sign() != ex.Sign() {
		return 1
	}
	return 0
}

func simIndex[T comparable](xs []T, x T) int {
	for i, y := range xs {
		if y == x {
			return i
		}
	}
	return -1
}

func TestSensitivityBadInput(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(1, 1)), card, c,
		AssessmentModel{Quality: simQuality(c, 10), Kind: thidua.AssessorAppraisal})
	require.NoError(t, err)
	cp, err := thidua.Compile(card, c, as, thidua.ScoringPolicy{})
	require.NoError(t, err)
	d := decimal.RequireFromString
	cases := []struct {
		name string
		spec SensitivitySpec
		err  error
	}{
		{"no samples", SensitivitySpec{Delta: d("0.1")}, thidua.ErrInvalidModel},
		{"negative delta", SensitivitySpec{Samples: 1, Delta: d("-0.1")}, thidua.ErrInvalidModel},
		{"negative quota", SensitivitySpec{Samples: 1, Quota: -1}, thidua.ErrInvalidModel},
		{"weight reaches zero", SensitivitySpec{Samples: 1, Delta: d("1")}, thidua.ErrWeightRange},
		{"unknown bound", SensitivitySpec{Samples: 1, Bounds: map[thidua.CriterionID]WeightRange{"x": {d("1"), d("2")}}}, thidua.ErrUnknownCriterion},
		{"bound reversed", SensitivitySpec{Samples: 1, Bounds: map[thidua.CriterionID]WeightRange{"G0.0": {d("2"), d("1")}}}, thidua.ErrInvalidModel},
		{"bound not positive", SensitivitySpec{Samples: 1, Bounds: map[thidua.CriterionID]WeightRange{"G0.0": {d("0"), d("1")}}}, thidua.ErrWeightRange},
		{"grid too fine", SensitivitySpec{Samples: 1, Delta: d("0.5"), Step: d("1e-12")}, thidua.ErrInvalidModel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.spec.Run(cp, rand.New(rand.NewPCG(1, 1)))
			require.ErrorIs(t, err, tc.err)
		})
	}
	_, err = SensitivitySpec{Samples: 1}.Run(cp, nil)
	require.ErrorIs(t, err, thidua.ErrNoSource)
	// A zero step, however written, means the default step.
	def, err := SensitivitySpec{Samples: 50, Delta: d("0.1")}.Run(cp, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	zero, err := SensitivitySpec{Samples: 50, Delta: d("0.1"), Step: d("0.00")}.Run(cp, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	require.Equal(t, def, zero)
	// A delta finer than the step leaves each weight at its base, not an overflow.
	_, err = SensitivitySpec{Samples: 5, Delta: d("0.05"), Step: d("0.1")}.Run(cp, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	// Bounds are honoured: a weight fixed at one value gives the base ranks.
	s, err := SensitivitySpec{Samples: 10,
		Bounds: map[thidua.CriterionID]WeightRange{"G0.0": {d("1"), d("1")}, "G0.1": {d("1.5"), d("1.5")}, "G0.2": {d("2"), d("2")},
			"thuong": {d("1"), d("1")}, "tru": {d("1"), d("1")}}}.Run(cp, rand.New(rand.NewPCG(1, 1)))
	require.NoError(t, err)
	for _, u := range s.Units {
		assert.Equal(t, u.BaseRank, u.BestRank)
		assert.Equal(t, u.BaseRank, u.WorstRank)
	}
}

// The report depends on the caller's source only: reviewing the years on 1, 2
// or 8 goroutines gives the same report, and so does the default.
func TestExperimentReportIsTheSameForAnyWorkerCount(t *testing.T) {
	e := flagExperiment(t, 400)
	e.Workers = 1
	want, err := e.Run(rand.New(rand.NewPCG(5, 6)))
	require.NoError(t, err)
	for _, w := range []int{2, 8, 0} {
		e.Workers = w
		got, err := e.Run(rand.New(rand.NewPCG(5, 6)))
		require.NoError(t, err)
		require.Equal(t, want, got, "%d workers", w)
	}
	// Another seed gives another report: the comparison can fail.
	other, err := e.Run(rand.New(rand.NewPCG(5, 7)))
	require.NoError(t, err)
	require.NotEqual(t, want, other)
}

// A year whose draws a policy cannot satisfy fails the run with the same
// error for any worker count: the earliest failing year's.
func TestExperimentErrorIsTheSameForAnyWorkerCount(t *testing.T) {
	e := flagExperiment(t, 300)
	// The exact mean of the 3 middle marks of 9 has no decimal form in some
	// cells of every year; the message names the year's first such cell.
	e.Variants[0].Policy = thidua.ScoringPolicy{Aggregation: thidua.AggregateTrimmedMean, Trim: 3, CountOwnPeer: true}
	e.Workers = 1
	_, want := e.Run(rand.New(rand.NewPCG(1, 2)))
	require.ErrorIs(t, want, thidua.ErrInexact)
	for _, w := range []int{2, 8} {
		e.Workers = w
		_, err := e.Run(rand.New(rand.NewPCG(1, 2)))
		require.Equal(t, want.Error(), err.Error(), "%d workers", w)
	}
	e.Workers = -1
	_, err := e.Run(rand.New(rand.NewPCG(1, 2)))
	require.ErrorIs(t, err, thidua.ErrInvalidModel)
}

// Property: Sensitivity reports every unit once with ranks within the roster,
// BestRank ≤ WorstRank and counts within the samples, at least one unit first in each
// sample, and the same figures for the same seed; LeadChange is a change
// between two different units, rounded away from zero from the exact one.
func FuzzSensitivityAndLeadChange(f *testing.F) {
	f.Add(uint64(1), uint8(20), uint16(100), uint8(3), uint8(4))
	f.Add(uint64(9), uint8(5), uint16(900), uint8(1), uint8(0))
	f.Add(uint64(4), uint8(1), uint16(0), uint8(9), uint8(12))
	f.Fuzz(func(t *testing.T, seed uint64, samples uint8, deltaMilli uint16, quota, places uint8) {
		c := cluster3()
		card := simCard(t, 2, 3)
		as, err := GenerateAssessments(rand.New(rand.NewPCG(seed, 3)), card, c,
			AssessmentModel{Quality: simQuality(c, 10), Noise: 150, Kind: thidua.AssessorPeer})
		require.NoError(t, err)
		cp, err := thidua.Compile(card, c, as, thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}})
		require.NoError(t, err)
		spec := SensitivitySpec{Samples: 1 + int(samples%40), Delta: decimal.New(int64(deltaMilli%1500), -3), Quota: int(quota % 12)}
		sens, err := spec.Run(cp, rand.New(rand.NewPCG(seed, 4)))
		if err != nil {
			require.ErrorIs(t, err, thidua.ErrWeightRange, "only a delta of a whole weight or more is refused here")
		} else {
			again, err := spec.Run(cp, rand.New(rand.NewPCG(seed, 4)))
			require.NoError(t, err)
			require.Equal(t, sens, again, "deterministic for a seed")
			require.Equal(t, spec.Samples, sens.Samples)
			require.Len(t, sens.Units, c.Len())
			first := 0
			for i, u := range sens.Units {
				require.Equal(t, c.MemberIDs()[i], u.Unit)
				// Best and worst are over the samples; the base weights are not one.
				require.LessOrEqual(t, u.BestRank, u.WorstRank)
				require.LessOrEqual(t, u.WorstRank, c.Len())
				require.GreaterOrEqual(t, u.BestRank, 1)
				require.True(t, u.BaseRank >= 1 && u.BaseRank <= c.Len())
				require.LessOrEqual(t, u.First, spec.Samples)
				require.LessOrEqual(t, u.InQuota, spec.Samples)
				if spec.Quota >= c.Len() {
					require.Equal(t, spec.Samples, u.InQuota)
				}
				first += u.First
			}
			require.GreaterOrEqual(t, first, spec.Samples, "someone is first in every sample")
		}
		p := int32(places % 20)
		lc, ok, err := LeadChangeOf(cp, p)
		if p > thidua.MaxPlaces {
			require.ErrorIs(t, err, thidua.ErrInvalidModel)
			return
		}
		require.NoError(t, err)
		if !ok {
			return
		}
		require.NotEqual(t, lc.Leader, lc.Rival)
		require.True(t, c.IsMember(lc.Leader) && c.IsMember(lc.Rival))
		require.Equal(t, p, lc.Places)
		ex := lc.Exact()
		diff := new(big.Rat).Sub(lc.Change.Rat(), ex)
		require.True(t, diff.Sign() == 0 || diff.Sign() == ex.Sign(), "rounded away from zero: %s from %s", lc.Change, ex)
		require.True(t, lc.Equal(lc))
	})
}

// Property: Experiment.Run is deterministic for a seed, reports every
// variant, award and unit, keeps every count within the years, and has
// someone ranked first every year; its errors are typed.
func FuzzExperimentRun(f *testing.F) {
	f.Add(uint64(1), uint8(5), uint16(120), uint8(2), uint16(100), uint8(0))
	f.Add(uint64(2), uint8(1), uint16(0), uint8(0), uint16(0), uint8(1))
	f.Add(uint64(3), uint8(20), uint16(900), uint8(9), uint16(900), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, years uint8, noise uint16, topK uint8, absent uint16, variant uint8) {
		c := cluster3()
		p := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
		if variant&1 != 0 {
			p.Aggregation, p.Trim = thidua.AggregateTrimmedMean, 1
		}
		ths := []thidua.Threshold{thidua.AtLeast(4, 5).Of(thidua.BaseElectorate), thidua.AtLeast(2, 3).Of(thidua.BasePresent), thidua.MoreThan(1, 2).Of(thidua.BaseValid)}
		e := Experiment{
			Cluster: c, Scorecard: simCard(t, 2, 3), Years: 1 + int(years%12),
			Assessments: AssessmentModel{Quality: simQuality(c, 15), Noise: int(noise % 1200), Kind: thidua.AssessorPeer, DeductionShare: int(noise % 1001)},
			Ballots:     BallotModel{Noise: int(noise % 1000), TopK: int(topK % 10), Absent: int(absent % 1001)},
			Quorum:      thidua.AtLeast(2, 3),
			Variants: []Variant{
				{Name: "a", Policy: p, Rules: flagRules(t, ths[int(variant/2)%3])},
				{Name: "b", Policy: p, Rules: flagRules(t, ths[int(variant/6)%3])},
			},
		}
		rep, err := e.Run(rand.New(rand.NewPCG(seed, 5)))
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "thidua: "), "%v", err)
			require.True(t, errors.Is(err, thidua.ErrInvalidModel) || errors.Is(err, thidua.ErrTrimTooMuch), "%v", err)
			return
		}
		again, err := e.Run(rand.New(rand.NewPCG(seed, 5)))
		require.NoError(t, err)
		require.Equal(t, rep, again, "deterministic for a seed")
		require.Equal(t, e.Years, rep.Years)
		require.Len(t, rep.Variants, len(e.Variants))
		for i, v := range rep.Variants {
			require.Equal(t, e.Variants[i].Name, v.Name)
			require.LessOrEqual(t, v.NoQuorum, e.Years)
			require.Len(t, v.Awards, e.Variants[i].Rules.Len())
			for _, a := range v.Awards {
				for _, n := range []int{a.NoneReached, a.NotProposed, a.TopMissed, a.Runoffs} {
					require.GreaterOrEqual(t, n, 0)
					require.LessOrEqual(t, n, e.Years)
				}
			}
			require.Len(t, v.Units, c.Len())
			led := 0
			for k, u := range v.Units {
				require.Equal(t, c.MemberIDs()[k], u.Unit)
				led += u.Led
				for _, n := range u.Awards {
					require.LessOrEqual(t, n, e.Years)
				}
			}
			require.GreaterOrEqual(t, led, e.Years, "someone ranks first every year")
		}
	})
}

// The runner's path (marks drawn, chosen and summed as the policy says, put
// into a compiled frame with Compiled.WithMarks) gives the standings
// Scorecard.Score gives for the same draws as Assessments, and so does Compile.
func TestRunnerPathMatchesScore(t *testing.T) {
	c := cluster3()
	card := simCard(t, 3, 10)
	half := thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}
	cases := []struct {
		name   string
		kind   thidua.AssessorKind
		policy thidua.ScoringPolicy
	}{
		{"appraisal", thidua.AssessorAppraisal, thidua.ScoringPolicy{}},
		{"peer mean exact", thidua.AssessorPeer, thidua.ScoringPolicy{}},
		{"peer mean half-up", thidua.AssessorPeer, thidua.ScoringPolicy{Aggregate: half}},
		{"peer median", thidua.AssessorPeer, thidua.ScoringPolicy{Aggregation: thidua.AggregateMedian, Aggregate: half}},
		{"peer trimmed, own counted", thidua.AssessorPeer, thidua.ScoringPolicy{Aggregation: thidua.AggregateTrimmedMean, Trim: 1,
			CountOwnPeer: true, Aggregate: thidua.Rounding{Places: 1, Mode: thidua.RoundHalfEven}, Total: thidua.Rounding{Places: 0, Mode: thidua.RoundDown}}},
		{"tie-breakers", thidua.AssessorPeer, thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 0, Mode: thidua.RoundUp},
			Total: thidua.Rounding{Places: 0, Mode: thidua.RoundHalfUp},
			TieBreakers: []thidua.TieBreaker{thidua.ByCriterion("G1"), thidua.FewerDeductions(),
				thidua.ByComparison("roster", func(a, b thidua.UnitID) int { return 0 })}}},
		{"self", thidua.AssessorSelf, thidua.ScoringPolicy{Aggregate: half}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for seed := range uint64(20) {
				m := AssessmentModel{Quality: simQuality(c, 20), Noise: 150, Kind: tc.kind,
					SelfInflation: 100, DeductionShare: 300}
				as, err := GenerateAssessments(rand.New(rand.NewPCG(seed, 1)), card, c, m)
				require.NoError(t, err)
				st, err := card.Score(c, as, tc.policy)
				require.NoError(t, err)
				cp, err := thidua.Compile(card, c, as, tc.policy)
				require.NoError(t, err)
				got := cp.Score()
				require.True(t, got.Agrees(st), "seed %d:\ncompiled %s", seed, got)
				// The drawn marks, chosen and summed by the runner and put into
				// the frame with Compiled.WithMarks, agree too (the runner's path).
				g, err := newMarkGen(&card, c, m)
				require.NoError(t, err)
				L := len(card.Leaves())
				marks := make([]int64, g.assessors()*9*L)
				var z draws
				g.draw(fillFrom(rand.New(rand.NewPCG(seed, 1))), &z, marks)
				sums, counts := make([]int64, 9*L), make([]int, 9*L)
				require.NoError(t, g.sum(marks, z.totals, &tc.policy, sums, counts, nil))
				zero := g.assessments(make([]int64, len(marks)))
				frame, err := thidua.Compile(card, c, zero, tc.policy)
				require.NoError(t, err)
				direct, err := frame.WithMarks(sums, counts, g.scale)
				require.NoError(t, err)
				require.True(t, direct.Score().Agrees(st), "seed %d: drawn path", seed)
			}
		})
	}
}

// noise is the documented noise drawn one at a time, as the package drew it
// before it drew a year's noise in one block: the sum of two uniform draws
// from [0, 2n], less 2n, halved toward zero, each uniform draw a 16-bit
// quarter of a Uint64 mapped by Lemire's multiply-and-reject, the pair drawn
// again when either is rejected.
type noise struct {
	r    *rand.Rand
	n    int
	bits uint64
	left int // quarters left in bits
}

func newNoise(r *rand.Rand, n int) noise { return noise{r: r, n: n} }

func (z *noise) next() int {
	if z.n == 0 {
		return 0
	}
	m := uint32(2*z.n + 1)
	uniform := func(x uint16) (uint32, bool) {
		p := uint32(x) * m
		return p >> 16, uint16(p) >= -uint16(m)%uint16(m)
	}
	for {
		if z.left == 0 {
			z.bits, z.left = z.r.Uint64(), 4
		}
		a, okA := uniform(uint16(z.bits))
		b, okB := uniform(uint16(z.bits >> 16))
		z.bits, z.left = z.bits>>32, z.left-2
		if okA && okB {
			return (int(a) + int(b) - 2*z.n) / 2
		}
	}
}

// The block draw of noise (fillNoise) draws the noise noise.next draws one at
// a time from the same source, and leaves the source where the one-at-a-time
// draw leaves it, so the draw after it (the ballots) is the same.
func TestBlockNoiseIsTheOneByOneNoise(t *testing.T) {
	var z draws
	for _, n := range []int{0, 1, 7, 150, 999, 1000} {
		for _, count := range []int{1, 2, 3, 81, 2592} {
			for seed := range uint64(5) {
				one, block := rand.New(rand.NewPCG(seed, 7)), rand.New(rand.NewPCG(seed, 7))
				want := make([]int16, count)
				nz := newNoise(one, n)
				for i := range want {
					want[i] = int16(nz.next())
				}
				got := z.fillNoise(n, count, fillFrom(block))
				require.Equal(t, want, got, "noise %d, %d draws, seed %d", n, count, seed)
				require.Equal(t, one.Uint64(), block.Uint64(), "noise %d, %d draws, seed %d: the source moved on differently", n, count, seed)
			}
		}
	}
}

// Every drawn mark is the model's: quality plus noise (plus the unit's
// self-inflation on its own mark), held to [0, 1000], taken as a share of the
// leaf's maximum in steps (of DeductionShare of it, from 1000 − the perceived
// quality, on a deduction leaf) and rounded half-up to a step, with the noise
// noise.next draws in unit, leaf, assessor order.
func TestDrawnMarksAreTheModel(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 3)
	ids := c.MemberIDs()
	for i, m := range []AssessmentModel{
		{Noise: 300, Kind: thidua.AssessorPeer, SelfInflation: 200, DeductionShare: 400, Step: decimal.RequireFromString("0.5")},
		{Noise: 1000, Kind: thidua.AssessorPeer, SelfInflationBy: map[thidua.UnitID]int{ids[2]: 1000}, DeductionShare: 1000},
		{Noise: 0, Kind: thidua.AssessorSelf, SelfInflation: 50, DeductionShare: 300},
		{Noise: 80, Kind: thidua.AssessorAppraisal, SelfInflation: 500, DeductionShare: 700},
	} {
		m.Quality = simQuality(c, 90)
		step, A := decimal.New(25, -2), 1
		if !m.Step.IsZero() {
			step = m.Step
		}
		if m.Kind == thidua.AssessorPeer {
			A = len(ids)
		}
		for seed := range uint64(3) {
			as, err := GenerateAssessments(rand.New(rand.NewPCG(seed, 5)), card, c, m)
			require.NoError(t, err)
			z := newNoise(rand.New(rand.NewPCG(seed, 5)), m.Noise)
			for u, id := range ids {
				for _, lf := range card.Leaves() {
					for a := range A {
						p := m.Quality[id] + z.next()
						if m.Kind == thidua.AssessorSelf || (m.Kind == thidua.AssessorPeer && a == u) {
							inf, ok := m.SelfInflationBy[id]
							if !ok {
								inf = m.SelfInflation
							}
							p += inf
						}
						p = min(1000, max(0, p))
						steps := lf.Max.DivRound(step, 0).IntPart()
						if lf.Kind == thidua.CriterionDeduction {
							steps, p = steps*int64(m.DeductionShare)/1000, 1000-p
						}
						want := decimal.NewFromInt(int64(p)*steps).DivRound(decimal.NewFromInt(1000), 0).Mul(step)
						got := as[a*len(ids)+u]
						require.Equal(t, id, got.Unit)
						require.True(t, want.Equal(got.Marks[lf.ID]), "model %d, seed %d, %s %s by %d: %s, want %s",
							i, seed, id, lf.ID, a, got.Marks[lf.ID], want)
					}
				}
			}
		}
	}
}

// A voter's best k units are the first k of all units sorted by perception,
// best first, ties in roster order, whatever k; equal qualities and little
// noise make ties.
func TestPerceiveKeepsTheBestInOrder(t *testing.T) {
	var z draws
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 11))
		n := 1 + r.IntN(12)
		quality := make([]int, n)
		for u := range quality {
			quality[u] = 500 + 10*r.IntN(3)
		}
		noise := r.IntN(3)
		for best := range n + 2 {
			src, ref := rand.New(rand.NewPCG(seed, 12)), rand.New(rand.NewPCG(seed, 12))
			order, perc := make([]int, n), make([]int, n)
			got := perceive(fillFrom(src), &z, quality, noise, order, perc, best)
			nz := newNoise(ref, noise)
			want := make([]int, n)
			p := make([]int, n)
			for u := range want {
				want[u], p[u] = u, quality[u]+nz.next()
			}
			slices.SortStableFunc(want, func(a, b int) int { return p[b] - p[a] })
			if best > 0 && best < n {
				want = want[:best]
			}
			require.Equal(t, want, got, "seed %d, best %d", seed, best)
			require.Equal(t, p, perc, "seed %d, best %d", seed, best)
		}
	}
}

// Seats lays out its decision core in a fixed room for up to 16 candidates
// and allocates it beyond: on either side of that, a ranking of distinct
// ranks seats the best five for the certificate of merit and the next seven
// for the commendation, in rank order, as DecideCandidates proposes them.
func TestSeatsOnEitherSideOfTheRoom(t *testing.T) {
	rules, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(5)},
		thidua.AwardRule{Award: thidua.AwardCommendation, Quota: thidua.CountQuota(7)})
	require.NoError(t, err)
	for _, n := range []int{12, 15, 16, 17, 40} {
		r := rand.New(rand.NewPCG(uint64(n), 3))
		cands := make([]thidua.Candidate, n)
		for i, rank := range r.Perm(n) {
			cands[i] = thidua.Candidate{Unit: thidua.UnitID(fmt.Sprintf("u%03d", r.IntN(1000)*100+i)), Rank: rank + 1}
		}
		byRank := make([]int, n)
		for i, c := range cands {
			byRank[c.Rank-1] = i
		}
		seats, err := rules.Seats(cands, thidua.Pool{})
		require.NoError(t, err)
		require.Equal(t, [][]int{byRank[:5], byRank[5:12]}, seats, "%d candidates", n)
		d, err := thidua.DecideCandidates(rules, cands, thidua.Pool{})
		require.NoError(t, err)
		var proposed []thidua.UnitID
		for _, p := range d.Proposals {
			proposed = append(proposed, p.Unit)
		}
		want := []thidua.UnitID{}
		for _, i := range byRank[:12] {
			want = append(want, cands[i].Unit)
		}
		require.Equal(t, want, proposed, "%d candidates", n)
	}
}
