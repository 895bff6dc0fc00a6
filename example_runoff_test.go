package thidua_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// The runoff loop of a year-end review: conclude, hold what is pending, and
// conclude again until nothing is. Two units tie for the one flag; the runoff
// ties again, and after the last round the leader and deputy decide. The
// figures are illustrative.
func ExampleOutcome_WithRunoff() {
	block := thidua.MustCluster(thidua.ClusterSpec{ID: "khoi-2", Name: "Khối thi đua số 2", Kind: thidua.KindBlock, Year: 2026,
		Members: []thidua.Unit{{ID: "a", Name: "Đơn vị A"}, {ID: "b", Name: "Đơn vị B"}, {ID: "c", Name: "Đơn vị C"}, {ID: "d", Name: "Đơn vị D"}},
		Leader:  "c", Deputy: "d"})
	card := thidua.MustScorecard(thidua.ScorecardSpec{ID: "k2-2026", Name: "Bảng điểm 2026", Year: 2026,
		Criteria: []thidua.CriterionSpec{{ID: "x", Name: "Kết quả", Max: decimal.NewFromInt(100)}}})
	var marks []thidua.Assessment
	for _, u := range []struct {
		id    thidua.UnitID
		total int64
	}{{"a", 90}, {"b", 90}, {"c", 80}, {"d", 70}} {
		marks = append(marks, thidua.Assessment{Unit: u.id, Assessor: "hoi-dong", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"x": decimal.NewFromInt(u.total)}})
	}
	// National rules say nothing of rounds: this block's sector (here the
	// courts' TT 01/2024) allows two ballots, then leader and deputy decide.
	date := thidua.MustDate(2026, time.December, 10)
	national, err := thidua.RulesOn(date)
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := thidua.Compose(national, thidua.Courts2024())
	if err != nil {
		fmt.Println(err)
		return
	}
	review := thidua.Review{
		Date: date, Rules: rules, Cluster: block, Scorecard: card, Assessments: marks,
		Awards: []thidua.AwardVote{{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), MaxMarks: 2,
			Rounds: [][]thidua.Ballot{{{Approve: []thidua.UnitID{"a", "b"}, Count: 4}}}}},
		Succession: thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: []thidua.UnitID{"a", "b", "c", "d"}},
	}

	outcome, err := review.Conclude()
	for err == nil && !outcome.Complete() {
		p := outcome.Pending[0]
		fmt.Printf("pending: %s, round %d, %v for %d seat(s)\n", p.Kind, p.Round, p.Units, p.Seats)
		switch p.Kind {
		case thidua.TieBreakRunoff:
			// The ballots of the runoff among p.Units (here: a tie again).
			review, err = outcome.WithRunoff(p, []thidua.Ballot{
				{Approve: []thidua.UnitID{"a"}, Count: 2}, {Approve: []thidua.UnitID{"b"}, Count: 2}})
		case thidua.TieBreakFallback:
			// The decision of whoever p.Fallback names.
			fmt.Println("decided by:", p.Fallback)
			review, err = outcome.WithSettlement(p, []thidua.UnitID{"b"})
		}
		if err == nil {
			outcome, err = review.Conclude()
		}
	}
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range outcome.Decision.Proposals {
		fmt.Printf("%s: %s (%s)\n", p.Award.English(), block.Label(p.Unit), p.DecidedBy)
	}
	// Output:
	// pending: runoff, round 2, [a b] for 1 seat(s)
	// pending: fallback, round 2, [a b] for 1 seat(s)
	// decided by: leader-and-deputy
	// Ministry or Provincial Emulation Flag: Đơn vị B (fallback)
}
