package thidua

import (
	"encoding/json"
	"slices"
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
		{"the day before the amending law", MustDate(2026, 9, 30), "Nghị định 152/2025/NĐ-CP"},
		{"Luật 06/2026/QH16's first day", MustDate(2026, 10, 1), "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16"},
		{"far ahead", MustDate(2040, 2, 29), "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs, err := RulesOn(tt.date)
			if tt.want == "" {
				require.ErrorIs(t, err, ErrNoRuleSet)
				require.ErrorIs(t, err, ErrBeforeDocuments)
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

// A review held on 15/12/2026 falls after the amending law: the rules are
// Decree 152/2025's, each marked unverified against Luật 06/2026/QH16.
func TestRulesOnAfterTheAmendment(t *testing.T) {
	rs, err := RulesOn(MustDate(2026, 12, 15))
	require.NoError(t, err)
	assert.Contains(t, rs.Name, "Luật 06/2026/QH16")
	assert.True(t, rs.Mentions("06/2026/QH16"))
	assert.Empty(t, rs.Read(), "nothing is read against the amending law")
	law, ok := rs.Source("document")
	for _, c := range rs.Sources {
		if c.Document == "06/2026/QH16" && c.Rule == "document" {
			law, ok = c, true
		}
	}
	require.True(t, ok)
	assert.Equal(t, MustDate(2026, 10, 1), law.Effective)
	assert.Equal(t, MustDate(2026, 4, 23), law.Signed)
	assert.Equal(t, StatusUnverified, law.Status)
	tr, ok := rs.Source("transition")
	require.True(t, ok)
	assert.NotEmpty(t, tr.Note)
	assert.NotEmpty(t, tr.NoteVietnamese)

	before, err := RulesOn(MustDate(2026, 9, 30))
	require.NoError(t, err)
	assert.False(t, before.Mentions("06/2026/QH16"))
	assert.Equal(t, before.CouncilQuorum, rs.CouncilQuorum)
	assert.Equal(t, before.Thresholds, rs.Thresholds)
	assert.Equal(t, before.EqualMerit, rs.EqualMerit)
}

func TestPresets(t *testing.T) {
	flag80 := AtLeast(4, 5).Of(Electorate)
	tests := []struct {
		rs         RuleSet
		from       Date
		until      Date
		flag       Threshold
		equalMerit Share
		secret     bool
		pending    string // the Vietnamese citation of the pending-case bar, "" if not read
	}{
		{Decree91_2017(), MustDate(2017, 10, 1), MustDate(2023, 12, 31), Threshold{}, Share{}, true, ""},
		{Decree98_2023(), MustDate(2024, 1, 1), MustDate(2025, 6, 30), flag80, AtLeast(7, 10), false, "Điều 4 Nghị định số 98/2023/NĐ-CP"},
		{Decree152_2025(), MustDate(2025, 7, 1), MustDate(2026, 9, 30), flag80, AtLeast(7, 10), false, "khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP"},
		{Amendment2026(), MustDate(2026, 10, 1), Date{}, flag80, AtLeast(7, 10), false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.rs.Name, func(t *testing.T) {
			require.NoError(t, tt.rs.Validate())
			assert.Equal(t, LayerNational, tt.rs.Layer)
			assert.Equal(t, tt.from, tt.rs.EffectiveFrom)
			assert.Equal(t, tt.until, tt.rs.EffectiveUntil)
			assert.True(t, tt.rs.CouncilQuorum.IsZero(), "no national quorum was found")
			assert.Equal(t, tt.flag, tt.rs.Threshold(MinistryFlag))
			assert.Equal(t, tt.flag, tt.rs.Threshold(GovernmentFlag))
			assert.True(t, tt.rs.Threshold(MinistryMerit).IsZero(), "no vote threshold found for a Bằng khen")
			assert.Zero(t, tt.rs.MaxRounds, "two rounds are the courts' rule, not national")
			assert.Equal(t, FallbackNone, tt.rs.CutoffTie, "the Chair's vote is TT 25/2025/TT-BKHCN's, a sector rule")
			assert.Equal(t, FallbackNone, tt.rs.Deadlock)
			assert.False(t, tt.rs.VotesFirst)
			assert.Equal(t, tt.secret, tt.rs.SecretBallot)
			assert.Equal(t, ShareOfLeaders(1, 5), tt.rs.GovFlagQuota)
			assert.Equal(t, tt.equalMerit, tt.rs.EqualMerit)
			assert.Equal(t, []Award{GovernmentFlag}, tt.rs.LeadsCluster)
			for _, c := range tt.rs.Sources {
				assert.NotContains(t, c.Document, "/TT-", "a national preset names no sector circular")
				assert.Equal(t, LayerNational, c.Layer)
				if c.Status != StatusRead {
					assert.NotEmpty(t, c.Note, c.Rule)
					assert.NotEmpty(t, c.NoteVietnamese, c.Rule)
				}
			}
			for _, rule := range append(slices.Clone(valueRules), "threshold/ministry-flag", "threshold/government-flag", "pending-case") {
				_, ok := tt.rs.Source(rule)
				assert.True(t, ok, "every value has a citation: %s", rule)
			}
			p, ok := tt.rs.PendingSource()
			require.True(t, ok)
			if tt.pending != "" {
				assert.Equal(t, StatusRead, p.Status)
				assert.Equal(t, tt.pending, p.Vietnamese())
			} else {
				assert.NotEqual(t, StatusRead, p.Status)
			}
			assert.NotEmpty(t, tt.rs.Unverified(), "every preset has values that could not be confirmed")

			rules, err := tt.rs.AwardRules(map[Award]Quota{GovernmentFlag: {}, MinistryFlag: CountQuota(1), MinistryMerit: CountQuota(2)})
			require.NoError(t, err)
			assert.Equal(t, tt.equalMerit, rules.EqualMerit())
			assert.False(t, rules.VotesFirst())
			gov, ok := rules.Rule(GovernmentFlag)
			require.True(t, ok)
			assert.Equal(t, ShareOfLeaders(1, 5), gov.Quota)
			assert.Equal(t, tt.flag, gov.Vote)
			var stds []string
			for _, s := range gov.Standards {
				stds = append(stds, s.String())
			}
			assert.Equal(t, []string{"no pending case", "leads the cluster"}, stds)
			merit, ok := rules.Rule(MinistryMerit)
			require.True(t, ok)
			assert.Equal(t, CountQuota(2), merit.Quota)
			assert.True(t, merit.Vote.IsZero())
			assert.Len(t, merit.Standards, 1, "no national excellent-years standard")
		})
	}
	t.Run("the presets are fresh copies", func(t *testing.T) {
		a := Decree152_2025()
		a.Thresholds[0].Threshold = AtLeast(1, 2).Of(Present)
		a.Sources[0].Document = "changed"
		assert.Equal(t, AtLeast(4, 5).Of(Electorate), Decree152_2025().Threshold(GovernmentFlag))
		rs, err := RulesOn(MustDate(2026, 1, 1))
		require.NoError(t, err)
		assert.True(t, rs.Equal(Decree152_2025()))
		assert.False(t, rs.Equal(a))
	})
	t.Run("the book is in date order", func(t *testing.T) {
		sets := Presets().Sets()
		require.Len(t, sets, 4)
		for i := 1; i < len(sets); i++ {
			assert.Equal(t, 1, sets[i].EffectiveFrom.Compare(sets[i-1].EffectiveUntil))
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
	spec := courtsRules2024(t).ContestSpec(MinistryFlag, c)
	assert.Equal(t, AtLeast(4, 5).Of(Electorate), spec.Threshold, "80% of all members (Decree 98/2023 Điều 30 k7)")
	assert.Equal(t, AtLeast(2, 3), spec.Quorum, "the courts' circular")
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
