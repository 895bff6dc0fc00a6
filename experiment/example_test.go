package experiment_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/experiment"
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

// How far can the weights move before the lead changes? SensitivitySpec.Run draws
// perturbed weights from a seeded source; LeadChangeOf finds, exactly, the
// smallest change of one weight that lets a rival reach the leader.
func ExampleSensitivitySpec_Run() {
	d := decimal.RequireFromString
	cluster, card := simCluster()
	appraise := func(unit thidua.UnitID, cds, bc string) thidua.Assessment {
		return thidua.Assessment{Unit: unit, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"chuyen-doi-so": d(cds), "buu-chinh": d(bc)}}
	}
	cp, err := thidua.Compile(card, cluster, []thidua.Assessment{
		appraise("bac-ninh", "19.5", "52"),
		appraise("nam-dinh", "16", "57.25"),
		appraise("hai-duong", "18", "54.5"),
		appraise("vinh-phuc", "17", "55"),
	}, thidua.ScoringPolicy{})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := experiment.SensitivitySpec{Samples: 1000, Delta: d("0.3"), Quota: 2}.Run(cp, rand.New(rand.NewPCG(2023, 12)))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range s.Units {
		fmt.Printf("%-9s rank %d, best %d, worst %d, first in %4d, top 2 in %4d of %d\n",
			u.Unit, u.BaseRank, u.BestRank, u.WorstRank, u.First, u.InQuota, s.Samples)
	}
	lc, ok, err := experiment.LeadChangeOf(cp, 2)
	if err != nil || !ok {
		fmt.Println("no single weight changes the lead", err)
		return
	}
	fmt.Printf("%s reaches %s when the weight of %s moves by %s (exactly %s)\n",
		lc.Rival, lc.Leader, lc.Criterion, lc.Change.StringFixed(2), lc.Exact().RatString())
	// Output:
	// bac-ninh  rank 1, best 1, worst 3, first in  814, top 2 in  942 of 1000
	// nam-dinh  rank 3, best 1, worst 4, first in   13, top 2 in   63 of 1000
	// hai-duong rank 2, best 1, worst 2, first in  174, top 2 in 1000 of 1000
	// vinh-phuc rank 4, best 3, worst 4, first in    0, top 2 in    0 of 1000
	// hai-duong reaches bac-ninh when the weight of buu-chinh moves by 0.20 (exactly 1/5)
}

// Would a flag threshold of 80% of all members leave the cluster without a
// flag more often than a simple majority of valid ballots? An Experiment
// reviews simulated years under both rules on the same draws.
func ExampleExperiment_Run() {
	cluster, card := simCluster()
	policy := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	e := experiment.Experiment{
		Cluster: cluster, Scorecard: card, Years: 1000,
		// Latent quality per mille; every member cross-scores every member.
		Assessments: experiment.AssessmentModel{Kind: thidua.AssessorPeer, Noise: 100,
			Quality: map[thidua.UnitID]int{"bac-ninh": 900, "nam-dinh": 860, "hai-duong": 880, "vinh-phuc": 850}},
		// Each member approves the unit it perceives best.
		Ballots: experiment.BallotModel{Noise: 60, TopK: 1},
		// Years are reviewed on two goroutines; the report is the same for any
		// number (0, the default, uses every core).
		Workers: 2,
	}
	for _, v := range []struct {
		name string
		vote thidua.Threshold
	}{
		{"80% of members", thidua.AtLeast(4, 5).Of(thidua.BaseElectorate)},
		{"majority of valid", thidua.MoreThan(1, 2).Of(thidua.BaseValid)},
	} {
		rules, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), Vote: v.vote})
		if err != nil {
			fmt.Println(err)
			return
		}
		e.Variants = append(e.Variants, experiment.Variant{Name: v.name, Policy: policy, Rules: rules})
	}
	rep, err := e.Run(rand.New(rand.NewPCG(2023, 12)))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range rep.Variants {
		flag, _ := v.Award(thidua.AwardMinistryFlag)
		best, _ := v.Unit("bac-ninh")
		fmt.Printf("%-17s no flag %3d, top scorer misses it %3d, runoff %d of %d years; bac-ninh flagged %d\n",
			v.Name, flag.NotProposed, flag.TopMissed, flag.Runoffs, rep.Years, best.Awards[thidua.AwardMinistryFlag])
	}
	// Output:
	// 80% of members    no flag 816, top scorer misses it 862, runoff 0 of 1000 years; bac-ninh flagged 179
	// majority of valid no flag 360, top scorer misses it 548, runoff 0 of 1000 years; bac-ninh flagged 588
}
