package thidua

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// randomTimeline draws a cluster of 3 to 12 units in 2020 and renames and
// mergers over the next years, mostly ones that apply, sometimes one that
// names a unit that is gone.
func randomTimeline(rng *rand.Rand, years int) (Cluster, []UnitChange) {
	n := 3 + rng.IntN(10)
	units := make([]Unit, n)
	for i := range units {
		units[i] = Unit{ID: UnitID(fmt.Sprintf("u%d", i)), Name: fmt.Sprintf("Đơn vị %d", i)}
	}
	c := MustCluster(ClusterSpec{ID: "c", Name: "Cụm C", Kind: KindCluster, Year: 2020, Members: units,
		Leader: units[0].ID, Deputy: units[1].ID})
	ids := c.MemberIDs()
	var changes []UnitChange
	fresh := 0
	for y := 2021; y <= 2020+years; y++ {
		for rng.IntN(3) == 0 {
			k := 1
			if len(ids) > 3 && rng.IntN(2) == 0 {
				k = 2 + rng.IntN(min(2, len(ids)-3))
			}
			perm := rng.Perm(len(ids))[:k]
			from := make([]UnitID, k)
			for i, p := range perm {
				from[i] = ids[p]
			}
			if rng.IntN(20) == 0 {
				from[0] = "gone" // not a member: Reorganize refuses it
			}
			fresh++
			into := Unit{ID: UnitID(fmt.Sprintf("n%d", fresh)), Name: fmt.Sprintf("Đơn vị mới %d", fresh)}
			if k > 1 && rng.IntN(2) == 0 {
				into.ID, into.Name = from[0], "Đơn vị hợp nhất"
			}
			changes = append(changes, UnitChange{Year: y, From: from, Into: into})
			var next []UnitID
			placed := false
			for _, id := range ids {
				switch {
				case !slices.Contains(from, id):
					next = append(next, id)
				case !placed:
					next, placed = append(next, into.ID), true
				}
			}
			ids = next
		}
	}
	return c, changes
}

func randomPolicy(rng *rand.Rand, c Cluster) Succession {
	order := c.MemberIDs()
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	s := Succession{Method: SuccessionRoundRobin, Order: order}
	if rng.IntN(2) == 0 {
		s.Method, s.DeputyFromOrder = SuccessionDeputySucceeds, true
	}
	s.Constraints.NoConsecutive = rng.IntN(2) == 0
	s.Constraints.CoolDown = rng.IntN(3) % c.Len()
	if rng.IntN(3) == 0 {
		salt := rng.Uint32()
		s.Constraints.ExcludeName = "kỷ luật"
		s.Constraints.Exclude = func(u UnitID, year int) bool {
			h := fnv.New32a()
			fmt.Fprintf(h, "%d/%s/%d", salt, u, year)
			return h.Sum32()%7 == 0
		}
	}
	return s
}

// Property: the incremental Plan and CheckHistory give exactly what
// re-running Reorganize and rebuilding the state every year gives: the same
// terms, first leads, violations and errors, with renames and mergers.
func FuzzPlanMatchesReference(f *testing.F) {
	f.Add(uint64(1), uint8(10))
	f.Add(uint64(2), uint8(40))
	f.Add(uint64(3), uint8(3))
	f.Fuzz(func(t *testing.T, seed uint64, y uint8) {
		rng := rand.New(rand.NewPCG(seed, 14))
		years := 1 + int(y%50)
		c, changes := randomTimeline(rng, years)
		s := randomPolicy(rng, c)
		got, err := s.Plan(c, History{}, years, changes)
		want, werr := s.planReference(c, History{}, years, changes)
		if werr != nil {
			require.Error(t, err)
			require.Equal(t, werr.Error(), err.Error())
			return
		}
		require.NoError(t, err)
		require.Equal(t, want, got)

		// A recorded history: the plan, with some terms changed by hand.
		terms := append([]Leadership{{Year: 2020, Leader: c.Leader(), Deputy: c.Deputy()}}, got.Terms...)
		all := c.MemberIDs()
		for _, ch := range changes {
			all = append(all, ch.Into.ID)
		}
		for i := range terms {
			if rng.IntN(4) == 0 {
				terms[i].Leader = all[rng.IntN(len(all))]
				if terms[i].Leader == terms[i].Deputy {
					terms[i].Deputy = ""
				}
			}
		}
		h, err := NewHistory(terms...)
		require.NoError(t, err)
		v, err := s.CheckHistory(c, h, changes)
		wv, werr := s.checkHistoryReference(c, h, changes)
		if werr != nil {
			require.Error(t, err)
			require.Equal(t, werr.Error(), err.Error())
			return
		}
		require.NoError(t, err)
		require.Equal(t, wv, v)
	})
}

// Property: Result.Runoff is the same contest among exactly the tied units
// for the open seats, and a result without a tie has no runoff.
func FuzzRunoff(f *testing.F) {
	f.Add(uint64(1), uint8(4), uint8(1), uint8(9))
	f.Add(uint64(2), uint8(12), uint8(3), uint8(30))
	f.Add(uint64(3), uint8(2), uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, n, seats, voters uint8) {
		rng := rand.New(rand.NewPCG(seed, 15))
		cands := ids(2 + int(n%20))
		spec := ContestSpec{ID: "vong-1", Year: 2024, Candidates: cands, Electorate: 1 + int(voters),
			Seats: int(seats) % len(cands), Method: MethodApproval, BlankValid: true, MaxMarks: int(seats) % len(cands)}
		if rng.IntN(2) == 0 {
			spec.Threshold = AtLeast(1, 2).Of(BaseValid)
		}
		c, err := NewContest(spec)
		require.NoError(t, err)
		var ballots []Ballot
		for range spec.Electorate {
			var b Ballot
			for _, id := range cands {
				if rng.IntN(3) == 0 && (spec.MaxMarks == 0 || len(b.Approve) < spec.MaxMarks) {
					b.Approve = append(b.Approve, id)
				}
			}
			ballots = append(ballots, b)
		}
		r, err := c.Tally(ballots)
		require.NoError(t, err)
		ro, err := r.Runoff()
		if len(r.Tied) == 0 {
			require.ErrorIs(t, err, ErrNoRunoff)
			return
		}
		require.NoError(t, err)
		require.Equal(t, r.Tied, ro.Candidates())
		require.Equal(t, r.OpenSeats, ro.Seats())
		require.Equal(t, c.Electorate(), ro.Electorate())
		require.Equal(t, c.Method(), ro.Method())
		require.Equal(t, c.Threshold(), ro.Threshold())
		for _, id := range r.Elected {
			require.NotContains(t, ro.Candidates(), id, "the elected keep their seats")
		}
		// The runoff counts: one ballot for its first candidate elects it
		// when one seat is open and nobody else gets a vote.
		if ro.Seats() == 1 && ro.Threshold().IsZero() {
			rr, err := ro.Tally([]Ballot{{Approve: ro.Candidates()[:1]}})
			require.NoError(t, err)
			require.Equal(t, ro.Candidates()[:1], rr.Elected)
		}
	})
}

// Property: under Elect, Next takes the vote's winner (or, on a tie under
// TieByOrder, the first tied unit in the order) as leader of the roster the
// changes make, sets it on the returned cluster, and a history of the two
// years has no membership violation; errors are typed.
func FuzzSuccessionElect(f *testing.F) {
	f.Add(uint64(1), uint8(0))
	f.Add(uint64(2), uint8(1))
	f.Add(uint64(5), uint8(2))
	f.Fuzz(func(t *testing.T, seed uint64, mode uint8) {
		rng := rand.New(rand.NewPCG(seed, 16))
		c, changes := randomTimeline(rng, 1)
		s := Succession{Method: SuccessionElect, Constraints: Constraints{NoConsecutive: mode&1 != 0}}
		if mode&2 != 0 {
			s.TieByOrder = true
			s.Order = c.MemberIDs()
			rng.Shuffle(len(s.Order), func(i, j int) { s.Order[i], s.Order[j] = s.Order[j], s.Order[i] })
		}
		r, err := c.Reorganize(c.Year()+1, changes)
		if err != nil {
			_, _, nerr := s.Next(c, History{}, Selection{}, changes)
			require.Error(t, nerr, "Next refuses the changes Reorganize refuses")
			return
		}
		roster := r.Cluster.MemberIDs()
		vote := func(post string, cands []UnitID) *Result {
			ct := MustContest(ContestSpec{ID: ContestID(post), Year: c.Year(), Candidates: cands,
				Electorate: 2 * len(cands), Seats: 1, Method: MethodPlurality})
			var ballots []Ballot
			for range rng.IntN(2 * len(cands)) {
				ballots = append(ballots, Ballot{Ranking: [][]UnitID{{cands[rng.IntN(len(cands))]}}})
			}
			res, err := ct.Tally(ballots)
			require.NoError(t, err)
			return &res
		}
		lv := vote("leader", roster)
		sel := Selection{LeaderVote: lv}
		l, next, err := s.Next(c, History{}, sel, changes)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "thidua: "), "%v", err)
			var tie *ElectionTieError
			var in *Violation
			require.True(t, errors.As(err, &tie) || errors.As(err, &in) || errors.Is(err, ErrMissingSelection) || errors.Is(err, ErrVoteMismatch) ||
				errors.Is(err, ErrNoEligibleLeader), "%v", err)
			return
		}
		require.Equal(t, c.Year()+1, l.Year)
		require.Equal(t, SuccessionElect, l.By)
		if len(lv.Tied) > 0 {
			require.True(t, s.TieByOrder)
			require.Contains(t, lv.Tied, l.Leader)
		} else {
			require.Equal(t, lv.Elected, []UnitID{l.Leader})
		}
		require.Equal(t, l.Leader, next.Leader())
		require.Equal(t, r.Cluster.MemberIDs(), next.MemberIDs())
		h, err := NewHistory(Leadership{Year: c.Year(), Leader: c.Leader(), Deputy: c.Deputy()}, l)
		require.NoError(t, err)
		v, err := s.CheckHistory(c, h, changes)
		require.NoError(t, err)
		for _, x := range v {
			require.NotEqual(t, ConstraintMember, x.Constraint, "%v", x)
		}
	})
}

// Property: RulesOn gives the preset in force on the day, or ErrNoRuleSet
// (ErrInvalidDate for a day that does not exist); NewRuleBook accepts a set
// of presets exactly when no two overlap and finds the same set in force;
// AwardRules gives one rule per award asked for, with the quota asked.
func FuzzRuleBook(f *testing.F) {
	f.Add(uint16(2024), uint8(3), uint8(15), uint8(7), uint8(1), uint8(3))
	f.Add(uint16(2017), uint8(9), uint8(30), uint8(5), uint8(0), uint8(0))
	f.Add(uint16(2025), uint8(7), uint8(1), uint8(6), uint8(2), uint8(255))
	f.Fuzz(func(t *testing.T, year uint16, month, day, pick, count, awards uint8) {
		d := Date{Year: int(year), Month: time.Month(month % 14), Day: int(day % 33)}
		rs, err := RulesOn(d)
		switch {
		case d.Validate() != nil:
			require.ErrorIs(t, err, ErrInvalidDate)
			return
		case err != nil:
			require.ErrorIs(t, err, ErrNoRuleSet)
			for _, p := range Presets().Sets() {
				require.False(t, p.InForce(d), "%s is in force on %s", p.Name, d)
			}
			return
		}
		require.True(t, rs.InForce(d))
		all := Presets().Sets()
		var sets []RuleSet
		for i, p := range all {
			if pick&(1<<i) != 0 {
				sets = append(sets, p)
			}
		}
		if pick&8 != 0 && len(sets) > 0 {
			sets = append(sets, sets[0]) // a set twice overlaps itself
		}
		book, err := NewRuleBook(sets...)
		if pick&8 != 0 && len(sets) > 0 {
			require.ErrorIs(t, err, ErrRuleSetOverlap)
		} else {
			require.NoError(t, err, "the presets do not overlap")
			got, err := book.On(d)
			if slices.ContainsFunc(sets, func(s RuleSet) bool { return s.Equal(rs) }) {
				require.NoError(t, err)
				require.True(t, got.Equal(rs))
			} else {
				require.ErrorIs(t, err, ErrNoRuleSet)
			}
		}
		quotas := map[Award]Quota{}
		for i, a := range Awards() {
			if awards&(1<<(i%8)) != 0 {
				quotas[a] = CountQuota(int(count % 4))
			}
		}
		ar, err := rs.AwardRules(quotas)
		if err != nil {
			require.True(t, strings.HasPrefix(err.Error(), "thidua: "), "%v", err)
			return
		}
		require.Equal(t, len(quotas), ar.Len())
		for a, q := range quotas {
			rule, ok := ar.Rule(a)
			require.True(t, ok, "%s", a)
			require.Equal(t, q, rule.Quota)
			require.Equal(t, rs.Threshold(a), rule.Vote)
		}
	})
}
