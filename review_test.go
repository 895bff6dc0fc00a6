package thidua

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func seedReview(t testing.TB) Review {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cluster3-2023", "review.json"))
	require.NoError(t, err)
	var r Review
	require.NoError(t, json.Unmarshal(b, &r))
	return r
}

// The seed case from its JSON inputs: the article's outcome (package document
// holds its documents as golden files).
func TestReviewSeedCase(t *testing.T) {
	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, "Nghị định 91/2017/NĐ-CP; Quy chế Cụm thi đua số 3 năm 2023 (minh họa)", o.Rules.Name,
		"the rules in force on 08/12/2023, with the cluster's own regulation")
	assert.True(t, o.Rules.SecretBallot, "Decree 91/2017 Điều 45 k8")
	require.Len(t, o.Decision.Proposals, 3)
	assert.Equal(t, UnitID("bac-ninh"), o.Decision.Proposals[0].Unit)
	assert.Equal(t, AwardMinistryFlag, o.Decision.Proposals[0].Award)
	assert.Equal(t, []UnitID{"hai-duong", "vinh-phuc"}, []UnitID{o.Decision.Proposals[1].Unit, o.Decision.Proposals[2].Unit})
	assert.Equal(t, Leadership{Year: 2024, Leader: "nam-dinh", Deputy: "hai-duong", By: SuccessionDeputySucceeds}, o.Leadership)
}

func TestReviewJSONRoundTrip(t *testing.T) {
	r := seedReview(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back Review
	require.NoError(t, json.Unmarshal(b, &back))
	o1, err := r.Conclude()
	require.NoError(t, err)
	o2, err := back.Conclude()
	require.NoError(t, err)
	assert.True(t, o1.Standings.Equal(o2.Standings))
	assert.True(t, o1.Decision.Equal(o2.Decision))
	assert.Equal(t, o1.Leadership, o2.Leadership)

	r.Rules = Decree91_2017()
	b, err = json.Marshal(r)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, r.Rules.Equal(back.Rules), "an explicit rule set travels with the review")

	r.Succession.Constraints.Exclude, r.Succession.Constraints.ExcludeName = func(UnitID, int) bool { return false }, "pending discipline"
	_, err = json.Marshal(r)
	assert.ErrorIs(t, err, ErrUnencodablePolicy)
}

// courtsRules2024 is Decree 98/2023 with the courts' sector layer, TT
// 01/2024/TT-TANDTC: at most two rounds, then the leader and deputy decide a
// flag.
func courtsRules2024(t *testing.T) RuleSet {
	t.Helper()
	rs, err := Compose(Decree98_2023(), Courts2024())
	require.NoError(t, err)
	return rs
}

// tieReview is a small 2024 review under Decree 98/2023 and the courts'
// circular (at most two rounds, then the leader and deputy decide a flag): a
// and b score the same and both pass the flag vote, with one flag to give.
func tieReview(t *testing.T) Review {
	t.Helper()
	c := MustCluster(ClusterSpec{ID: "k", Name: "Khối thi đua K", Kind: KindBlock, Year: 2024,
		Members: []Unit{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
		Leader:  "c", Deputy: "d"})
	card := MustScorecard(ScorecardSpec{ID: "k-2024", Name: "Bảng điểm", Year: 2024,
		Criteria: []CriterionSpec{{ID: "x", Name: "Kết quả", Max: decimal.NewFromInt(100)}}})
	var as []Assessment
	for id, v := range map[UnitID]int64{"a": 90, "b": 90, "c": 80, "d": 70} {
		as = append(as, Assessment{Unit: id, Assessor: "hoi-dong", Kind: AssessorAppraisal,
			Marks: map[CriterionID]decimal.Decimal{"x": decimal.NewFromInt(v)}})
	}
	return Review{
		Date: MustDate(2024, time.December, 10), Cluster: c, Scorecard: card, Assessments: as,
		Awards: []AwardVote{
			{Award: AwardMinistryFlag, Quota: CountQuota(1), MaxMarks: 2, Rounds: [][]Ballot{{{Approve: []UnitID{"a", "b"}, Count: 4}}}},
			{Award: AwardMinistryMerit, Quota: CountQuota(1), Rounds: [][]Ballot{{{Approve: []UnitID{"a", "b", "c"}, Count: 4}}}},
		},
		Succession: Succession{Method: SuccessionRoundRobin, Order: []UnitID{"a", "b", "c", "d"}},
		Rules:      courtsRules2024(t),
	}
}

func TestReviewRunoffThenFallback(t *testing.T) {
	r := tieReview(t)
	o, err := r.Conclude()
	require.NoError(t, err)
	assert.Equal(t, "Nghị định 98/2023/NĐ-CP; Thông tư 01/2024/TT-TANDTC", o.Rules.Name)
	require.Len(t, o.Pending, 1)
	p := o.Pending[0]
	assert.Equal(t, TieBreakRunoff, p.Kind)
	assert.Equal(t, AwardMinistryFlag, p.Award)
	assert.Equal(t, 2, p.Round)
	assert.Equal(t, []UnitID{"a", "b"}, p.Units)
	assert.Equal(t, 1, p.Seats)
	assert.Equal(t, []UnitID{"a", "b"}, p.Contest.Candidates())
	// a and b are held for the runoff, so for now the certificate goes to c: a
	// provisional decision, which the runoff changes.
	require.Len(t, o.Decision.Proposals, 1)
	assert.Equal(t, UnitID("c"), o.Decision.Proposals[0].Unit)
	assert.Equal(t, Leadership{Year: 2025, Leader: "d", Deputy: "a", By: SuccessionRoundRobin}, o.Leadership,
		"the leadership does not wait for the awards")

	// Round 2 settles it: b takes the flag, a the certificate.
	won := r
	won.Awards = slices.Clone(r.Awards)
	won.Awards[0].Rounds = append(slices.Clone(r.Awards[0].Rounds), []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {Approve: []UnitID{"a"}}})
	o, err = won.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete(), "%v", o.Pending)
	require.Len(t, o.Decision.Proposals, 2)
	assert.Equal(t, UnitID("b"), o.Decision.Proposals[0].Unit)
	assert.Equal(t, TieBreakRunoff, o.Decision.Proposals[0].DecidedBy)
	assert.Equal(t, UnitID("a"), o.Decision.Proposals[1].Unit)
	assert.Equal(t, AwardMinistryMerit, o.Decision.Proposals[1].Award)
	require.Len(t, o.Settled, 1)
	assert.Equal(t, Settlement{Award: AwardMinistryFlag, By: TieBreakRunoff, Round: 2, Order: [][]UnitID{{"b"}, {"a"}}}, o.Settled[0])

	// Round 2 ties again: the last round under Decree 98/2023, so the leader and
	// deputy decide the flag.
	tied := r
	tied.Awards = slices.Clone(r.Awards)
	tied.Awards[0].Rounds = append(slices.Clone(r.Awards[0].Rounds), []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	o, err = tied.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	assert.Equal(t, TieBreakFallback, o.Pending[0].Kind)
	assert.Equal(t, FallbackLeaderAndDeputy, o.Pending[0].Fallback)

	tied.Settlements = []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a"}}}}
	o, err = tied.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, UnitID("a"), o.Decision.Proposals[0].Unit)
	assert.Equal(t, TieBreakFallback, o.Decision.Proposals[0].DecidedBy)
	assert.Equal(t, FallbackLeaderAndDeputy, o.Settled[0].Fallback)
}

func TestReviewLeadershipRunoff(t *testing.T) {
	r := tieReview(t)
	r.Awards = nil
	r.Succession = Succession{Method: SuccessionElect}
	r.LeaderRounds = [][]Ballot{{{Approve: []UnitID{"a"}, Count: 2}, {Approve: []UnitID{"b"}, Count: 2}}}
	o, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	assert.Equal(t, RoleLeader, o.Pending[0].Post)
	assert.Equal(t, []UnitID{"a", "b"}, o.Pending[0].Units)
	assert.Zero(t, o.Leadership.Year, "no leadership until the runoff")

	r.LeaderRounds = append(r.LeaderRounds, []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {}})
	r.DeputyRounds = [][]Ballot{{{Approve: []UnitID{"a"}, Count: 4}}}
	o, err = r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete(), "%v", o.Pending)
	assert.Equal(t, Leadership{Year: 2025, Leader: "b", Deputy: "a", By: SuccessionElect}, o.Leadership)
	assert.Equal(t, UnitID("b"), o.Next.Leader())
}

func TestReviewBadInput(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Review)
		part string
		want error
	}{
		{"no date", func(r *Review) { r.Date = Date{} }, "date", ErrMissingPart},
		{"no cluster", func(r *Review) { r.Cluster = Cluster{} }, "cluster", ErrMissingPart},
		{"no scorecard", func(r *Review) { r.Scorecard = Scorecard{} }, "scorecard", ErrMissingPart},
		{"no succession", func(r *Review) { r.Succession = Succession{} }, "succession", ErrMissingPart},
		{"date of another year", func(r *Review) { r.Date = MustDate(2021, time.December, 1) }, "date", ErrYearMismatch},
		{"scorecard of another year", func(r *Review) {
			s := r.Scorecard.Spec()
			s.Year = 2022
			r.Scorecard = MustScorecard(s)
		}, "scorecard", ErrYearMismatch},
		{"rules not in force", func(r *Review) { r.Rules = Decree152_2025() }, "rules", ErrRulesNotInForce},
		{"present names a non-member", func(r *Review) { r.Present = []UnitID{"bac-ninh", "ha-noi"} }, "present", ErrUnknownUnit},
		{"ballot for a unit not in the cluster", func(r *Review) {
			r.Awards[0].Rounds = [][]Ballot{{{Approve: []UnitID{"ha-noi"}}}}
		}, "award ministry-flag round 1 ballots", ErrUnknownUnit},
		{"candidate not in the cluster", func(r *Review) { r.Awards[1].Candidates = []UnitID{"ha-noi"} }, "award ministry-merit candidates", ErrUnknownUnit},
		{"award voted twice", func(r *Review) { r.Awards = append(r.Awards, r.Awards[0]) }, "award ministry-flag", ErrDuplicateRule},
		{"settlement of an award not voted on", func(r *Review) {
			r.Settlements = []Settlement{{Award: AwardGovernmentFlag, By: TieBreakFallback, Order: [][]UnitID{{"bac-ninh"}}}}
		}, "settlement government-flag", ErrContestMismatch},
		{"deputy ballot for a unit outside next year's roster", func(r *Review) {
			r.DeputyRounds = [][]Ballot{{{Approve: []UnitID{"ha-noi"}}}}
		}, "deputy vote round 1 ballots", ErrUnknownUnit},
		{"below quorum", func(r *Review) { r.Present = []UnitID{"bac-ninh", "nam-dinh", "ha-nam"} }, "award ministry-flag round 1", ErrNoQuorum},
		{"facts for a unit not in the cluster", func(r *Review) { r.Facts = []Facts{{Unit: "ha-noi"}} }, "decision", ErrUnknownUnit},
		{"assessment of a non-member", func(r *Review) {
			r.Assessments = append(slices.Clone(r.Assessments), Assessment{Unit: "ha-noi", Assessor: "ha-noi", Kind: AssessorSelf})
		}, "scoring", ErrUnknownUnit},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := seedReview(t)
			r.Awards = slices.Clone(r.Awards)
			tt.edit(&r)
			_, err := r.Conclude()
			require.ErrorIs(t, err, tt.want)
			var re *PartError
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tt.part, re.Part)
			assert.Regexp(t, `^thidua: `+regexp.QuoteMeta(tt.part)+`: `, err.Error(), "the message names the part")
		})
	}
}

func TestReviewSettlementErrors(t *testing.T) {
	r := tieReview(t)
	r.Awards[0].Rounds = append(r.Awards[0].Rounds, []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	tests := []struct {
		name string
		st   Settlement
		err  error
	}{
		{"a unit not in the tie", Settlement{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"c"}}}, ErrNotTied},
		{"more units than open seats", Settlement{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a"}, {"b"}}}, ErrWrongSeats},
		{"two units in one tier", Settlement{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a", "b"}}}, ErrWrongSeats},
		{"by a runoff", Settlement{Award: AwardMinistryFlag, By: TieBreakRunoff, Order: [][]UnitID{{"a"}}}, ErrInvalidTieBreak},
		{"another fallback than the rules'", Settlement{Award: AwardMinistryFlag, By: TieBreakFallback, Fallback: FallbackChair, Order: [][]UnitID{{"a"}}}, ErrInvalidTieBreak},
		{"a round other than the last", Settlement{Award: AwardMinistryFlag, By: TieBreakFallback, Round: 1, Order: [][]UnitID{{"a"}}}, ErrNotPending},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.Settlements = []Settlement{tt.st}
			_, err := r.Conclude()
			assert.ErrorIs(t, err, tt.err)
		})
	}
	r.Settlements = []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Fallback: FallbackLeaderAndDeputy, Round: 2, Order: [][]UnitID{{"a"}}}}
	o, err := r.Conclude()
	require.NoError(t, err, "the fallback and the last round named as the rules have them")
	assert.Equal(t, []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Fallback: FallbackLeaderAndDeputy, Round: 2, Order: [][]UnitID{{"a"}, {"b"}}}}, o.Settled)
}

// Two ties at once: a and b tie for the one flag, and all four tie for the one
// certificate. The certificate waits for the flag: its runoff must include the
// flag's loser, so it is asked for only once the flag is settled.
func TestReviewSettlesTiesFromTheTopDown(t *testing.T) {
	r := tieReview(t)
	for i := range r.Assessments {
		r.Assessments[i].Marks = map[CriterionID]decimal.Decimal{"x": decimal.NewFromInt(90)}
	}
	r.Awards[1].Rounds = [][]Ballot{{{Approve: []UnitID{"a", "b", "c", "d"}, Count: 4}}}
	o, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1, "only the flag's runoff: the certificate waits for it")
	assert.Equal(t, AwardMinistryFlag, o.Pending[0].Award)

	r.Awards[0].Rounds = append(r.Awards[0].Rounds, []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {}})
	o, err = r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	p := o.Pending[0]
	assert.Equal(t, AwardMinistryMerit, p.Award)
	assert.Equal(t, []UnitID{"a", "c", "d"}, p.Units, "the flag's loser joins the certificate's tie")
	assert.Equal(t, 2, p.Round)

	r.Awards[1].Rounds = append(r.Awards[1].Rounds, []Ballot{{Approve: []UnitID{"c"}, Count: 3}, {Approve: []UnitID{"a"}}})
	o, err = r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete(), "%v", o.Pending)
	got := map[UnitID]Award{}
	for _, p := range o.Decision.Proposals {
		got[p.Unit] = p.Award
	}
	assert.Equal(t, map[UnitID]Award{"b": AwardMinistryFlag, "c": AwardMinistryMerit}, got)
	var order []string
	for _, v := range o.Votes {
		order = append(order, fmt.Sprintf("%s/%s/%d", v.Award, v.Post, v.Round))
	}
	assert.Equal(t, []string{"ministry-flag/none/1", "ministry-flag/none/2", "ministry-merit/none/1", "ministry-merit/none/2"}, order,
		"each tally once, awards in precedence order, round by round")
}

// Under deputy succession with a vacant deputy post the order names the
// leader, who must then not stand for deputy.
func TestReviewDeputyVoteLeavesOutTheLeaderToBe(t *testing.T) {
	r := tieReview(t)
	r.Awards = nil
	c, err := r.Cluster.WithLeadership("c", "")
	require.NoError(t, err)
	r.Cluster = c
	r.Succession = Succession{Method: SuccessionDeputySucceeds, Order: []UnitID{"a", "b", "c", "d"}}
	o, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	assert.Equal(t, RoleDeputy, o.Pending[0].Post)
	assert.Equal(t, []UnitID{"a", "b", "c"}, o.Pending[0].Units, "d leads next (after c in the order)")

	r.DeputyRounds = [][]Ballot{{{Approve: []UnitID{"a"}, Count: 3}, {Approve: []UnitID{"b"}}}}
	o, err = r.Conclude()
	require.NoError(t, err)
	assert.Equal(t, Leadership{Year: 2025, Leader: "d", Deputy: "a", By: SuccessionRoundRobin}, o.Leadership)
}

// An award decided without a vote has no runoff: its tie goes to the fallback
// (Decree 98/2023 names none for a certificate), so it stands as a result.
func TestReviewTieWithoutAVoteStands(t *testing.T) {
	r := tieReview(t)
	r.Awards = []AwardVote{{Award: AwardMinistryMerit, Quota: CountQuota(1)}}
	o, err := r.Conclude()
	require.NoError(t, err)
	assert.True(t, o.Complete())
	require.Len(t, o.Decision.Ties, 1)
	assert.Equal(t, []UnitID{"a", "b"}, o.Decision.Ties[0].Units)
	assert.Empty(t, o.Votes)
}

func TestReviewRejectsDuplicates(t *testing.T) {
	r := tieReview(t)
	r.Present = []UnitID{"a", "a", "b"}
	_, err := r.Conclude()
	assert.ErrorIs(t, err, ErrDuplicateUnit)

	r = tieReview(t)
	r.Awards[0].Rounds = append(r.Awards[0].Rounds, []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	r.Settlements = []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a"}, {"a"}}}}
	_, err = r.Conclude()
	assert.ErrorIs(t, err, ErrDuplicateUnit)
}

// Ballots for a round that was never held are an error, not silently dropped.
func TestReviewRejectsBallotsForRoundsNotHeld(t *testing.T) {
	r := seedReview(t)
	r.Awards = slices.Clone(r.Awards)
	r.Awards[0].Rounds = append(slices.Clone(r.Awards[0].Rounds), []Ballot{{Approve: []UnitID{"bac-ninh"}}})
	_, err := r.Conclude()
	require.ErrorIs(t, err, ErrRoundNotHeld)
	var re *PartError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "award ministry-flag round 2 ballots", re.Part, "no tie called for a runoff")

	r = seedReview(t)
	r.LeaderRounds = [][]Ballot{{{Approve: []UnitID{"nam-dinh"}}}}
	_, err = r.Conclude()
	require.ErrorIs(t, err, ErrRoundNotHeld, "deputy succession holds no leader vote")

	// Under Decree 98/2023 a third round is past the last.
	r = tieReview(t)
	tie := []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}}
	r.Awards[0].Rounds = append(r.Awards[0].Rounds, tie, tie)
	_, err = r.Conclude()
	require.ErrorIs(t, err, ErrRoundNotHeld)
}
