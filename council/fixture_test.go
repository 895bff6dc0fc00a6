package council_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

// report builds a cluster's report compactly: units named id+"1", id+"2"...,
// the first ranked first and proposed for the ministry flag, the second
// proposed for the ministry's Certificate of Merit. Scores fall by 5 a place.
func report(id string, year, n int) council.ClusterReport {
	r := council.ClusterReport{Cluster: thidua.ClusterID(id), Name: "Cụm " + id, Year: year,
		Date: thidua.MustDate(year, time.December, 5)}
	for i := 1; i <= n; i++ {
		u := thidua.UnitID(fmt.Sprintf("%s%d", id, i))
		r.Units = append(r.Units, thidua.Unit{ID: u, Name: "Sở " + string(u)})
		score := decimal.NewFromInt(int64(100 - 5*i))
		r.Standings = append(r.Standings, council.Standing{Unit: u, Rank: i, Total: score, Scaled: score})
	}
	r.Leading = []thidua.UnitID{r.Units[0].ID}
	r.Proposals = []thidua.Proposal{{Unit: r.Units[0].ID, Award: thidua.AwardMinistryFlag, Rank: 1, Total: r.Standings[0].Total}}
	if n > 1 {
		r.Proposals = append(r.Proposals, thidua.Proposal{Unit: r.Units[1].ID, Award: thidua.AwardMinistryMerit, Rank: 2, Total: r.Standings[1].Total})
	}
	r.Complete = true
	return r
}

// mstRules are the rules a council of the Ministry of Science and Technology
// applies on day d: the national rules in force, then the sector's circular
// (Thông tư 25/2025/TT-BKHCN), which names the Chair for a tie at the cut-off.
func mstRules(d thidua.Date) thidua.RuleSet {
	national, err := thidua.RulesOn(d)
	if err != nil {
		panic(err)
	}
	rs, err := thidua.Compose(national, thidua.ScienceTechnology2025())
	if err != nil {
		panic(err)
	}
	return rs
}

// text renders the outcome's minutes and vote-count records in lang.
func text(t testing.TB, o council.Outcome, lang document.Language) string {
	t.Helper()
	s, err := o.Text(lang)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// voters are who return a ballot in the fixture: the seven present, the
// written opinion of m8 and the substitute for m9.
var voters = []council.MemberID{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "s9"}

// room are the voters in the room, who vote in a runoff: all but the written
// opinion of m8.
var room = []council.MemberID{"m1", "m2", "m3", "m4", "m5", "m6", "m7", "s9"}

func approve(n int, ids ...thidua.UnitID) thidua.Ballot { return thidua.Ballot{Approve: ids, Count: n} }

// fixture is a council of nine members (seven present, one written opinion,
// one substitute, one guest) deciding on five clusters of two units: five
// leaders, so one Government flag. a1 and b1 are nominated and tie 9 to 9;
// the Chair's vote gives a1 the flag. Every ministry flag passes.
func fixture() council.Session {
	year := 2026
	var members []council.Member
	for i := 1; i <= 9; i++ {
		role := council.RoleMember
		switch i {
		case 1:
			role = council.RoleChair
		case 2:
			role = council.RoleViceChair
		}
		members = append(members, council.Member{ID: council.MemberID(fmt.Sprintf("m%d", i)),
			Person: thidua.Person{Name: fmt.Sprintf("Thành viên %d", i), Position: "Vụ trưởng"}, Role: role})
	}
	var reports []council.ClusterReport
	for _, id := range []string{"a", "b", "c", "d", "e"} {
		reports = append(reports, report(id, year, 2))
	}
	flags := []thidua.UnitID{"a1", "b1", "c1", "d1", "e1"}
	rules := mstRules(thidua.MustDate(year, time.December, 20))
	return council.Session{
		Rules: &rules,
		Council: council.Council{Name: "Hội đồng Thi đua - Khen thưởng Bộ", Body: "Bộ",
			Term: council.Term{From: thidua.MustDate(2025, time.January, 1)}, Members: members},
		Date: thidua.MustDate(year, time.December, 20), Place: "Hà Nội", Year: year,
		Attendance: council.Attendance{
			Present:     []council.MemberID{"m1", "m2", "m3", "m4", "m5", "m6", "m7"},
			Written:     []council.MemberID{"m8"},
			Substitutes: []council.Substitute{{For: "m9", ID: "s9", Person: thidua.Person{Name: "Người thay"}, Mandate: "Giấy ủy quyền số 1"}},
			Guests:      []council.Guest{{ID: "g1", Person: thidua.Person{Name: "Khách"}}},
			Secretary:   thidua.Person{Name: "Thư ký"},
		},
		Clusters: reports,
		Records: []thidua.Facts{
			{Unit: "a1", ExcellentYears: 2}, {Unit: "b1", ExcellentYears: 2}, {Unit: "a2", ExcellentYears: 2},
		},
		Nominations: []council.Nomination{{Unit: "a1", Cluster: "a"}, {Unit: "b1", Cluster: "b"}},
		Polls: []council.Poll{
			{Award: thidua.AwardGovernmentFlag, Round: 1, Voters: slices.Clone(voters), Ballots: []thidua.Ballot{approve(9, "a1", "b1")}},
			{Award: thidua.AwardMinistryFlag, Round: 1, Voters: slices.Clone(voters), Ballots: []thidua.Ballot{approve(9, flags...)}},
		},
		ChairDecisions: []thidua.Settlement{{Award: thidua.AwardGovernmentFlag, By: thidua.TieBreakFallback, Order: [][]thidua.UnitID{{"a1"}}}},
	}
}
