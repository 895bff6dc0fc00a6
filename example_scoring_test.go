package thidua_test

import (
	"fmt"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// The scores below are illustrative: the article on Cluster 3's 2023 review
// publishes outcomes only, no scores.
func ExampleScorecard_Score() {
	d := decimal.RequireFromString
	card := thidua.MustScorecard(thidua.ScorecardSpec{
		ID: "cum-3-2023", Name: "Bảng chấm điểm thi đua năm 2023", Year: 2023,
		Criteria: []thidua.CriterionSpec{
			{ID: "I", Name: "Thực hiện nhiệm vụ chuyên môn", Children: []thidua.CriterionSpec{
				{ID: "I.1", Name: "Chuyển đổi số", Max: d("20"), Weight: d("2")},
				{ID: "I.2", Name: "Bưu chính, viễn thông", Max: d("30")},
			}},
			{ID: "II", Name: "Công tác thi đua, khen thưởng", Max: d("30"), Children: []thidua.CriterionSpec{
				{ID: "II.1", Name: "Phong trào thi đua", Max: d("30")},
			}},
			{ID: "thuong", Name: "Điểm thưởng", Kind: thidua.CriterionBonus, Max: d("10")},
			{ID: "tru", Name: "Điểm trừ", Kind: thidua.CriterionDeduction, Max: d("10")},
		},
	})
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
	// The appraisal team (tổ thẩm định) led by the cluster leader scores everyone.
	appraise := func(unit thidua.UnitID, i1, i2, ii1, bonus, minus string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "bac-ninh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{
				"I.1": d(i1), "I.2": d(i2), "II.1": d(ii1), "thuong": d(bonus), "tru": d(minus)}}
	}
	assessments := []thidua.Assessment{
		appraise("bac-ninh", "19", "28", "27", "10", "0"),   // 103
		appraise("nam-dinh", "18", "27", "28.5", "5", "0"),  // 96.5
		appraise("hai-duong", "19", "26", "26.5", "6", "0"), // 96.5, more under I
		appraise("vinh-phuc", "17", "26", "29", "5", "0.5"), // 93.5
	}
	policy := thidua.ScoringPolicy{TieBreakers: []thidua.TieBreaker{thidua.ByCriterion("I")}}
	standings, err := card.Score(cluster, assessments, policy)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("base", card.BaseMax().StringFixed(0), "+ bonus", card.BonusMax().StringFixed(0))
	for _, s := range standings.Ranked() {
		i, _ := s.Points("I")
		line := fmt.Sprintf("%d. %-10s %6s (I: %s, on 100: %s)", s.Rank, cluster.Label(s.Unit),
			s.Total.StringFixed(2), i.StringFixed(2), s.Scaled.StringFixed(2))
		if s.TieBreak != "" {
			line += " separated by " + s.TieBreak
		}
		fmt.Println(line)
	}
	fmt.Println("ties:", standings.Ties())
	// Output:
	// base 100 + bonus 10
	// 1. Bắc Ninh   103.00 (I: 66.00, on 100: 103.00)
	// 2. Hải Dương   96.50 (I: 64.00, on 100: 96.50) separated by criterion "I"
	// 3. Nam Định    96.50 (I: 63.00, on 100: 96.50) separated by criterion "I"
	// 4. Vĩnh Phúc   93.50 (I: 60.00, on 100: 93.50)
	// ties: []
}
