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

	// ErrNoCandidates reports a contest with an empty candidate list.
	ErrNoCandidates = errors.New("thidua: a contest needs at least one candidate")

	// ErrDuplicateCandidate reports a candidate listed twice in one contest.
	ErrDuplicateCandidate = errors.New("thidua: duplicate candidate")

	// ErrInvalidElectorate reports an electorate (số thành viên) of zero or
	// less, or a number present outside [0, electorate].
	ErrInvalidElectorate = errors.New("thidua: electorate must be positive and present within it")

	// ErrInvalidSeats reports seats below zero or above the number of candidates.
	ErrInvalidSeats = errors.New("thidua: seats must be between 0 and the number of candidates")

	// ErrInvalidMethod reports a Method outside the defined methods.
	ErrInvalidMethod = errors.New("thidua: invalid counting method")

	// ErrInvalidVariant reports a MinimaxVariant outside the defined variants.
	ErrInvalidVariant = errors.New("thidua: invalid minimax variant")

	// ErrInvalidOption reports a contest option out of range: a Borda base
	// other than 0 or 1, or a negative MaxMarks.
	ErrInvalidOption = errors.New("thidua: contest option out of range")

	// ErrThresholdMethod reports a threshold on a method whose scores are not
	// vote counts (Borda and the Condorcet methods).
	ErrThresholdMethod = errors.New("thidua: a threshold needs a method that counts votes")

	// ErrTooManyBallots reports more votes cast than the electorate.
	ErrTooManyBallots = errors.New("thidua: more ballots cast than the electorate")

	// ErrInvalidCount reports a ballot whose Count or Weight is negative.
	ErrInvalidCount = errors.New("thidua: ballot count and weight must not be negative")

	// ErrNoQuorum reports a vote held without its quorum (số thành viên tham dự
	// không đủ): see QuorumError for the figures.
	ErrNoQuorum = errors.New("thidua: quorum not reached")

	// ErrNoRunoff reports a Runoff asked of a result with no tie at the cut-off.
	ErrNoRunoff = errors.New("thidua: no tie at the cut-off, so no runoff")

	// ErrUnknownCandidate reports a ballot that marks a unit who is not a
	// candidate in the contest.
	ErrUnknownCandidate = errors.New("thidua: not a candidate")

	// ErrDuplicateMark reports a ballot that names the same candidate twice,
	// in its marks or across its ranked tiers.
	ErrDuplicateMark = errors.New("thidua: candidate marked twice on one ballot")

	// ErrTooManyMarks reports an approval ballot with more marks than the
	// contest allows (phiếu bầu thừa số lượng).
	ErrTooManyMarks = errors.New("thidua: more marks than allowed")

	// ErrBallotShape reports a ballot of the wrong shape for the method: marks
	// on a ranked contest, a ranking on an approval contest, both or an empty
	// tier, or ties where the method needs a single choice.
	ErrBallotShape = errors.New("thidua: ballot shape does not fit the method")

	// ErrBlankBallot reports a blank ballot (phiếu trắng) in a contest that does
	// not count blank ballots as valid.
	ErrBlankBallot = errors.New("thidua: blank ballot")

	// ErrVoterOnSecret reports a ballot that names its voter in a secret ballot
	// (bỏ phiếu kín), where no ballot may carry a voter's identity.
	ErrVoterOnSecret = errors.New("thidua: a secret ballot names its voter")

	// ErrSelfVote reports an open vote (biểu quyết) in which a voter marks
	// themself where the contest forbids it.
	ErrSelfVote = errors.New("thidua: voter votes for themself")

	// ErrDuplicateVoter reports two ballots, or a ballot with a count above one,
	// from the same named voter in an open vote.
	ErrDuplicateVoter = errors.New("thidua: voter votes more than once")
)

// BallotError reports why one ballot was rejected. Index is its position in the
// slice passed to Tally; Candidate names the mark at fault, when one is.
type BallotError struct {
	Index     int
	Candidate UnitID
	Err       error
}

func (e *BallotError) Error() string {
	if e.Candidate != "" {
		return fmt.Sprintf("thidua: ballot %d: %q: %s", e.Index, string(e.Candidate), reason(e.Err))
	}
	return fmt.Sprintf("thidua: ballot %d: %s", e.Index, reason(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *BallotError) Unwrap() error { return e.Err }

// QuorumError reports a vote below its quorum. Present is the number of voters
// taken as present (the contest's Present, or the votes cast when Present is
// not recorded); Needed is the least that meets the quorum, out of Electorate.
type QuorumError struct {
	Present, Needed, Electorate int
}

func (e *QuorumError) Error() string {
	return fmt.Sprintf("thidua: quorum not reached: \"%d\" present of %d, %d needed", e.Present, e.Electorate, e.Needed)
}

// Unwrap returns ErrNoQuorum, for errors.Is.
func (e *QuorumError) Unwrap() error { return ErrNoQuorum }

// ---------------------------------------------------------------------------
// Award and rule-set errors (awards.go, rules.go).
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Rotation errors (rotation.go).
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Review errors (review.go).
// ---------------------------------------------------------------------------
