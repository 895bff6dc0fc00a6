package council

import (
	"maps"
	"reflect"
	"slices"

	"github.com/thidua/thidua"
)

// Equal reports whether s and o are the same session: decimals compared by
// value, rule sets with RuleSet.Equal, everything else field by field.
func (s Session) Equal(o Session) bool {
	if !slices.EqualFunc(s.Clusters, o.Clusters, ClusterReport.Equal) ||
		!slices.EqualFunc(s.Direct, o.Direct, func(a, b DirectProposal) bool {
			return a.Unit == b.Unit && a.Award == b.Award && a.Reason == b.Reason && a.Score.Equal(b.Score)
		}) {
		return false
	}
	if (s.Rules == nil) != (o.Rules == nil) || (s.Rules != nil && !s.Rules.Equal(*o.Rules)) {
		return false
	}
	s.Clusters, o.Clusters, s.Direct, o.Direct, s.Rules, o.Rules = nil, nil, nil, nil, nil, nil
	return reflect.DeepEqual(s, o)
}

// Equal reports whether v and w are the same vote with the same Result.
func (v Vote) Equal(w Vote) bool {
	return v.Award == w.Award && v.Round == w.Round && slices.Equal(v.Voters, w.Voters) &&
		reflect.DeepEqual(v.Ballots, w.Ballots) && v.Result.Equal(w.Result)
}

// Equal reports whether g and h are the same proposal with the same names.
func (g Granted) Equal(h Granted) bool {
	return g.Proposal.Equal(h.Proposal) && g.UnitName == h.UnitName && g.Cluster == h.Cluster && g.ClusterName == h.ClusterName
}

// Equal reports whether o and p are the same outcome.
func (o Outcome) Equal(p Outcome) bool {
	if !o.Session.Equal(p.Session) || !o.Rules.Equal(p.Rules) || !o.Decision.Equal(p.Decision) ||
		!slices.EqualFunc(o.Votes, p.Votes, Vote.Equal) ||
		!slices.EqualFunc(o.ToMinister, p.ToMinister, Granted.Equal) ||
		!slices.EqualFunc(o.ToPrimeMinister, p.ToPrimeMinister, Granted.Equal) {
		return false
	}
	o.Session, p.Session = Session{}, Session{}
	o.Rules, p.Rules = thidua.RuleSet{}, thidua.RuleSet{}
	o.Decision, p.Decision = thidua.Decision{}, thidua.Decision{}
	o.Votes, p.Votes, o.ToMinister, p.ToMinister, o.ToPrimeMinister, p.ToPrimeMinister = nil, nil, nil, nil, nil, nil
	return reflect.DeepEqual(o, p)
}

// clone returns a copy of s that shares no slice with it, so that an Outcome
// does not change when the caller reuses its session.
func (s Session) clone() Session {
	c := s
	c.Council.Members = slices.Clone(s.Council.Members)
	a := &c.Attendance
	a.Present = slices.Clone(s.Attendance.Present)
	a.Written = slices.Clone(s.Attendance.Written)
	a.Substitutes = slices.Clone(s.Attendance.Substitutes)
	a.Guests = slices.Clone(s.Attendance.Guests)
	c.Paperwork.Tellers = slices.Clone(s.Paperwork.Tellers)
	c.Paperwork.Recipients = slices.Clone(s.Paperwork.Recipients)
	c.Paperwork.ProposalRecipients = slices.Clone(s.Paperwork.ProposalRecipients)
	if s.Rules != nil {
		rs := *s.Rules
		rs.Sources = slices.Clone(rs.Sources)
		rs.Changes = slices.Clone(rs.Changes)
		rs.Thresholds = maps.Clone(rs.Thresholds)
		rs.LeadsCluster = slices.Clone(rs.LeadsCluster)
		c.Rules = &rs
	}
	c.Clusters = slices.Clone(s.Clusters)
	for i, r := range c.Clusters {
		r.Units = slices.Clone(r.Units)
		r.Leading = slices.Clone(r.Leading)
		r.Standings = slices.Clone(r.Standings)
		r.Proposals = slices.Clone(r.Proposals)
		for j, p := range r.Proposals {
			r.Proposals[j].Standards = slices.Clone(p.Standards)
		}
		r.Declined = slices.Clone(r.Declined)
		r.Votes = slices.Clone(r.Votes)
		c.Clusters[i] = r
	}
	c.Records = slices.Clone(s.Records)
	for i, r := range c.Records {
		c.Records[i].Titles = slices.Clone(r.Titles)
		c.Records[i].Discipline = slices.Clone(r.Discipline)
		c.Records[i].Record = slices.Clone(r.Record)
		for j, y := range c.Records[i].Record {
			y.Titles, y.Awards, y.AdHoc, y.Led = slices.Clone(y.Titles), slices.Clone(y.Awards), slices.Clone(y.AdHoc), slices.Clone(y.Led)
			c.Records[i].Record[j] = y
		}
	}
	c.Direct = slices.Clone(s.Direct)
	c.Nominations = slices.Clone(s.Nominations)
	c.Polls = slices.Clone(s.Polls)
	for i, p := range c.Polls {
		c.Polls[i].Voters = slices.Clone(p.Voters)
		c.Polls[i].Ballots = cloneBallots(p.Ballots)
	}
	c.ChairDecisions = slices.Clone(s.ChairDecisions)
	for i, d := range c.ChairDecisions {
		c.ChairDecisions[i].Order = make([][]thidua.UnitID, len(d.Order))
		for j, t := range d.Order {
			c.ChairDecisions[i].Order[j] = slices.Clone(t)
		}
	}
	c.Options.Quotas = slices.Clone(s.Options.Quotas)
	c.Options.Standards = slices.Clone(s.Options.Standards)
	for i, st := range c.Options.Standards {
		c.Options.Standards[i].Titles = slices.Clone(st.Titles)
	}
	return c
}

func cloneBallots(bs []thidua.Ballot) []thidua.Ballot {
	out := slices.Clone(bs)
	for i, b := range out {
		out[i].Approve = slices.Clone(b.Approve)
		if b.Ranking != nil {
			out[i].Ranking = make([][]thidua.UnitID, len(b.Ranking))
			for j, t := range b.Ranking {
				out[i].Ranking[j] = slices.Clone(t)
			}
		}
	}
	return out
}
