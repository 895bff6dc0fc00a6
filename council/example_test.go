package council_test

import (
	"fmt"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

// A council of five members decides on the reports of five clusters: five
// leading collectives, so at most one Government flag (floor(20% × 5)). Two
// nominees tie at the quota and the Chair's vote settles it, as the sector's
// circular (Thông tư 25/2025/TT-BKHCN Điều 23) composed on the national rules
// says.
func ExampleSession_Conclude() {
	day := thidua.MustDate(2026, time.December, 20)
	national, err := thidua.RulesOn(day)
	if err != nil {
		fmt.Println(err)
		return
	}
	rules, err := thidua.Compose(national, thidua.ScienceTechnology2025())
	if err != nil {
		fmt.Println(err)
		return
	}
	var members []council.Member
	for i, role := range []council.Role{council.RoleChair, council.RoleViceChair, council.RoleMember, council.RoleMember, council.RoleMember} {
		id := council.MemberID(fmt.Sprintf("m%d", i+1))
		members = append(members, council.Member{ID: id, Person: thidua.Person{Name: "Thành viên " + string(id)}, Role: role})
	}
	var reports []council.ClusterReport
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		reports = append(reports, report(id, 2026, 2)) // units a1, a2 ...; a1 led cluster a
	}
	voters := []council.MemberID{"m1", "m2", "m3", "m4", "m5"}
	s := council.Session{
		Council: council.Council{Name: "Hội đồng Thi đua - Khen thưởng", Body: "Bộ",
			Term: council.Term{From: thidua.MustDate(2025, time.January, 1)}, Members: members},
		Date: day, Year: 2026, Rules: &rules,
		Attendance: council.Attendance{
			Present: []council.MemberID{"m1", "m2", "m3", "m4"},
			Written: []council.MemberID{"m5"}, // absent, but the opinion counts as a vote
		},
		Clusters: reports,
		// Two years of excellent task completion, which the Certificate of
		// Merit needs (Thông tư 25/2025/TT-BKHCN Điều 7 khoản 3 điểm d).
		Records:     []thidua.Facts{{Unit: "a2", ExcellentYears: 2}, {Unit: "b2", ExcellentYears: 2}, {Unit: "c2", ExcellentYears: 2}, {Unit: "d2", ExcellentYears: 2}},
		Nominations: []council.Nomination{{Unit: "a1", Cluster: "a"}, {Unit: "b1", Cluster: "b"}},
		Polls: []council.Poll{
			{Award: thidua.AwardGovernmentFlag, Round: 1, Voters: voters, Ballots: []thidua.Ballot{{Approve: []thidua.UnitID{"a1", "b1"}, Count: 5}}},
			{Award: thidua.AwardMinistryFlag, Round: 1, Voters: voters, Ballots: []thidua.Ballot{{Approve: []thidua.UnitID{"a1", "b1", "c1", "d1"}, Count: 4}, {}}},
		},
		ChairDecisions: []thidua.Settlement{{Award: thidua.AwardGovernmentFlag, By: thidua.TieBreakFallback, Order: [][]thidua.UnitID{{"b1"}}}},
	}
	o, err := s.Conclude()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("quota:", o.GovFlagSeats, "of", len(o.Leaders), "leaders")
	for _, g := range o.ToPrimeMinister {
		fmt.Println("to the Prime Minister:", g.Award, g.Unit, "led", g.Cluster, "decided by", g.DecidedBy)
	}
	for _, g := range o.ToMinister {
		fmt.Printf("to the minister: %s %s (%d/%d)\n", g.Award, g.Unit, g.Vote.Votes, g.Vote.Base)
	}
	for _, r := range o.Refused {
		fmt.Println("refused:", r.Award, r.Unit, r.Reason)
	}
	// Output:
	// quota: 1 of 5 leaders
	// to the Prime Minister: government-flag b1 led b decided by fallback
	// to the minister: ministry-flag a1 (4/5)
	// to the minister: ministry-flag c1 (4/5)
	// to the minister: ministry-flag d1 (4/5)
	// to the minister: ministry-merit a2 (0/0)
	// to the minister: ministry-merit b2 (0/0)
	// to the minister: ministry-merit c2 (0/0)
	// to the minister: ministry-merit d2 (0/0)
	// refused: government-flag a1 quota-full
	// refused: ministry-flag b1 higher-award
	// refused: ministry-flag e1 vote-short
	// refused: ministry-merit e2 standard-not-met
}

// The minutes of a session are the document package's model, the one a
// cluster's review fills: the council's heading, the sections, and the
// secretary's and the presiding member's signatures; each tally has its
// vote-count record, annexed to the minutes.
func ExampleOutcome_Minutes() {
	s := fixture()
	s.Paperwork.MinutesNumber = "12/BB-HĐTĐKT"
	o, err := s.Conclude()
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := o.Minutes(document.Vietnamese)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Heading.IssuingBody, m.Heading.Number)
	for _, sec := range m.Sections {
		fmt.Println(sec.Heading)
	}
	for _, sig := range m.Signatures {
		fmt.Println(sig.Title+":", sig.Person.Name)
	}
	counts, _ := o.VoteCounts(document.English)
	for _, vc := range counts {
		fmt.Printf("%s: %d received, %d valid, %d invalid\n", vc.Summary, vc.Received, vc.Valid, vc.Invalid)
	}
	// Output:
	// Hội đồng Thi đua - Khen thưởng Bộ 12/BB-HĐTĐKT
	// THÀNH PHẦN VÀ ĐIỀU KIỆN HỌP
	// CÁC TẬP THỂ DẪN ĐẦU CỤM, KHỐI THI ĐUA NĂM 2026
	// KẾT QUẢ BỎ PHIẾU
	// KẾT QUẢ XÉT
	// THƯ KÝ: Thư ký
	// CHỦ TRÌ: Thành viên 1
	// Vote on the Government Emulation Flag, round 1: 9 received, 9 valid, 0 invalid
	// Vote on the Ministry or Provincial Emulation Flag, round 1: 9 received, 9 valid, 0 invalid
}
