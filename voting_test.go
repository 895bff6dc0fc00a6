package thidua

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var abcd = []UnitID{"A", "B", "C", "D"}

func approvalSpec() ContestSpec {
	return ContestSpec{ID: "t", Candidates: abcd, Electorate: 10, Method: MethodApproval, MaxMarks: 2, BlankValid: true}
}

func TestNewContestErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(*ContestSpec)
		want error
	}{
		{"empty candidate list", func(s *ContestSpec) { s.Candidates = nil }, ErrNoCandidates},
		{"duplicate candidate", func(s *ContestSpec) { s.Candidates = []UnitID{"A", "B", "A"} }, ErrDuplicateCandidate},
		{"malformed candidate", func(s *ContestSpec) { s.Candidates = []UnitID{"A", "B C"} }, ErrInvalidID},
		{"zero electorate", func(s *ContestSpec) { s.Electorate = 0 }, ErrInvalidElectorate},
		{"negative electorate", func(s *ContestSpec) { s.Electorate = -3 }, ErrInvalidElectorate},
		{"more present than electorate", func(s *ContestSpec) { s.Present = 11 }, ErrInvalidElectorate},
		{"negative seats", func(s *ContestSpec) { s.Seats = -1 }, ErrInvalidSeats},
		{"more seats than candidates", func(s *ContestSpec) { s.Seats = 5 }, ErrInvalidSeats},
		{"threshold ratio above one", func(s *ContestSpec) { s.Threshold = AtLeast(6, 5).Of(BaseValid) }, ErrInvalidShare},
		{"threshold ratio zero", func(s *ContestSpec) { s.Threshold = AtLeast(0, 5).Of(BaseValid) }, ErrInvalidShare},
		{"threshold without base", func(s *ContestSpec) { s.Threshold = AtLeast(1, 2).Of(0) }, ErrInvalidBase},
		{"quorum above one", func(s *ContestSpec) { s.Quorum = AtLeast(3, 2) }, ErrInvalidShare},
		{"unknown method", func(s *ContestSpec) { s.Method = 42 }, ErrInvalidMethod},
		{"method past the last minimax", func(s *ContestSpec) { s.Method = MethodMinimaxOpposition + 1 }, ErrInvalidMethod},
		{"borda base 2", func(s *ContestSpec) { s.Method, s.BordaBase = MethodBorda, 2 }, ErrInvalidOption},
		{"negative max marks", func(s *ContestSpec) { s.MaxMarks = -1 }, ErrInvalidOption},
		{"threshold on Schulze", func(s *ContestSpec) { s.Method, s.Threshold = MethodSchulze, MoreThan(1, 2).Of(BaseValid) }, ErrThresholdMethod},
		{"year out of range", func(s *ContestSpec) { s.Year = 1200 }, ErrYearOutOfRange},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := approvalSpec()
			tt.edit(&s)
			_, err := NewContest(s)
			require.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^thidua: `, err.Error())
			// JSON decoding goes through the same validation.
			data, jerr := json.Marshal(s)
			if jerr == nil {
				var c Contest
				require.ErrorIs(t, json.Unmarshal(data, &c), tt.want)
			}
		})
	}
}

func TestTallyRejectsBallots(t *testing.T) {
	ranked := func(s *ContestSpec) { s.Method = MethodSchulze }
	open := func(s *ContestSpec) { s.Open, s.ForbidSelfVote = true, true }
	tests := []struct {
		name   string
		edit   func(*ContestSpec)
		ballot Ballot
		want   error
		cand   UnitID
	}{
		{"unknown candidate", nil, Ballot{Approve: []UnitID{"A", "Z"}}, ErrUnknownCandidate, "Z"},
		{"duplicate mark", nil, Ballot{Approve: []UnitID{"B", "B"}}, ErrDuplicateMark, "B"},
		{"more marks than allowed", nil, Ballot{Approve: []UnitID{"A", "B", "C"}}, ErrTooManyMarks, ""},
		{"ranking on an approval contest", nil, Ballot{Ranking: [][]UnitID{{"A"}}}, ErrBallotShape, ""},
		{"marks and ranking together", ranked, Ballot{Approve: []UnitID{"A"}, Ranking: [][]UnitID{{"A"}}}, ErrBallotShape, ""},
		{"marks on a ranked contest", ranked, Ballot{Approve: []UnitID{"A"}}, ErrBallotShape, ""},
		{"ranking names a candidate twice", ranked, Ballot{Ranking: [][]UnitID{{"A"}, {"B", "A"}}}, ErrDuplicateMark, "A"},
		{"ranking with an empty tier", ranked, Ballot{Ranking: [][]UnitID{{"A"}, {}}}, ErrBallotShape, ""},
		{"ranking with an unknown candidate", ranked, Ballot{Ranking: [][]UnitID{{"A"}, {"Q"}}}, ErrUnknownCandidate, "Q"},
		{"tie in an instant-runoff ranking", func(s *ContestSpec) { s.Method = MethodInstantRunoff }, Ballot{Ranking: [][]UnitID{{"A"}, {"B", "C"}}}, ErrBallotShape, "B"},
		{"two first choices in plurality", func(s *ContestSpec) { s.Method = MethodPlurality }, Ballot{Approve: []UnitID{"A", "B"}}, ErrTooManyMarks, ""},
		{"blank where blanks are invalid", func(s *ContestSpec) { s.BlankValid = false }, Ballot{}, ErrBlankBallot, ""},
		{"voter named on a secret ballot", nil, Ballot{Approve: []UnitID{"A"}, Voter: "B"}, ErrVoterOnSecret, ""},
		{"self-vote where forbidden", open, Ballot{Approve: []UnitID{"A"}, Voter: "A"}, ErrSelfVote, "A"},
		{"self-vote in a ranking", func(s *ContestSpec) { ranked(s); open(s) }, Ballot{Ranking: [][]UnitID{{"C"}, {"B"}}, Voter: "C"}, ErrSelfVote, "C"},
		{"one voter, two ballots", open, Ballot{Approve: []UnitID{"B"}, Voter: "A", Count: 2}, ErrDuplicateVoter, "A"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := approvalSpec()
			if tt.edit != nil {
				tt.edit(&s)
			}
			c, err := NewContest(s)
			require.NoError(t, err)
			good := Ballot{Ranking: [][]UnitID{{"D"}}}
			if s.Method == MethodApproval || s.Method == MethodPlurality {
				good = Ballot{Approve: []UnitID{"D"}}
			}
			r, err := c.Tally([]Ballot{good, tt.ballot})
			require.NoError(t, err)
			require.Len(t, r.Rejected, 1)
			assert.Equal(t, 1, r.Rejected[0].Index)
			require.ErrorIs(t, r.Rejected[0].Err, tt.want)
			var be *BallotError
			require.ErrorAs(t, r.Rejected[0].Err, &be)
			assert.Equal(t, tt.cand, be.Candidate)
			assert.Regexp(t, `^thidua: ballot 1: `, be.Error())
			assert.Equal(t, r.Cast, r.Valid+r.Invalid)
			assert.Equal(t, 1, r.Valid)
		})
	}
}

func TestTallyErrors(t *testing.T) {
	c := MustContest(approvalSpec())
	_, err := c.Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 11}})
	require.ErrorIs(t, err, ErrTooManyBallots)
	_, err = c.Tally([]Ballot{{Count: 6}, {Count: 5}})
	require.ErrorIs(t, err, ErrTooManyBallots)
	_, err = c.Tally([]Ballot{{Count: 1 << 62, Weight: 1 << 62}})
	require.ErrorIs(t, err, ErrTooManyBallots, "no overflow")
	_, err = c.Tally([]Ballot{{Count: -1}})
	require.ErrorIs(t, err, ErrInvalidCount)
	_, err = Contest{}.Tally(nil)
	require.ErrorIs(t, err, ErrNoCandidates)

	s := approvalSpec()
	s.Quorum = AtLeast(2, 3)
	q := MustContest(s)
	_, err = q.Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 6}})
	var qe *FieldError
	require.ErrorAs(t, err, &qe)
	require.ErrorIs(t, err, ErrNoQuorum)
	assert.Equal(t, FieldError{Field: "quorum", Value: "6 present of 10, 7 needed", Err: ErrNoQuorum}, *qe)
	_, err = q.Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 7}})
	require.NoError(t, err)
	s.Present = 9 // recorded attendance decides, not the ballots
	_, err = MustContest(s).Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 2}})
	require.NoError(t, err)
}

// nineMembers is a 9-member cluster voting on a flag: ≥ 80% of all members.
func flagContest(t *testing.T, seats int) Contest {
	c, err := NewContest(ContestSpec{ID: "flag", Candidates: cluster3().MemberIDs(), Electorate: 9, Seats: seats,
		Method: MethodApproval, Threshold: AtLeast(4, 5).Of(BaseElectorate), BlankValid: true})
	require.NoError(t, err)
	return c
}

func TestThresholdOfAllMembers(t *testing.T) {
	c := flagContest(t, 0)
	ballots := []Ballot{
		{Approve: []UnitID{"bac-ninh", "hai-duong"}, Count: 7},
		{Approve: []UnitID{"bac-ninh"}, Count: 1},
	}
	r, err := c.Tally(ballots)
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"bac-ninh"}, r.Passed, "8 of 9 pass, 7 of 9 do not")
	assert.Equal(t, []UnitID{"bac-ninh"}, r.Elected)
	assert.Equal(t, 7, r.Votes("hai-duong"))
}

func TestSeatsTieAndRunoff(t *testing.T) {
	c := flagContest(t, 2)
	ballots := []Ballot{
		{Approve: []UnitID{"bac-ninh", "hai-duong", "vinh-phuc"}, Count: 8},
		{Approve: []UnitID{"bac-ninh"}, Count: 1},
	}
	r, err := c.Tally(ballots)
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"bac-ninh"}, r.Elected)
	assert.Equal(t, []UnitID{"vinh-phuc", "hai-duong"}, r.Tied)
	assert.Equal(t, 1, r.OpenSeats)
	next, err := r.Runoff()
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"vinh-phuc", "hai-duong"}, next.Candidates())
	assert.Equal(t, 1, next.Seats())
	r2, err := next.Tally([]Ballot{{Approve: []UnitID{"hai-duong"}, Count: 8}, {Approve: []UnitID{"vinh-phuc"}}})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"hai-duong"}, r2.Elected)
	_, err = r2.Runoff()
	require.ErrorIs(t, err, ErrNoRunoff)
}

// randomBallots draws ballots of the contest's shape, some invalid.
func randomBallots(rng *rand.Rand, c Contest, k int) []Ballot {
	ids := c.Candidates()
	out := make([]Ballot, k)
	for i := range out {
		perm := slices.Clone(ids)
		rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
		m := rng.IntN(len(perm) + 1)
		b := Ballot{Count: rng.IntN(3)}
		if c.Method() == MethodApproval {
			b.Approve = perm[:m]
		} else {
			for _, id := range perm[:m] {
				if len(b.Ranking) > 0 && c.Method() != MethodInstantRunoff && rng.IntN(4) == 0 {
					b.Ranking[len(b.Ranking)-1] = append(b.Ranking[len(b.Ranking)-1], id)
				} else {
					b.Ranking = append(b.Ranking, []UnitID{id})
				}
			}
		}
		if rng.IntN(20) == 0 {
			b.Approve = append(b.Approve, "nobody")
		}
		out[i] = b
	}
	return out
}

func allMethods() []Method {
	return []Method{MethodApproval, MethodPlurality, MethodTwoRound, MethodBorda, MethodInstantRunoff, MethodSchulze, MethodRankedPairs, MethodCopeland, MethodMinimaxWinningVotes, MethodMinimaxMargins, MethodMinimaxOpposition}
}

func TestTallyProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, m := range allMethods() {
		t.Run(m.String(), func(t *testing.T) {
			for trial := range 40 {
				n := 2 + trial%5
				c := MustContest(ContestSpec{Candidates: abcdN(n), Electorate: 1000, Method: m, BlankValid: trial%2 == 0, MaxMarks: trial % 3})
				ballots := randomBallots(rng, c, 1+rng.IntN(30))
				r, err := c.Tally(ballots)
				require.NoError(t, err)
				assert.Equal(t, r.Cast, r.Valid+r.Invalid, "cast = valid + invalid")
				rejected := 0
				for _, rb := range r.Rejected {
					rejected += rb.Votes
				}
				assert.Equal(t, r.Invalid, rejected, "every invalid ballot is listed")
				var all []UnitID
				for _, tier := range r.Ranking {
					all = append(all, tier...)
				}
				assert.ElementsMatch(t, c.Candidates(), all, "the ranking holds every candidate once")

				// Permuting the ballots changes neither the result nor the digest.
				perm := slices.Clone(ballots)
				rng.Shuffle(len(perm), func(a, b int) { perm[a], perm[b] = perm[b], perm[a] })
				rp, err := c.Tally(perm)
				require.NoError(t, err)
				assert.Equal(t, r.Digest, rp.Digest)
				r.Rejected, rp.Rejected = nil, nil
				assert.True(t, r.Equal(rp), "permuted ballots give the same result")

				// A ballot with count n is n copies.
				var copies []Ballot
				for _, b := range ballots {
					for range orOne(b.Count) {
						b1 := b
						b1.Count = 0
						copies = append(copies, b1)
					}
				}
				rc, err := c.Tally(copies)
				require.NoError(t, err)
				assert.Equal(t, r.Digest, rc.Digest)
				rc.Rejected = nil
				assert.True(t, r.Equal(rc), "count n equals n copies")
			}
		})
	}
}

func abcdN(n int) []UnitID {
	ids := make([]UnitID, n)
	for i := range ids {
		ids[i] = UnitID(rune('A' + i))
	}
	return ids
}

func TestCondorcetWinnerWins(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	found := 0
	for range 300 {
		n := 3 + rng.IntN(4)
		base := MustContest(ContestSpec{Candidates: abcdN(n), Electorate: 1000, Method: MethodCopeland})
		ballots := randomBallots(rng, base, 1+rng.IntN(15))
		r, err := base.Tally(ballots)
		require.NoError(t, err)
		cw := -1
		for i := range n {
			wins := 0
			for j := range n {
				if i != j && r.Pairwise[i][j] > r.Pairwise[j][i] {
					wins++
				}
			}
			if wins == n-1 {
				cw = i
			}
		}
		if cw < 0 {
			continue
		}
		found++
		for _, spec := range []ContestSpec{{Method: MethodSchulze}, {Method: MethodRankedPairs}, {Method: MethodCopeland}, {Method: MethodMinimaxWinningVotes}, {Method: MethodMinimaxMargins}} {
			spec.Candidates, spec.Electorate = abcdN(n), 1000
			r, err := MustContest(spec).Tally(ballots)
			require.NoError(t, err)
			assert.Equal(t, []UnitID{abcdN(n)[cw]}, r.Winners, "%s", spec.Method)
		}
	}
	assert.Greater(t, found, 50)
}

func TestApprovalMonotone(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		c := MustContest(ContestSpec{Candidates: abcdN(5), Electorate: 1000, Method: MethodApproval})
		ballots := randomBallots(rng, c, 1+rng.IntN(20))
		r, err := c.Tally(ballots)
		require.NoError(t, err)
		if len(r.Winners) != 1 {
			continue
		}
		r2, err := c.Tally(append(ballots, Ballot{Approve: r.Winners}))
		require.NoError(t, err)
		assert.Equal(t, r.Winners, r2.Winners)
	}
}

// TestFastPathMatchesGeneral checks that the bitmask histogram for approval
// ballots gives exactly what the general path gives (13 candidates is above
// the histogram's limit, so the same ballots go through the general path).
func TestFastPathMatchesGeneral(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	ids := abcdN(13)
	fast := MustContest(ContestSpec{Candidates: ids[:12], Electorate: 10000, Method: MethodApproval, MaxMarks: 6, BlankValid: true})
	slow := MustContest(ContestSpec{Candidates: ids, Electorate: 10000, Method: MethodApproval, MaxMarks: 6, BlankValid: true})
	ballots := randomBallots(rng, fast, 2000)
	rf, err := fast.Tally(ballots)
	require.NoError(t, err)
	rs, err := slow.Tally(ballots)
	require.NoError(t, err)
	assert.Equal(t, rf.Cast, rs.Cast)
	assert.Equal(t, rf.Valid, rs.Valid)
	assert.Equal(t, rf.Blank, rs.Blank)
	assert.Equal(t, len(rf.Rejected), len(rs.Rejected))
	for i := range rf.Rejected {
		assert.Equal(t, rf.Rejected[i].Err.Error(), rs.Rejected[i].Err.Error())
	}
	for _, id := range ids[:12] {
		assert.Equal(t, rf.Votes(id), rs.Votes(id), id)
	}
	// Weighted ballots skip the histogram: the same figures as copies.
	w := []Ballot{{Approve: []UnitID{"A", "B"}, Weight: 3}, {Approve: []UnitID{"B"}}}
	rw, err := fast.Tally(w)
	require.NoError(t, err)
	assert.Equal(t, 3, rw.Votes("A"))
	assert.Equal(t, 4, rw.Votes("B"))
	assert.Equal(t, 4, rw.Cast)
}

func TestMethodText(t *testing.T) {
	for _, m := range allMethods() {
		b, err := m.MarshalText()
		require.NoError(t, err)
		var back Method
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, m, back)
		assert.NotEmpty(t, m.Vietnamese())
	}
	var m Method
	require.ErrorIs(t, m.UnmarshalText([]byte("dictator")), ErrInvalidMethod)
	_, err := Method(0).MarshalText()
	require.ErrorIs(t, err, ErrInvalidMethod)
	require.NoError(t, m.UnmarshalText([]byte("minimax_opposition")))
	assert.Equal(t, MethodMinimaxOpposition, m)
	assert.Equal(t, "minimax_margins", MethodMinimaxMargins.String())
	require.ErrorIs(t, m.UnmarshalText([]byte("minimax")), ErrInvalidMethod, "the variant is part of the method's name")
}

func TestContestJSONRoundTrip(t *testing.T) {
	s := approvalSpec()
	s.Threshold, s.Quorum, s.Year, s.Present = AtLeast(4, 5).Of(BaseElectorate), AtLeast(2, 3), 2023, 9
	c := MustContest(s)
	data, err := json.Marshal(c)
	require.NoError(t, err)
	var back Contest
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, c.Equal(back), "%s", data)
	_, err = json.Marshal(Contest{})
	require.ErrorIs(t, err, ErrNoCandidates)
}

func TestTwoRoundAndRunoffRounds(t *testing.T) {
	c := MustContest(ContestSpec{Candidates: abcd, Electorate: 20, Method: MethodTwoRound})
	r, err := c.Tally([]Ballot{
		{Ranking: [][]UnitID{{"A"}, {"B"}}, Count: 5},
		{Ranking: [][]UnitID{{"B"}, {"C"}}, Count: 4},
		{Ranking: [][]UnitID{{"C"}, {"B"}}, Count: 3},
	})
	require.NoError(t, err)
	require.Len(t, r.Rounds, 2)
	assert.Equal(t, map[UnitID]int{"A": 5, "B": 7}, r.Rounds[1].Votes)
	assert.Equal(t, []UnitID{"B"}, r.Winners)
	assert.Equal(t, [][]UnitID{{"B"}, {"A"}, {"C"}, {"D"}}, r.Ranking)
}

func TestTallyOverflowingElectorate(t *testing.T) {
	s := approvalSpec()
	s.Electorate = 1 << 62
	c := MustContest(s)
	_, err := c.Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 1 << 32, Weight: 1 << 32}})
	require.ErrorIs(t, err, ErrTooManyBallots, "2^64 votes must not wrap around")
	r, err := c.Tally([]Ballot{{Approve: []UnitID{"A"}, Count: 1 << 30, Weight: 1 << 31}})
	require.NoError(t, err)
	assert.Equal(t, 1<<61, r.Votes("A"))
}

func TestMethodsOnSmallElections(t *testing.T) {
	cycle := []Ballot{ // Condorcet's paradox: A > B > C > A, each 2:1
		{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}},
		{Ranking: [][]UnitID{{"B"}, {"C"}, {"A"}}},
		{Ranking: [][]UnitID{{"C"}, {"A"}, {"B"}}},
	}
	abc := []UnitID{"A", "B", "C"}
	tests := []struct {
		name    string
		spec    ContestSpec
		ballots []Ballot
		winners []UnitID
		ranking [][]UnitID
		scores  map[UnitID]string
	}{
		{"ranked pairs skips a cycle of equal margins", ContestSpec{Method: MethodRankedPairs}, cycle,
			abc, [][]UnitID{abc}, nil},
		{"instant runoff, all tied", ContestSpec{Method: MethodInstantRunoff}, cycle, abc, [][]UnitID{abc}, nil},
		{"two-round, all tied", ContestSpec{Method: MethodTwoRound}, cycle, abc, [][]UnitID{abc}, nil},
		{"minimax margins in a cycle", ContestSpec{Method: MethodMinimaxMargins}, cycle, abc, [][]UnitID{abc},
			map[UnitID]string{"A": "1", "B": "1", "C": "1"}},
		{"copeland halves", ContestSpec{Method: MethodCopeland}, []Ballot{
			{Ranking: [][]UnitID{{"A"}, {"B", "C"}}},
		}, []UnitID{"A"}, [][]UnitID{{"A"}, {"B", "C"}}, map[UnitID]string{"A": "2", "B": "0.5", "C": "0.5"}},
		{"borda with a tie and a left-out candidate", ContestSpec{Method: MethodBorda, BordaBase: 1}, []Ballot{
			{Ranking: [][]UnitID{{"A", "B"}}},
		}, []UnitID{"A", "B"}, [][]UnitID{{"A", "B"}, {"C"}}, map[UnitID]string{"A": "2", "B": "2", "C": "1"}},
		{"minimax pairwise opposition", ContestSpec{Method: MethodMinimaxOpposition}, []Ballot{
			{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}, Count: 2},
			{Ranking: [][]UnitID{{"B"}, {"A"}, {"C"}}},
		}, []UnitID{"A"}, [][]UnitID{{"A"}, {"B"}, {"C"}}, map[UnitID]string{"A": "1", "B": "2", "C": "3"}},
		{"plurality from marks", ContestSpec{Method: MethodPlurality}, []Ballot{
			{Approve: []UnitID{"B"}, Count: 2}, {Ranking: [][]UnitID{{"A"}, {"B", "C"}}},
		}, []UnitID{"B"}, [][]UnitID{{"B"}, {"A"}, {"C"}}, map[UnitID]string{"A": "1", "B": "2", "C": "0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := tt.spec
			s.Candidates, s.Electorate = abc, 10
			r, err := MustContest(s).Tally(tt.ballots)
			require.NoError(t, err)
			require.Empty(t, r.Rejected)
			assert.Equal(t, tt.winners, r.Winners)
			assert.Equal(t, tt.ranking, r.Ranking)
			for id, want := range tt.scores {
				assert.Equal(t, want, r.Score(id).String(), id)
			}
		})
	}
}

func TestThresholdBases(t *testing.T) {
	ballots := []Ballot{{Approve: []UnitID{"A"}, Count: 4}, {Approve: []UnitID{"B"}, Count: 2}, {Count: 2}, {Approve: []UnitID{"Z"}}}
	tests := []struct {
		base    Base
		present int
		passed  []UnitID
	}{
		{BaseElectorate, 0, nil},        // 4 of 10 is not more than half
		{BaseCast, 0, nil},              // 4 of 9 cast
		{BaseValid, 0, nil},             // 4 of 8 valid is not more than half
		{BasePresent, 0, nil},           // present not recorded: 4 of 9 cast
		{BasePresent, 7, []UnitID{"A"}}, // 4 of 7 present
	}
	for _, tt := range tests {
		t.Run(tt.base.String(), func(t *testing.T) {
			s := approvalSpec()
			s.Threshold, s.Present = MoreThan(1, 2).Of(tt.base), tt.present
			r, err := MustContest(s).Tally(ballots)
			require.NoError(t, err)
			assert.Equal(t, 9, r.Cast)
			assert.Equal(t, 8, r.Valid)
			assert.Equal(t, 2, r.Blank)
			assert.Equal(t, tt.passed, r.Passed)
		})
	}
	s := approvalSpec()
	s.Threshold = AtLeast(1, 2).Of(BaseValid)
	r, err := MustContest(s).Tally(ballots)
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"A"}, r.Passed, "4 of 8 valid is at least half")
}

// TestCanonicalOrder checks the packed sort against a plain sort by hash and
// key, with hashes that share their high bits and keys that share hashes.
func TestCanonicalOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	var store []group
	for range 500 {
		h := uint64(rng.IntN(4))<<40 | uint64(rng.IntN(3)) // equal high bits, different low bits
		store = append(store, group{h: h, rank: []uint16{uint16(rng.IntN(3))}, tiers: 1})
	}
	k := &keyer{}
	got := canonicalOrder(store, k)
	want := make([]*group, len(store))
	for i := range store {
		want[i] = &store[i]
	}
	slices.SortStableFunc(want, func(a, b *group) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		return slices.Compare(a.rank, b.rank)
	})
	for i := range got {
		require.Equal(t, want[i].h, got[i].h, "position %d", i)
		require.Equal(t, want[i].rank, got[i].rank, "position %d", i)
	}
}

// TestDigestGolden pins the canonical encoding: a change to it changes every
// digest a caller may have recorded, and must be deliberate.
func TestDigestGolden(t *testing.T) {
	c := MustContest(ContestSpec{ID: "ex4", Candidates: abcd, Electorate: 9, Method: MethodSchulze})
	r, err := c.Tally([]Ballot{
		{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}, Count: 3},
		{Ranking: [][]UnitID{{"C"}, {"B"}, {"D"}}, Count: 2},
		{Ranking: [][]UnitID{{"D"}, {"A"}, {"B"}}, Count: 2},
		{Ranking: [][]UnitID{{"D"}, {"B"}, {"C"}}, Count: 2},
	})
	require.NoError(t, err)
	assert.Equal(t, "3616f88346ebf244a1439bb44b3a68dc3c9cf85ae26e2aa1b02581862c443977", fmt.Sprintf("%x", r.Digest))
}

// Regression: with every seat filled, the next tier is not "tied at the last
// seat" (the deputy vote of the seed case once reported a runoff for a unit
// that came second).
func TestTallyFullSeatsLeaveNoTie(t *testing.T) {
	c := MustContest(ContestSpec{Candidates: []UnitID{"a", "b", "c"}, Electorate: 9, Seats: 1, Method: MethodApproval, MaxMarks: 1, BlankValid: true})
	r, err := c.Tally([]Ballot{{Approve: []UnitID{"a"}, Count: 7}, {Approve: []UnitID{"b"}}, {}})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"a"}, r.Elected)
	assert.Empty(t, r.Tied)
	assert.Zero(t, r.OpenSeats)
	_, err = r.Runoff()
	assert.ErrorIs(t, err, ErrNoRunoff)
}

// In an open vote a voter's two ballots are both invalid, so the count and the
// digest do not depend on which came first; ranking oneself below others is
// not a vote for oneself.
func TestOpenVoteIsOrderIndependent(t *testing.T) {
	c := MustContest(ContestSpec{Candidates: []UnitID{"a", "b", "c"}, Electorate: 5, Method: MethodApproval, Open: true, ForbidSelfVote: true})
	ballots := []Ballot{{Voter: "v1", Approve: []UnitID{"a"}}, {Voter: "v1", Approve: []UnitID{"b"}}, {Voter: "v2", Approve: []UnitID{"c"}}}
	r1, err := c.Tally(ballots)
	require.NoError(t, err)
	slices.Reverse(ballots)
	r2, err := c.Tally(ballots)
	require.NoError(t, err)
	assert.Equal(t, r1.Digest, r2.Digest)
	assert.Equal(t, 1, r1.Valid)
	assert.Equal(t, 2, r1.Invalid)
	assert.Equal(t, []UnitID{"c"}, r1.Winners)

	ranked := MustContest(ContestSpec{Candidates: []UnitID{"a", "b"}, Electorate: 2, Method: MethodPlurality, Open: true, ForbidSelfVote: true})
	r, err := ranked.Tally([]Ballot{{Voter: "a", Ranking: [][]UnitID{{"b"}, {"a"}}}})
	require.NoError(t, err)
	assert.Equal(t, 1, r.Valid, "ranking oneself last votes for b")
}

// rankedPairsReference is the direct reading of ranked pairs: for each
// margin, the closure of what is locked, then of a trial with the new
// victories. It is O(n³) per margin, so only for checking rankedPairs.
func rankedPairsReference(d [][]int) [][]bool {
	n := len(d)
	type pair struct{ i, j, m int }
	var pairs []pair
	for i := range n {
		for j := range n {
			if m := d[i][j] - d[j][i]; m > 0 {
				pairs = append(pairs, pair{i, j, m})
			}
		}
	}
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(b.m, a.m) })
	locked := make([][]bool, n)
	for i := range locked {
		locked[i] = make([]bool, n)
	}
	for k := 0; k < len(pairs); {
		e := k
		for e < len(pairs) && pairs[e].m == pairs[k].m {
			e++
		}
		var ok []pair
		reach := closure(locked)
		for _, p := range pairs[k:e] {
			if !reach[p.j][p.i] {
				ok = append(ok, p)
			}
		}
		trial := make([][]bool, n)
		for i := range trial {
			trial[i] = slices.Clone(locked[i])
		}
		for _, p := range ok {
			trial[p.i][p.j] = true
		}
		treach := closure(trial)
		for _, p := range ok {
			if !treach[p.j][p.i] {
				locked[p.i][p.j] = true
			}
		}
		k = e
	}
	return locked
}

// closure returns the transitive closure of a relation.
func closure(rel [][]bool) [][]bool {
	n := len(rel)
	r := make([][]bool, n)
	for i := range r {
		r[i] = append([]bool(nil), rel[i]...)
	}
	for k := range n {
		for i := range n {
			if !r[i][k] {
				continue
			}
			for j := range n {
				if r[k][j] {
					r[i][j] = true
				}
			}
		}
	}
	return r
}

// rankedPairs agrees with the direct reading on random matrices with many
// equal margins, which is where the cycles among equals arise.
func TestRankedPairsMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(14, 1))
	for trial := range 3000 {
		n := 2 + rng.IntN(11)
		spread := 1 + rng.IntN(4)
		d := make([][]int, n)
		for i := range d {
			d[i] = make([]int, n)
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				d[i][j] = rng.IntN(spread + 1)
				d[j][i] = rng.IntN(spread + 1)
			}
		}
		want := rankedPairsReference(d)
		got, reach := rankedPairs(d)
		require.Equal(t, want, got, "trial %d: %v", trial, d)
		require.Equal(t, closure(want), reach, "trial %d", trial)
	}
}

// The three minimax methods give three digests for the same ballots, and a
// minimax digest is not another method's.
func TestMinimaxMethodsDigestApart(t *testing.T) {
	ballots := []Ballot{{Ranking: [][]UnitID{{"A"}, {"B"}, {"C"}}, Count: 2}, {Ranking: [][]UnitID{{"B"}, {"A"}, {"C"}}}}
	seen := map[[32]byte]Method{}
	for _, m := range []Method{MethodCopeland, MethodMinimaxWinningVotes, MethodMinimaxMargins, MethodMinimaxOpposition} {
		r, err := MustContest(ContestSpec{Candidates: abcd[:3], Electorate: 3, Method: m}).Tally(ballots)
		require.NoError(t, err)
		_, dup := seen[r.Digest]
		assert.False(t, dup, "%s shares its digest with %s", m, seen[r.Digest])
		seen[r.Digest] = m
	}
}
