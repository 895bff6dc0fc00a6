package thidua_test

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// simCluster is four members of Cluster 3 with a two-criterion scorecard, for
// the simulation examples. Every mark below is illustrative or simulated.
func simCluster() (thidua.Cluster, thidua.Scorecard) {
	d := decimal.RequireFromString
	cluster := thidua.MustCluster(thidua.ClusterSpec{
		ID: "mic-cluster-3", Name: "Cụm thi đua số 3", Kind: thidua.KindCluster, Year: 2023,
		Members: []thidua.Unit{
			{ID: "bac-ninh", Name: "Sở TT&TT Bắc Ninh", ShortName: "Bắc Ninh"},
			{ID: "nam-dinh", Name: "Sở TT&TT Nam Định", ShortName: "Nam Định"},
			{ID: "hai-duong", Name: "Sở TT&TT Hải Dương", ShortName: "Hải Dương"},
			{ID: "vinh-phuc", Name: "Sở TT&TT Vĩnh Phúc", ShortName: "Vĩnh Phúc"},
		},
		Leader: "bac-ninh", Deputy: "nam-dinh",
	})
	card := thidua.MustScorecard(thidua.ScorecardSpec{
		ID: "cum-3-2023", Name: "Bảng chấm điểm (minh họa)", Year: 2023,
		Criteria: []thidua.CriterionSpec{
			{ID: "chuyen-doi-so", Name: "Chuyển đổi số", Max: d("20"), Weight: d("2")},
			{ID: "buu-chinh", Name: "Bưu chính, viễn thông", Max: d("60")},
		},
	})
	return cluster, card
}

// Compile a year's scoring once and score it with other weights (hệ số): the
// totals and ranks are those Scorecard.Score gives with a scorecard carrying
// those weights, computed in int64.
func ExampleCompile() {
	d := decimal.RequireFromString
	cluster, card := simCluster()
	appraise := func(unit thidua.UnitID, cds, bc string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"chuyen-doi-so": d(cds), "buu-chinh": d(bc)}}
	}
	as := []thidua.Assessment{
		appraise("bac-ninh", "19.5", "52"),  // 91
		appraise("nam-dinh", "16", "57.25"), // 89.25
		appraise("hai-duong", "18", "54.5"), // 90.5
		appraise("vinh-phuc", "17", "55"),   // 89
	}
	policy := thidua.ScoringPolicy{}
	cp, err := thidua.Compile(card, cluster, as, policy)
	if err != nil {
		fmt.Println(err)
		return
	}
	st, _ := card.Score(cluster, as, policy)
	fmt.Println("criteria:", cp.Criteria(), "weights:", cp.Weights())
	fmt.Println("as scored:", cp.Score(), "| agrees with Score:", cp.Score().Agrees(st))
	// Digital transformation down to 1.5, posts and telecoms up to 1.2.
	other, err := cp.ScoreWith([]decimal.Decimal{d("1.5"), d("1.2")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("reweighted:", other)
	fmt.Println("first:", other.First())
	// Output:
	// criteria: [chuyen-doi-so buu-chinh] weights: [2 1]
	// as scored: 1 bac-ninh 91; 2 hai-duong 90.5; 3 nam-dinh 89.25; 4 vinh-phuc 89 | agrees with Score: true
	// reweighted: 1 nam-dinh 92.7; 2 hai-duong 92.4; 3 bac-ninh 91.65; 4 vinh-phuc 91.5
	// first: [nam-dinh]
}

// Re-score a compiled year with other marks, already chosen and summed per
// unit and criterion, without building Assessments: here two appraisals per
// unit, summed in quarters of a point (scale 2), averaged as Compile would.
func ExampleCompiled_WithMarks() {
	d := decimal.RequireFromString
	cluster, card := simCluster()
	appraise := func(unit thidua.UnitID, cds, bc string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"chuyen-doi-so": d(cds), "buu-chinh": d(bc)}}
	}
	cp, err := thidua.Compile(card, cluster, []thidua.Assessment{
		appraise("bac-ninh", "19.5", "52"), appraise("nam-dinh", "16", "57.25"),
		appraise("hai-duong", "18", "54.5"), appraise("vinh-phuc", "17", "55"),
	}, thidua.ScoringPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// Per unit (roster order), per criterion (Criteria order): the sum of two
	// marks in hundredths, and the count 2.
	sums := []int64{3700, 10800, 3300, 11300, 3650, 11000, 3500, 11100}
	counts := []int{2, 2, 2, 2, 2, 2, 2, 2}
	other, err := cp.WithMarks(sums, counts, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := other.Mark("hai-duong", "chuyen-doi-so")
	fmt.Println("hai-duong's digital transformation mark:", m)
	fmt.Println(other.Score())
	// Output:
	// hai-duong's digital transformation mark: 18.25
	// 1 hai-duong 91.5; 2 bac-ninh 91; 3 vinh-phuc 90.5; 4 nam-dinh 89.5
}

// Rank a compiled year under many sets of weights in fixed point, such as a
// grid of weights in hundredths, with one set of buffers for the whole loop.
func ExampleCompiled_RanksScaled() {
	d := decimal.RequireFromString
	cluster, card := simCluster()
	appraise := func(unit thidua.UnitID, cds, bc string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"chuyen-doi-so": d(cds), "buu-chinh": d(bc)}}
	}
	cp, err := thidua.Compile(card, cluster, []thidua.Assessment{
		appraise("bac-ninh", "19.5", "52"), appraise("nam-dinh", "16", "57.25"),
		appraise("hai-duong", "18", "54.5"), appraise("vinh-phuc", "17", "55"),
	}, thidua.ScoringPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	grid := func(yield func([]int64) bool) {
		for _, w := range [][]int64{{200, 100}, {150, 120}, {100, 200}} { // 2 and 1, 1.5 and 1.2, 1 and 2
			if !yield(w) {
				return
			}
		}
	}
	fmt.Println("units:", cp.Units())
	for ranks, err := range cp.RanksScaled(2, grid) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("ranks:", ranks)
	}
	// Output:
	// units: [bac-ninh nam-dinh hai-duong vinh-phuc]
	// ranks: [1 3 2 4]
	// ranks: [3 1 2 4]
	// ranks: [4 1 2 2]
}

// Decide many times over the same units, without the reasons: which
// candidates (by index) each rule proposes, as DecideCandidates proposes them.
func ExampleAwardRules_Seats() {
	rules, err := thidua.NewAwardRules(
		thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), Vote: thidua.AtLeast(2, 3).Of(thidua.BasePresent)},
		thidua.AwardRule{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(2)})
	if err != nil {
		fmt.Println(err)
		return
	}
	vote := func(n int) map[thidua.Award]thidua.VoteCount {
		return map[thidua.Award]thidua.VoteCount{thidua.AwardMinistryFlag: {Votes: n, Base: 4, Passed: n >= 3}}
	}
	cands := []thidua.Candidate{
		{Unit: "bac-ninh", Rank: 2, Votes: vote(2)},
		{Unit: "nam-dinh", Rank: 1, LeadsCluster: true, Votes: vote(4)},
		{Unit: "hai-duong", Rank: 3, Votes: vote(1)},
		{Unit: "vinh-phuc", Rank: 4, Votes: vote(0)},
	}
	seats, err := rules.Seats(cands, thidua.Pool{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, r := range rules.Rules() {
		fmt.Print(r.Award, ":")
		for _, k := range seats[i] {
			fmt.Print(" ", cands[k].Unit)
		}
		fmt.Println()
	}
	// Output:
	// ministry-flag: nam-dinh
	// ministry-merit: bac-ninh hai-duong
}
