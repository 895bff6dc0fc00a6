package thidua

import "fmt"

// planReference and checkHistoryReference are Plan and CheckHistory as they
// were first written: every year re-runs Reorganize over all the changes and
// rebuilds the state from all the terms. They are quadratic in the years, and
// kept only to check the incremental versions against.

func (s Succession) planReference(current Cluster, history History, years int, changes []UnitChange) (Plan, error) {
	if s.Method != SuccessionRoundRobin && !(s.Method == SuccessionDeputySucceeds && s.DeputyFromOrder) {
		return Plan{}, &FieldError{Field: "succession method", Value: s.Method.String(), Err: ErrPlanNeedsVotes}
	}
	if years < 0 || current.Year()+years > MaxYear {
		return Plan{}, yearError("plan length", years, ErrYearOutOfRange)
	}
	terms, err := s.termsUpTo(current, history)
	if err != nil {
		return Plan{}, err
	}
	if err := s.Validate(current); err != nil {
		return Plan{}, err
	}
	g := lineage{changes: changes}
	p := Plan{Terms: make([]Leadership, 0, years), firstLeads: map[UnitID]int{}}
	for y := 1; y <= years; y++ {
		r, err := current.Reorganize(current.Year()+y, changes)
		if err != nil {
			return Plan{}, err
		}
		st := newState(r.Cluster, terms, g, s.Order, current.Year())
		l, err := s.choose(st, Selection{}, current.Year()+y-1)
		if err != nil {
			return Plan{}, err
		}
		terms = append(terms, l)
		p.Terms = append(p.Terms, l)
	}
	for _, id := range current.MemberIDs() {
		p.firstLeads[id] = 0
		for _, t := range p.Terms {
			if g.follow(id, current.Year(), t.Year) == t.Leader {
				p.firstLeads[id] = t.Year
				break
			}
		}
	}
	return p, nil
}

func (s Succession) checkHistoryReference(first Cluster, history History, changes []UnitChange) ([]Violation, error) {
	if err := s.Validate(first); err != nil {
		return nil, err
	}
	terms := history.terms
	if len(terms) == 0 {
		return nil, nil
	}
	if terms[0].Year < first.Year() {
		return nil, termError(terms[0].Year, ErrChangeBeforeRoster)
	}
	g := lineage{changes: changes}
	var out []Violation
	for i, t := range terms {
		r, err := first.Reorganize(t.Year, changes)
		if err != nil {
			return nil, err
		}
		roster := r.Cluster
		for _, u := range []UnitID{t.Leader, t.Deputy} {
			if u != "" && !roster.IsMember(u) {
				out = append(out, Violation{Year: t.Year, Unit: u, Constraint: ConstraintMember})
			}
		}
		if i == 0 {
			continue
		}
		st := newState(roster, terms[:i], g, s.Order, first.Year())
		if c := s.blocks(st, t.Leader); c != 0 && c != ConstraintMember {
			out = append(out, Violation{Year: t.Year, Unit: t.Leader, Constraint: c, Detail: s.describe(c)})
		}
		if t.Deputy != "" && roster.IsMember(t.Deputy) && !s.deputyOK(st, t.Deputy, t.Leader) {
			out = append(out, Violation{Year: t.Year, Unit: t.Deputy, Constraint: ConstraintExcluded, Detail: s.describe(ConstraintExcluded) + " (deputy)"})
		}
		if want, ok := s.expectedLeader(st); ok && want != t.Leader {
			out = append(out, Violation{Year: t.Year, Unit: t.Leader, Constraint: ConstraintMethod,
				Detail: fmt.Sprintf("%s expects %s", s.Method, want)})
		}
	}
	return out, nil
}
