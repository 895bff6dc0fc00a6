package thidua

import (
	"encoding/json"
	"fmt"
	"slices"
)

// Review is one year-end review conference (hội nghị tổng kết công tác thi đua,
// khen thưởng) of a cluster: it scores the members, counts the secret ballots
// for each award and for next year's leadership, decides the proposals, hands
// over the leadership, and writes the minutes (biên bản). It is plain data;
// Conclude checks that its parts agree and runs the steps in order.
//
// A review may take more than one call: when a vote ends in a tie at a quota
// and the rules allow another round, the Outcome lists the runoff it needs;
// the caller adds that round's ballots (AwardVote.Rounds, LeaderRounds,
// DeputyRounds) and calls Conclude again.
type Review struct {
	// Date is the day of the conference (required). It picks the rules when
	// Rules is zero, and must fall in the cluster's year or the next (some
	// clusters review year N in the first quarter of N+1).
	Date Date `json:"date"`
	// Place is where the conference was held (địa điểm), for the minutes.
	Place string `json:"place,omitempty"`
	// Cluster is this year's roster (required). Its leader chairs the
	// conference (chủ trì) and its deputy co-chairs (đồng chủ trì).
	Cluster Cluster `json:"cluster"`
	// Present lists the members present (có mặt); nil means all. Its size is
	// the Present count of every vote, against which quorum is checked.
	Present []UnitID `json:"present,omitempty"`
	// Rules is the rule set applied; the zero RuleSet means RulesOn(Date). A
	// rule set given here must be in force on Date.
	Rules RuleSet `json:"-"`

	// Scorecard, Scoring and Assessments give the standings (required).
	Scorecard   Scorecard     `json:"scorecard"`
	Scoring     ScoringPolicy `json:"scoring"`
	Assessments []Assessment  `json:"assessments"`
	// Facts about units (pending discipline, share of women, ...).
	Facts []Facts `json:"facts,omitempty"`

	// Awards are the awards the cluster votes on, each with its quota and its
	// ballots round by round.
	Awards []AwardVote `json:"awards,omitempty"`
	// Settlements are the fallback's decisions (the chair's vote, or leader
	// and deputy deciding) on ties that the last round left open.
	Settlements []FallbackDecision `json:"settlements,omitempty"`

	// Succession is the cluster's policy for next year's leader and deputy
	// (required). History holds earlier terms.
	Succession Succession `json:"succession"`
	History    History    `json:"history"`
	// LeaderRounds and DeputyRounds are the ballots of the leadership votes,
	// round by round, when the policy elects. Each is an approval vote with
	// one mark (a ballot names one unit) among the eligible members; the unit
	// with the most votes is elected, and a tie goes to another round.
	LeaderRounds [][]Ballot `json:"leader_rounds,omitempty"`
	DeputyRounds [][]Ballot `json:"deputy_rounds,omitempty"`
	// Changes are the renames and mergers that take effect next year.
	Changes []UnitChange `json:"changes,omitempty"`
}

// AwardVote is the vote on one award at the review: the quota, the candidates
// (nil: every member), the most marks a ballot may carry (0: no limit), and the
// ballots of each round. Round 1 is the vote itself (approval: each ballot
// marks "đồng ý" for the units it supports); later rounds are runoffs among the
// units tied at the quota, as Outcome.Pending asks for them.
type AwardVote struct {
	Award      Award      `json:"award"`
	Quota      Quota      `json:"quota"`
	Candidates []UnitID   `json:"candidates,omitempty"`
	MaxMarks   int        `json:"max_marks,omitempty"`
	Rounds     [][]Ballot `json:"rounds"`
}

// FallbackDecision is the decision of the fallback on a tie that the last
// round of an award's vote left open: the units Chosen for the open seats, in
// order (the chair's vote under FallbackChair; the leader and deputy under
// FallbackLeaderAndDeputy).
type FallbackDecision struct {
	Award  Award    `json:"award"`
	Chosen []UnitID `json:"chosen"`
}

// PendingKind says what a review still needs before it is complete.
type PendingKind uint8

// The kinds of pending step.
const (
	PendingRunoff   PendingKind = iota + 1 // another round of ballots (bỏ phiếu lại)
	PendingFallback                        // the fallback's decision after the last round
)

// String returns "runoff" or "fallback".
func (k PendingKind) String() string {
	switch k {
	case PendingRunoff:
		return "runoff"
	case PendingFallback:
		return "fallback"
	}
	return fmt.Sprintf("PendingKind(%d)", uint8(k))
}

// Pending is a step the review still needs: a runoff round (its Contest, with
// the tied units as candidates and the open seats) or a fallback decision.
// Award is zero for a leadership vote, whose Post is then RoleLeader or
// RoleDeputy.
type Pending struct {
	Kind     PendingKind
	Award    Award
	Post     Role
	Round    int // the round the runoff would be, or the last round held
	Units    []UnitID
	Seats    int
	Contest  Contest  // for a runoff: the contest to hold
	Fallback Fallback // for a fallback: who decides
}

// VoteRecord is one tally held at the review: which award (or post) and round.
type VoteRecord struct {
	Award  Award // zero for a leadership vote
	Post   Role  // RoleLeader or RoleDeputy for a leadership vote
	Round  int
	Result Result
}

// Settled records how a tie at a quota was settled: by a runoff or by the
// fallback, with the order it gave.
type Settled struct {
	Award    Award
	By       TieBreak
	Fallback Fallback // who decided, when By is TieBreakFallback
	Round    int      // the round that settled it, when By is TieBreakRunoff
	Order    [][]UnitID
}

// Outcome is what a review concluded: the standings, every tally, the
// decision, how ties were settled, next year's leadership and roster, and what
// is still pending. It renders its own minutes.
type Outcome struct {
	// Review is the review that was concluded, for the minutes.
	Review Review
	// Rules is the rule set applied.
	Rules     RuleSet
	Standings Standings
	// Votes lists every tally: the awards in precedence order, round by
	// round, then the leader's and the deputy's votes.
	Votes    []VoteRecord
	Decision Decision
	Settled  []Settled
	// Leadership is next year's leader and deputy, and Next the roster of next
	// year with them. Both are zero when the leadership is still pending.
	Leadership Leadership
	Next       Cluster
	// Pending lists the runoffs and fallback decisions still needed; the
	// review is complete when it is empty. While anything is pending the
	// Decision is provisional: units held for a runoff take no lower award,
	// and once the tie is settled the loser may displace a lower proposal.
	Pending []Pending
}

// Complete reports whether nothing is pending.
func (o Outcome) Complete() bool { return len(o.Pending) == 0 }

// Conclude checks the review's parts and runs the year-end steps in order:
// score, count each award's ballots round by round, decide the proposals
// (settling ties by the rounds held and the fallback's decisions), and choose
// next year's leadership. Steps that need another round or a decision are
// listed in Outcome.Pending rather than failing.
//
// Errors are *ReviewError values naming the part at fault (ErrMissingPart
// for a required part left out; ErrRulesNotInForce; ErrYearMismatch for a
// date or scorecard of another year; ErrUnknownUnit for ballots, facts or
// presence naming a unit outside the cluster; and the errors of the steps).
func (r Review) Conclude() (Outcome, error) {
	rules, err := r.check()
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Review: r, Rules: rules}
	if o.Standings, err = r.Scorecard.Score(r.Cluster, r.Assessments, r.Scoring); err != nil {
		return Outcome{}, &ReviewError{Part: "scoring", Err: err}
	}
	if err := r.decide(&o); err != nil {
		return Outcome{}, err
	}
	if err := r.lead(&o); err != nil {
		return Outcome{}, err
	}
	return o, nil
}

// check validates the parts against each other and returns the rule set.
func (r Review) check() (RuleSet, error) {
	c := r.Cluster
	switch {
	case r.Date.IsZero():
		return RuleSet{}, &ReviewError{Part: "date", Err: ErrMissingPart}
	case c.Len() == 0:
		return RuleSet{}, &ReviewError{Part: "cluster", Err: ErrMissingPart}
	case len(r.Scorecard.Leaves()) == 0:
		return RuleSet{}, &ReviewError{Part: "scorecard", Err: ErrMissingPart}
	case !r.Succession.Method.IsValid():
		return RuleSet{}, &ReviewError{Part: "succession", Err: ErrMissingPart}
	}
	if err := r.Date.Validate(); err != nil {
		return RuleSet{}, &ReviewError{Part: "date", Err: err}
	}
	if y := r.Date.Year; y != c.Year() && y != c.Year()+1 {
		return RuleSet{}, &ReviewError{Part: "date", Err: &YearError{What: "review date year", Year: y, Err: ErrYearMismatch}}
	}
	if y := r.Scorecard.Year(); y != c.Year() {
		return RuleSet{}, &ReviewError{Part: "scorecard", Err: &YearError{What: "scorecard year", Year: y, Err: ErrYearMismatch}}
	}
	rules := r.Rules
	if rules.Name == "" {
		var err error
		if rules, err = RulesOn(r.Date); err != nil {
			return RuleSet{}, &ReviewError{Part: "rules", Err: err}
		}
	} else {
		if err := rules.Validate(); err != nil {
			return RuleSet{}, &ReviewError{Part: "rules", Err: err}
		}
		if !rules.InForce(r.Date) {
			return RuleSet{}, &ReviewError{Part: "rules", Err: &FieldError{Field: "rule set", Value: rules.Name + " on " + r.Date.String(), Err: ErrRulesNotInForce}}
		}
	}
	for _, id := range r.Present {
		if !c.IsMember(id) {
			return RuleSet{}, &ReviewError{Part: "present", Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
		}
	}
	seen := map[Award]bool{}
	for _, av := range r.Awards {
		part := "award " + av.Award.String()
		if !av.Award.IsValid() {
			return RuleSet{}, &ReviewError{Part: part, Err: &FieldError{Field: "award", Value: av.Award.String(), Err: ErrInvalidAward}}
		}
		if seen[av.Award] {
			return RuleSet{}, &ReviewError{Part: part, Err: ErrDuplicateRule}
		}
		seen[av.Award] = true
		for _, id := range av.Candidates {
			if !c.IsMember(id) {
				return RuleSet{}, &ReviewError{Part: part + " candidates", Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
			}
		}
		for i, round := range av.Rounds {
			if err := ballotsName(c.IsMember, round); err != nil {
				return RuleSet{}, &ReviewError{Part: fmt.Sprintf("%s round %d ballots", part, i+1), Err: err}
			}
		}
	}
	for _, d := range r.Settlements {
		if !seen[d.Award] {
			return RuleSet{}, &ReviewError{Part: "settlement " + d.Award.String(), Err: ErrContestMismatch}
		}
		for _, id := range d.Chosen {
			if !c.IsMember(id) {
				return RuleSet{}, &ReviewError{Part: "settlement " + d.Award.String(), Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
			}
		}
	}
	reorg, err := c.Reorganize(c.Year()+1, r.Changes)
	if err != nil {
		return RuleSet{}, &ReviewError{Part: "changes", Err: err}
	}
	nextMember := reorg.Cluster.IsMember
	for _, v := range []struct {
		post   string
		rounds [][]Ballot
	}{{"leader", r.LeaderRounds}, {"deputy", r.DeputyRounds}} {
		for i, round := range v.rounds {
			if err := ballotsName(nextMember, round); err != nil {
				return RuleSet{}, &ReviewError{Part: fmt.Sprintf("%s vote round %d ballots", v.post, i+1), Err: err}
			}
		}
	}
	return rules, nil
}

// ballotsName reports a ballot that names a unit outside the roster (known):
// a ballot of another cluster, not a spoilt one. Marking a member who is not a
// candidate only makes a ballot invalid, which the tally records.
func ballotsName(known func(UnitID) bool, ballots []Ballot) error {
	for i, b := range ballots {
		if b.Voter != "" && !known(b.Voter) {
			return &BallotError{Index: i, Candidate: b.Voter, Err: ErrUnknownUnit}
		}
		for _, id := range b.Approve {
			if !known(id) {
				return &BallotError{Index: i, Candidate: id, Err: ErrUnknownUnit}
			}
		}
		for _, tier := range b.Ranking {
			for _, id := range tier {
				if !known(id) {
					return &BallotError{Index: i, Candidate: id, Err: ErrUnknownUnit}
				}
			}
		}
	}
	return nil
}

// reviewJSON adds the rule set, which is written only when one is given.
type reviewJSON struct {
	reviewFields
	Rules *RuleSet `json:"rules,omitempty"`
}

// reviewFields has Review's fields without its methods, so that encoding them
// does not recurse.
type reviewFields Review

// MarshalJSON encodes the review, with the rule set only when one is given
// (the zero RuleSet means RulesOn(Date)). It fails for parts that have no
// JSON form, such as a succession with a caller's exclusion.
func (r Review) MarshalJSON() ([]byte, error) {
	j := reviewJSON{reviewFields: reviewFields(r)}
	if r.Rules.Name != "" {
		j.Rules = &r.Rules
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a review. Each part is validated as it decodes
// (clusters, scorecards, assessments, ...); Conclude checks that the parts
// agree.
func (r *Review) UnmarshalJSON(b []byte) error {
	var j reviewJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Review(j.reviewFields)
	if j.Rules != nil {
		r.Rules = *j.Rules
	}
	return nil
}

// contestID names the contest of a vote at this review.
func (r Review) contestID(what string, round int) ContestID {
	return ContestID(fmt.Sprintf("%s/%d/%s/%d", r.Cluster.ID(), r.Cluster.Year(), what, round))
}

func (r Review) present() int {
	if r.Present == nil {
		return r.Cluster.Len()
	}
	return len(r.Present)
}

// decide tallies each award's rounds and decides the proposals.
func (r Review) decide(o *Outcome) error {
	c := r.Cluster
	quotas := make(map[Award]Quota, len(r.Awards))
	for _, av := range r.Awards {
		quotas[av.Award] = av.Quota
	}
	rules, err := o.Rules.AwardRules(quotas)
	if err != nil {
		return &ReviewError{Part: "award rules", Err: err}
	}
	awards := slices.Clone(r.Awards)
	slices.SortFunc(awards, func(a, b AwardVote) int { return a.Award.Compare(b.Award) })

	in := DecideInput{Cluster: c, Standings: o.Standings, Facts: r.Facts,
		Votes: map[Award]Result{}, Settled: map[Award]TieSettlement{}}
	byAward := map[Award]AwardVote{}
	for _, av := range awards {
		byAward[av.Award] = av
		vr := o.Rules.VoteRule(av.Award)
		if vr.Threshold.IsZero() && len(av.Rounds) == 0 {
			continue // no vote needed, none held
		}
		if len(av.Rounds) == 0 {
			continue // Decide declines every unit: not voted on
		}
		spec := o.Rules.ContestSpec(av.Award, c)
		spec.ID = r.contestID(av.Award.String(), 1)
		spec.Present, spec.MaxMarks = r.present(), av.MaxMarks
		if av.Candidates != nil {
			spec.Candidates = av.Candidates
		}
		contest, err := NewContest(spec)
		if err != nil {
			return &ReviewError{Part: "award " + av.Award.String() + " contest", Err: err}
		}
		res, err := contest.Tally(av.Rounds[0])
		if err != nil {
			return &ReviewError{Part: "award " + av.Award.String() + " round 1", Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Award: av.Award, Round: 1, Result: res})
		in.Votes[av.Award] = res
	}

	// Decide, and settle each tie at a quota by the rounds held or the
	// fallback; a settled tie can free units for lower awards, so decide again
	// until no new tie is settled.
	for {
		d, err := Decide(rules, in)
		if err != nil {
			return &ReviewError{Part: "decision", Err: err}
		}
		o.Decision = d
		progressed := false
		o.Pending = o.Pending[:0]
		for _, tie := range d.Ties {
			if _, done := in.Settled[tie.Award]; done {
				continue
			}
			st, pend, err := r.settle(o, byAward[tie.Award], tie)
			if err != nil {
				return err
			}
			if pend != nil {
				o.Pending = append(o.Pending, *pend)
				continue
			}
			if st != nil {
				in.Settled[tie.Award] = TieSettlement{Order: st.Order, By: st.By}
				o.Settled = append(o.Settled, *st)
				progressed = true
			}
		}
		if !progressed {
			return nil
		}
	}
}

// settle settles a tie at award av's quota by the runoff rounds held, or by the
// fallback's decision after the last round. It returns the settlement, or what
// is still pending, or neither when the rules leave the tie standing.
func (r Review) settle(o *Outcome, av AwardVote, tie QuotaTie) (*Settled, *Pending, error) {
	vr := o.Rules.VoteRule(av.Award)
	units, seats := slices.Clone(tie.Units), tie.Seats
	var order [][]UnitID // the units each runoff round seated, best first
	for round := 2; vr.MaxRounds == 0 || round <= vr.MaxRounds; round++ {
		contest, err := NewContest(ContestSpec{
			ID: r.contestID(av.Award.String(), round), Title: av.Award.Vietnamese(), Year: r.Cluster.Year(),
			Candidates: units, Electorate: r.Cluster.Len(), Present: r.present(), Seats: seats,
			Method: Approval, Quorum: vr.Quorum, MaxMarks: seats, BlankValid: true,
		})
		if err != nil {
			return nil, nil, &ReviewError{Part: fmt.Sprintf("award %s round %d contest", av.Award, round), Err: err}
		}
		if round > len(av.Rounds) {
			return nil, &Pending{Kind: PendingRunoff, Award: av.Award, Round: round, Units: units, Seats: seats, Contest: contest}, nil
		}
		res, err := contest.Tally(av.Rounds[round-1])
		if err != nil {
			return nil, nil, &ReviewError{Part: fmt.Sprintf("award %s round %d", av.Award, round), Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Award: av.Award, Round: round, Result: res})
		if len(res.Tied) == 0 {
			order = append(order, res.Ranking...)
			return &Settled{Award: av.Award, By: TieBreakRunoff, Round: round, Order: order}, nil, nil
		}
		// Still tied: those elected keep their seats; the tied go round again.
		if len(res.Elected) > 0 {
			order = append(order, res.Elected)
		}
		units, seats = slices.Clone(res.Tied), res.OpenSeats
	}
	fb := vr.Deadlock
	if fb == FallbackNone {
		fb = vr.CutoffTie
	}
	if fb == FallbackNone {
		return nil, nil, nil // the rules name no fallback: the tie stands as a result
	}
	for _, d := range r.Settlements {
		if d.Award != av.Award {
			continue
		}
		for _, id := range d.Chosen {
			if !slices.Contains(units, id) {
				return nil, nil, &ReviewError{Part: "settlement " + av.Award.String(), Err: &UnitError{ID: id, Err: ErrNotTied}}
			}
		}
		if len(d.Chosen) != seats {
			return nil, nil, &ReviewError{Part: "settlement " + av.Award.String(),
				Err: &FieldError{Field: "chosen", Value: quoteIDs(d.Chosen), Err: ErrWrongSeats}}
		}
		for _, id := range d.Chosen {
			order = append(order, []UnitID{id})
		}
		var rest []UnitID
		for _, id := range units {
			if !slices.Contains(d.Chosen, id) {
				rest = append(rest, id)
			}
		}
		if len(rest) > 0 {
			order = append(order, rest)
		}
		return &Settled{Award: av.Award, By: TieBreakFallback, Fallback: fb, Round: len(av.Rounds), Order: order}, nil, nil
	}
	last := len(av.Rounds)
	return nil, &Pending{Kind: PendingFallback, Award: av.Award, Round: last, Units: units, Seats: seats, Fallback: fb}, nil
}

// lead chooses next year's leadership.
func (r Review) lead(o *Outcome) error {
	s := r.Succession
	sel := Selection{}

	// The votes are among next year's roster.
	reorg, err := r.Cluster.Reorganize(r.Cluster.Year()+1, r.Changes)
	if err != nil {
		return &ReviewError{Part: "changes", Err: err}
	}
	next := reorg.Cluster
	terms, err := s.termsUpTo(r.Cluster, r.History)
	if err != nil {
		return &ReviewError{Part: "history", Err: err}
	}
	hist, err := NewHistory(terms...)
	if err != nil {
		return &ReviewError{Part: "history", Err: err}
	}
	st := newState(next, terms, lineage{changes: r.Changes}, s.Order, r.Cluster.Year())
	last, _ := st.last()
	// Under deputy succession the cluster votes for a leader only when the
	// deputy post is vacant and there is no order to fall back on.
	needLeader := s.Method == Elect || (s.Method == DeputySucceeds && last.Deputy == "" && len(s.Order) == 0)
	needDeputy := s.Method == Elect || (s.Method == DeputySucceeds && s.Deputy == DeputyElected)

	var leader UnitID
	if needLeader {
		field, err := s.eligible(st)
		if err != nil {
			return &ReviewError{Part: "leader vote", Err: err}
		}
		res, pend, err := r.electPost(o, RoleLeader, field, r.LeaderRounds)
		if err != nil || pend != nil {
			if pend != nil {
				o.Pending = append(o.Pending, *pend)
			}
			return err
		}
		sel.LeaderVote = res
		if len(res.Elected) > 0 {
			leader = res.Elected[0]
		}
	} else if s.Method == DeputySucceeds {
		leader = last.Deputy
	}
	if needDeputy {
		var field []UnitID
		for _, id := range next.MemberIDs() {
			if id != leader && s.deputyOK(st, id, leader) {
				field = append(field, id)
			}
		}
		res, pend, err := r.electPost(o, RoleDeputy, field, r.DeputyRounds)
		if err != nil || pend != nil {
			if pend != nil {
				o.Pending = append(o.Pending, *pend)
			}
			return err
		}
		sel.DeputyVote = res
	}
	l, nc, err := s.Next(r.Cluster, hist, sel, r.Changes)
	if err != nil {
		return &ReviewError{Part: "succession", Err: err}
	}
	o.Leadership, o.Next = l, nc
	return nil
}

// electPost tallies the rounds of a one-seat vote for post among field. It
// returns the deciding result, or the runoff still needed.
func (r Review) electPost(o *Outcome, post Role, field []UnitID, rounds [][]Ballot) (*Result, *Pending, error) {
	quorum := o.Rules.CouncilQuorum
	units := field
	for round := 1; ; round++ {
		contest, err := NewContest(ContestSpec{
			ID: r.contestID(post.String(), round), Title: post.Vietnamese(r.Cluster.Kind()), Year: r.Cluster.Year(),
			Candidates: units, Electorate: r.Cluster.Len(), Present: r.present(), Seats: 1,
			Method: Approval, Quorum: quorum, MaxMarks: 1, BlankValid: true,
		})
		if err != nil {
			return nil, nil, &ReviewError{Part: post.String() + " vote contest", Err: err}
		}
		if round > len(rounds) {
			return nil, &Pending{Kind: PendingRunoff, Post: post, Round: round, Units: units, Seats: 1, Contest: contest}, nil
		}
		res, err := contest.Tally(rounds[round-1])
		if err != nil {
			return nil, nil, &ReviewError{Part: fmt.Sprintf("%s vote round %d", post, round), Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Post: post, Round: round, Result: res})
		if len(res.Tied) == 0 || r.Succession.OnTie == TieByOrder {
			return &res, nil, nil
		}
		units = slices.Clone(res.Tied)
	}
}
