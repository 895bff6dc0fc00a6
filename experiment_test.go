package thidua

import (
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flagRules is one flag by vote under threshold th and two certificates.
func flagRules(t testing.TB, th Threshold) AwardRules {
	r, err := NewAwardRules(AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: th},
		AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(2)})
	require.NoError(t, err)
	return r
}

// flagExperiment is Cluster 3 under the three flag rules of issue 8.
func flagExperiment(t testing.TB, years int) Experiment {
	c := cluster3()
	p := ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}}
	return Experiment{
		Cluster: c, Scorecard: simCard(t, 3, 10), Years: years,
		Assessments: AssessmentModel{Quality: simQuality(c, 15), Noise: 120, Kind: AssessorPeer, DeductionShare: 200},
		Ballots:     BallotModel{Noise: 150, TopK: 2, Absent: 100},
		Quorum:      AtLeast(2, 3),
		Variants: []Variant{
			{Name: "80% of members", Policy: p, Rules: flagRules(t, AtLeast(4, 5).Of(BaseElectorate))},
			{Name: "2/3 of present", Policy: p, Rules: flagRules(t, AtLeast(2, 3).Of(BasePresent))},
			{Name: "majority of valid", Policy: p, Rules: flagRules(t, MoreThan(1, 2).Of(BaseValid))},
		},
	}
}

// Would a flag threshold of 80% of all members leave many clusters without a
// flag? More than the looser rules do.
func TestExperimentStrictThresholdLeavesMoreYearsWithoutFlag(t *testing.T) {
	rep, err := flagExperiment(t, 2000).Run(rand.New(rand.NewPCG(2023, 12)))
	require.NoError(t, err)
	none := func(i int) int { a, _ := rep.Variants[i].Award(AwardMinistryFlag); return a.NotProposed }
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
	e.Assessments.SelfInflationBy = map[UnitID]int{"nam-dinh": 400}
	mean := ScoringPolicy{CountOwnPeer: true, Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}}
	trimmed := mean
	trimmed.Aggregation, trimmed.Trim = AggregateTrimmedMean, 1
	rules := flagRules(t, AtLeast(4, 5).Of(BaseElectorate))
	e.Variants = []Variant{{Name: "mean", Policy: mean, Rules: rules}, {Name: "trimmed", Policy: trimmed, Rules: rules}}
	rep, err := e.Run(rand.New(rand.NewPCG(5, 5)))
	require.NoError(t, err)
	led := func(i int, u UnitID) int { x, _ := rep.Variants[i].Unit(u); return x.Led }
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
		AssessmentModel{Quality: simQuality(c, 2), Noise: 100, Kind: AssessorAppraisal})
	require.NoError(t, err)
	cp, err := Compile(card, c, as, ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}})
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
		s, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), SensitivitySpec{Samples: 2000,
			Delta: decimal.RequireFromString(delta), Quota: 3})
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
			AssessmentModel{Quality: simQuality(c, 10), Noise: 150, Kind: AssessorPeer})
		require.NoError(t, err)
		cp, err := Compile(card, c, as, ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}})
		require.NoError(t, err)
		lc, ok, err := cp.LeadChange(4)
		require.NoError(t, err)
		if !ok || lc.Change.IsZero() {
			continue
		}
		checked++
		l := simIndex(cp.leaves, lc.Criterion)
		total := func(change decimal.Decimal, who UnitID) decimal.Decimal {
			ws := cp.Weights()
			ws[l] = ws[l].Add(change)
			st, err := cp.ScoreWith(ws)
			require.NoError(t, err)
			return st.Total(simIndex(cp.units, who))
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
	_, _, err := Compiled{}.LeadChange(-1)
	require.ErrorIs(t, err, ErrInvalidModel)
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
		AssessmentModel{Quality: simQuality(c, 10), Kind: AssessorAppraisal})
	require.NoError(t, err)
	cp, err := Compile(card, c, as, ScoringPolicy{})
	require.NoError(t, err)
	d := decimal.RequireFromString
	cases := []struct {
		name string
		spec SensitivitySpec
		err  error
	}{
		{"no samples", SensitivitySpec{Delta: d("0.1")}, ErrInvalidModel},
		{"negative delta", SensitivitySpec{Samples: 1, Delta: d("-0.1")}, ErrInvalidModel},
		{"negative quota", SensitivitySpec{Samples: 1, Quota: -1}, ErrInvalidModel},
		{"weight reaches zero", SensitivitySpec{Samples: 1, Delta: d("1")}, ErrWeightRange},
		{"unknown bound", SensitivitySpec{Samples: 1, Bounds: map[CriterionID]WeightRange{"x": {d("1"), d("2")}}}, ErrUnknownCriterion},
		{"bound reversed", SensitivitySpec{Samples: 1, Bounds: map[CriterionID]WeightRange{"G0.0": {d("2"), d("1")}}}, ErrInvalidModel},
		{"bound not positive", SensitivitySpec{Samples: 1, Bounds: map[CriterionID]WeightRange{"G0.0": {d("0"), d("1")}}}, ErrWeightRange},
		{"grid too fine", SensitivitySpec{Samples: 1, Delta: d("0.5"), Step: d("1e-12")}, ErrInvalidModel},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), tc.spec)
			require.ErrorIs(t, err, tc.err)
		})
	}
	_, err = cp.Sensitivity(nil, SensitivitySpec{Samples: 1})
	require.ErrorIs(t, err, ErrNoSource)
	// A zero step, however written, means the default step.
	def, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), SensitivitySpec{Samples: 50, Delta: d("0.1")})
	require.NoError(t, err)
	zero, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), SensitivitySpec{Samples: 50, Delta: d("0.1"), Step: d("0.00")})
	require.NoError(t, err)
	require.Equal(t, def, zero)
	// A delta finer than the step leaves each weight at its base, not an overflow.
	_, err = cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), SensitivitySpec{Samples: 5, Delta: d("0.05"), Step: d("0.1")})
	require.NoError(t, err)
	// Bounds are honoured: a weight fixed at one value gives the base ranks.
	s, err := cp.Sensitivity(rand.New(rand.NewPCG(1, 1)), SensitivitySpec{Samples: 10,
		Bounds: map[CriterionID]WeightRange{"G0.0": {d("1"), d("1")}, "G0.1": {d("1.5"), d("1.5")}, "G0.2": {d("2"), d("2")},
			"thuong": {d("1"), d("1")}, "tru": {d("1"), d("1")}}})
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
	e.Variants[0].Policy = ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 3, CountOwnPeer: true}
	e.Workers = 1
	_, want := e.Run(rand.New(rand.NewPCG(1, 2)))
	require.ErrorIs(t, want, ErrInexact)
	for _, w := range []int{2, 8} {
		e.Workers = w
		_, err := e.Run(rand.New(rand.NewPCG(1, 2)))
		require.Equal(t, want.Error(), err.Error(), "%d workers", w)
	}
	e.Workers = -1
	_, err := e.Run(rand.New(rand.NewPCG(1, 2)))
	require.ErrorIs(t, err, ErrInvalidModel)
}
