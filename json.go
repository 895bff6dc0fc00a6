package thidua

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// JSON forms of the values that keep their fields unexported (Standings) or
// whose fields need more than a struct tag (a rejected ballot's error, a
// result's digest, the parts of an outcome or pending step that are zero).
// Every key is snake_case, decimals are strings, and decoding validates what it
// can so that a decoded value is one the package could have produced.

// standingsJSON is the JSON form of Standings.
type standingsJSON struct {
	Cluster   ClusterID  `json:"cluster"`
	Year      int        `json:"year"`
	Scorecard string     `json:"scorecard"`
	Ranked    []Standing `json:"ranked"`
}

// MarshalJSON encodes the standings as {"cluster", "year", "scorecard",
// "ranked"}, ranked in rank order as Ranked returns them, decimals as strings.
// The zero Standings encodes with no units.
func (st Standings) MarshalJSON() ([]byte, error) {
	return json.Marshal(standingsJSON{Cluster: st.cluster, Year: st.year, Scorecard: st.scorecard, Ranked: st.ranked})
}

// UnmarshalJSON decodes what MarshalJSON encodes. It checks what Score
// guarantees: valid unit IDs, each unit once, competition ranks (the first
// is 1; a rank is the previous one when tied, else the unit's position), and a
// year in range when one is given. Errors are *UnitError or *FieldError.
func (st *Standings) UnmarshalJSON(b []byte) error {
	var j standingsJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Year != 0 {
		if err := checkYear("standings year", j.Year); err != nil {
			return err
		}
	}
	v := Standings{cluster: j.Cluster, year: j.Year, scorecard: j.Scorecard}
	if len(j.Ranked) > 0 {
		v.ranked = j.Ranked
		v.index = make(map[UnitID]int, len(j.Ranked))
	}
	for i, s := range j.Ranked {
		if err := idErr(string(s.Unit)); err != nil {
			return &UnitError{ID: s.Unit, Err: err}
		}
		if _, dup := v.index[s.Unit]; dup {
			return &UnitError{ID: s.Unit, Err: ErrDuplicateUnit}
		}
		v.index[s.Unit] = i
		want := i + 1
		if i > 0 && s.Rank == j.Ranked[i-1].Rank {
			want = s.Rank
		}
		if s.Rank != want {
			return &FieldError{Field: "rank of " + string(s.Unit), Value: strconv.Itoa(s.Rank), Err: ErrInvalidRank}
		}
	}
	*st = v
	return nil
}

// rejectionReasons are the JSON keys of the reasons a tally rejects a ballot
// for, each the sentinel a *BallotError wraps.
var rejectionReasons = []struct {
	key string
	err error
}{
	{"ballot_shape", ErrBallotShape},
	{"blank", ErrBlankBallot},
	{"duplicate_mark", ErrDuplicateMark},
	{"duplicate_voter", ErrDuplicateVoter},
	{"invalid_id", ErrInvalidID},
	{"self_vote", ErrSelfVote},
	{"too_many_marks", ErrTooManyMarks},
	{"unknown_candidate", ErrUnknownCandidate},
	{"voter_on_secret", ErrVoterOnSecret},
}

// rejectedJSON is the JSON form of RejectedBallot.
type rejectedJSON struct {
	Index int           `json:"index"`
	Votes int           `json:"votes"`
	Err   rejectionJSON `json:"error"`
}

type rejectionJSON struct {
	Reason    string `json:"reason"`
	Candidate UnitID `json:"candidate,omitempty"`
}

// MarshalJSON encodes the rejected ballot as {"index", "votes", "error":
// {"reason", "candidate"}}, the reason being the key of the sentinel its
// *BallotError wraps: "ballot_shape", "blank", "duplicate_mark",
// "duplicate_voter", "invalid_id", "self_vote", "too_many_marks",
// "unknown_candidate" or "voter_on_secret". An error that is not a
// *BallotError with one of these reasons has no JSON form (ErrUnknownReason).
func (r RejectedBallot) MarshalJSON() ([]byte, error) {
	var be *BallotError
	if !errors.As(r.Err, &be) {
		return nil, &FieldError{Field: "rejected ballot " + strconv.Itoa(r.Index), Value: errString(r.Err), Err: ErrUnknownReason}
	}
	for _, rr := range rejectionReasons {
		if be.Err == rr.err {
			return json.Marshal(rejectedJSON{Index: r.Index, Votes: r.Votes, Err: rejectionJSON{Reason: rr.key, Candidate: be.Candidate}})
		}
	}
	return nil, &FieldError{Field: "rejected ballot " + strconv.Itoa(r.Index), Value: errString(r.Err), Err: ErrUnknownReason}
}

// UnmarshalJSON decodes what MarshalJSON encodes; Err becomes the
// *BallotError the tally gave. An unknown reason is a *FieldError wrapping
// ErrUnknownReason, and a negative index or count one wrapping
// ErrInvalidVoteCount.
func (r *RejectedBallot) UnmarshalJSON(b []byte) error {
	var j rejectedJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Index < 0 || j.Votes < 0 {
		return &FieldError{Field: "rejected ballot", Value: fmt.Sprintf("index %d, votes %d", j.Index, j.Votes), Err: ErrInvalidVoteCount}
	}
	for _, rr := range rejectionReasons {
		if j.Err.Reason == rr.key {
			*r = RejectedBallot{Index: j.Index, Votes: j.Votes, Err: &BallotError{Index: j.Index, Candidate: j.Err.Candidate, Err: rr.err}}
			return nil
		}
	}
	return &FieldError{Field: "rejected ballot reason", Value: j.Err.Reason, Err: ErrUnknownReason}
}

// resultFields has Result's fields without its methods, so that encoding
// them does not recurse.
type resultFields Result

// resultJSON writes the digest as hex over resultFields' array of bytes.
type resultJSON struct {
	resultFields
	Digest string `json:"digest"`
}

// MarshalJSON encodes the result with the keys of its field tags, the
// contest as its ContestSpec and the digest as 64 lowercase hex digits.
func (r Result) MarshalJSON() ([]byte, error) {
	return json.Marshal(resultJSON{resultFields: resultFields(r), Digest: hex.EncodeToString(r.Digest[:])})
}

// UnmarshalJSON decodes what MarshalJSON encodes. The contest is required and
// validated as NewContest does; the counts must not be negative and must add up (Cast =
// Valid + Invalid, Blank within Valid), and the digest must be 64 hex digits.
// Errors are those of NewContest, or *FieldError wrapping ErrInvalidVoteCount.
func (r *Result) UnmarshalJSON(b []byte) error {
	var j resultJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v := Result(j.resultFields)
	if v.Contest.index == nil {
		return &FieldError{Field: "result contest", Value: "", Err: ErrNoCandidates}
	}
	if v.Cast < 0 || v.Valid < 0 || v.Invalid < 0 || v.Blank < 0 || v.OpenSeats < 0 ||
		v.Cast != v.Valid+v.Invalid || v.Blank > v.Valid {
		return &FieldError{Field: "result counts",
			Value: fmt.Sprintf("cast %d, valid %d, invalid %d, blank %d", v.Cast, v.Valid, v.Invalid, v.Blank), Err: ErrInvalidVoteCount}
	}
	d, err := hex.DecodeString(j.Digest)
	if err != nil || len(d) != len(v.Digest) {
		return &FieldError{Field: "digest", Value: j.Digest, Err: ErrInvalidVoteCount}
	}
	copy(v.Digest[:], d)
	*r = v
	return nil
}

// outcomeFields has Outcome's fields without its methods.
type outcomeFields Outcome

// outcomeJSON leaves out the leadership and the next roster while they are
// pending.
type outcomeJSON struct {
	outcomeFields
	Leadership *Leadership `json:"leadership,omitempty"`
	Next       *Cluster    `json:"next,omitempty"`
}

// MarshalJSON encodes the outcome with the keys of its field tags. The
// leadership and next year's roster are left out while they are pending
// (zero). It fails where the review has no JSON form (a succession with a
// caller's exclusion: ErrUnencodablePolicy).
func (o Outcome) MarshalJSON() ([]byte, error) {
	j := outcomeJSON{outcomeFields: outcomeFields(o)}
	if o.Leadership != (Leadership{}) {
		j.Leadership = &o.Leadership
	}
	if o.Next.index != nil {
		j.Next = &o.Next
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON encodes, each part validated as it
// decodes (the review's parts, the rule set, the standings, the tallies, the
// rosters). The review must pass the checks Conclude makes before it counts
// anything (a *PartError, such as ErrMissingPart for a part left out), and
// the rule set must be named (*FieldError wrapping ErrMissingPart).
func (o *Outcome) UnmarshalJSON(b []byte) error {
	var j outcomeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v := Outcome(j.outcomeFields)
	if _, err := v.Review.check(); err != nil {
		return err
	}
	if v.Rules.Name == "" {
		return &FieldError{Field: "outcome rules", Value: "", Err: ErrMissingPart}
	}
	for i, vr := range v.Votes {
		// A tally without its result (a misspelt "result" key, say) would
		// decode to a zero Result that cannot be encoded again.
		if vr.Result.Contest.index == nil {
			return &FieldError{Field: fmt.Sprintf("outcome votes[%d] result", i), Value: "", Err: ErrMissingPart}
		}
	}
	v.Leadership, v.Next = Leadership{}, Cluster{}
	if j.Leadership != nil {
		v.Leadership = *j.Leadership
	}
	if j.Next != nil {
		v.Next = *j.Next
	}
	*o = v
	return nil
}

// pendingFields has Pending's fields without its methods.
type pendingFields Pending

// pendingJSON leaves out the contest of a pending decision.
type pendingJSON struct {
	pendingFields
	Contest *Contest `json:"contest,omitempty"`
}

// MarshalJSON encodes the pending step with the keys of its field tags; the
// zero Contest of a pending decision is left out.
func (p Pending) MarshalJSON() ([]byte, error) {
	if p.Kind != TieBreakRunoff && p.Kind != TieBreakFallback {
		return nil, &FieldError{Field: "pending kind", Value: p.Kind.String(), Err: ErrMissingPart}
	}
	j := pendingJSON{pendingFields: pendingFields(p)}
	if p.Contest.index != nil {
		j.Contest = &p.Contest
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON encodes. The kind must be "runoff" or
// "fallback", and
// a runoff needs its contest (*FieldError wrapping ErrMissingPart).
func (p *Pending) UnmarshalJSON(b []byte) error {
	var j pendingJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	v := Pending(j.pendingFields)
	v.Contest = Contest{}
	if j.Contest != nil {
		v.Contest = *j.Contest
	}
	if v.Kind != TieBreakRunoff && v.Kind != TieBreakFallback {
		return &FieldError{Field: "pending kind", Value: v.Kind.String(), Err: ErrMissingPart}
	}
	if v.Kind == TieBreakRunoff && v.Contest.index == nil {
		return &FieldError{Field: "pending runoff contest", Value: "", Err: ErrMissingPart}
	}
	*p = v
	return nil
}

// IsValid reports whether c is one of the constraints.
func (c Constraint) IsValid() bool { return constraints.valid(c) }

// MarshalText encodes a valid constraint as the name String returns.
func (c Constraint) MarshalText() ([]byte, error) { return constraints.marshal(c) }

// UnmarshalText accepts the names String returns.
func (c *Constraint) UnmarshalText(b []byte) error { return constraints.set(c, b) }

// decisionFields has Decision's fields without its methods.
type decisionFields Decision

// UnmarshalJSON decodes a decision and checks what its encoding needs: every
// proposal, declined unit and tie names a known award, and every declined
// unit a known reason. (The fuzzer found a declined unit without a reason
// that decoded and then could not be encoded again.)
func (d *Decision) UnmarshalJSON(b []byte) error {
	var v decisionFields
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	for _, p := range v.Proposals {
		if !p.Award.IsValid() {
			return &UnitError{ID: p.Unit, Err: ErrInvalidAward}
		}
	}
	for _, x := range v.Declined {
		if !x.Award.IsValid() {
			return &UnitError{ID: x.Unit, Err: ErrInvalidAward}
		}
		if !x.Reason.IsValid() {
			return &UnitError{ID: x.Unit, Err: ErrUnknownReason}
		}
	}
	for _, t := range v.Ties {
		if !t.Award.IsValid() {
			return &FieldError{Field: "tie award", Value: t.Award.String(), Err: ErrInvalidAward}
		}
	}
	*d = Decision(v)
	return nil
}

// standardJSON is the JSON form of a Standard: its kind and only the
// parameters that kind uses.
type standardJSON struct {
	Kind  string           `json:"kind"`
	N     *int             `json:"n,omitempty"`
	Total *decimal.Decimal `json:"total,omitempty"`
	Award *Award           `json:"award,omitempty"`
	Name  *string          `json:"name,omitempty"`
}

// MarshalJSON encodes the standard as {"kind", ...} with the parameters its
// kind uses: "total" (a decimal string) for "min-total", "n" for "max-rank"
// and "excellent-years", "award" for "holds-title", none for
// "leads-cluster" and "no-pending-case". A caller's standard (RequireThat)
// is a function and has no JSON form (*FieldError wrapping
// ErrUnencodablePolicy); an invalid one gives the errors of Validate.
func (s Standard) MarshalJSON() ([]byte, error) {
	if s.kind == standardCustom {
		return nil, &FieldError{Field: "standard", Value: s.name, Err: ErrUnencodablePolicy}
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	j := standardJSON{Kind: s.kind.String()}
	switch s.kind {
	case standardMinTotal:
		j.Total = &s.total
	case standardMaxRank, standardExcellentYears:
		j.N = &s.n
	case standardHoldsTitle:
		j.Award = &s.award
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON encodes through the Require
// functions, and validates the result as Validate does. An unknown kind, or a
// parameter missing or not used by its kind, is a *FieldError wrapping
// ErrInvalidStandard; the kind "custom" one wrapping ErrUnencodablePolicy.
func (s *Standard) UnmarshalJSON(b []byte) error {
	var j standardJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	k, err := standardKinds.unmarshal([]byte(j.Kind))
	if err != nil {
		return err
	}
	bad := func(what string) error {
		return &FieldError{Field: "standard " + what, Value: j.Kind, Err: ErrInvalidStandard}
	}
	uses := func(n, total, award bool) error {
		switch {
		case j.N != nil && !n, j.Total != nil && !total, j.Award != nil && !award, j.Name != nil:
			return bad("parameter not used by its kind")
		case j.N == nil && n, j.Total == nil && total, j.Award == nil && award:
			return bad("parameter missing")
		}
		return nil
	}
	var v Standard
	switch k {
	case standardMinTotal:
		if err := uses(false, true, false); err != nil {
			return err
		}
		v = RequireMinTotal(*j.Total)
	case standardMaxRank:
		if err := uses(true, false, false); err != nil {
			return err
		}
		v = RequireRank(*j.N)
	case standardLeadsCluster:
		if err := uses(false, false, false); err != nil {
			return err
		}
		v = RequireLeadsCluster()
	case standardNoPendingCase:
		if err := uses(false, false, false); err != nil {
			return err
		}
		v = RequireNoPendingCase()
	case standardExcellentYears:
		if err := uses(true, false, false); err != nil {
			return err
		}
		v = RequireExcellentYears(*j.N)
	case standardHoldsTitle:
		if err := uses(false, false, true); err != nil {
			return err
		}
		v = RequireTitle(*j.Award)
	default: // standardCustom
		return &FieldError{Field: "standard", Value: j.Kind, Err: ErrUnencodablePolicy}
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*s = v
	return nil
}

// awardRuleJSON is the JSON form of an AwardRule inside AwardRules.
type awardRuleJSON struct {
	Award     Award      `json:"award"`
	Quota     Quota      `json:"quota"`
	Standards []Standard `json:"standards,omitempty"`
	Vote      Threshold  `json:"vote"`
}

// awardRulesJSON is the JSON form of AwardRules.
type awardRulesJSON struct {
	Rules      []awardRuleJSON `json:"rules"`
	EqualMerit Share           `json:"equal_merit"`
	VotesFirst bool            `json:"votes_first"`
}

// MarshalJSON encodes the rules as {"rules", "equal_merit", "votes_first"},
// the rules in order of precedence, each as {"award", "quota", "standards",
// "vote"}. A rule with a caller's standard has no JSON form (ErrUnencodablePolicy).
func (r AwardRules) MarshalJSON() ([]byte, error) {
	j := awardRulesJSON{Rules: make([]awardRuleJSON, len(r.rules)), EqualMerit: r.equalMerit, VotesFirst: r.votesFirst}
	for i, x := range r.rules {
		j.Rules[i] = awardRuleJSON(x)
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes what MarshalJSON encodes through NewAwardRules,
// WithEqualMerit and WithVotesFirst, so that it is validated as they
// validate: two rules for one award are an *PartError wrapping
// ErrDuplicateRule, an invalid rule the errors of AwardRule.Validate.
func (r *AwardRules) UnmarshalJSON(b []byte) error {
	var j awardRulesJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	rules := make([]AwardRule, len(j.Rules))
	for i, x := range j.Rules {
		rules[i] = AwardRule(x)
	}
	v, err := NewAwardRules(rules...)
	if err != nil {
		return err
	}
	if v, err = v.WithEqualMerit(j.EqualMerit); err != nil {
		return err
	}
	*r = v.WithVotesFirst(j.VotesFirst)
	return nil
}

// Equal reports whether r and o hold the same rules in the same order with
// the same parameters; totals compare by value. Rules with a caller's
// standard are never equal, since functions cannot be compared.
func (r AwardRules) Equal(o AwardRules) bool {
	return r.equalMerit == o.equalMerit && r.votesFirst == o.votesFirst &&
		slices.EqualFunc(r.rules, o.rules, func(x, y AwardRule) bool {
			return x.Award == y.Award && x.Quota == y.Quota && x.Vote == y.Vote &&
				slices.EqualFunc(x.Standards, y.Standards, Standard.Equal)
		})
}

// Equal reports whether s and t are the same standard: the same kind and
// parameters, totals by value (90 equals 90.0). A caller's standard is never
// equal to another, since functions cannot be compared.
func (s Standard) Equal(t Standard) bool {
	return s.kind == t.kind && s.kind != standardCustom && s.n == t.n && s.total.Equal(t.total) &&
		s.award == t.award && s.name == t.name
}

// ruleBookJSON is the JSON form of a RuleBook.
type ruleBookJSON struct {
	Sets []RuleSet `json:"sets"`
}

// MarshalJSON encodes the book as {"sets"}, the rule sets by layer and then
// date as Sets returns them.
func (b RuleBook) MarshalJSON() ([]byte, error) {
	sets := b.sets
	if sets == nil {
		sets = []RuleSet{}
	}
	return json.Marshal(ruleBookJSON{Sets: sets})
}

// UnmarshalJSON decodes what MarshalJSON encodes through NewRuleBook, so
// that sets of one layer in force on the same day are refused (a *FieldError
// wrapping ErrRuleSetOverlap), as are the errors of RuleSet.Validate.
func (b *RuleBook) UnmarshalJSON(data []byte) error {
	var j ruleBookJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	v, err := NewRuleBook(j.Sets...)
	if err != nil {
		return err
	}
	*b = v
	return nil
}

// Equal reports whether b and o hold equal rule sets in the same order.
func (b RuleBook) Equal(o RuleBook) bool { return slices.EqualFunc(b.sets, o.sets, RuleSet.Equal) }
