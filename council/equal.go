package council

import (
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
