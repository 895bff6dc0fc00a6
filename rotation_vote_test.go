package thidua

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// leaderVote tallies a one-seat approval vote held at the review of year among
// candidates, with one ballot for each of winners: a single winner is elected,
// several are tied for the seat, and none elects nobody (a blank ballot cannot
// meet the threshold of one vote).
func leaderVote(t *testing.T, id ContestID, year int, candidates []UnitID, winners ...UnitID) *Result {
	t.Helper()
	c, err := NewContest(ContestSpec{
		ID: id, Year: year, Candidates: candidates, Electorate: len(candidates),
		Seats: 1, Method: MethodApproval, Threshold: AtLeast(1, len64(candidates)).Of(BaseElectorate),
		MaxMarks: 1, BlankValid: true,
	})
	require.NoError(t, err)
	ballots := make([]Ballot, 0, len(winners)+1)
	for _, w := range winners {
		ballots = append(ballots, Ballot{Approve: []UnitID{w}})
	}
	if len(winners) == 0 {
		ballots = append(ballots, Ballot{})
	}
	r, err := c.Tally(ballots)
	require.NoError(t, err)
	return &r
}

func len64[T any](s []T) int64 { return int64(len(s)) }
