package thidua_test

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// Every Go snippet of README.md is quoted from this file: each lies between a
// "// README: begin" line and a "// README: end" line, indented one tab more
// than in the README, and TestReadmeSnippets checks that the two agree, block
// by block and in order. The figures are illustrative.

// The README's walk through one cluster's year, step by step, then the same
// year as one Review, and a policy experiment.
func Example_readme() {
	if err := readmeSteps(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// after the merger: [a bc] (c → bc)
	// 1 a 66.00
	// 2 b 66.00
	// 3 c 57.00
	// flag vote: passed [a], elected [a]
	// proposed: Ministry or Provincial Emulation Flag a
	// proposed: Ministry or Provincial Certificate of Merit b
	// declined: c Ministry or Provincial Emulation Flag pending-case
	// declined: c Ministry or Provincial Certificate of Merit pending-case
	// 2027: leader b, deputy c (succession); the plan's first years: 2027 b, 2028 c
	// review: complete true, leader b, deputy c; minutes in Vietnamese true
	// 80% of all members: no flag in 2814 of 10000 years
	// majority of valid ballots: no flag in 358 of 10000 years
}

// readmeSteps runs the README's snippets in order, with the data they take
// from the reader (marks, ballots, facts) made up here.
func readmeSteps(w io.Writer) error {
	var unitErr *thidua.UnitError
	// README: begin
	c, err := thidua.NewCluster(thidua.ClusterSpec{
		ID: "cum-3", Name: "Cụm thi đua số 3", Kind: thidua.KindCluster, Year: 2026,
		Members: []thidua.Unit{
			{ID: "a", Name: "Sở Khoa học và Công nghệ tỉnh A", ShortName: "A"},
			{ID: "b", Name: "Sở Khoa học và Công nghệ tỉnh B", ShortName: "B"},
			{ID: "c", Name: "Sở Khoa học và Công nghệ tỉnh C", ShortName: "C"},
		},
		Leader: "a", Deputy: "b",
	})
	if err != nil {
		// errors.Is(err, thidua.ErrLeaderIsDeputy), errors.As(err, &unitErr), ...
		return err
	}
	// README: end
	_ = errors.As(err, &unitErr)

	// README: begin
	r, err := c.Reorganize(2027, []thidua.UnitChange{
		{Year: 2027, From: []thidua.UnitID{"b", "c"}, Into: thidua.Unit{ID: "bc", Name: "Sở KH&CN tỉnh BC"}},
	})
	// r.Cluster has members a and bc; r.Successors maps b and c to bc.
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "after the merger: %v (c → %s)\n", r.Cluster.MemberIDs(), r.Successors["c"])

	// Peer marks: every member marks every member, its own row included.
	marks := map[thidua.UnitID][3]string{"a": {"18", "26", "4"}, "b": {"17", "27", "5"}, "c": {"15", "25", "2"}}
	var assessments []thidua.Assessment
	for _, unit := range c.MemberIDs() {
		for _, assessor := range c.MemberIDs() {
			m := marks[unit]
			assessments = append(assessments, thidua.Assessment{Unit: unit, Assessor: assessor, Kind: thidua.AssessorPeer,
				Marks: map[thidua.CriterionID]decimal.Decimal{
					"I.1": decimal.RequireFromString(m[0]), "I.2": decimal.RequireFromString(m[1]),
					"thuong": decimal.RequireFromString(m[2])}})
		}
	}

	// README: begin
	d := decimal.RequireFromString
	card, err := thidua.NewScorecard(thidua.ScorecardSpec{ID: "cum-3-2026", Name: "Bảng điểm 2026", Year: 2026,
		Criteria: []thidua.CriterionSpec{
			{ID: "I", Name: "Nhiệm vụ chuyên môn", Children: []thidua.CriterionSpec{
				{ID: "I.1", Name: "Chuyển đổi số", Max: d("20"), Weight: d("2")},
				{ID: "I.2", Name: "Bưu chính, viễn thông", Max: d("30")},
			}},
			{ID: "thuong", Name: "Điểm thưởng", Kind: thidua.CriterionBonus, Max: d("10")},
		}})
	if err != nil {
		return err
	}
	standings, err := card.Score(c, assessments, thidua.ScoringPolicy{
		Aggregation: thidua.AggregateMedian,
		Aggregate:   thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp},
		TieBreakers: []thidua.TieBreaker{thidua.ByCriterion("I")},
	})
	if err != nil {
		return err
	}
	for _, s := range standings.Ranked() {
		fmt.Println(s.Rank, s.Unit, s.Total.StringFixed(2)) // s.TieBreak: what separated equal totals
	}
	// README: end

	ballots := []thidua.Ballot{{Approve: []thidua.UnitID{"a"}, Count: 3}}
	// README: begin
	flag, err := thidua.NewContest(thidua.ContestSpec{
		ID: "co-thi-dua", Year: 2026, Candidates: c.MemberIDs(), Electorate: c.Len(),
		Method: thidua.Approval, MaxMarks: 1,
		Threshold: thidua.AtLeast(4, 5).Of(thidua.Electorate), // ≥ 80% of all members
		Quorum:    thidua.AtLeast(2, 3),
	})
	if err != nil {
		return err
	}
	result, err := flag.Tally(ballots) // result.Passed, result.Elected, result.Tied, result.Digest
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "flag vote: passed %v, elected %v\n", result.Passed, result.Elected)

	facts := []thidua.Facts{{Unit: "c", PendingComplaint: true}}
	// README: begin
	rules, err := thidua.RulesOn(thidua.MustDate(2026, time.December, 15))
	if err != nil {
		return err
	}
	awardRules, err := rules.AwardRules(map[thidua.Award]thidua.Quota{
		thidua.MinistryFlag: thidua.CountQuota(1), thidua.MinistryMerit: thidua.CountQuota(2),
	})
	if err != nil {
		return err
	}
	decision, err := thidua.Decide(awardRules, thidua.DecideInput{
		Cluster: c, Standings: standings, Facts: facts,
		Votes: map[thidua.Award]thidua.Result{thidua.MinistryFlag: result},
	})
	// README: end
	if err != nil {
		return err
	}
	for _, p := range decision.Proposals {
		fmt.Fprintln(w, "proposed:", p.Award.English(), p.Unit)
	}
	for _, x := range decision.Declined {
		if x.Unit == "c" {
			fmt.Fprintln(w, "declined:", x.Unit, x.Award.English(), x.Reason)
		}
	}

	history := thidua.History{}
	deputyBallots := []thidua.Ballot{{Approve: []thidua.UnitID{"c"}, Count: 2}, {Approve: []thidua.UnitID{"a"}}}
	// README: begin
	// The deputy vote (bầu cụm phó): one seat, one mark a ballot, among next
	// year's members other than the leader-to-be (here b, this year's deputy).
	deputyVote, err := thidua.NewContest(thidua.ContestSpec{
		ID: "cum-pho-2027", Year: 2026, Candidates: []thidua.UnitID{"a", "c"}, Electorate: c.Len(),
		Method: thidua.Approval, Seats: 1, MaxMarks: 1,
	})
	if err != nil {
		return err
	}
	deputyResult, err := deputyVote.Tally(deputyBallots)
	if err != nil {
		return err
	}
	policy := thidua.Succession{Method: thidua.DeputySucceeds, Deputy: thidua.DeputyElected,
		Constraints: thidua.Constraints{NoConsecutive: true}}
	leadership, next, err := policy.Next(c, history, thidua.Selection{DeputyVote: &deputyResult}, nil)
	if err != nil {
		return err
	}
	plan, err := thidua.Succession{Method: thidua.RoundRobin, Order: c.MemberIDs()}.Plan(c, history, 9, nil)
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d: leader %s, deputy %s (%s); the plan's first years: %d %s, %d %s\n",
		leadership.Year, next.Leader(), next.Deputy(), leadership.Basis,
		plan.Terms[0].Year, plan.Terms[0].Leader, plan.Terms[1].Year, plan.Terms[1].Leader)

	flagBallots := ballots
	var runoffBallots []thidua.Ballot
	var chosen []thidua.UnitID
	// README: begin
	outcome, err := thidua.Review{
		Date: thidua.MustDate(2026, time.December, 15), Cluster: c,
		Scorecard: card, Assessments: assessments, Facts: facts,
		Awards: []thidua.AwardVote{{Award: thidua.MinistryFlag, Quota: thidua.CountQuota(1),
			MaxMarks: 1, Rounds: [][]thidua.Ballot{flagBallots}}},
		Succession: policy, DeputyRounds: [][]thidua.Ballot{deputyBallots},
	}.Conclude()
	if err != nil {
		return err
	}
	for !outcome.Complete() {
		p := outcome.Pending[0]
		var again thidua.Review
		switch p.Kind {
		case thidua.PendingRunoff: // hold the runoff p.Contest among p.Units
			again, err = outcome.WithRunoff(p, runoffBallots)
		case thidua.PendingFallback: // record the decision of p.Fallback
			again, err = outcome.WithSettlement(p, chosen)
		}
		if err != nil {
			return err
		}
		if outcome, err = again.Conclude(); err != nil {
			return err
		}
	}
	docs, err := document.FromOutcome(outcome, document.Vietnamese) // the biên bản, vote counts, tờ trình
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "review: complete %v, leader %s, deputy %s; minutes in Vietnamese %v\n",
		outcome.Complete(), outcome.Leadership.Leader, outcome.Leadership.Deputy, len(docs.Minutes.Text()) > 0)

	// README: begin
	quality := map[thidua.UnitID]int{"a": 900, "b": 880, "c": 800} // latent quality, per mille
	scoring := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	strict, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.MinistryFlag, Quota: thidua.CountQuota(1),
		Vote: thidua.AtLeast(4, 5).Of(thidua.Electorate)})
	if err != nil {
		return err
	}
	loose, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.MinistryFlag, Quota: thidua.CountQuota(1),
		Vote: thidua.MoreThan(1, 2).Of(thidua.Valid)})
	if err != nil {
		return err
	}
	report, err := thidua.Experiment{
		Cluster: c, Scorecard: card, Years: 10000,
		Assessments: thidua.AssessmentModel{Quality: quality, Noise: 100, Kind: thidua.AssessorPeer},
		Ballots:     thidua.BallotModel{Noise: 60, TopK: 2, Absent: 100},
		Quorum:      thidua.AtLeast(2, 3),
		Variants: []thidua.Variant{
			{Name: "80% of all members", Policy: scoring, Rules: strict},
			{Name: "majority of valid ballots", Policy: scoring, Rules: loose},
		},
	}.Run(rand.New(rand.NewPCG(2023, 12)))
	// report.Variants[i].Award(thidua.MinistryFlag): years with no flag, the top
	// scorer missing it, runoffs needed; per unit, how often it led or won.
	// README: end
	if err != nil {
		return err
	}
	for _, v := range report.Variants {
		a, _ := v.Award(thidua.MinistryFlag)
		fmt.Fprintf(w, "%s: no flag in %d of %d years\n", v.Name, a.NotProposed, report.Years)
	}
	return nil
}
