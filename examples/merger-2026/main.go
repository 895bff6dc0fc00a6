// Command merger-2026 runs a 2026 year-end review of Emulation Cluster No. 3
// as it stands after the 2025 reorganisation: the nine provincial departments
// of information and communications became six departments of science and
// technology (Nghị quyết 202/2025/QH15 merged the provinces; the Sở TT&TT went
// into the Sở KH&CN), and Decree 152/2025 replaced Decree 98/2023 from
// 01/07/2025. It prints the documents package document renders: the minutes,
// the vote-count records and the proposal.
//
// The review falls after 01/10/2026, the day Luật 06/2026/QH16 (which amends
// the Law on Emulation and Commendation) is reported to take effect. Its text
// was not read, so the rules are those of Decree 152/2025, each marked
// unverified against it, with the sector's circular, Thông tư
// 25/2025/TT-BKHCN, as a second layer (over a quota the most votes first; the
// Minister's Certificate of Merit after two consecutive years rated "hoàn
// thành xuất sắc nhiệm vụ"). The program prints which rules a dossier
// received on either side of that day follows, then the documents, which
// state only what was read.
//
// Everything about 2026 here is illustrative: the scores, the ballots, the
// facts (a complaint under verification at Hưng Yên; the share of women at
// Ninh Bình; the units' ratings) and the leadership are made up to show what
// the rules change: no proposal while a case is pending (Điều 4 k4), the
// collective with at least 70% women preferred among equals (Điều 4 k6), and
// a certificate refused for a missing excellent year.
//
//	go run ./examples/merger-2026
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

const note = `Lưu ý: số liệu năm 2026 (điểm, phiếu, vụ việc, tỷ lệ nữ, xếp loại, cụm trưởng, cụm phó) là minh họa.
Note: every 2026 figure here is illustrative.
`

// book is the national rules with the sector's circular.
func book() (thidua.RuleBook, error) {
	return thidua.Presets().With(thidua.ScienceTechnology2025())
}

func run(w io.Writer) error {
	review, err := review2026()
	if err != nil {
		return err
	}
	o, err := review.Conclude()
	if err != nil {
		return err
	}
	fmt.Fprint(w, note+"\n")
	if err := boundary(w, o); err != nil {
		return err
	}
	d, err := document.FromOutcome(o, document.Vietnamese)
	if err != nil {
		return err
	}
	fmt.Fprint(w, d.Text())
	return nil
}

// boundary prints the rules a dossier follows on either side of 01/10/2026.
func boundary(w io.Writer, o thidua.Outcome) error {
	b, err := book()
	if err != nil {
		return err
	}
	for _, d := range []thidua.Date{thidua.MustDate(2026, time.September, 30), o.RulesDate} {
		rs, err := b.On(d)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "Hồ sơ tiếp nhận ngày %s: %s (%d căn cứ đã đối chiếu văn bản, %d căn cứ chưa xác minh)\n",
			d.Vietnamese(), rs.Name, len(rs.Read()), len(rs.Unverified()))
		fmt.Fprintf(w, "Dossier received %s: %s (%d citations read, %d not verified)\n",
			d.Vietnamese(), rs.Name, len(rs.Read()), len(rs.Unverified()))
		if c, ok := rs.Source("transition"); ok {
			fmt.Fprintf(w, "  %s: %s\n  %s: %s\n", c.Vietnamese(), c.NoteVietnamese, c.English(), c.Note)
		}
	}
	fmt.Fprintln(w)
	return nil
}

func unit(id thidua.UnitID, name, short string) thidua.Unit {
	return thidua.Unit{ID: id, Name: name, ShortName: short}
}

// roster2026 follows the 2024 roster through the 2025 changes, with the
// leadership the 2025 review chose (illustrative): Hải Phòng, the 2025 deputy,
// leads; Bắc Ninh is deputy.
func roster2026() (thidua.Cluster, error) {
	tttt := func(id thidua.UnitID, p string) thidua.Unit {
		return unit(id, "Sở Thông tin và Truyền thông tỉnh "+p, p)
	}
	khcn := func(id thidua.UnitID, p string) thidua.Unit {
		return unit(id, "Sở Khoa học và Công nghệ tỉnh "+p, p)
	}
	c2024, err := thidua.NewCluster(thidua.ClusterSpec{
		ID: "cluster-3", Name: "Cụm thi đua số 3", Organizer: "Bộ Khoa học và Công nghệ", Kind: thidua.KindCluster, Year: 2024,
		Members: []thidua.Unit{
			tttt("bac-ninh", "Bắc Ninh"), tttt("nam-dinh", "Nam Định"), tttt("ninh-binh", "Ninh Bình"),
			tttt("vinh-phuc", "Vĩnh Phúc"), tttt("hung-yen", "Hưng Yên"), tttt("quang-ninh", "Quảng Ninh"),
			tttt("thai-binh", "Thái Bình"), tttt("hai-duong", "Hải Dương"), tttt("ha-nam", "Hà Nam"),
		},
		Leader: "nam-dinh", Deputy: "hai-duong",
	})
	if err != nil {
		return thidua.Cluster{}, err
	}
	r, err := c2024.Reorganize(2026, []thidua.UnitChange{
		{Year: 2025, From: []thidua.UnitID{"bac-ninh"}, Into: khcn("bac-ninh", "Bắc Ninh")},
		{Year: 2025, From: []thidua.UnitID{"nam-dinh", "ha-nam", "ninh-binh"}, Into: khcn("ninh-binh", "Ninh Bình")},
		{Year: 2025, From: []thidua.UnitID{"vinh-phuc"}, Into: khcn("phu-tho", "Phú Thọ")},
		{Year: 2025, From: []thidua.UnitID{"hung-yen", "thai-binh"}, Into: khcn("hung-yen", "Hưng Yên")},
		{Year: 2025, From: []thidua.UnitID{"quang-ninh"}, Into: khcn("quang-ninh", "Quảng Ninh")},
		{Year: 2025, From: []thidua.UnitID{"hai-duong"}, Into: unit("hai-phong", "Sở Khoa học và Công nghệ thành phố Hải Phòng", "Hải Phòng")},
	})
	if err != nil {
		return thidua.Cluster{}, err
	}
	return r.Cluster.WithLeadership("hai-phong", "bac-ninh")
}

func review2026() (thidua.Review, error) {
	c, err := roster2026()
	if err != nil {
		return thidua.Review{}, err
	}
	d := decimal.RequireFromString
	card, err := thidua.NewScorecard(thidua.ScorecardSpec{
		ID: "cluster-3-2026", Name: "Bảng chấm điểm thi đua năm 2026 (minh họa)", Year: 2026,
		Criteria: []thidua.CriterionSpec{
			{ID: "A", Name: "Tổ chức phong trào thi đua", Max: d("20")},
			{ID: "B", Name: "Kết quả thực hiện nhiệm vụ", Children: []thidua.CriterionSpec{
				{ID: "B.1", Name: "Khoa học, công nghệ và đổi mới sáng tạo", Max: d("20")},
				{ID: "B.2", Name: "Chuyển đổi số", Max: d("20")},
				{ID: "B.3", Name: "Bưu chính, viễn thông", Max: d("20")},
			}},
			{ID: "C", Name: "Công tác khen thưởng", Max: d("20")},
			{ID: "D", Name: "Điểm thưởng", Kind: thidua.CriterionBonus, Max: d("5")},
			{ID: "E", Name: "Điểm trừ", Kind: thidua.CriterionDeduction, Max: d("5")},
		},
	})
	if err != nil {
		return thidua.Review{}, err
	}
	// The appraisal team (tổ thẩm định) led by the cluster leader scores every
	// unit; its marks override the units' own.
	marks := map[thidua.UnitID][5]string{
		"bac-ninh":   {"19", "19.5", "19.5", "19", "19"},
		"hung-yen":   {"19", "19", "19", "19", "19"},
		"hai-phong":  {"18.5", "19", "18.5", "18.5", "18.5"},
		"ninh-binh":  {"18.5", "18.5", "19", "18.5", "18.5"},
		"phu-tho":    {"18", "18", "18", "18", "18"},
		"quang-ninh": {"17.5", "17.5", "17.5", "17.5", "18"},
	}
	var as []thidua.Assessment
	for _, id := range c.MemberIDs() {
		m := marks[id]
		as = append(as, thidua.Assessment{Unit: id, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{
				"A": d(m[0]), "B.1": d(m[1]), "B.2": d(m[2]), "B.3": d(m[3]), "C": d(m[4]), "D": d("0"), "E": d("0"),
			}})
	}
	date, err := thidua.NewDate(2026, time.December, 10)
	if err != nil {
		return thidua.Review{}, err
	}
	b, err := book()
	if err != nil {
		return thidua.Review{}, err
	}
	rules, err := b.On(date)
	if err != nil {
		return thidua.Review{}, err
	}
	// The units' ratings (illustrative): Phú Thọ was rated "hoàn thành tốt
	// nhiệm vụ" in 2025, which breaks the two excellent years the
	// certificate needs.
	rated := func(y2025 thidua.Rating) []thidua.YearRecord {
		return []thidua.YearRecord{{Year: 2025, Rating: y2025}, {Year: 2026, Rating: thidua.RatingExcellent}}
	}
	return thidua.Review{
		Date: date, Place: "Sở Khoa học và Công nghệ thành phố Hải Phòng", Cluster: c, Rules: rules,
		Scorecard: card, Assessments: as,
		Facts: []thidua.Facts{
			{Unit: "bac-ninh", Record: rated(thidua.RatingExcellent)},
			{Unit: "hung-yen", PendingComplaint: true, Record: rated(thidua.RatingExcellent)},
			{Unit: "ninh-binh", Women: 36, Staff: 50, Record: rated(thidua.RatingExcellent)},
			{Unit: "hai-phong", Women: 20, Staff: 60, Record: rated(thidua.RatingExcellent)},
			{Unit: "phu-tho", Record: rated(thidua.RatingGood)},
			{Unit: "quang-ninh", Record: rated(thidua.RatingExcellent)},
		},
		Awards: []thidua.AwardVote{
			{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), MaxMarks: 1, Rounds: [][]thidua.Ballot{{
				{Approve: []thidua.UnitID{"bac-ninh"}, Count: 5},
				{Approve: []thidua.UnitID{"hai-phong"}},
			}}},
			{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(1), MaxMarks: 1, Rounds: [][]thidua.Ballot{{
				{Approve: []thidua.UnitID{"hai-phong"}, Count: 2},
				{Approve: []thidua.UnitID{"ninh-binh"}, Count: 2},
				{Approve: []thidua.UnitID{"hung-yen"}},
				{Approve: []thidua.UnitID{"phu-tho"}},
			}}},
		},
		Succession: thidua.Succession{Method: thidua.SuccessionDeputySucceeds,
			Constraints: thidua.Constraints{NoConsecutive: true}},
		DeputyRounds: [][]thidua.Ballot{{
			{Approve: []thidua.UnitID{"ninh-binh"}, Count: 4},
			{Approve: []thidua.UnitID{"phu-tho"}, Count: 2},
		}},
	}, nil
}
