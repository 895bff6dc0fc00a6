package thidua

import (
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "bắc-ninh" precomposed (U+1EAF) and decomposed (a, U+0306, U+0301).
const (
	bacNinhNFC = "b\u1eaf\u0063-ninh"
	bacNinhNFD = "ba\u0306\u0301c-ninh"
)

func TestIDsHaveOneSpelling(t *testing.T) {
	require.Equal(t, "bắc-ninh", bacNinhNFC)
	bad := []struct{ name, id string }{
		{"decomposed (NFD) vowel", bacNinhNFD},
		{"combining grapheme joiner U+034F", "bac\u034fninh"},
		{"zero width joiner U+200D", "bac\u200dninh"},
		{"zero width space U+200B", "bac\u200bninh"},
		{"soft hyphen U+00AD", "bac\u00adninh"},
		{"byte-order mark U+FEFF", "\ufeffbac-ninh"},
		{"variation selector U+FE0F", "bac\ufe0fninh"},
		{"enclosing mark U+20DD", "bac\u20ddninh"},
		{"right-to-left override U+202E", "bac\u202eninh"},
		{"Hangul filler U+3164", "bac\u3164ninh"},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			for what, err := range map[string]error{
				"unit":      UnitID(tt.id).Validate(),
				"cluster":   ClusterID(tt.id).Validate(),
				"criterion": CriterionID(tt.id).Validate(),
			} {
				require.ErrorIs(t, err, ErrDecomposedID, what)
				require.ErrorIs(t, err, ErrInvalidID, what)
				var fe *FieldError
				require.ErrorAs(t, err, &fe, what)
				assert.Equal(t, tt.id, fe.Value)
				assert.Contains(t, err.Error(), "precomposed (NFC)", what)
			}
			_, err := NewContest(ContestSpec{Candidates: []UnitID{"a", UnitID(tt.id)}, Electorate: 3, Method: MethodApproval})
			assert.ErrorIs(t, err, ErrDecomposedID, "candidate")
			_, err = NewContest(ContestSpec{ID: ContestID(tt.id), Candidates: []UnitID{"a"}, Electorate: 3, Method: MethodApproval})
			assert.ErrorIs(t, err, ErrDecomposedID, "contest id")
			c := MustContest(ContestSpec{Candidates: []UnitID{"a", "b"}, Electorate: 3, Method: MethodApproval, Open: true})
			r, err := c.Tally([]Ballot{{Voter: UnitID(tt.id), Approve: []UnitID{"a"}}})
			require.NoError(t, err)
			require.Len(t, r.Rejected, 1, "voter")
			assert.ErrorIs(t, r.Rejected[0].Err, ErrDecomposedID, "voter")
		})
	}
	for _, id := range []string{bacNinhNFC, "hà-nội", "Đắk-Lắk", "so-tttt-nam-dinh", "I.2"} {
		assert.NoError(t, UnitID(id).Validate(), id)
		assert.NoError(t, CriterionID(id).Validate(), id)
	}
}

// The NFD spelling of a member is refused, so it cannot mark its own unit as
// a peer: the assessment is an error, not a second member.
func TestDecomposedAssessorIsRefused(t *testing.T) {
	spec := cluster3Spec()
	spec.Members = slices.Clone(spec.Members)
	i := slices.IndexFunc(spec.Members, func(u Unit) bool { return u.ID != spec.Leader && u.ID != spec.Deputy })
	spec.Members[i].ID = bacNinhNFC
	c, err := NewCluster(spec)
	require.NoError(t, err)
	spec.Members[i].ID = bacNinhNFD
	_, err = NewCluster(spec)
	require.ErrorIs(t, err, ErrDecomposedID)

	a := Assessment{Unit: bacNinhNFC, Assessor: bacNinhNFD, Kind: AssessorPeer,
		Marks: map[CriterionID]decimal.Decimal{"x": decimal.NewFromInt(1)}}
	err = a.validateHeader()
	require.ErrorIs(t, err, ErrDecomposedID)
	assert.True(t, c.IsMember(bacNinhNFC))
}

// Needed and Met agree with exact big-integer arithmetic up to math.MaxInt.
func TestShareExactAtMaxInt(t *testing.T) {
	assert.Equal(t, int(uint64(math.MaxInt)*2/3+1), AtLeast(2, 3).Needed(math.MaxInt))
	shares := []Share{AtLeast(2, 3), MoreThan(1, 2), AtLeast(4, 5), AtLeast(1, 1), MoreThan(2, 3),
		AtLeast(math.MaxInt64-1, math.MaxInt64), MoreThan(1, math.MaxInt64), AtLeast(3, 7)}
	bases := []int{1, 2, 3, 9, 1 << 40, math.MaxInt / 2, math.MaxInt - 1, math.MaxInt}
	for _, s := range shares {
		for _, base := range bases {
			need := s.Needed(base)
			// The exact answer: ⌈Num·base/Den⌉, or ⌊Num·base/Den⌋+1 when strict.
			num := new(big.Int).Mul(big.NewInt(s.num), big.NewInt(int64(base)))
			q, r := new(big.Int).QuoRem(num, big.NewInt(s.den), new(big.Int))
			if s.strict || r.Sign() != 0 {
				q.Add(q, big.NewInt(1))
			}
			if q.Cmp(big.NewInt(int64(base))) > 0 {
				assert.False(t, s.Met(base, base), "%v of %d", s, base)
				continue
			}
			require.Equal(t, q.Int64(), int64(need), "%v of %d", s, base)
			assert.True(t, s.Met(need, base), "%v of %d", s, base)
			if need > 0 {
				assert.False(t, s.Met(need-1, base), "%v of %d", s, base)
			}
		}
	}
	assert.Equal(t, math.MaxInt, MoreThan(1, 1).Needed(math.MaxInt), "unreachable saturates")
	assert.False(t, MoreThan(1, 1).Met(math.MaxInt, math.MaxInt))
}

// Borda with counts near 2^62: the winner is the one exact arithmetic names,
// or the count is refused; it never wraps around.
func TestBordaLargeCounts(t *testing.T) {
	ids := []UnitID{"A", "B", "C"}
	c := MustContest(ContestSpec{Candidates: ids, Electorate: math.MaxInt, Method: MethodBorda})
	// 2^61 ballots A > B > C and 2^61-1 ballots B > A > C: A has
	// 2·2^61 + (2^61-1) points, B 2^61 + 2·(2^61-1), so A wins by one; both
	// are past 2^62.
	r, err := c.Tally([]Ballot{
		{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}, Count: 1 << 61},
		{Ranking: [][]UnitID{{"B"}, {"A"}, {"C"}}, Count: 1<<61 - 1},
	})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"A"}, r.Winners)
	assert.Equal(t, 2<<61+(1<<61-1), r.Votes("A"))
	assert.Equal(t, 1<<61+2*(1<<61-1), r.Votes("B"))

	// 2^63-1 votes could give 2^64-2 points: refused, never wrapped.
	_, err = c.Tally([]Ballot{
		{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}, Count: 1 << 62},
		{Ranking: [][]UnitID{{"B"}, {"A"}, {"C"}}, Count: 1<<62 - 1},
	})
	require.ErrorIs(t, err, ErrLimit)
	var le *FieldError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, fmt.Sprintf("%d, more than the limit of %d", math.MaxInt, math.MaxInt/2), le.Value)
}

// Borda points by tiers: a tie shares the points of the places below it.
func TestBordaTiers(t *testing.T) {
	for _, base := range []int{0, 1} {
		c := MustContest(ContestSpec{Candidates: []UnitID{"A", "B", "C", "D"}, Electorate: 10, Method: MethodBorda, BordaBase: base})
		r, err := c.Tally([]Ballot{{Ranking: [][]UnitID{{"B", "C"}, {"A"}}, Count: 2}})
		require.NoError(t, err)
		// B and C have A and D below them, A has D, D (unranked) nothing.
		assert.Equal(t, 2*(2+base), r.Votes("B"))
		assert.Equal(t, 2*(2+base), r.Votes("C"))
		assert.Equal(t, 2*(1+base), r.Votes("A"))
		assert.Equal(t, 2*base, r.Votes("D"))
	}
}

func ids(n int) []UnitID {
	out := make([]UnitID, n)
	for i := range out {
		out[i] = UnitID(fmt.Sprintf("u%04d", i))
	}
	return out
}

func TestCandidateLimits(t *testing.T) {
	for _, m := range []Method{MethodApproval, MethodPlurality} {
		_, err := NewContest(ContestSpec{Candidates: ids(MaxCandidates), Electorate: 1, Method: m})
		require.NoError(t, err, m)
		_, err = NewContest(ContestSpec{Candidates: ids(MaxCandidates + 1), Electorate: 1, Method: m})
		var le *FieldError
		require.ErrorAs(t, err, &le, m)
		assert.Equal(t, FieldError{Field: "candidates", Value: fmt.Sprintf("%d, more than the limit of %d", MaxCandidates+1, MaxCandidates), Err: ErrLimit}, *le)
	}
	for _, m := range []Method{MethodTwoRound, MethodBorda, MethodInstantRunoff, MethodSchulze, MethodRankedPairs, MethodCopeland, MethodMinimaxWinningVotes, MethodMinimaxMargins, MethodMinimaxOpposition} {
		_, err := NewContest(ContestSpec{Candidates: ids(MaxRankedCandidates), Electorate: 1, Method: m})
		require.NoError(t, err, m)
		_, err = NewContest(ContestSpec{Candidates: ids(MaxRankedCandidates + 1), Electorate: 1, Method: m})
		require.ErrorIs(t, err, ErrLimit, m)
		assert.Regexp(t, `^thidua: candidates \(ranked methods\) "257, more than the limit of 256": input exceeds a documented limit$`, err.Error())
	}
}

func TestBallotLimit(t *testing.T) {
	c := MustContest(ContestSpec{Candidates: []UnitID{"a", "b"}, Electorate: math.MaxInt, Method: MethodApproval})
	ballots := make([]Ballot, MaxBallots+1)
	_, err := c.Tally(ballots)
	var le *FieldError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "ballots", Value: fmt.Sprintf("%d, more than the limit of %d", MaxBallots+1, MaxBallots), Err: ErrLimit}, *le)
	r, err := c.Tally(ballots[:MaxBallots])
	require.NoError(t, err)
	assert.Equal(t, MaxBallots, r.Cast)

	ranked := MustContest(ContestSpec{Candidates: ids(MaxRankedCandidates), Electorate: math.MaxInt, Method: MethodSchulze})
	k := MaxBallotWork / (MaxRankedCandidates * MaxRankedCandidates)
	_, err = ranked.Tally(make([]Ballot, k+1))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "ballots × candidates²", Value: fmt.Sprintf("%d, more than the limit of %d", (k+1)<<16, MaxBallotWork), Err: ErrLimit}, *le)
	r, err = ranked.Tally(make([]Ballot, k))
	require.NoError(t, err, "within the limit, counted")
	assert.Equal(t, k, r.Invalid, "blank ballots are invalid")

	wide := MustContest(ContestSpec{Candidates: ids(MaxCandidates), Electorate: math.MaxInt, Method: MethodApproval})
	_, err = wide.Tally(make([]Ballot, MaxBallotWork/MaxCandidates+1))
	require.ErrorIs(t, err, ErrLimit)
}

// ErrPointsRange is about the value: more than 18 digits before the point or
// more than 18 decimal places, however the number is written.
func TestPointsRangeByValue(t *testing.T) {
	card := func(max string) error {
		_, err := NewScorecard(ScorecardSpec{ID: "s", Name: "S", Year: 2024,
			Criteria: []CriterionSpec{{ID: "x", Name: "X", Max: decimal.RequireFromString(max)}}})
		return err
	}
	for _, v := range []string{"10000000000000000000", "1e19", "1e18", "1000000000000000000", "0.0000000000000000001",
		"1234567890123456789.5", "1" + strings.Repeat("0", 40)} {
		assert.ErrorIs(t, card(v), ErrPointsRange, v)
	}
	for _, v := range []string{"999999999999999999", "1e17", "0.000000000000000001", "999999999999999999.999999999999999999"} {
		assert.NoError(t, card(v), v)
	}
}

// A settlement for an award whose vote did not end in a tie is an error,
// not silently ignored.
func TestSettlementWithoutATie(t *testing.T) {
	r := seedReview(t)
	_, err := r.Conclude()
	require.NoError(t, err)
	r.Settlements = []Settlement{{Award: r.Awards[0].Award, By: TieBreakFallback, Order: [][]UnitID{{r.Cluster.MemberIDs()[0]}}}}
	_, err = r.Conclude()
	require.ErrorIs(t, err, ErrNotTied)
	var re *PartError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "settlement "+r.Awards[0].Award.String(), re.Part)

	// A tie the runoff settled needs no decision either.
	tr := tieReview(t)
	tr.Awards[0].Rounds = append(slices.Clone(tr.Awards[0].Rounds), []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {Approve: []UnitID{"a"}}})
	_, err = tr.Conclude()
	require.NoError(t, err)
	tr.Settlements = []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a"}}}}
	_, err = tr.Conclude()
	require.ErrorIs(t, err, ErrNotTied)
}

// A ballot of weight w has the digest of w copies, valid or not, in every
// method family.
func TestWeightDigestIsCopies(t *testing.T) {
	for _, m := range []Method{MethodApproval, MethodBorda, MethodSchulze} {
		c := MustContest(ContestSpec{Candidates: []UnitID{"A", "B", "C"}, Electorate: 20, Method: m, MaxMarks: 1})
		b := Ballot{Approve: []UnitID{"A"}}
		bad := Ballot{Approve: []UnitID{"A", "B"}}
		if m != MethodApproval {
			b = Ballot{Ranking: [][]UnitID{{"B"}, {"A"}}}
			bad = Ballot{Ranking: [][]UnitID{{"B"}, {"B"}}}
		}
		weighted := []Ballot{b, bad}
		weighted[0].Weight, weighted[1].Weight = 3, 2
		copies := []Ballot{b, b, b, bad, bad}
		rw, err := c.Tally(weighted)
		require.NoError(t, err)
		rc, err := c.Tally(copies)
		require.NoError(t, err)
		assert.Equal(t, rc.Digest, rw.Digest, m)
		assert.Equal(t, rc.Scores, rw.Scores, m)
		b.Count = 3
		rn, err := c.Tally([]Ballot{b, bad, bad})
		require.NoError(t, err)
		assert.Equal(t, rc.Digest, rn.Digest, m)
		rd, err := c.Tally([]Ballot{b})
		require.NoError(t, err)
		assert.NotEqual(t, rc.Digest, rd.Digest, m)
	}
}

// deepCriteriaJSON nests depth criteria, each the only child of the one above.
func deepCriteriaJSON(depth int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"s","name":"S","year":2024,"criteria":[`)
	for i := range depth {
		fmt.Fprintf(&b, `{"id":"c%d","name":"C","max":"1","children":[`, i)
	}
	b.WriteString(strings.Repeat("]}", depth))
	b.WriteString(`]}`)
	return []byte(b.String())
}

func flatCriteriaJSON(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"s","name":"S","year":2024,"criteria":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"c%d","name":"C","max":"1"}`, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

func TestScorecardJSONLimits(t *testing.T) {
	var s Scorecard
	require.NoError(t, json.Unmarshal(deepCriteriaJSON(MaxDepth), &s))
	assert.Len(t, s.Criteria(), MaxDepth)
	err := json.Unmarshal(deepCriteriaJSON(MaxDepth+1), &s)
	require.ErrorIs(t, err, ErrTooDeep)
	// 4,990 levels (the 189 KB document) are refused by the scan,
	// before anything is decoded.
	err = json.Unmarshal(deepCriteriaJSON(4990), &s)
	require.ErrorIs(t, err, ErrTooDeep)
	// A "{" or "[" inside a string is not nesting.
	require.NoError(t, json.Unmarshal([]byte(`{"id":"s","name":"{[{[{[{[{[{[{[{[{[{[{[{[{[{[{[{[{[{[{[","year":2024,"criteria":[{"id":"x","name":"\"{[","max":"1"}]}`), &s))

	require.NoError(t, json.Unmarshal(flatCriteriaJSON(MaxCriteria), &s))
	assert.Len(t, s.Criteria(), MaxCriteria)
	err = json.Unmarshal(flatCriteriaJSON(MaxCriteria+1), &s)
	var le *FieldError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "criteria", Value: fmt.Sprintf("%d, more than the limit of %d", MaxCriteria+1, MaxCriteria), Err: ErrLimit}, *le)

	var sp ScorecardSpec
	require.ErrorIs(t, json.Unmarshal(flatCriteriaJSON(MaxCriteria+1), &sp), ErrLimit, "a spec alone is checked too")
	require.ErrorIs(t, json.Unmarshal(deepCriteriaJSON(MaxDepth+1), &sp), ErrTooDeep)
	require.NoError(t, json.Unmarshal(flatCriteriaJSON(3), &sp))
	assert.Len(t, sp.Criteria, 3)

	var c CriterionSpec
	doc := deepCriteriaJSON(MaxDepth + 1)
	err = json.Unmarshal(doc[len(`{"id":"s","name":"S","year":2024,"criteria":[`):len(doc)-2], &c)
	require.ErrorIs(t, err, ErrTooDeep)
}

func TestNewScorecardLimits(t *testing.T) {
	flat := make([]CriterionSpec, MaxCriteria+1)
	for i := range flat {
		flat[i] = CriterionSpec{ID: CriterionID(fmt.Sprintf("c%d", i)), Name: "C", Max: decimal.NewFromInt(1)}
	}
	_, err := NewScorecard(ScorecardSpec{ID: "s", Name: "S", Year: 2024, Criteria: flat})
	var le *FieldError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, fmt.Sprintf("%d, more than the limit of %d", MaxCriteria+1, MaxCriteria), le.Value)
	_, err = NewScorecard(ScorecardSpec{ID: "s", Name: "S", Year: 2024, Criteria: flat[:MaxCriteria]})
	require.NoError(t, err)

	// A tree 100,000 deep, built in Go, is refused at MaxDepth+1.
	deep := CriterionSpec{ID: "leaf", Name: "C", Max: decimal.NewFromInt(1)}
	for i := range 100_000 {
		deep = CriterionSpec{ID: CriterionID(fmt.Sprintf("g%d", i)), Name: "G", Children: []CriterionSpec{deep}}
	}
	_, err = NewScorecard(ScorecardSpec{ID: "s", Name: "S", Year: 2024, Criteria: []CriterionSpec{deep}})
	ce := fieldError(err, "criterion")
	require.NotNil(t, ce, "%v", err)
	require.ErrorIs(t, err, ErrTooDeep)
	assert.Equal(t, fmt.Sprintf("g%d", 100_000-1-MaxDepth), ce.Value)
}

func roundRobin(n int) (Cluster, Succession) {
	units := make([]Unit, n)
	for i, id := range ids(n) {
		units[i] = Unit{ID: id, Name: "Đơn vị " + string(id)}
	}
	c := MustCluster(ClusterSpec{ID: "c", Name: "Cụm", Kind: KindCluster, Year: 2020, Members: units, Leader: units[0].ID, Deputy: units[1].ID})
	return c, Succession{Method: SuccessionRoundRobin, Order: c.MemberIDs()}
}

func TestRosterAndRotationLimits(t *testing.T) {
	units := make([]Unit, MaxUnits+1)
	for i, id := range ids(MaxUnits + 1) {
		units[i] = Unit{ID: id, Name: "Đơn vị"}
	}
	_, err := NewCluster(ClusterSpec{ID: "c", Name: "Cụm", Kind: KindCluster, Year: 2020, Members: units})
	var le *FieldError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "units", Value: fmt.Sprintf("%d, more than the limit of %d", MaxUnits+1, MaxUnits), Err: ErrLimit}, *le)
	_, err = NewCluster(ClusterSpec{ID: "c", Name: "Cụm", Kind: KindCluster, Year: 2020, Members: units[:MaxUnits]})
	require.NoError(t, err)

	c, s := roundRobin(10)
	p, err := s.Plan(c, History{}, MaxPlanYears, nil)
	require.NoError(t, err)
	assert.Len(t, p.Terms, MaxPlanYears)
	_, err = s.Plan(c, History{}, MaxPlanYears+1, nil)
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "years of a plan", Value: fmt.Sprintf("%d, more than the limit of %d", MaxPlanYears+1, MaxPlanYears), Err: ErrLimit}, *le)

	terms := make([]Leadership, MaxTerms+1)
	for i := range terms {
		terms[i] = Leadership{Year: MinYear + i, Leader: "a"}
	}
	_, err = NewHistory(terms...)
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "terms in a history", le.Field)
	_, err = NewHistory(terms[:MaxTerms]...)
	require.NoError(t, err)

	changes := make([]UnitChange, MaxChanges+1)
	_, err = c.Reorganize(2021, changes)
	require.ErrorAs(t, err, &le)
	assert.Equal(t, FieldError{Field: "unit changes", Value: fmt.Sprintf("%d, more than the limit of %d", MaxChanges+1, MaxChanges), Err: ErrLimit}, *le)
	_, err = s.Plan(c, History{}, 5, changes)
	require.ErrorIs(t, err, ErrLimit)
	h, err := NewHistory(Leadership{Year: 2020, Leader: c.Leader(), Deputy: c.Deputy()})
	require.NoError(t, err)
	_, err = s.CheckHistory(c, h, changes)
	require.ErrorIs(t, err, ErrLimit)
}

// A plan at MaxPlanYears with a rename every year, and a check of the history
// it makes: linear in the years (the 2,000 years with one rename a
// year took over a minute).
func TestPlanWithARenameEveryYear(t *testing.T) {
	c, s := roundRobin(20)
	var changes []UnitChange
	cur := c.MemberIDs()
	for y := 1; y <= MaxPlanYears; y++ {
		k := y % len(cur)
		into := Unit{ID: UnitID(fmt.Sprintf("r%d", y)), Name: "Đơn vị đổi tên"}
		changes = append(changes, UnitChange{Year: 2020 + y, From: []UnitID{cur[k]}, Into: into})
		cur[k] = into.ID
	}
	p, err := s.Plan(c, History{}, MaxPlanYears, changes)
	require.NoError(t, err)
	want, err := s.planReference(c, History{}, MaxPlanYears, changes)
	require.NoError(t, err)
	require.Equal(t, want, p)
	h, err := NewHistory(append([]Leadership{{Year: 2020, Leader: c.Leader(), Deputy: c.Deputy()}}, p.Terms...)...)
	require.NoError(t, err)
	v, err := s.CheckHistory(c, h, changes)
	require.NoError(t, err)
	assert.Empty(t, v)
}
