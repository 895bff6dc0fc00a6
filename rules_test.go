package thidua

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesOn(t *testing.T) {
	tests := []struct {
		name string
		date Date
		want string // "" for no rule set
	}{
		{"the day before Decree 91/2017", MustDate(2017, 9, 30), ""},
		{"Decree 91/2017's first day", MustDate(2017, 10, 1), "Nghị định 91/2017/NĐ-CP"},
		{"Cluster 3's 2023 review", MustDate(2023, 12, 8), "Nghị định 91/2017/NĐ-CP"},
		{"Decree 91/2017's last day", MustDate(2023, 12, 31), "Nghị định 91/2017/NĐ-CP"},
		{"the 2022 Law's first day", MustDate(2024, 1, 1), "Nghị định 98/2023/NĐ-CP"},
		{"Decree 98/2023's last day", MustDate(2025, 6, 30), "Nghị định 98/2023/NĐ-CP"},
		{"Decree 152/2025's first day", MustDate(2025, 7, 1), "Nghị định 152/2025/NĐ-CP"},
		{"far ahead", MustDate(2040, 2, 29), "Nghị định 152/2025/NĐ-CP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := RulesOn(tt.date)
			if tt.want == "" {
				require.ErrorIs(t, err, ErrNoRuleSet)
				var fe *FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.date.String(), fe.Value)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, rs.Name)
			assert.True(t, rs.InForce(tt.date))
		})
	}
}

func TestPresets(t *testing.T) {
	flag80 := AtLeast(4, 5).Of(Electorate)
	tests := []struct {
		rs         RuleSet
		from       Date
		until      Date
		maxRounds  int
		cutoffTie  Fallback
		deadlock   Fallback
		equalMerit Share
	}{
		{Decree91_2017(), MustDate(2017, 10, 1), MustDate(2023, 12, 31), 0, FallbackNone, FallbackNone, Share{}},
		{Decree98_2023(), MustDate(2024, 1, 1), MustDate(2025, 6, 30), 2, FallbackNone, FallbackLeaderAndDeputy, Share{}},
		{Decree152_2025(), MustDate(2025, 7, 1), Date{}, 2, FallbackChair, FallbackLeaderAndDeputy, AtLeast(7, 10)},
	}
	for _, tt := range tests {
		t.Run(tt.rs.Name, func(t *testing.T) {
			require.NoError(t, tt.rs.Validate())
			assert.Equal(t, tt.from, tt.rs.EffectiveFrom)
			assert.Equal(t, tt.until, tt.rs.EffectiveUntil)
			assert.Equal(t, AtLeast(2, 3), tt.rs.CouncilQuorum)
			assert.Equal(t, flag80, tt.rs.Threshold(MinistryFlag))
			assert.Equal(t, flag80, tt.rs.Threshold(GovernmentFlag))
			assert.True(t, tt.rs.Threshold(MinistryMerit).IsZero(), "no vote threshold found for a Bằng khen")
			assert.Equal(t, tt.maxRounds, tt.rs.MaxRounds)
			assert.Equal(t, tt.cutoffTie, tt.rs.CutoffTie)
			assert.Equal(t, tt.deadlock, tt.rs.Deadlock)
			assert.Equal(t, ShareOfLeaders(1, 5), tt.rs.GovFlagQuota)
			assert.Equal(t, tt.equalMerit, tt.rs.EqualMerit)
			assert.NotEmpty(t, tt.rs.Sources)
			assert.NotEmpty(t, tt.rs.Unverified, "every preset has values RULES.md could not confirm")

			vr := tt.rs.VoteRule(MinistryFlag)
			assert.Equal(t, VoteRule{Award: MinistryFlag, Threshold: flag80, Quorum: AtLeast(2, 3),
				MaxRounds: tt.maxRounds, CutoffTie: tt.cutoffTie, Deadlock: tt.deadlock}, vr)
			assert.Equal(t, FallbackNone, tt.rs.VoteRule(MinistryMerit).Deadlock, "the deadlock rule is for flags")

			rules, err := tt.rs.AwardRules(map[Award]Quota{GovernmentFlag: {}, MinistryFlag: CountQuota(1), MinistryMerit: CountQuota(2)})
			require.NoError(t, err)
			assert.Equal(t, tt.equalMerit, rules.EqualMerit())
			gov, ok := rules.Rule(GovernmentFlag)
			require.True(t, ok)
			assert.Equal(t, ShareOfLeaders(1, 5), gov.Quota)
			assert.Equal(t, flag80, gov.Vote)
			var stds []string
			for _, s := range gov.Standards {
				stds = append(stds, s.String())
			}
			assert.Equal(t, []string{"no pending case", "leads the cluster"}, stds)
			merit, ok := rules.Rule(MinistryMerit)
			require.True(t, ok)
			assert.Equal(t, CountQuota(2), merit.Quota)
			assert.True(t, merit.Vote.IsZero())
		})
	}
	t.Run("the presets are fresh copies", func(t *testing.T) {
		a := Decree152_2025()
		a.Thresholds[0].Threshold = AtLeast(1, 2).Of(Present)
		a.Sources[0] = "changed"
		assert.Equal(t, AtLeast(4, 5).Of(Electorate), Decree152_2025().Threshold(GovernmentFlag))
		rs, err := RulesOn(MustDate(2026, 1, 1))
		require.NoError(t, err)
		assert.True(t, rs.Equal(Decree152_2025()))
		assert.False(t, rs.Equal(a))
	})
	t.Run("the book is in date order", func(t *testing.T) {
		sets := Presets().Sets()
		require.Len(t, sets, 3)
		for i := 1; i < len(sets); i++ {
			assert.Negative(t, sets[i-1].EffectiveUntil.Compare(sets[i].EffectiveFrom))
		}
	})
}

func TestRuleBookLocalRules(t *testing.T) {
	// A province's own regime may sit in a gap or replace a preset; dates in a
	// gap have no rules.
	local := RuleSet{Name: "local 2020", EffectiveFrom: MustDate(2020, 1, 1), EffectiveUntil: MustDate(2020, 12, 31)}
	later := RuleSet{Name: "local 2022", EffectiveFrom: MustDate(2022, 1, 1)}
	b, err := NewRuleBook(later, local)
	require.NoError(t, err)
	rs, err := b.On(MustDate(2020, 6, 1))
	require.NoError(t, err)
	assert.Equal(t, "local 2020", rs.Name)
	_, err = b.On(MustDate(2021, 6, 1))
	require.ErrorIs(t, err, ErrNoRuleSet)
	rs, err = b.On(MustDate(2030, 1, 1))
	require.NoError(t, err)
	assert.Equal(t, "local 2022", rs.Name)
	_, err = RuleBook{}.On(MustDate(2030, 1, 1))
	require.ErrorIs(t, err, ErrNoRuleSet)

	oneDay := RuleSet{Name: "one day", EffectiveFrom: MustDate(2021, 3, 1), EffectiveUntil: MustDate(2021, 3, 1)}
	_, err = NewRuleBook(local, oneDay, later)
	require.NoError(t, err, "a rule set may last one day")
}

func TestDate(t *testing.T) {
	d, err := ParseDate("2025-07-01")
	require.NoError(t, err)
	assert.Equal(t, MustDate(2025, time.July, 1), d)
	assert.Equal(t, "01/07/2025", d.Vietnamese())
	assert.Equal(t, -1, MustDate(2025, 6, 30).Compare(d))
	assert.Equal(t, 1, MustDate(2026, 1, 1).Compare(d))
	assert.Equal(t, 0, d.Compare(MustDate(2025, 7, 1)))

	// 30/06/2025 at 20:00 UTC is already 01/07/2025 in Hà Nội (UTC+7).
	utc := time.Date(2025, 6, 30, 20, 0, 0, 0, time.UTC)
	assert.Equal(t, MustDate(2025, 6, 30), DateOf(utc))
	hanoi := time.FixedZone("ICT", 7*3600)
	assert.Equal(t, MustDate(2025, 7, 1), DateOf(utc.In(hanoi)))
	rs, err := RulesOn(DateOf(utc.In(hanoi)))
	require.NoError(t, err)
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP", rs.Name)

	for _, bad := range []Date{{}, {2023, 2, 29}, {2024, 13, 1}, {1900, 1, 1}, {2024, 1, 0}, {2024, 4, 31}} {
		assert.ErrorIs(t, bad.Validate(), ErrInvalidDate, bad.String())
	}
	assert.NoError(t, MustDate(2024, 2, 29).Validate())
	assert.Panics(t, func() { MustDate(2023, 2, 29) })
	_, err = ParseDate("1800-01-01")
	assert.ErrorIs(t, err, ErrInvalidDate)
}

func TestRuleSetJSONRoundTrip(t *testing.T) {
	for _, rs := range Presets().Sets() {
		t.Run(rs.Name, func(t *testing.T) {
			b, err := json.Marshal(rs)
			require.NoError(t, err)
			var back RuleSet
			require.NoError(t, json.Unmarshal(b, &back), string(b))
			assert.True(t, rs.Equal(back), string(b))
			require.NoError(t, back.Validate())
		})
	}
	var f Fallback
	require.NoError(t, f.UnmarshalText([]byte("chair")))
	assert.Equal(t, FallbackChair, f)
	assert.Equal(t, "Chủ tịch Hội đồng quyết định", f.Vietnamese())
	require.ErrorIs(t, f.UnmarshalText([]byte("coin")), ErrInvalidRuleSet)
}

func TestRuleSetContestSpec(t *testing.T) {
	c := cluster3In2024()
	spec := Decree98_2023().ContestSpec(MinistryFlag, c)
	assert.Equal(t, AtLeast(4, 5).Of(Electorate), spec.Threshold, "80% of all members (Decree 98/2023 Điều 30 k7)")
	assert.Equal(t, AtLeast(2, 3), spec.Quorum)
	assert.Equal(t, 9, spec.Electorate)
	assert.Equal(t, c.MemberIDs(), spec.Candidates)
	assert.Equal(t, 2024, spec.Year)
	contest, err := NewContest(spec)
	require.NoError(t, err)
	r, err := contest.Tally([]Ballot{{Approve: []UnitID{"nam-dinh"}, Count: 7}, {Approve: []UnitID{"hai-duong"}, Count: 2}})
	require.NoError(t, err)
	assert.Empty(t, r.Passed, "7 of 9 falls short of 80%")

	merit := Decree98_2023().ContestSpec(MinistryMerit, c)
	assert.True(t, merit.Threshold.IsZero(), "no threshold found for a Certificate of Merit")
}
