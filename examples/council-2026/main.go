// Command council-2026 runs the December 2026 session of the Emulation and
// Commendation Council of the Ministry of Science and Technology (Hội đồng Thi
// đua - Khen thưởng Bộ Khoa học và Công nghệ) on the proposals of five
// clusters of provincial departments of science and technology (Sở Khoa học
// và Công nghệ). Cluster 3 is the one of examples/merger-2026: the nine
// departments of 2024 became six after the 2025 mergers.
//
// Each cluster's year-end review is concluded with thidua.Review; the council
// takes their outcomes, the units' records and one direct proposal, votes on
// the flags against all 13 members (one absent with a written opinion, one
// represented by a substitute, one guest who does not vote), computes the
// Government-flag quota from the five cluster leaders (floor(20% × 5) = 1),
// refuses a candidate that does not meet the flag standard, settles a tie at
// the quota by the Chair's vote (TT 25/2025/TT-BKHCN Điều 23), and prints the
// minutes and the vote-count records (Nghị định 30/2020/NĐ-CP) in Vietnamese
// and in English. The rules are the national rules in force on the day
// composed with the sector's circular, Thông tư 25/2025/TT-BKHCN.
//
// Everything here is illustrative: the people, the scores, the ballots and the
// records are made up; only the rules applied are the library's presets.
//
//	go run ./examples/council-2026
package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

const note = `Lưu ý: mọi số liệu (thành viên, điểm, phiếu, hồ sơ) là minh họa.
Note: every figure here (members, scores, ballots, records) is illustrative.
`

func run(w io.Writer) error {
	o, err := conclude()
	if err != nil {
		return err
	}
	vi, err := o.Text(document.Vietnamese)
	if err != nil {
		return err
	}
	en, err := o.Text(document.English)
	if err != nil {
		return err
	}
	fmt.Fprint(w, note+"\n")
	fmt.Fprint(w, vi)
	fmt.Fprint(w, "\n-----\n\n")
	fmt.Fprint(w, en)
	return nil
}

// conclude concludes the five cluster reviews and the council's session.
func conclude() (council.Outcome, error) {
	s, err := session()
	if err != nil {
		return council.Outcome{}, err
	}
	return s.Conclude()
}

var d = decimal.RequireFromString

func khcn(id thidua.UnitID, province string) thidua.Unit {
	return thidua.Unit{ID: id, Name: "Sở Khoa học và Công nghệ " + province, ShortName: province}
}

// clusterYear is one cluster's 2026 review, made compact: each unit's
// appraisal marks on two criteria, the unit proposed for the ministry flag
// (every member approves it) and those proposed for the Minister's
// Certificate of Merit.
type clusterYear struct {
	roster thidua.Cluster
	day    int
	place  string
	marks  map[thidua.UnitID][2]string
	flag   thidua.UnitID
	merit  []thidua.UnitID
}

func (cy clusterYear) conclude() (thidua.Outcome, error) {
	c := cy.roster
	card, err := thidua.NewScorecard(thidua.ScorecardSpec{
		ID: string(c.ID()) + "-2026", Name: "Bảng chấm điểm năm 2026 (minh họa)", Year: 2026,
		Criteria: []thidua.CriterionSpec{
			{ID: "A", Name: "Tổ chức phong trào thi đua", Max: d("50")},
			{ID: "B", Name: "Kết quả thực hiện nhiệm vụ", Max: d("50")},
		},
	})
	if err != nil {
		return thidua.Outcome{}, err
	}
	var as []thidua.Assessment
	for _, id := range c.MemberIDs() {
		m := cy.marks[id]
		as = append(as, thidua.Assessment{Unit: id, Assessor: "to-tham-dinh", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"A": d(m[0]), "B": d(m[1])}})
	}
	n := c.Len()
	date, err := thidua.NewDate(2026, time.December, cy.day)
	if err != nil {
		return thidua.Outcome{}, err
	}
	r := thidua.Review{
		Date: date, Place: cy.place, Cluster: c, Scorecard: card, Assessments: as,
		Awards: []thidua.AwardVote{
			{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1), MaxMarks: 1,
				Rounds: [][]thidua.Ballot{{{Approve: []thidua.UnitID{cy.flag}, Count: n}}}},
			{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(len(cy.merit)),
				Rounds: [][]thidua.Ballot{{{Approve: cy.merit, Count: n}}}},
		},
		Succession: thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: c.MemberIDs()},
	}
	return r.Conclude()
}

func cluster(id thidua.ClusterID, name string, leader, deputy thidua.UnitID, units ...thidua.Unit) (thidua.Cluster, error) {
	return thidua.NewCluster(thidua.ClusterSpec{ID: id, Name: name, Organizer: "Bộ Khoa học và Công nghệ",
		Kind: thidua.KindCluster, Year: 2026, Members: units, Leader: leader, Deputy: deputy})
}

// cluster3 follows Cluster 3's 2024 roster through the 2025 mergers, as
// examples/merger-2026 does: nine departments became six.
func cluster3() (thidua.Cluster, error) {
	tttt := func(id thidua.UnitID, p string) thidua.Unit {
		return thidua.Unit{ID: id, Name: "Sở Thông tin và Truyền thông tỉnh " + p, ShortName: p}
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
		{Year: 2025, From: []thidua.UnitID{"hai-duong"}, Into: khcn("hai-phong", "Hải Phòng")},
	})
	if err != nil {
		return thidua.Cluster{}, err
	}
	return r.Cluster.WithLeadership("hai-phong", "bac-ninh")
}

// clusters returns the five clusters' 2026 reviews.
func clusters() ([]clusterYear, error) {
	c1, err := cluster("cluster-1", "Cụm thi đua số 1", "lao-cai", "thai-nguyen",
		khcn("tuyen-quang", "Tuyên Quang"), khcn("lao-cai", "Lào Cai"), khcn("thai-nguyen", "Thái Nguyên"),
		khcn("lang-son", "Lạng Sơn"), khcn("cao-bang", "Cao Bằng"), khcn("son-la", "Sơn La"))
	if err != nil {
		return nil, err
	}
	c2, err := cluster("cluster-2", "Cụm thi đua số 2", "da-nang", "ha-noi",
		khcn("ha-noi", "Hà Nội"), khcn("ho-chi-minh", "Thành phố Hồ Chí Minh"), khcn("da-nang", "Đà Nẵng"),
		khcn("hue", "Huế"), khcn("can-tho", "Cần Thơ"))
	if err != nil {
		return nil, err
	}
	c3, err := cluster3()
	if err != nil {
		return nil, err
	}
	c4, err := cluster("cluster-4", "Cụm thi đua số 4", "thanh-hoa", "nghe-an",
		khcn("thanh-hoa", "Thanh Hóa"), khcn("nghe-an", "Nghệ An"), khcn("ha-tinh", "Hà Tĩnh"),
		khcn("quang-tri", "Quảng Trị"), khcn("quang-ngai", "Quảng Ngãi"), khcn("khanh-hoa", "Khánh Hòa"))
	if err != nil {
		return nil, err
	}
	c5, err := cluster("cluster-5", "Cụm thi đua số 5", "lam-dong", "dong-nai",
		khcn("dak-lak", "Đắk Lắk"), khcn("lam-dong", "Lâm Đồng"), khcn("dong-nai", "Đồng Nai"),
		khcn("tay-ninh", "Tây Ninh"), khcn("dong-thap", "Đồng Tháp"), khcn("an-giang", "An Giang"))
	if err != nil {
		return nil, err
	}
	return []clusterYear{
		{roster: c1, day: 3, place: "Sở Khoa học và Công nghệ Lào Cai", flag: "thai-nguyen", merit: []thidua.UnitID{"lao-cai"},
			marks: map[thidua.UnitID][2]string{"thai-nguyen": {"48", "48.5"}, "lao-cai": {"47.5", "48"}, "tuyen-quang": {"46", "47"},
				"lang-son": {"45.5", "46"}, "cao-bang": {"45", "45.5"}, "son-la": {"44", "45"}}},
		{roster: c2, day: 4, place: "Sở Khoa học và Công nghệ Đà Nẵng", flag: "ha-noi", merit: []thidua.UnitID{"ho-chi-minh"},
			marks: map[thidua.UnitID][2]string{"ha-noi": {"49", "48.5"}, "ho-chi-minh": {"48.5", "48.5"}, "da-nang": {"47", "47.5"},
				"hue": {"46", "46.5"}, "can-tho": {"45.5", "46"}}},
		{roster: c3, day: 10, place: "Sở Khoa học và Công nghệ Hải Phòng", flag: "bac-ninh", merit: []thidua.UnitID{"hung-yen"},
			marks: map[thidua.UnitID][2]string{"bac-ninh": {"48", "48"}, "hung-yen": {"47.5", "47.5"}, "hai-phong": {"46.5", "46.5"},
				"ninh-binh": {"46", "46.5"}, "phu-tho": {"45", "45"}, "quang-ninh": {"44", "44"}}},
		{roster: c4, day: 5, place: "Sở Khoa học và Công nghệ Thanh Hóa", flag: "nghe-an", merit: []thidua.UnitID{"thanh-hoa"},
			marks: map[thidua.UnitID][2]string{"nghe-an": {"48", "47.5"}, "thanh-hoa": {"47", "47.5"}, "ha-tinh": {"46", "46"},
				"quang-tri": {"45", "45.5"}, "quang-ngai": {"44.5", "45"}, "khanh-hoa": {"44", "44.5"}}},
		{roster: c5, day: 8, place: "Sở Khoa học và Công nghệ Lâm Đồng", flag: "dong-nai", merit: []thidua.UnitID{"dak-lak"},
			marks: map[thidua.UnitID][2]string{"dong-nai": {"47.5", "47.5"}, "dak-lak": {"47", "47"}, "lam-dong": {"46", "46.5"},
				"tay-ninh": {"45.5", "45.5"}, "dong-thap": {"45", "45"}, "an-giang": {"44", "44.5"}}},
	}, nil
}

func person(name, position string) thidua.Person {
	return thidua.Person{Name: name, Position: position, Unit: "Bộ Khoa học và Công nghệ"}
}

// members are the 13 members of the council (illustrative names).
func members() []council.Member {
	m := func(id council.MemberID, name, position string, role council.Role) council.Member {
		return council.Member{ID: id, Person: person(name, position), Role: role}
	}
	return []council.Member{
		m("m01", "Trần Minh Khoa", "Bộ trưởng", council.RoleChair),
		m("m02", "Lê Thu Hà", "Thứ trưởng", council.RoleViceChair),
		m("m03", "Phạm Quốc Bảo", "Vụ trưởng Vụ Thi đua - Khen thưởng", council.RoleViceChair),
		m("m04", "Nguyễn Thị Lan", "Chánh Văn phòng Bộ", council.RoleMember),
		m("m05", "Hoàng Văn Sơn", "Vụ trưởng Vụ Tổ chức cán bộ", council.RoleMember),
		m("m06", "Đỗ Thị Mai", "Chủ tịch Công đoàn Bộ", council.RoleMember),
		m("m07", "Vũ Đức Long", "Bí thư Đoàn Thanh niên Bộ", council.RoleMember),
		m("m08", "Bùi Thị Hương", "Vụ trưởng Vụ Kế hoạch - Tài chính", council.RoleMember),
		m("m09", "Ngô Văn Tùng", "Chánh Thanh tra Bộ", council.RoleMember),
		m("m10", "Đặng Thị Thảo", "Vụ trưởng Vụ Pháp chế", council.RoleMember),
		m("m11", "Phan Văn Hải", "Vụ trưởng Vụ Khoa học và Công nghệ các ngành, lĩnh vực", council.RoleMember),
		m("m12", "Trịnh Thị Ngọc", "Cục trưởng Cục Bưu điện Trung ương", council.RoleMember),
		m("m13", "Lý Văn Phúc", "Vụ trưởng Vụ Kinh tế - Xã hội số", council.RoleMember),
	}
}

// leaderRecord is the record of a unit that led its cluster in 2026: rated
// "hoàn thành xuất sắc nhiệm vụ" in 2025 and 2026, holding the title Tập
// thể lao động xuất sắc for 2026 when titled is true.
func leaderRecord(id thidua.UnitID, led thidua.ClusterID, titled bool) thidua.Facts {
	y2026 := thidua.YearRecord{Year: 2026, Rating: thidua.RatingExcellent, Led: []thidua.ClusterID{led}}
	if titled {
		y2026.Titles = []thidua.Award{thidua.AwardExcellentCollective}
	}
	return thidua.Facts{Unit: id, Record: []thidua.YearRecord{{Year: 2025, Rating: thidua.RatingExcellent}, y2026}}
}

func session() (council.Session, error) {
	cys, err := clusters()
	if err != nil {
		return council.Session{}, err
	}
	var reports []council.ClusterReport
	for _, cy := range cys {
		o, err := cy.conclude()
		if err != nil {
			return council.Session{}, fmt.Errorf("%s: %w", cy.roster.ID(), err)
		}
		reports = append(reports, council.FromOutcome(o))
	}
	date, err := thidua.NewDate(2026, time.December, 22)
	if err != nil {
		return council.Session{}, err
	}
	from, err := thidua.NewDate(2025, time.March, 1)
	if err != nil {
		return council.Session{}, err
	}
	// The national rules in force on the day, with the sector's circular on
	// top: Thông tư 25/2025/TT-BKHCN gives the quorum, the Chair's vote at a
	// tie and the over-quota order.
	national, err := thidua.RulesOn(date)
	if err != nil {
		return council.Session{}, err
	}
	rules, err := thidua.Compose(national, thidua.ScienceTechnology2025())
	if err != nil {
		return council.Session{}, err
	}
	present := []council.MemberID{"m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11"}
	// Who returned a ballot: the eleven present, the substitute for m13, and
	// m12's written opinion.
	voters := append(append([]council.MemberID{}, present...), "s13", "m12")
	ballots := func(groups ...thidua.Ballot) []thidua.Ballot { return groups }
	approve := func(n int, ids ...thidua.UnitID) thidua.Ballot { return thidua.Ballot{Approve: ids, Count: n} }
	return council.Session{
		Council: council.Council{
			Name: "Hội đồng Thi đua - Khen thưởng Bộ Khoa học và Công nghệ", Body: "Bộ Khoa học và Công nghệ",
			Term: council.Term{From: from}, Members: members(),
		},
		Date: date, Place: "Trụ sở Bộ Khoa học và Công nghệ, Hà Nội", Year: 2026, Rules: &rules,
		Attendance: council.Attendance{
			Present: present,
			Written: []council.MemberID{"m12"},
			Substitutes: []council.Substitute{{For: "m13", ID: "s13", Person: person("Mai Thị Yến", "Phó Vụ trưởng Vụ Kinh tế - Xã hội số"),
				Mandate: "Giấy ủy quyền số 15/GUQ-KTXHS ngày 19/12/2026"}},
			Guests: []council.Guest{{ID: "g01", Person: thidua.Person{Name: "Trương Văn Định", Position: "Chuyên viên",
				Unit: "Ban Thi đua - Khen thưởng Trung ương"}}},
			Secretary: thidua.Person{Name: "Lưu Thị Hạnh", Position: "Chuyên viên Vụ Thi đua - Khen thưởng"},
		},
		Clusters: reports,
		Records: []thidua.Facts{
			// The leaders' records by year: the rating, the title of 2026
			// (Tập thể lao động xuất sắc, the ministry flag's standard here)
			// and the cluster led.
			leaderRecord("ha-noi", "cluster-2", true),
			leaderRecord("thai-nguyen", "cluster-1", true),
			leaderRecord("bac-ninh", "cluster-3", false), // no title in 2026: refused the flags
			leaderRecord("nghe-an", "cluster-4", true),
			leaderRecord("dong-nai", "cluster-5", true),
			{Unit: "lao-cai", ExcellentYears: 2},
			{Unit: "ho-chi-minh", ExcellentYears: 2},
			// Hưng Yên's record: rated "hoàn thành tốt nhiệm vụ" in 2025, so
			// the two excellent years the Certificate of Merit needs break.
			{Unit: "hung-yen", Record: []thidua.YearRecord{{Year: 2025, Rating: thidua.RatingGood}, {Year: 2026, Rating: thidua.RatingExcellent}}},
			{Unit: "thanh-hoa", ExcellentYears: 2, PendingComplaint: true},
			{Unit: "dak-lak", ExcellentYears: 3},
			{Unit: "vien-chien-luoc", ExcellentYears: 2},
		},
		Direct: []council.DirectProposal{{
			Unit:   thidua.Unit{ID: "vien-chien-luoc", Name: "Viện Chiến lược, Chính sách khoa học và công nghệ", ShortName: "Viện Chiến lược"},
			Award:  thidua.AwardMinistryMerit,
			Reason: "Tờ trình của Viện (minh họa)",
		}},
		Nominations: []council.Nomination{
			{Unit: "ha-noi", Cluster: "cluster-2"},
			{Unit: "thai-nguyen", Cluster: "cluster-1"},
			{Unit: "bac-ninh", Cluster: "cluster-3"},
		},
		Polls: []council.Poll{
			{Award: thidua.AwardGovernmentFlag, Round: 1, Voters: voters, Ballots: ballots(
				approve(11, "ha-noi", "thai-nguyen", "bac-ninh"), approve(1, "ha-noi"), approve(1, "thai-nguyen"))},
			{Award: thidua.AwardMinistryFlag, Round: 1, Voters: voters, Ballots: ballots(
				approve(10, "ha-noi", "thai-nguyen", "bac-ninh", "nghe-an", "dong-nai"),
				approve(2, "ha-noi", "thai-nguyen", "bac-ninh", "nghe-an"), approve(1, "ha-noi", "thai-nguyen"))},
		},
		// The Chair's vote on the tie at the Government flag's quota.
		ChairDecisions: []thidua.Settlement{{Award: thidua.AwardGovernmentFlag, By: thidua.TieBreakFallback, Order: [][]thidua.UnitID{{"ha-noi"}}}},
		Paperwork: thidua.Paperwork{
			Start: "08:30", End: "11:15", Locality: "Hà Nội", MinutesNumber: "35/BB-HĐTĐKT",
			HeadTeller: person("Phan Văn Hải", "Vụ trưởng Vụ Khoa học và Công nghệ các ngành, lĩnh vực"),
			Tellers:    []thidua.Person{person("Đặng Thị Thảo", "Vụ trưởng Vụ Pháp chế")},
			Recipients: []string{"Bộ trưởng (để báo cáo)", "Các thành viên Hội đồng", "Lưu: VT, Vụ TĐKT"},
		},
		Options: council.Options{
			AwardAttendance:       thidua.AtLeast(4, 5),
			AwardAttendanceSource: "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 8 khoản 4 điểm b, áp dụng minh họa",
			Standards: []council.AwardStandard{
				{Award: thidua.AwardMinistryFlag, Titles: []thidua.Award{thidua.AwardExcellentCollective},
					Source: "Luật Thi đua, khen thưởng 2022 Điều 26 (minh họa: đạt danh hiệu Tập thể lao động xuất sắc)"},
			},
		},
	}, nil
}
