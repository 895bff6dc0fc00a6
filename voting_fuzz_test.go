package thidua

import (
	"errors"
	"math"
	"math/big"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzTally feeds arbitrary contests and ballots, decoded from bytes, and
// checks that Tally never panics, that cast = valid + invalid with every
// invalid ballot listed, that the ranking holds every candidate once, and that
// reversing the ballots changes neither the result nor the digest. Contests
// have up to 40 candidates (past the 12 of the approval histogram), and with
// flag 64 the electorate is math.MaxInt and counts reach 2^62, where only an
// exact count or a typed error will do.
func FuzzTally(f *testing.F) {
	f.Add([]byte{9, 4, 0, 1, 2, 3, 0, 1, 2, 3, 4, 5})
	f.Add([]byte{6, 3, 1, 0, 2, 255, 1, 0, 7, 2, 2, 1})
	f.Add([]byte{1, 5, 2, 2, 0, 1, 2, 3, 4, 0, 0, 0, 9, 9})
	// 30 candidates, Borda, large counts; 20 candidates, ranked pairs; 15,
	// approval past the histogram.
	f.Add([]byte{3, 29, 64, 0, 0, 1, 60, 5, 0, 1, 2, 3, 4, 1, 61, 5, 4, 3, 2, 1})
	f.Add([]byte{6, 19, 64 | 4, 0, 0, 2, 40, 6, 10, 11, 12, 13, 14, 15, 1, 20, 3, 15, 14, 13})
	f.Add([]byte{0, 14, 64 | 1 | 4, 0, 0, 16 | 1, 50, 1, 13, 16 | 2, 55, 2, 13, 12})
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int {
			if len(data) == 0 {
				return 0
			}
			b := data[0]
			data = data[1:]
			return int(b)
		}
		methods := []Method{MethodApproval, MethodPlurality, MethodTwoRound, MethodBorda, MethodInstantRunoff, MethodSchulze, MethodRankedPairs, MethodCopeland, MethodMinimaxWinningVotes, MethodMinimaxMargins, MethodMinimaxOpposition}
		m := methods[next()%len(methods)]
		n := 1 + next()%40
		flags := next()
		large := flags&64 != 0
		ids := abcdN(n)
		electorate := 1 + next()%60
		if large {
			electorate = math.MaxInt
		}
		spec := ContestSpec{Candidates: ids, Electorate: electorate, Method: m, MaxMarks: flags % 4,
			BlankValid: flags&4 != 0, Open: flags&8 != 0, ForbidSelfVote: flags&16 != 0,
			Seats: next() % (n + 1), BordaBase: flags >> 7}
		if m.counts() && flags&32 != 0 {
			spec.Threshold = AtLeast(int64(1+next()%5), 5).Of(Base(1 + next()%4))
		}
		c, err := NewContest(spec)
		require.NoError(t, err)
		var ballots []Ballot
		for len(data) > 0 && len(ballots) < 40 {
			head := next()
			b := Ballot{Count: head % 3, Weight: (head >> 2) % 2}
			if large {
				b.Count <<= next() % 62
			}
			k := next() % (n + 3)
			for range k {
				x := next()
				id := UnitID("zz") // never a candidate
				if x%64 < 56 {
					id = UnitID(rune('A' + x%48)) // a candidate when x%48 < n
				}
				if head&16 != 0 {
					b.Approve = append(b.Approve, id)
				} else if len(b.Ranking) > 0 && x&128 != 0 {
					b.Ranking[len(b.Ranking)-1] = append(b.Ranking[len(b.Ranking)-1], id)
				} else {
					b.Ranking = append(b.Ranking, []UnitID{id})
				}
			}
			if head&32 != 0 {
				b.Voter = UnitID(rune('A' + next()%8))
			}
			ballots = append(ballots, b)
		}
		r, err := c.Tally(ballots)
		if err != nil {
			if !errors.Is(err, ErrLimit) { // Borda points past math.MaxInt
				require.ErrorIs(t, err, ErrTooManyBallots)
			}
			return
		}
		cast := new(big.Int)
		for _, b := range ballots {
			cast.Add(cast, new(big.Int).Mul(big.NewInt(int64(orOne(b.Count))), big.NewInt(int64(orOne(b.Weight)))))
		}
		require.Equal(t, cast.String(), strconv.Itoa(r.Cast), "the cast count is exact")
		total := new(big.Int)
		for _, sc := range r.Scores {
			if m != MethodMinimaxMargins { // a minimax score by margins may be negative
				require.GreaterOrEqual(t, sc.Votes, 0, "no count wraps around")
			}
			total.Add(total, big.NewInt(int64(sc.Votes)))
		}
		if m == MethodPlurality || (m == MethodApproval && spec.MaxMarks == 1) {
			require.LessOrEqual(t, total.Cmp(big.NewInt(int64(r.Valid))), 0, "one mark per valid ballot at most")
		}
		require.Equal(t, r.Cast, r.Valid+r.Invalid)
		require.LessOrEqual(t, r.Cast, spec.Electorate)
		require.LessOrEqual(t, r.Blank, r.Valid)
		listed := 0
		for _, rb := range r.Rejected {
			listed += rb.Votes
			require.Error(t, rb.Err)
		}
		require.Equal(t, r.Invalid, listed)
		var all []UnitID
		for _, tier := range r.Ranking {
			require.NotEmpty(t, tier)
			all = append(all, tier...)
		}
		slices.Sort(all)
		require.Equal(t, ids, all)
		if spec.Seats > 0 {
			require.LessOrEqual(t, len(r.Elected), spec.Seats)
			require.Equal(t, spec.Seats-len(r.Elected), r.OpenSeats)
			// A tie at the cut-off is for open seats, and more units than seats.
			if len(r.Tied) > 0 {
				require.Positive(t, r.OpenSeats)
				require.Greater(t, len(r.Tied), r.OpenSeats)
			}
		}
		{
			rev := slices.Clone(ballots)
			slices.Reverse(rev)
			r2, err := c.Tally(rev)
			require.NoError(t, err)
			require.Equal(t, r.Digest, r2.Digest)
			r.Rejected, r2.Rejected = nil, nil
			require.True(t, r.Equal(r2))
		}
	})
}
