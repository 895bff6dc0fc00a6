package thidua

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Review is one year-end review conference (hội nghị tổng kết công tác thi đua,
// khen thưởng) of a cluster: it scores the members, counts the ballots (secret
// where the rules say so, RuleSet.SecretBallot) for each award and for next
// year's leadership, decides the proposals, hands over the leadership, and
// writes the minutes (biên bản). It is plain data; Conclude checks that its
// parts agree and runs the steps in order.
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
	// Present lists the members present (có mặt), each once; nil or empty
	// means all. Its size is the Present count of every vote, against which
	// quorum is checked.
	Present []UnitID `json:"present,omitempty"`
	// Rules is the rule set applied, such as national, sector and local
	// layers the caller composed (Compose); the zero RuleSet means the
	// national preset RulesOn gives for the rules date (see Received). A rule
	// set given here must be in force on the rules date. JSON leaves out the
	// zero RuleSet.
	Rules RuleSet `json:"rules,omitempty"`
	// Received is the day the dossier was received (ngày tiếp nhận hồ sơ); the
	// zero Date means Date. The rules are those in force on Received: Luật
	// 06/2026/QH16 is reported to say that a dossier received before
	// 01/10/2026 follows the earlier rules unless the new rule is more
	// favourable. It must not be after Date.
	Received Date `json:"received,omitzero"`
	// Favourable applies the rules in force on Date instead of those on
	// Received, because they are more favourable to the units (the same
	// transition rule's exception). Whether they are is the caller's
	// judgement; the Outcome records which rules applied.
	Favourable bool `json:"favourable,omitempty"`

	// Scorecard, Scoring and Assessments give the standings (required).
	Scorecard Scorecard `json:"scorecard"`
	// Scoring is how the assessments become totals and ranks.
	Scoring ScoringPolicy `json:"scoring"`
	// Assessments are the marks each assessor gave each unit (self, peer
	// and appraisal).
	Assessments []Assessment `json:"assessments"`
	// Facts about units (pending discipline, share of women, ...).
	Facts []Facts `json:"facts,omitempty"`

	// Awards are the awards the cluster votes on, each with its quota and its
	// ballots round by round.
	Awards []AwardVote `json:"awards,omitempty"`
	// Settlements are the fallback's decisions (the chair's vote, or leader
	// and deputy deciding) on ties that the last round left open: each By
	// TieBreakFallback, with the units chosen for the open seats as Order, one
	// unit per tier, best first (Outcome.WithSettlement builds one). Fallback
	// and Round, when set, must be the rule set's fallback and the last round.
	Settlements []Settlement `json:"settlements,omitempty"`

	// Succession is the cluster's policy for next year's leader and deputy
	// (required). History holds earlier terms.
	Succession Succession `json:"succession"`
	// History holds the earlier terms of leader and deputy; the zero
	// History means none are recorded.
	History History `json:"history"`
	// LeaderRounds and DeputyRounds are the ballots of the leadership votes,
	// round by round, when the policy elects. Each is an approval vote with
	// one mark (a ballot names one unit) among the eligible members; the unit
	// with the most votes is elected, and a tie goes to another round.
	LeaderRounds [][]Ballot `json:"leader_rounds,omitempty"`
	// DeputyRounds are the ballots of the vote for the deputy (cụm phó),
	// round by round; see LeaderRounds.
	DeputyRounds [][]Ballot `json:"deputy_rounds,omitempty"`
	// Changes are the renames and mergers that take effect next year.
	Changes []UnitChange `json:"changes,omitempty"`
	// Paperwork is who ran the conference and what its documents need to be
	// filed: chair, secretary, vote-counting board, times, issuing body,
	// numbers and recipients (Nghị định 30/2020/NĐ-CP Điều 8, Mẫu 1.9 Phụ
	// lục III). The zero Paperwork is allowed: the documents then leave dotted
	// blanks where it is missing.
	Paperwork Paperwork `json:"paperwork,omitzero"`
}

// AwardVote is the vote on one award at the review: the quota, the candidates
// (nil: every member), the most marks a ballot may carry (0: no limit), and the
// ballots of each round. Round 1 is the vote itself (approval: each ballot
// marks "đồng ý" for the units it supports); later rounds are runoffs among the
// units tied at the quota, as Outcome.Pending asks for them.
type AwardVote struct {
	// Award is the title or form of commendation voted on.
	Award Award `json:"award"`
	// Quota is the most units the cluster may propose for the award (chỉ
	// tiêu): a count or a share of the members, rounded as it says.
	Quota Quota `json:"quota"`
	// Candidates are the units the vote is among; nil means every member.
	Candidates []UnitID `json:"candidates,omitempty"`
	// MaxMarks is the most "đồng ý" marks one ballot may carry; 0 means no
	// limit.
	MaxMarks int `json:"max_marks,omitempty"`
	// Rounds are the ballots, round by round: round 1 is the vote itself,
	// later rounds the runoffs among the units tied at the quota.
	Rounds [][]Ballot `json:"rounds"`
}

// Pending is a step the review still needs: a runoff round (its Contest, with
// the tied units as candidates and the open seats) or a fallback decision.
// Award is zero for a leadership vote, whose Post is then RoleLeader or
// RoleDeputy.
type Pending struct {
	// Kind says whether a runoff (TieBreakRunoff: another round of ballots,
	// bỏ phiếu lại) or the fallback's decision after the last round
	// (TieBreakFallback) is needed.
	Kind TieBreak `json:"kind"`
	// Award is the award whose quota is tied, or zero for a leadership vote
	// (left out of JSON).
	Award Award `json:"award,omitempty"`
	// Post is RoleLeader or RoleDeputy for a leadership vote.
	Post Role `json:"post,omitempty"`
	// Round is the round the runoff would be, or the last round held.
	Round int `json:"round"`
	// Units are the tied units, and Seats the seats they contend for.
	Units []UnitID `json:"units"`
	Seats int      `json:"seats"` // the seats the tied units contend for
	// Contest is, for a runoff, the contest to hold: its ballots go in the
	// next element of AwardVote.Rounds (or LeaderRounds, DeputyRounds). It is
	// the zero Contest for a decision, and JSON leaves it out then
	// (Pending.MarshalJSON).
	Contest Contest `json:"contest,omitempty"`
	// Fallback is, for a decision, who decides: its choice goes in
	// Review.Settlements.
	Fallback Fallback `json:"fallback,omitempty"`
}

// VoteRecord is one tally held at the review: which award (or post) and round.
type VoteRecord struct {
	// Award is the award voted on, or zero for a leadership vote (left out
	// of JSON).
	Award Award `json:"award,omitempty"`
	// Post is RoleLeader or RoleDeputy for a leadership vote.
	Post Role `json:"post,omitempty"`
	// Round is 1 for the vote itself, then 2, 3, ... for runoffs.
	Round int `json:"round"`
	// Result is the tally.
	Result Result `json:"result"`
}

// Outcome is what a review concluded: the standings, every tally, the
// decision, how ties were settled, next year's leadership and roster, and what
// is still pending. Package document renders its documents.
type Outcome struct {
	// Review is the review that was concluded, for the minutes.
	Review Review `json:"review"`
	// Rules is the rule set applied.
	Rules RuleSet `json:"rules"`
	// RulesDate is the day whose rules applied: Review.Received, or
	// Review.Date when Received is zero or Favourable is set.
	RulesDate Date `json:"rules_date"`
	// Favourable reports that the rules of the review date applied instead of
	// those of the day the dossier was received, as more favourable.
	Favourable bool `json:"favourable,omitempty"`
	// Standings are the scores and ranks of the year.
	Standings Standings `json:"standings"`
	// Votes lists every tally: the awards in precedence order, round by
	// round, then the leader's and the deputy's votes.
	Votes []VoteRecord `json:"votes"`
	// Decision is the proposals, the declined units and any tie left at a
	// quota.
	Decision Decision `json:"decision"`
	// Settled lists how ties at a quota were settled, in the order settled.
	Settled []Settlement `json:"settled,omitempty"`
	// Leadership is next year's leader and deputy, and Next the roster of next
	// year with them. Both are zero when the leadership is still pending, and
	// JSON then leaves them out (Outcome.MarshalJSON).
	Leadership Leadership `json:"leadership,omitempty"`
	Next       Cluster    `json:"next,omitempty"` // next year's roster
	// Pending lists the runoffs and fallback decisions still needed; the
	// review is complete when it is empty. While anything is pending the
	// Decision is provisional: units held for a runoff take no lower award,
	// and once the tie is settled the loser may displace a lower proposal.
	Pending []Pending `json:"pending,omitempty"`
}

// Complete reports whether nothing is pending: no runoff to hold and no
// fallback decision to record. A tie that the rules leave standing (no further
// round and no fallback named) is a result, not a pending step: it stays in
// Decision.Ties with its seats open.
func (o Outcome) Complete() bool { return len(o.Pending) == 0 }

// Conclude checks the review's parts and runs the year-end steps in order:
// score, count each award's ballots round by round, decide the proposals
// (settling ties by the rounds held and the fallback's decisions), and choose
// next year's leadership. Steps that need another round or a decision are
// listed in Outcome.Pending rather than failing.
//
// Errors are *PartError values naming the part at fault (ErrMissingPart
// for a required part left out; ErrRulesNotInForce; ErrYearMismatch for a
// date or scorecard of another year; ErrUnknownUnit for ballots, facts or
// presence naming a unit outside the cluster; and the errors of the steps).
func (r Review) Conclude() (Outcome, error) {
	rules, err := r.check()
	if err != nil {
		return Outcome{}, err
	}
	o := Outcome{Review: r.clone(), Rules: rules, RulesDate: r.rulesDate(),
		Favourable: r.Favourable && !r.Received.IsZero() && r.Received != r.Date}
	if o.Standings, err = r.Scorecard.Score(r.Cluster, r.Assessments, r.Scoring); err != nil {
		return Outcome{}, &PartError{Part: "scoring", Err: err}
	}
	if err := r.decide(&o); err != nil {
		return Outcome{}, err
	}
	if err := r.lead(&o); err != nil {
		return Outcome{}, err
	}
	if err := r.checkRoundsUsed(o.Votes); err != nil {
		return Outcome{}, err
	}
	// The awards in precedence order, round by round, then the leader's and
	// the deputy's votes.
	slices.SortStableFunc(o.Votes, func(a, b VoteRecord) int {
		ka, kb := int(a.Award), int(b.Award)
		if a.Award == 0 {
			ka = 1000 + int(a.Post)
		}
		if b.Award == 0 {
			kb = 1000 + int(b.Post)
		}
		return cmp.Or(cmp.Compare(ka, kb), cmp.Compare(a.Round, b.Round))
	})
	return o, nil
}

// checkRoundsUsed reports ballots for a round that was never held: a runoff
// given where no tie called for one, or more rounds than the rules allow.
// Dropping them silently could hide a mistake in the dossier.
func (r Review) checkRoundsUsed(votes []VoteRecord) error {
	held := func(a Award, post Role) int {
		n := 0
		for _, v := range votes {
			if v.Award == a && v.Post == post {
				n = max(n, v.Round)
			}
		}
		return n
	}
	for _, av := range r.Awards {
		if n := held(av.Award, 0); len(av.Rounds) > n {
			return &PartError{Part: fmt.Sprintf("award %s round %d ballots", av.Award, n+1), Err: ErrRoundNotHeld}
		}
	}
	for _, p := range []struct {
		post   Role
		rounds [][]Ballot
	}{{RoleLeader, r.LeaderRounds}, {RoleDeputy, r.DeputyRounds}} {
		if n := held(0, p.post); len(p.rounds) > n {
			return &PartError{Part: fmt.Sprintf("%s vote round %d ballots", p.post, n+1), Err: ErrRoundNotHeld}
		}
	}
	return nil
}

// clone copies the review's lists, so that an Outcome does not change when
// the caller later edits the review it concluded. The marks inside each
// Assessment and the ballots' own lists are still shared: treat them as
// read-only once given.
func (r Review) clone() Review {
	r.Present = slices.Clone(r.Present)
	r.Assessments = slices.Clone(r.Assessments)
	r.Facts = slices.Clone(r.Facts)
	r.Awards = slices.Clone(r.Awards)
	for i := range r.Awards {
		r.Awards[i].Candidates = slices.Clone(r.Awards[i].Candidates)
		r.Awards[i].Rounds = slices.Clone(r.Awards[i].Rounds)
		for k := range r.Awards[i].Rounds {
			r.Awards[i].Rounds[k] = slices.Clone(r.Awards[i].Rounds[k])
		}
	}
	r.Settlements = slices.Clone(r.Settlements)
	r.Succession.Order = slices.Clone(r.Succession.Order)
	r.LeaderRounds = slices.Clone(r.LeaderRounds)
	r.DeputyRounds = slices.Clone(r.DeputyRounds)
	r.Changes = slices.Clone(r.Changes)
	r.Paperwork = r.Paperwork.clone()
	return r
}

// rulesDate is the day whose rules apply: Received unless it is zero or the
// more favourable rules of Date are asked for.
func (r Review) rulesDate() Date {
	if r.Received.IsZero() || r.Favourable {
		return r.Date
	}
	return r.Received
}

// check validates the parts against each other and returns the rule set.
func (r Review) check() (RuleSet, error) {
	c := r.Cluster
	switch {
	case r.Date.IsZero():
		return RuleSet{}, &PartError{Part: "date", Err: ErrMissingPart}
	case c.Len() == 0:
		return RuleSet{}, &PartError{Part: "cluster", Err: ErrMissingPart}
	case len(r.Scorecard.Leaves()) == 0:
		return RuleSet{}, &PartError{Part: "scorecard", Err: ErrMissingPart}
	case r.Succession.Method == 0:
		return RuleSet{}, &PartError{Part: "succession", Err: ErrMissingPart}
	}
	if err := r.Date.Validate(); err != nil {
		return RuleSet{}, &PartError{Part: "date", Err: err}
	}
	if !r.Received.IsZero() {
		if err := r.Received.Validate(); err != nil {
			return RuleSet{}, &PartError{Part: "received", Err: err}
		}
		if r.Received.Compare(r.Date) > 0 {
			return RuleSet{}, &PartError{Part: "received", Err: &FieldError{Field: "received",
				Value: r.Received.String() + " after " + r.Date.String(), Err: ErrDatesBackwards}}
		}
	}
	if y := r.Date.Year; y != c.Year() && y != c.Year()+1 {
		return RuleSet{}, &PartError{Part: "date", Err: yearError("review date year", y, ErrYearMismatch)}
	}
	if y := r.Scorecard.Year(); y != c.Year() {
		return RuleSet{}, &PartError{Part: "scorecard", Err: yearError("scorecard year", y, ErrYearMismatch)}
	}
	rules, on := r.Rules, r.rulesDate()
	if rules.Name == "" {
		var err error
		if rules, err = RulesOn(on); err != nil {
			return RuleSet{}, &PartError{Part: "rules", Err: err}
		}
	} else {
		if err := rules.Validate(); err != nil {
			return RuleSet{}, &PartError{Part: "rules", Err: err}
		}
		if !rules.InForce(on) {
			return RuleSet{}, &PartError{Part: "rules", Err: &FieldError{Field: "rule set", Value: rules.Name + " on " + on.String(), Err: ErrRulesNotInForce}}
		}
	}
	for i, id := range r.Present {
		if !c.IsMember(id) {
			return RuleSet{}, &PartError{Part: "present", Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
		}
		if slices.Contains(r.Present[:i], id) {
			return RuleSet{}, &PartError{Part: "present", Err: &UnitError{ID: id, Err: ErrDuplicateUnit}}
		}
	}
	if err := r.Succession.Validate(c); err != nil {
		return RuleSet{}, &PartError{Part: "succession", Err: err}
	}
	if err := r.Paperwork.Validate(); err != nil {
		return RuleSet{}, &PartError{Part: "paperwork", Err: err}
	}
	seen := map[Award]bool{}
	for _, av := range r.Awards {
		part := "award " + av.Award.String()
		if !av.Award.IsValid() {
			return RuleSet{}, &PartError{Part: part, Err: &FieldError{Field: "award", Value: av.Award.String(), Err: ErrInvalidAward}}
		}
		if seen[av.Award] {
			return RuleSet{}, &PartError{Part: part, Err: ErrDuplicateRule}
		}
		seen[av.Award] = true
		for _, id := range av.Candidates {
			if !c.IsMember(id) {
				return RuleSet{}, &PartError{Part: part + " candidates", Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
			}
		}
		for i, round := range av.Rounds {
			if err := ballotsName(c.IsMember, c.IsMember, round); err != nil {
				return RuleSet{}, &PartError{Part: fmt.Sprintf("%s round %d ballots", part, i+1), Err: err}
			}
		}
	}
	for _, d := range r.Settlements {
		if !seen[d.Award] {
			return RuleSet{}, &PartError{Part: "settlement " + d.Award.String(), Err: ErrContestMismatch}
		}
		chosen, err := d.chosen()
		if err != nil {
			return RuleSet{}, &PartError{Part: "settlement " + d.Award.String(), Err: err}
		}
		for _, id := range chosen {
			if !c.IsMember(id) {
				return RuleSet{}, &PartError{Part: "settlement " + d.Award.String(), Err: &UnitError{ID: id, Err: ErrUnknownUnit}}
			}
		}
	}
	reorg, err := c.Reorganize(c.Year()+1, r.Changes)
	if err != nil {
		return RuleSet{}, &PartError{Part: "changes", Err: err}
	}
	for _, v := range []struct {
		post   string
		rounds [][]Ballot
	}{{"leader", r.LeaderRounds}, {"deputy", r.DeputyRounds}} {
		for i, round := range v.rounds {
			if err := ballotsName(c.IsMember, reorg.Cluster.IsMember, round); err != nil {
				return RuleSet{}, &PartError{Part: fmt.Sprintf("%s vote round %d ballots", v.post, i+1), Err: err}
			}
		}
	}
	return rules, nil
}

// ballotsName reports a ballot whose voter is not a voter (this year's
// members) or that marks a unit outside the roster it is about (known): a
// ballot of another cluster, not a spoilt one. Marking a member who is not a
// candidate only makes a ballot invalid, which the tally records.
func ballotsName(voter, known func(UnitID) bool, ballots []Ballot) error {
	for i, b := range ballots {
		if b.Voter != "" && !voter(b.Voter) {
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
	if err := j.Paperwork.Validate(); err != nil {
		return &PartError{Part: "paperwork", Err: err}
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
	if len(r.Present) == 0 {
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
		return &PartError{Part: "award rules", Err: err}
	}
	awards := slices.Clone(r.Awards)
	slices.SortFunc(awards, func(a, b AwardVote) int { return a.Award.Compare(b.Award) })

	in := DecideInput{Cluster: c, Standings: o.Standings, Facts: r.Facts,
		Votes: map[Award]Result{}}
	byAward := map[Award]AwardVote{}
	for _, av := range awards {
		byAward[av.Award] = av
		if len(av.Rounds) == 0 {
			continue // no vote held: Decide declines every unit if the award needs one
		}
		spec := o.Rules.ContestSpec(av.Award, c)
		spec.ID = r.contestID(av.Award.String(), 1)
		spec.Present, spec.MaxMarks = r.present(), av.MaxMarks
		if av.Candidates != nil {
			spec.Candidates = av.Candidates
		}
		contest, err := NewContest(spec)
		if err != nil {
			return &PartError{Part: "award " + av.Award.String() + " contest", Err: err}
		}
		res, err := contest.Tally(av.Rounds[0])
		if err != nil {
			return &PartError{Part: "award " + av.Award.String() + " round 1", Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Award: av.Award, Round: 1, Result: res})
		in.Votes[av.Award] = res
	}

	// Decide, then settle the ties at a quota from the highest award down: a
	// settled tie frees its losers for lower awards, which changes the ties
	// there, so each pass settles one tie and decides again. A tie that needs
	// another round or a decision stops the loop: the lower awards wait for it
	// (their decision so far is provisional). A tie the rules leave standing
	// stays in the decision, and the awards below it are settled as usual.
	standing := map[Award]bool{}
	for {
		d, err := Decide(rules, in)
		if err != nil {
			return &PartError{Part: "decision", Err: err}
		}
		o.Decision = d
		i := slices.IndexFunc(d.Ties, func(t QuotaTie) bool {
			settled := slices.ContainsFunc(in.Settled, func(st Settlement) bool { return st.Award == t.Award })
			return !settled && !standing[t.Award]
		})
		if i < 0 {
			return r.unusedSettlement(o, standing)
		}
		tie := d.Ties[i]
		st, pend, err := r.settle(o, byAward[tie.Award], tie)
		switch {
		case err != nil:
			return err
		case pend != nil:
			o.Pending = append(o.Pending, *pend)
			return nil
		case st == nil:
			standing[tie.Award] = true
		default:
			in.Settled = append(in.Settled, *st)
			o.Settled = append(o.Settled, *st)
		}
	}
}

// unusedSettlement refuses a settlement for an award whose decision, once
// every tie is settled, did not end in a tie its fallback settled: a decision
// that nothing needed must not pass unnoticed.
func (r Review) unusedSettlement(o *Outcome, standing map[Award]bool) error {
	for _, d := range r.Settlements {
		used := standing[d.Award] || slices.ContainsFunc(o.Settled, func(st Settlement) bool {
			return st.Award == d.Award && st.By == TieBreakFallback
		})
		if !used {
			return &PartError{Part: "settlement " + d.Award.String(), Err: ErrNotTied}
		}
	}
	return nil
}

// settle settles a tie at award av's quota by the runoff rounds held, or by the
// fallback's decision after the last round. It returns the settlement, or what
// is still pending, or neither when the rules leave the tie standing.
func (r Review) settle(o *Outcome, av AwardVote, tie QuotaTie) (*Settlement, *Pending, error) {
	rules := o.Rules
	units, seats := slices.Clone(tie.Units), tie.Seats
	var order [][]UnitID // the units each runoff round seated, best first
	// Runoffs follow a vote; an award decided without one goes straight to the
	// fallback, if the rules name one.
	held := len(av.Rounds) > 0
	for round := 2; held && (rules.MaxRounds == 0 || round <= rules.MaxRounds); round++ {
		contest, err := NewContest(ContestSpec{
			ID: r.contestID(av.Award.String(), round), Title: av.Award.Vietnamese(), Year: r.Cluster.Year(),
			Candidates: units, Electorate: r.Cluster.Len(), Present: r.present(), Seats: seats,
			Method: MethodApproval, Quorum: rules.CouncilQuorum, MaxMarks: seats, BlankValid: true,
		})
		if err != nil {
			return nil, nil, &PartError{Part: fmt.Sprintf("award %s round %d contest", av.Award, round), Err: err}
		}
		if round > len(av.Rounds) {
			return nil, &Pending{Kind: TieBreakRunoff, Award: av.Award, Round: round, Units: units, Seats: seats, Contest: contest}, nil
		}
		res, err := contest.Tally(av.Rounds[round-1])
		if err != nil {
			return nil, nil, &PartError{Part: fmt.Sprintf("award %s round %d", av.Award, round), Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Award: av.Award, Round: round, Result: res})
		if len(res.Tied) == 0 {
			order = append(order, res.Ranking...)
			return &Settlement{Award: av.Award, By: TieBreakRunoff, Round: round, Order: order}, nil, nil
		}
		// Still tied: those elected keep their seats; the tied go round again.
		if len(res.Elected) > 0 {
			order = append(order, res.Elected)
		}
		units, seats = slices.Clone(res.Tied), res.OpenSeats
	}
	fb := rules.DeadlockFor(av.Award)
	if fb == FallbackNone {
		fb = rules.CutoffTie
	}
	if fb == FallbackNone {
		return nil, nil, nil // the rules name no fallback: the tie stands as a result
	}
	for _, d := range r.Settlements {
		if d.Award != av.Award {
			continue
		}
		part := "settlement " + av.Award.String()
		chosen, err := d.chosen()
		if err != nil {
			return nil, nil, &PartError{Part: part, Err: err}
		}
		switch {
		case d.Fallback != FallbackNone && d.Fallback != fb:
			return nil, nil, &PartError{Part: part, Err: &FieldError{Field: "fallback", Value: d.Fallback.String(), Err: ErrInvalidTieBreak}}
		case d.Round != 0 && d.Round != len(av.Rounds):
			return nil, nil, &PartError{Part: part, Err: &FieldError{Field: "round", Value: strconv.Itoa(d.Round), Err: ErrNotPending}}
		}
		for i, id := range chosen {
			if !slices.Contains(units, id) {
				return nil, nil, &PartError{Part: part, Err: &UnitError{ID: id, Err: ErrNotTied}}
			}
			if slices.Contains(chosen[:i], id) {
				return nil, nil, &PartError{Part: part, Err: &UnitError{ID: id, Err: ErrDuplicateUnit}}
			}
		}
		if len(chosen) != seats {
			return nil, nil, &PartError{Part: part, Err: &FieldError{Field: "chosen", Value: quoteIDs(chosen), Err: ErrWrongSeats}}
		}
		for _, id := range chosen {
			order = append(order, []UnitID{id})
		}
		var rest []UnitID
		for _, id := range units {
			if !slices.Contains(chosen, id) {
				rest = append(rest, id)
			}
		}
		if len(rest) > 0 {
			order = append(order, rest)
		}
		return &Settlement{Award: av.Award, By: TieBreakFallback, Fallback: fb, Round: len(av.Rounds), Order: order}, nil, nil
	}
	last := len(av.Rounds)
	return nil, &Pending{Kind: TieBreakFallback, Award: av.Award, Round: last, Units: units, Seats: seats, Fallback: fb}, nil
}

// lead chooses next year's leadership.
func (r Review) lead(o *Outcome) error {
	s := r.Succession
	// The votes are among next year's roster.
	reorg, err := r.Cluster.Reorganize(r.Cluster.Year()+1, r.Changes)
	if err != nil {
		return &PartError{Part: "changes", Err: err}
	}
	terms, err := s.termsUpTo(r.Cluster, r.History)
	if err != nil {
		return &PartError{Part: "history", Err: err}
	}
	st := newState(reorg.Cluster, terms, lineage{changes: r.Changes}, s.Order, r.Cluster.Year())
	last, _ := st.last()
	field, err := s.eligible(st)
	if err != nil {
		return &PartError{Part: "succession", Err: err}
	}

	// Who leads decides who may be deputy, so find the leader first, the way
	// Succession.Next will: by vote, by succession, or by the order.
	var sel Selection
	var leader UnitID
	switch {
	case s.Method == SuccessionElect || (s.Method == SuccessionDeputySucceeds && last.Deputy == "" && len(s.Order) == 0):
		res, err := r.electPost(o, RoleLeader, field, r.LeaderRounds)
		if err != nil || res == nil {
			return err // res nil: a runoff is pending
		}
		sel.LeaderVote = res
		if len(res.Elected) > 0 {
			leader = res.Elected[0]
		} else {
			leader = firstIn(st.order, res.Tied) // TieByOrder
		}
	case s.Method == SuccessionDeputySucceeds && last.Deputy != "":
		leader = last.Deputy
	case s.Method == SuccessionDeputySucceeds:
		leader = firstIn(after(st.order, last.Leader), field)
	}
	if s.Method == SuccessionElect || (s.Method == SuccessionDeputySucceeds && !s.DeputyFromOrder) {
		var deputies []UnitID
		for _, id := range reorg.Cluster.MemberIDs() {
			if s.deputyOK(st, id, leader) {
				deputies = append(deputies, id)
			}
		}
		res, err := r.electPost(o, RoleDeputy, deputies, r.DeputyRounds)
		if err != nil || res == nil {
			return err // res nil: a runoff is pending
		}
		sel.DeputyVote = res
	}
	l, nc, err := s.Next(r.Cluster, r.History, sel, r.Changes)
	if err != nil {
		return &PartError{Part: "succession", Err: err}
	}
	o.Leadership, o.Next = l, nc
	return nil
}

// electPost tallies the rounds of a one-seat vote for post among field. It
// returns the deciding result, or nil after adding to o.Pending the runoff
// still needed.
func (r Review) electPost(o *Outcome, post Role, field []UnitID, rounds [][]Ballot) (*Result, error) {
	quorum := o.Rules.CouncilQuorum
	units := field
	for round := 1; ; round++ {
		contest, err := NewContest(ContestSpec{
			ID: r.contestID(post.String(), round), Title: post.Vietnamese(r.Cluster.Kind()), Year: r.Cluster.Year(),
			Candidates: units, Electorate: r.Cluster.Len(), Present: r.present(), Seats: 1,
			Method: MethodApproval, Quorum: quorum, MaxMarks: 1, BlankValid: true,
		})
		if err != nil {
			return nil, &PartError{Part: post.String() + " vote contest", Err: err}
		}
		if round > len(rounds) {
			o.Pending = append(o.Pending, Pending{Kind: TieBreakRunoff, Post: post, Round: round, Units: units, Seats: 1, Contest: contest})
			return nil, nil
		}
		res, err := contest.Tally(rounds[round-1])
		if err != nil {
			return nil, &PartError{Part: fmt.Sprintf("%s vote round %d", post, round), Err: err}
		}
		o.Votes = append(o.Votes, VoteRecord{Post: post, Round: round, Result: res})
		if len(res.Tied) == 0 || r.Succession.TieByOrder {
			return &res, nil
		}
		units = slices.Clone(res.Tied)
	}
}

// ---------------------------------------------------------------------------
// People and paperwork of the conference (Nghị định 30/2020/NĐ-CP Điều 8).
// ---------------------------------------------------------------------------

var (
	// ErrDecomposedName reports a name or other text of a document written
	// with combining marks (a decomposed, NFD, spelling such as "Nguyê\u0303n"):
	// write it precomposed (NFC, "Nguyễn"), as Vietnamese documents are typed,
	// so that one name has one spelling and columns line up.
	ErrDecomposedName = errors.New("thidua: decomposed text (combining marks); use the precomposed (NFC) form")

	// ErrInvalidText reports a name or other text of a document that is not
	// valid UTF-8 or holds a control character (a line break, a tab), which
	// would break the layout of the form.
	ErrInvalidText = errors.New("thidua: text not valid UTF-8 or with control characters")

	// ErrInvalidTime reports a time of day that is not "HH:MM" on a 24-hour
	// clock, or an end time before the start.
	ErrInvalidTime = errors.New("thidua: invalid time of day")
)

// Person is a person named in a document (người): the chair (chủ tọa), the
// secretary (thư ký), a member of the vote-counting board (ban kiểm phiếu), a
// member of a council. Name is the full name (họ và tên), Position the post
// (chức vụ, such as "Giám đốc") and Unit the body the person works for (đơn
// vị, such as "Sở Thông tin và Truyền thông tỉnh Bắc Ninh"). The zero Person
// means nobody was named.
type Person struct {
	// Name is the full name (họ và tên), required when any other field is set.
	Name string `json:"name"`
	// Position is the person's post (chức vụ); empty when not given.
	Position string `json:"position,omitempty"`
	// Unit is the body the person works for (đơn vị công tác); empty when not
	// given.
	Unit string `json:"unit,omitempty"`
}

// IsZero reports whether p names nobody.
func (p Person) IsZero() bool { return p == Person{} }

// Validate reports a person with a position or unit but no name
// (ErrBlankName), text in decomposed form (ErrDecomposedName), or text that
// is not valid UTF-8 or holds a control character (ErrInvalidText), as a
// *FieldError naming the field.
func (p Person) Validate() error {
	if p.IsZero() {
		return nil
	}
	if blank(p.Name) {
		return &FieldError{Field: "person name", Value: p.Name, Err: ErrBlankName}
	}
	return checkTexts(map[string]string{"person name": p.Name, "person position": p.Position, "person unit": p.Unit})
}

// Paperwork is what a conference's documents need to be filed, besides its
// results (Nghị định 30/2020/NĐ-CP Điều 8 k2 and Mẫu 1.9 Phụ lục III): who
// chaired and who took the minutes, the vote-counting board, the times, the
// issuing body, the number and symbol of each document, the place name of its
// date line, and the recipients. Every field is optional: a document missing
// a part still renders, with a dotted blank ("……") where an office would fill
// it in by hand, and the documents' Check lists what is missing.
type Paperwork struct {
	// Chair is the person who chaired the conference (chủ tọa, chủ trì),
	// usually the head of the leading unit.
	Chair Person `json:"chair,omitzero"`
	// Secretary is the person who took the minutes (thư ký).
	Secretary Person `json:"secretary,omitzero"`
	// HeadTeller is the head of the vote-counting board (trưởng ban kiểm
	// phiếu), who signs each vote-count record first.
	HeadTeller Person `json:"head_teller,omitzero"`
	// Tellers are the board's other members (ủy viên ban kiểm phiếu), who
	// sign after the head.
	Tellers []Person `json:"tellers,omitempty"`
	// Start is the time the conference began (thời gian bắt đầu), as "HH:MM"
	// on a 24-hour clock; empty when not recorded.
	Start string `json:"start,omitempty"`
	// End is the time it ended (thời gian kết thúc), "HH:MM", not before
	// Start; empty when not recorded.
	End string `json:"end,omitempty"`
	// GoverningBody is the body above the issuer (cơ quan chủ quản), printed
	// above it; empty means the cluster's organizer.
	GoverningBody string `json:"governing_body,omitempty"`
	// IssuingBody is the body issuing the documents (cơ quan ban hành); empty
	// means the cluster's name.
	IssuingBody string `json:"issuing_body,omitempty"`
	// Locality is the place name of the date line (địa danh), such as "Bắc
	// Ninh" in "Bắc Ninh, ngày 08 tháng 12 năm 2023".
	Locality string `json:"locality,omitempty"`
	// MinutesNumber is the number and symbol (số, ký hiệu) of the minutes,
	// such as "01/BB-CTĐ3". The vote-count records are annexed to the
	// minutes and cite it.
	MinutesNumber string `json:"minutes_number,omitempty"`
	// ProposalNumber is the number and symbol of the proposal (tờ trình),
	// such as "02/TTr-CTĐ3".
	ProposalNumber string `json:"proposal_number,omitempty"`
	// Recipients are those the minutes go to (nơi nhận), one a line, such as
	// "Các đơn vị thành viên Cụm" and "Lưu: VT".
	Recipients []string `json:"recipients,omitempty"`
	// ProposalTo is whom the proposal is addressed to (kính gửi); empty means
	// the cluster's organizer.
	ProposalTo string `json:"proposal_to,omitempty"`
	// ProposalRecipients are the proposal's own recipients (nơi nhận), one a
	// line, such as "Như trên" and "Lưu: VT".
	ProposalRecipients []string `json:"proposal_recipients,omitempty"`
}

// Validate reports a person without a name, text in decomposed form
// (ErrDecomposedName) or with control characters (ErrInvalidText), a time that is not "HH:MM" or an end before the start
// (ErrInvalidTime), as a *FieldError naming the field.
func (p Paperwork) Validate() error {
	people := []struct {
		role string
		p    Person
	}{{"chair", p.Chair}, {"secretary", p.Secretary}, {"head teller", p.HeadTeller}}
	for i, t := range p.Tellers {
		if t.IsZero() {
			return &FieldError{Field: fmt.Sprintf("teller %d name", i+1), Value: "", Err: ErrBlankName}
		}
		people = append(people, struct {
			role string
			p    Person
		}{fmt.Sprintf("teller %d", i+1), t})
	}
	for _, x := range people {
		if err := x.p.Validate(); err != nil {
			var fe *FieldError
			if errors.As(err, &fe) {
				return &FieldError{Field: x.role + strings.TrimPrefix(fe.Field, "person"), Value: fe.Value, Err: fe.Err}
			}
			return err
		}
	}
	texts := map[string]string{"governing body": p.GoverningBody, "issuing body": p.IssuingBody,
		"locality": p.Locality, "minutes number": p.MinutesNumber, "proposal number": p.ProposalNumber,
		"proposal to": p.ProposalTo}
	for i, r := range p.Recipients {
		texts[fmt.Sprintf("recipient %d", i+1)] = r
	}
	for i, r := range p.ProposalRecipients {
		texts[fmt.Sprintf("proposal recipient %d", i+1)] = r
	}
	if err := checkTexts(texts); err != nil {
		return err
	}
	start, err := clockMinutes("start", p.Start)
	if err != nil {
		return err
	}
	end, err := clockMinutes("end", p.End)
	if err != nil {
		return err
	}
	if p.Start != "" && p.End != "" && end < start {
		return &FieldError{Field: "end", Value: p.End + " before " + p.Start, Err: ErrInvalidTime}
	}
	return nil
}

// clone copies the paperwork's lists.
func (p Paperwork) clone() Paperwork {
	p.Tellers = slices.Clone(p.Tellers)
	p.Recipients = slices.Clone(p.Recipients)
	p.ProposalRecipients = slices.Clone(p.ProposalRecipients)
	return p
}

// checkTexts reports the first text, in field order, that is not valid UTF-8
// or holds a control character (ErrInvalidText), or holds a combining mark
// (unicode.Mn: a decomposed spelling, ErrDecomposedName).
func checkTexts(texts map[string]string) error {
	for _, field := range slices.Sorted(maps.Keys(texts)) {
		s := texts[field]
		if !utf8.ValidString(s) {
			return &FieldError{Field: field, Value: s, Err: ErrInvalidText}
		}
		for _, r := range s {
			if unicode.IsControl(r) {
				return &FieldError{Field: field, Value: s, Err: ErrInvalidText}
			}
			if unicode.Is(unicode.Mn, r) {
				return &FieldError{Field: field, Value: s, Err: ErrDecomposedName}
			}
		}
	}
	return nil
}

// clockMinutes parses "HH:MM" (empty: not recorded) into minutes after
// midnight.
func clockMinutes(field, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	bad := &FieldError{Field: field, Value: s, Err: ErrInvalidTime}
	if len(s) != 5 || s[2] != ':' {
		return 0, bad
	}
	digit := func(b byte) (int, bool) { return int(b - '0'), b >= '0' && b <= '9' }
	h1, ok1 := digit(s[0])
	h2, ok2 := digit(s[1])
	m1, ok3 := digit(s[3])
	m2, ok4 := digit(s[4])
	h, m := h1*10+h2, m1*10+m2
	if !ok1 || !ok2 || !ok3 || !ok4 || h > 23 || m > 59 {
		return 0, bad
	}
	return h*60 + m, nil
}

// chosen returns the units a fallback's decision in Review.Settlements chose,
// best first: By must be TieBreakFallback and each tier of Order one unit.
func (s Settlement) chosen() ([]UnitID, error) {
	if s.By != TieBreakFallback {
		return nil, &FieldError{Field: "by", Value: s.By.String(), Err: ErrInvalidTieBreak}
	}
	out := make([]UnitID, 0, len(s.Order))
	for _, tier := range s.Order {
		if len(tier) != 1 {
			return nil, &FieldError{Field: "order", Value: quoteIDs(tier), Err: ErrWrongSeats}
		}
		out = append(out, tier[0])
	}
	return out, nil
}
