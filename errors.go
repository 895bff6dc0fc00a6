package thidua

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Errors are of two kinds. Sentinels (ErrX) name what went wrong and are
// matched with errors.Is. Typed errors carry the offending value for errors.As
// and wrap a sentinel, so a caller can branch on either. A typed error exists
// only where it carries fields a caller branches on: *FieldError (a value),
// *UnitError (a unit), *BallotError (a ballot), *AssessmentError (a mark),
// *PartError (a part of an input, wrapping what is wrong in it),
// *ElectionTieError (the tied units) and *Violation (a succession's
// constraint); where in the input is a path, composed by wrapping. Every
// message starts with "thidua:" and quotes the input at fault.

// quoteDecimal returns d as an error message quotes it: its digits when it is
// of a sensible size, and otherwise its size alone, since printing a decimal of
// a hundred million digits would take as long as the computation it guards.
func quoteDecimal(d decimal.Decimal) string {
	if n, e := d.NumDigits(), d.Exponent(); n > 64 || e > 64 || e < -64 {
		return fmt.Sprintf("%d digits × 10^%d", n, e)
	}
	return d.String()
}

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
	// contains white space or control characters. ErrDecomposedID, for a
	// combining mark or invisible character, also matches it.
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
	// ID is the unit at fault (or the ID that names no unit).
	ID UnitID
	// Err is the sentinel that says what is wrong with it.
	Err error
}

// Error returns the message, which starts with "thidua:" and names the
// offending value.
func (e *UnitError) Error() string {
	return fmt.Sprintf("thidua: unit %q: %s", string(e.ID), reason(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *UnitError) Unwrap() error { return e.Err }

// FieldError reports a value that is invalid or out of range, named by the
// field or quantity it is in: a blank name, a malformed identifier, a year out
// of range (Field "cluster year"), a criterion (Field "criterion", Value its
// ID), a rule set (Field "rule set", Value its name, or "A and B" for two that
// overlap), a value too large for the int64 fixed-point form (ErrOverflow), a
// cool-down a roster cannot satisfy (ErrCoolDownTooLong), a vote below its
// quorum (ErrNoQuorum), a vote or assignment a succession needs but was not
// given (ErrMissingSelection), or an input over a documented limit (ErrLimit).
// Err is the sentinel, or another typed error that says more.
type FieldError struct {
	// Field names the field or quantity, as JSON or the minutes name it.
	Field string
	// Value quotes the offending value.
	Value string
	// Err is the cause: a sentinel, or a typed error wrapping one.
	Err error
}

// Error returns the message, which starts with "thidua:" and names the
// offending value.
func (e *FieldError) Error() string {
	return fmt.Sprintf("thidua: %s %q: %s", e.Field, e.Value, reason(e.Err))
}

func (e *FieldError) Unwrap() error { return e.Err }

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

var (
	// ErrEmptyScorecard reports a scorecard (bảng chấm điểm) with no scored
	// criterion, or the zero Scorecard.
	ErrEmptyScorecard = errors.New("thidua: scorecard has no scored criteria")

	// ErrDuplicateCriterion reports two criteria with the same ID in one scorecard.
	ErrDuplicateCriterion = errors.New("thidua: duplicate criterion")

	// ErrInvalidCriterionKind reports a CriterionKind outside scored, bonus and
	// deduction.
	ErrInvalidCriterionKind = errors.New("thidua: invalid criterion kind")

	// ErrInvalidMax reports a leaf criterion without a positive maximum (điểm
	// tối đa), or a group whose given maximum is not positive.
	ErrInvalidMax = errors.New("thidua: maximum must be positive")

	// ErrInvalidWeight reports a weight (hệ số) that is zero or negative, or a
	// weight on a group: only leaves carry one.
	ErrInvalidWeight = errors.New("thidua: weight must be positive and only leaves carry one")

	// ErrOverGroupMax reports children whose maxima add up to more than their
	// group's given maximum.
	ErrOverGroupMax = errors.New("thidua: children exceed their group's maximum")

	// ErrKindWithChildren reports a bonus (điểm thưởng) or deduction (điểm trừ)
	// criterion with children: those are always leaves.
	ErrKindWithChildren = errors.New("thidua: a bonus or deduction criterion cannot have children")

	// ErrTooDeep reports a criteria tree more than 16 levels deep; real tables
	// have two or three.
	ErrTooDeep = errors.New("thidua: criteria nested too deep")

	// ErrInvalidGate reports a minimum (a gate) that is negative, above the
	// criterion's maximum, or set on a bonus or deduction criterion.
	ErrInvalidGate = errors.New("thidua: invalid minimum")

	// ErrPointsRange reports points with more than 18 decimal places or digits
	// before the point, beyond any scoring table and a guard against runaway input.
	ErrPointsRange = errors.New("thidua: points out of range")

	// ErrScorecardYear reports a scorecard used for a cluster-year other than its own.
	ErrScorecardYear = errors.New("thidua: scorecard is for another year")

	// ErrUnknownCriterion reports a criterion ID the scorecard does not have.
	ErrUnknownCriterion = errors.New("thidua: unknown criterion")

	// ErrNotLeaf reports a mark given for a group: marks go to leaf criteria.
	ErrNotLeaf = errors.New("thidua: criterion is a group, marks go to its leaves")

	// ErrInvalidAssessorKind reports an AssessorKind outside self, peer and appraisal.
	ErrInvalidAssessorKind = errors.New("thidua: invalid assessor kind")

	// ErrSelfByOther reports a self-assessment (tự chấm) whose assessor is not
	// the unit assessed.
	ErrSelfByOther = errors.New("thidua: a self-assessment must be by the unit itself")

	// ErrDuplicateAssessment reports two assessments of one unit by the same
	// assessor in the same capacity.
	ErrDuplicateAssessment = errors.New("thidua: duplicate assessment")

	// ErrNoAssessment reports a member that no assessment scores.
	ErrNoAssessment = errors.New("thidua: no assessment for the unit")

	// ErrNegativeMark reports a mark below zero; deductions are given as positive
	// points on a deduction criterion.
	ErrNegativeMark = errors.New("thidua: negative mark")

	// ErrOverMax reports a mark above its criterion's maximum under a policy that
	// does not clamp.
	ErrOverMax = errors.New("thidua: mark above the criterion's maximum")

	// ErrMissingMark reports an assessment without a mark for a leaf criterion
	// under a policy that does not count missing marks as zero.
	ErrMissingMark = errors.New("thidua: missing mark")

	// ErrTrimTooMuch reports a trimmed mean that would drop every mark.
	ErrTrimTooMuch = errors.New("thidua: trimmed mean would drop every mark")

	// ErrInexact reports an average that has no exact decimal value (a mean of
	// three marks, say) under a policy that does not round it.
	ErrInexact = errors.New("thidua: average is not an exact decimal; the policy must round it")

	// ErrInvalidPolicy reports a scoring policy field outside its range.
	ErrInvalidPolicy = errors.New("thidua: invalid scoring policy")

	// ErrUnencodableTieBreaker reports an attempt to encode a caller-supplied
	// comparison as JSON, or to decode one.
	ErrUnencodableTieBreaker = errors.New("thidua: a caller-supplied comparison has no JSON form")
)

// AssessmentError reports a problem with the marks for one unit: an assessment
// (its Unit, Assessor and Kind), a mark (Criterion and Value), or the
// aggregation of a unit's marks for a criterion (Assessor empty). Fields that do
// not apply are empty.
type AssessmentError struct {
	// Unit is the unit whose marks are at fault.
	Unit UnitID
	// Assessor is who gave the marks; empty when the problem is in the
	// aggregation of the unit's marks.
	Assessor UnitID
	// Kind is the capacity of the assessment (self, peer or appraisal), or
	// for an aggregation the kind of marks used; 0 when it does not apply.
	Kind AssessorKind
	// Criterion is the criterion at fault; empty when the problem is with the
	// assessment as a whole.
	Criterion CriterionID
	// Value is the offending mark as written (a decimal string); empty when
	// no single mark is at fault.
	Value string
	// Err is the sentinel that says what is wrong (ErrOverMax, ErrMissingMark, ...).
	Err error
}

// Error returns the message, which starts with "thidua:" and names the
// offending value.
func (e *AssessmentError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "thidua: marks for unit %q", string(e.Unit))
	switch {
	case e.Assessor != "":
		fmt.Fprintf(&b, " by %q (%s)", string(e.Assessor), e.Kind)
	case e.Kind != 0:
		fmt.Fprintf(&b, " (%s)", e.Kind)
	}
	if e.Criterion != "" {
		fmt.Fprintf(&b, ", criterion %q", string(e.Criterion))
	}
	if e.Value != "" {
		fmt.Fprintf(&b, ", mark %q", e.Value)
	}
	b.WriteString(": ")
	b.WriteString(reason(e.Err))
	return b.String()
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *AssessmentError) Unwrap() error { return e.Err }

// ---------------------------------------------------------------------------
// Voting errors (voting.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidShare reports a share (of a threshold or quorum) outside (0, 1].
	ErrInvalidShare = errors.New("thidua: share must be a fraction in (0, 1]")

	// ErrInvalidBase reports a threshold base other than BaseElectorate, BasePresent,
	// BaseCast or BaseValid.
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
	// không đủ): the *FieldError gives the figures.
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
	// from the same named voter in an open vote: every such ballot is invalid,
	// so which one came first does not matter.
	ErrDuplicateVoter = errors.New("thidua: voter votes more than once")

	// ErrUnknownReason reports, in JSON, a rejected ballot whose reason is not
	// one of the keys RejectedBallot.MarshalJSON writes, or a declined unit
	// (Declined) without a known DeclineReason.
	ErrUnknownReason = errors.New("thidua: unknown reason for a rejected ballot or a declined unit")
)

// BallotError reports why one ballot was rejected. Index is its position in the
// slice passed to Tally; Candidate names the mark at fault, when one is.
type BallotError struct {
	// Index is the ballot's position in the slice passed to Tally.
	Index int
	// Candidate is the unit marked in error (unknown, or marked twice);
	// empty when no single mark is at fault.
	Candidate UnitID
	// Err is the sentinel that says why the ballot is invalid (phiếu không
	// hợp lệ).
	Err error
}

// Error returns the message, which starts with "thidua:" and names the
// offending value.
func (e *BallotError) Error() string {
	if e.Candidate != "" {
		return fmt.Sprintf("thidua: ballot %d: %q: %s", e.Index, string(e.Candidate), reason(e.Err))
	}
	return fmt.Sprintf("thidua: ballot %d: %s", e.Index, reason(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *BallotError) Unwrap() error { return e.Err }

// ---------------------------------------------------------------------------
// Award and rule-set errors (awards.go, rules.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidAward reports an award outside the catalogue (Award).
	ErrInvalidAward = errors.New("thidua: unknown award")

	// ErrDuplicateRule reports two award rules for one award.
	ErrDuplicateRule = errors.New("thidua: two rules for one award")

	// ErrNegativeQuota reports a quota count below zero.
	ErrNegativeQuota = errors.New("thidua: quota below zero")

	// ErrQuotaShare reports a quota share outside [0, 1] or with a denominator
	// that is not positive.
	ErrQuotaShare = errors.New("thidua: quota share must be a fraction in [0, 1]")

	// ErrInvalidQuota reports a quota with an unknown basis or rounding, or a
	// zero basis with other fields set.
	ErrInvalidQuota = errors.New("thidua: invalid quota")

	// ErrInvalidStandard reports a standard that cannot be checked: the zero
	// Standard, a rank below 1, negative years, a custom standard without a
	// name or predicate.
	ErrInvalidStandard = errors.New("thidua: invalid standard")

	// ErrInvalidFacts reports facts with a negative count, more women than
	// staff, or a title listed twice.
	ErrInvalidFacts = errors.New("thidua: invalid facts")

	// ErrFactsMismatch reports a candidate carrying facts about another unit.
	ErrFactsMismatch = errors.New("thidua: facts are about another unit")

	// ErrInvalidRank reports a candidate's rank below 1.
	ErrInvalidRank = errors.New("thidua: rank must be at least 1")

	// ErrInvalidVoteCount reports a vote count outside 0 ≤ votes ≤ base.
	ErrInvalidVoteCount = errors.New("thidua: invalid vote count")

	// ErrInvalidTieBreak reports an unknown tie-breaker, in a decoded decision
	// or a settlement.
	ErrInvalidTieBreak = errors.New("thidua: unknown tie-breaker")

	// ErrInvalidDeclineReason reports a decline reason that is not one of the
	// defined ones (in JSON, say).
	ErrInvalidDeclineReason = errors.New("thidua: unknown decline reason")

	// ErrNegativeCount reports a count of members or leaders below zero.
	ErrNegativeCount = errors.New("thidua: count below zero")

	// ErrClusterMismatch reports standings and results from different clusters.
	ErrClusterMismatch = errors.New("thidua: inputs are from different clusters")

	// ErrYearMismatch reports standings and results from different years.
	ErrYearMismatch = errors.New("thidua: inputs are from different years")

	// ErrContestMismatch reports a vote that does not match the award it is
	// used for: another award's contest, counts out of different bases, or a
	// pass the award's threshold does not allow.
	ErrContestMismatch = errors.New("thidua: vote does not match the award")

	// ErrInvalidDate reports a date that is not a real calendar day or is out
	// of range.
	ErrInvalidDate = errors.New("thidua: invalid date")

	// ErrDatesBackwards reports a rule set whose end date is before its start.
	ErrDatesBackwards = errors.New("thidua: rule set ends before it starts")

	// ErrRuleSetOverlap reports two rule sets in force on the same day.
	ErrRuleSetOverlap = errors.New("thidua: rule sets overlap")

	// ErrNoRuleSet reports a date on which no rule set is in force.
	ErrNoRuleSet = errors.New("thidua: no rule set in force on that date")

	// ErrInvalidRuleSet reports a rule set with an invalid parameter: a
	// negative number of rounds, an unknown fallback or a threshold for an
	// unknown award.
	ErrInvalidRuleSet = errors.New("thidua: invalid rule set")
)

// ---------------------------------------------------------------------------
// Rotation errors (rotation.go).
// ---------------------------------------------------------------------------

var (

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

	// ErrUnencodablePolicy reports a value holding a function of the caller's,
	// which cannot be written as JSON: a succession policy with a caller's
	// exclusion, or a caller's standard (RequireThat), alone or in award rules.
	ErrUnencodablePolicy = errors.New("thidua: a caller's exclusion or standard has no JSON form")

	// ErrPlanNeedsVotes reports a plan asked of a policy that chooses by vote or
	// assignment, which cannot be projected.
	ErrPlanNeedsVotes = errors.New("thidua: the policy needs votes, so it cannot be planned")
)

// ElectionTieError reports a tied vote for Post in Year, with the tied units, so
// the caller can hold another round.
type ElectionTieError struct {
	// Year is the emulation year of the term the vote is for.
	Year int
	// Post is the post being elected: leader (cụm trưởng) or deputy (cụm phó).
	Post Role
	// Tied are the units that share the most votes, two or more; another
	// round (bỏ phiếu lại) is held among them.
	Tied []UnitID
}

// Error returns the message, which starts with "thidua:" and names the
// offending value.
func (e *ElectionTieError) Error() string {
	return fmt.Sprintf("thidua: %d %s vote: %s between %s", e.Year, e.Post, reason(ErrElectionTied), quoteIDs(e.Tied))
}

// Unwrap returns ErrElectionTied.
func (e *ElectionTieError) Unwrap() error { return ErrElectionTied }

// ---------------------------------------------------------------------------
// Review errors (review.go).
// ---------------------------------------------------------------------------

var (
	// ErrMissingPart reports a review without one of its required parts.
	ErrMissingPart = errors.New("thidua: the review is missing a required part")

	// ErrRulesNotInForce reports a rule set that is not in force on the
	// review's date.
	ErrRulesNotInForce = errors.New("thidua: rule set not in force on the review date")

	// ErrRoundNotHeld reports ballots for a round the review did not hold: a
	// runoff with no tie to settle, or past the rule set's last round.
	ErrRoundNotHeld = errors.New("thidua: ballots for a round that was not held")

	// ErrNotTied reports a fallback decision that chooses a unit not in the
	// tie, or a settlement for an award whose vote did not end in a tie.
	ErrNotTied = errors.New("thidua: unit is not in the tie")

	// ErrWrongSeats reports a fallback decision that fills more or fewer seats
	// than the tie left open.
	ErrWrongSeats = errors.New("thidua: decision fills the wrong number of seats")

	// ErrNotPending reports a runoff or fallback decision given for a step
	// the outcome does not list as pending (Outcome.WithRunoff,
	// Outcome.WithSettlement), or of the other kind.
	ErrNotPending = errors.New("thidua: step is not pending in the outcome")
)

// PartError reports a part of an input that is missing, wrong, or disagrees
// with the others, and wraps what is wrong with it. Part names the place as the
// minutes would: a part of a review ("scorecard", "rules", "award ministry-flag
// round 1 ballots", "leader vote"), an award's rule or vote ("award
// \"ministry-flag\"", wrapping a *UnitError when one unit is at fault), a unit
// change ("unit change 3 (2025: \"a\" into \"ab\")"), a leadership term
// ("leadership term 2024") or a vote for a post ("deputy vote \"cum-pho\"",
// which also matches ErrVoteMismatch).
type PartError struct {
	// Part names the place in the input.
	Part string
	// Err is the cause: a sentinel, or a typed error wrapping one.
	Err error
}

// Error returns the message, which starts with "thidua:" and names the part.
func (e *PartError) Error() string {
	return fmt.Sprintf("thidua: %s: %s", e.Part, reason(e.Err))
}

// Unwrap returns the cause.
func (e *PartError) Unwrap() error { return e.Err }

// Error returns the message, which starts with "thidua:", for a violation
// returned as an error: a unit chosen that breaks the constraint
// (ErrIneligible), or, with no unit, a constraint that left nobody able to
// lead (ErrNoEligibleLeader).
func (v *Violation) Error() string {
	if v.Unit == "" {
		return fmt.Sprintf("thidua: %d: %s (%q emptied the field)", v.Year, reason(ErrNoEligibleLeader), v.Detail)
	}
	return fmt.Sprintf("thidua: %d: unit %q: %s (%s)", v.Year, string(v.Unit), reason(ErrIneligible), v.Constraint)
}

// Unwrap returns ErrIneligible, or ErrNoEligibleLeader when no unit is named.
func (v *Violation) Unwrap() error {
	if v.Unit == "" {
		return ErrNoEligibleLeader
	}
	return ErrIneligible
}

// The constructors of the errors the typed errors absorbed, one per former
// type, so that each kind of fault is worded the same way everywhere.

// yearError is a year out of range or of another year: what names it.
func yearError(what string, year int, err error) *FieldError {
	return &FieldError{Field: what, Value: strconv.Itoa(year), Err: err}
}

// criterionError is a problem with one criterion (tiêu chí), named by its ID.
func criterionError(id CriterionID, err error) *FieldError {
	return &FieldError{Field: "criterion", Value: string(id), Err: err}
}

// overflowError is a value that would not fit the int64 fixed-point form.
func overflowError(what, value string) *FieldError {
	return &FieldError{Field: what, Value: value, Err: ErrOverflow}
}

// ruleSetError is a problem with the rule set named, or with two (other not
// empty) that overlap or do not compose.
func ruleSetError(name, other string, err error) *FieldError {
	if other != "" {
		name += " and " + other
	}
	return &FieldError{Field: "rule set", Value: name, Err: err}
}

// coolDownError is a cool-down a roster of members units cannot satisfy
// (members 0: not known).
func coolDownError(coolDown, members int) *FieldError {
	v := fmt.Sprintf("%d years", coolDown)
	if members > 0 {
		v += fmt.Sprintf(" with %d members", members)
	}
	return &FieldError{Field: "cool-down", Value: v, Err: ErrCoolDownTooLong}
}

// quorumError is a vote below its quorum: present taken as present, needed
// the least that meets it, out of electorate.
func quorumError(present, needed, electorate int) *FieldError {
	return &FieldError{Field: "quorum", Value: fmt.Sprintf("%d present of %d, %d needed", present, electorate, needed), Err: ErrNoQuorum}
}

// selectionError is the vote or assignment a policy needs for year that was
// not given.
func selectionError(year int, need string) *FieldError {
	return &FieldError{Field: fmt.Sprintf("selection for %d", year), Value: need, Err: ErrMissingSelection}
}

// limitError is an input over a documented limit.
func limitError(limit string, value, max int) *FieldError {
	return &FieldError{Field: limit, Value: fmt.Sprintf("%d, more than the limit of %d", value, max), Err: ErrLimit}
}

// awardError is a problem with an award's rule or vote, or with one unit
// (unit not empty) in it.
func awardError(a Award, unit UnitID, err error) *PartError {
	if unit != "" {
		err = &UnitError{ID: unit, Err: err}
	}
	return &PartError{Part: fmt.Sprintf("award %q", a.String()), Err: err}
}

// changeError is a unit change, at index i of the caller's list, that cannot
// be applied.
func changeError(i int, ch UnitChange, err error) *PartError {
	return &PartError{Part: fmt.Sprintf("unit change %d (%d: %s into %q)", i, ch.Year, quoteIDs(ch.From), string(ch.Into.ID)), Err: err}
}

// termError is a leadership term, or a history, that is wrong in year.
func termError(year int, err error) *PartError {
	return &PartError{Part: fmt.Sprintf("leadership term %d", year), Err: err}
}

// voteMismatch is a vote for post that cannot be used: err says why; it
// matches ErrVoteMismatch as well.
func voteMismatch(contest ContestID, post Role, err error) *PartError {
	return &PartError{Part: fmt.Sprintf("%s vote %q", post, string(contest)), Err: both{ErrVoteMismatch, err}}
}

// ---------------------------------------------------------------------------
// Simulation errors (simulate.go, sensitivity.go, compiled.go).
// ---------------------------------------------------------------------------

var (
	// ErrNotCompilable reports scoring that the int64 compiled form cannot
	// reproduce: a median or trimmed mean chosen per total (ScoringPolicy.PerTotal), whose
	// kept assessors depend on the weights.
	ErrNotCompilable = errors.New("thidua: cannot be compiled")

	// ErrOverflow reports a value that would not fit the int64 fixed-point form
	// (|v| ≤ 2^61 at the common scale).
	ErrOverflow = errors.New("thidua: value would overflow the int64 fixed-point form")

	// ErrInvalidModel reports a simulation or sensitivity parameter out of
	// range: a quality outside 0–1000, a negative noise, no samples, a bad
	// step, weights of the wrong number, and the like.
	ErrInvalidModel = errors.New("thidua: invalid simulation parameter")

	// ErrNoSource reports a nil random source: every simulation draws from a
	// seeded *rand.Rand the caller passes in.
	ErrNoSource = errors.New("thidua: no random source")

	// ErrWeightRange reports a weight that a perturbation would make zero or
	// negative: every weight (hệ số) must stay positive.
	ErrWeightRange = errors.New("thidua: perturbed weight would not be positive")
)

// ---------------------------------------------------------------------------
// Layers, citations and unit records (rules.go, record.go).
// ---------------------------------------------------------------------------

var (
	// ErrInvalidCitation reports a citation without a rule or a document, with
	// a point but no clause or a clause but no article, or with an unknown
	// layer or status.
	ErrInvalidCitation = errors.New("thidua: invalid citation")

	// ErrLayerConflict reports two layers setting one value in conflicting
	// ways, the lower one without an explicit override.
	ErrLayerConflict = errors.New("thidua: layers set one value in conflict without an override")

	// ErrLayerOrder reports layers composed out of order: a higher layer
	// (national, sector) after a lower one.
	ErrLayerOrder = errors.New("thidua: layers out of order")

	// ErrLayerDates reports layers that are never in force on the same day.
	ErrLayerDates = errors.New("thidua: layers are never in force together")

	// ErrBeforeDocuments reports a date before any document it could follow
	// applies: a review date before every rule set, or a layer starting
	// before its own document takes effect (or, when that date was not found,
	// is signed).
	ErrBeforeDocuments = errors.New("thidua: date before any document applies")

	// ErrRecordYears reports a unit record whose years are out of order or
	// listed twice.
	ErrRecordYears = errors.New("thidua: record years out of order or duplicated")

	// ErrDisciplineBackwards reports a discipline period that ends before it
	// starts.
	ErrDisciplineBackwards = errors.New("thidua: discipline period ends before it starts")

	// ErrInvalidRecord reports a unit record with an unknown rating, an
	// unknown title or award, a title or award listed twice in a year, or a
	// cluster led listed twice.
	ErrInvalidRecord = errors.New("thidua: invalid unit record")
)

// Limits and spelling (limits.go, cluster.go).
// ---------------------------------------------------------------------------

var (
	// ErrLimit reports an input larger than one of the documented limits in
	// limits.go (MaxCandidates, MaxCriteria, MaxPlanYears, ...). It is checked
	// before any work, so a hostile input costs no more than a valid one.
	ErrLimit = errors.New("thidua: input exceeds a documented limit")

	// ErrDecomposedID reports an identifier that contains a combining mark or
	// an invisible or format character. Such an identifier has another
	// spelling that looks the same: "bắc-ninh" typed precomposed (NFC) and
	// decomposed (NFD) would be two units. Use the precomposed (NFC) form. It
	// also matches ErrInvalidID.
	ErrDecomposedID error = decomposedIDError{}
)

// decomposedIDError is ErrDecomposedID's own type, so that it also matches
// ErrInvalidID under errors.Is.
type decomposedIDError struct{}

func (decomposedIDError) Error() string {
	return "thidua: identifier contains a combining mark or invisible character; use the precomposed (NFC) form"
}

func (decomposedIDError) Is(target error) bool { return target == ErrInvalidID }

// checkLimit returns a *FieldError wrapping ErrLimit when value exceeds max.
func checkLimit(limit string, value, max int) error {
	if value > max {
		return limitError(limit, value, max)
	}
	return nil
}
