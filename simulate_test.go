package thidua

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// simCard is a table of groups×per leaves with maxima 5 or 10 and weights 1,
// 1.5 or 2, plus a bonus and a deduction.
func simCard(t testing.TB, groups, per int) Scorecard {
	var cs []CriterionSpec
	for g := range groups {
		grp := CriterionSpec{ID: CriterionID(fmt.Sprintf("G%d", g)), Name: "nhóm"}
		for k := range per {
			w := []string{"1", "1.5", "2"}[(g+k)%3]
			grp.Children = append(grp.Children, CriterionSpec{ID: CriterionID(fmt.Sprintf("G%d.%d", g, k)),
				Name: "tiêu chí", Max: decimal.NewFromInt(int64(5 + 5*(k%2))), Weight: decimal.RequireFromString(w)})
		}
		cs = append(cs, grp)
	}
	cs = append(cs, CriterionSpec{ID: "thuong", Name: "thưởng", Kind: CriterionBonus, Max: decimal.NewFromInt(5)},
		CriterionSpec{ID: "tru", Name: "trừ", Kind: CriterionDeduction, Max: decimal.NewFromInt(5)})
	card, err := NewScorecard(ScorecardSpec{ID: "sim", Name: "mô phỏng", Year: 2023, Criteria: cs})
	require.NoError(t, err)
	return card
}

func simQuality(c Cluster, spread int) map[UnitID]int {
	q := map[UnitID]int{}
	for i, u := range c.spec.Members {
		q[u.ID] = 850 - spread*i
	}
	return q
}

func TestCompiledMatchesScore(t *testing.T) {
	c := cluster3()
	card := simCard(t, 3, 10)
	half := Rounding{Places: 2, Mode: RoundHalfUp}
	cases := []struct {
		name   string
		kind   AssessorKind
		policy ScoringPolicy
	}{
		{"appraisal", AssessorAppraisal, ScoringPolicy{}},
		{"peer mean exact", AssessorPeer, ScoringPolicy{}},
		{"peer mean half-up", AssessorPeer, ScoringPolicy{Aggregate: half}},
		{"peer median", AssessorPeer, ScoringPolicy{Aggregation: AggregateMedian, Aggregate: half}},
		{"peer trimmed, own counted", AssessorPeer, ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1,
			CountOwnPeer: true, Aggregate: Rounding{Places: 1, Mode: RoundHalfEven}, Total: Rounding{Places: 0, Mode: RoundDown}}},
		{"tie-breakers", AssessorPeer, ScoringPolicy{Aggregate: Rounding{Places: 0, Mode: RoundUp},
			Total: Rounding{Places: 0, Mode: RoundHalfUp},
			TieBreakers: []TieBreaker{ByCriterion("G1"), FewerDeductions(),
				ByComparison("roster", func(a, b UnitID) int { return 0 })}}},
		{"self", AssessorSelf, ScoringPolicy{Aggregate: half}},
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
				cp, err := Compile(card, c, as, tc.policy)
				require.NoError(t, err)
				got := cp.Score()
				require.True(t, got.Agrees(st), "seed %d:\ncompiled %s", seed, got)
				// The drawn marks compiled directly agree too (the runner's path).
				g, err := newMarkGen(&card, c, m)
				require.NoError(t, err)
				marks := make([]int64, g.assessors()*9*len(card.leaves))
				g.draw(rand.New(rand.NewPCG(seed, 1)), marks)
				direct := newCompiledFrame(&card, c, tc.policy)
				direct.marks = make([]int64, 9*len(card.leaves))
				L := len(card.leaves)
				require.NoError(t, g.compileDrawn(marks, &tc.policy, &direct, make([]int64, 9*L), make([]int, 9*L), nil))
				direct.maxAbs = cp.maxAbs
				require.NoError(t, direct.setWeights(&card))
				require.True(t, direct.Score().Agrees(st), "seed %d: drawn path", seed)
			}
		})
	}
}

// Scoring with other weights equals scoring a scorecard that has them.
func TestScoreWithMatchesRebuiltCard(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 5)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(7, 7)), card, c,
		AssessmentModel{Quality: simQuality(c, 10), Noise: 200, Kind: AssessorPeer})
	require.NoError(t, err)
	p := ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}, TieBreakers: []TieBreaker{ByCriterion("G0")}}
	cp, err := Compile(card, c, as, p)
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(1, 2))
	for range 30 {
		ws := cp.Weights()
		for l := range ws {
			ws[l] = decimal.New(int64(1+r.IntN(300)), -2)
		}
		got, err := cp.ScoreWith(ws)
		require.NoError(t, err)
		want, err := card.withWeights(ws).Score(c, as, p)
		require.NoError(t, err)
		require.True(t, got.Agrees(want), "%v\n%s", ws, got)
	}
}

// withWeights rebuilds the card with the leaves' weights replaced, in order.
func (s Scorecard) withWeights(ws []decimal.Decimal) Scorecard {
	card, err := s.rebuiltWith(ws)
	if err != nil {
		panic(err)
	}
	return card
}

// rebuiltWith is withWeights with NewScorecard's error for weights it refuses.
func (s Scorecard) rebuiltWith(ws []decimal.Decimal) (Scorecard, error) {
	spec := s.Spec()
	i := 0
	var walk func(cs []CriterionSpec)
	walk = func(cs []CriterionSpec) {
		for k := range cs {
			if len(cs[k].Children) == 0 {
				cs[k].Weight = ws[i]
				i++
				continue
			}
			walk(cs[k].Children)
		}
	}
	walk(spec.Criteria)
	return NewScorecard(spec)
}

// scoreWithAsRebuilt checks ScoreWith's contract for one set of weights: it
// accepts exactly the weights NewScorecard accepts, refusing the rest with the
// same sentinel, and scores them as the rebuilt scorecard does.
func scoreWithAsRebuilt(t *testing.T, card Scorecard, cp Compiled, c Cluster, as []Assessment, p ScoringPolicy, ws []decimal.Decimal) {
	t.Helper()
	got, err := cp.ScoreWith(ws)
	rebuilt, rerr := card.rebuiltWith(ws)
	if rerr != nil {
		require.Error(t, err, "ScoreWith accepts %v, which NewScorecard refuses: %v", ws, rerr)
		for _, sentinel := range []error{ErrPointsRange, ErrWeightRange} {
			require.Equal(t, errors.Is(rerr, sentinel), errors.Is(err, sentinel), "%v: %v against %v", ws, err, rerr)
		}
		return
	}
	require.NoError(t, err, "%v", ws)
	want, err := rebuilt.Score(c, as, p)
	require.NoError(t, err)
	require.True(t, got.Agrees(want), "%v\n%s", ws, got)
}

func TestCompiledBadInput(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(1, 1)), card, c,
		AssessmentModel{Quality: simQuality(c, 10), Kind: AssessorPeer})
	require.NoError(t, err)
	_, err = Compile(card, c, as, ScoringPolicy{Aggregation: AggregateMedian, PerTotal: true})
	require.ErrorIs(t, err, ErrNotCompilable)
	_, err = Compile(card, c, as[:3], ScoringPolicy{})
	require.ErrorIs(t, err, ErrNoAssessment, "Score's errors come through")
	cp, err := Compile(card, c, as, ScoringPolicy{})
	require.NoError(t, err)
	w := cp.Weights()
	_, err = cp.ScoreWith(w[:1])
	require.ErrorIs(t, err, ErrInvalidModel)
	w[0] = decimal.Zero
	_, err = cp.ScoreWith(w)
	require.ErrorIs(t, err, ErrWeightRange)
	w[0] = decimal.RequireFromString("1e19")
	_, err = cp.ScoreWith(w)
	require.ErrorIs(t, err, ErrPointsRange, "a weight no scorecard accepts")
	assert.Contains(t, err.Error(), "thidua:")
}

// Weights a scorecard accepts but whose totals do not fit the int64 form are
// scored in decimals (issue 14 found a *FieldError wrapping ErrOverflow here):
// the standings are those of a scorecard rebuilt with the weights. Weights a
// scorecard refuses are refused with its error.
func TestScoreWithWeightsBeyondInt64(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 3)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(3, 3)), card, c,
		AssessmentModel{Quality: simQuality(c, 10), Noise: 200, Kind: AssessorPeer})
	require.NoError(t, err)
	p := ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}, Total: Rounding{Places: 1, Mode: RoundDown},
		TieBreakers: []TieBreaker{ByCriterion("G1"), FewerDeductions()}}
	cp, err := Compile(card, c, as, p)
	require.NoError(t, err)
	// In range: the most digits before the point and after it that a
	// scorecard accepts, far beyond the int64 form at the marks' scale.
	// Beyond range: refused by both, with ErrPointsRange.
	for _, big := range []string{"999999999999999999", "0.000000000000000001", "999999999999.999999",
		"123456789.123456789", "1e18", "1e19", "10000000000000000000", "0.0000000000000000001", "123456789012345678901234567890"} {
		ws := cp.Weights()
		ws[0], ws[len(ws)-1] = decimal.RequireFromString(big), decimal.RequireFromString(big)
		scoreWithAsRebuilt(t, card, cp, c, as, p, ws)
	}
	ws := cp.Weights()
	ws[0] = decimal.RequireFromString("999999999999999999")
	_, err = cp.ScoreWith(ws)
	require.NoError(t, err, "the largest weight a scorecard accepts")
	ws[0] = decimal.RequireFromString("1e18")
	_, err = cp.ScoreWith(ws)
	require.ErrorIs(t, err, ErrPointsRange, "19 digits before the point")
}

func TestGeneratorsBadInput(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	q := simQuality(c, 10)
	r := rand.New(rand.NewPCG(1, 1))
	missing := map[UnitID]int{"bac-ninh": 500}
	high := simQuality(c, 10)
	high["ha-nam"] = 1001
	cases := []struct {
		name string
		m    AssessmentModel
		err  error
	}{
		{"missing quality", AssessmentModel{Quality: missing, Kind: AssessorPeer}, ErrInvalidModel},
		{"quality above 1000", AssessmentModel{Quality: high, Kind: AssessorPeer}, ErrInvalidModel},
		{"negative noise", AssessmentModel{Quality: q, Kind: AssessorPeer, Noise: -1}, ErrInvalidModel},
		{"no kind", AssessmentModel{Quality: q}, ErrInvalidModel},
		{"zero step", AssessmentModel{Quality: q, Kind: AssessorPeer, Step: decimal.New(0, -2)}, ErrInvalidModel},
		{"negative inflation", AssessmentModel{Quality: q, Kind: AssessorPeer, SelfInflation: -5}, ErrInvalidModel},
		{"one unit's inflation above 1000", AssessmentModel{Quality: q, Kind: AssessorPeer,
			SelfInflationBy: map[UnitID]int{"ha-nam": 1001}}, ErrInvalidModel},
		{"inflation of a non-member", AssessmentModel{Quality: q, Kind: AssessorPeer,
			SelfInflationBy: map[UnitID]int{"ha-noi": 10}}, ErrUnknownUnit},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := GenerateAssessments(r, card, c, tc.m)
			require.ErrorIs(t, err, tc.err)
		})
	}
	_, err := GenerateAssessments(nil, card, c, AssessmentModel{Quality: q, Kind: AssessorPeer})
	require.ErrorIs(t, err, ErrNoSource)
	_, _, err = GenerateApprovalBallots(r, c, q, BallotModel{TopK: -1})
	require.ErrorIs(t, err, ErrInvalidModel)
	_, err = GenerateRankedBallots(r, c, q, BallotModel{Absent: 2000})
	require.ErrorIs(t, err, ErrInvalidModel)
	_, _, err = GenerateApprovalBallots(nil, c, q, BallotModel{TopK: 1})
	require.ErrorIs(t, err, ErrNoSource)
}

// Generated marks are valid and within each maximum; ballots are valid for a
// contest that allows TopK marks.
func TestGeneratedDataIsValid(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 4)
	r := rand.New(rand.NewPCG(3, 4))
	as, err := GenerateAssessments(r, card, c, AssessmentModel{Quality: simQuality(c, 50), Noise: 400,
		SelfInflation: 300, DeductionShare: 1000, Kind: AssessorPeer, Step: decimal.RequireFromString("0.5")})
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
	contest, err := NewContest(ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Method: MethodApproval, MaxMarks: 2})
	require.NoError(t, err)
	res, err := contest.Tally(bs)
	require.NoError(t, err)
	require.Equal(t, present, res.Valid)
	rb, err := GenerateRankedBallots(r, c, simQuality(c, 50), BallotModel{Noise: 100})
	require.NoError(t, err)
	schulze, err := NewContest(ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Method: MethodSchulze})
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
	require.ErrorIs(t, err, ErrNoSource)
	e.Years = 0
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, ErrInvalidModel)
	e = flagExperiment(t, 10)
	e.Variants[0].Policy = ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 5}
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, ErrTrimTooMuch)
	e = flagExperiment(t, 10)
	e.Ballots.Bar = -1
	_, err = e.Run(rand.New(rand.NewPCG(1, 1)))
	require.ErrorIs(t, err, ErrInvalidModel)
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
	thresholds := []Threshold{AtLeast(4, 5).Of(BaseElectorate), AtLeast(2, 3).Of(BasePresent),
		MoreThan(1, 2).Of(BaseValid), AtLeast(1, 2).Of(BaseCast)}
	checked, ties := 0, 0
	for _, tc := range models {
		t.Run(tc.name, func(t *testing.T) {
			for _, th := range thresholds {
				for seats := range 4 {
					for seed := range uint64(40) {
						vd := newVoteDraw(1, 9)
						vd.draw(rand.New(rand.NewPCG(seed, 7)), &tc.m, simIndexQualities(c, q))
						bs, present, err := GenerateApprovalBallots(rand.New(rand.NewPCG(seed, 7)), c, q, tc.m)
						require.NoError(t, err)
						require.Equal(t, present, vd.present)
						contest, err := NewContest(ContestSpec{Candidates: c.MemberIDs(), Electorate: 9, Seats: seats,
							Method: MethodApproval, Threshold: th, Quorum: AtLeast(1, 2)})
						require.NoError(t, err)
						res, err := contest.Tally(bs)
						quorum := AtLeast(1, 2).Met(present, 9)
						if !quorum {
							require.ErrorIs(t, err, ErrNoQuorum)
							continue
						}
						require.NoError(t, err)
						require.Equal(t, res.Valid, vd.valid[0], "valid ballots")
						base := vd.base(th, 0, 9)
						require.Equal(t, res.Base(), base)
						vcs := make([]VoteCount, 9)
						var passed []UnitID
						for u, id := range c.MemberIDs() {
							require.Equal(t, res.Votes(id), vd.votes[0][u], "%s", id)
							vcs[u] = VoteCount{Votes: vd.votes[0][u], Base: base, Passed: th.Met(vd.votes[0][u], base)}
							if vcs[u].Passed {
								passed = append(passed, id)
							}
						}
						require.ElementsMatch(t, res.Passed, passed)
						require.Equal(t, len(res.Tied) > 0, voteTie(vd.votes[0], vcs, seats), "seats %d", seats)
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

func simIndexQualities(c Cluster, q map[UnitID]int) []int {
	out := make([]int, 0, c.Len())
	for _, id := range c.MemberIDs() {
		out = append(out, q[id])
	}
	return out
}

// decideRun, the runner's decision, proposes exactly what DecideCandidates
// proposes, in the same order, and holds the units DecideCandidates reports
// in a tie, under rank-first and votes-first rules, with and without
// standards.
func TestDecideRunMatchesDecideCandidates(t *testing.T) {
	withTies, votesFirst := 0, 0
	for seed := range uint64(3000) {
		tie, vf := checkDecideRun(t, seed)
		withTies += tie
		votesFirst += vf
	}
	t.Logf("3000 decisions compared, %d with a tie at a quota, %d votes first", withTies, votesFirst)
	require.Greater(t, withTies, 100)
	require.Greater(t, votesFirst, 1000)
}

// FuzzDecideRun is TestDecideRunMatchesDecideCandidates on seeds the fuzzer
// picks.
func FuzzDecideRun(f *testing.F) {
	f.Add(uint64(0))
	f.Add(uint64(12345))
	f.Add(uint64(7)) // votes first
	f.Fuzz(func(t *testing.T, seed uint64) { checkDecideRun(t, seed) })
}

var (
	leanQuotas = []Quota{{}, CountQuota(0), CountQuota(1), CountQuota(2), CountQuota(3),
		ShareOfMembers(1, 3), ShareOfLeaders(1, 2).WithRounding(QuotaRoundCeil)}
	leanThresholds = []Threshold{{}, AtLeast(4, 5).Of(BaseElectorate), MoreThan(1, 2).Of(BaseValid), AtLeast(1, 3).Of(BasePresent)}
)

// checkDecideRun draws a decision from seed (units with IDs out of roster
// order, ranks with ties, rules with quotas, votes and sometimes standards,
// votes first or rank first, few distinct vote counts), compares decideRun
// with DecideCandidates, and returns (1 when the decision has a tie at a
// quota, 1 when the rules take votes first).
func checkDecideRun(t *testing.T, seed uint64) (tie, votesFirst int) {
	r := rand.New(rand.NewPCG(seed, 11))
	U := 1 + r.IntN(12)
	units := make([]UnitID, U)
	cands := make([]Candidate, U)
	leaders := 0
	for u := range U {
		units[u] = UnitID(fmt.Sprintf("u%02d", r.IntN(100)*100+u)) // IDs not in roster order
		rank := 1 + r.IntN(U)
		cands[u] = Candidate{Unit: units[u], Rank: rank, Total: decimal.New(int64(100-rank), 0), LeadsCluster: rank == 1}
		if rank == 1 {
			leaders++
		}
	}
	var specs []AwardRule
	for _, a := range Awards() {
		if r.IntN(3) == 0 {
			rule := AwardRule{Award: a, Quota: leanQuotas[r.IntN(len(leanQuotas))],
				Vote: leanThresholds[r.IntN(len(leanThresholds))]}
			switch r.IntN(4) {
			case 0:
				rule.Standards = []Standard{RequireRank(1 + r.IntN(U))}
			case 1:
				rule.Standards = []Standard{RequireMinTotal(decimal.New(int64(100-1-r.IntN(U)), 0)), RequireLeadsCluster()}
			}
			specs = append(specs, rule)
		}
	}
	rules, err := NewAwardRules(specs...)
	require.NoError(t, err)
	if r.IntN(2) == 0 {
		rules, votesFirst = rules.WithVotesFirst(true), 1
	}
	rs := rules.Rules()
	vcs := make([][]VoteCount, len(rs))
	for ri, rule := range rs {
		if rule.Vote.IsZero() {
			continue
		}
		base := U + r.IntN(3)
		vcs[ri] = make([]VoteCount, U)
		for u := range U {
			v := r.IntN(min(base, 4) + 1) // few distinct counts: many ties
			vc := VoteCount{Votes: v, Base: base, Passed: rule.Vote.Met(v, base) && r.IntN(10) > 0}
			vcs[ri][u] = vc
			if cands[u].Votes == nil {
				cands[u].Votes = map[Award]VoteCount{}
			}
			cands[u].Votes[rule.Award] = vc
		}
	}
	d, err := DecideCandidates(rules, cands, Pool{Members: U})
	require.NoError(t, err)
	sc := newSeatCore(units)
	got := decideRun(rules, vcs, cands, U, leaders, sc, nil)
	require.Len(t, got, len(d.Proposals), "seed %d", seed)
	for i, p := range d.Proposals {
		require.Equal(t, p.Award, rs[got[i].rule].Award, "seed %d, proposal %d", seed, i)
		require.Equal(t, p.Unit, units[got[i].unit], "seed %d, proposal %d", seed, i)
	}
	var held, tied []UnitID
	for u := range U {
		if sc.at[u] >= 0 && sc.held[u] {
			held = append(held, units[u])
		}
	}
	for _, tie := range d.Ties {
		tied = append(tied, tie.Units...)
	}
	require.ElementsMatch(t, tied, held, "seed %d", seed)
	if len(d.Ties) > 0 {
		tie = 1
	}
	return tie, votesFirst
}

// A standard every unit meets, checked by the runner for every unit and
// rule, leaves the report as it is.
func TestExperimentStandardEveryUnitMeets(t *testing.T) {
	plain := flagExperiment(t, 300)
	full := flagExperiment(t, 300)
	for i, v := range full.Variants {
		rs := v.Rules.Rules()
		for k := range rs {
			rs[k].Standards = []Standard{RequireRank(9)}
		}
		rules, err := NewAwardRules(rs...)
		require.NoError(t, err)
		full.Variants[i].Rules = rules
	}
	a, err := plain.Run(rand.New(rand.NewPCG(8, 8)))
	require.NoError(t, err)
	b, err := full.Run(rand.New(rand.NewPCG(8, 8)))
	require.NoError(t, err)
	require.Equal(t, a, b)
	f, _ := a.Variants[2].Award(AwardMinistryFlag)
	require.Positive(t, f.Runoffs, "some years tie at the flag's seat")
}

// Only the marks a unit's standing uses set the scale of the int64 form:
// self-assessments with 17 places, outranked by peers' marks in quarters, do
// not push the form past int64, so Compile still compiles.
func TestCompileScalesByTheMarksUsed(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	as, err := GenerateAssessments(rand.New(rand.NewPCG(4, 4)), card, c,
		AssessmentModel{Quality: simQuality(c, 10), Noise: 100, Kind: AssessorPeer})
	require.NoError(t, err)
	fine := decimal.RequireFromString("0.00000000000000001")
	for _, id := range c.MemberIDs() {
		m := map[CriterionID]decimal.Decimal{}
		for _, l := range card.Leaves() {
			m[l.ID] = fine
		}
		as = append(as, Assessment{Unit: id, Assessor: id, Kind: AssessorSelf, Marks: m})
	}
	p := ScoringPolicy{Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}}
	st, err := card.Score(c, as, p)
	require.NoError(t, err)
	cp, err := Compile(card, c, as, p)
	require.NoError(t, err)
	require.True(t, cp.Score().Agrees(st))
}
