package thidua

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The whole loop on the tied flag of tieReview: a runoff that ties again, then
// the leader and deputy's decision, each added by the helpers.
func TestOutcomeWithRunoffThenSettlement(t *testing.T) {
	o, err := tieReview(t).Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	p := o.Pending[0]

	r, err := o.WithRunoff(p, []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	require.NoError(t, err)
	assert.Len(t, o.Review.Awards[0].Rounds, 1, "the outcome's review is not changed")
	require.Len(t, r.Awards[0].Rounds, 2, "the runoff is the flag's second round")
	assert.Len(t, r.Awards[1].Rounds, 1, "the other award is untouched")

	o2, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o2.Pending, 1)
	p2 := o2.Pending[0]
	require.Equal(t, TieBreakFallback, p2.Kind, "round 2 tied again, the last round under Decree 98/2023")

	r2, err := o2.WithSettlement(p2, []UnitID{"a"})
	require.NoError(t, err)
	assert.Empty(t, o2.Review.Settlements, "the outcome's review is not changed")
	o3, err := r2.Conclude()
	require.NoError(t, err)
	require.True(t, o3.Complete(), "%v", o3.Pending)
	assert.Equal(t, UnitID("a"), o3.Decision.Proposals[0].Unit)
	assert.Equal(t, TieBreakFallback, o3.Decision.Proposals[0].DecidedBy)
}

// A runoff that settles the tie, and leadership runoffs for each post.
func TestOutcomeWithRunoffSettles(t *testing.T) {
	o, err := tieReview(t).Conclude()
	require.NoError(t, err)
	r, err := o.WithRunoff(o.Pending[0], []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {Approve: []UnitID{"a"}}})
	require.NoError(t, err)
	o, err = r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, UnitID("b"), o.Decision.Proposals[0].Unit)
	assert.Equal(t, TieBreakRunoff, o.Decision.Proposals[0].DecidedBy)

	lr := tieReview(t)
	lr.Awards = nil
	lr.Succession = Succession{Method: SuccessionElect}
	lr.LeaderRounds = [][]Ballot{{{Approve: []UnitID{"a"}, Count: 2}, {Approve: []UnitID{"b"}, Count: 2}}}
	o, err = lr.Conclude()
	require.NoError(t, err)
	require.Equal(t, RoleLeader, o.Pending[0].Post)
	r, err = o.WithRunoff(o.Pending[0], []Ballot{{Approve: []UnitID{"b"}, Count: 3}, {}})
	require.NoError(t, err)
	require.Len(t, r.LeaderRounds, 2)
	o, err = r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1, "now the deputy vote")
	require.Equal(t, RoleDeputy, o.Pending[0].Post)
	assert.Equal(t, 1, o.Pending[0].Round)
	r, err = o.WithRunoff(o.Pending[0], []Ballot{{Approve: []UnitID{"a"}, Count: 4}})
	require.NoError(t, err)
	require.Len(t, r.DeputyRounds, 1)
	o, err = r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, Leadership{Year: 2025, Leader: "b", Deputy: "a", By: SuccessionElect}, o.Leadership)
}

func TestOutcomeWithRunoffBadInput(t *testing.T) {
	o, err := tieReview(t).Conclude()
	require.NoError(t, err)
	p := o.Pending[0]
	later := p
	later.Round = 3
	other := p
	other.Award = AwardMinistryMerit
	post := p
	post.Award, post.Post = 0, RoleDeputy
	fallback := p
	fallback.Kind = TieBreakFallback
	units := p
	units.Units = []UnitID{"a", "c"}
	ballots := []Ballot{{Approve: []UnitID{"a"}}}
	cases := []struct {
		name    string
		p       Pending
		ballots []Ballot
		err     error
	}{
		{"another round", later, ballots, ErrNotPending},
		{"another award", other, ballots, ErrNotPending},
		{"a leadership vote", post, ballots, ErrNotPending},
		{"a fallback decision", fallback, ballots, ErrNotPending},
		{"other units", units, ballots, ErrNotPending},
		{"the zero Pending", Pending{}, ballots, ErrNotPending},
		{"a negative count", p, []Ballot{{Approve: []UnitID{"a"}, Count: -1}}, ErrInvalidCount},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := o.WithRunoff(c.p, c.ballots)
			var re *PartError
			require.ErrorAs(t, err, &re)
			assert.ErrorIs(t, err, c.err)
		})
	}
	_, err = Outcome{}.WithRunoff(p, ballots)
	assert.ErrorIs(t, err, ErrNotPending, "nothing is pending in the zero Outcome")

	// An invalid ballot is a result, counted as such at Conclude.
	r, err := o.WithRunoff(p, []Ballot{{Approve: []UnitID{"c"}}, {Approve: []UnitID{"a"}, Count: 3}})
	require.NoError(t, err)
	o2, err := r.Conclude()
	require.NoError(t, err)
	require.True(t, o2.Complete())
	assert.Equal(t, 1, o2.Votes[1].Result.Invalid)
}

func TestOutcomeWithSettlementBadInput(t *testing.T) {
	o, err := tieReview(t).Conclude()
	require.NoError(t, err)
	r, err := o.WithRunoff(o.Pending[0], []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	require.NoError(t, err)
	o, err = r.Conclude()
	require.NoError(t, err)
	p := o.Pending[0]
	require.Equal(t, TieBreakFallback, p.Kind)
	runoff := p
	runoff.Kind = TieBreakRunoff
	later := p
	later.Round = 4
	cases := []struct {
		name   string
		p      Pending
		chosen []UnitID
		err    error
	}{
		{"a runoff", runoff, []UnitID{"a"}, ErrNotPending},
		{"another round", later, []UnitID{"a"}, ErrNotPending},
		{"a unit not tied", p, []UnitID{"c"}, ErrNotTied},
		{"a unit twice", p, []UnitID{"a", "a"}, ErrDuplicateUnit},
		{"too many", p, []UnitID{"a", "b"}, ErrWrongSeats},
		{"none", p, nil, ErrWrongSeats},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := o.WithSettlement(c.p, c.chosen)
			var re *PartError
			require.ErrorAs(t, err, &re)
			assert.ErrorIs(t, err, c.err)
		})
	}
}

// Whatever the ballots, a runoff given to WithRunoff lands in the round it
// was asked for and the next review concludes, unless more ballots are cast
// than there are members, which fails at once.
func FuzzOutcomeWithRunoff(f *testing.F) {
	f.Add(uint8(3), uint8(1), uint8(0), false)
	f.Add(uint8(2), uint8(2), uint8(1), true)
	f.Fuzz(func(t *testing.T, forB, forA, blank uint8, mark3 bool) {
		o, err := tieReview(t).Conclude()
		require.NoError(t, err)
		p := o.Pending[0]
		var ballots []Ballot
		for range forB % 8 {
			ballots = append(ballots, Ballot{Approve: []UnitID{"b"}})
		}
		if forA%8 > 0 {
			ballots = append(ballots, Ballot{Approve: []UnitID{"a"}, Count: int(forA % 8)})
		}
		for range blank % 4 {
			ballots = append(ballots, Ballot{})
		}
		if mark3 {
			ballots = append(ballots, Ballot{Approve: []UnitID{"a", "b"}})
		}
		cast := int(forB%8) + int(forA%8) + int(blank%4)
		if mark3 {
			cast++
		}
		r, err := o.WithRunoff(p, ballots)
		if cast > 4 {
			var re *PartError
			require.ErrorAs(t, err, &re, "more ballots than the four members")
			return
		}
		require.NoError(t, err)
		require.Len(t, r.Awards[0].Rounds, p.Round)
		assert.Len(t, o.Review.Awards[0].Rounds, p.Round-1, "the outcome is not changed")
		next, err := r.Conclude()
		require.NoError(t, err)
		for _, q := range next.Pending {
			if q.Kind == TieBreakRunoff && q.Award == p.Award {
				assert.Greater(t, q.Round, p.Round, "the round given is not asked for again")
			}
		}
		assert.Len(t, next.Votes, len(o.Votes)+1, "the runoff was counted")
	})
}

// Whatever units are chosen, WithSettlement accepts exactly the choices that
// fill the open seats with distinct tied units, and the review it gives
// proposes the unit chosen.
func FuzzOutcomeWithSettlement(f *testing.F) {
	f.Add([]byte{0})
	f.Add([]byte{1})
	f.Add([]byte{0, 1})
	f.Add([]byte{2})
	f.Add([]byte{})
	o, err := tieReview(&testing.T{}).Conclude()
	if err != nil {
		f.Fatal(err)
	}
	r, err := o.WithRunoff(o.Pending[0], []Ballot{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}})
	if err != nil {
		f.Fatal(err)
	}
	if o, err = r.Conclude(); err != nil {
		f.Fatal(err)
	}
	p := o.Pending[0]
	units := []UnitID{"a", "b", "c", "d", "zz"}
	f.Fuzz(func(t *testing.T, picks []byte) {
		var chosen []UnitID
		for _, b := range picks {
			chosen = append(chosen, units[int(b)%len(units)])
		}
		ok := len(chosen) == p.Seats
		for i, id := range chosen {
			ok = ok && slices.Contains(p.Units, id) && !slices.Contains(chosen[:i], id)
		}
		next, err := o.WithSettlement(p, chosen)
		if !ok {
			var re *PartError
			require.ErrorAs(t, err, &re)
			return
		}
		require.NoError(t, err)
		done, err := next.Conclude()
		require.NoError(t, err)
		require.True(t, done.Complete())
		assert.Equal(t, chosen[0], done.Decision.Proposals[0].Unit)
		assert.Empty(t, o.Review.Settlements, "the outcome is not changed")
	})
}
