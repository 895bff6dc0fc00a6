package council

import (
	"errors"
	"fmt"
	"strings"

	"github.com/thidua/thidua"
)

// Errors are of two kinds, as in the root package. Sentinels (ErrX) name what
// went wrong and are matched with errors.Is; typed errors (*XError) carry the
// offending value for errors.As and wrap a sentinel or a root error. Every
// message starts with "thidua/council:" and quotes the input at fault.

const prefix = "thidua/council: "

// why returns an error's message without the package prefixes, for use inside
// a typed error's message that already carries one.
func why(err error) string {
	if err == nil {
		return "invalid"
	}
	s := strings.TrimPrefix(err.Error(), prefix)
	return strings.TrimPrefix(s, "thidua: ")
}

var (
	// ErrInvalidMember reports a member, substitute or guest without a valid
	// identifier or name, or with an unknown role.
	ErrInvalidMember = errors.New(prefix + "invalid member")

	// ErrDuplicateMember reports a person listed twice: a member twice on the
	// council's list, or a substitute or guest with the ID of another person
	// at the session.
	ErrDuplicateMember = errors.New(prefix + "person listed twice")

	// ErrNoChair reports a council without exactly one chair (Chủ tịch Hội
	// đồng), or a session whose presiding member is not present.
	ErrNoChair = errors.New(prefix + "the council needs exactly one chair, and the session a presiding member who is present")

	// ErrUnknownMember reports an attendance entry or a voter who is not a
	// member of the council, nor a substitute or guest at the session.
	ErrUnknownMember = errors.New(prefix + "not a member of the council")

	// ErrSubstituteForPresent reports a substitute (người được ủy quyền) for a
	// member who is present, who sent a written opinion, or who already has a
	// substitute: a member is heard once.
	ErrSubstituteForPresent = errors.New(prefix + "substitute for a member who is present, gave a written opinion or has another substitute")

	// ErrNoMandate reports a substitute without a written mandate (giấy ủy
	// quyền), which TT 25/2025/TT-BKHCN Điều 23 requires for a vote.
	ErrNoMandate = errors.New(prefix + "substitute without a written mandate")

	// ErrWrittenWhilePresent reports a written opinion (ý kiến bằng văn bản)
	// from a member who is present: only absent members give one.
	ErrWrittenWhilePresent = errors.New(prefix + "written opinion from a member who is present")

	// ErrGuestVote reports a vote by a guest (khách mời), who may speak but may
	// not vote (TT 25/2025/TT-BKHCN Điều 23).
	ErrGuestVote = errors.New(prefix + "a guest may not vote")

	// ErrNotEntitled reports a voter who is a member but neither present, nor
	// absent with a written opinion, nor represented: for an absent member,
	// only the written opinion or the substitute votes.
	ErrNotEntitled = errors.New(prefix + "voter not entitled to vote at this session")

	// ErrDuplicateVoter reports a voter listed twice in one ballot.
	ErrDuplicateVoter = errors.New(prefix + "voter listed twice in one ballot")

	// ErrBallotCount reports ballots that do not match the voters who
	// returned them: every ballot handed in is accounted for.
	ErrBallotCount = errors.New(prefix + "ballots do not match the voters who returned them")

	// ErrBelowQuorum reports a session below its quorum (2/3 of members) or
	// below the attendance the rules require for a session on awards.
	ErrBelowQuorum = errors.New(prefix + "session below quorum")

	// ErrYearMismatch reports a cluster outcome of another emulation year than
	// the session's.
	ErrYearMismatch = errors.New(prefix + "cluster outcome of another year")

	// ErrDuplicateCluster reports two outcomes for one cluster.
	ErrDuplicateCluster = errors.New(prefix + "two outcomes for one cluster")

	// ErrInvalidReport reports a cluster report that cannot be used: no
	// members, an invalid ID, a proposal or leader who is not a member.
	ErrInvalidReport = errors.New(prefix + "invalid cluster report")

	// ErrUnitInTwoClusters reports a unit that belongs to two clusters, or a
	// direct proposal for a unit that belongs to a cluster.
	ErrUnitInTwoClusters = errors.New(prefix + "unit in two clusters")

	// ErrNotLeader reports a Government-flag candidate who did not lead the
	// cluster named for it (Luật Thi đua, khen thưởng 2022 Điều 25 k1: the
	// flag goes to a collective leading a cluster or block).
	ErrNotLeader = errors.New(prefix + "Government-flag candidate did not lead the cluster named")

	// ErrDuplicateProposal reports a unit proposed twice for one award.
	ErrDuplicateProposal = errors.New(prefix + "unit proposed twice for one award")

	// ErrInvalidPoll reports a ballot round that cannot be counted: an unknown
	// award, an award nobody was proposed for, a round out of sequence or
	// beyond the rules' rounds, or a runoff where no tie needs one.
	ErrInvalidPoll = errors.New(prefix + "invalid ballot round")

	// ErrInvalidChoice reports a decision of the chair that the rules do not
	// provide for, or that names a unit outside the tie.
	ErrInvalidChoice = errors.New(prefix + "invalid decision of the chair")

	// ErrInvalidOption reports an option out of range.
	ErrInvalidOption = errors.New(prefix + "invalid option")
)

// MemberError is an error about one person at the session: a member, a
// substitute, a guest or a voter.
type MemberError struct {
	// ID is the person at fault.
	ID MemberID
	// Err is the sentinel.
	Err error
}

// Error returns the message, which starts with "thidua/council:" and names the
// person.
func (e *MemberError) Error() string {
	return fmt.Sprintf(prefix+"person %q: %s", string(e.ID), why(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *MemberError) Unwrap() error { return e.Err }

// QuorumError is a session below the attendance it needs: Attending (members
// present and substitutes) out of Members, against Share, which needs Needed.
type QuorumError struct {
	// What names the requirement: "quorum" or "award session".
	What string
	// Attending, Members and Needed are the counts.
	Attending, Members, Needed int
	// Share is the share of members required.
	Share thidua.Share
	// Err is ErrBelowQuorum.
	Err error
}

// Error returns the message, which starts with "thidua/council:" and gives the
// counts.
func (e *QuorumError) Error() string {
	return fmt.Sprintf(prefix+"%s %s of %d members needs %d, %d attending: %s",
		e.What, e.Share, e.Members, e.Needed, e.Attending, why(e.Err))
}

// Unwrap returns the sentinel, for errors.Is.
func (e *QuorumError) Unwrap() error { return e.Err }

// ClusterError is an error about one cluster's outcome or one proposal from it.
type ClusterError struct {
	// Cluster is the cluster at fault.
	Cluster thidua.ClusterID
	// Unit is the unit at fault, if one is.
	Unit thidua.UnitID
	// Year is the cluster outcome's year, for ErrYearMismatch.
	Year int
	// Err is the sentinel or root error.
	Err error
}

// Error returns the message, which starts with "thidua/council:" and names the
// cluster and unit.
func (e *ClusterError) Error() string {
	s := fmt.Sprintf(prefix+"cluster %q", string(e.Cluster))
	if e.Year != 0 {
		s += fmt.Sprintf(" (year %d)", e.Year)
	}
	if e.Unit != "" {
		s += fmt.Sprintf(", unit %q", string(e.Unit))
	}
	return s + ": " + why(e.Err)
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *ClusterError) Unwrap() error { return e.Err }

// PollError is an error about one ballot round on one award.
type PollError struct {
	// Award is the award voted on.
	Award thidua.Award
	// Round is the round of the ballot (1 the vote, 2 ... runoffs); 0 when
	// the error is about no round in particular.
	Round int
	// Voter is the voter at fault, if one is.
	Voter MemberID
	// Unit is the unit at fault, if one is.
	Unit thidua.UnitID
	// Err is the sentinel or root error.
	Err error
}

// Error returns the message, which starts with "thidua/council:" and names the
// award, the round and the voter or unit.
func (e *PollError) Error() string {
	s := fmt.Sprintf(prefix+"ballot on %s, round %d", e.Award, e.Round)
	if e.Voter != "" {
		s += fmt.Sprintf(", voter %q", string(e.Voter))
	}
	if e.Unit != "" {
		s += fmt.Sprintf(", unit %q", string(e.Unit))
	}
	return s + ": " + why(e.Err)
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *PollError) Unwrap() error { return e.Err }

// FieldError is an error about one field of the session: Field names it and
// Value quotes it.
type FieldError struct {
	// Field names the field.
	Field string
	// Value quotes the value.
	Value string
	// Err is the sentinel or root error.
	Err error
}

// Error returns the message, which starts with "thidua/council:" and quotes the
// value.
func (e *FieldError) Error() string {
	return fmt.Sprintf(prefix+"%s %q: %s", e.Field, e.Value, why(e.Err))
}

// Unwrap returns the wrapped error, for errors.Is and errors.As.
func (e *FieldError) Unwrap() error { return e.Err }
