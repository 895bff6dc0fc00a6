package thidua

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// passed returns a vote count of votes out of base, passed when it meets ≥ 4/5.
func passed(votes, base int) VoteCount {
	return VoteCount{Votes: votes, Base: base, Passed: AtLeast(4, 5).Met(votes, base)}
}

func mustRules(t testing.TB, rules ...AwardRule) AwardRules {
	t.Helper()
	r, err := NewAwardRules(rules...)
	require.NoError(t, err)
	return r
}

func TestAwardCatalogue(t *testing.T) {
	tests := []struct {
		award      Award
		key, en    string
		vi         string
		level      awardLevel
		multiplier string
	}{
		{AwardGovernmentFlag, "government-flag", "Government Emulation Flag", "Cờ thi đua của Chính phủ", levelGovernment, "12"},
		{AwardMinistryFlag, "ministry-flag", "Ministry or Provincial Emulation Flag", "Cờ thi đua của bộ, ban, ngành, tỉnh", levelMinistry, "8"},
		{AwardPrimeMinisterMerit, "prime-minister-merit", "Prime Minister's Certificate of Merit", "Bằng khen của Thủ tướng Chính phủ", levelGovernment, "7"},
		{AwardMinistryMerit, "ministry-merit", "Ministry or Provincial Certificate of Merit", "Bằng khen của bộ, ban, ngành, tỉnh", levelMinistry, "3"},
		{AwardExcellentCollective, "excellent-collective", "Excellent Labour Collective", "Tập thể lao động xuất sắc", levelBase, "1.5"},
		{AwardAdvancedCollective, "advanced-collective", "Advanced Labour Collective", "Tập thể lao động tiên tiến", levelBase, "0.8"},
		{AwardCommendation, "commendation", "Certificate of Commendation", "Giấy khen", levelBase, "0.6"},
	}
	require.Len(t, tests, len(Awards()))
	for i, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			assert.True(t, tt.award.IsValid())
			assert.Equal(t, tt.key, tt.award.String())
			assert.Equal(t, tt.en, tt.award.English())
			assert.Equal(t, tt.vi, tt.award.Vietnamese())
			assert.Equal(t, tt.level == levelGovernment, tt.award.GovernmentLevel())
			assert.Equal(t, tt.level == levelMinistry, tt.award.MinistryLevel())
			assert.True(t, dec(tt.multiplier).Equal(tt.award.Multiplier()), tt.award.Multiplier().String())
			assert.Equal(t, tt.award, Awards()[i])

			text, err := tt.award.MarshalText()
			require.NoError(t, err)
			var back Award
			require.NoError(t, back.UnmarshalText(text))
			assert.Equal(t, tt.award, back)
		})
	}
	t.Run("precedence follows the award money", func(t *testing.T) {
		all := Awards()
		for i := 1; i < len(all); i++ {
			assert.Negative(t, all[i-1].Compare(all[i]))
			assert.True(t, all[i-1].Outranks(all[i]))
			assert.False(t, all[i].Outranks(all[i-1]))
			assert.Equal(t, 1, all[i-1].Multiplier().Cmp(all[i].Multiplier()))
		}
		shuffled := []Award{AwardCommendation, AwardGovernmentFlag, AwardMinistryMerit, AwardAdvancedCollective, AwardMinistryFlag, AwardExcellentCollective, AwardPrimeMinisterMerit}
		slices.SortFunc(shuffled, Award.Compare)
		assert.Equal(t, all, shuffled)
	})
	t.Run("invalid", func(t *testing.T) {
		for _, a := range []Award{0, 8, 255} {
			assert.False(t, a.IsValid())
			assert.False(t, a.GovernmentLevel())
			assert.False(t, a.MinistryLevel())
			assert.True(t, a.Multiplier().IsZero())
			_, err := a.MarshalText()
			require.ErrorIs(t, err, ErrInvalidAward)
		}
	})
}

func TestQuotaLimit(t *testing.T) {
	tests := []struct {
		name             string
		quota            Quota
		members, leaders int
		want             int
	}{
		{"no quota allows everyone", Quota{}, 9, 1, 9},
		{"count", CountQuota(2), 9, 1, 2},
		{"count zero", CountQuota(0), 9, 1, 0},
		{"20% of 9 leaders rounds down to 1", ShareOfLeaders(1, 5), 9, 9, 1},
		{"20% of 10 leaders is 2", ShareOfLeaders(1, 5), 9, 10, 2},
		{"20% of 4 leaders is 0", ShareOfLeaders(1, 5), 9, 4, 0},
		{"20% of 14 leaders is 2", ShareOfLeaders(1, 5), 9, 14, 2},
		{"leaders share ignores members", ShareOfLeaders(1, 5), 100, 5, 1},
		{"members share", ShareOfMembers(1, 3), 9, 0, 3},
		{"members share floor", ShareOfMembers(2, 5), 9, 0, 3},
		{"members share half-up", ShareOfMembers(1, 2).WithRounding(QuotaRoundHalfUp), 9, 0, 5},
		{"members share half-up below half", ShareOfMembers(2, 5).WithRounding(QuotaRoundHalfUp), 9, 0, 4},
		{"members share ceil", ShareOfMembers(1, 5).WithRounding(QuotaRoundCeil), 9, 0, 2},
		{"ceil of an exact share", ShareOfMembers(1, 3).WithRounding(QuotaRoundCeil), 9, 0, 3},
		{"zero share", ShareOfMembers(0, 5), 9, 0, 0},
		{"whole share", ShareOfMembers(5, 5), 9, 0, 9},
		{"huge counts do not overflow", ShareOfMembers(1<<62, 1<<62+1), 1 << 62, 0, 1<<62 - 1},
		{"negative members allow nothing", ShareOfMembers(1, 2), -4, 0, 0},
		{"invalid quota allows nothing", CountQuota(-1), 9, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.quota.Limit(tt.members, tt.leaders))
		})
	}
}

func TestQuotaStringAndJSON(t *testing.T) {
	assert.Equal(t, "none", Quota{}.String())
	assert.Equal(t, "2", CountQuota(2).String())
	assert.Equal(t, "≤ 1/5 of leaders (floor)", ShareOfLeaders(1, 5).String())
	for _, q := range []Quota{{}, CountQuota(3), ShareOfLeaders(1, 5), ShareOfMembers(1, 2).WithRounding(QuotaRoundCeil)} {
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var back Quota
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, q, back)
	}
}

func TestStandardCheck(t *testing.T) {
	c := Candidate{Unit: "u", Rank: 2, Total: dec("95.50"), LeadsCluster: false,
		Facts: Facts{ExcellentYears: 2, Titles: []Award{AwardExcellentCollective}}}
	pending := c
	pending.Facts.UnderInvestigation = true
	tests := []struct {
		name string
		s    Standard
		c    Candidate
		met  bool
		desc string
		why  string
	}{
		{"min total met exactly", RequireMinTotal(dec("95.5")), c, true, "total ≥ 95.5", ""},
		{"min total missed", RequireMinTotal(dec("96")), c, false, "total ≥ 96", "total 95.5 < 96"},
		{"rank met", RequireRank(2), c, true, "rank ≤ 2", ""},
		{"rank missed", RequireRank(1), c, false, "rank ≤ 1", "rank 2 > 1"},
		{"leads cluster missed", RequireLeadsCluster(), c, false, "leads the cluster", "does not lead the cluster"},
		{"no pending case met", RequireNoPendingCase(), c, true, "no pending case", ""},
		{"no pending case missed", RequireNoPendingCase(), pending, false, "no pending case", "under investigation"},
		{"excellent years met", RequireExcellentYears(2), c, true, "2 consecutive excellent years", ""},
		{"excellent years missed", RequireExcellentYears(3), c, false, "3 consecutive excellent years", "2 consecutive excellent years < 3"},
		{"title held", RequireTitle(AwardExcellentCollective), c, true, "holds excellent-collective", ""},
		{"title missing", RequireTitle(AwardMinistryFlag), c, false, "holds ministry-flag", "does not hold ministry-flag"},
		{"custom met", RequireThat("party cell clean and strong", func(Candidate) bool { return true }), c, true, "party cell clean and strong", ""},
		{"custom missed", RequireThat("party cell clean and strong", func(Candidate) bool { return false }), c, false, "party cell clean and strong", "not met: party cell clean and strong"},
		{"zero standard never met", Standard{}, c, false, "invalid standard", "invalid standard"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			met, why := tt.s.Check(tt.c)
			assert.Equal(t, tt.met, met)
			assert.Equal(t, tt.why, why)
			assert.Equal(t, tt.desc, tt.s.String())
		})
	}
}

// TestBadInput lists every typed error of awards.go and rules.go.
func TestBadInput(t *testing.T) {
	good := Candidate{Unit: "a", Rank: 1, Total: dec("90")}
	flagRule := AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(4, 5).Of(BaseElectorate)}
	decide := func(cands ...Candidate) error {
		_, err := DecideCandidates(mustRules(t, flagRule), cands, Pool{})
		return err
	}
	with := func(f func(*Candidate)) Candidate {
		c := good
		f(&c)
		return c
	}
	rs := func(name string, from, until Date) RuleSet {
		return RuleSet{Name: name, EffectiveFrom: from, EffectiveUntil: until}
	}
	d := MustDate
	tests := []struct {
		name string
		err  error
		want error
		as   any
	}{
		{"quota below zero", CountQuota(-1).Validate(), ErrNegativeQuota, new(*FieldError)},
		{"quota share above one", ShareOfMembers(6, 5).Validate(), ErrQuotaShare, new(*FieldError)},
		{"quota share below zero", ShareOfLeaders(-1, 5).Validate(), ErrQuotaShare, new(*FieldError)},
		{"quota share over zero", ShareOfLeaders(1, 0).Validate(), ErrQuotaShare, new(*FieldError)},
		{"quota with unknown rounding", CountQuota(1).WithRounding(9).Validate(), ErrInvalidQuota, new(*FieldError)},
		{"rule for no award", AwardRule{}.Validate(), ErrInvalidAward, new(*PartError)},
		{"rule for an unknown award", func() error { _, err := NewAwardRules(AwardRule{Award: 42}); return err }(), ErrInvalidAward, new(*PartError)},
		{"rule with a negative quota", func() error {
			_, err := NewAwardRules(AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(-2)})
			return err
		}(), ErrNegativeQuota, new(*PartError)},
		{"two rules for one award", func() error {
			_, err := NewAwardRules(AwardRule{Award: AwardMinistryMerit}, flagRule, AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(2)})
			return err
		}(), ErrDuplicateRule, new(*PartError)},
		{"rank standard below one", AwardRule{Award: AwardMinistryFlag, Standards: []Standard{RequireRank(0)}}.Validate(), ErrInvalidStandard, new(*FieldError)},
		{"custom standard without predicate", RequireThat("x", nil).Validate(), ErrInvalidStandard, new(*FieldError)},
		{"custom standard without name", RequireThat(" ", func(Candidate) bool { return true }).Validate(), ErrInvalidStandard, new(*FieldError)},
		{"title standard for an unknown award", RequireTitle(0).Validate(), ErrInvalidAward, new(*FieldError)},
		{"zero standard", Standard{}.Validate(), ErrInvalidStandard, new(*FieldError)},
		{"vote threshold above one", AwardRule{Award: AwardMinistryFlag, Vote: AtLeast(6, 5).Of(BaseElectorate)}.Validate(), ErrInvalidShare, new(*PartError)},
		{"equal-merit share above one", func() error { _, err := AwardRules{}.WithEqualMerit(AtLeast(8, 7)); return err }(), ErrInvalidShare, new(*FieldError)},
		{"candidate with a bad id", decide(with(func(c *Candidate) { c.Unit = "a b" })), ErrInvalidID, new(*FieldError)},
		{"candidate ranked zero", decide(with(func(c *Candidate) { c.Rank = 0 })), ErrInvalidRank, new(*UnitError)},
		{"two candidates for one unit", decide(good, with(func(c *Candidate) { c.Rank = 3 })), ErrDuplicateUnit, new(*UnitError)},
		{"facts about another unit", decide(with(func(c *Candidate) { c.Facts.Unit = "b" })), ErrFactsMismatch, new(*UnitError)},
		{"more women than staff", decide(with(func(c *Candidate) { c.Facts.Women, c.Facts.Staff = 5, 4 })), ErrInvalidFacts, new(*UnitError)},
		{"negative excellent years", (Facts{Unit: "a", ExcellentYears: -1}).Validate(), ErrInvalidFacts, new(*UnitError)},
		{"title listed twice", (Facts{Unit: "a", Titles: []Award{AwardExcellentCollective, AwardExcellentCollective}}).Validate(), ErrInvalidFacts, new(*FieldError)},
		{"unknown title", (Facts{Unit: "a", Titles: []Award{99}}).Validate(), ErrInvalidAward, new(*UnitError)},
		{"votes above base", decide(with(func(c *Candidate) { c.Votes = map[Award]VoteCount{AwardMinistryFlag: {Votes: 10, Base: 9}} })), ErrInvalidVoteCount, new(*PartError)},
		{"vote for an unknown award", decide(with(func(c *Candidate) { c.Votes = map[Award]VoteCount{0: {}} })), ErrInvalidAward, new(*UnitError)},
		{"settled for an unknown award", decide(with(func(c *Candidate) {
			c.Settled = []Settlement{{Award: 0, By: TieBreakRunoff, Order: [][]UnitID{{c.Unit}}}}
		})), ErrInvalidAward, new(*UnitError)},
		{"settled by a tie-break that settles no quota tie", decide(with(func(c *Candidate) {
			c.Settled = []Settlement{{Award: AwardMinistryFlag, By: TieBreakVotes, Order: [][]UnitID{{c.Unit}}}}
		})), ErrInvalidTieBreak, new(*PartError)},
		{"settlement that does not name the unit", decide(with(func(c *Candidate) {
			c.Settled = []Settlement{{Award: AwardMinistryFlag, By: TieBreakRunoff, Order: [][]UnitID{{"zz"}}}}
		})), ErrNotTied, new(*PartError)},
		{"award settled twice for one unit", decide(with(func(c *Candidate) {
			st := Settlement{Award: AwardMinistryFlag, By: TieBreakRunoff, Order: [][]UnitID{{c.Unit}}}
			c.Settled = []Settlement{st, st}
		})), ErrInvalidTieBreak, new(*PartError)},
		{"votes out of different bases", decide(
			with(func(c *Candidate) { c.Votes = map[Award]VoteCount{AwardMinistryFlag: passed(9, 9)} }),
			Candidate{Unit: "b", Rank: 2, Votes: map[Award]VoteCount{AwardMinistryFlag: passed(8, 10)}},
		), ErrContestMismatch, new(*PartError)},
		{"vote passed while short of the award's threshold", decide(with(func(c *Candidate) {
			c.Votes = map[Award]VoteCount{AwardMinistryFlag: {Votes: 5, Base: 9, Passed: true}}
		})), ErrContestMismatch, new(*FieldError)},
		{"negative members", func() error { _, err := DecideCandidates(AwardRules{}, nil, Pool{Members: -1}); return err }(), ErrNegativeCount, new(*FieldError)},
		{"negative leaders", func() error { _, err := DecideCandidates(AwardRules{}, nil, Pool{Leaders: -1}); return err }(), ErrNegativeCount, new(*FieldError)},
		{"facts for an unknown unit", func() error { _, err := FactsFor(cluster3(), []Facts{{Unit: "hai-phong"}}); return err }(), ErrUnknownUnit, new(*UnitError)},
		{"facts twice for one unit", func() error {
			_, err := FactsFor(cluster3(), []Facts{{Unit: "ha-nam"}, {Unit: "ha-nam", ExcellentYears: 1}})
			return err
		}(), ErrDuplicateUnit, new(*UnitError)},
		{"facts without a unit", func() error { _, err := FactsFor(cluster3(), []Facts{{}}); return err }(), ErrInvalidID, new(*FieldError)},
		{"facts JSON with a negative count", json.Unmarshal([]byte(`{"unit":"a","staff":-3}`), new(Facts)), ErrInvalidFacts, new(*FieldError)},
		{"quota JSON with a share above one", json.Unmarshal([]byte(`{"basis":"members","num":3,"den":2}`), new(Quota)), ErrQuotaShare, new(*FieldError)},
		{"award JSON unknown", json.Unmarshal([]byte(`"golden-star"`), new(Award)), ErrInvalidAward, new(*FieldError)},
		{"rule set running backwards", rs("x", d(2024, 1, 1), d(2023, 12, 31)).Validate(), ErrDatesBackwards, new(*FieldError)},
		{"rule set without a name", rs(" ", d(2024, 1, 1), Date{}).Validate(), ErrBlankName, new(*FieldError)},
		{"rule set without a start", rs("x", Date{}, Date{}).Validate(), ErrInvalidDate, new(*FieldError)},
		{"rule set with negative rounds", func() error { r := Decree152_2025(); r.MaxRounds = -1; return r.Validate() }(), ErrInvalidRuleSet, new(*FieldError)},
		{"rule set with an unknown fallback", func() error { r := Decree152_2025(); r.Deadlock = 7; return r.Validate() }(), ErrInvalidRuleSet, new(*FieldError)},
		{"rule set with a threshold for an unknown award", func() error {
			r := Decree98_2023()
			r.Thresholds[0] = AtLeast(9, 10).Of(BaseElectorate)
			return r.Validate()
		}(), ErrInvalidAward, new(*FieldError)},
		{"rule set with a bad Government-flag quota", func() error { r := Decree152_2025(); r.GovFlagQuota = ShareOfLeaders(2, 1); return r.Validate() }(), ErrQuotaShare, new(*FieldError)},
		{"rule sets overlapping", func() error {
			_, err := NewRuleBook(rs("a", d(2020, 1, 1), d(2024, 1, 1)), rs("b", d(2024, 1, 1), Date{}))
			return err
		}(), ErrRuleSetOverlap, new(*FieldError)},
		{"open-ended rule set followed by another", func() error {
			_, err := NewRuleBook(rs("b", d(2030, 1, 1), Date{}), rs("a", d(2020, 1, 1), Date{}))
			return err
		}(), ErrRuleSetOverlap, new(*FieldError)},
		{"rule book with a backwards set", func() error { _, err := NewRuleBook(rs("x", d(2024, 1, 2), d(2024, 1, 1))); return err }(), ErrDatesBackwards, new(*FieldError)},
		{"date before any preset", func() error { _, err := RulesOn(d(2017, 9, 30)); return err }(), ErrNoRuleSet, new(*FieldError)},
		{"date that does not exist", func() error { _, err := NewDate(2023, 2, 29); return err }(), ErrInvalidDate, new(*FieldError)},
		{"rules on an invalid date", func() error { _, err := RulesOn(Date{Year: 2024, Month: 4, Day: 31}); return err }(), ErrInvalidDate, new(*FieldError)},
		{"date text malformed", new(Date).UnmarshalText([]byte("08/12/2023")), ErrInvalidDate, new(*FieldError)},
		{"rule set award rule for an unknown award", func() error { _, err := Decree152_2025().AwardRule(0, Quota{}); return err }(), ErrInvalidAward, new(*PartError)},
		{"rule set award rules with a bad quota", func() error {
			_, err := Decree152_2025().AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(-1)})
			return err
		}(), ErrNegativeQuota, new(*PartError)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Error(t, tt.err)
			require.ErrorIs(t, tt.err, tt.want)
			require.ErrorAs(t, tt.err, tt.as)
			assert.Regexp(t, `^thidua: `, tt.err.Error())
		})
	}
}

func TestErrorMessagesQuoteTheInput(t *testing.T) {
	_, err := NewAwardRules(AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(-2)})
	assert.EqualError(t, err, `thidua: award "ministry-merit": quota "-2": quota below zero`)
	_, err = FactsFor(cluster3(), []Facts{{Unit: "hai-phong"}})
	assert.EqualError(t, err, `thidua: unit "hai-phong": unknown unit`)
	_, err = NewRuleBook(Decree98_2023(), Decree152_2025(), RuleSet{Name: "local", EffectiveFrom: MustDate(2025, 1, 1)})
	assert.EqualError(t, err, `thidua: rule set "Nghị định 98/2023/NĐ-CP and local": rule sets overlap`)
}

// cluster3Candidates returns illustrative candidate records for Cluster 3's
// 2023 review. The 08/12/2023 article publishes only the outcome (the
// Ministry's flag to Bắc Ninh, the Minister's Certificates of Merit to Hải
// Dương and Vĩnh Phúc); the ranks, totals and votes below are invented to be
// consistent with it. Votes are out of the 9 members.
func cluster3Candidates(t testing.TB) []Candidate {
	t.Helper()
	facts, err := FactsFor(cluster3(), []Facts{
		{Unit: "bac-ninh", ExcellentYears: 3},
		{Unit: "hai-duong", ExcellentYears: 2},
		{Unit: "vinh-phuc", ExcellentYears: 2},
	})
	require.NoError(t, err)
	rows := []struct {
		id    UnitID
		total string
		flag  int
	}{
		{"bac-ninh", "97.50", 9},
		{"hai-duong", "96.25", 2},
		{"vinh-phuc", "95.00", 1},
		{"nam-dinh", "94.75", 0},
		{"quang-ninh", "94.00", 0},
		{"hung-yen", "93.50", 0},
		{"ninh-binh", "92.00", 0},
		{"thai-binh", "91.25", 0},
		{"ha-nam", "90.50", 0},
	}
	var out []Candidate
	for i, r := range rows {
		out = append(out, Candidate{Unit: r.id, Rank: i + 1, Total: dec(r.total), LeadsCluster: r.id == "bac-ninh",
			Facts: facts[r.id], Votes: map[Award]VoteCount{AwardMinistryFlag: passed(r.flag, 9)}})
	}
	return out
}

// cluster3Rules is the 2023 regime (Decree 91/2017, in force on 08/12/2023,
// with the cluster's own regulation as a local layer, as the seed review
// holds it) with an illustrative quota of one flag and two certificates.
func cluster3Rules(t testing.TB) AwardRules {
	t.Helper()
	rs := seedReview(t).Rules
	require.Equal(t, "Nghị định 91/2017/NĐ-CP; Quy chế Cụm thi đua số 3 năm 2023 (minh họa)", rs.Name)
	rules, err := rs.AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(1), AwardMinistryMerit: CountQuota(2)})
	require.NoError(t, err)
	return rules
}

func TestDecideCluster3In2023(t *testing.T) {
	d, err := DecideCandidates(cluster3Rules(t), cluster3Candidates(t), Pool{})
	require.NoError(t, err)

	type got struct {
		Unit  UnitID
		Award Award
		Rank  int
	}
	var proposals []got
	for _, p := range d.Proposals {
		proposals = append(proposals, got{p.Unit, p.Award, p.Rank})
	}
	assert.Equal(t, []got{
		{"bac-ninh", AwardMinistryFlag, 1},
		{"hai-duong", AwardMinistryMerit, 2},
		{"vinh-phuc", AwardMinistryMerit, 3},
	}, proposals)
	assert.Empty(t, d.Ties)

	flag := d.Proposals[0]
	assert.True(t, dec("97.5").Equal(flag.Total))
	assert.Equal(t, VoteCount{Votes: 9, Base: 9, Passed: true}, flag.Vote)
	assert.Equal(t, AtLeast(4, 5).Of(BaseElectorate), flag.Threshold)
	assert.Equal(t, []string{"no pending case"}, flag.Standards)
	assert.Equal(t, TieBreakNone, flag.DecidedBy)

	assert.Contains(t, d.Declined, Declined{Unit: "hai-duong", Award: AwardMinistryFlag, Reason: DeclinedVoteShort,
		Detail: "2 of 9 votes, needs 8 (≥ 4/5 of electorate)"})
	assert.Contains(t, d.Declined, Declined{Unit: "bac-ninh", Award: AwardMinistryMerit, Reason: DeclinedHigherAward,
		Detail: "proposed for ministry-flag"})
	assert.Contains(t, d.Declined, Declined{Unit: "nam-dinh", Award: AwardMinistryMerit, Reason: DeclinedQuotaFull,
		Detail: "quota 2 full at 2"})
	// Every unit is accounted for under every award.
	for _, a := range []Award{AwardMinistryFlag, AwardMinistryMerit} {
		n := 0
		for _, x := range d.Declined {
			if x.Award == a {
				n++
			}
		}
		assert.Equal(t, 9, n+len(d.Proposed(a)), a.String())
	}
	assert.Equal(t, []UnitID{"hai-duong", "vinh-phuc"}, d.Proposed(AwardMinistryMerit))
	a, ok := d.AwardOf("bac-ninh")
	assert.True(t, ok)
	assert.Equal(t, AwardMinistryFlag, a)
	_, ok = d.AwardOf("ha-nam")
	assert.False(t, ok)
}

func TestDecidePendingDisciplineMovesTheFlag(t *testing.T) {
	cands := cluster3Candidates(t)
	// Bắc Ninh under discipline consideration; Hải Dương, second, now also
	// passes the flag vote (illustrative).
	cands[0].Facts.PendingDiscipline = true
	cands[1].Votes[AwardMinistryFlag] = passed(8, 9)

	d, err := DecideCandidates(cluster3Rules(t), cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"hai-duong"}, d.Proposed(AwardMinistryFlag))
	assert.Equal(t, []UnitID{"vinh-phuc", "nam-dinh"}, d.Proposed(AwardMinistryMerit))
	_, ok := d.AwardOf("bac-ninh")
	assert.False(t, ok, "a unit with a pending discipline is never proposed")
	for _, a := range []Award{AwardMinistryFlag, AwardMinistryMerit} {
		assert.Contains(t, d.Declined, Declined{Unit: "bac-ninh", Award: a, Reason: DeclinedPendingCase,
			Detail: "discipline under consideration"})
	}
}

func TestGovernmentFlagQuotaOfLeaders(t *testing.T) {
	rules, err := Decree152_2025().AwardRules(map[Award]Quota{AwardGovernmentFlag: {}})
	require.NoError(t, err)
	r, ok := rules.Rule(AwardGovernmentFlag)
	require.True(t, ok)
	assert.Equal(t, ShareOfLeaders(1, 5), r.Quota)

	leaders := func(n int) []Candidate {
		var out []Candidate
		for i := 0; i < n; i++ {
			out = append(out, Candidate{Unit: UnitID("leader-" + string(rune('a'+i))), Rank: i + 1, Total: dec("90"),
				LeadsCluster: true, Votes: map[Award]VoteCount{AwardGovernmentFlag: passed(20, 20)}})
		}
		return out
	}
	for _, tt := range []struct {
		name    string
		leaders int
		want    int
	}{
		{"9 leaders give 1", 9, 1},
		{"10 leaders give 2", 10, 2},
		{"4 leaders give none", 4, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := DecideCandidates(rules, leaders(tt.leaders), Pool{})
			require.NoError(t, err)
			assert.Len(t, d.Proposed(AwardGovernmentFlag), tt.want)
		})
	}
	t.Run("the pool can be ministry-wide", func(t *testing.T) {
		// Three candidates here, out of 10 collectives leading the ministry's clusters.
		d, err := DecideCandidates(rules, leaders(3), Pool{Leaders: 10})
		require.NoError(t, err)
		assert.Len(t, d.Proposed(AwardGovernmentFlag), 2)
	})
	t.Run("a unit not leading its cluster cannot get it", func(t *testing.T) {
		c := leaders(10)
		c[0].LeadsCluster = false
		d, err := DecideCandidates(rules, c, Pool{Leaders: 10})
		require.NoError(t, err)
		assert.Equal(t, []UnitID{"leader-b", "leader-c"}, d.Proposed(AwardGovernmentFlag))
		assert.Contains(t, d.Declined, Declined{Unit: "leader-a", Award: AwardGovernmentFlag, Reason: DeclinedStandard,
			Standard: "leads the cluster", Detail: "does not lead the cluster"})
	})
}

func TestDecideTiesAtTheQuota(t *testing.T) {
	flag := AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(4, 5).Of(BaseElectorate)}
	merit := AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(1)}
	cand := func(id UnitID, rank, votes, women int) Candidate {
		return Candidate{Unit: id, Rank: rank, Total: dec("90"), Facts: Facts{Women: women, Staff: 10},
			Votes: map[Award]VoteCount{AwardMinistryFlag: passed(votes, 9)}}
	}
	tests := []struct {
		name       string
		equalMerit Share
		cands      []Candidate
		flag       []UnitID
		decidedBy  TieBreak
		merit      []UnitID
		ties       []QuotaTie
		declined   []Declined
	}{
		{
			name:      "rank decides",
			cands:     []Candidate{cand("a", 1, 8, 0), cand("b", 2, 9, 0), cand("c", 3, 9, 0)},
			flag:      []UnitID{"a"},
			decidedBy: TieBreakNone,
			merit:     []UnitID{"b"},
		},
		{
			name:      "votes break an equal rank",
			cands:     []Candidate{cand("a", 1, 8, 0), cand("b", 1, 9, 0), cand("c", 3, 9, 0)},
			flag:      []UnitID{"b"},
			decidedBy: TieBreakVotes,
			merit:     []UnitID{"a"},
			declined: []Declined{{Unit: "a", Award: AwardMinistryFlag, Reason: DeclinedQuotaFull,
				Detail: "quota 1 full at 1, behind an equally ranked unit on votes"}},
		},
		{
			name:      "the equal-merit rule prefers ≥ 70% women when it is on",
			cands:     []Candidate{cand("a", 1, 9, 6), cand("b", 1, 9, 7), cand("c", 3, 9, 0)},
			flag:      []UnitID{"b"},
			decidedBy: TieBreakEqualMerit,
			merit:     []UnitID{"a"},
			declined: []Declined{{Unit: "a", Award: AwardMinistryFlag, Reason: DeclinedQuotaFull,
				Detail: "quota 1 full at 1, behind an equally ranked unit on equal-merit"}},
			equalMerit: AtLeast(7, 10),
		},
		{
			name:  "without the equal-merit rule the same units tie",
			cands: []Candidate{cand("a", 1, 9, 6), cand("b", 1, 9, 7), cand("c", 3, 9, 0)},
			merit: []UnitID{"c"},
			ties:  []QuotaTie{{Award: AwardMinistryFlag, Units: []UnitID{"a", "b"}, Seats: 1, Rank: 1, Votes: 9}},
			declined: []Declined{
				{Unit: "a", Award: AwardMinistryMerit, Reason: DeclinedAwaitingRunoff, Detail: "in a tie for ministry-flag"},
				{Unit: "b", Award: AwardMinistryMerit, Reason: DeclinedAwaitingRunoff, Detail: "in a tie for ministry-flag"},
			},
		},
		{
			name:       "two ≥ 70% units still tie, the third is out",
			cands:      []Candidate{cand("a", 1, 9, 8), cand("b", 1, 9, 7), cand("c", 1, 9, 1)},
			equalMerit: AtLeast(7, 10),
			merit:      []UnitID{"c"},
			ties:       []QuotaTie{{Award: AwardMinistryFlag, Units: []UnitID{"a", "b"}, Seats: 1, Rank: 1, Votes: 9}},
			declined: []Declined{{Unit: "c", Award: AwardMinistryFlag, Reason: DeclinedQuotaFull,
				Detail: "quota 1 full at 1, behind an equally ranked unit on equal-merit"}},
		},
		{
			name:  "a tie below a clear seat leaves the remaining seats open",
			cands: []Candidate{cand("a", 1, 9, 0), cand("b", 2, 9, 0), cand("c", 2, 9, 0), cand("d", 4, 9, 0)},
			flag:  []UnitID{"a"},
			merit: nil,
			ties:  []QuotaTie{{Award: AwardMinistryMerit, Units: []UnitID{"b", "c"}, Seats: 1, Rank: 2, Votes: 0}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules := mustRules(t, flag, merit)
			rules, err := rules.WithEqualMerit(tt.equalMerit)
			require.NoError(t, err)
			d, err := DecideCandidates(rules, tt.cands, Pool{})
			require.NoError(t, err)
			assert.Equal(t, tt.flag, d.Proposed(AwardMinistryFlag))
			assert.Equal(t, tt.merit, d.Proposed(AwardMinistryMerit))
			if len(tt.flag) > 0 {
				assert.Equal(t, tt.decidedBy, d.Proposals[0].DecidedBy)
			}
			assert.Equal(t, len(tt.ties), len(d.Ties))
			for i := range tt.ties {
				assert.True(t, tt.ties[i].Equal(d.Ties[i]), "%+v", d.Ties[i])
			}
			for _, x := range tt.declined {
				assert.Contains(t, d.Declined, x)
			}
		})
	}
}

func TestDecideWithoutRulesOrCandidates(t *testing.T) {
	d, err := DecideCandidates(AwardRules{}, cluster3Candidates(t), Pool{})
	require.NoError(t, err)
	assert.Empty(t, d.Proposals)
	d, err = DecideCandidates(cluster3Rules(t), nil, Pool{})
	require.NoError(t, err)
	assert.True(t, d.Equal(Decision{}))
}

func TestDecideNoVoteAndUnlimitedQuota(t *testing.T) {
	rules := mustRules(t,
		AwardRule{Award: AwardExcellentCollective, Standards: []Standard{RequireExcellentYears(1)}},
		AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(4, 5).Of(BaseElectorate)},
	)
	cands := []Candidate{
		{Unit: "a", Rank: 1, Total: dec("99"), Facts: Facts{ExcellentYears: 1}},
		{Unit: "b", Rank: 2, Total: dec("98"), Facts: Facts{ExcellentYears: 4}},
		{Unit: "c", Rank: 3, Total: dec("97"), Facts: Facts{ExcellentYears: 2}},
		{Unit: "d", Rank: 4, Total: dec("96")},
		{Unit: "e", Rank: 5, Total: dec("95"), Votes: map[Award]VoteCount{AwardMinistryFlag: {Votes: 8, Base: 9}}},
	}
	d, err := DecideCandidates(rules, cands, Pool{})
	require.NoError(t, err)
	assert.Empty(t, d.Proposed(AwardMinistryFlag))
	assert.Equal(t, []UnitID{"a", "b", "c"}, d.Proposed(AwardExcellentCollective))
	assert.Contains(t, d.Declined, Declined{Unit: "a", Award: AwardMinistryFlag, Reason: DeclinedNoVote,
		Detail: "not voted on; needs ≥ 4/5 of electorate"})
	assert.Contains(t, d.Declined, Declined{Unit: "e", Award: AwardMinistryFlag, Reason: DeclinedVoteShort,
		Detail: "8 of 9 votes, vote not passed (quorum or rounds)"})
	assert.Contains(t, d.Declined, Declined{Unit: "d", Award: AwardExcellentCollective, Reason: DeclinedStandard,
		Standard: "1 consecutive excellent years", Detail: "0 consecutive excellent years < 1"})
}

func TestDecideIgnoresInputOrder(t *testing.T) {
	cands := cluster3Candidates(t)
	cands[3].Rank, cands[4].Rank = 3, 3 // an equal rank below the quota
	rules := cluster3Rules(t)
	want, err := DecideCandidates(rules, cands, Pool{})
	require.NoError(t, err)
	for shift := 1; shift < len(cands); shift++ {
		rotated := append(slices.Clone(cands[shift:]), cands[:shift]...)
		got, err := DecideCandidates(rules, rotated, Pool{})
		require.NoError(t, err)
		assert.True(t, want.Equal(got), "rotation %d", shift)
	}
	slices.Reverse(cands)
	got, err := DecideCandidates(rules, cands, Pool{})
	require.NoError(t, err)
	assert.True(t, want.Equal(got))
}

func TestDecideDoesNotChangeItsInputs(t *testing.T) {
	cands := cluster3Candidates(t)
	before := slices.Clone(cands)
	_, err := DecideCandidates(cluster3Rules(t), cands, Pool{})
	require.NoError(t, err)
	for i := range cands {
		assert.Equal(t, before[i].Unit, cands[i].Unit)
	}
}

func TestDecisionJSON(t *testing.T) {
	d, err := DecideCandidates(cluster3Rules(t), cluster3Candidates(t), Pool{})
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"unit":"bac-ninh","award":"ministry-flag","rank":1,"total":"97.5"`)
	assert.Contains(t, string(b), `"reason":"higher-award"`)
	var back Decision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, d.Equal(back))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"declined":[{"reason":"bribery"}]}`), &back), ErrInvalidDeclineReason)
	// Every tie-breaker, runoff and fallback included, survives a round trip.
	for _, tb := range []TieBreak{TieBreakNone, TieBreakVotes, TieBreakEqualMerit, TieBreakRunoff, TieBreakFallback} {
		in := Decision{Proposals: []Proposal{{Unit: "a", Award: AwardMinistryFlag, Rank: 1, Total: decimal.NewFromInt(1), DecidedBy: tb}}}
		b, err := json.Marshal(in)
		require.NoError(t, err)
		var out Decision
		require.NoError(t, json.Unmarshal(b, &out), "%s", b)
		assert.True(t, in.Equal(out), "%s", tb)
	}
	require.ErrorIs(t, json.Unmarshal([]byte(`{"proposals":[{"decided_by":"coin"}]}`), &back), ErrInvalidTieBreak)
}

func TestFactsJSONAndHelpers(t *testing.T) {
	f := Facts{Unit: "ha-nam", PendingComplaint: true, ExcellentYears: 2, Titles: []Award{AwardExcellentCollective}, Women: 7, Staff: 10}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var back Facts
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, f.Equal(back), string(b))
	assert.True(t, f.Pending())
	assert.True(t, f.Holds(AwardExcellentCollective))
	assert.True(t, f.WomenShareMeets(AtLeast(7, 10)))
	assert.False(t, f.WomenShareMeets(MoreThan(7, 10)))
	assert.False(t, f.WomenShareMeets(Share{}))
	assert.False(t, Facts{Women: 0, Staff: 0}.WomenShareMeets(AtLeast(0+1, 10)))

	m, err := FactsFor(cluster3(), []Facts{f})
	require.NoError(t, err)
	assert.True(t, f.Equal(m["ha-nam"]))
	_, known := m["bac-ninh"]
	assert.False(t, known)
}

func TestAwardRulesAreCopies(t *testing.T) {
	std := []Standard{RequireRank(3)}
	rules := mustRules(t, AwardRule{Award: AwardMinistryMerit, Standards: std}, AwardRule{Award: AwardMinistryFlag})
	std[0] = RequireRank(1)
	r, ok := rules.Rule(AwardMinistryMerit)
	require.True(t, ok)
	assert.Equal(t, "rank ≤ 3", r.Standards[0].String())
	assert.Equal(t, []Award{AwardMinistryFlag, AwardMinistryMerit}, []Award{rules.Rules()[0].Award, rules.Rules()[1].Award})
	assert.Equal(t, 2, rules.Len())
	_, ok = rules.Rule(AwardCommendation)
	assert.False(t, ok)
	require.NoError(t, rules.Rules()[0].Validate())
}

// benchCandidates returns n candidates with distinct ranks, two of three
// passing the flag vote, one in seven with a pending case.
func benchCandidates(n int) []Candidate {
	out := make([]Candidate, n)
	for i := range out {
		out[i] = Candidate{Unit: UnitID(fmt.Sprintf("unit-%03d", i)), Rank: i + 1,
			Total: decimal.NewFromInt(int64(1000 - i)), LeadsCluster: i%5 == 0,
			Facts: Facts{PendingDiscipline: i%7 == 3, ExcellentYears: i % 3, Women: i % 11, Staff: 10},
			Votes: map[Award]VoteCount{AwardMinistryFlag: passed(9-i%3, 9)}}
	}
	// Shuffle deterministically so the sort has work to do.
	for i := range out {
		j := (i*7 + 3) % n
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func benchRules(b *testing.B) AwardRules {
	rules, err := Decree152_2025().AwardRules(map[Award]Quota{
		AwardMinistryFlag: CountQuota(2), AwardMinistryMerit: ShareOfMembers(1, 5), AwardExcellentCollective: {},
	})
	require.NoError(b, err)
	return rules
}

// baselineDecide is the hand-written baseline: the same allocation (pending
// cases out, flag vote, quotas in rank order, one award per unit) with no
// reasons, no ties and no validation.
func baselineDecide(cands []Candidate, flagSeats, meritSeats int) map[UnitID]Award {
	sorted := slices.Clone(cands)
	slices.SortFunc(sorted, func(a, b Candidate) int { return a.Rank - b.Rank })
	out := make(map[UnitID]Award, len(cands))
	flags, merits := 0, 0
	for _, c := range sorted {
		switch {
		case c.Facts.Pending():
		case flags < flagSeats && c.Votes[AwardMinistryFlag].Passed:
			out[c.Unit] = AwardMinistryFlag
			flags++
		case merits < meritSeats:
			out[c.Unit] = AwardMinistryMerit
			merits++
		default:
			out[c.Unit] = AwardExcellentCollective
		}
	}
	return out
}

func TestBaselineAgreesWithDecide(t *testing.T) {
	for _, n := range []int{9, 60} {
		cands := benchCandidates(n)
		rules, err := Decree152_2025().AwardRules(map[Award]Quota{
			AwardMinistryFlag: CountQuota(2), AwardMinistryMerit: ShareOfMembers(1, 5), AwardExcellentCollective: {},
		})
		require.NoError(t, err)
		d, err := DecideCandidates(rules, cands, Pool{})
		require.NoError(t, err)
		base := baselineDecide(cands, 2, n/5)
		require.Len(t, d.Proposals, len(base))
		for _, p := range d.Proposals {
			assert.Equal(t, base[p.Unit], p.Award, string(p.Unit))
		}
	}
}

func BenchmarkDecide(b *testing.B) {
	for _, n := range []int{9, 60} {
		cands := benchCandidates(n)
		rules := benchRules(b)
		b.Run(fmt.Sprintf("DecideCandidates/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := DecideCandidates(rules, cands, Pool{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("baseline/%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if len(baselineDecide(cands, 2, n/5)) == 0 {
					b.Fatal("empty")
				}
			}
		})
	}
}

func TestCandidateFactsErrorNamesTheUnit(t *testing.T) {
	_, err := DecideCandidates(AwardRules{}, []Candidate{{Unit: "ha-nam", Rank: 1, Facts: Facts{Women: 5, Staff: 4}}}, Pool{})
	assert.EqualError(t, err, `thidua: unit "ha-nam": women "5": invalid facts`)
}
