package thidua

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decideFixture scores Cluster 3's 2023 members from illustrative appraisal
// totals and tallies illustrative ballots for the flag (≥ 80% of all members)
// and the Certificate of Merit (no threshold), as a real review would: the
// article publishes only the outcome.
func decideFixture(t testing.TB) (AwardRules, DecideInput) {
	t.Helper()
	c := cluster3()
	card := MustScorecard(ScorecardSpec{ID: "c3-2023", Name: "Bảng điểm", Year: 2023,
		Criteria: []CriterionSpec{{ID: "x", Name: "Kết quả", Max: decimal.NewFromInt(100)}}})
	totals := map[UnitID]string{"bac-ninh": "97", "hai-duong": "95", "vinh-phuc": "93", "nam-dinh": "91",
		"quang-ninh": "89", "ninh-binh": "87", "hung-yen": "85", "thai-binh": "84", "ha-nam": "83"}
	var as []Assessment
	for _, id := range c.MemberIDs() {
		as = append(as, Assessment{Unit: id, Assessor: "to-tham-dinh", Kind: AssessorAppraisal,
			Marks: map[CriterionID]decimal.Decimal{"x": decimal.RequireFromString(totals[id])}})
	}
	st, err := card.Score(c, as, ScoringPolicy{})
	require.NoError(t, err)
	rules, err := seedReview(t).Rules.AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(1), AwardMinistryMerit: CountQuota(2)})
	require.NoError(t, err)
	flag := MustContest(ContestSpec{ID: "flag", Year: 2023, Candidates: c.MemberIDs(), Electorate: 9, Method: MethodApproval,
		Threshold: AtLeast(4, 5).Of(BaseElectorate), MaxMarks: 1})
	fr, err := flag.Tally([]Ballot{{Approve: []UnitID{"bac-ninh"}, Count: 8}, {Approve: []UnitID{"hai-duong"}}})
	require.NoError(t, err)
	merit := MustContest(ContestSpec{ID: "merit", Year: 2023, Candidates: c.MemberIDs(), Electorate: 9, Method: MethodApproval, MaxMarks: 2})
	mr, err := merit.Tally([]Ballot{{Approve: []UnitID{"hai-duong", "vinh-phuc"}, Count: 9}})
	require.NoError(t, err)
	return rules, DecideInput{Cluster: c, Standings: st, Votes: map[Award]Result{AwardMinistryFlag: fr, AwardMinistryMerit: mr}}
}

func TestDecideFromStandingsAndTallies(t *testing.T) {
	rules, in := decideFixture(t)
	d, err := Decide(rules, in)
	require.NoError(t, err)
	require.Len(t, d.Proposals, 3)
	assert.Equal(t, []UnitID{"bac-ninh", "hai-duong", "vinh-phuc"}, []UnitID{d.Proposals[0].Unit, d.Proposals[1].Unit, d.Proposals[2].Unit})
	assert.Equal(t, VoteCount{Votes: 8, Base: 9, Passed: true}, d.Proposals[0].Vote)
	assert.Equal(t, "97", d.Proposals[0].Total.String())

	// A complaint under verification at Bắc Ninh: the flag needs 8 of 9 and
	// nobody else has them, so no flag; Bắc Ninh gets nothing and the
	// certificates stay with Hải Dương and Vĩnh Phúc.
	in.Facts = []Facts{{Unit: "bac-ninh", PendingComplaint: true}}
	d, err = Decide(rules, in)
	require.NoError(t, err)
	assert.Empty(t, d.Proposed(AwardMinistryFlag))
	_, ok := d.AwardOf("bac-ninh")
	assert.False(t, ok)
	a, _ := d.AwardOf("hai-duong")
	assert.Equal(t, AwardMinistryMerit, a)
}

func TestDecideBadInput(t *testing.T) {
	otherCluster := func(in *DecideInput) {
		s := cluster3Spec()
		s.ID = "mic-cluster-4"
		in.Cluster = MustCluster(s)
	}
	otherYear := func(in *DecideInput) {
		c, err := in.Cluster.WithYear(2024)
		require.NoError(t, err)
		in.Cluster = c
	}
	tests := []struct {
		name string
		edit func(*DecideInput)
		want error
	}{
		{"zero cluster", func(in *DecideInput) { in.Cluster = Cluster{} }, ErrTooFewMembers},
		{"standings of another cluster", otherCluster, ErrClusterMismatch},
		{"standings of another year", otherYear, ErrYearMismatch},
		{"facts for a unit not in the cluster", func(in *DecideInput) { in.Facts = []Facts{{Unit: "ha-noi"}} }, ErrUnknownUnit},
		{"vote for an award with no rule", func(in *DecideInput) { in.Votes[AwardGovernmentFlag] = in.Votes[AwardMinistryFlag] }, ErrContestMismatch},
		{"vote with another threshold", func(in *DecideInput) { in.Votes[AwardMinistryFlag] = in.Votes[AwardMinistryMerit] }, ErrContestMismatch},
		{"vote of another year", func(in *DecideInput) {
			r := in.Votes[AwardMinistryMerit]
			s := r.Contest.Spec()
			s.Year = 2022
			r.Contest = MustContest(s)
			in.Votes[AwardMinistryMerit] = r
		}, ErrYearMismatch},
		{"vote with a candidate outside the cluster", func(in *DecideInput) {
			r := in.Votes[AwardMinistryMerit]
			s := r.Contest.Spec()
			s.Candidates = append(s.Candidates, "ha-noi")
			r.Contest = MustContest(s)
			in.Votes[AwardMinistryMerit] = r
		}, ErrContestMismatch},
		{"settled tie naming a unit outside the cluster", func(in *DecideInput) {
			in.Settled = []Settlement{{Award: AwardMinistryFlag, By: TieBreakRunoff, Order: [][]UnitID{{"ha-noi"}}}}
		}, ErrUnknownUnit},
		{"settled tie for an invalid award", func(in *DecideInput) {
			in.Settled = []Settlement{{Award: Award(42), By: TieBreakRunoff, Order: [][]UnitID{{"bac-ninh"}}}}
		}, ErrInvalidAward},
		{"an award settled twice", func(in *DecideInput) {
			st := Settlement{Award: AwardMinistryFlag, By: TieBreakRunoff, Order: [][]UnitID{{"bac-ninh"}}}
			in.Settled = []Settlement{st, st}
		}, ErrInvalidTieBreak},
		{"settled by something other than a runoff or fallback", func(in *DecideInput) {
			in.Settled = []Settlement{{Award: AwardMinistryFlag, By: TieBreakVotes, Order: [][]UnitID{{"bac-ninh"}}}}
		}, ErrInvalidTieBreak},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rules, in := decideFixture(t)
			in.Votes = map[Award]Result{AwardMinistryFlag: in.Votes[AwardMinistryFlag], AwardMinistryMerit: in.Votes[AwardMinistryMerit]}
			tt.edit(&in)
			_, err := Decide(rules, in)
			require.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^thidua: `, err.Error())
		})
	}
}

// Property: Decide does not depend on the order of the facts or of the
// cluster's roster, and never proposes a unit with a pending case.
func FuzzDecideInputs(f *testing.F) {
	f.Add(uint64(1), uint8(0))
	f.Add(uint64(5), uint8(3))
	rules, base := decideFixture(f)
	f.Fuzz(func(t *testing.T, seed uint64, pendingMask uint8) {
		rng := rand.New(rand.NewPCG(seed, 11))
		in := base
		ids := in.Cluster.MemberIDs()
		for i, id := range ids {
			if pendingMask&(1<<(i%8)) != 0 {
				in.Facts = append(in.Facts, Facts{Unit: id, UnderInvestigation: true})
			}
		}
		want, err := Decide(rules, in)
		require.NoError(t, err)
		for _, p := range want.Proposals {
			require.False(t, slices.ContainsFunc(in.Facts, func(f Facts) bool { return f.Unit == p.Unit }), "%s has a pending case", p.Unit)
		}
		shuffled := in
		shuffled.Facts = slices.Clone(in.Facts)
		rng.Shuffle(len(shuffled.Facts), func(i, j int) { shuffled.Facts[i], shuffled.Facts[j] = shuffled.Facts[j], shuffled.Facts[i] })
		spec := in.Cluster.Spec()
		rng.Shuffle(len(spec.Members), func(i, j int) { spec.Members[i], spec.Members[j] = spec.Members[j], spec.Members[i] })
		shuffled.Cluster = MustCluster(spec)
		got, err := Decide(rules, shuffled)
		require.NoError(t, err)
		require.True(t, want.Equal(got))
	})
}

// Over a quota, the rules in force say which comes first: rank (the default,
// as clusters rank) or votes (TT 25/2025/TT-BKHCN Điều 23).
func TestDecideOverQuotaOrder(t *testing.T) {
	vote := func(v int) map[Award]VoteCount {
		return map[Award]VoteCount{AwardMinistryFlag: {Votes: v, Base: 5, Passed: true}}
	}
	cands := []Candidate{
		{Unit: "a", Rank: 1, Total: dec("95"), Votes: vote(4)},
		{Unit: "b", Rank: 2, Total: dec("94"), Votes: vote(5)},
		{Unit: "c", Rank: 3, Total: dec("93"), Votes: vote(5)},
	}
	rules := mustRules(t, AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(1), Vote: AtLeast(4, 5).Of(BaseElectorate)})
	d, err := DecideCandidates(rules, cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"a"}, d.Proposed(AwardMinistryFlag), "rank first")
	assert.Equal(t, TieBreakNone, d.Proposals[0].DecidedBy)

	d, err = DecideCandidates(rules.WithVotesFirst(true), cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"b"}, d.Proposed(AwardMinistryFlag), "votes first; b and c tie on votes and rank settles it")
	assert.Equal(t, TieBreakNone, d.Proposals[0].DecidedBy, "rank put b ahead of c, the first left out")
	cands[2].Votes = vote(4)
	d, err = DecideCandidates(rules.WithVotesFirst(true), cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"b"}, d.Proposed(AwardMinistryFlag))
	assert.Equal(t, TieBreakVotes, d.Proposals[0].DecidedBy, "votes put b ahead of a, ranked above it")
	cands[2].Votes = vote(5)

	// From the rule set: the sector's circular sets votes first.
	rs, err := Compose(Decree152_2025(), ScienceTechnology2025())
	require.NoError(t, err)
	ar, err := rs.AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(1)})
	require.NoError(t, err)
	assert.True(t, ar.VotesFirst())
	d, err = DecideCandidates(ar, cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"b"}, d.Proposed(AwardMinistryFlag))
	assert.False(t, rules.VotesFirst(), "WithVotesFirst returns a copy")
}

// Decide reads who led the cluster from the records, when the caller names
// nobody, and passes the year under review to the standards.
func TestDecideReadsTheRecords(t *testing.T) {
	_, in := decideFixture(t)
	rs, err := Compose(seedReview(t).Rules, RuleSet{Name: "Quy chế (thử)", Layer: LayerLocal,
		EffectiveFrom: MustDate(2023, 1, 1), EffectiveUntil: MustDate(2023, 12, 31), LeadsCluster: []Award{AwardMinistryFlag},
		MeritExcellentYears: 2,
		Sources: []Citation{
			{Rule: "document", Title: "Quy chế (thử)", Layer: LayerLocal, Status: StatusRead},
			{Rule: "leads-cluster/ministry-flag", Title: "Quy chế (thử)", Layer: LayerLocal, Status: StatusRead},
			{Rule: "excellent-years", Title: "Quy chế (thử)", Layer: LayerLocal, Status: StatusRead},
		}})
	require.NoError(t, err)
	rules, err := rs.AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(1), AwardMinistryMerit: CountQuota(2)})
	require.NoError(t, err)
	excellent := rated(2022, RatingExcellent, RatingExcellent)
	in.Facts = []Facts{
		// The record says Hải Dương led the cluster in 2023, though Bắc Ninh
		// ranks first and has the flag's votes.
		{Unit: "hai-duong", Record: []YearRecord{excellent[0], {Year: 2023, Rating: RatingExcellent, Led: []ClusterID{"mic-cluster-3"}}}},
		{Unit: "bac-ninh", Record: excellent},
		{Unit: "vinh-phuc", Record: rated(2022, RatingGood, RatingExcellent)},
		{Unit: "nam-dinh", Record: excellent},
	}
	d, err := Decide(rules, in)
	require.NoError(t, err)
	assert.Empty(t, d.Proposed(AwardMinistryFlag), "Bắc Ninh did not lead; Hải Dương has 1 vote of 9")
	var bn, vp Declined
	for _, x := range d.Declined {
		switch {
		case x.Unit == "bac-ninh" && x.Award == AwardMinistryFlag:
			bn = x
		case x.Unit == "vinh-phuc" && x.Award == AwardMinistryMerit:
			vp = x
		}
	}
	assert.Equal(t, DeclinedStandard, bn.Reason)
	assert.Equal(t, "did not lead the cluster in 2023", bn.Detail)
	assert.Equal(t, []int{2022}, vp.Years, "rated good in 2022")
	assert.Contains(t, d.Proposed(AwardMinistryMerit), UnitID("hai-duong"))
}
