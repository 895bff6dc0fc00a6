package thidua

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Leadership is who leads a cluster in one year: the leader (cụm trưởng) and the
// deputy (cụm phó), with how they were chosen. The term is one year. Deputy may
// be the zero UnitID when the post is vacant (after a merger, say).
type Leadership struct {
	// Year is the emulation year of the term.
	Year int `json:"year"`
	// Leader is the cụm trưởng (khối trưởng).
	Leader UnitID `json:"leader"`
	// Deputy is the cụm phó (khối phó), or the zero UnitID when vacant.
	Deputy UnitID `json:"deputy,omitempty"`
	// By is how they were chosen; zero when not recorded. A deputy-succeeds
	// policy records SuccessionElect or SuccessionRoundRobin for a year it fell back to the vote
	// or the order, the deputy post being vacant.
	By SuccessionMethod `json:"by,omitempty"`
}

// Validate checks the leadership on its own: year in range, a valid leader, and a
// deputy (if any) distinct from the leader.
func (l Leadership) Validate() error {
	if err := checkYear("leadership year", l.Year); err != nil {
		return err
	}
	if err := l.Leader.Validate(); err != nil {
		return err
	}
	if l.Deputy != "" {
		if err := l.Deputy.Validate(); err != nil {
			return err
		}
		if l.Deputy == l.Leader {
			return &UnitError{ID: l.Deputy, Err: ErrLeaderIsDeputy}
		}
	}
	if l.By != 0 && !l.By.IsValid() {
		return &FieldError{Field: "leadership by", Value: l.By.String(), Err: ErrInvalidSuccession}
	}
	return nil
}

// checkMembers reports a leader or deputy who is not a member of c.
func (l Leadership) checkMembers(c Cluster) error {
	if !c.IsMember(l.Leader) {
		return &UnitError{ID: l.Leader, Err: ErrLeaderNotMember}
	}
	if l.Deputy != "" && !c.IsMember(l.Deputy) {
		return &UnitError{ID: l.Deputy, Err: ErrDeputyNotMember}
	}
	return nil
}

// History is the record of a cluster's leadership, one term a year, in year
// order and without gaps. Build one with NewHistory. The zero History is empty
// and valid.
type History struct {
	terms []Leadership
}

// NewHistory validates the terms (each as Leadership.Validate does, in year order,
// one a year, without gaps) and returns the history. The terms are copied.
// More than MaxTerms terms is a *FieldError wrapping ErrLimit.
func NewHistory(terms ...Leadership) (History, error) {
	if err := checkLimit("terms in a history", len(terms), MaxTerms); err != nil {
		return History{}, err
	}
	for i, t := range terms {
		if err := t.Validate(); err != nil {
			return History{}, termError(t.Year, err)
		}
		if i == 0 {
			continue
		}
		prev := terms[i-1].Year
		switch {
		case t.Year == prev:
			return History{}, termError(t.Year, ErrDuplicateYear)
		case t.Year < prev:
			return History{}, termError(t.Year, ErrHistoryOrder)
		case t.Year > prev+1:
			return History{}, termError(prev+1, ErrHistoryGap)
		}
	}
	return History{terms: slices.Clone(terms)}, nil
}

// Terms returns a copy of the terms in year order.
func (h History) Terms() []Leadership { return slices.Clone(h.terms) }

// Len returns the number of terms.
func (h History) Len() int { return len(h.terms) }

// Last returns the latest term, and false for an empty history.
func (h History) Last() (Leadership, bool) {
	if len(h.terms) == 0 {
		return Leadership{}, false
	}
	return h.terms[len(h.terms)-1], true
}

// In returns the term of the given year, and whether the history has one.
func (h History) In(year int) (Leadership, bool) {
	if len(h.terms) == 0 {
		return Leadership{}, false
	}
	i := year - h.terms[0].Year
	if i < 0 || i >= len(h.terms) {
		return Leadership{}, false
	}
	return h.terms[i], true
}

// Append returns the history with one more term, which must be for the year
// after the last.
func (h History) Append(l Leadership) (History, error) {
	return NewHistory(append(h.Terms(), l)...)
}

// MarshalJSON encodes the history as an array of terms.
func (h History) MarshalJSON() ([]byte, error) {
	if h.terms == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(h.terms)
}

// UnmarshalJSON decodes an array of terms and validates it as NewHistory does.
func (h *History) UnmarshalJSON(b []byte) error {
	var terms []Leadership
	if err := json.Unmarshal(b, &terms); err != nil {
		return err
	}
	v, err := NewHistory(terms...)
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// SuccessionMethod is how next year's leader is chosen.
type SuccessionMethod uint8

// The succession methods. No source found says the deputy must succeed or fixes
// an order: a cluster picks one. "Cụm trưởng, cụm phó do các đơn vị trong cụm
// bầu luân phiên trong dịp tổng kết năm" (HD 1122/BTĐKT-VI 2011; HD
// 2819/HD-BTĐKT 2014); in MIC clusters the Minister then recognises them (TT
// 09/2018/TT-BTTTT Điều 11 b).
const (
	// SuccessionElect: leader and deputy are elected at the year-end review, from two
	// voting Results (Selection.LeaderVote, Selection.DeputyVote).
	SuccessionElect SuccessionMethod = iota + 1
	// SuccessionDeputySucceeds: this year's deputy leads next year; the new deputy is
	// elected or taken from the order, as Succession.DeputyFromOrder says.
	SuccessionDeputySucceeds
	// SuccessionRoundRobin: leader and deputy follow a fixed order over the roster.
	SuccessionRoundRobin
	// SuccessionAssign: the ministry or council assigns both (Selection.Assigned).
	SuccessionAssign
)

var successionMethods = enum[SuccessionMethod]{typ: "SuccessionMethod", field: "succession method", first: SuccessionElect,
	en:  []string{"", "elect", "deputy-succeeds", "round-robin", "assign"},
	vi:  []string{"", "bầu tại hội nghị tổng kết", "cụm phó kế nhiệm", "luân phiên theo thứ tự", "cấp trên giao"},
	err: ErrInvalidSuccession}

// IsValid reports whether m is one of the defined methods.
func (m SuccessionMethod) IsValid() bool { return successionMethods.valid(m) }

// String returns "elect", "deputy-succeeds", "round-robin" or "assign".
func (m SuccessionMethod) String() string { return successionMethods.name(m) }

// Vietnamese returns the method as minutes say how a leadership was chosen,
// such as "bầu tại hội nghị tổng kết".
func (m SuccessionMethod) Vietnamese() string { return successionMethods.vietnamese(m) }

// MarshalText encodes a valid method as its name.
func (m SuccessionMethod) MarshalText() ([]byte, error) { return successionMethods.marshal(m) }

// UnmarshalText accepts the names String returns.
func (m *SuccessionMethod) UnmarshalText(b []byte) error { return successionMethods.set(m, b) }

// Constraint names one rule of a succession policy. It is what a *Violation
// or a Violation points at.
type Constraint uint8

// The constraints a history or a choice can break.
const (
	ConstraintMember        Constraint = iota + 1 // leader and deputy are members that year
	ConstraintDistinct                            // leader and deputy are different units
	ConstraintExcluded                            // the caller's exclusion (Constraints.Exclude)
	ConstraintNoConsecutive                       // no two terms running as leader
	ConstraintCoolDown                            // Constraints.CoolDown years between terms
	ConstraintWasDeputy                           // the leader was deputy the year before
	ConstraintMethod                              // the succession method (order, deputy succeeds)
)

var constraints = enum[Constraint]{typ: "Constraint", field: "constraint", first: ConstraintMember,
	en: []string{"", "membership", "leader and deputy distinct", "exclusion", "no consecutive terms",
		"cool-down", "leader must have been deputy", "succession method"},
	err: ErrInvalidSuccession}

// String names the constraint in English.
func (c Constraint) String() string { return constraints.name(c) }

// Constraints are the rules a cluster can switch on for its leader. The zero
// value switches all of them off.
type Constraints struct {
	// NoConsecutive forbids leading two years running.
	NoConsecutive bool
	// CoolDown is how many years must pass after a term before the unit leads
	// again: 1 is the same as NoConsecutive, 2 means at least two other leaders
	// in between. It must be less than the number of members.
	CoolDown int
	// LeaderWasDeputy requires the new leader to have been deputy the year before.
	LeaderWasDeputy bool
	// Exclude is a caller's rule that keeps units from leading (and from
	// being deputy) in a year, such as one with a pending discipline: it
	// reports whether unit may not lead in year. Nil excludes nobody.
	Exclude func(unit UnitID, year int) bool
	// ExcludeName is what errors and violations call the Exclude rule.
	ExcludeName string
}

// Succession is a cluster's policy for choosing next year's leader and deputy.
// It is plain data; Validate checks it against a roster.
type Succession struct {
	// Method is how next year's leader is chosen.
	Method SuccessionMethod
	// DeputyFromOrder takes the new deputy under SuccessionDeputySucceeds from Order
	// (the next unit after the new leader); by default (false) the deputy is
	// elected (Selection.DeputyVote).
	DeputyFromOrder bool
	// Order is the rotation order for SuccessionRoundRobin, for DeputyFromOrder, and for
	// TieByOrder. It must name every member once. Units later merged are
	// followed to their successors.
	Order []UnitID
	// TieByOrder makes every vote of the succession (the leader's and the
	// deputy's) settle a tie for the tied unit that comes first in Order. False, the zero value, returns an *ElectionTieError
	// naming the tied units, so the caller can hold another round (bỏ phiếu lại).
	TieByOrder bool
	// Constraints are the rules the new leader must satisfy; the zero value
	// switches them all off.
	Constraints Constraints
}

// Selection carries the year-end decisions a succession may need: the vote for
// leader, the vote for deputy, or an assignment by the ministry.
type Selection struct {
	// LeaderVote is the tally of the vote for leader: a one-seat contest of
	// this year's review among next year's members.
	LeaderVote *Result `json:"leader_vote,omitempty"`
	// DeputyVote is the tally of the vote for deputy, likewise.
	DeputyVote *Result `json:"deputy_vote,omitempty"`
	// Assigned is the leadership the ministry or council assigns (SuccessionAssign).
	Assigned *Leadership `json:"assigned,omitempty"`
}

// Validate checks the policy against the roster c: a valid method, an order that
// names every member exactly once when the policy uses one, a cool-down the
// roster allows.
func (s Succession) Validate(c Cluster) error {
	if err := s.checkRules(); err != nil {
		return err
	}
	if s.usesOrder() || len(s.Order) > 0 {
		if err := checkOrder(s.Order, c); err != nil {
			return err
		}
	}
	if cd := s.Constraints.CoolDown; cd < 0 || (cd > 0 && cd >= c.Len()) {
		return coolDownError(cd, c.Len())
	}
	return nil
}

func (s Succession) usesOrder() bool {
	return s.Method == SuccessionRoundRobin || (s.Method == SuccessionDeputySucceeds && s.DeputyFromOrder) || s.TieByOrder
}

// checkOrder reports an order that repeats a unit, names a non-member, or misses
// a member of c.
func checkOrder(order []UnitID, c Cluster) error {
	seen := make(map[UnitID]bool, len(order))
	for _, id := range order {
		if seen[id] {
			return &UnitError{ID: id, Err: ErrOrderRepeats}
		}
		if !c.IsMember(id) {
			return &UnitError{ID: id, Err: ErrUnknownUnit}
		}
		seen[id] = true
	}
	for _, id := range c.MemberIDs() {
		if !seen[id] {
			return &UnitError{ID: id, Err: ErrOrderMisses}
		}
	}
	return nil
}

// lineage follows units across renames and mergers: where each unit of a past
// year stands in a later roster.
type lineage struct {
	changes []UnitChange
}

// follow returns the unit that stands for id of year from in the roster of year
// to, applying the changes effective in (from, to] in year order.
func (g lineage) follow(id UnitID, from, to int) UnitID {
	if id == "" || len(g.changes) == 0 {
		return id
	}
	idx := make([]int, 0, len(g.changes))
	for i, ch := range g.changes {
		if ch.Year > from && ch.Year <= to {
			idx = append(idx, i)
		}
	}
	slices.SortStableFunc(idx, func(a, b int) int { return g.changes[a].Year - g.changes[b].Year })
	for _, i := range idx {
		if slices.Contains(g.changes[i].From, id) {
			id = g.changes[i].Into.ID
		}
	}
	return id
}

// order maps the policy's order onto roster c (following mergers), keeping the
// first place of each successor.
func (g lineage) order(order []UnitID, from int, c Cluster) []UnitID {
	out := make([]UnitID, 0, len(order))
	for _, id := range order {
		id = g.follow(id, from, c.Year())
		if c.IsMember(id) && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// state is what a choice for one year looks at: the roster of that year, the
// terms before it (mapped onto that roster), and the policy's order on it.
type state struct {
	year   int
	roster Cluster
	prev   []Leadership // earlier terms, units followed to the roster's year, oldest first
	order  []UnitID
}

func (st state) last() (Leadership, bool) {
	if len(st.prev) == 0 || st.prev[len(st.prev)-1].Year != st.year-1 {
		return Leadership{}, false
	}
	return st.prev[len(st.prev)-1], true
}

// newState builds the state for the roster next, given the terms so far (in
// their own years' IDs), the lineage, and the policy's order (in the IDs of
// year orderYear).
func newState(next Cluster, terms []Leadership, g lineage, order []UnitID, orderYear int) state {
	st := state{year: next.Year(), roster: next}
	for _, t := range terms {
		if t.Year >= st.year {
			break
		}
		m := t
		m.Leader = g.follow(t.Leader, t.Year, st.year)
		m.Deputy = g.follow(t.Deputy, t.Year, st.year)
		if m.Deputy == m.Leader {
			m.Deputy = "" // merged into the leader: the post is vacant
		}
		st.prev = append(st.prev, m)
	}
	if len(order) > 0 {
		st.order = g.order(order, orderYear, next)
	}
	return st
}

// blocks reports the first constraint that keeps unit from leading in st's year,
// or 0 if none does.
func (s Succession) blocks(st state, unit UnitID) Constraint {
	k := s.Constraints
	if !st.roster.IsMember(unit) {
		return ConstraintMember
	}
	if k.Exclude != nil && k.Exclude(unit, st.year) {
		return ConstraintExcluded
	}
	last, hasLast := st.last()
	if k.NoConsecutive && hasLast && last.Leader == unit {
		return ConstraintNoConsecutive
	}
	if k.CoolDown > 0 {
		for _, t := range st.prev {
			if t.Year >= st.year-k.CoolDown && t.Leader == unit {
				return ConstraintCoolDown
			}
		}
	}
	if k.LeaderWasDeputy && (!hasLast || last.Deputy != unit) {
		return ConstraintWasDeputy
	}
	return 0
}

// Eligible returns the members of the roster next that may lead in its year,
// given the terms before it, in roster order: the candidates for the leader's
// vote. When the constraints leave nobody, it returns a *Violation (without a
// unit) naming the constraint that emptied the field.
func (s Succession) Eligible(next Cluster, history History) ([]UnitID, error) {
	st := newState(next, history.terms, lineage{}, nil, 0)
	return s.eligible(st)
}

// The constraints apply in the order of the Constraint constants, so the one
// that empties the field is the latest first-blocking constraint among the
// members: every member is blocked by it or by an earlier one.
func (s Succession) eligible(st state) ([]UnitID, error) {
	var field []UnitID
	var emptied Constraint
	for _, id := range st.roster.MemberIDs() {
		c := s.blocks(st, id)
		if c == 0 {
			field = append(field, id)
		}
		emptied = max(emptied, c)
	}
	if len(field) == 0 {
		return nil, &Violation{Year: st.year, Constraint: emptied, Detail: s.describe(emptied)}
	}
	return field, nil
}

func (s Succession) describe(c Constraint) string {
	switch c {
	case ConstraintExcluded:
		if s.Constraints.ExcludeName != "" {
			return s.Constraints.ExcludeName
		}
	case ConstraintCoolDown:
		return fmt.Sprintf("cool-down of %d years", s.Constraints.CoolDown)
	}
	return c.String()
}

// deputyOK reports whether unit may be deputy next to leader in st's year.
func (s Succession) deputyOK(st state, unit, leader UnitID) bool {
	if unit == leader || !st.roster.IsMember(unit) {
		return false
	}
	ex := s.Constraints.Exclude
	return ex == nil || !ex(unit, st.year)
}

// after returns the units of the order that follow unit, cyclically, starting
// with the one right after it (or from the start if unit is not in the order).
func after(order []UnitID, unit UnitID) []UnitID {
	i := slices.Index(order, unit)
	if i < 0 {
		return slices.Clone(order) // not in the order: start at the first unit
	}
	return append(slices.Clone(order[i+1:]), order[:i+1]...)
}

// Next chooses the leadership for the year after current. current is this
// year's roster with its leader and deputy; history holds earlier terms (the
// current term is taken from current when history lacks it); changes are the
// renames and mergers to apply to the roster for next year (nil if none). It
// returns the leadership and next year's roster with it set.
//
// Errors: a *FieldError (ErrCoolDownTooLong among others) or *UnitError from
// Validate; history errors (a history that runs past current's year, or
// disagrees with it); *Violation (without a unit) when the constraints leave
// nobody to lead; *Violation when an elected or assigned unit breaks a
// constraint; *ElectionTieError on a tied vote unless TieByOrder;
// ErrMissingSelection when a vote or assignment the method needs is missing;
// *PartError matching ErrVoteMismatch for a vote of another contest, year or
// roster.
func (s Succession) Next(current Cluster, history History, sel Selection, changes []UnitChange) (Leadership, Cluster, error) {
	terms, err := s.termsUpTo(current, history)
	if err != nil {
		return Leadership{}, Cluster{}, err
	}
	if err := s.Validate(current); err != nil {
		return Leadership{}, Cluster{}, err
	}
	r, err := current.Reorganize(current.Year()+1, changes)
	if err != nil {
		return Leadership{}, Cluster{}, err
	}
	g := lineage{changes: changes}
	st := newState(r.Cluster, terms, g, s.Order, current.Year())
	l, err := s.choose(st, sel, current.Year())
	if err != nil {
		return Leadership{}, Cluster{}, err
	}
	next, err := r.Cluster.WithLeadership(l.Leader, l.Deputy)
	if err != nil {
		return Leadership{}, Cluster{}, err
	}
	return l, next, nil
}

// termsUpTo returns the history's terms up to and including current's year,
// adding the current term from the roster when the history stops a year short.
func (s Succession) termsUpTo(current Cluster, h History) ([]Leadership, error) {
	terms := h.Terms()
	last, ok := h.Last()
	cur := Leadership{Year: current.Year(), Leader: current.Leader(), Deputy: current.Deputy()}
	switch {
	case ok && last.Year > current.Year():
		return nil, termError(last.Year, ErrHistoryAhead)
	case ok && last.Year == current.Year():
		if last.Leader != cur.Leader || last.Deputy != cur.Deputy {
			return nil, termError(last.Year, ErrHistoryDisagrees)
		}
	case current.Leader() != "":
		if ok && last.Year != current.Year()-1 {
			return nil, termError(last.Year+1, ErrHistoryGap)
		}
		terms = append(terms, cur)
	}
	return terms, nil
}

// choose applies the method for st's year. reviewYear is the year whose review
// holds the votes.
func (s Succession) choose(st state, sel Selection, reviewYear int) (Leadership, error) {
	l := Leadership{Year: st.year}
	field, err := s.eligible(st)
	if err != nil {
		return l, err
	}
	last, hasLast := st.last()
	switch s.Method {
	case SuccessionElect:
		l.By = SuccessionElect
		if l.Leader, err = s.fromVote(st, sel.LeaderVote, RoleLeader, reviewYear, ""); err != nil {
			return l, err
		}
		if c := s.blocks(st, l.Leader); c != 0 {
			return l, &Violation{Year: st.year, Unit: l.Leader, Constraint: c}
		}
		if l.Deputy, err = s.fromVote(st, sel.DeputyVote, RoleDeputy, reviewYear, l.Leader); err != nil {
			return l, err
		}
	case SuccessionDeputySucceeds:
		l.By = SuccessionDeputySucceeds
		switch {
		case hasLast && last.Deputy != "" && slices.Contains(field, last.Deputy):
			l.Leader = last.Deputy
		case hasLast && last.Deputy != "":
			return l, &Violation{Year: st.year, Unit: last.Deputy, Constraint: s.blocks(st, last.Deputy)}
		case sel.LeaderVote != nil:
			// The deputy post is vacant: the cluster elects a leader instead.
			l.By = SuccessionElect
			if l.Leader, err = s.fromVote(st, sel.LeaderVote, RoleLeader, reviewYear, ""); err != nil {
				return l, err
			}
			if c := s.blocks(st, l.Leader); c != 0 {
				return l, &Violation{Year: st.year, Unit: l.Leader, Constraint: c}
			}
		case len(st.order) > 0:
			// The deputy post is vacant: the next unit in the order leads.
			l.By = SuccessionRoundRobin
			l.Leader = firstIn(after(st.order, last.Leader), field)
		default:
			return l, selectionError(st.year, "a leader vote (the deputy post is vacant)")
		}
		if !s.DeputyFromOrder {
			l.Deputy, err = s.fromVote(st, sel.DeputyVote, RoleDeputy, reviewYear, l.Leader)
		} else {
			l.Deputy, err = s.deputyFromOrder(st, l.Leader)
		}
		if err != nil {
			return l, err
		}
	case SuccessionRoundRobin:
		l.By = SuccessionRoundRobin
		l.Leader = firstIn(after(st.order, last.Leader), field)
		if l.Deputy, err = s.deputyFromOrder(st, l.Leader); err != nil {
			return l, err
		}
	case SuccessionAssign:
		if sel.Assigned == nil {
			return l, selectionError(st.year, "an assignment")
		}
		a := *sel.Assigned
		if a.Year != st.year {
			return l, termError(a.Year, ErrYearMismatch)
		}
		if err := a.Validate(); err != nil {
			return l, err
		}
		if err := a.checkMembers(st.roster); err != nil {
			return l, err
		}
		if c := s.blocks(st, a.Leader); c != 0 {
			return l, &Violation{Year: st.year, Unit: a.Leader, Constraint: c}
		}
		l.Leader, l.Deputy, l.By = a.Leader, a.Deputy, SuccessionAssign
	}
	return l, nil
}

func firstIn(candidates, field []UnitID) UnitID {
	for _, id := range candidates {
		if slices.Contains(field, id) {
			return id
		}
	}
	return ""
}

// deputyFromOrder takes the next unit in the order after leader that may be
// deputy, preferring one that the constraints will let lead the year after (so
// that a deputy who succeeds, or the next in a fixed order, is not blocked by a
// cool-down); that is judged on this year's roster.
func (s Succession) deputyFromOrder(st state, leader UnitID) (UnitID, error) {
	var fallback UnitID
	for _, id := range after(st.order, leader) {
		if !s.deputyOK(st, id, leader) {
			continue
		}
		if s.canLeadNextYear(st, leader, id) {
			return id, nil
		}
		if fallback == "" {
			fallback = id
		}
	}
	if fallback != "" {
		return fallback, nil
	}
	return "", &Violation{Year: st.year, Constraint: ConstraintDistinct, Detail: "no unit left to be deputy"}
}

// canLeadNextYear reports whether unit, deputy to leader in st's year, could
// lead the year after under the constraints.
func (s Succession) canLeadNextYear(st state, leader, unit UnitID) bool {
	next := state{year: st.year + 1, roster: st.roster, order: st.order}
	next.prev = append(slices.Clone(st.prev), Leadership{Year: st.year, Leader: leader, Deputy: unit})
	return s.blocks(next, unit) == 0
}

// fromVote reads the winner of a one-post vote, checking that the vote belongs
// to this review and roster. not is the unit that cannot take this post (the
// leader, when electing the deputy).
func (s Succession) fromVote(st state, r *Result, post Role, reviewYear int, not UnitID) (UnitID, error) {
	if r == nil {
		return "", selectionError(st.year, "a "+post.String()+" vote")
	}
	if y := r.Contest.Year(); y != reviewYear {
		return "", voteMismatch(r.Contest.ID(), post, yearError("vote year", y, ErrYearMismatch))
	}
	for _, id := range r.Contest.Candidates() {
		if !st.roster.IsMember(id) {
			return "", voteMismatch(r.Contest.ID(), post, &UnitError{ID: id, Err: ErrUnknownUnit})
		}
	}
	var winner UnitID
	switch {
	case len(r.Tied) > 0 && s.TieByOrder:
		winner = firstIn(st.order, r.Tied)
	case len(r.Tied) > 0:
		return "", &ElectionTieError{Year: st.year, Post: post, Tied: slices.Clone(r.Tied)}
	case len(r.Elected) == 0:
		return "", voteMismatch(r.Contest.ID(), post, ErrNotElected)
	default:
		winner = r.Elected[0]
	}
	if winner == not {
		return "", &UnitError{ID: winner, Err: ErrLeaderIsDeputy}
	}
	if post == RoleDeputy && !s.deputyOK(st, winner, not) {
		return "", &Violation{Year: st.year, Unit: winner, Constraint: ConstraintExcluded}
	}
	return winner, nil
}

// Plan is a projection of leadership over several years under a policy that
// needs no votes (SuccessionRoundRobin, or SuccessionDeputySucceeds with DeputyFromOrder).
type Plan struct {
	// Terms are the planned leaderships, one a year, starting the year after
	// the current roster's.
	Terms []Leadership `json:"terms"`
	// firstLeads holds, for each member of the current roster, the first
	// planned year in which it (or its successor) leads, 0 if none.
	firstLeads map[UnitID]int
}

// FirstLead returns the first planned year in which id, a member of the
// roster the plan starts from, or its successor leads; 0 if it does not lead
// within the plan or is not a member of that roster.
func (p Plan) FirstLead(id UnitID) int { return p.firstLeads[id] }

// planJSON is the JSON form of a Plan: first_leads is an object keyed by the
// members of the roster the plan starts from.
type planJSON struct {
	Terms      []Leadership   `json:"terms"`
	FirstLeads map[UnitID]int `json:"first_leads"`
}

// MarshalJSON encodes the terms and each member's first year as leader.
func (p Plan) MarshalJSON() ([]byte, error) {
	return json.Marshal(planJSON{Terms: p.Terms, FirstLeads: p.firstLeads})
}

// UnmarshalJSON decodes a plan and checks its terms (as Leadership.Validate
// does), its unit IDs, and that each first year is 0 or a year in range.
func (p *Plan) UnmarshalJSON(b []byte) error {
	var j planJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	for _, t := range j.Terms {
		if err := t.Validate(); err != nil {
			return termError(t.Year, err)
		}
	}
	for id, y := range j.FirstLeads {
		if err := id.Validate(); err != nil {
			return err
		}
		if y != 0 {
			if err := checkYear("first lead", y); err != nil {
				return err
			}
		}
	}
	*p = Plan{Terms: j.Terms, firstLeads: j.FirstLeads}
	return nil
}

// Plan projects the leadership for the given number of years after current,
// applying the unit changes as their years come. It needs a policy that chooses
// without votes; otherwise it returns ErrPlanNeedsVotes. More than MaxPlanYears
// years, or more than MaxChanges changes, is a *FieldError wrapping ErrLimit;
// the work is linear in the years.
func (s Succession) Plan(current Cluster, history History, years int, changes []UnitChange) (Plan, error) {
	if s.Method != SuccessionRoundRobin && !(s.Method == SuccessionDeputySucceeds && s.DeputyFromOrder) {
		return Plan{}, &FieldError{Field: "succession method", Value: s.Method.String(), Err: ErrPlanNeedsVotes}
	}
	if years < 0 || current.Year()+years > MaxYear {
		return Plan{}, yearError("plan length", years, ErrYearOutOfRange)
	}
	if err := checkLimit("years of a plan", years, MaxPlanYears); err != nil {
		return Plan{}, err
	}
	terms, err := s.termsUpTo(current, history)
	if err != nil {
		return Plan{}, err
	}
	if err := s.Validate(current); err != nil {
		return Plan{}, err
	}
	members := current.MemberIDs()
	p := Plan{Terms: make([]Leadership, 0, years), firstLeads: make(map[UnitID]int, len(members))}
	if years == 0 {
		for _, id := range members {
			p.firstLeads[id] = 0
		}
		return p, nil
	}
	if err := checkChanges(changes); err != nil {
		return Plan{}, err
	}
	tl := s.newTimeline(current, terms, changes, current.Year())
	// Where each member of current stands in the year planned, and the first
	// year it leads there.
	first := make([]int, len(members))
	for y := 1; y <= years; y++ {
		year := current.Year() + y
		if err := tl.advance(year); err != nil {
			return Plan{}, err
		}
		tl.follow(members)
		l, err := s.choose(tl.state(), Selection{}, year-1)
		if err != nil {
			return Plan{}, err
		}
		tl.push(l)
		p.Terms = append(p.Terms, l)
		for k, id := range members {
			if first[k] == 0 && id == l.Leader {
				first[k] = year
			}
		}
	}
	for k, id := range current.MemberIDs() { // members now holds their successors
		p.firstLeads[id] = first[k]
	}
	return p, nil
}

// timeline walks a cluster's years one at a time for Plan and CheckHistory,
// keeping what a choice looks at up to date instead of rebuilding it from all
// the changes and terms every year: each year applies only that year's
// changes, to the roster, the recent terms and the order, so the work is
// linear in the years.
type timeline struct {
	s       Succession
	changes []UnitChange
	byYear  map[int][]int // indices into changes, by year, in the order given
	roster  Cluster
	recent  []Leadership // the terms a choice can look at, units followed to roster's year
	order   []UnitID     // s.Order followed to roster's year, each unit once
}

// newTimeline starts at roster, whose year is the latest of terms' or after
// them, with s.Order given in the IDs of year orderYear. changes must have
// passed checkChanges.
func (s Succession) newTimeline(roster Cluster, terms []Leadership, changes []UnitChange, orderYear int) *timeline {
	tl := &timeline{s: s, changes: changes, byYear: map[int][]int{}, roster: roster}
	for i, ch := range changes {
		tl.byYear[ch.Year] = append(tl.byYear[ch.Year], i)
	}
	// Only the last terms matter to a choice (see state); follow those once.
	g := lineage{changes: changes}
	keep := terms[max(0, len(terms)-tl.window()):]
	for _, t := range keep {
		if t.Year > roster.Year() {
			break
		}
		tl.recent = append(tl.recent, mapTerm(t, func(id UnitID) UnitID { return g.follow(id, t.Year, roster.Year()) }))
	}
	for _, id := range s.Order {
		id = g.follow(id, orderYear, roster.Year())
		if !slices.Contains(tl.order, id) {
			tl.order = append(tl.order, id)
		}
	}
	return tl
}

// window is how many of the latest terms a choice needs: the last one, and
// those within the cool-down, for this year and the next (deputyFromOrder
// looks a year ahead).
func (tl *timeline) window() int { return max(tl.s.Constraints.CoolDown, 1) + 1 }

// mapTerm follows a term's units by f; a deputy merged into the leader leaves
// the post vacant.
func mapTerm(t Leadership, f func(UnitID) UnitID) Leadership {
	t.Leader, t.Deputy = f(t.Leader), f(t.Deputy)
	if t.Deputy == t.Leader {
		t.Deputy = ""
	}
	return t
}

// step follows id through the changes of one year, in the order given.
func (tl *timeline) step(id UnitID, idx []int) UnitID {
	if id == "" {
		return id
	}
	for _, i := range idx {
		if slices.Contains(tl.changes[i].From, id) {
			id = tl.changes[i].Into.ID
		}
	}
	return id
}

// advance moves to year, the year after the roster's, applying its changes.
func (tl *timeline) advance(year int) error {
	idx := tl.byYear[year]
	r, err := tl.roster.apply(year, tl.changes, idx)
	if err != nil {
		return err
	}
	tl.roster = r.Cluster
	if len(idx) == 0 {
		return nil
	}
	for i, t := range tl.recent {
		tl.recent[i] = mapTerm(t, func(id UnitID) UnitID { return tl.step(id, idx) })
	}
	tl.follow(tl.order)
	tl.order = dedupe(tl.order)
	return nil
}

// follow maps ids in place through the changes of the roster's year.
func (tl *timeline) follow(ids []UnitID) {
	idx := tl.byYear[tl.roster.Year()]
	for k, id := range ids {
		ids[k] = tl.step(id, idx)
	}
}

// dedupe keeps the first place of each unit.
func dedupe(ids []UnitID) []UnitID {
	seen := make(map[UnitID]bool, len(ids))
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// push records the term of the roster's year.
func (tl *timeline) push(l Leadership) {
	tl.recent = append(tl.recent, l)
	if n := tl.window(); len(tl.recent) > n {
		tl.recent = slices.Clone(tl.recent[len(tl.recent)-n:])
	}
}

// state is what newState would build for the roster's year from all the
// terms and changes.
func (tl *timeline) state() state {
	st := state{year: tl.roster.Year(), roster: tl.roster}
	for _, t := range tl.recent {
		if t.Year < st.year {
			st.prev = append(st.prev, t)
		}
	}
	if len(tl.s.Order) > 0 {
		for _, id := range tl.order {
			if tl.roster.IsMember(id) {
				st.order = append(st.order, id)
			}
		}
	}
	return st
}

// Violation is one way a recorded term breaks a succession policy.
type Violation struct {
	// Year is the term's year.
	Year int `json:"year"`
	// Unit is the unit at fault: the leader, or a deputy who is not a member
	// or is excluded.
	Unit UnitID `json:"unit"`
	// Constraint is the rule broken.
	Constraint Constraint `json:"constraint"`
	// Detail says more, such as the unit the method expected.
	Detail string `json:"detail,omitempty"`
}

// String returns a one-line description, such as
// "2025: nam-dinh breaks no consecutive terms".
func (v Violation) String() string {
	s := fmt.Sprintf("%d: %s breaks %s", v.Year, v.Unit, v.Constraint)
	if v.Detail != "" {
		s += " (" + v.Detail + ")"
	}
	return s
}

// CheckHistory checks a recorded history against the policy and lists every
// violation with its year, oldest first. first is the roster of the history's
// first year (or earlier); changes give the rosters of later years. The first
// term is checked for membership only, since nothing before it is known. Votes
// are not part of a history, so for SuccessionElect and SuccessionAssign only the constraints and
// membership are checked; for SuccessionRoundRobin and SuccessionDeputySucceeds the method is too.
// More than MaxChanges changes is a *FieldError wrapping ErrLimit; the work is
// linear in the terms.
func (s Succession) CheckHistory(first Cluster, history History, changes []UnitChange) ([]Violation, error) {
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
	// The roster of the first term's year, checking every change once.
	r, err := first.Reorganize(terms[0].Year, changes)
	if err != nil {
		return nil, err
	}
	tl := s.newTimeline(r.Cluster, nil, changes, first.Year())
	var out []Violation
	for i, t := range terms {
		if i > 0 {
			if err := tl.advance(t.Year); err != nil {
				return nil, err
			}
		}
		roster := tl.roster
		for _, u := range []UnitID{t.Leader, t.Deputy} {
			if u != "" && !roster.IsMember(u) {
				out = append(out, Violation{Year: t.Year, Unit: u, Constraint: ConstraintMember})
			}
		}
		if i > 0 {
			st := tl.state()
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
		tl.push(t)
	}
	return out, nil
}

// expectedLeader returns the leader the method itself prescribes for st's year,
// when it prescribes one without votes.
func (s Succession) expectedLeader(st state) (UnitID, bool) {
	last, ok := st.last()
	if !ok {
		return "", false
	}
	switch s.Method {
	case SuccessionDeputySucceeds:
		if last.Deputy != "" {
			return last.Deputy, true
		}
	case SuccessionRoundRobin:
		field, err := s.eligible(st)
		if err != nil {
			return "", false
		}
		return firstIn(after(st.order, last.Leader), field), true
	}
	return "", false
}

// successionJSON is the JSON form of a Succession. A caller's Exclude rule is a
// function and has no JSON form.
type successionJSON struct {
	Method          SuccessionMethod `json:"method"`
	DeputyFromOrder bool             `json:"deputy_from_order,omitempty"`
	Order           []UnitID         `json:"order,omitempty"`
	TieByOrder      bool             `json:"tie_by_order,omitempty"`
	NoConsecutive   bool             `json:"no_consecutive,omitempty"`
	CoolDown        int              `json:"cool_down,omitempty"`
	LeaderWasDeputy bool             `json:"leader_was_deputy,omitempty"`
	// OldDeputy is the "deputy" key of earlier versions ("elected",
	// "from-order"), refused on decoding rather than ignored.
	OldDeputy json.RawMessage `json:"deputy,omitempty"`
	// OldOnTie is the "on_tie" key of earlier versions ("runoff",
	// "by-order"; now TieByOrder), refused on decoding rather than ignored.
	OldOnTie json.RawMessage `json:"on_tie,omitempty"`
}

// MarshalJSON encodes the policy; it returns ErrUnencodablePolicy when the
// policy carries a caller's exclusion, which is a function.
func (s Succession) MarshalJSON() ([]byte, error) {
	if s.Constraints.Exclude != nil {
		return nil, &FieldError{Field: "exclusion", Value: s.Constraints.ExcludeName, Err: ErrUnencodablePolicy}
	}
	return json.Marshal(successionJSON{Method: s.Method, DeputyFromOrder: s.DeputyFromOrder, Order: s.Order, TieByOrder: s.TieByOrder,
		NoConsecutive: s.Constraints.NoConsecutive, CoolDown: s.Constraints.CoolDown,
		LeaderWasDeputy: s.Constraints.LeaderWasDeputy})
}

// UnmarshalJSON decodes a policy and checks what does not depend on a roster
// (the method, the cool-down's sign, the order's IDs),
// so that what decodes also encodes. Its validity against a roster is
// checked when it is used (Validate, Next, Plan, CheckHistory).
func (s *Succession) UnmarshalJSON(b []byte) error {
	var j successionJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.OldDeputy != nil {
		return &FieldError{Field: "deputy", Value: string(j.OldDeputy), Err: ErrInvalidSuccession}
	}
	if j.OldOnTie != nil {
		return &FieldError{Field: "on_tie", Value: string(j.OldOnTie), Err: ErrInvalidSuccession}
	}
	v := Succession{Method: j.Method, DeputyFromOrder: j.DeputyFromOrder, Order: j.Order, TieByOrder: j.TieByOrder,
		Constraints: Constraints{NoConsecutive: j.NoConsecutive, CoolDown: j.CoolDown, LeaderWasDeputy: j.LeaderWasDeputy}}
	if err := v.validateAlone(); err != nil {
		return err
	}
	*s = v
	return nil
}

// checkRules checks the method.
func (s Succession) checkRules() error {
	if !s.Method.IsValid() {
		return &FieldError{Field: "succession method", Value: s.Method.String(), Err: ErrInvalidSuccession}
	}
	return nil
}

// validateAlone checks what Validate checks that does not depend on the
// roster: the method, a cool-down that is not negative,
// and an order of valid IDs without repeats.
func (s Succession) validateAlone() error {
	if err := s.checkRules(); err != nil {
		return err
	}
	if s.Constraints.CoolDown < 0 {
		return coolDownError(s.Constraints.CoolDown, 0)
	}
	for i, id := range s.Order {
		if err := id.Validate(); err != nil {
			return err
		}
		if slices.Contains(s.Order[:i], id) {
			return &UnitError{ID: id, Err: ErrOrderRepeats}
		}
	}
	return nil
}
