package council

import (
	"cmp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// Session is one session of the council on the year's awards (phiên họp xét
// khen thưởng): the council, the day and place, the attendance, the clusters'
// reports and the units' records, the direct proposals and Government-flag
// nominations, the ballots, the chair's decisions on ties, and the council's
// options. It is plain data; Conclude checks it and decides.
//
// A session may take more than one call: when a vote ends in a tie at a
// quota's cut-off, the Outcome lists what it needs (a runoff's ballots in
// Polls, or the chair's vote in ChairDecisions), and the caller adds it and
// calls Conclude again.
type Session struct {
	// Council is the council that sits.
	Council Council `json:"council"`
	// Date is the day of the session; it must fall in the council's term.
	Date thidua.Date `json:"date"`
	// Place is where the session was held.
	Place string `json:"place,omitempty"`
	// Year is the emulation year the session decides on.
	Year int `json:"year"`
	// Rules is the rule set applied; nil means thidua.RulesOn(Date). A rule
	// set given here must be in force on Date.
	Rules *thidua.RuleSet `json:"rules,omitempty"`
	// Attendance is who took part.
	Attendance Attendance `json:"attendance"`
	// Clusters are the reports of the clusters' reviews of Year, one per
	// cluster, in any order.
	Clusters []ClusterReport `json:"clusters"`
	// Records are the units' records (hồ sơ thi đua), one per unit: the
	// cases pending, the record by year (ratings, titles, awards, clusters
	// led) and the discipline periods the standards read. A unit without one
	// has nothing known against it and no excellent years.
	Records []thidua.Facts `json:"records,omitempty"`
	// Direct are the proposals of units outside the clusters.
	Direct []DirectProposal `json:"direct,omitempty"`
	// Nominations are the Government-flag candidates, each with the cluster
	// it led.
	Nominations []Nomination `json:"nominations,omitempty"`
	// Polls are the ballots, per award and round.
	Polls []Poll `json:"polls,omitempty"`
	// ChairDecisions are the chair's votes on ties at a cut-off (TT 25/2025/
	// TT-BKHCN Điều 23), where the rules in force name the chair: each By
	// thidua.TieBreakFallback, with the units chosen as Order, one per tier,
	// best first.
	ChairDecisions []thidua.Settlement `json:"chair_decisions,omitempty"`
	// Options are the council's choices where the rules leave one.
	Options Options `json:"options"`
	// Paperwork is what the minutes and vote-count records need besides the
	// results: the times, the numbers and symbols, the governing and issuing
	// bodies (empty: the council's Body and Name), the place name of the date
	// line, the vote-counting board and the recipients. Its Chair and
	// Secretary must be left empty: the presiding member and
	// Attendance.Secretary sign the minutes.
	Paperwork thidua.Paperwork `json:"paperwork,omitzero"`
}

// Outcome is what a council session concluded: the attendance counts, the
// leading collectives and the Government-flag quota, every vote with its
// Result, the decision, how ties were settled, what goes to the minister and
// what up to the Prime Minister with the reasons, every refusal with why, and
// what is still pending. It carries everything the minutes and vote-count
// records need (Minutes, VoteCounts, Text, HTML).
type Outcome struct {
	// Session is the session concluded.
	Session Session `json:"session"`
	// Rules is the rule set applied.
	Rules thidua.RuleSet `json:"rules"`
	// Secret reports whether the ballots were secret (bỏ phiếu kín).
	Secret bool `json:"secret"`
	// Count is the attendance in figures.
	Count Count `json:"count"`
	// Chair is the member who presided.
	Chair Member `json:"chair"`
	// Leaders are the collectives recognised as leading their clusters, by
	// cluster then unit.
	Leaders []Leader `json:"leaders"`
	// GovFlagQuota is the rule for the Government flag's quota.
	GovFlagQuota thidua.Quota `json:"gov_flag_quota"`
	// GovFlagSeats is how many Government flags the quota allows for
	// len(Leaders) leading collectives.
	GovFlagSeats int `json:"gov_flag_seats"`
	// Votes are every tally, awards in precedence order, round by round.
	Votes []Vote `json:"votes"`
	// Decision is the council's decision in the root package's terms.
	Decision thidua.Decision `json:"decision"`
	// Settled lists how ties at a quota were settled, in the order settled:
	// by a runoff, or by the chair's vote (By thidua.TieBreakFallback, Fallback
	// thidua.FallbackChair, Round the last round held before the chair
	// decided).
	Settled []thidua.Settlement `json:"settled,omitempty"`
	// ToMinister are the awards the minister confers (the ministry flag, the
	// ministry's Certificate of Merit), proposed to the minister.
	ToMinister []Granted `json:"to_minister"`
	// ToPrimeMinister are the awards the council proposes up to the Prime
	// Minister (the Government flag, the Prime Minister's Certificate of
	// Merit).
	ToPrimeMinister []Granted `json:"to_prime_minister"`
	// Refused are the proposals not taken, each with why.
	Refused []Refusal `json:"refused"`
	// Pending lists the runoffs and chair's votes still needed; the session is
	// complete when it is empty.
	Pending []Pending `json:"pending,omitempty"`
}

// Count is a session's attendance in figures.
type Count struct {
	// Members is the number of council members, the base of every threshold.
	Members int `json:"members"`
	// Present is the number of members present.
	Present int `json:"present"`
	// Written is the number of absent members with a written opinion.
	Written int `json:"written"`
	// Substitutes is the number of substitutes with a written mandate.
	Substitutes int `json:"substitutes"`
	// Guests is the number of guests, who do not vote.
	Guests int `json:"guests"`
	// Attending is Present + Substitutes: those in the room who may vote.
	Attending int `json:"attending"`
	// Voting is Attending + Written: the most ballots a vote can count.
	Voting int `json:"voting"`
	// QuorumNeeded is the attendance the quorum needs (0: no quorum rule).
	QuorumNeeded int `json:"quorum_needed"`
	// AwardNeeded is the attendance a session on awards needs (0: no such
	// rule).
	AwardNeeded int `json:"award_needed"`
}

// Leader is a collective recognised as leading its cluster this year.
type Leader struct {
	// Unit is the collective.
	Unit thidua.UnitID `json:"unit"`
	// UnitName is the collective's name as minutes print it.
	UnitName string `json:"unit_name"`
	// Cluster is the cluster it led.
	Cluster thidua.ClusterID `json:"cluster"`
	// ClusterName is that cluster's name.
	ClusterName string `json:"cluster_name"`
}

// Granted is one award the council proposes, with the reasons.
type Granted struct {
	// Proposal is the unit, award, vote against the threshold and standards
	// met, as the decision gives them.
	thidua.Proposal
	// UnitName is the unit's name.
	UnitName string `json:"unit_name"`
	// Cluster is the cluster the unit belongs to (and, for the Government
	// flag, the cluster it led); empty for a direct proposal.
	Cluster thidua.ClusterID `json:"cluster,omitempty"`
	// ClusterName is that cluster's name.
	ClusterName string `json:"cluster_name,omitempty"`
}

// Refusal is a proposal the council did not take, with why.
type Refusal struct {
	// Declined is the unit, award and reason, as the decision gives them.
	thidua.Declined
	// UnitName is the unit's name.
	UnitName string `json:"unit_name"`
	// Cluster is the unit's cluster; empty for a direct proposal.
	Cluster thidua.ClusterID `json:"cluster,omitempty"`
	// Votes is the unit's approvals, for a refusal on the vote
	// (thidua.DeclinedVoteShort); zero otherwise.
	Votes int `json:"votes,omitempty"`
	// Base is the count the threshold is a share of: all members.
	Base int `json:"base,omitempty"`
	// Needed is the approvals the threshold needed out of Base.
	Needed int `json:"needed,omitempty"`
}

// PendingKind says what a session still needs.
type PendingKind uint8

// The pending steps.
const (
	// PendingRunoff is a runoff round among the tied units.
	PendingRunoff PendingKind = iota + 1
	// PendingChair is the chair's vote on the tie.
	PendingChair
)

var pendingNames = [...]string{PendingRunoff: "runoff", PendingChair: "chair"}

// String returns "runoff" or "chair".
func (k PendingKind) String() string {
	if k != PendingRunoff && k != PendingChair {
		return "invalid"
	}
	return pendingNames[k]
}

// MarshalText encodes the kind as its name.
func (k PendingKind) MarshalText() ([]byte, error) {
	if k != PendingRunoff && k != PendingChair {
		return nil, &FieldError{Field: "pending kind", Value: k.String(), Err: ErrInvalidOption}
	}
	return []byte(k.String()), nil
}

// UnmarshalText accepts the names String returns.
func (k *PendingKind) UnmarshalText(b []byte) error {
	switch string(b) {
	case "runoff":
		*k = PendingRunoff
	case "chair":
		*k = PendingChair
	default:
		return &FieldError{Field: "pending kind", Value: string(b), Err: ErrInvalidOption}
	}
	return nil
}

// Pending is a step the session still needs on a tie at a quota's cut-off.
type Pending struct {
	// Kind is a runoff or the chair's vote.
	Kind PendingKind `json:"kind"`
	// Award is the award whose quota is tied.
	Award thidua.Award `json:"award"`
	// Round is the round the runoff would be, or the last round held.
	Round int `json:"round"`
	// Units are the tied units, sorted by ID.
	Units []thidua.UnitID `json:"units"`
	// Seats is the number of seats they contend for.
	Seats int `json:"seats"`
}

// prepared is a validated session with its indexes.
type prepared struct {
	s          Session
	rules      thidua.RuleSet
	secret     bool
	count      Count
	chair      Member
	voters     map[MemberID]bool // who may vote
	guests     map[MemberID]bool
	reports    []ClusterReport // sorted by cluster ID
	clusterOf  map[thidua.UnitID]int
	names      map[thidua.UnitID]string
	direct     map[thidua.UnitID]bool
	leaders    []Leader
	proposed   map[thidua.Award]map[thidua.UnitID]bool
	awards     []thidua.Award // awards with candidates, precedence order
	score      map[thidua.UnitID]decimal.Decimal
	facts      map[thidua.UnitID]thidua.Facts
	quota      thidua.Quota
	awardRules thidua.AwardRules
	polls      map[thidua.Award][]Poll          // by round
	chairs     map[thidua.Award][]thidua.UnitID // the chair's choice per award, best first
}

type standardText struct{ vi, en string }

// Conclude checks the session and decides: the attendance against the quorum,
// the clusters' reports, the nominations, the ballots of each award against
// the rules' thresholds of all members, the quotas with their ties settled by
// runoffs and the chair's vote, and what goes to the minister and to the
// Prime Minister. Steps that need another round or the chair's vote are listed
// in Outcome.Pending rather than failing. A tie at a quota's cut-off is
// settled by the runoff rounds given in Polls (up to the rules' MaxRounds),
// then by the Chair's vote where the rules' CutoffTie names the chair (TT
// 25/2025/TT-BKHCN Điều 23); with neither it stays in Decision.Ties as a
// result. The rules' Deadlock (the cluster leader and deputy deciding) is a
// cluster's fallback and has no place at a council, so it is not applied.
//
// Errors: *MemberError (ErrInvalidMember, ErrDuplicateMember, ErrUnknownMember,
// ErrSubstituteForPresent, ErrNoMandate, ErrWrittenWhilePresent), *QuorumError
// (ErrBelowQuorum), *ClusterError (ErrYearMismatch, ErrDuplicateCluster,
// ErrInvalidReport, ErrUnitInTwoClusters, ErrNotLeader,
// ErrDuplicateProposal), *PollError (ErrGuestVote, ErrNotEntitled,
// ErrDuplicateVoter, ErrBallotCount, ErrInvalidPoll, ErrInvalidChoice, and the
// root's tally errors), and *FieldError for the rest.
func (s Session) Conclude() (Outcome, error) {
	p, err := prepare(s)
	if err != nil {
		return Outcome{}, err
	}
	return p.decide()
}

func prepare(s Session) (*prepared, error) {
	s = s.clone()
	p := &prepared{s: s}
	if err := s.Date.Validate(); err != nil {
		return nil, &FieldError{Field: "date", Value: s.Date.String(), Err: err}
	}
	if err := s.Council.Validate(); err != nil {
		return nil, err
	}
	if !s.Council.Term.Covers(s.Date) {
		return nil, &FieldError{Field: "date", Value: s.Date.String(), Err: ErrInvalidOption}
	}
	if s.Year < thidua.MinYear || s.Year > s.Date.Year {
		return nil, &FieldError{Field: "year", Value: itoa(s.Year), Err: ErrYearMismatch}
	}
	if s.Rules == nil {
		rs, err := thidua.RulesOn(s.Date)
		if err != nil {
			return nil, &FieldError{Field: "date", Value: s.Date.String(), Err: err}
		}
		p.rules = rs
	} else {
		if err := s.Rules.Validate(); err != nil {
			return nil, &FieldError{Field: "rules", Value: s.Rules.Name, Err: err}
		}
		if !s.Rules.InForce(s.Date) {
			return nil, &FieldError{Field: "rules", Value: s.Rules.Name, Err: thidua.ErrRulesNotInForce}
		}
		p.rules = *s.Rules
	}
	if err := p.attendance(); err != nil {
		return nil, err
	}
	if err := p.options(); err != nil {
		return nil, err
	}
	if err := s.Paperwork.Validate(); err != nil {
		return nil, &FieldError{Field: "paperwork", Value: s.Paperwork.MinutesNumber, Err: err}
	}
	if !s.Paperwork.Chair.IsZero() || !s.Paperwork.Secretary.IsZero() {
		return nil, &FieldError{Field: "paperwork", Value: "chair, secretary", Err: ErrInvalidOption}
	}
	switch s.Options.Ballot {
	case BallotSecret:
		p.secret = true
	case BallotByRegime:
		p.secret = p.rules.SecretBallot
	}
	if err := p.clusters(); err != nil {
		return nil, err
	}
	if err := p.candidates(); err != nil {
		return nil, err
	}
	if err := p.buildRules(); err != nil {
		return nil, err
	}
	if err := p.indexPolls(); err != nil {
		return nil, err
	}
	return p, nil
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// attendance checks who took part and the quorum.
func (p *prepared) attendance() error {
	s := p.s
	a := s.Attendance
	c := s.Council
	isMember := func(id MemberID) bool { _, ok := c.Member(id); return ok }
	present := map[MemberID]bool{}
	for _, id := range a.Present {
		if !isMember(id) {
			return &MemberError{ID: id, Err: ErrUnknownMember}
		}
		if present[id] {
			return &MemberError{ID: id, Err: ErrDuplicateMember}
		}
		present[id] = true
	}
	written := map[MemberID]bool{}
	for _, id := range a.Written {
		if !isMember(id) {
			return &MemberError{ID: id, Err: ErrUnknownMember}
		}
		if present[id] {
			return &MemberError{ID: id, Err: ErrWrittenWhilePresent}
		}
		if written[id] {
			return &MemberError{ID: id, Err: ErrDuplicateMember}
		}
		written[id] = true
	}
	p.voters = map[MemberID]bool{}
	for id := range present {
		p.voters[id] = true
	}
	for id := range written {
		p.voters[id] = true
	}
	others := map[MemberID]bool{}
	represented := map[MemberID]bool{}
	for _, sub := range a.Substitutes {
		if err := validPerson(sub.ID, sub.Person); err != nil {
			return err
		}
		if !isMember(sub.For) {
			return &MemberError{ID: sub.For, Err: ErrUnknownMember}
		}
		if present[sub.For] || written[sub.For] || represented[sub.For] {
			return &MemberError{ID: sub.For, Err: ErrSubstituteForPresent}
		}
		if strings.TrimSpace(sub.Mandate) == "" {
			return &MemberError{ID: sub.ID, Err: ErrNoMandate}
		}
		if isMember(sub.ID) || others[sub.ID] {
			return &MemberError{ID: sub.ID, Err: ErrDuplicateMember}
		}
		represented[sub.For] = true
		others[sub.ID] = true
		p.voters[sub.ID] = true
	}
	p.guests = map[MemberID]bool{}
	for _, g := range a.Guests {
		if err := validPerson(g.ID, g.Person); err != nil {
			return err
		}
		if isMember(g.ID) || others[g.ID] {
			return &MemberError{ID: g.ID, Err: ErrDuplicateMember}
		}
		others[g.ID] = true
		p.guests[g.ID] = true
	}
	chair, _ := c.Chair()
	if a.Presiding != "" {
		m, ok := c.Member(a.Presiding)
		if !ok || m.Role == RoleMember {
			return &MemberError{ID: a.Presiding, Err: ErrNoChair}
		}
		chair = m
	}
	if !present[chair.ID] {
		return &MemberError{ID: chair.ID, Err: ErrNoChair}
	}
	p.chair = chair
	n := len(c.Members)
	p.count = Count{Members: n, Present: len(present), Written: len(written), Substitutes: len(a.Substitutes),
		Guests: len(a.Guests), Attending: len(present) + len(a.Substitutes)}
	p.count.Voting = p.count.Attending + p.count.Written
	if q := p.rules.CouncilQuorum; !q.IsZero() {
		p.count.QuorumNeeded = q.Needed(n)
		if !q.Met(p.count.Attending, n) {
			return &QuorumError{What: "quorum", Attending: p.count.Attending, Members: n, Needed: p.count.QuorumNeeded, Share: q, Err: ErrBelowQuorum}
		}
	}
	if q := s.Options.AwardAttendance; !q.IsZero() {
		if err := q.Validate(); err != nil {
			return &FieldError{Field: "award attendance", Value: q.String(), Err: err}
		}
		p.count.AwardNeeded = q.Needed(n)
		if !q.Met(p.count.Attending, n) {
			return &QuorumError{What: "award session", Attending: p.count.Attending, Members: n, Needed: p.count.AwardNeeded, Share: q, Err: ErrBelowQuorum}
		}
	}
	return nil
}

func (p *prepared) options() error {
	o := p.s.Options
	if !o.Order.IsValid() {
		return &FieldError{Field: "order", Value: o.Order.String(), Err: ErrInvalidOption}
	}
	if !o.Ballot.IsValid() {
		return &FieldError{Field: "ballot form", Value: o.Ballot.String(), Err: ErrInvalidOption}
	}
	if !o.GovFlagRounding.IsValid() {
		return &FieldError{Field: "gov flag rounding", Value: o.GovFlagRounding.String(), Err: ErrInvalidOption}
	}
	seen := map[thidua.Award]bool{}
	for _, q := range o.Quotas {
		if !q.Award.IsValid() || q.Award == thidua.AwardGovernmentFlag || seen[q.Award] {
			return &FieldError{Field: "quota award", Value: q.Award.String(), Err: ErrInvalidOption}
		}
		if err := q.Quota.Validate(); err != nil {
			return &FieldError{Field: "quota", Value: q.Quota.String(), Err: err}
		}
		seen[q.Award] = true
	}
	for _, st := range o.Standards {
		if !st.Award.IsValid() || st.ExcellentYears < 0 {
			return &FieldError{Field: "standard", Value: st.Award.String(), Err: ErrInvalidOption}
		}
		for _, t := range st.Titles {
			if !t.IsValid() {
				return &FieldError{Field: "standard title", Value: t.String(), Err: ErrInvalidOption}
			}
		}
	}
	return nil
}

// clusters checks the reports and collects the leaders.
func (p *prepared) clusters() error {
	p.reports = slices.Clone(p.s.Clusters)
	slices.SortFunc(p.reports, func(a, b ClusterReport) int { return cmp.Compare(a.Cluster, b.Cluster) })
	p.clusterOf = map[thidua.UnitID]int{}
	p.names = map[thidua.UnitID]string{}
	p.score = map[thidua.UnitID]decimal.Decimal{}
	for i, r := range p.reports {
		if err := r.Cluster.Validate(); err != nil {
			return &ClusterError{Cluster: r.Cluster, Err: err}
		}
		if i > 0 && p.reports[i-1].Cluster == r.Cluster {
			return &ClusterError{Cluster: r.Cluster, Err: ErrDuplicateCluster}
		}
		if r.Year != p.s.Year {
			return &ClusterError{Cluster: r.Cluster, Year: r.Year, Err: ErrYearMismatch}
		}
		if len(r.Units) == 0 {
			return &ClusterError{Cluster: r.Cluster, Err: ErrInvalidReport}
		}
		for _, u := range r.Units {
			if err := u.Validate(); err != nil {
				return &ClusterError{Cluster: r.Cluster, Unit: u.ID, Err: err}
			}
			if _, dup := p.clusterOf[u.ID]; dup {
				return &ClusterError{Cluster: r.Cluster, Unit: u.ID, Err: ErrUnitInTwoClusters}
			}
			p.clusterOf[u.ID] = i
			p.names[u.ID] = u.Label()
		}
		for _, id := range r.Leading {
			if _, ok := r.Unit(id); !ok {
				return &ClusterError{Cluster: r.Cluster, Unit: id, Err: ErrInvalidReport}
			}
			p.leaders = append(p.leaders, Leader{Unit: id, UnitName: p.names[id], Cluster: r.Cluster, ClusterName: r.Name})
		}
		for _, st := range r.Standings {
			if _, ok := r.Unit(st.Unit); !ok {
				return &ClusterError{Cluster: r.Cluster, Unit: st.Unit, Err: ErrInvalidReport}
			}
			p.score[st.Unit] = st.Scaled
		}
	}
	p.direct = map[thidua.UnitID]bool{}
	for _, d := range p.s.Direct {
		if err := d.Unit.Validate(); err != nil {
			return &ClusterError{Unit: d.Unit.ID, Err: err}
		}
		if _, in := p.clusterOf[d.Unit.ID]; in {
			return &ClusterError{Cluster: p.reports[p.clusterOf[d.Unit.ID]].Cluster, Unit: d.Unit.ID, Err: ErrUnitInTwoClusters}
		}
		if n, ok := p.names[d.Unit.ID]; ok && n != d.Unit.Label() {
			return &ClusterError{Unit: d.Unit.ID, Err: ErrInvalidReport}
		}
		p.direct[d.Unit.ID] = true
		p.names[d.Unit.ID] = d.Unit.Label()
		if !d.Score.IsZero() {
			p.score[d.Unit.ID] = d.Score
		}
	}
	p.facts = map[thidua.UnitID]thidua.Facts{}
	for _, r := range p.s.Records {
		f := r
		if err := f.Validate(); err != nil {
			return &ClusterError{Unit: f.Unit, Err: err}
		}
		if _, known := p.names[f.Unit]; !known {
			return &ClusterError{Unit: f.Unit, Err: thidua.ErrUnknownUnit}
		}
		if _, dup := p.facts[f.Unit]; dup {
			return &ClusterError{Unit: f.Unit, Err: thidua.ErrDuplicateUnit}
		}
		p.facts[f.Unit] = f
	}
	// A unit whose record says it led its cluster this year leads it, as
	// the cluster's report recognising it does (the record and the report
	// are two sources of one fact; either is enough).
	for i, r := range p.reports {
		for _, u := range r.Units {
			if f, ok := p.facts[u.ID]; ok && !r.Leads(u.ID) && f.Led(r.Cluster, p.s.Year) {
				p.reports[i].Leading = append(slices.Clone(r.Leading), u.ID)
				r = p.reports[i]
				p.leaders = append(p.leaders, Leader{Unit: u.ID, UnitName: p.names[u.ID], Cluster: r.Cluster, ClusterName: r.Name})
			}
		}
	}
	slices.SortFunc(p.leaders, func(a, b Leader) int { return cmp.Or(cmp.Compare(a.Cluster, b.Cluster), cmp.Compare(a.Unit, b.Unit)) })
	return nil
}

// candidates collects who is proposed for what.
func (p *prepared) candidates() error {
	p.proposed = map[thidua.Award]map[thidua.UnitID]bool{}
	add := func(a thidua.Award, u thidua.UnitID, c thidua.ClusterID) error {
		if !a.IsValid() {
			return &ClusterError{Cluster: c, Unit: u, Err: thidua.ErrInvalidAward}
		}
		if p.proposed[a] == nil {
			p.proposed[a] = map[thidua.UnitID]bool{}
		}
		if p.proposed[a][u] {
			return &ClusterError{Cluster: c, Unit: u, Err: ErrDuplicateProposal}
		}
		p.proposed[a][u] = true
		return nil
	}
	for _, r := range p.reports {
		for _, pr := range r.Proposals {
			if _, ok := r.Unit(pr.Unit); !ok {
				return &ClusterError{Cluster: r.Cluster, Unit: pr.Unit, Err: ErrInvalidReport}
			}
			if pr.Award == thidua.AwardGovernmentFlag {
				return &ClusterError{Cluster: r.Cluster, Unit: pr.Unit, Err: ErrInvalidReport}
			}
			if err := add(pr.Award, pr.Unit, r.Cluster); err != nil {
				return err
			}
		}
	}
	for _, d := range p.s.Direct {
		if d.Award == thidua.AwardGovernmentFlag {
			return &ClusterError{Unit: d.Unit.ID, Err: ErrNotLeader}
		}
		if err := add(d.Award, d.Unit.ID, ""); err != nil {
			return err
		}
	}
	for _, n := range p.s.Nominations {
		i, ok := p.clusterOf[n.Unit]
		if !ok || p.reports[i].Cluster != n.Cluster || !p.reports[i].Leads(n.Unit) {
			return &ClusterError{Cluster: n.Cluster, Unit: n.Unit, Err: ErrNotLeader}
		}
		if err := add(thidua.AwardGovernmentFlag, n.Unit, n.Cluster); err != nil {
			return err
		}
	}
	for _, a := range thidua.Awards() {
		if len(p.proposed[a]) > 0 {
			p.awards = append(p.awards, a)
		}
	}
	return nil
}

// proposedName is the name of the standard that keeps a unit to the awards it
// was proposed for.
func proposedName(a thidua.Award) string { return "proposed to the council for " + a.String() }

// buildRules builds the award rules: the rules in force, the council's quotas
// and standards, and for every award the gate "proposed for it".
func (p *prepared) buildRules() error {
	q := p.rules.GovFlagQuota
	if q.IsZero() {
		q = thidua.ShareOfLeaders(1, 5)
	}
	p.quota = q.WithRounding(p.s.Options.GovFlagRounding)
	quotas := map[thidua.Award]thidua.Quota{thidua.AwardGovernmentFlag: p.quota}
	for _, aq := range p.s.Options.Quotas {
		quotas[aq.Award] = aq.Quota
	}
	standards := map[thidua.Award][]thidua.Standard{}
	for _, st := range p.s.Options.Standards {
		var list []thidua.Standard
		if st.ExcellentYears > 0 {
			list = append(list, thidua.RequireExcellentYears(st.ExcellentYears))
		}
		for _, t := range st.Titles {
			list = append(list, thidua.RequireTitle(t))
		}
		standards[st.Award] = append(standards[st.Award], list...)
		if st.Award == thidua.AwardMinistryFlag {
			standards[thidua.AwardGovernmentFlag] = append(standards[thidua.AwardGovernmentFlag], list...)
		}
	}
	var rules []thidua.AwardRule
	for _, a := range p.awards {
		r, err := p.rules.AwardRule(a, quotas[a])
		if err != nil {
			return &FieldError{Field: "award rule", Value: a.String(), Err: err}
		}
		set := p.proposed[a]
		r.Standards = append(r.Standards, thidua.RequireThat(proposedName(a), func(c thidua.Candidate) bool { return set[c.Unit] }))
		// A council's standard that the rules in force already check (such
		// as the excellent years of Thông tư 25/2025/TT-BKHCN Điều 7 khoản 3
		// điểm d) is checked once.
		for _, st := range standards[a] {
			if !slices.ContainsFunc(r.Standards, func(x thidua.Standard) bool { return x.String() == st.String() }) {
				r.Standards = append(r.Standards, st)
			}
		}
		rules = append(rules, r)
	}
	ar, err := thidua.NewAwardRules(rules...)
	if err != nil {
		return &FieldError{Field: "award rules", Value: p.rules.Name, Err: err}
	}
	if ar, err = ar.WithEqualMerit(p.rules.EqualMerit); err != nil {
		return &FieldError{Field: "equal merit", Value: p.rules.EqualMerit.String(), Err: err}
	}
	p.awardRules = ar.WithVotesFirst(p.votesFirst())
	return nil
}

// votesFirst reports the over-quota order: the council's explicit choice, or
// the rules'.
func (p *prepared) votesFirst() bool {
	switch p.s.Options.Order {
	case VotesFirst:
		return true
	case ScoreFirst:
		return false
	}
	return p.rules.VotesFirst
}

// indexPolls checks every ballot round's voters and ballots, and the chair's
// decisions.
func (p *prepared) indexPolls() error {
	p.polls = map[thidua.Award][]Poll{}
	for _, pl := range p.s.Polls {
		if !pl.Award.IsValid() || len(p.proposed[pl.Award]) == 0 {
			return &PollError{Award: pl.Award, Round: pl.Round, Err: ErrInvalidPoll}
		}
		if pl.Round < 1 || (p.rules.MaxRounds > 0 && pl.Round > p.rules.MaxRounds) {
			return &PollError{Award: pl.Award, Round: pl.Round, Err: ErrInvalidPoll}
		}
		seen := map[MemberID]bool{}
		for _, v := range pl.Voters {
			switch {
			case p.guests[v]:
				return &PollError{Award: pl.Award, Round: pl.Round, Voter: v, Err: ErrGuestVote}
			case seen[v]:
				return &PollError{Award: pl.Award, Round: pl.Round, Voter: v, Err: ErrDuplicateVoter}
			case !p.voters[v]:
				if _, ok := p.s.Council.Member(v); ok {
					return &PollError{Award: pl.Award, Round: pl.Round, Voter: v, Err: ErrNotEntitled}
				}
				return &PollError{Award: pl.Award, Round: pl.Round, Voter: v, Err: ErrUnknownMember}
			case pl.Round > 1 && slices.Contains(p.s.Attendance.Written, v):
				// A written opinion answers the proposals sent out before the
				// session; a runoff among units tied at the session is voted
				// by those in the room.
				return &PollError{Award: pl.Award, Round: pl.Round, Voter: v, Err: ErrNotEntitled}
			}
			seen[v] = true
		}
		n := 0
		for _, b := range pl.Ballots {
			c, w := max(b.Count, 1), max(b.Weight, 1)
			if b.Count < 0 || b.Weight < 0 || c > len(pl.Voters) || w > len(pl.Voters) {
				return &PollError{Award: pl.Award, Round: pl.Round, Err: ErrBallotCount}
			}
			n += c * w
			if n > len(pl.Voters) {
				return &PollError{Award: pl.Award, Round: pl.Round, Err: ErrBallotCount}
			}
		}
		if n != len(pl.Voters) {
			return &PollError{Award: pl.Award, Round: pl.Round, Err: ErrBallotCount}
		}
		p.polls[pl.Award] = append(p.polls[pl.Award], pl)
	}
	for a, list := range p.polls {
		slices.SortFunc(list, func(x, y Poll) int { return cmp.Compare(x.Round, y.Round) })
		for i, pl := range list {
			if pl.Round != i+1 {
				return &PollError{Award: a, Round: pl.Round, Err: ErrInvalidPoll}
			}
		}
	}
	p.chairs = map[thidua.Award][]thidua.UnitID{}
	for _, d := range p.s.ChairDecisions {
		if p.rules.CutoffTie != thidua.FallbackChair || !d.Award.IsValid() || d.By != thidua.TieBreakFallback ||
			(d.Fallback != thidua.FallbackNone && d.Fallback != thidua.FallbackChair) {
			return &PollError{Award: d.Award, Err: ErrInvalidChoice}
		}
		if _, dup := p.chairs[d.Award]; dup {
			return &PollError{Award: d.Award, Err: ErrInvalidChoice}
		}
		chosen := make([]thidua.UnitID, 0, len(d.Order))
		for _, tier := range d.Order {
			if len(tier) != 1 {
				return &PollError{Award: d.Award, Err: ErrInvalidChoice}
			}
			chosen = append(chosen, tier[0])
		}
		p.chairs[d.Award] = chosen
	}
	return nil
}

// standardTexts names, in Vietnamese and English, every standard the
// council's rules check (the rules in force's and the council's own), keyed
// by the standard's String.
func standardTexts(o Options, rs thidua.RuleSet) map[string]standardText {
	t := map[string]standardText{
		thidua.RequireLeadsCluster().String():  {"dẫn đầu cụm, khối thi đua", "leads its cluster or block"},
		thidua.RequireNoPendingCase().String(): {"không có vụ việc đang xem xét", "no pending case"},
	}
	years := func(n int) {
		if n > 0 {
			t[thidua.RequireExcellentYears(n).String()] = standardText{
				itoa(n) + " năm liên tục hoàn thành xuất sắc nhiệm vụ",
				itoa(n) + " consecutive years of excellent task completion"}
		}
	}
	years(rs.MeritExcellentYears)
	for _, st := range o.Standards {
		years(st.ExcellentYears)
		for _, a := range st.Titles {
			t[thidua.RequireTitle(a).String()] = standardText{"đạt danh hiệu " + a.Vietnamese(), "holds the title " + a.English()}
		}
	}
	return t
}
