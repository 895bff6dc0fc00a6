package thidua

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
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

// simModel is what simAssessments draws: each unit's quality per mille, the
// noise (uniform in [-Noise, Noise] per mille), what a unit adds to its own
// marks, the share of a deduction's maximum taken at quality 0, and who
// assesses.
type simModel struct {
	Quality              map[UnitID]int
	Noise, SelfInflation int
	DeductionShare       int
	Kind                 AssessorKind
}

// simAssessments draws a year's assessments of every member on card, in
// quarters of a point: the package's own draw, so that its tests of the
// compiled path need no generator from outside it.
func simAssessments(r *rand.Rand, card Scorecard, c Cluster, m simModel) ([]Assessment, error) {
	var out []Assessment
	quarter := decimal.New(25, -2)
	for _, u := range c.spec.Members {
		var assessors []UnitID
		switch m.Kind {
		case AssessorAppraisal:
			assessors = []UnitID{"to-tham-dinh"}
		case AssessorPeer:
			assessors = c.MemberIDs()
		default:
			assessors = []UnitID{u.ID}
		}
		for _, by := range assessors {
			a := Assessment{Unit: u.ID, Assessor: by, Kind: m.Kind, Marks: map[CriterionID]decimal.Decimal{}}
			for _, l := range card.Leaves() {
				p := m.Quality[u.ID] + r.IntN(2*m.Noise+1) - m.Noise
				if by == u.ID {
					p += m.SelfInflation
				}
				p = min(1000, max(0, p))
				share := decimal.New(int64(p), -3)
				if l.Kind == CriterionDeduction {
					share = decimal.New(int64((1000-p)*m.DeductionShare/1000), -3)
				}
				// The share of the maximum, in whole quarters.
				a.Marks[l.ID] = l.Max.Mul(share).Mul(decimal.NewFromInt(4)).Floor().Mul(quarter)
			}
			out = append(out, a)
		}
	}
	return out, nil
}

func simQuality(c Cluster, spread int) map[UnitID]int {
	q := map[UnitID]int{}
	for i, u := range c.spec.Members {
		q[u.ID] = 850 - spread*i
	}
	return q
}

// Scoring with other weights equals scoring a scorecard that has them.
func TestScoreWithMatchesRebuiltCard(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 5)
	as, err := simAssessments(rand.New(rand.NewPCG(7, 7)), card, c,
		simModel{Quality: simQuality(c, 10), Noise: 200, Kind: AssessorPeer})
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
	as, err := simAssessments(rand.New(rand.NewPCG(1, 1)), card, c,
		simModel{Quality: simQuality(c, 10), Kind: AssessorPeer})
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
	as, err := simAssessments(rand.New(rand.NewPCG(3, 3)), card, c,
		simModel{Quality: simQuality(c, 10), Noise: 200, Kind: AssessorPeer})
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
	// RanksScaled ranks by fixed-point weights whose totals do not fit the
	// int64 form in decimals, as ScoreWith ranks them.
	fixed := []int64{999999999999999999, 1, 3, 2, 1, 1, 1, 999999999999999999}
	fixed = fixed[:len(cp.Criteria())]
	dec := make([]decimal.Decimal, len(fixed))
	for l, w := range fixed {
		dec[l] = decimal.New(w, -6)
	}
	want, err := cp.ScoreWith(dec)
	require.NoError(t, err)
	got, err := ranksScaled(cp, fixed, 6)
	require.NoError(t, err)
	require.False(t, cp.fits(fixed, fixed, 6), "beyond the int64 form")
	require.Len(t, got, want.Len())
	for i := range got {
		require.Equal(t, want.Rank(i), got[i])
	}
}

// AwardRules.Seats proposes exactly what DecideCandidates proposes, in the
// same order, whatever the order of the candidates, under rank-first and
// votes-first rules, with ties at a quota, with and without standards.
func TestSeatsMatchesDecideCandidates(t *testing.T) {
	withTies, votesFirst := 0, 0
	for seed := range uint64(3000) {
		tie, vf := checkSeats(t, seed)
		withTies += tie
		votesFirst += vf
	}
	t.Logf("3000 decisions compared, %d with a tie at a quota, %d votes first", withTies, votesFirst)
	require.Greater(t, withTies, 100)
	require.Greater(t, votesFirst, 1000)
}

// FuzzSeats is TestSeatsMatchesDecideCandidates on seeds the fuzzer picks:
// the one decision core, reached through both entry points.
func FuzzSeats(f *testing.F) {
	f.Add(uint64(0))
	f.Add(uint64(12345))
	f.Add(uint64(7)) // votes first
	f.Fuzz(func(t *testing.T, seed uint64) { checkSeats(t, seed) })
}

var (
	leanQuotas = []Quota{{}, CountQuota(0), CountQuota(1), CountQuota(2), CountQuota(3),
		ShareOfMembers(1, 3), ShareOfLeaders(1, 2).WithRounding(QuotaRoundCeil)}
	leanThresholds = []Threshold{{}, AtLeast(4, 5).Of(BaseElectorate), MoreThan(1, 2).Of(BaseValid), AtLeast(1, 3).Of(BasePresent)}
)

// checkSeats draws a decision from seed (units with IDs out of roster
// order, ranks with ties, rules with quotas, votes and sometimes standards,
// votes first or rank first, few distinct vote counts), compares Seats
// with DecideCandidates, and returns (1 when the decision has a tie at a
// quota, 1 when the rules take votes first).
func checkSeats(t *testing.T, seed uint64) (tie, votesFirst int) {
	r := rand.New(rand.NewPCG(seed, 11))
	U := 1 + r.IntN(12)
	units := make([]UnitID, U)
	cands := make([]Candidate, U)
	for u := range U {
		units[u] = UnitID(fmt.Sprintf("u%02d", r.IntN(100)*100+u)) // IDs not in roster order
		rank := 1 + r.IntN(U)
		cands[u] = Candidate{Unit: units[u], Rank: rank, Total: decimal.New(int64(100-rank), 0), LeadsCluster: rank == 1}
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
	for _, rule := range rs {
		if rule.Vote.IsZero() {
			continue
		}
		base := U + r.IntN(3)
		for u := range U {
			v := r.IntN(min(base, 4) + 1) // few distinct counts: many ties
			vc := VoteCount{Votes: v, Base: base, Passed: rule.Vote.Met(v, base) && r.IntN(10) > 0}
			if cands[u].Votes == nil {
				cands[u].Votes = map[Award]VoteCount{}
			}
			cands[u].Votes[rule.Award] = vc
		}
	}
	d, err := DecideCandidates(rules, cands, Pool{Members: U})
	require.NoError(t, err)
	seats, err := rules.Seats(cands, Pool{Members: U})
	require.NoError(t, err)
	var got []Proposal // Seats' proposals, in DecideCandidates' order
	proposed := map[UnitID]bool{}
	for ri, units := range seats {
		for _, u := range units {
			require.False(t, proposed[cands[u].Unit], "seed %d: %s proposed twice", seed, cands[u].Unit)
			proposed[cands[u].Unit] = true
			got = append(got, Proposal{Unit: cands[u].Unit, Award: rs[ri].Award})
		}
	}
	require.Len(t, got, len(d.Proposals), "seed %d", seed)
	for i, p := range d.Proposals {
		require.Equal(t, p.Award, got[i].Award, "seed %d, proposal %d", seed, i)
		require.Equal(t, p.Unit, got[i].Unit, "seed %d, proposal %d", seed, i)
	}
	// The order of candidates does not change the decision.
	rev := slices.Clone(cands)
	slices.Reverse(rev)
	again, err := rules.Seats(rev, Pool{Members: U})
	require.NoError(t, err)
	for ri := range seats {
		require.Len(t, again[ri], len(seats[ri]), "seed %d", seed)
		for k, u := range again[ri] {
			require.Equal(t, cands[seats[ri][k]].Unit, rev[u].Unit, "seed %d", seed)
		}
	}
	if len(d.Ties) > 0 {
		tie = 1
	}
	return tie, votesFirst
}

// Only the marks a unit's standing uses set the scale of the int64 form:
// self-assessments with 17 places, outranked by peers' marks in quarters, do
// not push the form past int64, so Compile still compiles.
func TestCompileScalesByTheMarksUsed(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3)
	as, err := simAssessments(rand.New(rand.NewPCG(4, 4)), card, c,
		simModel{Quality: simQuality(c, 10), Noise: 100, Kind: AssessorPeer})
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

// WithMarks, RanksScaled and Seats refuse what they cannot score or decide,
// each with its typed error.
func TestCompiledEntryPointsBadInput(t *testing.T) {
	c := cluster3()
	card := simCard(t, 1, 3) // 3 leaves of max 5 or 10, a bonus and a deduction of max 5
	as, err := simAssessments(rand.New(rand.NewPCG(1, 1)), card, c,
		simModel{Quality: simQuality(c, 10), Kind: AssessorPeer})
	require.NoError(t, err)
	cp, err := Compile(card, c, as, ScoringPolicy{})
	require.NoError(t, err)
	n := 9 * len(cp.Criteria())
	ones := func() ([]int64, []int) {
		sums, counts := make([]int64, n), make([]int, n)
		for i := range counts {
			sums[i], counts[i] = 1, 1
		}
		return sums, counts
	}
	cases := []struct {
		name  string
		edit  func(sums []int64, counts []int) ([]int64, []int, int32)
		err   error
		field string
	}{
		{"short sums", func(s []int64, k []int) ([]int64, []int, int32) { return s[1:], k, 0 }, ErrInvalidModel, "sums/counts"},
		{"short counts", func(s []int64, k []int) ([]int64, []int, int32) { return s, k[1:], 0 }, ErrInvalidModel, "sums/counts"},
		{"negative scale", func(s []int64, k []int) ([]int64, []int, int32) { return s, k, -1 }, ErrInvalidModel, "scale"},
		{"scale past 18", func(s []int64, k []int) ([]int64, []int, int32) { return s, k, 19 }, ErrInvalidModel, "scale"},
		{"no marks", func(s []int64, k []int) ([]int64, []int, int32) { k[3] = 0; return s, k, 0 }, ErrInvalidModel, "count"},
		{"negative sum", func(s []int64, k []int) ([]int64, []int, int32) { s[3] = -1; return s, k, 0 }, ErrInvalidModel, "sum"},
		{"above the maximum", func(s []int64, k []int) ([]int64, []int, int32) { s[0] = 11; return s, k, 0 }, ErrOverMax, "mark bac-ninh G0.0"},
		{"no exact mean", func(s []int64, k []int) ([]int64, []int, int32) { k[0] = 3; return s, k, 0 }, ErrInexact, ""},
		{"mark too fine", func(s []int64, k []int) ([]int64, []int, int32) { k[0] = 1 << 40; return s, k, 18 }, ErrOverflow, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			sums, counts, scale := tc.edit(ones())
			_, err := cp.WithMarks(sums, counts, scale)
			require.ErrorIs(t, err, tc.err)
			if tc.field != "" {
				var fe *FieldError
				require.ErrorAs(t, err, &fe)
				require.Equal(t, tc.field, fe.Field)
			}
		})
	}
	sums, counts := ones()
	_, err = cp.WithMarks(sums, counts, 0)
	require.NoError(t, err, "the unchanged input is accepted")

	w := []int64{10, 15, 20, 10, 10}
	_, err = ranksScaled(cp, w[1:], 1)
	require.ErrorIs(t, err, ErrInvalidModel)
	_, err = ranksScaled(cp, w, 19)
	require.ErrorIs(t, err, ErrInvalidModel)
	_, err = ranksScaled(cp, w, -1)
	require.ErrorIs(t, err, ErrInvalidModel)
	w[2] = 0
	_, err = ranksScaled(cp, w, 1)
	require.ErrorIs(t, err, ErrWeightRange)
	w[2] = -20
	_, err = ranksScaled(cp, w, 1)
	require.ErrorIs(t, err, ErrWeightRange)

	rules, err := NewAwardRules(AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(2, 3).Of(BasePresent)})
	require.NoError(t, err)
	good := []Candidate{{Unit: "a", Rank: 1}, {Unit: "b", Rank: 2}}
	bad := []struct {
		name  string
		cands []Candidate
		pool  Pool
		err   error
	}{
		{"negative members", good, Pool{Members: -1}, ErrNegativeCount},
		{"negative leaders", good, Pool{Leaders: -1}, ErrNegativeCount},
		{"rank 0", []Candidate{{Unit: "a"}}, Pool{}, ErrInvalidRank},
		{"one unit twice", []Candidate{{Unit: "a", Rank: 1}, {Unit: "a", Rank: 2}}, Pool{}, ErrDuplicateUnit},
		{"more votes than the base", []Candidate{{Unit: "a", Rank: 1,
			Votes: map[Award]VoteCount{AwardMinistryFlag: {Votes: 5, Base: 3}}}}, Pool{}, ErrInvalidVoteCount},
		{"passed short of the threshold", []Candidate{{Unit: "a", Rank: 1,
			Votes: map[Award]VoteCount{AwardMinistryFlag: {Votes: 1, Base: 3, Passed: true}}}}, Pool{}, ErrContestMismatch},
	}
	for _, tc := range bad {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rules.Seats(tc.cands, tc.pool)
			require.ErrorIs(t, err, tc.err)
			_, derr := DecideCandidates(rules, tc.cands, tc.pool)
			require.Equal(t, derr.Error(), err.Error(), "the error DecideCandidates reports")
		})
	}
}

// ranksScaled is RanksScaled of one set of weights, its ranks copied.
func ranksScaled(cp Compiled, w []int64, scale int32) ([]int, error) {
	for ranks, err := range cp.RanksScaled(scale, func(yield func([]int64) bool) { yield(w) }) {
		return slices.Clone(ranks), err
	}
	return nil, nil
}

// RanksScaled yields one set of ranks per set of weights, each that of
// ScoreWith, stops when the caller stops, and ends at a refused set.
func TestRanksScaledIsScoreWithPerSet(t *testing.T) {
	c := cluster3()
	card := simCard(t, 2, 3)
	as, err := simAssessments(rand.New(rand.NewPCG(2, 2)), card, c,
		simModel{Quality: simQuality(c, 5), Noise: 300, Kind: AssessorPeer})
	require.NoError(t, err)
	cp, err := Compile(card, c, as, ScoringPolicy{TieBreakers: []TieBreaker{ByCriterion("G1"), FewerDeductions()}})
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(7, 7))
	L := len(cp.Criteria())
	sets := make([][]int64, 50)
	for k := range sets {
		sets[k] = make([]int64, L)
		for l := range sets[k] {
			sets[k][l] = 1 + r.Int64N(300)
		}
	}
	seq := func(yield func([]int64) bool) {
		for _, w := range sets {
			if !yield(w) {
				return
			}
		}
	}
	n := 0
	for ranks, err := range cp.RanksScaled(2, seq) {
		require.NoError(t, err)
		ws := make([]decimal.Decimal, L)
		for l, w := range sets[n] {
			ws[l] = decimal.New(w, -2)
		}
		want, err := cp.ScoreWith(ws)
		require.NoError(t, err)
		for i, rank := range ranks {
			require.Equal(t, want.Rank(i), rank, "set %d, unit %d", n, i)
		}
		n++
		if n == 30 {
			break
		}
	}
	require.Equal(t, 30, n, "stopped when the caller stopped")
	sets[3][1] = 0
	n = 0
	for _, err := range cp.RanksScaled(2, seq) {
		if err != nil {
			require.ErrorIs(t, err, ErrWeightRange)
			break
		}
		n++
	}
	require.Equal(t, 3, n, "the sets before the refused one are scored")
}
