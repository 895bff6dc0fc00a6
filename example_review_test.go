package thidua_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// A small block's year-end review, end to end: the figures are illustrative.
func ExampleReview_Conclude() {
	d := decimal.RequireFromString
	block := thidua.MustCluster(thidua.ClusterSpec{ID: "khoi-1", Name: "Khối thi đua số 1", Kind: thidua.KindBlock, Year: 2026,
		Members: []thidua.Unit{{ID: "a", Name: "Đơn vị A"}, {ID: "b", Name: "Đơn vị B"}, {ID: "c", Name: "Đơn vị C"}},
		Leader:  "a", Deputy: "b"})
	card := thidua.MustScorecard(thidua.ScorecardSpec{ID: "k1-2026", Name: "Bảng điểm 2026", Year: 2026,
		Criteria: []thidua.CriterionSpec{{ID: "x", Name: "Kết quả", Max: d("100")}}})
	appraise := func(unit thidua.UnitID, total string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "hoi-dong", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"x": d(total)}}
	}
	review := thidua.Review{
		Date:        thidua.MustDate(2026, time.December, 15),
		Cluster:     block,
		Scorecard:   card,
		Assessments: []thidua.Assessment{appraise("a", "92"), appraise("b", "95.5"), appraise("c", "90")},
		Awards: []thidua.AwardVote{{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), MaxMarks: 1,
			Rounds: [][]thidua.Ballot{{{Approve: []thidua.UnitID{"b"}, Count: 3}}}}},
		Succession: thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: []thidua.UnitID{"a", "b", "c"}},
	}
	outcome, err := review.Conclude()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("rules:", outcome.Rules.Name)
	for _, p := range outcome.Decision.Proposals {
		fmt.Printf("%s: %s, rank %d, %d/%d votes\n", p.Award.English(), block.Label(p.Unit), p.Rank, p.Vote.Votes, p.Vote.Base)
	}
	l := outcome.Leadership
	fmt.Printf("%d: leader %s, deputy %s (%s)\n", l.Year, l.Leader, l.Deputy, l.By)
	fmt.Println("complete:", outcome.Complete())
	// Output:
	// rules: Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16
	// Ministry or Provincial Emulation Flag: Đơn vị B, rank 1, 3/3 votes
	// 2027: leader b, deputy c (round-robin)
	// complete: true
}
