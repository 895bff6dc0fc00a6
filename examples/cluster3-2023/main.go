// Command cluster3-2023 runs the year-end review of Emulation Cluster No. 3 of
// the Ministry of Information and Communications (Cụm thi đua số 3, Bộ TT&TT)
// held on 08/12/2023, end to end through the public API, and prints the
// documents an office files (Nghị định 30/2020/NĐ-CP): the minutes (biên
// bản), one vote-count record (biên bản kiểm phiếu) per ballot, and the
// proposal (tờ trình) with its list.
//
// The article on that review (Sở TT&TT Bắc Ninh, 08/12/2023) publishes its
// outcome only: the Ministry's Emulation Flag proposed for Bắc Ninh,
// Certificates of Merit for Hải Dương and Vĩnh Phúc, Nam Định leader and Hải
// Dương deputy for 2024. Every score and every ballot below is illustrative,
// made up to show how such an outcome comes about.
//
// The rules are those in force on 08/12/2023: Nghị định 91/2017/NĐ-CP, which
// required a secret ballot but left the threshold for collective titles to
// the body that confers them, composed with the cluster's own regulation (a
// local layer, illustrative too) that asks 80% of all members for the flag
// and 2/3 of them present.
//
// Run it from the repository root (add -lang en for the English documents,
// and -html DIR to write each document as an HTML file that prints on A4):
//
//	go run ./examples/cluster3-2023
//	go run ./examples/cluster3-2023 -html /tmp/cluster3
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

func main() {
	lang := flag.String("lang", "vi", "language of the documents: vi or en")
	dir := flag.String("html", "", "also write each document as an HTML file in this folder")
	flag.Parse()
	l := document.Vietnamese
	switch *lang {
	case "vi":
	case "en":
		l = document.English
	default:
		fmt.Fprintln(os.Stderr, "unknown -lang (want vi or en):", *lang)
		os.Exit(2)
	}
	err := run(os.Stdout, l)
	if err == nil && *dir != "" {
		err = writeHTML(*dir, l)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

const note = `Lưu ý: bài viết ngày 08/12/2023 chỉ công bố kết quả (Cờ thi đua của Bộ cho Bắc Ninh;
Bằng khen của Bộ trưởng cho Hải Dương và Vĩnh Phúc; Nam Định làm cụm trưởng, Hải Dương
làm cụm phó năm 2024). Điểm số, phiếu bầu, họ tên, giờ và số văn bản dưới đây là số liệu minh họa.
Note: the article publishes outcomes only; the scores, ballots, names, times and numbers below are illustrative.
`

// dossier concludes the seed review and builds its documents.
func dossier(lang document.Language) (document.Dossier, error) {
	review, err := SeedReview()
	if err != nil {
		return document.Dossier{}, err
	}
	outcome, err := review.Conclude()
	if err != nil {
		return document.Dossier{}, err
	}
	return document.FromOutcome(outcome, lang)
}

// run prints the note, then the documents as plain text: the minutes, one
// vote-count record per ballot, and the proposal.
func run(w io.Writer, lang document.Language) error {
	d, err := dossier(lang)
	if err != nil {
		return err
	}
	fmt.Fprint(w, note+"\n")
	fmt.Fprint(w, d.Text())
	return nil
}

// htmlFiles names the HTML file of each document.
func htmlFiles(d document.Dossier) map[string]string {
	files := map[string]string{"bien-ban.html": d.Minutes.HTML(), "to-trinh.html": d.Proposal.HTML()}
	for i, v := range d.VoteCounts {
		files[fmt.Sprintf("bien-ban-kiem-phieu-%d.html", i+1)] = v.HTML()
	}
	return files
}

// writeHTML writes each document as an HTML file in dir, which it creates.
func writeHTML(dir string, lang document.Language) error {
	d, err := dossier(lang)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, html := range htmlFiles(d) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(html), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// members are the nine departments in the order the article lists them, with
// an illustrative quality (out of 100) that drives the made-up marks.
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

// SeedReview builds the 2023 review of Cluster 3 (exported within this
// program so that its test can write the inputs as JSON).
func SeedReview() (thidua.Review, error) {
	units := make([]thidua.Unit, len(members))
	for i, m := range members {
		units[i] = thidua.Unit{ID: m.id, Name: "Sở Thông tin và Truyền thông tỉnh " + m.province, ShortName: m.province}
	}
	cluster, err := thidua.NewCluster(thidua.ClusterSpec{
		ID: "mic-cluster-3", Name: "Cụm thi đua số 3", Organizer: "Bộ Thông tin và Truyền thông",
		Kind: thidua.KindCluster, Year: 2023, Members: units, Leader: "bac-ninh", Deputy: "nam-dinh",
	})
	if err != nil {
		return thidua.Review{}, err
	}
	card, err := thidua.NewScorecard(scorecard())
	if err != nil {
		return thidua.Review{}, err
	}
	date, err := thidua.NewDate(2023, time.December, 8)
	if err != nil {
		return thidua.Review{}, err
	}
	rules, err := thidua.Compose(thidua.Decree91_2017(), Regulation())
	if err != nil {
		return thidua.Review{}, err
	}
	return thidua.Review{
		Date:        date,
		Rules:       rules,
		Place:       "Sở Thông tin và Truyền thông tỉnh Bắc Ninh",
		Cluster:     cluster,
		Scorecard:   card,
		Scoring:     thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}},
		Assessments: assessments(card, cluster),
		Awards: []thidua.AwardVote{
			{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), MaxMarks: 1, Rounds: [][]thidua.Ballot{{
				{Approve: []thidua.UnitID{"bac-ninh"}, Count: 8},
				{Approve: []thidua.UnitID{"hai-duong"}},
			}}},
			{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(2), MaxMarks: 2, Rounds: [][]thidua.Ballot{{
				{Approve: []thidua.UnitID{"hai-duong", "vinh-phuc"}, Count: 7},
				{Approve: []thidua.UnitID{"hai-duong", "nam-dinh"}},
				{Approve: []thidua.UnitID{"vinh-phuc", "quang-ninh", "ha-nam"}}, // three marks: invalid
			}}},
		},
		Succession: thidua.Succession{
			Method:      thidua.SuccessionDeputySucceeds,
			Constraints: thidua.Constraints{NoConsecutive: true},
		},
		DeputyRounds: [][]thidua.Ballot{{
			{Approve: []thidua.UnitID{"hai-duong"}, Count: 7},
			{Approve: []thidua.UnitID{"vinh-phuc"}},
			{},
		}},
		Paperwork: paperwork(),
	}, nil
}

// Regulation is the cluster's own regulation for 2023 (quy chế hoạt động
// của cụm), a local layer: the flag needs 80% of all the cluster's members,
// and the vote 2/3 of them present. Decree 91/2017 leaves these to the body
// (Điều 45 khoản 8); the regulation and its figures are illustrative.
func Regulation() thidua.RuleSet {
	doc := func(rule string, article int) thidua.Citation {
		return thidua.Citation{Rule: rule, Title: "Quy chế hoạt động của Cụm thi đua số 3 (minh họa)", Article: article,
			Signed: thidua.MustDate(2023, time.January, 1), Effective: thidua.MustDate(2023, time.January, 1),
			Layer: thidua.LayerLocal, Status: thidua.StatusRead}
	}
	return thidua.RuleSet{
		Name:  "Quy chế Cụm thi đua số 3 năm 2023 (minh họa)",
		Layer: thidua.LayerLocal,
		Sources: []thidua.Citation{
			doc("document", 0), doc("quorum", 6), doc("threshold/ministry-flag", 7),
		},
		EffectiveFrom:  thidua.MustDate(2023, time.January, 1),
		EffectiveUntil: thidua.MustDate(2023, time.December, 31),
		CouncilQuorum:  thidua.AtLeast(2, 3),
		Thresholds: map[thidua.Award]thidua.Threshold{
			thidua.AwardMinistryFlag: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate),
		},
	}
}

// fields are the eight fields of the sector the article names.
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

// assessments makes illustrative marks: each unit scores itself (tự chấm) and
// is cross-scored (chấm chéo) by the three members after it in the roster; the
// peers' mean counts. A mark is the criterion's maximum times the unit's
// quality, less a quarter point that varies with the assessor and criterion,
// rounded down to a quarter point.
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
