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
