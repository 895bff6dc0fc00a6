package thidua_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/thidua/thidua"
)

// A concluded review travels as JSON and comes back the same: the seed
// review of Cluster 3 (its scores and ballots are illustrative).
func ExampleOutcome_MarshalJSON() {
	in, err := os.ReadFile(filepath.Join("testdata", "cluster3-2023", "review.json"))
	if err != nil {
		fmt.Println(err)
		return
	}
	var review thidua.Review
	if err := json.Unmarshal(in, &review); err != nil {
		fmt.Println(err)
		return
	}
	outcome, err := review.Conclude()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, err := json.Marshal(outcome)
	if err != nil {
		fmt.Println(err)
		return
	}
	var back thidua.Outcome
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
		return
	}
	again, _ := json.Marshal(back)
	var keys map[string]json.RawMessage
	_ = json.Unmarshal(b, &keys)
	fmt.Println("same bytes again:", string(again) == string(b))
	fmt.Println("same standings:", back.Standings.Equal(outcome.Standings), "same decision:", back.Decision.Equal(outcome.Decision))
	fmt.Println("leader 2024:", back.Leadership.Leader, "deputy:", back.Leadership.Deputy)
	fmt.Println("has keys standings, votes, decision, leadership:",
		keys["standings"] != nil, keys["votes"] != nil, keys["decision"] != nil, keys["leadership"] != nil)
	first := back.Standings.Ranked()[0]
	fmt.Println("first:", first.Unit, first.Total.StringFixed(2), strings.Contains(string(b), `"total":"`+first.Total.String()+`"`))
	// Output:
	// same bytes again: true
	// same standings: true same decision: true
	// leader 2024: nam-dinh deputy: hai-duong
	// has keys standings, votes, decision, leadership: true true true true
	// first: bac-ninh 95.00 true
}
