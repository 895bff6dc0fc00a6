package thidua

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dec = decimal.RequireFromString

// testCardSpec is a small table: group I (I.1 max 10 weight 2, I.2 max 20),
// group II with a given max 40 (II.1 max 30) and a gate of 15, a bonus of 10
// and a deduction of 5. Base 80, bonus 10, deductions 5.
func testCardSpec() ScorecardSpec {
	return ScorecardSpec{ID: "test-2023", Name: "Bảng chấm điểm thử", Year: 2023, Criteria: []CriterionSpec{
		{ID: "I", Name: "Chuyên môn", Children: []CriterionSpec{
			{ID: "I.1", Name: "Chuyển đổi số", Max: dec("10"), Weight: dec("2")},
			{ID: "I.2", Name: "Bưu chính", Max: dec("20")},
		}},
		{ID: "II", Name: "Phong trào", Max: dec("40"), Min: dec("15"), Children: []CriterionSpec{
			{ID: "II.1", Name: "Thi đua", Max: dec("30")},
		}},
		{ID: "bonus", Name: "Điểm thưởng", Kind: CriterionBonus, Max: dec("10")},
		{ID: "minus", Name: "Điểm trừ", Kind: CriterionDeduction, Max: dec("5")},
	}}
}

func testCard(t testing.TB) Scorecard {
	s, err := NewScorecard(testCardSpec())
	require.NoError(t, err)
	return s
}

func marks(kv ...string) map[CriterionID]decimal.Decimal {
	m := make(map[CriterionID]decimal.Decimal, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[CriterionID(kv[i])] = dec(kv[i+1])
	}
	return m
}

// full gives marks for every leaf of testCard.
func full(i1, i2, ii1, bonus, minus string) map[CriterionID]decimal.Decimal {
	return marks("I.1", i1, "I.2", i2, "II.1", ii1, "bonus", bonus, "minus", minus)
}

// selfAll gives every Cluster 3 member a self-assessment with the same marks.
func selfAll(m map[CriterionID]decimal.Decimal) []Assessment {
	var as []Assessment
	for _, u := range cluster3Units {
		as = append(as, Assessment{Unit: u.ID, Assessor: u.ID, Kind: AssessorSelf, Marks: m})
	}
	return as
}

func TestNewScorecard(t *testing.T) {
	s := testCard(t)
	assert.Equal(t, "80", s.BaseMax().String())
	assert.Equal(t, "10", s.BonusMax().String())
	assert.Equal(t, "5", s.DeductionMax().String())
	assert.Equal(t, 2023, s.Year())
	c, ok := s.Criterion("I")
	require.True(t, ok)
	assert.Equal(t, "40", c.Max.String(), "a group without a max takes its children's sum, weights applied")
	assert.Equal(t, "40", c.Points().String(), "a group's points are its max")
	assert.Equal(t, []CriterionID{"I.1", "I.2"}, s.Children("I"))
	c, ok = s.Criterion("I.1")
	require.True(t, ok)
	assert.Empty(t, s.Children("I.1"), "a leaf has no children")
	assert.Equal(t, "20", c.Points().String())
	parent, ok := s.Parent("I.1")
	assert.True(t, ok)
	assert.Equal(t, CriterionID("I"), parent)
	parent, ok = s.Parent("I")
	assert.True(t, ok)
	assert.Zero(t, parent, "a top-level criterion has no parent")
	_, ok = s.Parent("nope")
	assert.False(t, ok)
	assert.Nil(t, s.Children("nope"))
	c, _ = s.Criterion("I.2")
	assert.Equal(t, "1", c.Weight.String(), "weight left out means 1")
	ii, _ := s.Criterion("II")
	assert.True(t, ii.HasMin())
	assert.False(t, c.HasMin(), "I.2 has no gate")
	assert.Equal(t, "40", ii.Max.String())
	var ids []CriterionID
	for _, l := range s.Leaves() {
		ids = append(ids, l.ID)
	}
	assert.Equal(t, []CriterionID{"I.1", "I.2", "II.1", "bonus", "minus"}, ids)
	assert.Len(t, s.Criteria(), 7)
	_, ok = s.Criterion("nope")
	assert.False(t, ok)

	// The spec is copied both ways.
	spec := testCardSpec()
	s2, err := NewScorecard(spec)
	require.NoError(t, err)
	spec.Criteria[0].Children[0].Name = "changed"
	assert.True(t, s.Equal(s2))
	out := s2.Spec()
	out.Criteria[0].Name = "changed"
	assert.True(t, s.Equal(s2))
}

func TestScorecardBadInput(t *testing.T) {
	leaf := func(id, max string) CriterionSpec {
		return CriterionSpec{ID: CriterionID(id), Name: "tiêu chí " + id, Max: dec(max)}
	}
	with := func(f func(*ScorecardSpec)) ScorecardSpec {
		s := testCardSpec()
		f(&s)
		return s
	}
	tests := []struct {
		name      string
		spec      ScorecardSpec
		sentinel  error
		criterion CriterionID
	}{
		{"empty scorecard", with(func(s *ScorecardSpec) { s.Criteria = nil }), ErrEmptyScorecard, ""},
		{"only bonuses", with(func(s *ScorecardSpec) { s.Criteria = s.Criteria[2:3] }), ErrEmptyScorecard, ""},
		{"duplicate criterion", with(func(s *ScorecardSpec) { s.Criteria[1].Children[0].ID = "I.2" }), ErrDuplicateCriterion, "I.2"},
		{"duplicate of a group", with(func(s *ScorecardSpec) { s.Criteria[3].ID = "I" }), ErrDuplicateCriterion, "I"},
		{"leaf with no max", with(func(s *ScorecardSpec) { s.Criteria[0].Children[1].Max = decimal.Decimal{} }), ErrInvalidMax, "I.2"},
		{"leaf with zero max", with(func(s *ScorecardSpec) { s.Criteria[0].Children[1].Max = dec("0") }), ErrInvalidMax, "I.2"},
		{"leaf with negative max", with(func(s *ScorecardSpec) { s.Criteria[0].Children[1].Max = dec("-5") }), ErrInvalidMax, "I.2"},
		{"group with negative max", with(func(s *ScorecardSpec) { s.Criteria[1].Max = dec("-1") }), ErrInvalidMax, "II"},
		{"zero weight", with(func(s *ScorecardSpec) { s.Criteria[0].Children[0].Weight = dec("0") }), ErrInvalidWeight, "I.1"},
		{"negative weight", with(func(s *ScorecardSpec) { s.Criteria[0].Children[0].Weight = dec("-2") }), ErrInvalidWeight, "I.1"},
		{"weight on a group", with(func(s *ScorecardSpec) { s.Criteria[0].Weight = dec("2") }), ErrInvalidWeight, "I"},
		{"children over group max", with(func(s *ScorecardSpec) { s.Criteria[1].Max = dec("29.5") }), ErrOverGroupMax, "II"},
		{"weighted children over group max", with(func(s *ScorecardSpec) { s.Criteria[0].Max = dec("39") }), ErrOverGroupMax, "I"},
		{"bonus with children", with(func(s *ScorecardSpec) {
			s.Criteria[2].Children = []CriterionSpec{leaf("b.1", "1")}
		}), ErrKindWithChildren, "bonus"},
		{"deduction with children", with(func(s *ScorecardSpec) {
			s.Criteria[3].Children = []CriterionSpec{leaf("m.1", "1")}
		}), ErrKindWithChildren, "minus"},
		{"gate above max", with(func(s *ScorecardSpec) { s.Criteria[1].Min = dec("41") }), ErrInvalidGate, "II"},
		{"negative gate", with(func(s *ScorecardSpec) { s.Criteria[1].Min = dec("-1") }), ErrInvalidGate, "II"},
		{"gate on a bonus", with(func(s *ScorecardSpec) { s.Criteria[2].Min = dec("1") }), ErrInvalidGate, "bonus"},
		{"invalid kind", with(func(s *ScorecardSpec) { s.Criteria[2].Kind = 9 }), ErrInvalidCriterionKind, "bonus"},
		{"blank criterion name", with(func(s *ScorecardSpec) { s.Criteria[2].Name = " " }), ErrBlankName, "bonus"},
		{"points out of range", with(func(s *ScorecardSpec) { s.Criteria[2].Max = dec("1e-30") }), ErrPointsRange, "bonus"},
		{"invalid criterion id", with(func(s *ScorecardSpec) { s.Criteria[2].ID = "a b" }), ErrInvalidID, ""},
		{"invalid scorecard id", with(func(s *ScorecardSpec) { s.ID = "" }), ErrInvalidID, ""},
		{"blank scorecard name", with(func(s *ScorecardSpec) { s.Name = "" }), ErrBlankName, ""},
		{"year out of range", with(func(s *ScorecardSpec) { s.Year = 1900 }), ErrYearOutOfRange, ""},
		{"too deep", with(func(s *ScorecardSpec) {
			c := leaf("deep", "1")
			for i := range MaxDepth {
				c = CriterionSpec{ID: CriterionID("g" + string(rune('a'+i))), Name: "g", Children: []CriterionSpec{c}}
			}
			s.Criteria = append(s.Criteria, c)
		}), ErrTooDeep, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewScorecard(tt.spec)
			require.ErrorIs(t, err, tt.sentinel)
			assert.Regexp(t, `^thidua: `, err.Error())
			if tt.criterion != "" {
				ce := fieldError(err, "criterion")
				require.NotNil(t, ce, "%v", err)
				assert.Equal(t, tt.criterion, CriterionID(ce.Value))
				assert.Contains(t, err.Error(), `"`+string(tt.criterion)+`"`)
			}
			// JSON decoding goes through the same validation.
			b, jerr := json.Marshal(tt.spec)
			if jerr == nil {
				var s Scorecard
				assert.ErrorIs(t, json.Unmarshal(b, &s), tt.sentinel)
			}
		})
	}
}

func TestScoreBadInput(t *testing.T) {
	card := testCard(t)
	ok := full("10", "20", "30", "0", "0")
	good := selfAll(ok)
	with := func(f func([]Assessment) []Assessment) []Assessment {
		as := make([]Assessment, len(good))
		copy(as, good)
		return f(as)
	}
	set := func(i int, a Assessment) func([]Assessment) []Assessment {
		return func(as []Assessment) []Assessment { as[i] = a; return as }
	}
	self := func(u UnitID, m map[CriterionID]decimal.Decimal) Assessment {
		return Assessment{Unit: u, Assessor: u, Kind: AssessorSelf, Marks: m}
	}
	peer := func(u, by UnitID, m map[CriterionID]decimal.Decimal) Assessment {
		return Assessment{Unit: u, Assessor: by, Kind: AssessorPeer, Marks: m}
	}
	tests := []struct {
		name      string
		as        []Assessment
		policy    ScoringPolicy
		sentinel  error
		unit      UnitID
		assessor  UnitID
		criterion CriterionID
	}{
		{"control: a complete, valid set scores", with(set(0, self("bac-ninh", full("1", "1", "1", "0", "0")))), ScoringPolicy{}, nil, "", "", ""},
		{"unknown criterion", with(set(1, self("nam-dinh", marks("I.1", "1", "I.2", "1", "II.1", "1", "bonus", "0", "minus", "0", "III", "2")))), ScoringPolicy{}, ErrUnknownCriterion, "nam-dinh", "nam-dinh", "III"},
		{"mark for a group", with(set(1, self("nam-dinh", marks("I", "2")))), ScoringPolicy{}, ErrNotLeaf, "nam-dinh", "nam-dinh", "I"},
		{"unknown unit", append(slicesClone(good), self("ha-noi", ok)), ScoringPolicy{}, ErrUnknownUnit, "ha-noi", "ha-noi", ""},
		{"peer not a member", append(slicesClone(good), peer("ha-nam", "ha-noi", ok)), ScoringPolicy{}, ErrUnknownUnit, "ha-nam", "ha-noi", ""},
		{"negative mark", with(set(2, self("ninh-binh", full("1", "-1", "1", "0", "0")))), ScoringPolicy{}, ErrNegativeMark, "ninh-binh", "ninh-binh", "I.2"},
		{"mark over max", with(set(2, self("ninh-binh", full("1", "20.01", "1", "0", "0")))), ScoringPolicy{}, ErrOverMax, "ninh-binh", "ninh-binh", "I.2"},
		{"deduction over max", with(set(2, self("ninh-binh", full("1", "2", "1", "0", "6")))), ScoringPolicy{}, ErrOverMax, "ninh-binh", "ninh-binh", "minus"},
		{"missing mark", with(set(3, self("vinh-phuc", marks("I.1", "1", "I.2", "1", "II.1", "1", "bonus", "0")))), ScoringPolicy{}, ErrMissingMark, "vinh-phuc", "vinh-phuc", "minus"},
		{"trimmed mean drops every mark", append(slicesClone(good), peer("ha-nam", "bac-ninh", ok), peer("ha-nam", "nam-dinh", ok)),
			ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1}, ErrTrimTooMuch, "ha-nam", "", ""},
		{"no assessment for a member", good[:8], ScoringPolicy{}, ErrNoAssessment, "ha-nam", "", ""},
		{"only an ignored own peer assessment", append(slicesClone(good[:8]), peer("ha-nam", "ha-nam", ok)), ScoringPolicy{}, ErrNoAssessment, "ha-nam", "", ""},
		{"two assessments by the same assessor", append(slicesClone(good), peer("ha-nam", "bac-ninh", ok), peer("ha-nam", "bac-ninh", ok)), ScoringPolicy{}, ErrDuplicateAssessment, "ha-nam", "bac-ninh", ""},
		{"two self-assessments", append(slicesClone(good), self("ha-nam", ok)), ScoringPolicy{}, ErrDuplicateAssessment, "ha-nam", "ha-nam", ""},
		{"self-assessment by another", append(slicesClone(good), Assessment{Unit: "ha-nam", Assessor: "bac-ninh", Kind: AssessorSelf, Marks: ok}), ScoringPolicy{}, ErrSelfByOther, "ha-nam", "bac-ninh", ""},
		{"invalid assessor kind", append(slicesClone(good), Assessment{Unit: "ha-nam", Assessor: "bac-ninh", Marks: ok}), ScoringPolicy{}, ErrInvalidAssessorKind, "ha-nam", "bac-ninh", ""},
		{"invalid assessor id", append(slicesClone(good), Assessment{Unit: "ha-nam", Assessor: "", Kind: AssessorAppraisal, Marks: ok}), ScoringPolicy{}, ErrInvalidID, "ha-nam", "", ""},
		{"mean without a finite decimal", append(slicesClone(good), peer("ha-nam", "bac-ninh", full("1", "1", "1", "0", "0")), peer("ha-nam", "nam-dinh", ok), peer("ha-nam", "hai-duong", ok)),
			ScoringPolicy{}, ErrInexact, "ha-nam", "", "I.2"},
		{"invalid policy aggregation", good, ScoringPolicy{Aggregation: 7}, ErrInvalidPolicy, "", "", ""},
		{"trim without trimmed mean", good, ScoringPolicy{Trim: 1}, ErrInvalidPolicy, "", "", ""},
		{"negative trim", good, ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: -1}, ErrInvalidPolicy, "", "", ""},
		{"rounding places out of range", good, ScoringPolicy{Total: Rounding{Places: 19, Mode: RoundHalfUp}}, ErrInvalidPolicy, "", "", ""},
		{"tie-breaker on unknown criterion", good, ScoringPolicy{TieBreakers: []TieBreaker{ByCriterion("IX")}}, ErrUnknownCriterion, "", "", "IX"},
		{"comparison without a function", good, ScoringPolicy{TieBreakers: []TieBreaker{ByComparison("vote", nil)}}, ErrInvalidPolicy, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := card.Score(cluster3(), tt.as, tt.policy)
			if tt.sentinel == nil {
				require.NoError(t, err)
				assert.Equal(t, 9, st.Len())
				return
			}
			require.ErrorIs(t, err, tt.sentinel)
			assert.Regexp(t, `^thidua: `, err.Error())
			var ae *AssessmentError
			if tt.unit != "" {
				if errors.As(err, &ae) {
					assert.Equal(t, tt.unit, ae.Unit)
					assert.Equal(t, tt.assessor, ae.Assessor)
				} else {
					var ue *UnitError
					require.ErrorAs(t, err, &ue)
					assert.Equal(t, tt.unit, ue.ID)
				}
				assert.Contains(t, err.Error(), `"`+string(tt.unit)+`"`)
			}
			if tt.criterion != "" {
				if errors.As(err, &ae) {
					assert.Equal(t, tt.criterion, ae.Criterion)
				} else {
					ce := fieldError(err, "criterion")
					require.NotNil(t, ce, "%v", err)
					assert.Equal(t, tt.criterion, CriterionID(ce.Value))
				}
				assert.Contains(t, err.Error(), `"`+string(tt.criterion)+`"`)
			}
		})
	}
}

func slicesClone(as []Assessment) []Assessment { return append([]Assessment(nil), as...) }

func TestScoreWrongYearAndZeroValues(t *testing.T) {
	card := testCard(t)
	_, err := card.Score(cluster3In2024(), selfAll(full("1", "1", "1", "0", "0")), ScoringPolicy{})
	require.ErrorIs(t, err, ErrScorecardYear)
	ye := fieldError(err, "scorecard year")
	require.NotNil(t, ye, "%v", err)
	assert.Equal(t, "2023", ye.Value)

	_, err = Scorecard{}.Score(cluster3(), nil, ScoringPolicy{})
	require.ErrorIs(t, err, ErrEmptyScorecard)
	_, err = card.Score(Cluster{}, nil, ScoringPolicy{})
	require.ErrorIs(t, err, ErrTooFewMembers)
	_, err = json.Marshal(Scorecard{})
	require.ErrorIs(t, err, ErrEmptyScorecard)
}

func TestScoreSelfAssessments(t *testing.T) {
	card := testCard(t)
	as := selfAll(full("10", "20", "30", "0", "0"))  // 80 each
	as[0].Marks = full("9.5", "18", "20", "10", "1") // 19 + 18 + 20 + 10 - 1 = 66
	as[1].Marks = full("10", "20", "10", "0", "0")   // 60, fails gate II (15)
	as[2].Marks = full("10", "20", "30", "10", "0")  // 90
	st, err := card.Score(cluster3(), as, ScoringPolicy{})
	require.NoError(t, err)

	bn, ok := st.Of("bac-ninh")
	require.True(t, ok)
	assert.Equal(t, "66", bn.Total.String())
	assert.Equal(t, "82.5", bn.Scaled.String(), "66 of 80 is 82.5 of 100")
	assert.Equal(t, "1", bn.Deductions.String())
	assert.Equal(t, AssessorSelf, bn.Source)
	assert.Equal(t, []UnitID{"bac-ninh"}, bn.Assessors)
	require.Len(t, bn.Lines, 5)
	l := bn.Lines[0]
	assert.Equal(t, CriterionID("I.1"), l.Criterion)
	assert.Equal(t, "9.5", l.Mark.String())
	assert.Equal(t, "2", l.Weight.String())
	assert.Equal(t, "19", l.Contribution.String())
	assert.Equal(t, AggregateMean, l.Aggregation)
	assert.Equal(t, "-1", bn.Lines[4].Contribution.String())
	i, ok := bn.Points("I")
	require.True(t, ok)
	assert.Equal(t, "37", i.String())
	assert.Empty(t, bn.GatesFailed)

	nd, _ := st.Of("nam-dinh")
	require.Len(t, nd.GatesFailed, 1)
	assert.Equal(t, CriterionID("II"), nd.GatesFailed[0].Criterion)
	assert.Equal(t, `criterion "II" has 10 points, below its minimum 15`, nd.GatesFailed[0].String())
	assert.Equal(t, "50", nd.Total.String(), "a failed gate leaves the total alone")

	// Ranks: 80, then six 70s tied at 2, then 66 and 50.
	var ranks []int
	var units []UnitID
	for _, s := range st.Ranked() {
		ranks = append(ranks, s.Rank)
		units = append(units, s.Unit)
	}
	assert.Equal(t, []int{1, 2, 2, 2, 2, 2, 2, 8, 9}, ranks)
	assert.Equal(t, []UnitID{"ninh-binh", "vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam", "bac-ninh", "nam-dinh"}, units)
	assert.Equal(t, [][]UnitID{{"vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam"}}, st.Ties())
	assert.Equal(t, ClusterID("mic-cluster-3"), st.ClusterID())
	assert.Equal(t, 2023, st.Year())
	assert.Equal(t, "test-2023", st.Scorecard())
	_, ok = st.Of("ha-noi")
	assert.False(t, ok)

	// Returned values are copies.
	r := st.Ranked()
	r[0].Lines[0].Marks[0] = dec("0")
	r[0].Total = dec("0")
	again, _ := st.Of("ninh-binh")
	assert.Equal(t, "10", again.Lines[0].Marks[0].String())
	assert.Equal(t, "80", again.Total.String())
}

func peersOf(unit UnitID, by []UnitID, ms ...map[CriterionID]decimal.Decimal) []Assessment {
	var as []Assessment
	for i, b := range by {
		as = append(as, Assessment{Unit: unit, Assessor: b, Kind: AssessorPeer, Marks: ms[i]})
	}
	return as
}

func TestScoreAggregation(t *testing.T) {
	card := testCard(t)
	base := selfAll(full("10", "20", "30", "0", "0"))
	by := []UnitID{"bac-ninh", "nam-dinh", "ninh-binh", "vinh-phuc", "hung-yen"}
	// Five peers score Hà Nam; I.1 marks 2, 4, 5, 9, 10; I.2 all 10; II.1 30, 0, 15, 15, 15.
	peers := peersOf("ha-nam", by,
		full("2", "10", "30", "0", "0"),
		full("4", "10", "0", "0", "0"),
		full("5", "10", "15", "0", "0"),
		full("9", "10", "15", "0", "0"),
		full("10", "10", "15", "0", "0"),
	)
	// Its own peer-style assessment is ignored by default.
	own := Assessment{Unit: "ha-nam", Assessor: "ha-nam", Kind: AssessorPeer, Marks: full("10", "20", "30", "10", "0")}
	as := append(append(slicesClone(base), peers...), own)
	tests := []struct {
		name         string
		policy       ScoringPolicy
		i1Mark       string
		i1Marks      []string
		dropped      int
		total        string
		assessorsLen int
	}{
		{"mean", ScoringPolicy{}, "6", []string{"2", "4", "5", "9", "10"}, 0, "6*2+10+15", 5},
		{"median", ScoringPolicy{Aggregation: AggregateMedian}, "5", []string{"5"}, 4, "5*2+10+15", 5},
		{"trimmed mean, rounded", ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1, Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}},
			"6", []string{"4", "5", "9"}, 2, "6*2+10+15", 5},
		{"own peer counted", ScoringPolicy{CountOwnPeer: true, Aggregate: Rounding{Places: 2, Mode: RoundDown}},
			"6.66", []string{"2", "4", "5", "9", "10", "10"}, 0, "6.66*2+11.66+17.5+1.66", 6},
		// Per total: assessor totals 2*2+10+30=44 (bac-ninh), 18, 35, 43, 45.
		// Trim 1 drops nam-dinh (18) and hung-yen (45); keeps bac-ninh, ninh-binh, vinh-phuc.
		{"trimmed per total", ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1, PerTotal: true, Aggregate: Rounding{Places: 2, Mode: RoundHalfEven}},
			"5.33", []string{"2", "5", "9"}, 2, "5.33*2+10+20", 5},
		// Median per total: totals sorted 18, 35, 43, 44, 45 keep vinh-phuc (43).
		{"median per total", ScoringPolicy{Aggregation: AggregateMedian, PerTotal: true}, "9", []string{"9"}, 4, "9*2+10+15", 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := card.Score(cluster3(), as, tt.policy)
			require.NoError(t, err)
			hn, _ := st.Of("ha-nam")
			assert.Equal(t, AssessorPeer, hn.Source)
			assert.Len(t, hn.Assessors, tt.assessorsLen)
			l := hn.Lines[0]
			assert.True(t, dec(tt.i1Mark).Equal(l.Mark), "mark %s", l.Mark)
			var got []string
			for _, m := range l.Marks {
				got = append(got, m.String())
			}
			assert.Equal(t, tt.i1Marks, got)
			assert.Equal(t, tt.dropped, l.Dropped)
			assert.True(t, evalSum(tt.total).Equal(hn.Total), "total %s, want %s", hn.Total, tt.total)
		})
	}
}

// evalSum evaluates "a*b+c+d" for the tests above.
func evalSum(expr string) decimal.Decimal {
	total := decimal.Zero
	term := ""
	flush := func() {
		prod := decimal.NewFromInt(1)
		f := ""
		for _, r := range term + "*" {
			if r == '*' {
				prod = prod.Mul(dec(f))
				f = ""
				continue
			}
			f += string(r)
		}
		total = total.Add(prod)
		term = ""
	}
	for _, r := range expr {
		if r == '+' {
			flush()
			continue
		}
		term += string(r)
	}
	flush()
	return total
}

func TestScorePrecedenceMissingAndClamp(t *testing.T) {
	card := testCard(t)
	as := selfAll(full("10", "20", "30", "0", "0"))
	// An appraisal overrides Bắc Ninh's self-score and the peers' marks.
	as = append(as,
		Assessment{Unit: "bac-ninh", Assessor: "hoi-dong", Kind: AssessorAppraisal, Marks: full("5", "5", "5", "0", "0")},
		Assessment{Unit: "bac-ninh", Assessor: "nam-dinh", Kind: AssessorPeer, Marks: full("1", "1", "1", "0", "0")},
		// Two appraisals are averaged.
		Assessment{Unit: "nam-dinh", Assessor: "bac-ninh", Kind: AssessorAppraisal, Marks: full("5", "5", "5", "0", "0")},
		Assessment{Unit: "nam-dinh", Assessor: "hoi-dong", Kind: AssessorAppraisal, Marks: full("6", "6", "6", "0", "0")},
	)
	st, err := card.Score(cluster3(), as, ScoringPolicy{})
	require.NoError(t, err)
	bn, _ := st.Of("bac-ninh")
	assert.Equal(t, AssessorAppraisal, bn.Source)
	assert.Equal(t, "20", bn.Total.String())
	nd, _ := st.Of("nam-dinh")
	assert.Equal(t, "22", nd.Total.String(), "5.5*2 + 5.5 + 5.5")

	// Missing marks count as zero by choice; over-max marks clamp by choice.
	as = selfAll(full("10", "20", "30", "0", "0"))
	as[0].Marks = marks("I.1", "12", "I.2", "20")
	st, err = card.Score(cluster3(), as, ScoringPolicy{MissingIsZero: true, ClampOverMax: true})
	require.NoError(t, err)
	bn, _ = st.Of("bac-ninh")
	assert.Equal(t, "40", bn.Total.String())
	assert.True(t, bn.Lines[0].Clamped)
	assert.Equal(t, "10", bn.Lines[0].Mark.String())
	assert.False(t, bn.Lines[1].Clamped)
	require.Len(t, bn.GatesFailed, 1)
}

func TestTieBreakers(t *testing.T) {
	card := testCard(t)
	as := selfAll(full("10", "20", "30", "0", "0")) // 80 each
	as[0].Marks = full("5", "20", "30", "10", "0")  // 80 with I = 30
	as[1].Marks = full("10", "15", "30", "5", "0")  // 80 with I = 35
	as[2].Marks = full("10", "20", "30", "1", "1")  // 80 with a deduction
	as[3].Marks = full("10", "20", "30", "2", "2")  // 80 with more deductions
	ids := cluster3().MemberIDs()
	tests := []struct {
		name   string
		tbs    []TieBreaker
		order  []UnitID
		ranks  []int
		breaks map[UnitID]string
		ties   int
	}{
		{"none: all tied", nil, ids, []int{1, 1, 1, 1, 1, 1, 1, 1, 1}, nil, 1},
		{"by group I", []TieBreaker{ByCriterion("I")},
			[]UnitID{"ninh-binh", "vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam", "nam-dinh", "bac-ninh"},
			[]int{1, 1, 1, 1, 1, 1, 1, 8, 9}, map[UnitID]string{"bac-ninh": `criterion "I"`, "ninh-binh": `criterion "I"`}, 1},
		{"fewer deductions, then I.1", []TieBreaker{FewerDeductions(), ByCriterion("I.1")},
			[]UnitID{"nam-dinh", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam", "bac-ninh", "ninh-binh", "vinh-phuc"},
			[]int{1, 1, 1, 1, 1, 1, 7, 8, 9},
			map[UnitID]string{"nam-dinh": `criterion "I.1"`, "bac-ninh": `criterion "I.1"`, "ninh-binh": "fewer deductions", "vinh-phuc": "fewer deductions"}, 1},
		{"comparison by roster position reversed", []TieBreaker{ByComparison("phiếu bầu", func(a, b UnitID) int {
			return indexOf(ids, b) - indexOf(ids, a)
		})}, []UnitID{"ha-nam", "hai-duong", "thai-binh", "quang-ninh", "hung-yen", "vinh-phuc", "ninh-binh", "nam-dinh", "bac-ninh"},
			[]int{1, 2, 3, 4, 5, 6, 7, 8, 9}, map[UnitID]string{"ha-nam": "phiếu bầu", "bac-ninh": "phiếu bầu"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := card.Score(cluster3(), as, ScoringPolicy{TieBreakers: tt.tbs})
			require.NoError(t, err)
			var order []UnitID
			var ranks []int
			for _, s := range st.Ranked() {
				order = append(order, s.Unit)
				ranks = append(ranks, s.Rank)
				if want, ok := tt.breaks[s.Unit]; ok {
					assert.Equal(t, want, s.TieBreak, "tie-break of %s", s.Unit)
				}
				if tt.tbs == nil {
					assert.Empty(t, s.TieBreak)
				}
			}
			assert.Equal(t, tt.order, order)
			assert.Equal(t, tt.ranks, ranks)
			assert.Len(t, st.Ties(), tt.ties)
		})
	}
}

func indexOf(ids []UnitID, id UnitID) int {
	for i, x := range ids {
		if x == id {
			return i
		}
	}
	return -1
}

func TestRounding(t *testing.T) {
	tests := []struct {
		x, y  string
		r     Rounding
		want  string
		exact bool
	}{
		{"1", "3", Rounding{}, "", false},
		{"1", "4", Rounding{}, "0.25", true},
		{"3", "6", Rounding{}, "0.5", true},
		{"100", "80", Rounding{}, "1.25", true},
		{"1.5", "1.2", Rounding{}, "1.25", true},
		{"-1", "8", Rounding{}, "-0.125", true},
		{"0", "7", Rounding{}, "0", true},
		{"1", "3", Rounding{2, RoundHalfUp}, "0.33", false},
		{"2", "3", Rounding{2, RoundHalfUp}, "0.67", false},
		{"2", "3", Rounding{2, RoundDown}, "0.66", false},
		{"1", "3", Rounding{2, RoundUp}, "0.34", false},
		{"1", "8", Rounding{2, RoundHalfUp}, "0.13", false},
		{"1", "8", Rounding{2, RoundHalfEven}, "0.12", false},
		{"3", "8", Rounding{2, RoundHalfEven}, "0.38", false},
		{"-1", "8", Rounding{2, RoundHalfUp}, "-0.13", false},
		{"-2", "3", Rounding{2, RoundDown}, "-0.66", false},
		{"-2", "3", Rounding{2, RoundUp}, "-0.67", false},
		{"5", "2", Rounding{0, RoundHalfEven}, "2", false},
		{"7", "2", Rounding{0, RoundHalfEven}, "4", false},
		{"1", "4", Rounding{2, RoundHalfUp}, "0.25", true},
	}
	for _, tt := range tests {
		t.Run(tt.x+"/"+tt.y+" "+tt.r.String(), func(t *testing.T) {
			q, exact := quotient(dec(tt.x), dec(tt.y), tt.r)
			assert.Equal(t, tt.exact, exact)
			if tt.want != "" {
				assert.True(t, dec(tt.want).Equal(q), "got %s", q)
				if tt.r.Mode != RoundExact {
					// The same rounding applied to the exact value, where it has one.
					assert.True(t, tt.r.Apply(dec(tt.x).DivRound(dec(tt.y), 30)).Equal(q), "%s / %s", tt.x, tt.y)
				}
			}
		})
	}
	assert.Equal(t, "1.22", Rounding{2, RoundHalfEven}.Apply(dec("1.225")).String())
	assert.Equal(t, "1.24", Rounding{2, RoundHalfEven}.Apply(dec("1.235")).String())
	assert.Equal(t, "1.23", Rounding{2, RoundHalfUp}.Apply(dec("1.225")).String())
	assert.Equal(t, "1.22", Rounding{2, RoundDown}.Apply(dec("1.229")).String())
	assert.Equal(t, "1.23", Rounding{2, RoundUp}.Apply(dec("1.221")).String())
	assert.Equal(t, "1.221", Rounding{}.Apply(dec("1.221")).String())
	assert.Equal(t, "exact", Rounding{}.String())
}

func TestScale(t *testing.T) {
	s := testCard(t) // base 80
	scaled := func(c Scorecard, total string, r Rounding) string {
		t.Helper()
		d, err := c.Scale(dec(total), r)
		require.NoError(t, err)
		return d.String()
	}
	assert.Equal(t, "82.5", scaled(s, "66", Rounding{}))
	assert.Equal(t, "112.5", scaled(s, "90", Rounding{}))
	card := MustScorecard(ScorecardSpec{ID: "x", Name: "x", Year: 2023, Criteria: []CriterionSpec{{ID: "a", Name: "a", Max: dec("30")}}})
	assert.Equal(t, "33.3333333333333333", scaled(card, "10", Rounding{}), "no finite form: half-even at ScalePlaces")
	assert.Equal(t, "33.33", scaled(card, "10", Rounding{2, RoundHalfUp}))
	assert.Equal(t, "0", scaled(Scorecard{}, "10", Rounding{}))
	_, err := card.Scale(decimal.New(1, 200_000_000), Rounding{})
	assert.ErrorIs(t, err, ErrPointsRange, "a huge exponent is refused, not computed")
	_, err = card.Scale(dec("10"), Rounding{Places: -1, Mode: RoundHalfUp})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
}

func TestEnums(t *testing.T) {
	assert.Equal(t, "bonus", CriterionBonus.String())
	assert.Equal(t, "điểm trừ", CriterionDeduction.Vietnamese())
	assert.Equal(t, "chấm chéo", AssessorPeer.Vietnamese())
	assert.Equal(t, "assessor kind(0)", AssessorKind(0).String())
	assert.False(t, AssessorKind(0).IsValid())
	assert.False(t, CriterionKind(3).IsValid())
	assert.Equal(t, "trimmed-mean", AggregateTrimmedMean.String())
	assert.Equal(t, "half-even", RoundHalfEven.String())
	assert.Equal(t, "fewer-deductions", tieFewerDeductions.String())
	_, err := AssessorKind(0).MarshalText()
	require.ErrorIs(t, err, ErrInvalidAssessorKind)
	var k CriterionKind
	require.ErrorIs(t, k.UnmarshalText([]byte("extra")), ErrInvalidCriterionKind)
	var a AssessorKind
	require.ErrorIs(t, a.UnmarshalText([]byte("")), ErrInvalidAssessorKind)
	require.NoError(t, a.UnmarshalText([]byte("appraisal")))
	assert.Equal(t, AssessorAppraisal, a)
}

func TestJSON(t *testing.T) {
	card := testCard(t)
	b, err := json.Marshal(card)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"max":"10","weight":"2"`, "decimals are strings")
	assert.NotContains(t, string(b), `"weight":"0"`, "fields left out stay out")
	var back Scorecard
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, card.Equal(back))
	assert.Equal(t, card.BaseMax().String(), back.BaseMax().String())
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))

	a := Assessment{Unit: "ha-nam", Assessor: "bac-ninh", Kind: AssessorPeer, Marks: full("1.50", "2", "3", "0", "0")}
	b, err = json.Marshal(a)
	require.NoError(t, err)
	assert.Equal(t, `{"unit":"ha-nam","assessor":"bac-ninh","kind":"peer","marks":{"I.1":"1.5","I.2":"2","II.1":"3","bonus":"0","minus":"0"}}`, string(b))
	var ab Assessment
	require.NoError(t, json.Unmarshal(b, &ab))
	assert.True(t, a.Equal(ab))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"unit":"ha-nam","assessor":"bac-ninh","kind":"peer","marks":{"I.1":"-1"}}`), &ab), ErrNegativeMark)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"unit":"ha-nam","assessor":"bac-ninh","kind":"boss","marks":{}}`), &ab), ErrInvalidAssessorKind)

	p := ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1, PerTotal: true, MissingIsZero: true, ClampOverMax: true,
		Aggregate: Rounding{2, RoundHalfUp}, Total: Rounding{1, RoundHalfEven}, TieBreakers: []TieBreaker{ByCriterion("I"), FewerDeductions()}}
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"per_total":true`, "the three switches are snake_case bools")
	assert.Contains(t, string(b), `"missing_is_zero":true,"clamp_over_max":true`)
	var pb ScoringPolicy
	require.NoError(t, json.Unmarshal(b, &pb))
	assert.Equal(t, p.PerTotal, pb.PerTotal)
	assert.Equal(t, p.MissingIsZero, pb.MissingIsZero)
	assert.Equal(t, p.ClampOverMax, pb.ClampOverMax)
	b2, err = json.Marshal(pb)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	assert.Equal(t, p.Trim, pb.Trim)
	assert.Equal(t, p.TieBreakers[0].criterion, pb.TieBreakers[0].criterion)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"trim":2}`), &pb), ErrInvalidPolicy)
	for _, old := range []string{`{"over":"per-total"}`, `{"missing":"zero"}`, `{"over_max":"clamp"}`} {
		require.ErrorIs(t, json.Unmarshal([]byte(old), &pb), ErrInvalidPolicy, "an earlier version's key is refused, not ignored: %s", old)
	}
	require.ErrorIs(t, json.Unmarshal([]byte(`{"tie_breakers":[{"kind":"comparison"}]}`), &pb), ErrUnencodableTieBreaker)
	_, err = json.Marshal(ScoringPolicy{TieBreakers: []TieBreaker{ByComparison("vote", func(a, b UnitID) int { return 0 })}})
	require.ErrorIs(t, err, ErrUnencodableTieBreaker)
	var zero ScoringPolicy
	require.NoError(t, json.Unmarshal([]byte(`{}`), &zero))
	assert.Equal(t, DefaultScoringPolicy().Aggregation, zero.Aggregation)
}

// TestScoreConcurrent scores one scorecard from many goroutines (run with
// -race): a Scorecard, Cluster and policy are shared values.
func TestScoreConcurrent(t *testing.T) {
	card := testCard(t)
	as := selfAll(full("10", "20", "30", "1", "0"))
	p := ScoringPolicy{TieBreakers: []TieBreaker{ByCriterion("I"), FewerDeductions()}}
	want, err := card.Score(cluster3(), as, p)
	require.NoError(t, err)
	c := cluster3()
	done := make(chan Standings)
	for range 8 {
		go func() {
			st, err := card.Score(c, as, p)
			if err != nil {
				done <- Standings{}
				return
			}
			done <- st
		}()
	}
	for range 8 {
		assert.True(t, want.Equal(<-done))
	}
}

// A decimal of a hundred million digits is refused at once: neither the check
// nor the error message may try to print or divide it.
func TestHugeValuesAreRefused(t *testing.T) {
	huge := decimal.New(1, 200_000_000)
	_, err := NewScorecard(ScorecardSpec{ID: "x", Name: "X", Year: 2023, Criteria: []CriterionSpec{{ID: "a", Name: "A", Max: huge}}})
	require.ErrorIs(t, err, ErrPointsRange)
	assert.Contains(t, err.Error(), "1 digits × 10^200000000")

	card := MustScorecard(ScorecardSpec{ID: "x", Name: "X", Year: 2023, Criteria: []CriterionSpec{{ID: "a", Name: "A", Max: decimal.NewFromInt(10)}}})
	for _, mark := range []decimal.Decimal{huge, decimal.New(1, -200_000_000)} {
		var as []Assessment
		for _, id := range cluster3().MemberIDs() {
			as = append(as, Assessment{Unit: id, Assessor: id, Kind: AssessorSelf, Marks: map[CriterionID]decimal.Decimal{"a": mark}})
		}
		_, err = card.Score(cluster3(), as, ScoringPolicy{})
		require.ErrorIs(t, err, ErrPointsRange)
	}
	assert.ErrorIs(t, RequireMinTotal(huge).Validate(), ErrPointsRange)
}

// TestScoreMarkWithoutInt64Form: a mark in range whose coefficient has more
// than 18 digits (beyond int64) is accepted and scored exactly in decimals, and Compile says
// why the year has no int64 form.
func TestScoreMarkWithoutInt64Form(t *testing.T) {
	card := testCard(t)
	long := "9.999999999999999999" // 19 digits, 18 places, below the maximum of I.1, 10
	as := selfAll(full("10", "20", "30", "0", "0"))
	as[0].Marks = full(long, "20", "30", "0", "0")
	st, err := card.Score(cluster3(), as, ScoringPolicy{})
	require.NoError(t, err)
	s, ok := st.Of(as[0].Unit)
	require.True(t, ok)
	require.Equal(t, long, s.Lines[0].Marks[0].String())
	want := dec(long).Mul(dec("2")).Add(dec("50"))
	require.True(t, s.Total.Equal(want), "total %s, want %s", s.Total, want)
	_, err = Compile(card, cluster3(), as, ScoringPolicy{})
	require.ErrorIs(t, err, ErrOverflow)
}

// TestScaleIntMatchesScale: the int64 scaling of totals gives what the
// decimal division gives, value and places, for every rounding, or declines.
func TestScaleIntMatchesScale(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 2026))
	var ints int
	for _, base := range []string{"80", "97.5", "3", "7", "1000.125", "0.3", "123456789.123456789"} {
		s := Scorecard{base: dec(base)}
		for range 300 {
			ts := int32(r.IntN(9))
			total := r.Int64N(2_000_000_000) - 1_000_000_000
			for mode := RoundExact; mode <= RoundUp; mode++ {
				for _, places := range []int32{0, 1, 2, 4, 16, 18} {
					rnd := Rounding{Places: places, Mode: mode}
					want := s.scale(decimal.New(total, -ts), rnd)
					v, sc, ok := scaleInt(total, ts, toSmall(s.base), rnd)
					if !ok {
						continue
					}
					ints++
					got := decimal.New(v, -sc)
					require.True(t, got.Equal(want), "%d×10^-%d / %s, %s: %s, want %s", total, ts, base, rnd, got, want)
					require.Equal(t, want.Exponent(), got.Exponent(), "%d×10^-%d / %s, %s", total, ts, base, rnd)
				}
			}
		}
	}
	require.Greater(t, ints, 10000, "the int64 form should serve most totals")
}
