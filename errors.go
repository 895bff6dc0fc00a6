package thidua

import (
	"errors"
	"fmt"
	"strings"
)

// Errors are of two kinds. Sentinels (ErrX) name what went wrong and are matched
// with errors.Is. Typed errors (*XError) carry the offending value for errors.As and
// wrap a sentinel, so a caller can branch on either. Every message starts with
// "thidua:" and quotes the input at fault.

// reason returns a sentinel's message without the package prefix, for use inside
// a typed error's message that already carries it.
func reason(err error) string {
	if err == nil {
		return "invalid"
	}
	return strings.TrimPrefix(err.Error(), "thidua: ")
}

// ---------------------------------------------------------------------------
// Roster errors (cluster.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidID reports an identifier that is empty, too long, not UTF-8, or
	// contains white space or control characters.
	ErrInvalidID = errors.New("thidua: invalid identifier")

	// ErrBlankName reports a unit or cluster whose name is empty or only white space.
	ErrBlankName = errors.New("thidua: blank name")

	// ErrDuplicateUnit reports a unit listed twice in one roster.
	ErrDuplicateUnit = errors.New("thidua: duplicate unit")

	// ErrUnknownUnit reports a unit that is not a member of the cluster it was
	// named for.
	ErrUnknownUnit = errors.New("thidua: unknown unit")

	// ErrTooFewMembers reports a cluster with fewer than two members: a cluster
	// (cụm) or block (khối) compares units, which needs at least two.
	ErrTooFewMembers = errors.New("thidua: a cluster needs at least two members")

	// ErrLeaderNotMember reports a leader (cụm trưởng) who is not a member.
	ErrLeaderNotMember = errors.New("thidua: leader is not a member")

	// ErrDeputyNotMember reports a deputy (cụm phó) who is not a member.
	ErrDeputyNotMember = errors.New("thidua: deputy is not a member")

	// ErrLeaderIsDeputy reports the same unit named as leader and deputy.
	ErrLeaderIsDeputy = errors.New("thidua: leader and deputy are the same unit")

	// ErrInvalidKind reports a Kind that is neither KindCluster nor KindBlock.
	ErrInvalidKind = errors.New("thidua: invalid kind")

	// ErrInvalidRole reports a Role outside the defined roles.
	ErrInvalidRole = errors.New("thidua: invalid role")

	// ErrYearOutOfRange reports a year outside [MinYear, MaxYear].
	ErrYearOutOfRange = errors.New("thidua: year out of range")

	// ErrEmptyChange reports a unit change that names no predecessor.
	ErrEmptyChange = errors.New("thidua: unit change names no predecessor")

	// ErrSelfChange reports a unit change that merges a unit into itself: a
	// predecessor listed twice, or a rename that changes nothing.
	ErrSelfChange = errors.New("thidua: unit change merges a unit into itself")

	// ErrConflictingChange reports two changes that claim the same unit in one year.
	ErrConflictingChange = errors.New("thidua: two changes claim the same unit in one year")

	// ErrChangeBeforeRoster reports a roster asked for a year before the cluster's own.
	ErrChangeBeforeRoster = errors.New("thidua: year is before the cluster's roster year")
)

// UnitError reports a problem with one unit, named by its ID. Err is one of the
// sentinels above (ErrUnknownUnit, ErrDuplicateUnit, ErrLeaderNotMember, ...).
type UnitError struct {
	ID  UnitID
	Err error
}

func (e *UnitError) Error() string {
	return fmt.Sprintf("thidua: unit %q: %s", string(e.ID), reason(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *UnitError) Unwrap() error { return e.Err }

// YearError reports a year outside the range a value accepts. What names the
// field ("cluster year", "change year", ...).
type YearError struct {
	What string
	Year int
	Err  error
}

func (e *YearError) Error() string {
	return fmt.Sprintf("thidua: %s %d: %s", e.What, e.Year, reason(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *YearError) Unwrap() error { return e.Err }

// FieldError reports a field whose value is invalid, such as a blank name or a
// malformed identifier. Field names the field as it appears in JSON.
type FieldError struct {
	Field string
	Value string
	Err   error
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("thidua: %s %q: %s", e.Field, e.Value, reason(e.Err))
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *FieldError) Unwrap() error { return e.Err }

// ChangeError reports a unit change (rename or merger) that cannot be applied.
// Index is its position in the list the caller passed.
type ChangeError struct {
	Index  int
	Change UnitChange
	Err    error
}

func (e *ChangeError) Error() string {
	return fmt.Sprintf("thidua: unit change %d (%d: %s into %q): %s",
		e.Index, e.Change.Year, quoteIDs(e.Change.From), string(e.Change.Into.ID), reason(e.Err))
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *ChangeError) Unwrap() error { return e.Err }

func quoteIDs(ids []UnitID) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, id := range ids {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", string(id))
	}
	b.WriteByte(']')
	return b.String()
}

// ---------------------------------------------------------------------------
// Scoring errors (scoring.go).
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Voting errors (voting.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidShare reports a share (of a threshold or quorum) outside (0, 1].
	ErrInvalidShare = errors.New("thidua: share must be a fraction in (0, 1]")

	// ErrInvalidBase reports a threshold base other than Electorate, Present,
	// Cast or Valid.
	ErrInvalidBase = errors.New("thidua: invalid threshold base")
)

// ---------------------------------------------------------------------------
// Award and rule-set errors (awards.go, rules.go).
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Rotation errors (rotation.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidBasis reports a Basis outside the defined ones.
	ErrInvalidBasis = errors.New("thidua: invalid leadership basis")

	// ErrInvalidSuccession reports a succession policy with an undefined method,
	// deputy rule or tie rule.
	ErrInvalidSuccession = errors.New("thidua: invalid succession policy")

	// ErrDuplicateYear reports two leadership terms for one year.
	ErrDuplicateYear = errors.New("thidua: two terms for one year")

	// ErrHistoryOrder reports leadership terms out of year order.
	ErrHistoryOrder = errors.New("thidua: terms out of year order")

	// ErrHistoryGap reports a year missing from a leadership history.
	ErrHistoryGap = errors.New("thidua: year missing from the history")

	// ErrHistoryAhead reports a history that runs past the roster it is used with.
	ErrHistoryAhead = errors.New("thidua: history runs past the roster's year")

	// ErrHistoryDisagrees reports a history whose term for the roster's year names
	// another leader or deputy than the roster does.
	ErrHistoryDisagrees = errors.New("thidua: history and roster disagree on the leadership")

	// ErrOrderRepeats reports a rotation order that names a unit twice.
	ErrOrderRepeats = errors.New("thidua: rotation order repeats a unit")

	// ErrOrderMisses reports a rotation order that leaves out a member.
	ErrOrderMisses = errors.New("thidua: rotation order misses a member")

	// ErrCoolDownTooLong reports a cool-down that the roster cannot satisfy.
	ErrCoolDownTooLong = errors.New("thidua: cool-down longer than the roster allows")

	// ErrNoEligibleLeader reports constraints that leave no unit able to lead.
	ErrNoEligibleLeader = errors.New("thidua: no unit can lead under the constraints")

	// ErrIneligible reports an elected, assigned or succeeding unit that breaks a
	// constraint.
	ErrIneligible = errors.New("thidua: unit may not take the post")

	// ErrElectionTied reports a leadership vote that ended in a tie the policy
	// does not break.
	ErrElectionTied = errors.New("thidua: the vote is tied")

	// ErrMissingSelection reports a vote or assignment the policy needs but was
	// not given.
	ErrMissingSelection = errors.New("thidua: missing vote or assignment")

	// ErrVoteMismatch reports a vote that belongs to another contest, year or
	// roster.
	ErrVoteMismatch = errors.New("thidua: vote does not belong to this choice")

	// ErrNotElected reports a vote that elected nobody (no one met the threshold).
	ErrNotElected = errors.New("thidua: the vote elected nobody")

	// ErrPlanNeedsVotes reports a plan asked of a policy that chooses by vote or
	// assignment, which cannot be projected.
	ErrPlanNeedsVotes = errors.New("thidua: the policy needs votes, so it cannot be planned")
)

// TermError reports a leadership term, or a history, that is wrong in a year.
type TermError struct {
	Year int
	Err  error
}

func (e *TermError) Error() string {
	return fmt.Sprintf("thidua: leadership term %d: %s", e.Year, reason(e.Err))
}

// Unwrap returns the wrapped error.
func (e *TermError) Unwrap() error { return e.Err }

// CoolDownError reports a cool-down of CoolDown years that a roster of Members
// units cannot satisfy: the cool-down must be less than the number of members.
type CoolDownError struct {
	CoolDown, Members int
}

func (e *CoolDownError) Error() string {
	return fmt.Sprintf("thidua: cool-down of %d years with %d members: %s", e.CoolDown, e.Members, reason(ErrCoolDownTooLong))
}

// Unwrap returns ErrCoolDownTooLong.
func (e *CoolDownError) Unwrap() error { return ErrCoolDownTooLong }

// ConstraintError reports that a constraint left no unit able to lead in Year.
// Constraint names the one that emptied the field.
type ConstraintError struct {
	Year       int
	Constraint Constraint
	Detail     string
}

func (e *ConstraintError) Error() string {
	return fmt.Sprintf("thidua: %d: %s (%q emptied the field)", e.Year, reason(ErrNoEligibleLeader), e.Detail)
}

// Unwrap returns ErrNoEligibleLeader.
func (e *ConstraintError) Unwrap() error { return ErrNoEligibleLeader }

// IneligibleError reports a unit chosen for Year that breaks Constraint.
type IneligibleError struct {
	Year       int
	Unit       UnitID
	Constraint Constraint
}

func (e *IneligibleError) Error() string {
	return fmt.Sprintf("thidua: %d: unit %q: %s (%s)", e.Year, string(e.Unit), reason(ErrIneligible), e.Constraint)
}

// Unwrap returns ErrIneligible.
func (e *IneligibleError) Unwrap() error { return ErrIneligible }

// ElectionTieError reports a tied vote for Post in Year, with the tied units, so
// the caller can hold another round.
type ElectionTieError struct {
	Year int
	Post Role
	Tied []UnitID
}

func (e *ElectionTieError) Error() string {
	return fmt.Sprintf("thidua: %d %s vote: %s between %s", e.Year, e.Post, reason(ErrElectionTied), quoteIDs(e.Tied))
}

// Unwrap returns ErrElectionTied.
func (e *ElectionTieError) Unwrap() error { return ErrElectionTied }

// SelectionError reports the vote or assignment a policy needs for Year that
// was not given.
type SelectionError struct {
	Year int
	Need string
}

func (e *SelectionError) Error() string {
	return fmt.Sprintf("thidua: %d: %s: need %s", e.Year, reason(ErrMissingSelection), e.Need)
}

// Unwrap returns ErrMissingSelection.
func (e *SelectionError) Unwrap() error { return ErrMissingSelection }

// VoteMismatchError reports a vote for Post that cannot be used: Err says why
// (another year, a candidate who is not a member, nobody elected).
type VoteMismatchError struct {
	Contest ContestID
	Post    Role
	Err     error
}

func (e *VoteMismatchError) Error() string {
	return fmt.Sprintf("thidua: %s vote %q: %s", e.Post, string(e.Contest), reason(e.Err))
}

// Unwrap returns the cause.
func (e *VoteMismatchError) Unwrap() error { return e.Err }

// Is reports ErrVoteMismatch as well as the cause.
func (e *VoteMismatchError) Is(target error) bool { return target == ErrVoteMismatch }

// ---------------------------------------------------------------------------
// Review errors (review.go).
// ---------------------------------------------------------------------------
