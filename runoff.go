package thidua

import (
	"fmt"
	"slices"
)

// The runoff flow: an Outcome with something Pending gives the next Review to
// conclude, with the runoff's ballots (bỏ phiếu lại) or the fallback's
// decision in the right place.

// WithRunoff returns the review to conclude next: o's review with ballots as
// the round that p, one of o.Pending of kind TieBreakRunoff, asks for (the next
// element of the award's AwardVote.Rounds, or of LeaderRounds or DeputyRounds
// for a leadership vote). The ballots are counted once against p.Contest
// here, so that a malformed ballot fails now rather than at Conclude; an
// invalid ballot (a mark for a unit not in the runoff, say) is a result, not an
// error. o and its review are not changed.
//
// Errors are *PartError values wrapping ErrNotPending (p is not in
// o.Pending, or is a fallback decision), or the error Contest.Tally gives.
func (o Outcome) WithRunoff(p Pending, ballots []Ballot) (Review, error) {
	part := p.describe()
	if p.Kind != TieBreakRunoff || !o.pending(p) {
		return Review{}, &PartError{Part: part, Err: ErrNotPending}
	}
	if _, err := p.Contest.Tally(ballots); err != nil {
		return Review{}, &PartError{Part: part + " ballots", Err: err}
	}
	r := o.Review.clone()
	round := slices.Clone(ballots)
	switch {
	case p.Award != 0:
		i := slices.IndexFunc(r.Awards, func(av AwardVote) bool { return av.Award == p.Award })
		if i < 0 || len(r.Awards[i].Rounds) != p.Round-1 {
			return Review{}, &PartError{Part: part, Err: ErrNotPending}
		}
		r.Awards[i].Rounds = append(r.Awards[i].Rounds, round)
	case p.Post == RoleLeader && len(r.LeaderRounds) == p.Round-1:
		r.LeaderRounds = append(r.LeaderRounds, round)
	case p.Post == RoleDeputy && len(r.DeputyRounds) == p.Round-1:
		r.DeputyRounds = append(r.DeputyRounds, round)
	default:
		return Review{}, &PartError{Part: part, Err: ErrNotPending}
	}
	return r, nil
}

// WithSettlement returns the review to conclude next: o's review with the
// fallback's decision on p, one of o.Pending of kind TieBreakFallback: the
// units chosen for the p.Seats open seats, in order, each one of p.Units (the
// chair's vote, or the leader and deputy deciding, as p.Fallback says). o and
// its review are not changed.
//
// Errors are *PartError values wrapping ErrNotPending (p is not in
// o.Pending, or is a runoff), or, for chosen, a *UnitError wrapping
// ErrNotTied or ErrDuplicateUnit, or a *FieldError wrapping ErrWrongSeats.
func (o Outcome) WithSettlement(p Pending, chosen []UnitID) (Review, error) {
	part := p.describe()
	if p.Kind != TieBreakFallback || p.Award == 0 || !o.pending(p) {
		return Review{}, &PartError{Part: part, Err: ErrNotPending}
	}
	for i, id := range chosen {
		if !slices.Contains(p.Units, id) {
			return Review{}, &PartError{Part: part, Err: &UnitError{ID: id, Err: ErrNotTied}}
		}
		if slices.Contains(chosen[:i], id) {
			return Review{}, &PartError{Part: part, Err: &UnitError{ID: id, Err: ErrDuplicateUnit}}
		}
	}
	if len(chosen) != p.Seats {
		return Review{}, &PartError{Part: part, Err: &FieldError{Field: "chosen", Value: quoteIDs(chosen), Err: ErrWrongSeats}}
	}
	r := o.Review.clone()
	order := make([][]UnitID, len(chosen))
	for i, id := range chosen {
		order[i] = []UnitID{id}
	}
	r.Settlements = append(r.Settlements, Settlement{Award: p.Award, By: TieBreakFallback, Fallback: p.Fallback, Round: p.Round, Order: order})
	return r, nil
}

// pending reports whether p is one of o.Pending: the same kind, award, post,
// round, units and seats.
func (o Outcome) pending(p Pending) bool {
	return slices.ContainsFunc(o.Pending, func(q Pending) bool {
		return q.Kind == p.Kind && q.Award == p.Award && q.Post == p.Post && q.Round == p.Round &&
			q.Seats == p.Seats && slices.Equal(q.Units, p.Units)
	})
}

// describe names the pending step in an error: "runoff award co-thi-dua-bo
// round 2", "fallback deputy vote round 3".
func (p Pending) describe() string {
	what := p.Post.String() + " vote"
	if p.Award != 0 {
		what = "award " + p.Award.String()
	}
	return fmt.Sprintf("%s %s round %d", p.Kind, what, p.Round)
}
