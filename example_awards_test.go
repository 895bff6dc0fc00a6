package thidua_test

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// The national rules in force on the day of Cluster 3's 2023 review, on a
// day in December 2026 after the amending law, and before any document.
func ExampleRulesOn() {
	rs, err := thidua.RulesOn(thidua.MustDate(2023, 12, 8))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rs.Name, "in force", rs.EffectiveFrom.Vietnamese(), "to", rs.EffectiveUntil.Vietnamese())
	fmt.Println("flag vote:", rs.Threshold(thidua.AwardMinistryFlag), "(the decree leaves it to the body)")
	fmt.Println("secret ballot:", rs.SecretBallot)
	fmt.Println("Government flag quota:", rs.GovFlagQuota)

	late, _ := thidua.RulesOn(thidua.MustDate(2026, 12, 15))
	fmt.Println(late.Name, "from", late.EffectiveFrom.Vietnamese())
	var law thidua.Citation
	for _, c := range late.Sources {
		if c.Rule == "document" && c.Document == "06/2026/QH16" {
			law = c
		}
	}
	fmt.Println("mentions Luật 06/2026/QH16:", late.Mentions("06/2026/QH16"), "; its status:", law.Status)

	_, err = thidua.RulesOn(thidua.MustDate(2017, 1, 1))
	fmt.Println(err)
	// Output:
	// Nghị định 91/2017/NĐ-CP in force 01/10/2017 to 31/12/2023
	// flag vote: none (the decree leaves it to the body)
	// secret ballot: true
	// Government flag quota: ≤ 1/5 of leaders (floor)
	// Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16 from 01/10/2026
	// mentions Luật 06/2026/QH16: true ; its status: unverified
	// thidua: date "2017-01-01": no rule set in force on that date (date before any document applies)
}

// cluster3Rules2023 is Decree 91/2017 composed with Cluster 3's own
// regulation for 2023 (illustrative), which asks 80% of all members for the
// flag.
func cluster3Rules2023() thidua.RuleSet {
	cite := func(rule string) thidua.Citation {
		return thidua.Citation{Rule: rule, Title: "Quy chế hoạt động của Cụm thi đua số 3 (minh họa)",
			Layer: thidua.LayerLocal, Status: thidua.StatusRead}
	}
	local := thidua.RuleSet{Name: "Quy chế Cụm thi đua số 3 (minh họa)", Layer: thidua.LayerLocal,
		Sources:       []thidua.Citation{cite("document"), cite("threshold/ministry-flag")},
		EffectiveFrom: thidua.MustDate(2023, 1, 1), EffectiveUntil: thidua.MustDate(2023, 12, 31),
		Thresholds: map[thidua.Award]thidua.Threshold{thidua.AwardMinistryFlag: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate)}}
	rs, err := thidua.Compose(thidua.Decree91_2017(), local)
	if err != nil {
		panic(err)
	}
	return rs
}

// The layers of a review in the science and technology sector in Bắc Ninh on
// 15/12/2026: the national rules, the sector's circular and the province's
// decision. Each value names the layer and the document that set it, and each
// change a lower layer made is recorded.
func ExampleCompose() {
	national, _ := thidua.RulesOn(thidua.MustDate(2026, 12, 15))
	rs, err := thidua.Compose(national, thidua.ScienceTechnology2025(), thidua.BacNinh2025())
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, rule := range []string{"quorum", "cutoff-tie", "over-quota-order", "excellent-years", "leads-cluster/ministry-flag"} {
		c, _ := rs.Source(rule)
		fmt.Printf("%s: %s, %s (%s)\n", rule, c.Vietnamese(), c.Layer, c.Status)
	}
	fmt.Println("quorum:", rs.CouncilQuorum, "; votes first:", rs.VotesFirst, "; flag needs leading:", rs.LeadsCluster)
	for _, c := range rs.Changes {
		if c.Rule == "quorum" {
			fmt.Println("changed:", c.English(), "-", c.Note)
		}
	}
	// Output:
	// quorum: điểm b khoản 4 Điều 8 Quyết định số 86/2025/QĐ-UBND, local (read)
	// cutoff-tie: Điều 23 Thông tư số 25/2025/TT-BKHCN, sector (read)
	// over-quota-order: Điều 23 Thông tư số 25/2025/TT-BKHCN, sector (read)
	// excellent-years: điểm d khoản 3 Điều 7 Thông tư số 25/2025/TT-BKHCN, sector (read)
	// leads-cluster/ministry-flag: khoản 1 Điều 3 Quyết định số 86/2025/QĐ-UBND, local (read)
	// quorum: ≥ 4/5 ; votes first: true ; flag needs leading: [government-flag ministry-flag]
	// changed: Decree No. 152/2025/NĐ-CP - no quorum found in the national texts (2/3 is read only in sector and local rules); none set Replaced by Thông tư 25/2025/TT-BKHCN: the value was none.
	// changed: Article 23 of Circular No. 25/2025/TT-BKHCN - Replaced by Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh: the value was ≥ 2/3.
}

// A citation in both languages.
func ExampleCitation_Vietnamese() {
	c := thidua.Citation{Rule: "threshold/ministry-flag", Document: "98/2023/NĐ-CP", Article: 30, Clause: 7,
		Layer: thidua.LayerNational, Status: thidua.StatusRead}
	fmt.Println(c.Vietnamese())
	fmt.Println(c.English())
	// Output:
	// khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP
	// Article 30(7) of Decree No. 98/2023/NĐ-CP
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
	rules, err := cluster3Rules2023().AwardRules(map[thidua.Award]thidua.Quota{
		thidua.AwardMinistryFlag:  thidua.CountQuota(1),
		thidua.AwardMinistryMerit: thidua.CountQuota(2),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	flagVote := func(votes int) map[thidua.Award]thidua.VoteCount {
		return map[thidua.Award]thidua.VoteCount{
			thidua.AwardMinistryFlag: {Votes: votes, Base: 9, Passed: votes >= 8},
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
		if x.Award == thidua.AwardMinistryMerit {
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
		Method: thidua.MethodApproval, Threshold: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate), MaxMarks: 1})
	flagVote, _ := flag.Tally([]thidua.Ballot{{Approve: []thidua.UnitID{"bac-ninh"}, Count: 4}, {Approve: []thidua.UnitID{"nam-dinh"}}})
	merit := thidua.MustContest(thidua.ContestSpec{ID: "merit", Year: 2023, Candidates: c.MemberIDs(), Electorate: 5,
		Method: thidua.MethodApproval, MaxMarks: 2})
	meritVote, _ := merit.Tally([]thidua.Ballot{{Approve: []thidua.UnitID{"hai-duong", "vinh-phuc"}, Count: 5}})

	rules, _ := cluster3Rules2023().AwardRules(map[thidua.Award]thidua.Quota{
		thidua.AwardMinistryFlag: thidua.CountQuota(1), thidua.AwardMinistryMerit: thidua.CountQuota(2)})
	decision, err := thidua.Decide(rules, thidua.DecideInput{Cluster: c, Standings: standings,
		Votes: map[thidua.Award]thidua.Result{thidua.AwardMinistryFlag: flagVote, thidua.AwardMinistryMerit: meritVote}})
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

// The standards read each unit's record (hồ sơ thi đua). Under the science
// and technology sector's circular and Bắc Ninh's decision, the provincial
// flag goes only to the unit leading its cluster, and the Certificate of
// Merit needs two consecutive years rated "hoàn thành xuất sắc nhiệm vụ". The
// units and figures are illustrative.
func ExampleDecideCandidates_record() {
	rs, _ := thidua.Compose(thidua.Decree152_2025(), thidua.ScienceTechnology2025(), thidua.BacNinh2025())
	rules, _ := rs.AwardRules(map[thidua.Award]thidua.Quota{
		thidua.AwardMinistryFlag: thidua.CountQuota(1), thidua.AwardMinistryMerit: thidua.CountQuota(1)})
	record := func(y2025 thidua.Rating, led bool) thidua.Facts {
		f := thidua.Facts{Record: []thidua.YearRecord{{Year: 2025, Rating: y2025}, {Year: 2026, Rating: thidua.RatingExcellent}}}
		if led {
			f.Record[1].Led = []thidua.ClusterID{"cum-3"}
		}
		return f
	}
	flag := func(v int) map[thidua.Award]thidua.VoteCount {
		return map[thidua.Award]thidua.VoteCount{thidua.AwardMinistryFlag: {Votes: v, Base: 5, Passed: v >= 4}}
	}
	d := decimal.RequireFromString
	candidates := []thidua.Candidate{
		{Unit: "tu-son", Rank: 1, Year: 2026, Total: d("96"), Votes: flag(5), Facts: record(thidua.RatingGood, false)},
		{Unit: "que-vo", Rank: 2, Year: 2026, Total: d("95"), Votes: flag(4), LeadsCluster: true, Facts: record(thidua.RatingExcellent, true)},
	}
	decision, err := thidua.DecideCandidates(rules, candidates, thidua.Pool{Members: 5})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range decision.Proposals {
		fmt.Printf("%s: %s\n", p.Unit, p.Award.Vietnamese())
	}
	for _, x := range decision.Declined {
		fmt.Printf("not %s: %s (%s; years %v)\n", x.Award, x.Unit, x.Detail, x.Years)
	}
	// Output:
	// que-vo: Cờ thi đua của bộ, ban, ngành, tỉnh
	// not ministry-flag: tu-son (did not lead the cluster in 2026; years [])
	// not ministry-merit: tu-son (2 consecutive excellent years to 2026 needed; missing 2025; years [2025])
	// not ministry-merit: que-vo (proposed for ministry-flag; years [])
}
