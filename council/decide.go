package council

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"

	"github.com/thidua/thidua"
)

// Vote is one tally held at the session: the award, the round, who returned a
// ballot, the ballots, and the Result of counting them with the root
// package's Contest.Tally (the same accounting, Cast = Valid + Invalid, and
// the same digest as a cluster's vote). Its JSON holds the contest and the
// ballots; decoding counts them again, so the Result cannot disagree with
// them.
type Vote struct {
	// Award is the award voted on.
	Award thidua.Award
	// Round is 1 for the vote, then 2, 3 ... for runoffs.
	Round int
	// Voters are who returned a ballot.
	Voters []MemberID
	// Ballots are the ballots counted.
	Ballots []thidua.Ballot
	// Result is the tally; Result.Contest is the contest held.
	Result thidua.Result
}

type voteJSON struct {
	Award   thidua.Award    `json:"award"`
	Round   int             `json:"round"`
	Contest thidua.Contest  `json:"contest"`
	Voters  []MemberID      `json:"voters"`
	Ballots []thidua.Ballot `json:"ballots"`
}

// MarshalJSON encodes the vote as its award, round, contest, voters and
// ballots.
func (v Vote) MarshalJSON() ([]byte, error) {
	return json.Marshal(voteJSON{Award: v.Award, Round: v.Round, Contest: v.Result.Contest, Voters: v.Voters, Ballots: v.Ballots})
}

// UnmarshalJSON decodes a vote and counts its ballots again.
func (v *Vote) UnmarshalJSON(b []byte) error {
	var j voteJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	res, err := j.Contest.Tally(j.Ballots)
	if err != nil {
		return err
	}
	*v = Vote{Award: j.Award, Round: j.Round, Voters: j.Voters, Ballots: j.Ballots, Result: res}
	return nil
}

// contest builds the contest of one round: all members are the electorate,
// those attending are present, and the rules' threshold and quorum apply to
// the vote itself; a runoff orders the tied units for the open seats.
func (p *prepared) contest(a thidua.Award, round int, cands []thidua.UnitID, seats int) (thidua.Contest, error) {
	spec := thidua.ContestSpec{
		ID:    thidua.ContestID(fmt.Sprintf("council-%d-%s-r%d", p.s.Year, a, round)),
		Title: a.Vietnamese(), Year: p.s.Year,
		Candidates: cands, Electorate: p.count.Members, Present: p.count.Attending,
		Seats: seats, Method: thidua.MethodApproval, Quorum: p.rules.CouncilQuorum,
		BlankValid: true, Open: !p.secret,
	}
	if round == 1 {
		spec.Threshold = p.rules.Threshold(a)
	}
	return thidua.NewContest(spec)
}

func (p *prepared) tally(a thidua.Award, pl Poll, cands []thidua.UnitID, seats int) (Vote, error) {
	c, err := p.contest(a, pl.Round, cands, seats)
	if err != nil {
		return Vote{}, &PollError{Award: a, Round: pl.Round, Err: err}
	}
	res, err := c.Tally(pl.Ballots)
	if err != nil {
		return Vote{}, &PollError{Award: a, Round: pl.Round, Err: err}
	}
	return Vote{Award: a, Round: pl.Round, Voters: slices.Clone(pl.Voters), Ballots: cloneBallots(pl.Ballots), Result: res}, nil
}

func sortedUnits(set map[thidua.UnitID]bool) []thidua.UnitID {
	out := make([]thidua.UnitID, 0, len(set))
	for u := range set {
		out = append(out, u)
	}
	slices.Sort(out)
	return out
}

// decide holds the votes and settles the quotas.
func (p *prepared) decide() (Outcome, error) {
	o := Outcome{Session: p.s, Rules: p.rules, Secret: p.secret, Count: p.count, Chair: p.chair,
		Leaders: p.leaders, GovFlagQuota: p.quota, GovFlagSeats: p.quota.Limit(0, len(p.leaders))}
	all := map[thidua.UnitID]bool{}
	first := map[thidua.Award]thidua.Result{}
	for _, a := range p.awards {
		cands := sortedUnits(p.proposed[a])
		for _, u := range cands {
			all[u] = true
		}
		polls := p.polls[a]
		if len(polls) == 0 {
			continue
		}
		v, err := p.tally(a, polls[0], cands, 0)
		if err != nil {
			return Outcome{}, err
		}
		o.Votes = append(o.Votes, v)
		first[a] = v.Result
	}
	units := sortedUnits(all)
	rank := map[thidua.UnitID]int{}
	// Votes first (TT 25/2025/TT-BKHCN Điều 23), units equal in votes stay
	// tied for the Chair to settle: the clusters' scores do not split them.
	if !p.votesFirst() {
		sorted := slices.Clone(units)
		slices.SortStableFunc(sorted, func(x, y thidua.UnitID) int { return p.score[y].Cmp(p.score[x]) })
		for i, u := range sorted {
			if i > 0 && p.score[u].Equal(p.score[sorted[i-1]]) {
				rank[u] = rank[sorted[i-1]]
			} else {
				rank[u] = i + 1
			}
		}
	}
	keys := map[thidua.Award]map[thidua.UnitID][]int{}
	candidates := func() []thidua.Candidate {
		out := make([]thidua.Candidate, 0, len(units))
		for _, u := range units {
			f := p.facts[u]
			f.Unit = u
			c := thidua.Candidate{Unit: u, Rank: max(rank[u], 1), Total: p.score[u], Facts: f, Year: p.s.Year,
				LeadsCluster: slices.ContainsFunc(p.leaders, func(l Leader) bool { return l.Unit == u })}
			for a, r := range first {
				if !p.proposed[a][u] {
					continue
				}
				if c.Votes == nil {
					c.Votes = map[thidua.Award]thidua.VoteCount{}
				}
				c.Votes[a] = thidua.VoteCount{Votes: r.Votes(u), Base: r.Base(), Passed: slices.Contains(r.Passed, u)}
			}
			for _, a := range slices.Sorted(maps.Keys(keys)) {
				ks := keys[a]
				k, ok := ks[u]
				if !ok {
					continue
				}
				by := thidua.TieBreakRunoff
				if k[len(k)-1] < 0 {
					by = thidua.TieBreakFallback
				}
				c.Settled = append(c.Settled, thidua.Settlement{Award: a, By: by, Order: settledOrder(ks)})
			}
			out = append(out, c)
		}
		return out
	}
	pool := thidua.Pool{Leaders: len(p.leaders)}
	used := map[thidua.Award]int{}
	for a := range first {
		used[a] = 1
	}
	chairUsed := map[thidua.Award]bool{}
	var d thidua.Decision
	for {
		var err error
		d, err = thidua.DecideCandidates(p.awardRules, candidates(), pool)
		if err != nil {
			return Outcome{}, &FieldError{Field: "decision", Value: p.rules.Name, Err: err}
		}
		progressed := false
		for _, tie := range d.Ties {
			a := tie.Award
			if keys[a] == nil {
				keys[a] = map[thidua.UnitID][]int{}
			}
			if next := used[a] + 1; next <= len(p.polls[a]) {
				v, err := p.tally(a, p.polls[a][next-1], slices.Clone(tie.Units), tie.Seats)
				if err != nil {
					return Outcome{}, err
				}
				o.Votes = append(o.Votes, v)
				used[a] = next
				for i, tier := range v.Result.Ranking {
					for _, u := range tier {
						keys[a][u] = append(keys[a][u], i+1)
					}
				}
				o.Settled = append(o.Settled, thidua.Settlement{Award: a, By: thidua.TieBreakRunoff, Round: next, Order: v.Result.Ranking})
				progressed = true
				continue
			}
			ch, ok := p.chairs[a]
			if !ok || chairUsed[a] {
				continue
			}
			if len(ch) != tie.Seats {
				return Outcome{}, &PollError{Award: a, Round: used[a], Err: ErrInvalidChoice}
			}
			seen := map[thidua.UnitID]bool{}
			var order [][]thidua.UnitID
			for i, u := range ch {
				if !slices.Contains(tie.Units, u) || seen[u] {
					return Outcome{}, &PollError{Award: a, Round: used[a], Unit: u, Err: ErrInvalidChoice}
				}
				seen[u] = true
				keys[a][u] = append(keys[a][u], -(i + 1))
				order = append(order, []thidua.UnitID{u})
			}
			var rest []thidua.UnitID
			for _, u := range tie.Units {
				if !seen[u] {
					rest = append(rest, u)
					keys[a][u] = append(keys[a][u], -(len(ch) + 1))
				}
			}
			if len(rest) > 0 {
				order = append(order, rest)
			}
			chairUsed[a] = true
			o.Settled = append(o.Settled, thidua.Settlement{Award: a, By: thidua.TieBreakFallback, Fallback: thidua.FallbackChair, Round: used[a], Order: order})
			progressed = true
		}
		if !progressed {
			break
		}
	}
	for a, list := range p.polls {
		if used[a] < len(list) {
			return Outcome{}, &PollError{Award: a, Round: used[a] + 1, Err: fmt.Errorf("%w: no tie at the cut-off needs this runoff", ErrInvalidPoll)}
		}
	}
	for a := range p.chairs {
		if !chairUsed[a] {
			return Outcome{}, &PollError{Award: a, Err: fmt.Errorf("%w: no tie at the cut-off needs it", ErrInvalidChoice)}
		}
	}
	slices.SortStableFunc(o.Votes, func(x, y Vote) int {
		return cmp.Or(x.Award.Compare(y.Award), cmp.Compare(x.Round, y.Round))
	})
	// The gate "proposed for the award" only keeps each unit to what it was
	// proposed for; it is not one of the standards the proposal met.
	for i, pr := range d.Proposals {
		d.Proposals[i].Standards = slices.DeleteFunc(slices.Clone(pr.Standards), func(s string) bool { return s == proposedName(pr.Award) })
	}
	o.Decision = d
	for _, t := range d.Ties {
		last := used[t.Award]
		switch {
		case p.rules.CutoffTie == thidua.FallbackChair:
			o.Pending = append(o.Pending, Pending{Kind: PendingChair, Award: t.Award, Round: last, Units: t.Units, Seats: t.Seats})
		case p.rules.MaxRounds == 0 || last < p.rules.MaxRounds:
			o.Pending = append(o.Pending, Pending{Kind: PendingRunoff, Award: t.Award, Round: last + 1, Units: t.Units, Seats: t.Seats})
		}
	}
	p.report(&o)
	return o, nil
}

// placeOf returns the unit's place among the units settled for one award:
// the settling keys compared in order, runoff tiers and then the chair's
// order.
// settledOrder returns the units keys name in tiers of equal place (placeOf),
// best first, each tier in ID order.
func settledOrder(keys map[thidua.UnitID][]int) [][]thidua.UnitID {
	byPlace := map[int][]thidua.UnitID{}
	for u := range keys {
		pl := placeOf(keys, u)
		byPlace[pl] = append(byPlace[pl], u)
	}
	order := make([][]thidua.UnitID, 0, len(byPlace))
	for _, pl := range slices.Sorted(maps.Keys(byPlace)) {
		order = append(order, slices.Sorted(slices.Values(byPlace[pl])))
	}
	return order
}

func placeOf(keys map[thidua.UnitID][]int, u thidua.UnitID) int {
	abs := func(k []int) []int {
		out := make([]int, len(k))
		for i, x := range k {
			out[i] = max(x, -x)
		}
		return out
	}
	mine := abs(keys[u])
	place := 1
	for v, k := range keys {
		if v != u && slices.Compare(abs(k), mine) < 0 {
			place++
		}
	}
	return place
}

// report sorts the decision into what goes to the minister and to the Prime
// Minister, and the refusals.
func (p *prepared) report(o *Outcome) {
	clusterOf := func(u thidua.UnitID) (thidua.ClusterID, string) {
		if i, ok := p.clusterOf[u]; ok {
			return p.reports[i].Cluster, p.reports[i].Name
		}
		return "", ""
	}
	for _, pr := range o.Decision.Proposals {
		c, cn := clusterOf(pr.Unit)
		g := Granted{Proposal: pr, UnitName: p.names[pr.Unit], Cluster: c, ClusterName: cn}
		if pr.Award.GovernmentLevel() {
			o.ToPrimeMinister = append(o.ToPrimeMinister, g)
		} else {
			o.ToMinister = append(o.ToMinister, g)
		}
	}
	for _, dc := range o.Decision.Declined {
		if !p.proposed[dc.Award][dc.Unit] {
			continue // not proposed for this award: nothing to refuse
		}
		c, _ := clusterOf(dc.Unit)
		r := Refusal{Declined: dc, UnitName: p.names[dc.Unit], Cluster: c}
		if dc.Reason == thidua.DeclinedVoteShort {
			for _, v := range o.Votes {
				if v.Award == dc.Award && v.Round == 1 {
					r.Votes, r.Base = v.Result.Votes(dc.Unit), v.Result.Base()
					r.Needed = v.Result.Contest.Threshold().Share.Needed(r.Base)
				}
			}
		}
		o.Refused = append(o.Refused, r)
	}
}

// Complete reports whether nothing is pending.
func (o Outcome) Complete() bool { return len(o.Pending) == 0 }
