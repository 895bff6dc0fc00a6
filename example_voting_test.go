package thidua_test

import (
	"fmt"

	"github.com/thidua/thidua"
)

// A 9-member cluster votes by secret ballot on whom to propose for the
// Ministry's Emulation Flag: Decree 98/2023 Điều 30 k7 asks for at least 80%
// of all members, so 8 of 9 "đồng ý" marks pass and 7 fall short. The ballots
// are illustrative: the article on the 2023 review publishes no ballots.
func ExampleContest_Tally() {
	members := []thidua.UnitID{"bac-ninh", "nam-dinh", "ninh-binh", "vinh-phuc", "hung-yen",
		"quang-ninh", "thai-binh", "hai-duong", "ha-nam"}
	flag, err := thidua.NewContest(thidua.ContestSpec{
		ID:         "2023-flag",
		Year:       2023,
		Candidates: members,
		Electorate: 9,
		Method:     thidua.MethodApproval,
		Threshold:  thidua.AtLeast(4, 5).Of(thidua.BaseElectorate),
		Quorum:     thidua.AtLeast(2, 3),
		MaxMarks:   2,
		BlankValid: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	result, err := flag.Tally([]thidua.Ballot{
		{Approve: []thidua.UnitID{"bac-ninh", "hai-duong"}, Count: 7},
		{Approve: []thidua.UnitID{"bac-ninh"}},
		{Approve: []thidua.UnitID{"vinh-phuc", "hai-duong", "ha-nam"}}, // three marks: invalid
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("cast %d, valid %d, invalid %d\n", result.Cast, result.Valid, result.Invalid)
	fmt.Println(result.Rejected[0].Err)
	for _, id := range []thidua.UnitID{"bac-ninh", "hai-duong"} {
		fmt.Printf("%s: %d of 9, passed: %v\n", id, result.Votes(id), flag.Threshold().Met(result.Votes(id), 9))
	}
	fmt.Println("passed:", result.Passed)
	fmt.Println("needed:", flag.Threshold().Share.Needed(9))
	// Output:
	// cast 9, valid 8, invalid 1
	// thidua: ballot 2: more marks than allowed
	// bac-ninh: 8 of 9, passed: true
	// hai-duong: 7 of 9, passed: false
	// passed: [bac-ninh]
	// needed: 8
}

// Schulze's own example 4: B and D tie, and the result says so.
func ExampleResult_Winners() {
	c, _ := thidua.NewContest(thidua.ContestSpec{
		Candidates: []thidua.UnitID{"A", "B", "C", "D"}, Electorate: 9, Method: thidua.MethodSchulze,
	})
	r, _ := c.Tally([]thidua.Ballot{
		{Ranking: [][]thidua.UnitID{{"A"}, {"B"}, {"C"}}, Count: 3},
		{Ranking: [][]thidua.UnitID{{"C"}, {"B"}, {"D"}}, Count: 2},
		{Ranking: [][]thidua.UnitID{{"D"}, {"A"}, {"B"}}, Count: 2},
		{Ranking: [][]thidua.UnitID{{"D"}, {"B"}, {"C"}}, Count: 2},
	})
	fmt.Println("winners:", r.Winners)
	fmt.Println("ranking:", r.Ranking)
	// Output:
	// winners: [B D]
	// ranking: [[B D] [A C]]
}

// A tie at the last seat gives the runoff among the tied for the seat left.
func ExampleResult_Runoff() {
	c, _ := thidua.NewContest(thidua.ContestSpec{
		Candidates: []thidua.UnitID{"bac-ninh", "hai-duong", "vinh-phuc"}, Electorate: 9, Seats: 2,
		Method: thidua.MethodApproval, Threshold: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate),
	})
	r, _ := c.Tally([]thidua.Ballot{
		{Approve: []thidua.UnitID{"bac-ninh", "hai-duong", "vinh-phuc"}, Count: 8},
		{Approve: []thidua.UnitID{"bac-ninh"}},
	})
	fmt.Println("elected:", r.Elected, "tied:", r.Tied, "open seats:", r.OpenSeats)
	next, _ := r.Runoff()
	fmt.Println("runoff:", next.Candidates(), "seats:", next.Seats())
	// Output:
	// elected: [bac-ninh] tied: [hai-duong vinh-phuc] open seats: 1
	// runoff: [hai-duong vinh-phuc] seats: 1
}
