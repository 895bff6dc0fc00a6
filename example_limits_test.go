package thidua_test

import (
	"errors"
	"fmt"

	"github.com/thidua/thidua"
)

// A ranked vote among more units than any cluster has is refused before any
// counting, with the limit named.
func ExampleFieldError_limit() {
	cands := make([]thidua.UnitID, thidua.MaxRankedCandidates+1)
	for i := range cands {
		cands[i] = thidua.UnitID(fmt.Sprintf("don-vi-%d", i))
	}
	_, err := thidua.NewContest(thidua.ContestSpec{Candidates: cands, Electorate: 60, Method: thidua.MethodSchulze})
	var fe *thidua.FieldError
	fmt.Println(errors.Is(err, thidua.ErrLimit), errors.As(err, &fe), fe.Field)
	fmt.Println(err)
	// Output:
	// true true candidates (ranked methods)
	// thidua: candidates (ranked methods) "257, more than the limit of 256": input exceeds a documented limit
}

// The same unit typed decomposed (NFD: "a" followed by combining marks) is
// refused, so it cannot pass for a second member.
func ExampleUnitID_Validate() {
	fmt.Println(thidua.UnitID("b\u1eafc-ninh").Validate())
	err := thidua.UnitID("ba\u0306\u0301c-ninh").Validate()
	fmt.Println(errors.Is(err, thidua.ErrDecomposedID), errors.Is(err, thidua.ErrInvalidID))
	fmt.Println(err)
	// Output:
	// <nil>
	// true true
	// thidua: unit id "bắc-ninh": identifier contains a combining mark or invisible character; use the precomposed (NFC) form
}
