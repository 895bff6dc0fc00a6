package thidua_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// The rules in force on the day of Cluster 3's 2023 review, and the values
// RULES.md could not confirm for that period.
func ExampleRulesOn() {
	rs, err := thidua.RulesOn(thidua.MustDate(2023, 12, 8))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs.Name, "in force", rs.EffectiveFrom.Vietnamese(), "to", rs.EffectiveUntil.Vietnamese())
	fmt.Println("flag vote:", rs.Threshold(thidua.MinistryFlag))
	fmt.Println("Government flag quota:", rs.GovFlagQuota)

	next, _ := thidua.RulesOn(thidua.MustDate(2025, 7, 1))
	fmt.Println(next.Name, "equal-merit rule:", next.EqualMerit, "women")

	_, err = thidua.RulesOn(thidua.MustDate(2017, 1, 1))
	fmt.Println(err)
	// Output:
	// Nghị định 91/2017/NĐ-CP in force 01/10/2017 to 31/12/2023
	// flag vote: ≥ 4/5 of electorate
	// Government flag quota: ≤ 1/5 of leaders (floor)
	// Nghị định 152/2025/NĐ-CP equal-merit rule: ≥ 7/10 women
	// thidua: date "2017-01-01": no rule set in force on that date
}

// "Không quá 20%" of the collectives leading clusters, rounded down.
func ExampleQuota_Limit() {
	q := thidua.ShareOfLeaders(1, 5)
	for _, leaders := range []int{4, 5, 9, 10} {
		fmt.Printf("%d leaders: %d Government flag(s)\n", leaders, q.Limit(0, leaders))
	}
	// Output:
	// 4 leaders: 0 Government flag(s)
	// 5 leaders: 1 Government flag(s)
	// 9 leaders: 1 Government flag(s)
	// 10 leaders: 2 Government flag(s)
}

// Cluster 3's 2023 review under the rules then in force, with a quota of one
// flag and two certificates. The article of 08/12/2023 publishes the outcome
// only; the ranks, totals and votes here are illustrative.
func ExampleDecideCandidates() {
	rs, _ := thidua.RulesOn(thidua.MustDate(2023, 12, 8))
	rules, err := rs.AwardRules(map[thidua.Award]thidua.Quota{
		thidua.MinistryFlag:  thidua.CountQuota(1),
		thidua.MinistryMerit: thidua.CountQuota(2),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	flagVote := func(votes int) map[thidua.Award]thidua.VoteCount {
		return map[thidua.Award]thidua.VoteCount{
			thidua.MinistryFlag: {Votes: votes, Base: 9, Passed: votes >= 8},
		}
	}
	candidates := []thidua.Candidate{
		{Unit: "bac-ninh", Rank: 1, Total: decimal.RequireFromString("97.5"), LeadsCluster: true, Votes: flagVote(9)},
		{Unit: "hai-duong", Rank: 2, Total: decimal.RequireFromString("96.25"), Votes: flagVote(2)},
		{Unit: "vinh-phuc", Rank: 3, Total: decimal.RequireFromString("95"), Votes: flagVote(1)},
		{Unit: "nam-dinh", Rank: 4, Total: decimal.RequireFromString("94.75"), Votes: flagVote(0),
			Facts: thidua.Facts{PendingComplaint: true}},
		{Unit: "quang-ninh", Rank: 5, Total: decimal.RequireFromString("94"), Votes: flagVote(0)},
	}
	d, err := thidua.DecideCandidates(rules, candidates, thidua.Pool{Members: 9})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Proposals {
		fmt.Printf("%s: %s — rank %d, total %s", p.Unit, p.Award.Vietnamese(), p.Rank, p.Total.StringFixed(2))
		if !p.Threshold.IsZero() {
			fmt.Printf(", %d/%d votes (%s)", p.Vote.Votes, p.Vote.Base, p.Threshold)
		}
		fmt.Printf(", standards: %s\n", strings.Join(p.Standards, "; "))
	}
	for _, x := range d.Declined {
		if x.Award == thidua.MinistryMerit {
			fmt.Printf("not %s: %s (%s: %s)\n", x.Award, x.Unit, x.Reason, x.Detail)
		}
	}
	// Output:
	// bac-ninh: Cờ thi đua của bộ, ban, ngành, tỉnh — rank 1, total 97.50, 9/9 votes (≥ 4/5 of electorate), standards: no pending case
	// hai-duong: Bằng khen của bộ, ban, ngành, tỉnh — rank 2, total 96.25, standards: no pending case
	// vinh-phuc: Bằng khen của bộ, ban, ngành, tỉnh — rank 3, total 95.00, standards: no pending case
	// not ministry-merit: bac-ninh (higher-award: proposed for ministry-flag)
	// not ministry-merit: nam-dinh (pending-case: complaint being verified)
	// not ministry-merit: quang-ninh (quota-full: quota 2 full at 2)
}

// Decide from standings and tallies: the 2023 Cluster 3 outcome from
// illustrative scores and ballots (the article publishes outcomes only).
func ExampleDecide() {
	d := decimal.RequireFromString
	c := thidua.MustCluster(thidua.ClusterSpec{ID: "mic-cluster-3", Name: "Cụm thi đua số 3", Kind: thidua.KindCluster, Year: 2023,
		Members: []thidua.Unit{
			{ID: "bac-ninh", Name: "Sở TT&TT Bắc Ninh", ShortName: "Bắc Ninh"},
			{ID: "hai-duong", Name: "Sở TT&TT Hải Dương", ShortName: "Hải Dương"},
			{ID: "vinh-phuc", Name: "Sở TT&TT Vĩnh Phúc", ShortName: "Vĩnh Phúc"},
			{ID: "nam-dinh", Name: "Sở TT&TT Nam Định", ShortName: "Nam Định"},
			{ID: "ha-nam", Name: "Sở TT&TT Hà Nam", ShortName: "Hà Nam"},
		},
		Leader: "bac-ninh", Deputy: "nam-dinh"})
	card := thidua.MustScorecard(thidua.ScorecardSpec{ID: "c3", Name: "Bảng điểm", Year: 2023,
		Criteria: []thidua.CriterionSpec{{ID: "x", Name: "Kết quả", Max: d("100")}}})
	var as []thidua.Assessment
	for id, total := range map[thidua.UnitID]string{"bac-ninh": "97", "hai-duong": "95", "vinh-phuc": "93", "nam-dinh": "91", "ha-nam": "88"} {
		as = append(as, thidua.Assessment{Unit: id, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"x": d(total)}})
	}
	standings, _ := card.Score(c, as, thidua.ScoringPolicy{})

	flag := thidua.MustContest(thidua.ContestSpec{ID: "flag", Year: 2023, Candidates: c.MemberIDs(), Electorate: 5,
		Method: thidua.Approval, Threshold: thidua.AtLeast(4, 5).Of(thidua.Electorate), MaxMarks: 1})
	flagVote, _ := flag.Tally([]thidua.Ballot{{Approve: []thidua.UnitID{"bac-ninh"}, Count: 4}, {Approve: []thidua.UnitID{"nam-dinh"}}})
	merit := thidua.MustContest(thidua.ContestSpec{ID: "merit", Year: 2023, Candidates: c.MemberIDs(), Electorate: 5,
		Method: thidua.Approval, MaxMarks: 2})
	meritVote, _ := merit.Tally([]thidua.Ballot{{Approve: []thidua.UnitID{"hai-duong", "vinh-phuc"}, Count: 5}})

	rules, _ := thidua.Decree91_2017().AwardRules(map[thidua.Award]thidua.Quota{
		thidua.MinistryFlag: thidua.CountQuota(1), thidua.MinistryMerit: thidua.CountQuota(2)})
	decision, err := thidua.Decide(rules, thidua.DecideInput{Cluster: c, Standings: standings,
		Votes: map[thidua.Award]thidua.Result{thidua.MinistryFlag: flagVote, thidua.MinistryMerit: meritVote}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range decision.Proposals {
		vote := "no vote needed"
		if !p.Threshold.IsZero() {
			vote = fmt.Sprintf("%d/%d votes, %s", p.Vote.Votes, p.Vote.Base, p.Threshold)
		}
		fmt.Printf("%s: %s (rank %d, %s points, %s)\n", p.Award.Vietnamese(), c.Label(p.Unit), p.Rank, p.Total.StringFixed(2), vote)
	}
	for _, x := range decision.Declined {
		if x.Reason == thidua.DeclinedVoteShort && x.Unit == "nam-dinh" {
			fmt.Printf("not %s: %s, %s\n", x.Award, c.Label(x.Unit), x.Detail)
		}
	}
	// Output:
	// Cờ thi đua của bộ, ban, ngành, tỉnh: Bắc Ninh (rank 1, 97.00 points, 4/5 votes, ≥ 4/5 of electorate)
	// Bằng khen của bộ, ban, ngành, tỉnh: Hải Dương (rank 2, 95.00 points, no vote needed)
	// Bằng khen của bộ, ban, ngành, tỉnh: Vĩnh Phúc (rank 3, 93.00 points, no vote needed)
	// not ministry-flag: Nam Định, 1 of 5 votes, needs 4 (≥ 4/5 of electorate)
}
