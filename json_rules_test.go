package thidua

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seedAwardRules is award rules with every kind of encodable standard, a
// quota, a vote, the equal-merit rule and votes first.
func seedAwardRules(t testing.TB) AwardRules {
	t.Helper()
	r, err := NewAwardRules(
		AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(2),
			Standards: []Standard{RequireMinTotal(decimal.RequireFromString("90.50")), RequireRank(3), RequireNoPendingCase()},
			Vote:      AtLeast(4, 5).Of(BaseElectorate)},
		AwardRule{Award: AwardMinistryFlag,
			Standards: []Standard{RequireLeadsCluster(), RequireExcellentYears(2), RequireTitle(AwardExcellentCollective)}},
		AwardRule{Award: AwardExcellentCollective},
	)
	require.NoError(t, err)
	r, err = r.WithEqualMerit(AtLeast(7, 10))
	require.NoError(t, err)
	return r.WithVotesFirst(true)
}

// Each kind of standard round-trips, carrying only the parameters it uses.
func TestStandardJSONRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		s    Standard
		want string
	}{
		{RequireMinTotal(decimal.RequireFromString("90.50")), `{"kind":"min-total","total":"90.5"}`},
		{RequireMinTotal(decimal.Zero), `{"kind":"min-total","total":"0"}`},
		{RequireRank(3), `{"kind":"max-rank","n":3}`},
		{RequireLeadsCluster(), `{"kind":"leads-cluster"}`},
		{RequireNoPendingCase(), `{"kind":"no-pending-case"}`},
		{RequireExcellentYears(0), `{"kind":"excellent-years","n":0}`},
		{RequireExcellentYears(2), `{"kind":"excellent-years","n":2}`},
		{RequireTitle(AwardExcellentCollective), `{"kind":"holds-title","award":"excellent-collective"}`},
	} {
		b := jsonRoundTrip(t, tt.s)
		assert.JSONEq(t, tt.want, string(b))
		var back Standard
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, tt.s.Equal(back), "%s", b)
		assert.Equal(t, tt.s.String(), back.String())
	}
	assert.False(t, RequireRank(3).Equal(RequireRank(2)))
	assert.True(t, RequireMinTotal(decimal.RequireFromString("90")).Equal(RequireMinTotal(decimal.RequireFromString("90.0"))))
	custom := RequireThat("clean audit", func(Candidate) bool { return true })
	assert.False(t, custom.Equal(custom), "functions cannot be compared")
}

func TestAwardRulesJSONRoundTrip(t *testing.T) {
	r := seedAwardRules(t)
	b := jsonRoundTrip(t, r)
	assert.Empty(t, badKeys(t, b, nil), "keys that are not snake_case")
	assert.Contains(t, string(b), `"votes_first":true`)
	assert.Contains(t, string(b), `"equal_merit":{"num":7,"den":10}`)
	var back AwardRules
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Equal(back))
	assert.Equal(t, r.Len(), back.Len())
	assert.False(t, r.Equal(r.WithVotesFirst(false)))

	// The zero AwardRules and the rules of the seed regimes.
	jsonRoundTrip(t, AwardRules{})
	for _, rs := range []RuleSet{Decree91_2017(), Decree98_2023(), Decree152_2025(), Amendment2026()} {
		ar, err := rs.AwardRules(map[Award]Quota{AwardMinistryMerit: CountQuota(3), AwardMinistryFlag: {}})
		require.NoError(t, err, rs.Name)
		b := jsonRoundTrip(t, ar)
		var back AwardRules
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, ar.Equal(back), rs.Name)
	}

	// Decoding restores the order of precedence.
	var shuffled AwardRules
	require.NoError(t, json.Unmarshal([]byte(`{"rules":[{"award":"excellent-collective","quota":{"basis":"none"},"vote":{"share":{"num":0,"den":0}}},`+
		`{"award":"ministry-flag","quota":{"basis":"none"},"vote":{"share":{"num":0,"den":0}}}],"equal_merit":{"num":0,"den":0},"votes_first":false}`), &shuffled))
	assert.Equal(t, AwardMinistryFlag, shuffled.Rules()[0].Award)
}

func TestRuleBookJSONRoundTrip(t *testing.T) {
	p := Presets()
	b := jsonRoundTrip(t, p)
	assert.Empty(t, badKeys(t, b, map[string]bool{".sets[].thresholds": true}), "keys that are not snake_case")
	var back RuleBook
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, p.Equal(back))
	for _, d := range []Date{MustDate(2020, time.June, 1), MustDate(2024, time.March, 1), MustDate(2025, time.December, 31), MustDate(2027, time.January, 1)} {
		want, err := RulesOn(d)
		require.NoError(t, err)
		got, err := back.On(d)
		require.NoError(t, err)
		assert.True(t, want.Equal(got), d.String())
		jsonRoundTrip(t, got)
	}
	withSector, err := p.With(Courts2024())
	require.NoError(t, err)
	jsonRoundTrip(t, withSector)
	assert.False(t, p.Equal(withSector))
	jsonRoundTrip(t, RuleBook{})
}

func TestRulesJSONRefused(t *testing.T) {
	custom := RequireThat("clean audit", func(Candidate) bool { return true })
	_, err := json.Marshal(custom)
	assert.ErrorIs(t, err, ErrUnencodablePolicy)
	withCustom, err := NewAwardRules(AwardRule{Award: AwardMinistryFlag, Standards: []Standard{custom}})
	require.NoError(t, err)
	_, err = json.Marshal(withCustom)
	assert.ErrorIs(t, err, ErrUnencodablePolicy)
	_, err = json.Marshal(RequireRank(0))
	assert.ErrorIs(t, err, ErrInvalidStandard)

	for _, tt := range []struct {
		name, in string
		want     error
	}{
		{"unknown kind", `{"kind":"max-votes","n":1}`, ErrInvalidStandard},
		{"no kind", `{}`, ErrInvalidStandard},
		{"custom", `{"kind":"custom","name":"clean audit"}`, ErrUnencodablePolicy},
		{"rank zero", `{"kind":"max-rank","n":0}`, ErrInvalidStandard},
		{"negative years", `{"kind":"excellent-years","n":-1}`, ErrInvalidStandard},
		{"missing n", `{"kind":"max-rank"}`, ErrInvalidStandard},
		{"missing total", `{"kind":"min-total"}`, ErrInvalidStandard},
		{"unused parameter", `{"kind":"leads-cluster","n":2}`, ErrInvalidStandard},
		{"name on a built-in", `{"kind":"max-rank","n":2,"name":"x"}`, ErrInvalidStandard},
		{"total out of range", `{"kind":"min-total","total":"1e40"}`, ErrPointsRange},
		{"unknown title", `{"kind":"holds-title","award":"medal"}`, ErrInvalidAward},
	} {
		t.Run("standard/"+tt.name, func(t *testing.T) {
			var s Standard
			assert.ErrorIs(t, json.Unmarshal([]byte(tt.in), &s), tt.want)
		})
	}

	for _, tt := range []struct {
		name, in string
		want     error
	}{
		{"duplicate rule", `{"rules":[{"award":"ministry-flag","quota":{"basis":"none"},"vote":{"share":{"num":0,"den":0}}},` +
			`{"award":"ministry-flag","quota":{"basis":"none"},"vote":{"share":{"num":0,"den":0}}}]}`, ErrDuplicateRule},
		{"bad standard", `{"rules":[{"award":"ministry-flag","quota":{"basis":"none"},"standards":[{"kind":"max-rank","n":-2}],"vote":{"share":{"num":0,"den":0}}}]}`, ErrInvalidStandard},
		{"bad equal merit", `{"rules":[],"equal_merit":{"num":3,"den":2}}`, nil},
	} {
		t.Run("award rules/"+tt.name, func(t *testing.T) {
			var r AwardRules
			err := json.Unmarshal([]byte(tt.in), &r)
			require.Error(t, err)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			}
		})
	}

	// Overlapping rule sets of one layer are refused as NewRuleBook refuses them.
	b, err := json.Marshal(struct {
		Sets []RuleSet `json:"sets"`
	}{[]RuleSet{Decree98_2023(), Decree98_2023()}})
	require.NoError(t, err)
	var book RuleBook
	assert.ErrorIs(t, json.Unmarshal(b, &book), ErrRuleSetOverlap)
}
