package thidua

import (
	"encoding/json"
	"slices"
	"strings"
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
	for _, c := range rs.Read() {
		assert.Equal(t, "document", c.Rule, "no value is read against the amending law: %s", c.Rule)
		assert.NotEqual(t, "06/2026/QH16", c.Document)
	}
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
	flag80 := AtLeast(4, 5).Of(BaseElectorate)
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
			assert.Equal(t, tt.flag, tt.rs.Threshold(AwardMinistryFlag))
			assert.Equal(t, tt.flag, tt.rs.Threshold(AwardGovernmentFlag))
			assert.True(t, tt.rs.Threshold(AwardMinistryMerit).IsZero(), "no vote threshold found for a Bằng khen")
			assert.Zero(t, tt.rs.MaxRounds, "two rounds are the courts' rule, not national")
			assert.Equal(t, FallbackNone, tt.rs.CutoffTie, "the Chair's vote is TT 25/2025/TT-BKHCN's, a sector rule")
			assert.Equal(t, FallbackNone, tt.rs.Deadlock)
			assert.False(t, tt.rs.VotesFirst)
			assert.Equal(t, tt.secret, tt.rs.SecretBallot)
			assert.Equal(t, ShareOfLeaders(1, 5), tt.rs.GovFlagQuota)
			assert.Equal(t, tt.equalMerit, tt.rs.EqualMerit)
			assert.Equal(t, []Award{AwardGovernmentFlag}, tt.rs.LeadsCluster)
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

			rules, err := tt.rs.AwardRules(map[Award]Quota{AwardGovernmentFlag: {}, AwardMinistryFlag: CountQuota(1), AwardMinistryMerit: CountQuota(2)})
			require.NoError(t, err)
			assert.Equal(t, tt.equalMerit, rules.EqualMerit())
			assert.False(t, rules.VotesFirst())
			gov, ok := rules.Rule(AwardGovernmentFlag)
			require.True(t, ok)
			assert.Equal(t, ShareOfLeaders(1, 5), gov.Quota)
			assert.Equal(t, tt.flag, gov.Vote)
			var stds []string
			for _, s := range gov.Standards {
				stds = append(stds, s.String())
			}
			assert.Equal(t, []string{"no pending case", "leads the cluster"}, stds)
			merit, ok := rules.Rule(AwardMinistryMerit)
			require.True(t, ok)
			assert.Equal(t, CountQuota(2), merit.Quota)
			assert.True(t, merit.Vote.IsZero())
			assert.Len(t, merit.Standards, 1, "no national excellent-years standard")
		})
	}
	t.Run("the presets are fresh copies", func(t *testing.T) {
		a := Decree152_2025()
		a.Thresholds[AwardGovernmentFlag] = AtLeast(1, 2).Of(BasePresent)
		a.Sources[0].Document = "changed"
		assert.Equal(t, AtLeast(4, 5).Of(BaseElectorate), Decree152_2025().Threshold(AwardGovernmentFlag))
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
	spec := courtsRules2024(t).ContestSpec(AwardMinistryFlag, c)
	assert.Equal(t, AtLeast(4, 5).Of(BaseElectorate), spec.Threshold, "80% of all members (Decree 98/2023 Điều 30 k7)")
	assert.Equal(t, AtLeast(2, 3), spec.Quorum, "the courts' circular")
	assert.Equal(t, 9, spec.Electorate)
	assert.Equal(t, c.MemberIDs(), spec.Candidates)
	assert.Equal(t, 2024, spec.Year)
	contest, err := NewContest(spec)
	require.NoError(t, err)
	r, err := contest.Tally([]Ballot{{Approve: []UnitID{"nam-dinh"}, Count: 7}, {Approve: []UnitID{"hai-duong"}, Count: 2}})
	require.NoError(t, err)
	assert.Empty(t, r.Passed, "7 of 9 falls short of 80%")

	merit := Decree98_2023().ContestSpec(AwardMinistryMerit, c)
	assert.True(t, merit.Threshold.IsZero(), "no threshold found for a Certificate of Merit")
}

// Every Validate error matches ErrInvalidRuleSet and keeps its specific
// cause, and is a *FieldError (Field "rule set") naming the rule set.
func TestRuleSetValidateErrorContract(t *testing.T) {
	base := func(f func(*RuleSet)) error {
		r := Decree152_2025()
		f(&r)
		return r.Validate()
	}
	tests := []struct {
		name  string
		err   error
		cause error
	}{
		{"blank name", base(func(r *RuleSet) { r.Name = " " }), ErrBlankName},
		{"no start", base(func(r *RuleSet) { r.EffectiveFrom = Date{} }), ErrInvalidDate},
		{"backwards", base(func(r *RuleSet) { r.EffectiveUntil = MustDate(2025, 1, 1) }), ErrDatesBackwards},
		{"bad quorum", base(func(r *RuleSet) { r.CouncilQuorum = AtLeast(3, 2) }), ErrInvalidShare},
		{"bad equal merit", base(func(r *RuleSet) { r.EqualMerit = AtLeast(0, 0).Of(0).Share; r.EqualMerit.den = -1 }), ErrInvalidShare},
		{"negative rounds", base(func(r *RuleSet) { r.MaxRounds = -1 }), ErrInvalidRuleSet},
		{"negative excellent years", base(func(r *RuleSet) { r.MeritExcellentYears = -2 }), ErrInvalidRuleSet},
		{"unknown layer", base(func(r *RuleSet) { r.Layer = 9 }), ErrInvalidRuleSet},
		{"unknown fallback", base(func(r *RuleSet) { r.CutoffTie = 9 }), ErrInvalidRuleSet},
		{"threshold for no award", base(func(r *RuleSet) { r.Thresholds[0] = AtLeast(1, 2).Of(BaseElectorate) }), ErrInvalidAward},
		{"invalid threshold", base(func(r *RuleSet) { r.Thresholds[AwardMinistryFlag] = AtLeast(3, 2).Of(BaseElectorate) }), ErrInvalidShare},
		{"bad quota", base(func(r *RuleSet) { r.GovFlagQuota = ShareOfLeaders(2, 1) }), ErrQuotaShare},
		{"award twice needing the lead", base(func(r *RuleSet) { r.LeadsCluster = []Award{AwardGovernmentFlag, AwardGovernmentFlag} }), ErrDuplicateRule},
		{"unknown award needing the lead", base(func(r *RuleSet) { r.LeadsCluster = []Award{0} }), ErrInvalidAward},
		{"citation without a rule", base(func(r *RuleSet) { r.Sources[0].Rule = "" }), ErrInvalidCitation},
		{"citation without a document", base(func(r *RuleSet) { r.Sources[0].Document, r.Sources[0].Title = "", "" }), ErrInvalidCitation},
		{"citation with a point but no clause", base(func(r *RuleSet) { r.Sources[0].Article, r.Sources[0].Point = 4, "a" }), ErrInvalidCitation},
		{"citation with no status", base(func(r *RuleSet) { r.Sources[0].Status = 0 }), ErrInvalidCitation},
		{"citation of a lower layer", base(func(r *RuleSet) { r.Sources[0].Layer = LayerLocal }), ErrInvalidCitation},
		{"citation with a bad date", base(func(r *RuleSet) { r.Sources[0].Signed = Date{Year: 2025, Month: 2, Day: 30} }), ErrInvalidDate},
		{"before its document", func() error {
			r := ScienceTechnology2025()
			r.EffectiveFrom = MustDate(2025, 7, 1) // the circular was signed 31/10/2025
			return r.Validate()
		}(), ErrBeforeDocuments},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			assert.ErrorIs(t, tt.err, ErrInvalidRuleSet)
			assert.ErrorIs(t, tt.err, tt.cause)
			require.NotNil(t, fieldError(tt.err, "rule set"), "%v", tt.err)
			assert.Regexp(t, `^thidua: rule set "`, tt.err.Error())
		})
	}
}

func TestSectorAndLocalLayers(t *testing.T) {
	tests := []struct {
		rs    RuleSet
		layer Layer
		from  Date
	}{
		{ScienceTechnology2025(), LayerSector, MustDate(2025, 10, 31)},
		{InformationCommunications2018(), LayerSector, MustDate(2018, 8, 15)},
		{Courts2024(), LayerSector, MustDate(2024, 1, 1)},
		{BacNinh2025(), LayerLocal, MustDate(2025, 12, 15)},
	}
	for _, tt := range tests {
		t.Run(tt.rs.Name, func(t *testing.T) {
			require.NoError(t, tt.rs.Validate())
			assert.Equal(t, tt.layer, tt.rs.Layer)
			assert.Equal(t, tt.from, tt.rs.EffectiveFrom)
			for _, c := range tt.rs.Sources {
				assert.Equal(t, tt.layer, c.Layer, c.Rule)
			}
			_, ok := tt.rs.Source("document")
			assert.True(t, ok)
		})
	}
	tt25 := ScienceTechnology2025()
	eff, ok := tt25.Source("effective")
	require.True(t, ok)
	assert.True(t, eff.Effective.IsZero(), "its effective date was not found")
	assert.Equal(t, MustDate(2025, 10, 31), eff.Earliest(), "the signing date stands in")
	assert.Equal(t, StatusUnverified, eff.Status)
	order, ok := tt25.Source("over-quota-order")
	require.True(t, ok)
	assert.Equal(t, "Điều 23 Thông tư số 25/2025/TT-BKHCN", order.Vietnamese())
	assert.True(t, tt25.VotesFirst)
	merit, ok := tt25.Source("excellent-years")
	require.True(t, ok)
	assert.Equal(t, "điểm d khoản 3 Điều 7 Thông tư số 25/2025/TT-BKHCN", merit.Vietnamese())
	assert.Equal(t, "Article 7(3)(d) of Circular No. 25/2025/TT-BKHCN", merit.English())
}

func TestCompose(t *testing.T) {
	national, err := RulesOn(MustDate(2026, 1, 10))
	require.NoError(t, err)
	rs, err := Compose(national, ScienceTechnology2025(), BacNinh2025())
	require.NoError(t, err)
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP; Thông tư 25/2025/TT-BKHCN; Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh", rs.Name)
	assert.Equal(t, LayerLocal, rs.Layer)
	assert.Equal(t, MustDate(2025, 12, 15), rs.EffectiveFrom, "the latest start")
	assert.Equal(t, MustDate(2026, 9, 30), rs.EffectiveUntil, "the earliest end")
	assert.Equal(t, AtLeast(4, 5), rs.CouncilQuorum, "the province asks more than the circular")
	assert.Equal(t, FallbackChair, rs.CutoffTie)
	assert.True(t, rs.VotesFirst)
	assert.Equal(t, 2, rs.MeritExcellentYears)
	assert.Equal(t, []Award{AwardGovernmentFlag, AwardMinistryFlag}, rs.LeadsCluster)
	assert.Equal(t, AtLeast(7, 10), rs.EqualMerit, "kept from the decree")
	q, ok := rs.Source("quorum")
	require.True(t, ok)
	assert.Equal(t, LayerLocal, q.Layer)
	assert.Equal(t, "86/2025/QĐ-UBND", q.Document)
	var changed []string
	for _, c := range rs.Changes {
		changed = append(changed, c.Rule+" "+c.Document)
	}
	assert.Equal(t, []string{"quorum 152/2025/NĐ-CP", "cutoff-tie 152/2025/NĐ-CP", "over-quota-order 152/2025/NĐ-CP",
		"excellent-years 152/2025/NĐ-CP", "quorum 25/2025/TT-BKHCN"}, changed, "each change recorded, in order")
	for _, rule := range valueRules {
		n := 0
		for _, c := range rs.Sources {
			if c.Rule == rule {
				n++
			}
		}
		assert.GreaterOrEqual(t, n, 1, rule)
	}
	require.NoError(t, rs.Validate())

	b, err := json.Marshal(rs)
	require.NoError(t, err)
	var back RuleSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, rs.Equal(back))

	// The same rules from a book holding the layers.
	book, err := Presets().With(ScienceTechnology2025(), BacNinh2025())
	require.NoError(t, err)
	on, err := book.On(MustDate(2026, 1, 10))
	require.NoError(t, err)
	assert.True(t, rs.Equal(on))
	before, err := book.On(MustDate(2025, 11, 1))
	require.NoError(t, err)
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP; Thông tư 25/2025/TT-BKHCN", before.Name, "Bắc Ninh's decision is not yet in force")
	mid, err := book.On(MustDate(2025, 8, 1))
	require.NoError(t, err)
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP", mid.Name, "the circular cannot apply before it was signed")
}

func TestComposeConflictsAndOverrides(t *testing.T) {
	cite := func(rule string, override bool) Citation {
		return Citation{Rule: rule, Title: "Quy chế cụm (thử)", Layer: LayerLocal, Status: StatusRead, Override: override}
	}
	local := func(f func(*RuleSet), rules ...Citation) RuleSet {
		r := RuleSet{Name: "Quy chế cụm (thử)", Layer: LayerLocal, EffectiveFrom: MustDate(2026, 1, 1),
			Sources: append([]Citation{cite("document", false)}, rules...)}
		f(&r)
		return r
	}
	sector := ScienceTechnology2025()
	national := Decree152_2025()
	tests := []struct {
		name  string
		layer RuleSet
		want  error
	}{
		{"changing the Chair's vote", local(func(r *RuleSet) { r.CutoffTie = FallbackLeaderAndDeputy }, cite("cutoff-tie", false)), ErrLayerConflict},
		{"rank first where the circular says votes", local(func(r *RuleSet) { r.VotesFirst = false }, cite("over-quota-order", false)), ErrLayerConflict},
		{"a lower flag threshold", local(func(r *RuleSet) {
			r.Thresholds = map[Award]Threshold{AwardMinistryFlag: AtLeast(2, 3).Of(BaseElectorate)}
		}, cite("threshold/ministry-flag", false)), ErrLayerConflict},
		{"a lower quorum", local(func(r *RuleSet) { r.CouncilQuorum = AtLeast(1, 2) }, cite("quorum", false)), ErrLayerConflict},
		{"fewer excellent years", local(func(r *RuleSet) { r.MeritExcellentYears = 1 }, cite("excellent-years", false)), ErrLayerConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Compose(national, sector, tt.layer)
			require.ErrorIs(t, err, tt.want)
			rse := fieldError(err, "rule set")
			require.NotNil(t, rse, "%v", err)
			assert.True(t, strings.HasSuffix(rse.Value, " and "+tt.layer.Name), "the layer named second: %q", rse.Value)

			// The same change with an explicit override is allowed and recorded.
			over := tt.layer.clone()
			for i := range over.Sources {
				if over.Sources[i].Rule != "document" {
					over.Sources[i].Override = true
				}
			}
			rs, err := Compose(national, sector, over)
			require.NoError(t, err)
			rule := over.Sources[1].Rule
			c, ok := rs.Source(rule)
			require.True(t, ok)
			assert.Equal(t, LayerLocal, c.Layer)
			assert.Equal(t, over.value(rule), rs.value(rule))
			found := false
			for _, ch := range rs.Changes {
				if ch.Rule == rule && strings.Contains(ch.Note, "Replaced by Quy chế cụm (thử)") {
					found = true
					assert.NotEqual(t, LayerLocal, ch.Layer)
					assert.Contains(t, ch.NoteVietnamese, "Được thay bằng Quy chế cụm (thử)")
				}
			}
			assert.True(t, found, "the change is recorded")
		})
	}

	t.Run("stricter values need no override", func(t *testing.T) {
		l := local(func(r *RuleSet) {
			r.Thresholds = map[Award]Threshold{AwardMinistryFlag: AtLeast(9, 10).Of(BaseElectorate)}
			r.CouncilQuorum = AtLeast(3, 4)
			r.SecretBallot = true
			r.MeritExcellentYears = 3
		}, cite("threshold/ministry-flag", false), cite("quorum", false), cite("secret-ballot", false), cite("excellent-years", false))
		rs, err := Compose(national, sector, l)
		require.NoError(t, err)
		assert.Equal(t, AtLeast(9, 10).Of(BaseElectorate), rs.Threshold(AwardMinistryFlag))
		assert.Equal(t, AtLeast(4, 5).Of(BaseElectorate), rs.Threshold(AwardGovernmentFlag), "untouched")
		assert.Equal(t, AtLeast(3, 4), rs.CouncilQuorum)
		assert.True(t, rs.SecretBallot)
		assert.Equal(t, 3, rs.MeritExcellentYears)
	})
	t.Run("an equal value is a second source, not a change", func(t *testing.T) {
		l := local(func(r *RuleSet) { r.CutoffTie = FallbackChair }, cite("cutoff-tie", false))
		rs, err := Compose(national, sector, l)
		require.NoError(t, err)
		for _, ch := range rs.Changes {
			assert.NotEqual(t, LayerSector, ch.Layer, "the circular's value stands")
		}
	})
	t.Run("a value without a citation", func(t *testing.T) {
		for name, l := range map[string]RuleSet{
			"quorum": local(func(r *RuleSet) { r.CouncilQuorum = AtLeast(3, 4) }),
			"threshold": local(func(r *RuleSet) {
				r.Thresholds = map[Award]Threshold{AwardMinistryMerit: AtLeast(1, 2).Of(BaseElectorate)}
			}),
			"leading":        local(func(r *RuleSet) { r.LeadsCluster = []Award{AwardMinistryMerit} }),
			"excellent year": local(func(r *RuleSet) { r.MeritExcellentYears = 5 }),
		} {
			_, err := Compose(national, sector, l)
			require.ErrorIs(t, err, ErrInvalidCitation, name)
		}
	})
	t.Run("layers out of order", func(t *testing.T) {
		_, err := Compose(national, BacNinh2025(), sector)
		require.ErrorIs(t, err, ErrLayerOrder)
	})
	t.Run("layers never in force together", func(t *testing.T) {
		_, err := Compose(Decree98_2023(), sector)
		require.ErrorIs(t, err, ErrLayerDates)
		require.NotNil(t, fieldError(err, "rule set"), "%v", err)
	})
	t.Run("no layers", func(t *testing.T) {
		_, err := Compose()
		require.ErrorIs(t, err, ErrMissingPart)
	})
	t.Run("an invalid layer", func(t *testing.T) {
		bad := sector.clone()
		bad.MaxRounds = -1
		_, err := Compose(national, bad)
		require.ErrorIs(t, err, ErrInvalidRuleSet)
	})
	t.Run("two sector layers overlapping in a book", func(t *testing.T) {
		_, err := Presets().With(ScienceTechnology2025(), Courts2024())
		require.ErrorIs(t, err, ErrRuleSetOverlap)
	})
	t.Run("the former MIC's circular ends before MOST's begins", func(t *testing.T) {
		b, err := Presets().With(InformationCommunications2018(), ScienceTechnology2025())
		require.NoError(t, err)
		rs, err := b.On(MustDate(2023, 12, 8))
		require.NoError(t, err)
		assert.Equal(t, "Nghị định 91/2017/NĐ-CP; Thông tư 09/2018/TT-BTTTT", rs.Name)
	})
}

func TestCitationRendering(t *testing.T) {
	tests := []struct {
		c      Citation
		vi, en string
	}{
		{Citation{Document: "98/2023/NĐ-CP", Article: 30, Clause: 7}, "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP", "Article 30(7) of Decree No. 98/2023/NĐ-CP"},
		{Citation{Document: "152/2025/NĐ-CP", Article: 4, Clause: 4}, "khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP", "Article 4(4) of Decree No. 152/2025/NĐ-CP"},
		{Citation{Document: "25/2025/TT-BKHCN", Article: 7, Clause: 3, Point: "d"}, "điểm d khoản 3 Điều 7 Thông tư số 25/2025/TT-BKHCN", "Article 7(3)(d) of Circular No. 25/2025/TT-BKHCN"},
		{Citation{Document: "06/2022/QH15", Title: "Thi đua, khen thưởng", Article: 25, Clause: 1}, "khoản 1 Điều 25 Luật Thi đua, khen thưởng số 06/2022/QH15", "Article 25(1) of Law No. 06/2022/QH15"},
		{Citation{Document: "86/2025/QĐ-UBND", Article: 3}, "Điều 3 Quyết định số 86/2025/QĐ-UBND", "Article 3 of Decision No. 86/2025/QĐ-UBND"},
		{Citation{Document: "5007/BNV-TĐKT"}, "Công văn số 5007/BNV-TĐKT", "Official Letter No. 5007/BNV-TĐKT"},
		{Citation{Title: "Quy chế cụm", Article: 2}, "Điều 2 Quy chế cụm", `Article 2 of "Quy chế cụm"`},
	}
	for _, tt := range tests {
		t.Run(tt.vi, func(t *testing.T) {
			assert.Equal(t, tt.vi, tt.c.Vietnamese())
			assert.Equal(t, tt.en, tt.c.English())
		})
	}
	for _, s := range []Status{StatusRead, StatusUnverified, StatusNotFound} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back Status
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
		assert.NotEqual(t, s.String(), s.Vietnamese())
	}
	var st Status
	require.ErrorIs(t, st.UnmarshalText([]byte("maybe")), ErrInvalidCitation)
	_, err := Status(0).MarshalText()
	require.ErrorIs(t, err, ErrInvalidCitation)
	var l Layer
	require.NoError(t, l.UnmarshalText([]byte("sector")))
	assert.Equal(t, LayerSector, l)
	require.ErrorIs(t, l.UnmarshalText([]byte("galactic")), ErrInvalidCitation)
}

// The rules follow the day the dossier was received, unless the caller asks
// for the more favourable rules of the review date; the outcome records which.
func TestReviewRulesByDossierDate(t *testing.T) {
	base := tieReview(t)
	base.Rules = RuleSet{}
	base.Cluster = MustCluster(ClusterSpec{ID: "k", Name: "Khối thi đua K", Kind: KindBlock, Year: 2026,
		Members: []Unit{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
		Leader:  "c", Deputy: "d"})
	base.Scorecard = MustScorecard(ScorecardSpec{ID: "k-2026", Name: "Bảng điểm", Year: 2026,
		Criteria: []CriterionSpec{{ID: "x", Name: "Kết quả", Max: dec("100")}}})
	base.Date = MustDate(2026, 12, 10)

	tests := []struct {
		name       string
		received   Date
		favourable bool
		rules      string
		on         Date
		fav        bool
	}{
		{"no received date: the review date", Date{}, false, "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16", MustDate(2026, 12, 10), false},
		{"received before the amendment", MustDate(2026, 9, 25), false, "Nghị định 152/2025/NĐ-CP", MustDate(2026, 9, 25), false},
		{"received before, the new rules more favourable", MustDate(2026, 9, 25), true, "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16", MustDate(2026, 12, 10), true},
		{"received after", MustDate(2026, 10, 2), false, "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16", MustDate(2026, 10, 2), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base
			r.Received, r.Favourable = tt.received, tt.favourable
			o, err := r.Conclude()
			require.NoError(t, err)
			assert.Equal(t, tt.rules, o.Rules.Name)
			assert.Equal(t, tt.on, o.RulesDate)
			assert.Equal(t, tt.fav, o.Favourable)
		})
	}
	t.Run("received after the review", func(t *testing.T) {
		r := base
		r.Received = MustDate(2026, 12, 11)
		_, err := r.Conclude()
		require.ErrorIs(t, err, ErrDatesBackwards)
		var re *PartError
		require.ErrorAs(t, err, &re)
		assert.Equal(t, "received", re.Part)
	})
	t.Run("rules given must be in force on the received date", func(t *testing.T) {
		r := base
		r.Received = MustDate(2026, 9, 25)
		r.Rules = Amendment2026()
		_, err := r.Conclude()
		require.ErrorIs(t, err, ErrRulesNotInForce)
	})
	t.Run("a review date before any document", func(t *testing.T) {
		r := base
		r.Received = MustDate(2017, 1, 5)
		_, err := r.Conclude()
		require.ErrorIs(t, err, ErrBeforeDocuments)
	})
}

// The deadlock fallback (leader and deputy deciding, where a sector sets it)
// belongs to the flags' votes only.
func TestDeadlockFor(t *testing.T) {
	rs := RuleSet{Deadlock: FallbackLeaderAndDeputy}
	for _, a := range []Award{AwardGovernmentFlag, AwardMinistryFlag} {
		assert.Equal(t, FallbackLeaderAndDeputy, rs.DeadlockFor(a), a.String())
	}
	for _, a := range []Award{AwardPrimeMinisterMerit, AwardMinistryMerit, AwardExcellentCollective, AwardAdvancedCollective, AwardCommendation} {
		assert.Equal(t, FallbackNone, rs.DeadlockFor(a), a.String())
	}
}
