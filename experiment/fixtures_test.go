package experiment

// Fixtures for the package's tests: the roster of Emulation Cluster No. 3
// (Cụm thi đua số 3) as the 08/12/2023 article lists it, a simulated
// scorecard, and the cluster's flag experiment.

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
)

// Cluster 3's members, in the order the article lists them.
var cluster3Units = []thidua.Unit{
	{ID: "bac-ninh", Name: "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", ShortName: "Bắc Ninh"},
	{ID: "nam-dinh", Name: "Sở Thông tin và Truyền thông tỉnh Nam Định", ShortName: "Nam Định"},
	{ID: "ninh-binh", Name: "Sở Thông tin và Truyền thông tỉnh Ninh Bình", ShortName: "Ninh Bình"},
	{ID: "vinh-phuc", Name: "Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc", ShortName: "Vĩnh Phúc"},
	{ID: "hung-yen", Name: "Sở Thông tin và Truyền thông tỉnh Hưng Yên", ShortName: "Hưng Yên"},
	{ID: "quang-ninh", Name: "Sở Thông tin và Truyền thông tỉnh Quảng Ninh", ShortName: "Quảng Ninh"},
	{ID: "thai-binh", Name: "Sở Thông tin và Truyền thông tỉnh Thái Bình", ShortName: "Thái Bình"},
	{ID: "hai-duong", Name: "Sở Thông tin và Truyền thông tỉnh Hải Dương", ShortName: "Hải Dương"},
	{ID: "ha-nam", Name: "Sở Thông tin và Truyền thông tỉnh Hà Nam", ShortName: "Hà Nam"},
}

// cluster3Spec returns the 2023 roster: Bắc Ninh leader, Nam Định deputy.
func cluster3Spec() thidua.ClusterSpec {
	return thidua.ClusterSpec{
		ID:        "mic-cluster-3",
		Name:      "Cụm thi đua số 3",
		Organizer: "Bộ Thông tin và Truyền thông",
		Kind:      thidua.KindCluster,
		Year:      2023,
		Members:   append([]thidua.Unit(nil), cluster3Units...),
		Leader:    "bac-ninh",
		Deputy:    "nam-dinh",
	}
}

func cluster3() thidua.Cluster { return thidua.MustCluster(cluster3Spec()) }

// simCard is a table of groups×per leaves with maxima 5 or 10 and weights 1,
// 1.5 or 2, plus a bonus and a deduction.
func simCard(t testing.TB, groups, per int) thidua.Scorecard {
	var cs []thidua.CriterionSpec
	for g := range groups {
		grp := thidua.CriterionSpec{ID: thidua.CriterionID(fmt.Sprintf("G%d", g)), Name: "nhóm"}
		for k := range per {
			w := []string{"1", "1.5", "2"}[(g+k)%3]
			grp.Children = append(grp.Children, thidua.CriterionSpec{ID: thidua.CriterionID(fmt.Sprintf("G%d.%d", g, k)),
				Name: "tiêu chí", Max: decimal.NewFromInt(int64(5 + 5*(k%2))), Weight: decimal.RequireFromString(w)})
		}
		cs = append(cs, grp)
	}
	cs = append(cs, thidua.CriterionSpec{ID: "thuong", Name: "thưởng", Kind: thidua.CriterionBonus, Max: decimal.NewFromInt(5)},
		thidua.CriterionSpec{ID: "tru", Name: "trừ", Kind: thidua.CriterionDeduction, Max: decimal.NewFromInt(5)})
	card, err := thidua.NewScorecard(thidua.ScorecardSpec{ID: "sim", Name: "mô phỏng", Year: 2023, Criteria: cs})
	require.NoError(t, err)
	return card
}

func simQuality(c thidua.Cluster, spread int) map[thidua.UnitID]int {
	q := map[thidua.UnitID]int{}
	for i, u := range c.Members() {
		q[u.ID] = 850 - spread*i
	}
	return q
}

// flagRules is one flag by vote under threshold th and two certificates.
func flagRules(t testing.TB, th thidua.Threshold) thidua.AwardRules {
	r, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), Vote: th},
		thidua.AwardRule{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(2)})
	require.NoError(t, err)
	return r
}

// flagExperiment is Cluster 3 under the three flag rules of issue 8.
func flagExperiment(t testing.TB, years int) Experiment {
	c := cluster3()
	p := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	return Experiment{
		Cluster: c, Scorecard: simCard(t, 3, 10), Years: years,
		Assessments: AssessmentModel{Quality: simQuality(c, 15), Noise: 120, Kind: thidua.AssessorPeer, DeductionShare: 200},
		Ballots:     BallotModel{Noise: 150, TopK: 2, Absent: 100},
		Quorum:      thidua.AtLeast(2, 3),
		Variants: []Variant{
			{Name: "80% of members", Policy: p, Rules: flagRules(t, thidua.AtLeast(4, 5).Of(thidua.BaseElectorate))},
			{Name: "2/3 of present", Policy: p, Rules: flagRules(t, thidua.AtLeast(2, 3).Of(thidua.BasePresent))},
			{Name: "majority of valid", Policy: p, Rules: flagRules(t, thidua.MoreThan(1, 2).Of(thidua.BaseValid))},
		},
	}
}

// Would a flag threshold of 80% of all members leave many clusters without a
// flag? More than the looser rules do.
