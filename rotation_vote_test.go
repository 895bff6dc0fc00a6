package thidua

import "testing"

// leaderVote returns a one-seat vote result of the given review year in which
// winner was elected (or, with several winners, the tied units).
func leaderVote(t *testing.T, id ContestID, year int, candidates []UnitID, winners ...UnitID) *Result {
	t.Helper()
	r := &Result{Contest: Contest{id: id, year: year, candidates: candidates}}
	if len(winners) == 1 {
		r.Elected = winners
	} else {
		r.Tied = winners
	}
	r.Winners = winners
	return r
}
