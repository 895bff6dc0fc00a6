package thidua

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"testing"

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
	s := Succession{Method: RoundRobin, Order: order}
	if rng.IntN(2) == 0 {
		s.Method, s.Deputy = DeputySucceeds, DeputyFromOrder
	}
	s.Constraints.NoConsecutive = rng.IntN(2) == 0
	s.Constraints.CoolDown = rng.IntN(3) % c.Len()
	if rng.IntN(3) == 0 {
		salt := rng.Uint32()
		s.Constraints.Exclude = Exclusion{Name: "kỷ luật", Excludes: func(u UnitID, year int) bool {
			h := fnv.New32a()
			fmt.Fprintf(h, "%d/%s/%d", salt, u, year)
			return h.Sum32()%7 == 0
		}}
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
