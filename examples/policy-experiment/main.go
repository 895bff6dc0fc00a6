// Command policy-experiment is a policy experiment (thử nghiệm chính sách) on
// Emulation Cluster No. 3 of the Ministry of Information and Communications
// (Cụm thi đua số 3, Bộ TT&TT) as it stood in 2023: nine provincial
// departments, 10,000 simulated years, three rules for the vote on the
// Ministry's Emulation Flag (Cờ thi đua của Bộ):
//
//   - at least 80% of all members (AtLeast(4, 5).Of(BaseElectorate));
//   - at least two thirds of those present (AtLeast(2, 3).Of(Present));
//   - more than half of the valid ballots (MoreThan(1, 2).Of(Valid)).
//
// It prints how often each rule leaves the cluster without a flag, how often
// the top scorer misses the flag, and how often the vote needs a runoff; then
// how sensitive the seed scorecard's ranking is to its weights (hệ số), for
// one simulated year's marks and for the illustrative marks of
// examples/cluster3-2023.
//
// Every figure is simulated: the units' latent qualities, the marks, the
// ballots and the absences are drawn from a seeded random source; the
// scorecard and the illustrative marks are those of examples/cluster3-2023.
// None of it is data from the cluster.
//
//	go run ./examples/policy-experiment
//	go run ./examples/policy-experiment -years 100000 -seed 7
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/experiment"
)

func main() {
	years := flag.Int("years", 10000, "simulated years, and sensitivity samples")
	seed := flag.Uint64("seed", 2023, "seed of the random source")
	flag.Parse()
	if err := run(os.Stdout, *years, *seed); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

const note = `Lưu ý: mọi số liệu dưới đây là số liệu mô phỏng (chất lượng, điểm chấm, phiếu bầu, vắng mặt
đều được sinh ngẫu nhiên với hạt giống cố định); bảng điểm và điểm chấm minh họa lấy từ
examples/cluster3-2023. Không phải số liệu thật của cụm.
Note: every figure below is simulated from a fixed seed; none is data from the cluster.
`

// members are the nine departments in the order the 2023 article lists them,
// with the illustrative quality (out of 100) of examples/cluster3-2023.
var members = []struct {
	id       thidua.UnitID
	province string
	quality  int64
}{
	{"bac-ninh", "Bắc Ninh", 97},
	{"nam-dinh", "Nam Định", 90},
	{"ninh-binh", "Ninh Bình", 86},
	{"vinh-phuc", "Vĩnh Phúc", 93},
	{"hung-yen", "Hưng Yên", 85},
	{"quang-ninh", "Quảng Ninh", 89},
	{"thai-binh", "Thái Bình", 84},
	{"hai-duong", "Hải Dương", 95},
	{"ha-nam", "Hà Nam", 83},
}

// flagRule is one of the three rules the experiment compares.
type flagRule struct {
	name string
	vote thidua.Threshold
}

var flagRules = []flagRule{
	{"80% of all members", thidua.AtLeast(4, 5).Of(thidua.BaseElectorate)},
	{"2/3 of those present", thidua.AtLeast(2, 3).Of(thidua.BasePresent)},
	{"majority of valid ballots", thidua.MoreThan(1, 2).Of(thidua.BaseValid)},
}

func run(w io.Writer, years int, seed uint64) error {
	cluster, err := cluster3()
	if err != nil {
		return err
	}
	card, err := thidua.NewScorecard(scorecard())
	if err != nil {
		return err
	}
	fmt.Fprint(w, note+"\n")
	e, err := flagExperiment(cluster, card, years)
	if err != nil {
		return err
	}
	rep, err := e.Run(rand.New(rand.NewPCG(seed, 1)))
	if err != nil {
		return err
	}
	printFlags(w, rep)
	// One year marked by an appraisal team (tổ thẩm định) alone: one assessor's
	// noise, not averaged away over nine peers.
	m := e.Assessments
	m.Kind = thidua.AssessorAppraisal
	simulated, err := experiment.GenerateAssessments(rand.New(rand.NewPCG(seed, 3)), card, cluster, m)
	if err != nil {
		return err
	}
	return printSensitivity(w, cluster, card, simulated, years, seed)
}

func cluster3() (thidua.Cluster, error) {
	units := make([]thidua.Unit, len(members))
	for i, m := range members {
		units[i] = thidua.Unit{ID: m.id, Name: "Sở Thông tin và Truyền thông tỉnh " + m.province, ShortName: m.province}
	}
	return thidua.NewCluster(thidua.ClusterSpec{
		ID: "mic-cluster-3", Name: "Cụm thi đua số 3", Organizer: "Bộ Thông tin và Truyền thông",
		Kind: thidua.KindCluster, Year: 2023, Members: units, Leader: "bac-ninh", Deputy: "nam-dinh",
	})
}

// flagExperiment is the cluster's year under each flag rule: the flag (one, by
// vote) and two Certificates of Merit (by rank), on the same draws.
func flagExperiment(c thidua.Cluster, card thidua.Scorecard, years int) (experiment.Experiment, error) {
	quality := map[thidua.UnitID]int{}
	for _, m := range members {
		quality[m.id] = int(m.quality) * 9 // per mille, so that noise rarely hits the ceiling
	}
	policy := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	e := experiment.Experiment{
		Cluster: c, Scorecard: card, Years: years,
		// Every member cross-scores every member; the own row is ignored.
		Assessments: experiment.AssessmentModel{Quality: quality, Noise: 100, SelfInflation: 50,
			DeductionShare: 200, Kind: thidua.AssessorPeer},
		// Each member present approves the two units it perceives best; one in
		// ten is absent; two thirds must be present.
		Ballots: experiment.BallotModel{Noise: 60, TopK: 2, Absent: 100},
		Quorum:  thidua.AtLeast(2, 3),
	}
	for _, fr := range flagRules {
		rules, err := thidua.NewAwardRules(
			thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), Vote: fr.vote},
			thidua.AwardRule{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(2)})
		if err != nil {
			return experiment.Experiment{}, err
		}
		e.Variants = append(e.Variants, experiment.Variant{Name: fr.name, Policy: policy, Rules: rules})
	}
	return e, nil
}

func percent(n, of int) string {
	return decimal.NewFromInt(int64(100*n)).DivRound(decimal.NewFromInt(int64(of)), 1).StringFixed(1) + "%"
}

func printFlags(w io.Writer, rep experiment.Report) {
	fmt.Fprintf(w, "Cờ thi đua của Bộ: %d năm mô phỏng / Ministry flag: %d simulated years\n\n", rep.Years, rep.Years)
	fmt.Fprintf(w, "%-27s %-22s %9s %14s %9s\n", "flag rule", "threshold", "no flag", "top misses it", "runoff")
	for i, v := range rep.Variants {
		a, _ := v.Award(thidua.AwardMinistryFlag)
		fmt.Fprintf(w, "%-27s %-22s %9s %14s %9s\n", v.Name, flagRules[i].vote,
			percent(a.NotProposed, rep.Years), percent(a.TopMissed, rep.Years), percent(a.Runoffs, rep.Years))
	}
	if v := rep.Variants[0]; v.NoQuorum > 0 {
		fmt.Fprintf(w, "(years without a quorum, no vote held: %s)\n", percent(v.NoQuorum, rep.Years))
	}
	fmt.Fprintln(w)
}

// printSensitivity prints the sensitivity table for one simulated year's
// assessments on the seed scorecard, then the smallest change of one weight
// that changes who ranks first, for those marks and for the illustrative ones.
func printSensitivity(w io.Writer, c thidua.Cluster, card thidua.Scorecard, simulated []thidua.Assessment,
	samples int, seed uint64) error {
	policy := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	cp, err := thidua.Compile(card, c, simulated, policy)
	if err != nil {
		return err
	}
	delta := decimal.RequireFromString("0.5")
	s, err := experiment.SensitivitySpec{Samples: samples, Delta: delta, Quota: 3}.Run(cp, rand.New(rand.NewPCG(seed, 2)))
	if err != nil {
		return err
	}
	base := cp.Score()
	fmt.Fprintf(w, "Độ nhạy của bảng điểm / sensitivity of the seed scorecard, one simulated year's appraisal:\n")
	fmt.Fprintf(w, "each weight (hệ số) moved by up to ±%s, %d samples\n\n", delta.StringFixed(1), s.Samples)
	fmt.Fprintf(w, "%-12s %7s %5s %4s %5s %7s %9s\n", "unit", "total", "rank", "best", "worst", "first", "top 3")
	for i, u := range s.Units {
		fmt.Fprintf(w, "%-12s %7s %5d %4d %5d %7s %9s\n", u.Unit, base.Total(i).StringFixed(2), u.BaseRank,
			u.BestRank, u.WorstRank, percent(u.First, s.Samples), percent(u.InQuota, s.Samples))
	}
	fmt.Fprintf(w, "\nsmallest single-weight change that changes who ranks first:\n")
	if err := printLeadChange(w, "simulated marks", cp); err != nil {
		return err
	}
	illustrative, err := thidua.Compile(card, c, assessments(card, c), policy)
	if err != nil {
		return err
	}
	return printLeadChange(w, "illustrative marks of examples/cluster3-2023", illustrative)
}

func printLeadChange(w io.Writer, what string, cp thidua.Compiled) error {
	lc, ok, err := experiment.LeadChangeOf(cp, 2)
	if err != nil {
		return err
	}
	if !ok {
		fmt.Fprintf(w, "- %s: none; the leader leads on every criterion, so no single weight changes the lead\n", what)
		return nil
	}
	fmt.Fprintf(w, "- %s: weight of %s by %s (exactly %s), and %s reaches %s\n",
		what, lc.Criterion, lc.Change.StringFixed(2), lc.Exact().RatString(), lc.Rival, lc.Leader)
	return nil
}

// fields are the eight fields of the sector the 2023 article names.
var fields = []struct{ id, name string }{
	{"B.1", "Bưu chính"},
	{"B.2", "Viễn thông"},
	{"B.3", "Chính quyền số và chuyển đổi số"},
	{"B.4", "An toàn thông tin"},
	{"B.5", "Kinh tế số, xã hội số"},
	{"B.6", "Công nghiệp ICT"},
	{"B.7", "Báo chí, truyền thông"},
	{"B.8", "Xuất bản"},
}

// movements are the emulation movements the article names.
var movements = []struct{ id, name string }{
	{"A.1", "Ngành Thông tin và Truyền thông chung sức xây dựng nông thôn mới"},
	{"A.2", "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"},
	{"A.3", "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở"},
	{"A.4", "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, thực hành tiết kiệm, chống lãng phí"},
	{"A.5", "Thi đua đổi mới, sáng tạo, đi đầu thực hiện chuyển đổi số để phát triển bền vững"},
}

// scorecard is the illustrative scorecard of examples/cluster3-2023.
func scorecard() thidua.ScorecardSpec {
	d := decimal.NewFromInt
	var a, b []thidua.CriterionSpec
	for _, m := range movements {
		a = append(a, thidua.CriterionSpec{ID: thidua.CriterionID(m.id), Name: m.name, Max: d(4)})
	}
	for _, f := range fields {
		c := thidua.CriterionSpec{ID: thidua.CriterionID(f.id), Name: f.name, Max: d(8)}
		if f.id == "B.3" {
			// Digital transformation counts double (hệ số 2) on a 4-point mark.
			c.Max, c.Weight = d(4), d(2)
		}
		b = append(b, c)
	}
	return thidua.ScorecardSpec{
		ID: "mic-cluster-3-2023", Name: "Bảng chấm điểm thi đua năm 2023 (minh họa)", Year: 2023,
		Criteria: []thidua.CriterionSpec{
			{ID: "A", Name: "Tổ chức các phong trào thi đua", Children: a},
			{ID: "B", Name: "Thực hiện nhiệm vụ trên 08 lĩnh vực quản lý", Children: b},
			{ID: "C", Name: "Công tác khen thưởng, điển hình tiên tiến", Children: []thidua.CriterionSpec{
				{ID: "C.1", Name: "Khen thưởng đúng đối tượng, kịp thời", Max: d(8)},
				{ID: "C.2", Name: "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến", Max: d(8)},
			}},
			{ID: "D", Name: "Điểm thưởng: sáng kiến, mô hình mới", Kind: thidua.CriterionBonus, Max: d(5)},
			{ID: "E", Name: "Điểm trừ: chậm báo cáo", Kind: thidua.CriterionDeduction, Max: d(5)},
		},
	}
}

// assessments are the illustrative marks of examples/cluster3-2023: each unit
// scores itself (tự chấm) and is cross-scored (chấm chéo) by the three
// members after it in the roster; the peers' mean counts.
func assessments(card thidua.Scorecard, c thidua.Cluster) []thidua.Assessment {
	quarter := decimal.RequireFromString("0.25")
	ids := c.MemberIDs()
	var out []thidua.Assessment
	for i, m := range members {
		for k := 0; k <= 3; k++ {
			assessor, kind := ids[(i+k)%len(ids)], thidua.AssessorPeer
			if k == 0 {
				kind = thidua.AssessorSelf
			}
			marks := map[thidua.CriterionID]decimal.Decimal{}
			for j, leaf := range card.Leaves() {
				switch leaf.Kind {
				case thidua.CriterionBonus:
					marks[leaf.ID] = decimal.NewFromInt(max(0, m.quality-90) / 2)
				case thidua.CriterionDeduction:
					marks[leaf.ID] = decimal.NewFromInt(int64((i + j) % 2))
				default:
					v := leaf.Max.Mul(decimal.NewFromInt(m.quality)).DivRound(decimal.NewFromInt(100), 4)
					v = v.Sub(quarter.Mul(decimal.NewFromInt(int64((k + j) % 3))))
					marks[leaf.ID] = decimal.Max(decimal.Zero, v.Mul(decimal.NewFromInt(4)).Floor().Mul(quarter))
				}
			}
			out = append(out, thidua.Assessment{Unit: m.id, Assessor: assessor, Kind: kind, Marks: marks})
		}
	}
	return out
}
