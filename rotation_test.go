package thidua

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var cluster3Order = []UnitID{"bac-ninh", "nam-dinh", "ninh-binh", "vinh-phuc", "hung-yen", "quang-ninh", "thai-binh", "hai-duong", "ha-nam"}

// The 2023 review: Nam Định, the deputy, succeeds Bắc Ninh; the cluster elects
// Hải Dương deputy (the article: 08/12/2023). The vote figures are illustrative.
func TestNextCluster3DeputySucceeds2023(t *testing.T) {
	c := cluster3()
	policy := Succession{Method: SuccessionDeputySucceeds, Constraints: Constraints{NoConsecutive: true}}
	deputyVote := leaderVote(t, "deputy-2024", 2023, c.MemberIDs(), "hai-duong")

	l, next, err := policy.Next(c, History{}, Selection{DeputyVote: deputyVote}, nil)
	require.NoError(t, err)
	assert.Equal(t, Leadership{Year: 2024, Leader: "nam-dinh", Deputy: "hai-duong", By: SuccessionDeputySucceeds}, l)
	assert.Equal(t, 2024, next.Year())
	assert.Equal(t, UnitID("nam-dinh"), next.Leader())
	assert.Equal(t, UnitID("hai-duong"), next.Deputy())
	assert.Equal(t, UnitID("bac-ninh"), c.Leader(), "the 2023 roster is unchanged")

	h, err := NewHistory(Leadership{Year: 2023, Leader: "bac-ninh", Deputy: "nam-dinh"}, l)
	require.NoError(t, err)
	v, err := policy.CheckHistory(c, h, nil)
	require.NoError(t, err)
	assert.Empty(t, v)
}

func TestNextElected(t *testing.T) {
	c := cluster3()
	policy := Succession{Method: SuccessionElect}
	l, _, err := policy.Next(c, History{}, Selection{
		LeaderVote: leaderVote(t, "leader-2024", 2023, c.MemberIDs(), "nam-dinh"),
		DeputyVote: leaderVote(t, "deputy-2024", 2023, c.MemberIDs(), "hai-duong"),
	}, nil)
	require.NoError(t, err)
	assert.Equal(t, Leadership{Year: 2024, Leader: "nam-dinh", Deputy: "hai-duong", By: SuccessionElect}, l)

	// A tie goes to a runoff by default, or to the order when the policy says so.
	tied := leaderVote(t, "leader-2024", 2023, c.MemberIDs(), "vinh-phuc", "nam-dinh")
	_, _, err = policy.Next(c, History{}, Selection{LeaderVote: tied}, nil)
	var te *ElectionTieError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, RoleLeader, te.Post)
	assert.Equal(t, []UnitID{"nam-dinh", "vinh-phuc"}, te.Tied, "in the ballot's order")

	reversed := slices.Clone(cluster3Order)
	slices.Reverse(reversed)
	policy.TieByOrder, policy.Order = true, reversed
	l, _, err = policy.Next(c, History{}, Selection{LeaderVote: tied, DeputyVote: leaderVote(t, "deputy-2024", 2023, c.MemberIDs(), "hai-duong")}, nil)
	require.NoError(t, err)
	assert.Equal(t, UnitID("vinh-phuc"), l.Leader, "Vĩnh Phúc comes before Nam Định in the reversed order")
}

func TestNextAssignedAndRoundRobin(t *testing.T) {
	c := cluster3()
	l, _, err := Succession{Method: SuccessionAssign}.Next(c, History{}, Selection{Assigned: &Leadership{Year: 2024, Leader: "ha-nam", Deputy: "hung-yen"}}, nil)
	require.NoError(t, err)
	assert.Equal(t, Leadership{Year: 2024, Leader: "ha-nam", Deputy: "hung-yen", By: SuccessionAssign}, l)

	l, _, err = Succession{Method: SuccessionRoundRobin, Order: cluster3Order}.Next(c, History{}, Selection{}, nil)
	require.NoError(t, err)
	assert.Equal(t, Leadership{Year: 2024, Leader: "nam-dinh", Deputy: "ninh-binh", By: SuccessionRoundRobin}, l)
}

func TestNextBadInput(t *testing.T) {
	c := cluster3()
	ids := c.MemberIDs()
	vote := func(id ContestID, year int, winners ...UnitID) *Result {
		return leaderVote(t, id, year, ids, winners...)
	}
	rr := Succession{Method: SuccessionRoundRobin, Order: cluster3Order}
	h2022, err := NewHistory(Leadership{Year: 2022, Leader: "ha-nam", Deputy: "bac-ninh"})
	require.NoError(t, err)
	hAhead, err := NewHistory(Leadership{Year: 2024, Leader: "ha-nam"})
	require.NoError(t, err)
	hOther, err := NewHistory(Leadership{Year: 2023, Leader: "ha-nam"})
	require.NoError(t, err)
	hGap, err := NewHistory(Leadership{Year: 2021, Leader: "ha-nam"})
	require.NoError(t, err)
	excludeAll := func(UnitID, int) bool { return true }

	tests := []struct {
		name    string
		policy  Succession
		history History
		sel     Selection
		want    error
	}{
		{"zero method", Succession{}, History{}, Selection{}, ErrInvalidSuccession},
		{"order misses a member", Succession{Method: SuccessionRoundRobin, Order: cluster3Order[1:]}, History{}, Selection{}, ErrOrderMisses},
		{"order repeats a member", Succession{Method: SuccessionRoundRobin, Order: append(slices.Clone(cluster3Order), "ha-nam")}, History{}, Selection{}, ErrOrderRepeats},
		{"order names a non-member", Succession{Method: SuccessionRoundRobin, Order: append(slices.Clone(cluster3Order[:8]), "ha-noi")}, History{}, Selection{}, ErrUnknownUnit},
		{"cool-down longer than the roster", Succession{Method: SuccessionRoundRobin, Order: cluster3Order, Constraints: Constraints{CoolDown: 9}}, History{}, Selection{}, ErrCoolDownTooLong},
		{"negative cool-down", Succession{Method: SuccessionRoundRobin, Order: cluster3Order, Constraints: Constraints{CoolDown: -1}}, History{}, Selection{}, ErrCoolDownTooLong},
		{"history runs past the roster", rr, hAhead, Selection{}, ErrHistoryAhead},
		{"history disagrees with the roster", rr, hOther, Selection{}, ErrHistoryDisagrees},
		{"history with a gap before the roster", rr, hGap, Selection{}, ErrHistoryGap},
		{"missing leader vote", Succession{Method: SuccessionElect}, h2022, Selection{}, ErrMissingSelection},
		{"missing deputy vote", Succession{Method: SuccessionDeputySucceeds}, History{}, Selection{}, ErrMissingSelection},
		{"missing assignment", Succession{Method: SuccessionAssign}, History{}, Selection{}, ErrMissingSelection},
		{"vote of another year", Succession{Method: SuccessionElect}, History{}, Selection{LeaderVote: vote("leader", 2022, "nam-dinh")}, ErrYearMismatch},
		{"vote of another roster", Succession{Method: SuccessionElect}, History{}, Selection{LeaderVote: leaderVote(t, "leader", 2023, []UnitID{"nam-dinh", "ha-noi"}, "nam-dinh")}, ErrUnknownUnit},
		{"vote that elected nobody", Succession{Method: SuccessionElect}, History{}, Selection{LeaderVote: vote("leader", 2023)}, ErrNotElected},
		{"deputy vote elects the leader", Succession{Method: SuccessionElect}, History{}, Selection{LeaderVote: vote("l", 2023, "nam-dinh"), DeputyVote: vote("d", 2023, "nam-dinh")}, ErrLeaderIsDeputy},
		{"tied vote", Succession{Method: SuccessionElect}, History{}, Selection{LeaderVote: vote("l", 2023, "nam-dinh", "ha-nam")}, ErrElectionTied},
		{"elected leader breaks no-consecutive", Succession{Method: SuccessionElect, Constraints: Constraints{NoConsecutive: true}}, History{}, Selection{LeaderVote: vote("l", 2023, "bac-ninh")}, ErrIneligible},
		{"assignment of another year", Succession{Method: SuccessionAssign}, History{}, Selection{Assigned: &Leadership{Year: 2025, Leader: "ha-nam"}}, ErrYearMismatch},
		{"assigned leader equals deputy", Succession{Method: SuccessionAssign}, History{}, Selection{Assigned: &Leadership{Year: 2024, Leader: "ha-nam", Deputy: "ha-nam"}}, ErrLeaderIsDeputy},
		{"assigned leader not a member", Succession{Method: SuccessionAssign}, History{}, Selection{Assigned: &Leadership{Year: 2024, Leader: "ha-noi"}}, ErrLeaderNotMember},
		{"assigned deputy not a member", Succession{Method: SuccessionAssign}, History{}, Selection{Assigned: &Leadership{Year: 2024, Leader: "ha-nam", Deputy: "ha-noi"}}, ErrDeputyNotMember},
		{"exclusion empties the field", Succession{Method: SuccessionRoundRobin, Order: cluster3Order, Constraints: Constraints{Exclude: excludeAll, ExcludeName: "pending discipline"}}, History{}, Selection{}, ErrNoEligibleLeader},
		{"succeeding deputy is excluded", Succession{Method: SuccessionDeputySucceeds, DeputyFromOrder: true, Order: cluster3Order, Constraints: Constraints{
			Exclude: func(u UnitID, _ int) bool { return u == "nam-dinh" }, ExcludeName: "investigation"}}, History{}, Selection{}, ErrIneligible},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := tt.policy.Next(c, tt.history, tt.sel, nil)
			require.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^thidua: `, err.Error())
		})
	}
}

func TestConstraintErrorNamesTheConstraint(t *testing.T) {
	c := cluster3()
	// Only Bắc Ninh is not excluded, and it led in 2023: no-consecutive empties the field.
	policy := Succession{Method: SuccessionRoundRobin, Order: cluster3Order, Constraints: Constraints{
		NoConsecutive: true,
		Exclude:       func(u UnitID, _ int) bool { return u != "bac-ninh" },
		ExcludeName:   "pending discipline",
	}}
	_, _, err := policy.Next(c, History{}, Selection{}, nil)
	var ce *Violation
	require.ErrorAs(t, err, &ce)
	require.ErrorIs(t, err, ErrNoEligibleLeader)
	assert.Equal(t, ConstraintNoConsecutive, ce.Constraint)
	assert.Equal(t, 2024, ce.Year)

	policy.Constraints.NoConsecutive = false
	policy.Constraints.Exclude = func(UnitID, int) bool { return true }
	_, _, err = policy.Next(c, History{}, Selection{}, nil)
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, ConstraintExcluded, ce.Constraint)
	assert.Contains(t, err.Error(), "pending discipline")
}

func TestNewHistoryBadInput(t *testing.T) {
	tests := []struct {
		name  string
		terms []Leadership
		want  error
		year  int
	}{
		{"gap", []Leadership{{Year: 2021, Leader: "a"}, {Year: 2023, Leader: "b"}}, ErrHistoryGap, 2022},
		{"duplicate year", []Leadership{{Year: 2021, Leader: "a"}, {Year: 2021, Leader: "b"}}, ErrDuplicateYear, 2021},
		{"out of order", []Leadership{{Year: 2022, Leader: "a"}, {Year: 2021, Leader: "b"}}, ErrHistoryOrder, 2021},
		{"leader equals deputy", []Leadership{{Year: 2022, Leader: "a", Deputy: "a"}}, ErrLeaderIsDeputy, 2022},
		{"no leader", []Leadership{{Year: 2022}}, ErrInvalidID, 2022},
		{"year out of range", []Leadership{{Year: 1000, Leader: "a"}}, ErrYearOutOfRange, 1000},
		{"invalid by", []Leadership{{Year: 2022, Leader: "a", By: 9}}, ErrInvalidSuccession, 2022},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewHistory(tt.terms...)
			require.ErrorIs(t, err, tt.want)
			te := partError(err)
			require.NotNil(t, te, "%v", err)
			assert.Equal(t, fmt.Sprintf("leadership term %d", tt.year), te.Part)
		})
	}
}

func TestHistoryJSONRoundTrip(t *testing.T) {
	h, err := NewHistory(
		Leadership{Year: 2023, Leader: "bac-ninh", Deputy: "nam-dinh", By: SuccessionElect},
		Leadership{Year: 2024, Leader: "nam-dinh", Deputy: "hai-duong", By: SuccessionDeputySucceeds},
	)
	require.NoError(t, err)
	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"by":"deputy-succeeds"`)
	var back History
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, h.Terms(), back.Terms())
	assert.ErrorIs(t, json.Unmarshal([]byte(`[{"year":2023,"leader":"a"},{"year":2025,"leader":"b"}]`), &back), ErrHistoryGap)
	l, ok := h.In(2024)
	require.True(t, ok)
	assert.Equal(t, UnitID("nam-dinh"), l.Leader)
	_, ok = h.In(2025)
	assert.False(t, ok)
}

func TestRoundRobinPlanVisitsEveryMemberOnce(t *testing.T) {
	c := cluster3()
	p, err := Succession{Method: SuccessionRoundRobin, Order: cluster3Order}.Plan(c, History{}, 9, nil)
	require.NoError(t, err)
	require.Len(t, p.Terms, 9)
	leaders := map[UnitID]int{}
	for i, term := range p.Terms {
		assert.Equal(t, 2024+i, term.Year)
		leaders[term.Leader]++
		if i > 0 {
			assert.Equal(t, p.Terms[i-1].Deputy, term.Leader, "the deputy leads next under a fixed order")
		}
	}
	assert.Len(t, leaders, 9)
	for id, n := range leaders {
		assert.Equal(t, 1, n, "%s leads once in nine years", id)
	}
	assert.Equal(t, 2032, p.FirstLead("bac-ninh"), "the 2023 leader comes round last")
	assert.Equal(t, 2024, p.FirstLead("nam-dinh"))
	assert.Zero(t, p.FirstLead("ha-noi"), "not a member")
}

func TestPlanNeedsAVotelessPolicy(t *testing.T) {
	_, err := Succession{Method: SuccessionElect}.Plan(cluster3(), History{}, 3, nil)
	assert.ErrorIs(t, err, ErrPlanNeedsVotes)
	_, err = Succession{Method: SuccessionRoundRobin, Order: cluster3Order}.Plan(cluster3(), History{}, -1, nil)
	assert.ErrorIs(t, err, ErrYearOutOfRange)
}

// Across the 2025 mergers the plan follows the successor units: six members
// from 2025 on, each leading once in six years.
func TestPlanAcrossTheMergers(t *testing.T) {
	c := cluster3In2024()
	policy := Succession{Method: SuccessionDeputySucceeds, DeputyFromOrder: true, Order: cluster3Order, Constraints: Constraints{NoConsecutive: true}}
	p, err := policy.Plan(c, History{}, 7, reorg2025)
	require.NoError(t, err)
	// 2024: Nam Định leads, Hải Dương deputy; Hải Dương is Hải Phòng from 2025.
	assert.Equal(t, Leadership{Year: 2025, Leader: "hai-phong", Deputy: "bac-ninh", By: SuccessionDeputySucceeds}, p.Terms[0])
	seen := map[UnitID]int{}
	for _, term := range p.Terms[:6] {
		seen[term.Leader]++
	}
	assert.Len(t, seen, 6, "six successor units, each leads once in six years: %v", p.Terms)
	for _, id := range c.MemberIDs() {
		assert.NotZero(t, p.FirstLead(id), "%s (or its successor) leads within the plan", id)
	}
	// From 2025 only the six successor units lead or deputise.
	after := MustCluster(cluster3Spec())
	r, err := after.Reorganize(2025, reorg2025)
	require.NoError(t, err)
	for _, term := range p.Terms {
		assert.True(t, r.Cluster.IsMember(term.Leader), "%d: %s", term.Year, term.Leader)
		assert.True(t, r.Cluster.IsMember(term.Deputy), "%d: %s", term.Year, term.Deputy)
	}
}

// A deputy merged into the leader: Hà Nam led and Nam Định was deputy in 2024,
// and both became Ninh Bình in 2025, so the deputy post is vacant and the order
// after the leader gives next year's leader and deputy.
func TestNextReplacesAMergedDeputy(t *testing.T) {
	s := cluster3Spec()
	s.Year, s.Leader, s.Deputy = 2024, "ha-nam", "nam-dinh"
	c := MustCluster(s)
	policy := Succession{Method: SuccessionDeputySucceeds, DeputyFromOrder: true, Order: cluster3Order}
	l, next, err := policy.Next(c, History{}, Selection{}, reorg2025)
	require.NoError(t, err)
	// Both merged into Ninh Bình: the deputy post was vacated, so the order after
	// the leader (Ninh Bình) gives the leader, and the deputy follows it.
	assert.Equal(t, 2025, l.Year)
	assert.Equal(t, SuccessionRoundRobin, l.By)
	assert.Equal(t, UnitID("phu-tho"), l.Leader)
	assert.Equal(t, UnitID("hung-yen"), l.Deputy)
	assert.Equal(t, 6, next.Len())
}

func TestCheckHistoryFindsViolations(t *testing.T) {
	c := cluster3()
	h, err := NewHistory(
		Leadership{Year: 2023, Leader: "bac-ninh", Deputy: "nam-dinh"},
		Leadership{Year: 2024, Leader: "bac-ninh", Deputy: "hai-duong"},
		Leadership{Year: 2025, Leader: "ha-noi", Deputy: "hai-duong"},
	)
	require.NoError(t, err)
	policy := Succession{Method: SuccessionDeputySucceeds, Constraints: Constraints{NoConsecutive: true}}
	v, err := policy.CheckHistory(c, h, nil)
	require.NoError(t, err)
	require.Len(t, v, 4, "%v", v)
	assert.Equal(t, Violation{Year: 2024, Unit: "bac-ninh", Constraint: ConstraintNoConsecutive, Detail: "no consecutive terms"}, v[0])
	assert.Equal(t, ConstraintMethod, v[1].Constraint)
	assert.Equal(t, "2024: bac-ninh breaks succession method (deputy-succeeds expects nam-dinh)", v[1].String())
	assert.Equal(t, Violation{Year: 2025, Unit: "ha-noi", Constraint: ConstraintMember}, v[2])
	assert.Equal(t, ConstraintMethod, v[3].Constraint)
}

// Property: a history built by Next has no violations under the same policy;
// plans are deterministic; round-robin visits every member once per cycle; with
// no-consecutive on, nobody leads twice running.
func FuzzRotationProperties(f *testing.F) {
	f.Add(uint64(1), uint8(0), uint8(0), uint8(0), uint8(10))
	f.Add(uint64(7), uint8(1), uint8(1), uint8(2), uint8(20))
	f.Add(uint64(42), uint8(1), uint8(0), uint8(3), uint8(5))
	f.Fuzz(func(t *testing.T, seed uint64, method, noConsec, coolDown, years uint8) {
		rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		n := 2 + rng.IntN(10)
		units := make([]Unit, n)
		for i := range units {
			units[i] = Unit{ID: UnitID(fmt.Sprintf("u%d", i)), Name: fmt.Sprintf("Unit %d", i)}
		}
		order := make([]UnitID, n)
		for i, p := range rng.Perm(n) {
			order[i] = units[p].ID
		}
		c := MustCluster(ClusterSpec{ID: "c", Name: "C", Kind: KindCluster, Year: 2020, Members: units, Leader: order[0], Deputy: order[1]})
		policy := Succession{Method: SuccessionRoundRobin, Order: order}
		if method%2 == 1 {
			policy.Method, policy.DeputyFromOrder = SuccessionDeputySucceeds, true
		}
		policy.Constraints.NoConsecutive = noConsec%2 == 1
		policy.Constraints.CoolDown = int(coolDown) % n
		nyears := int(years%30) + 1

		p, err := policy.Plan(c, History{}, nyears, nil)
		if err != nil {
			// Constraints may leave nobody to lead; that must be a typed error.
			require.ErrorIs(t, err, ErrNoEligibleLeader)
			return
		}
		p2, err := policy.Plan(c, History{}, nyears, nil)
		require.NoError(t, err)
		require.Equal(t, p, p2, "plans are deterministic")

		terms := append([]Leadership{{Year: 2020, Leader: c.Leader(), Deputy: c.Deputy()}}, p.Terms...)
		h, err := NewHistory(terms...)
		require.NoError(t, err)
		v, err := policy.CheckHistory(c, h, nil)
		require.NoError(t, err)
		require.Empty(t, v, "a planned history has no violations")

		// Next agrees with Plan, one year at a time.
		cur, hist := c, History{}
		for i := 0; i < nyears && i < 5; i++ {
			l, next, err := policy.Next(cur, hist, Selection{}, nil)
			require.NoError(t, err)
			require.Equal(t, p.Terms[i], l)
			hist, err = hist.Append(Leadership{Year: cur.Year(), Leader: cur.Leader(), Deputy: cur.Deputy()})
			require.NoError(t, err)
			cur = next
		}

		for i, term := range p.Terms {
			require.NotEqual(t, term.Leader, term.Deputy)
			prev := terms[i]
			if policy.Constraints.NoConsecutive || policy.Constraints.CoolDown > 0 {
				require.NotEqual(t, prev.Leader, term.Leader, "nobody leads twice running")
			}
		}
		if policy.Method == SuccessionRoundRobin && !policy.Constraints.NoConsecutive && policy.Constraints.CoolDown == 0 && nyears >= n {
			seen := map[UnitID]int{}
			for _, term := range p.Terms[:n] {
				seen[term.Leader]++
			}
			require.Len(t, seen, n, "each member leads exactly once in n years")
		}
	})
}

// A policy that decodes also encodes: what cannot be valid for any roster
// is refused while decoding.
func TestSuccessionJSONRefusesWhatCannotEncode(t *testing.T) {
	tests := []struct {
		name, json string
		want       error
	}{
		{"no method", `{}`, ErrInvalidSuccession},
		{"an earlier version's deputy rule", `{"method":"deputy-succeeds","deputy":"elected"}`, ErrInvalidSuccession},
		{"an earlier version's tie rule", `{"method":"elect","on_tie":"by-order"}`, ErrInvalidSuccession},
		{"negative cool-down", `{"method":"round-robin","cool_down":-1}`, ErrCoolDownTooLong},
		{"order repeats", `{"method":"round-robin","order":["a","a"]}`, ErrOrderRepeats},
		{"order in NFD", `{"method":"round-robin","order":["` + bacNinhNFD + `"]}`, ErrDecomposedID},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Succession
			require.ErrorIs(t, json.Unmarshal([]byte(tt.json), &s), tt.want)
		})
	}
	var s Succession
	require.NoError(t, json.Unmarshal([]byte(`{"method":"round-robin","order":["a","b"],"cool_down":1}`), &s))
	_, err := json.Marshal(s)
	require.NoError(t, err)
}

func TestPlanJSONBadInput(t *testing.T) {
	tests := []struct {
		name, json string
		want       error
	}{
		{"first year out of range", `{"terms":[],"first_leads":{"a":99999}}`, ErrYearOutOfRange},
		{"first year negative", `{"terms":[],"first_leads":{"a":-1}}`, ErrYearOutOfRange},
		{"unit ID in NFD", `{"terms":[],"first_leads":{"` + bacNinhNFD + `":2024}}`, ErrDecomposedID},
		{"term leader and deputy the same", `{"terms":[{"year":2024,"leader":"a","deputy":"a"}],"first_leads":{}}`, ErrLeaderIsDeputy},
		{"term by an undefined method", `{"terms":[{"year":2024,"leader":"a","by":"lottery"}],"first_leads":{}}`, ErrInvalidSuccession},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p Plan
			require.ErrorIs(t, json.Unmarshal([]byte(tt.json), &p), tt.want)
		})
	}
	var p Plan
	require.NoError(t, json.Unmarshal([]byte(`{"terms":[{"year":2024,"leader":"a","by":"round-robin"}],"first_leads":{"a":2024,"b":0}}`), &p))
	assert.Equal(t, 2024, p.FirstLead("a"))
	assert.Zero(t, p.FirstLead("b"))
}
