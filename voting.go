package thidua

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/shopspring/decimal"
)

// Share is an exact fraction Num/Den in (0, 1] with a comparison: "at least"
// (đạt từ ... trở lên) or "more than" (trên, quá). Build one with AtLeast or
// MoreThan; its fields are read through Num, Den and Strict. The zero Share
// means "no requirement". In JSON it is {"num": 4, "den": 5, "strict": true},
// and decoding refuses, as Validate does, a share outside (0, 1].
type Share struct {
	num    int64 // the numerator
	den    int64 // the denominator; 0 only in the zero Share
	strict bool  // "more than" when true, "at least" when false
}

// AtLeast returns the share "at least num/den", such as AtLeast(4, 5) for the
// 80% that Decree 98/2023 Điều 30 k7 requires for an Emulation Flag.
func AtLeast(num, den int64) Share { return Share{num: num, den: den} }

// MoreThan returns the share "more than num/den", such as MoreThan(1, 2) for a
// simple majority.
func MoreThan(num, den int64) Share { return Share{num: num, den: den, strict: true} }

// Num returns the numerator of the share.
func (s Share) Num() int64 { return s.num }

// Den returns the denominator of the share; it is 0 only in the zero Share.
func (s Share) Den() int64 { return s.den }

// Strict reports whether the share is "more than" (true) or "at least" (false).
func (s Share) Strict() bool { return s.strict }

// shareJSON is the JSON form of a Share.
type shareJSON struct {
	Num    int64 `json:"num"`
	Den    int64 `json:"den"`
	Strict bool  `json:"strict,omitempty"`
}

// MarshalJSON encodes the share as {"num", "den", "strict"}.
func (s Share) MarshalJSON() ([]byte, error) {
	return json.Marshal(shareJSON{Num: s.num, Den: s.den, Strict: s.strict})
}

// UnmarshalJSON decodes a share and validates it.
func (s *Share) UnmarshalJSON(b []byte) error {
	var p shareJSON
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	v := Share{num: p.Num, den: p.Den, strict: p.Strict}
	if err := v.Validate(); err != nil {
		return err
	}
	*s = v
	return nil
}

// IsZero reports whether s is the zero Share, meaning no requirement.
func (s Share) IsZero() bool { return s == Share{} }

// Validate reports whether s is the zero Share or a fraction in (0, 1], as a
// *FieldError wrapping ErrInvalidShare.
func (s Share) Validate() error {
	if s.IsZero() {
		return nil
	}
	if s.den <= 0 || s.num <= 0 || s.num > s.den {
		return &FieldError{Field: "share", Value: fmt.Sprintf("%d/%d", s.num, s.den), Err: ErrInvalidShare}
	}
	return nil
}

// Met reports whether count out of base meets the share, compared exactly as
// integers: count·Den ≥ Num·base ("at least") or count·Den > Num·base ("more
// than"). The zero Share is always met. Nothing meets a share of nothing (a
// base of 0: no votes cast, say), and negative inputs never meet a share.
func (s Share) Met(count, base int) bool {
	if s.IsZero() {
		return true
	}
	if count < 0 || base <= 0 || s.Validate() != nil {
		return false
	}
	c := cmp128(uint64(count), uint64(s.den), uint64(s.num), uint64(base))
	if s.strict {
		return c > 0
	}
	return c >= 0
}

// Needed returns the smallest count out of base that meets the share: for
// AtLeast(4, 5) of 9 it is 8, since 7/9 < 80% ≤ 8/9. It is exact for every
// base up to math.MaxInt: AtLeast(2, 3).Needed(math.MaxInt) is
// ⌈2·math.MaxInt/3⌉. It returns 0 for the zero Share, and base+1 when no
// count up to base can meet it (a base of 0, an invalid share, or MoreThan(1,
// 1)); at base math.MaxInt, where base+1 does not exist, that is
// math.MaxInt, which Met then refuses.
func (s Share) Needed(base int) int {
	if s.IsZero() || base < 0 {
		return 0
	}
	unmet := base + 1
	if base == math.MaxInt {
		unmet = math.MaxInt
	}
	if s.Validate() != nil || base == 0 {
		return unmet
	}
	// Num·base fits in 128 bits and Num·base/Den in 64, since Num ≤ Den.
	hi, lo := bits.Mul64(uint64(s.num), uint64(base))
	q, r := bits.Div64(hi, lo, uint64(s.den))
	switch {
	case s.strict:
		q++ // the smallest count with count·Den > Num·base
	case r != 0:
		q++ // the smallest count with count·Den ≥ Num·base
	}
	if q > uint64(base) {
		return unmet
	}
	return int(q)
}

// String returns "≥ 4/5" or "> 1/2", or "none" for the zero Share.
func (s Share) String() string {
	if s.IsZero() {
		return "none"
	}
	op := "≥"
	if s.strict {
		op = ">"
	}
	return fmt.Sprintf("%s %d/%d", op, s.num, s.den)
}

// cmp128 compares a·b with c·d without overflow.
func cmp128(a, b, c, d uint64) int {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	switch {
	case h1 != h2:
		if h1 < h2 {
			return -1
		}
		return 1
	case l1 != l2:
		if l1 < l2 {
			return -1
		}
		return 1
	}
	return 0
}

// Base names the count a threshold's share is taken of.
type Base uint8

// The bases of a threshold. Decree 98/2023 Điều 30 k7 takes its shares of all
// the members of the council (BaseElectorate), not of those present.
const (
	BaseElectorate Base = iota + 1 // all eligible voters (tổng số thành viên)
	BasePresent                    // voters present at the meeting
	BaseCast                       // ballots cast (phiếu phát ra thu về)
	BaseValid                      // valid ballots (phiếu hợp lệ)
)

var bases = enum[Base]{typ: "Base", field: "base", first: BaseElectorate,
	en:  []string{"", "electorate", "present", "cast", "valid"},
	vi:  []string{"", "tổng số thành viên", "số thành viên có mặt", "số phiếu thu về", "số phiếu hợp lệ"},
	err: ErrInvalidBase}

// IsValid reports whether b is one of the defined bases.
func (b Base) IsValid() bool { return bases.valid(b) }

// String returns "electorate", "present", "cast" or "valid".
func (b Base) String() string { return bases.name(b) }

// Vietnamese returns the base as minutes say it, such as "tổng số thành viên".
func (b Base) Vietnamese() string { return bases.vietnamese(b) }

// MarshalText encodes a valid base as its English name.
func (b Base) MarshalText() ([]byte, error) { return bases.marshal(b) }

// UnmarshalText accepts the names String returns.
func (b *Base) UnmarshalText(text []byte) error { return bases.set(b, text) }

// Of returns the threshold "this share of base": AtLeast(4, 5).Of(BaseElectorate).
func (s Share) Of(b Base) Threshold { return Threshold{Share: s, Base: b} }

// Threshold is the vote a candidate needs to pass: a Share of a Base, such as at
// least 80% of all members. The zero Threshold means no threshold.
type Threshold struct {
	// Share is the part of the base a candidate needs, such as AtLeast(4, 5);
	// the zero Share asks nothing.
	Share Share `json:"share"`
	// Base is what the share is taken of (all members, those present, the
	// votes cast or the valid votes).
	Base Base `json:"base,omitempty"`
}

// IsZero reports whether t is the zero Threshold, meaning no threshold.
func (t Threshold) IsZero() bool { return t.Share.IsZero() }

// Validate reports whether t is zero, or a valid share of a valid base.
func (t Threshold) Validate() error {
	if t.IsZero() {
		return nil
	}
	if err := t.Share.Validate(); err != nil {
		return err
	}
	if !t.Base.IsValid() {
		return &FieldError{Field: "base", Value: t.Base.String(), Err: ErrInvalidBase}
	}
	return nil
}

// Met reports whether votes out of base (the count Base names) meet the threshold.
func (t Threshold) Met(votes, base int) bool { return t.Share.Met(votes, base) }

// Same reports whether t and u ask for the same thing: equal fractions (4/5
// and 8/10 are the same), the same comparison and the same base, or both
// none. Use it rather than ==, which compares how the fraction is written.
func (t Threshold) Same(u Threshold) bool {
	if t.IsZero() || u.IsZero() {
		return t.IsZero() && u.IsZero()
	}
	return t.Base == u.Base && t.Share.strict == u.Share.strict && t.Share.den > 0 && u.Share.den > 0 &&
		cmp128(uint64(t.Share.num), uint64(u.Share.den), uint64(u.Share.num), uint64(t.Share.den)) == 0
}

// String returns "≥ 4/5 of electorate", or "none".
func (t Threshold) String() string {
	if t.IsZero() {
		return "none"
	}
	return t.Share.String() + " of " + t.Base.String()
}

// ContestID names a contest, such as "2023-flag" or "2024-leader". It is the
// caller's label: any string without combining marks or invisible characters
// (so that it has one spelling, the precomposed NFC form), and the zero
// ContestID is allowed.
type ContestID string

// Method is how a contest's ballots are counted (phương thức kiểm phiếu). The
// zero Method is not valid.
type Method uint8

// The counting methods. MethodApproval is the "đồng ý" ballot of a year-end review;
// the ranked methods take ordered tiers.
const (
	MethodApproval      Method = iota + 1 // each mark "đồng ý" is one vote; scores are approvals
	MethodPlurality                       // one choice per ballot; most first choices wins
	MethodTwoRound                        // a majority of first choices wins, else the top two meet in a second round counted from the rankings
	MethodBorda                           // points for places, base 0 (n-1 … 0) or base 1 (n … 1)
	MethodInstantRunoff                   // the fewest first choices are eliminated until someone has a majority
	MethodSchulze                         // beatpath, winning votes
	MethodRankedPairs                     // Tideman's ranked pairs, margins
	MethodCopeland                        // pairwise wins plus half of pairwise ties
	// The minimax methods elect the candidate whose worst pairwise defeat is
	// the smallest; they differ in how a defeat is measured.
	MethodMinimaxWinningVotes // votes for the winner of each defeat the candidate suffers
	MethodMinimaxMargins      // the margin of each pairwise contest, negative when the candidate wins it
	MethodMinimaxOpposition   // votes against the candidate in each pairing, won or lost; unlike the others it may pass over a Condorcet winner
)

var methods = enum[Method]{typ: "Method", field: "method", first: MethodApproval,
	en: []string{"", "approval", "plurality", "two_round", "borda", "instant_runoff",
		"schulze", "ranked_pairs", "copeland",
		"minimax_winning_votes", "minimax_margins", "minimax_opposition"},
	vi: []string{"", "bỏ phiếu đồng ý", "đa số tương đối", "bầu hai vòng", "đếm điểm Borda", "loại dần",
		"Schulze", "xếp cặp (ranked pairs)", "Copeland",
		"minimax (số phiếu thắng)", "minimax (hiệu số phiếu)", "minimax (số phiếu chống)"},
	err: ErrInvalidMethod}

// IsValid reports whether m is one of the defined methods.
func (m Method) IsValid() bool { return methods.valid(m) }

// String returns the method's name as the vote vectors spell it, such as
// "approval" or "instant_runoff".
func (m Method) String() string { return methods.name(m) }

// Vietnamese returns the method's name for minutes, such as "bỏ phiếu đồng ý".
func (m Method) Vietnamese() string { return methods.vietnamese(m) }

// MarshalText encodes a valid method as its name.
func (m Method) MarshalText() ([]byte, error) { return methods.marshal(m) }

// UnmarshalText accepts the names String returns.
func (m *Method) UnmarshalText(text []byte) error { return methods.set(m, text) }

// counts reports whether the method's scores are vote counts, so that a
// threshold can be applied to them.
// ranked reports whether m counts ordered tiers, whose work grows with the
// square of the candidates per ballot (MaxRankedCandidates).
func (m Method) ranked() bool { return m.IsValid() && m != MethodApproval && m != MethodPlurality }

// check refuses a contest ID with a combining mark or invisible character.
func (id ContestID) check() error {
	for _, r := range string(id) {
		if invisible(r) {
			return &FieldError{Field: "contest id", Value: string(id), Err: ErrDecomposedID}
		}
	}
	return nil
}

// digestParts returns the method and minimax variant as digests before the
// variants became methods wrote them (minimax 9 with variant 1, 2 or 3, every
// other method with variant 1), so that a digest stays what it was.
func (m Method) digestParts() (method, variant int) {
	switch m {
	case MethodMinimaxMargins:
		return int(MethodMinimaxWinningVotes), 2
	case MethodMinimaxOpposition:
		return int(MethodMinimaxWinningVotes), 3
	}
	return int(m), 1
}

func (m Method) counts() bool {
	return m == MethodApproval || m == MethodPlurality || m == MethodTwoRound || m == MethodInstantRunoff
}

// ContestSpec is the plain description of a contest (cuộc bỏ phiếu): what
// NewContest validates. JSON uses the snake_case names in the tags.
type ContestSpec struct {
	// ID is the caller's label for the contest; empty is allowed.
	ID ContestID `json:"id,omitempty"`
	// Title is what the minutes print for the contest, such as "Bầu cụm
	// trưởng năm 2025"; empty is allowed.
	Title string `json:"title,omitempty"`
	// Year is the emulation year the vote belongs to; 0 means not given.
	Year int `json:"year,omitempty"`
	// Candidates are the units on the ballot, in the order the ballot lists them.
	Candidates []UnitID `json:"candidates"`
	// Electorate is the number of eligible voters (tổng số thành viên): the
	// council or cluster members, present or not. It must be positive, and no
	// more votes may be cast than this.
	Electorate int `json:"electorate"`
	// Present is the number of voters present (có mặt); 0 means not recorded,
	// and then quorum and a Present threshold use the votes cast.
	Present int `json:"present,omitempty"`
	// Seats is how many may be elected; 0 means no limit.
	Seats int `json:"seats,omitempty"`
	// Method is how the ballots are counted; it must be set.
	Method Method `json:"method"`
	// BordaBase is the points for last place under Borda: 0 or 1.
	BordaBase int `json:"borda_base,omitempty"`
	// Threshold is the vote a candidate needs to pass, such as
	// AtLeast(4, 5).Of(BaseElectorate); zero means none. Only methods that count
	// votes (approval, plurality, two-round, instant runoff) take one.
	Threshold Threshold `json:"threshold"`
	// Quorum is the share of the electorate that must be present for the vote
	// to count, such as AtLeast(2, 3); zero means none.
	Quorum Share `json:"quorum"`
	// MaxMarks is the most "đồng ý" marks an approval ballot may carry; a
	// ballot with more is invalid. 0 means no limit.
	MaxMarks int `json:"max_marks,omitempty"`
	// BlankValid counts a blank ballot (phiếu trắng) as valid; otherwise it is
	// rejected as invalid.
	BlankValid bool `json:"blank_valid,omitempty"`
	// Open marks an open vote (biểu quyết), whose ballots may name their voter;
	// a secret ballot (bỏ phiếu kín) rejects any ballot that does.
	Open bool `json:"open,omitempty"`
	// ForbidSelfVote rejects, in an open vote, a ballot that marks its own
	// voter, or ranks its own voter first.
	ForbidSelfVote bool `json:"forbid_self_vote,omitempty"`
}

// Contest is one validated vote: candidates, electorate, seats, method,
// threshold, quorum and ballot rules. It is immutable and safe for concurrent
// use. The zero Contest has no candidates and tallies nothing.
type Contest struct {
	spec  ContestSpec
	index *candidateIndex
}

// candidateIndex finds a candidate's position: through the map for long
// lists, and for up to 64 candidates through a bitmask of the candidates
// that start with each byte, which is faster than hashing.
type candidateIndex struct {
	byID    map[UnitID]int
	byFirst [256]uint64
}

// NewContest validates spec and returns the contest. Errors are *UnitError
// (ErrInvalidID, ErrDuplicateCandidate) or *FieldError wrapping
// ErrNoCandidates, ErrInvalidElectorate, ErrInvalidSeats, ErrInvalidMethod,
// ErrInvalidOption, ErrInvalidShare, ErrInvalidBase or
// ErrThresholdMethod, or a *FieldError, or ErrDecomposedID for a contest ID
// with a combining mark. More candidates than MaxCandidates, or than
// MaxRankedCandidates for a ranked method, is a *FieldError wrapping ErrLimit.
func NewContest(spec ContestSpec) (Contest, error) {
	s := spec
	s.Candidates = slices.Clone(spec.Candidates)
	n := len(s.Candidates)
	if n == 0 {
		return Contest{}, &FieldError{Field: "candidates", Value: "[]", Err: ErrNoCandidates}
	}
	if err := spec.ID.check(); err != nil {
		return Contest{}, err
	}
	if !spec.Method.ranked() {
		if err := checkLimit("candidates", n, MaxCandidates); err != nil {
			return Contest{}, err
		}
	} else if err := checkLimit("candidates (ranked methods)", n, MaxRankedCandidates); err != nil {
		return Contest{}, err
	}
	index := make(map[UnitID]int, n)
	for i, id := range s.Candidates {
		if err := idErr(string(id)); err != nil {
			return Contest{}, &UnitError{ID: id, Err: err}
		}
		if _, dup := index[id]; dup {
			return Contest{}, &UnitError{ID: id, Err: ErrDuplicateCandidate}
		}
		index[id] = i
	}
	if s.Year != 0 {
		if err := checkYear("contest year", s.Year); err != nil {
			return Contest{}, err
		}
	}
	if s.Electorate <= 0 {
		return Contest{}, &FieldError{Field: "electorate", Value: strconv.Itoa(s.Electorate), Err: ErrInvalidElectorate}
	}
	if s.Present < 0 || s.Present > s.Electorate {
		return Contest{}, &FieldError{Field: "present", Value: strconv.Itoa(s.Present), Err: ErrInvalidElectorate}
	}
	if s.Seats < 0 || s.Seats > n {
		return Contest{}, &FieldError{Field: "seats", Value: strconv.Itoa(s.Seats), Err: ErrInvalidSeats}
	}
	if !s.Method.IsValid() {
		return Contest{}, &FieldError{Field: "method", Value: s.Method.String(), Err: ErrInvalidMethod}
	}
	if s.BordaBase != 0 && s.BordaBase != 1 {
		return Contest{}, &FieldError{Field: "borda_base", Value: strconv.Itoa(s.BordaBase), Err: ErrInvalidOption}
	}
	if s.MaxMarks < 0 {
		return Contest{}, &FieldError{Field: "max_marks", Value: strconv.Itoa(s.MaxMarks), Err: ErrInvalidOption}
	}
	if err := s.Threshold.Validate(); err != nil {
		return Contest{}, err
	}
	if !s.Threshold.IsZero() && !s.Method.counts() {
		return Contest{}, &FieldError{Field: "threshold", Value: s.Threshold.String(), Err: ErrThresholdMethod}
	}
	if err := s.Quorum.Validate(); err != nil {
		return Contest{}, &FieldError{Field: "quorum", Value: s.Quorum.String(), Err: ErrInvalidShare}
	}
	ci := &candidateIndex{byID: index}
	if n <= 64 {
		for i, id := range s.Candidates {
			ci.byFirst[id[0]] |= 1 << i
		}
	}
	return Contest{spec: s, index: ci}, nil
}

// MustContest is NewContest for tests and examples with literal input: it
// panics on an invalid spec.
func MustContest(spec ContestSpec) Contest {
	c, err := NewContest(spec)
	if err != nil {
		panic(err)
	}
	return c
}

// ID returns the contest's label.
func (c Contest) ID() ContestID { return c.spec.ID }

// Title returns the contest's title.
func (c Contest) Title() string { return c.spec.Title }

// Year returns the emulation year the vote belongs to, or 0 if not given.
func (c Contest) Year() int { return c.spec.Year }

// Method returns how the ballots are counted.
func (c Contest) Method() Method { return c.spec.Method }

// Candidates returns a copy of the candidates in ballot order.
func (c Contest) Candidates() []UnitID { return slices.Clone(c.spec.Candidates) }

// Electorate returns the number of eligible voters.
func (c Contest) Electorate() int { return c.spec.Electorate }

// Seats returns how many may be elected; 0 means no limit.
func (c Contest) Seats() int { return c.spec.Seats }

// Threshold returns the vote a candidate needs to pass.
func (c Contest) Threshold() Threshold { return c.spec.Threshold }

// Quorum returns the share of the electorate that must be present.
func (c Contest) Quorum() Share { return c.spec.Quorum }

// Spec returns a copy of the contest's description.
func (c Contest) Spec() ContestSpec {
	s := c.spec
	s.Candidates = slices.Clone(c.spec.Candidates)
	return s
}

// WithCandidates returns the contest with another candidate list, validated
// as NewContest does.
func (c Contest) WithCandidates(ids []UnitID) (Contest, error) {
	s := c.Spec()
	s.Candidates = ids
	return NewContest(s)
}

// WithSeats returns the contest with another number of seats, validated as
// NewContest does.
func (c Contest) WithSeats(seats int) (Contest, error) {
	s := c.Spec()
	s.Seats = seats
	return NewContest(s)
}

// Equal reports whether c and d describe the same contest.
func (c Contest) Equal(d Contest) bool {
	a, b := c.spec, d.spec
	if !slices.Equal(a.Candidates, b.Candidates) {
		return false
	}
	return a.ID == b.ID && a.Title == b.Title && a.Year == b.Year && a.Electorate == b.Electorate &&
		a.Present == b.Present && a.Seats == b.Seats && a.Method == b.Method && a.BordaBase == b.BordaBase &&
		a.Threshold == b.Threshold && a.Quorum == b.Quorum &&
		a.MaxMarks == b.MaxMarks && a.BlankValid == b.BlankValid && a.Open == b.Open && a.ForbidSelfVote == b.ForbidSelfVote
}

// String returns a one-line summary, such as
// `contest "2023-flag" (approval, 9 candidates, electorate 9, ≥ 4/5 of electorate)`.
func (c Contest) String() string {
	return fmt.Sprintf("contest %q (%s, %d candidates, electorate %d, %s)",
		string(c.spec.ID), c.spec.Method, len(c.spec.Candidates), c.spec.Electorate, c.spec.Threshold)
}

// MarshalJSON encodes the contest as its ContestSpec.
func (c Contest) MarshalJSON() ([]byte, error) {
	if c.index == nil {
		return nil, &FieldError{Field: "candidates", Value: "[]", Err: ErrNoCandidates}
	}
	return json.Marshal(c.spec)
}

// UnmarshalJSON decodes a ContestSpec and validates it as NewContest does.
func (c *Contest) UnmarshalJSON(b []byte) error {
	var s ContestSpec
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := NewContest(s)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// lookup returns the index of a candidate.
func (c Contest) lookup(id UnitID) (int, bool) {
	cands := c.spec.Candidates
	if len(cands) > 64 {
		i, ok := c.index.byID[id]
		return i, ok
	}
	if id == "" {
		return 0, false
	}
	for m := c.index.byFirst[id[0]]; m != 0; m &= m - 1 {
		i := bits.TrailingZeros64(m)
		if cands[i] == id {
			return i, true
		}
	}
	return 0, false
}

// Ballot is one ballot (lá phiếu), or Count identical ones. An approval ballot
// lists its "đồng ý" marks in Approve; a ranked ballot lists tiers in Ranking,
// best first, where a tier of several candidates is a tie on that ballot and
// the candidates it leaves out tie below all it ranks. A ballot with neither is
// blank (phiếu trắng). A MethodPlurality contest takes either shape: one mark, or a
// ranking whose first tier is one candidate. The zero Ballot is one blank
// secret ballot.
type Ballot struct {
	// Approve lists the candidates marked "đồng ý", each once.
	Approve []UnitID `json:"approve,omitempty"`
	// Ranking lists the ranked candidates in tiers, best first; a tier of
	// several is a tie on this ballot.
	Ranking [][]UnitID `json:"ranking,omitempty"`
	// Voter names who cast the ballot, in an open vote (biểu quyết) only; a
	// secret ballot must leave it empty.
	Voter UnitID `json:"voter,omitempty"`
	// Count is the number of identical ballots this one stands for; 0 means 1.
	Count int `json:"count,omitempty"`
	// Weight is how many votes each of them carries; 0 means 1. A ballot of
	// weight w counts exactly as w identical ballots: in the tally, in Cast,
	// Valid, Invalid and Blank, and against the electorate.
	Weight int `json:"weight,omitempty"`
}

func orOne(n int) int {
	if n == 0 {
		return 1
	}
	return n
}

// IsBlank reports whether b marks nobody.
func (b Ballot) IsBlank() bool { return len(b.Approve) == 0 && len(b.Ranking) == 0 }

// RejectedBallot is a ballot the tally counted as invalid (phiếu không hợp
// lệ), with why. Index is its position in the slice passed to Tally; Votes is
// how many votes it stood for (Count × Weight); Err is a *BallotError.
type RejectedBallot struct {
	Index int `json:"index"` // the ballot's position in the slice passed to Tally
	Votes int `json:"votes"` // the votes it stood for (Count × Weight)
	// Err is why it is invalid, a *BallotError. In JSON it is the object
	// {"reason", "candidate"}, the reason being the sentinel's key (see
	// RejectedBallot.MarshalJSON).
	Err error `json:"error"`
}

// CandidateScore is one candidate's figures in a Result.
type CandidateScore struct {
	// Candidate is the unit these figures are for.
	Candidate UnitID `json:"candidate"`
	// Votes is the integral figure the method counts: approvals (approval),
	// first choices (plurality), votes in the last round the candidate took
	// part in (two-round, instant runoff), Borda points, the number of
	// candidates the candidate beats (Schulze: in the beatpath relation;
	// ranked pairs: in the locked order; Copeland: pairwise wins, without the
	// half points of ties), or the minimax score (the worst defeat: lower is
	// better, and negative under MethodMinimaxMargins for a candidate who wins every pair).
	Votes int `json:"votes"`
	// Score is the method's score: Votes, except under Copeland where it is
	// pairwise wins plus half of pairwise ties. In JSON it is a string.
	Score decimal.Decimal `json:"score"`
}

// Round is one count of a multi-round method (two-round, instant runoff).
type Round struct {
	// Votes are the votes of each candidate still in the count.
	Votes map[UnitID]int `json:"votes"`
	// Exhausted counts valid ballots, other than blank ones, that name none of
	// the candidates still in the count (or, in a second round, rank the
	// finalists equally). Blank ballots are counted in Result.Blank.
	Exhausted int `json:"exhausted"`
	// Eliminated are the candidates dropped after this round (instant runoff:
	// all tied for the fewest votes go together).
	Eliminated []UnitID `json:"eliminated,omitempty"`
}

// Result is the outcome of a tally (kết quả kiểm phiếu). Every field is a
// plain value that the caller owns; candidates appear in the contest's order
// within a tier.
type Result struct {
	// Contest is the contest that was tallied.
	Contest Contest `json:"contest"`
	// Cast counts the votes cast (phiếu thu về), Valid and Invalid split them
	// (Cast = Valid + Invalid), and Blank counts the blank ballots among the
	// valid ones (0 when blank ballots are not valid: they are then invalid).
	// Each ballot counts Count × Weight times.
	Cast    int `json:"cast"`
	Valid   int `json:"valid"`   // valid votes (phiếu hợp lệ)
	Invalid int `json:"invalid"` // invalid votes (phiếu không hợp lệ)
	Blank   int `json:"blank"`   // blank votes among the valid ones
	// Rejected lists every invalid ballot with its reason, in input order.
	Rejected []RejectedBallot `json:"rejected,omitempty"`
	// Scores holds each candidate's figures, in the contest's order.
	Scores []CandidateScore `json:"scores"`
	// Ranking is the candidates in tiers, best first; a tier of several is a
	// tie the method does not break. Vote-count methods and Borda and
	// Copeland rank by score; minimax by score, lowest first; instant runoff
	// the winner, then the rest in reverse order of elimination; Schulze and
	// ranked pairs by repeated extraction: the first tier is every candidate
	// no remaining candidate beats, then the same among the rest.
	Ranking [][]UnitID `json:"ranking"`
	// Winners is the first tier of Ranking: a tie when it holds two or more.
	Winners []UnitID `json:"winners"`
	// Passed lists the candidates whose Votes meet the threshold, in ranking
	// order; with no threshold, every candidate passes.
	Passed []UnitID `json:"passed"`
	// Elected lists those elected within the seats, in ranking order: the
	// passed candidates, tier by tier, as long as a whole tier fits in the
	// seats. With no seat limit it is every passed candidate when there is a
	// threshold, and the winners when there is none.
	Elected []UnitID `json:"elected"`
	// Tied lists the candidates tied for the last seats when a tier does not
	// fit the seats left (bằng phiếu tại vị trí cuối); Runoff builds their
	// next round. Empty when the seats were filled cleanly or too few passed.
	Tied []UnitID `json:"tied,omitempty"`
	// OpenSeats counts the seats left unfilled: for a runoff among Tied, or
	// because too few candidates passed.
	OpenSeats int `json:"open_seats,omitempty"`
	// Rounds holds each count of a two-round or instant-runoff contest.
	Rounds []Round `json:"rounds,omitempty"`
	// Pairwise[i][j] is the number of votes ranking candidate i above
	// candidate j, indexed as Contest.Candidates; only for Schulze, ranked
	// pairs, Copeland and minimax.
	Pairwise [][]int `json:"pairwise,omitempty"`
	// Digest is a SHA-256 over a canonical encoding of the contest and the
	// ballots, independent of ballot order and of whether identical ballots
	// come as copies, with a Count or with a Weight, so that a count can be
	// re-checked. In JSON it is 64 lowercase hex digits.
	Digest [32]byte `json:"digest"`
}

// score returns the candidate's figures, or false if it is not a candidate.
func (r Result) score(id UnitID) (CandidateScore, bool) {
	for _, s := range r.Scores {
		if s.Candidate == id {
			return s, true
		}
	}
	return CandidateScore{}, false
}

// Votes returns the candidate's integral figure (see CandidateScore.Votes),
// or 0 for a unit that is not a candidate.
func (r Result) Votes(id UnitID) int {
	s, _ := r.score(id)
	return s.Votes
}

// Score returns the candidate's score under the method (see
// CandidateScore.Score), or zero for a unit that is not a candidate.
func (r Result) Score(id UnitID) decimal.Decimal {
	s, _ := r.score(id)
	return s.Score
}

// Runoff returns the contest for the next round (bỏ phiếu lại): the same
// contest among the candidates in Tied, for the OpenSeats still open. Which
// round it is, and what happens after the last one the rules allow, is the
// caller's concern. It returns ErrNoRunoff when nobody is tied at the cut-off.
func (r Result) Runoff() (Contest, error) {
	if len(r.Tied) == 0 {
		return Contest{}, ErrNoRunoff
	}
	s := r.Contest.Spec()
	s.Candidates = slices.Clone(r.Tied)
	s.Seats = r.OpenSeats
	return NewContest(s)
}

// Equal reports whether r and o hold the same figures; rejected ballots are
// compared by index, votes and message.
func (r Result) Equal(o Result) bool {
	if !r.Contest.Equal(o.Contest) || r.Cast != o.Cast || r.Valid != o.Valid || r.Invalid != o.Invalid ||
		r.Blank != o.Blank || r.OpenSeats != o.OpenSeats || r.Digest != o.Digest {
		return false
	}
	if !slices.EqualFunc(r.Rejected, o.Rejected, func(a, b RejectedBallot) bool {
		return a.Index == b.Index && a.Votes == b.Votes && errString(a.Err) == errString(b.Err)
	}) {
		return false
	}
	if !slices.EqualFunc(r.Scores, o.Scores, func(a, b CandidateScore) bool {
		return a.Candidate == b.Candidate && a.Votes == b.Votes && a.Score.Equal(b.Score)
	}) {
		return false
	}
	tiers := func(a, b [][]UnitID) bool { return slices.EqualFunc(a, b, slices.Equal) }
	if !tiers(r.Ranking, o.Ranking) || !slices.Equal(r.Winners, o.Winners) || !slices.Equal(r.Passed, o.Passed) ||
		!slices.Equal(r.Elected, o.Elected) || !slices.Equal(r.Tied, o.Tied) {
		return false
	}
	if !slices.EqualFunc(r.Pairwise, o.Pairwise, slices.Equal) {
		return false
	}
	return slices.EqualFunc(r.Rounds, o.Rounds, func(a, b Round) bool {
		return a.Exhausted == b.Exhausted && maps.Equal(a.Votes, b.Votes) && slices.Equal(a.Eliminated, b.Eliminated)
	})
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// group is a set of identical valid ballots in canonical form: rank[i] is the
// tier of candidate i (0 best; tiers for a candidate left out), votes is
// count × weight.
type group struct {
	h     uint64 // FNV-1a of the canonical key
	rank  []uint16
	votes int
	extra int32 // 1 + index of the ballot's voter in keyer.voters, or 0 for none
	tiers uint16
	blank bool
}

// keyer rebuilds a group's canonical key (see canonicalKey) on demand, so
// that the groups need not store it.
type keyer struct {
	voters []UnitID // what few ballots carry: the voter of an open vote
}

func (k *keyer) key(dst []byte, g *group) []byte {
	v := UnitID("")
	if g.extra > 0 {
		v = k.voters[g.extra-1]
	}
	return canonicalKey(dst, g.rank, int(g.tiers), v)
}

// canonicalOrder returns the groups sorted by a fixed hash of their key, then
// by the key: an order that depends only on the set of keys, as the digest
// needs. The sort runs on packed integers (the hash's high bits and the
// position), and only runs of equal high bits, which are rare unless the keys
// are equal, are sorted again by hash and key.
func canonicalOrder(store []group, k *keyer) []*group {
	var ka, kb []byte
	byKey := func(a, b *group) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		ka, kb = k.key(ka[:0], a), k.key(kb[:0], b)
		return bytes.Compare(ka, kb)
	}
	all := make([]*group, len(store))
	const idxBits = 24
	if len(store) >= 1<<idxBits {
		for i := range store {
			all[i] = &store[i]
		}
		slices.SortFunc(all, byKey)
		return all
	}
	packed := make([]uint64, len(store))
	for i := range store {
		packed[i] = store[i].h>>idxBits<<idxBits | uint64(i)
	}
	slices.Sort(packed)
	for i, p := range packed {
		all[i] = &store[p&(1<<idxBits-1)]
	}
	for a := 0; a < len(packed); {
		b := a + 1
		for b < len(packed) && packed[b]>>idxBits == packed[a]>>idxBits {
			b++
		}
		if b-a > 1 {
			slices.SortFunc(all[a:b], byKey)
		}
		a = b
	}
	return all
}

// chunks hands out copies of small slices from large shared blocks, so that
// recording a ballot does not allocate.
type chunks[T any] struct {
	buf  []T
	size int
}

func (c *chunks[T]) add(xs []T) []T {
	if len(c.buf)+len(xs) > cap(c.buf) {
		c.buf = make([]T, 0, max(c.size, len(xs)))
	}
	c.buf = append(c.buf, xs...)
	return c.buf[len(c.buf)-len(xs) : len(c.buf) : len(c.buf)]
}

// histLimit is the largest candidate list whose approval ballots are counted
// in a histogram indexed by the bitmask of marks.
const histLimit = 12

// Tally counts the ballots and returns the Result. Problems with one ballot
// make that ballot invalid: it is listed in Result.Rejected with a
// *BallotError, and the count goes on. Problems with the whole vote are errors:
// a negative Count or Weight (*BallotError wrapping ErrInvalidCount), more
// votes cast than the electorate (*FieldError wrapping ErrTooManyBallots), or a
// vote below quorum (*FieldError wrapping ErrNoQuorum). More than MaxBallots
// entries, more work than MaxBallotWork, or under Borda so many votes cast that
// a candidate's points could exceed math.MaxInt, is a *FieldError wrapping
// ErrLimit: no count is ever wrong by overflow.
func (c Contest) Tally(ballots []Ballot) (Result, error) {
	if c.index == nil {
		return Result{}, &FieldError{Field: "candidates", Value: "[]", Err: ErrNoCandidates}
	}
	s := &c.spec
	n := len(s.Candidates)
	if err := checkLimit("ballots", len(ballots), MaxBallots); err != nil {
		return Result{}, err
	}
	work, per := len(ballots)*n, "ballots × candidates"
	if s.Method.ranked() {
		work, per = work*n, "ballots × candidates²"
	}
	if err := checkLimit(per, work, MaxBallotWork); err != nil {
		return Result{}, err
	}
	cast := 0
	for i, b := range ballots {
		if b.Count < 0 || b.Weight < 0 {
			return Result{}, &BallotError{Index: i, Err: ErrInvalidCount}
		}
		cnt, w := orOne(b.Count), orOne(b.Weight)
		if cnt > (s.Electorate-cast)/w { // cnt·w > room, without overflow
			return Result{}, &FieldError{Field: "cast", Value: fmt.Sprintf("more than %d", s.Electorate), Err: ErrTooManyBallots}
		}
		cast += cnt * w
	}
	if top := n - 1 + s.BordaBase; s.Method == MethodBorda && top > 0 && cast > math.MaxInt/top {
		// A candidate's Borda points, up to cast·top, must fit in an int.
		return Result{}, limitError("votes cast (Borda points)", cast, math.MaxInt/top)
	}
	turnout := cast
	if s.Present > 0 {
		turnout = s.Present
	}
	if !s.Quorum.Met(turnout, s.Electorate) {
		return Result{}, quorumError(turnout, s.Quorum.Needed(s.Electorate), s.Electorate)
	}

	r := Result{Contest: c, Cast: cast}
	var hist []int
	if s.Method == MethodApproval && n <= histLimit {
		hist = make([]int, 1<<n)
	}
	// Valid ballots are recorded in canonical form, then sorted and merged:
	// no map, and the sorted order is the one the digest needs.
	var store []group
	var ranks chunks[uint16]
	var k keyer
	add := func(key []byte, rank []uint16, tiers, votes int, blank bool, voter UnitID) {
		if store == nil {
			size := len(ballots)
			if hist != nil {
				size = len(hist) // few ballots take the general path then
			}
			store = make([]group, 0, size)
			ranks.size = 4096 * len(rank)
		}
		g := group{h: fnv64(key), rank: ranks.add(rank), tiers: uint16(tiers), votes: votes, blank: blank}
		if voter != "" {
			k.voters = append(k.voters, voter)
			g.extra = int32(len(k.voters))
		}
		store = append(store, g)
	}
	invalid := map[string]int{}
	// In an open vote, count the ballots naming each voter first, so that a
	// voter with two ballots has both rejected, whatever their order.
	var voters map[UnitID]int
	for _, b := range ballots {
		if b.Voter != "" {
			if voters == nil {
				voters = map[UnitID]int{}
			}
			voters[b.Voter] += orOne(b.Count)
		}
	}
	rank := make([]uint16, n)
	key := make([]byte, 0, 2*n+16)
	for i, b := range ballots {
		votes := orOne(b.Count) * orOne(b.Weight)
		if hist != nil && b.Voter == "" && b.Weight <= 1 && b.Ranking == nil {
			if mask, err := c.approvalMask(b.Approve); err == nil {
				if mask == 0 {
					if !s.BlankValid {
						r.reject(i, votes, &BallotError{Index: i, Err: ErrBlankBallot}, invalid, b)
						continue
					}
					r.Blank += votes
				}
				r.Valid += votes
				hist[mask] += votes
				continue
			}
			// Fall through to the general path, which finds the reason.
		}
		tiers, blank, err := c.parse(i, b, rank, voters)
		if err != nil {
			r.reject(i, votes, err, invalid, b)
			continue
		}
		r.Valid += votes
		if blank {
			r.Blank += votes
		}
		key = canonicalKey(key[:0], rank, tiers, b.Voter)
		add(key, rank, tiers, votes, blank, b.Voter)
	}
	for mask, votes := range hist {
		if votes == 0 {
			continue
		}
		for j := range rank {
			rank[j] = uint16(1 &^ (mask >> j))
		}
		key = canonicalKey(key[:0], rank, 1, "")
		add(key, rank, 1, votes, mask == 0, "")
	}
	r.Invalid = r.Cast - r.Valid
	all := canonicalOrder(store, &k)
	var list []*group
	var ka []byte
	for _, g := range all {
		if j := len(list) - 1; j >= 0 && list[j].h == g.h {
			key, ka = k.key(key[:0], list[j]), k.key(ka[:0], g)
			if bytes.Equal(key, ka) {
				list[j].votes += g.votes
				g.votes = 0 // merged into its twin
				continue
			}
		}
		list = append(list, g)
	}
	r.Digest = c.digest(list, invalid, &k)
	// Count in the order the ballots came, which walks memory in order; the
	// sums do not depend on it.
	seq := all[:0]
	for i := range store {
		if store[i].votes > 0 {
			seq = append(seq, &store[i])
		}
	}
	c.count(&r, seq)
	r.settle()
	return r, nil
}

// approvalMask returns the bitmask of an approval ballot's marks, or an error
// when the ballot is not a valid approval ballot (the general path says why).
func (c Contest) approvalMask(marks []UnitID) (uint64, error) {
	if c.spec.MaxMarks > 0 && len(marks) > c.spec.MaxMarks {
		return 0, ErrTooManyMarks
	}
	var mask uint64
	for _, id := range marks {
		j, ok := c.lookup(id)
		if !ok || mask&(1<<j) != 0 {
			return 0, ErrUnknownCandidate
		}
		mask |= 1 << j
	}
	return mask, nil
}

// reject records ballot i as invalid.
func (r *Result) reject(i, votes int, err error, invalid map[string]int, b Ballot) {
	r.Rejected = append(r.Rejected, RejectedBallot{Index: i, Votes: votes, Err: err})
	invalid[rawKey(b)] += votes
}

// parse checks ballot i and writes its canonical ranks into rank. It returns
// the number of listed tiers and whether the ballot is blank.
func (c Contest) parse(i int, b Ballot, rank []uint16, voters map[UnitID]int) (int, bool, error) {
	s := &c.spec
	bad := func(id UnitID, err error) (int, bool, error) {
		return 0, false, &BallotError{Index: i, Candidate: id, Err: err}
	}
	if b.Voter != "" {
		if !s.Open {
			return bad("", ErrVoterOnSecret)
		}
		if err := idErr(string(b.Voter)); err != nil {
			return bad(b.Voter, err)
		}
		if voters[b.Voter] > 1 {
			return bad(b.Voter, ErrDuplicateVoter)
		}
	}
	if len(b.Approve) > 0 && len(b.Ranking) > 0 {
		return bad("", ErrBallotShape)
	}
	const unset = ^uint16(0)
	tiers := 0
	switch {
	case len(b.Approve) > 0:
		if s.Method != MethodApproval && s.Method != MethodPlurality {
			return bad("", ErrBallotShape)
		}
		for j := range rank {
			rank[j] = 1
		}
		for _, id := range b.Approve {
			j, ok := c.lookup(id)
			if !ok {
				return bad(id, ErrUnknownCandidate)
			}
			if rank[j] == 0 {
				return bad(id, ErrDuplicateMark)
			}
			rank[j] = 0
		}
		limit := s.MaxMarks
		if s.Method == MethodPlurality {
			limit = 1
		}
		if limit > 0 && len(b.Approve) > limit {
			return bad("", ErrTooManyMarks)
		}
		tiers = 1
	case len(b.Ranking) > 0:
		if s.Method == MethodApproval {
			return bad("", ErrBallotShape)
		}
		for j := range rank {
			rank[j] = unset
		}
		for t, tier := range b.Ranking {
			if len(tier) == 0 {
				return bad("", ErrBallotShape)
			}
			if len(tier) > 1 && (s.Method == MethodInstantRunoff || (t == 0 && (s.Method == MethodPlurality || s.Method == MethodTwoRound))) {
				return bad(tier[0], ErrBallotShape)
			}
			for _, id := range tier {
				j, ok := c.lookup(id)
				if !ok {
					return bad(id, ErrUnknownCandidate)
				}
				if rank[j] != unset {
					return bad(id, ErrDuplicateMark)
				}
				rank[j] = uint16(t)
			}
		}
		tiers = len(b.Ranking)
		for j := range rank {
			if rank[j] == unset {
				rank[j] = uint16(tiers)
			}
		}
	default:
		if !s.BlankValid {
			return bad("", ErrBlankBallot)
		}
		blankTiers := 0
		if s.Method == MethodApproval || s.Method == MethodPlurality {
			blankTiers = 1 // the same canonical form as an approval ballot with no marks
		}
		for j := range rank {
			rank[j] = uint16(blankTiers)
		}
		return blankTiers, true, nil
	}
	if s.Open && s.ForbidSelfVote && b.Voter != "" {
		// A vote for oneself is a mark for oneself, or oneself ranked first.
		if j, ok := c.lookup(b.Voter); ok && rank[j] == 0 {
			return bad(b.Voter, ErrSelfVote)
		}
	}
	return tiers, false, nil
}

// canonicalKey encodes a valid ballot: its ranks, tiers and voter. The
// weight is not part of it: a ballot of weight w is w identical ballots, so it
// joins their group, and its votes are in the group's count. The slot where
// the weight once was always holds 1, so that the digests of unweighted
// ballots are those of earlier versions.
func canonicalKey(dst []byte, rank []uint16, tiers int, voter UnitID) []byte {
	dst = append(dst, 'V')
	for _, x := range rank {
		dst = binary.BigEndian.AppendUint16(dst, x)
	}
	dst = binary.BigEndian.AppendUint16(dst, uint16(tiers))
	dst = binary.BigEndian.AppendUint64(dst, 1)
	return append(dst, voter...)
}

// rawKey encodes an invalid ballot as given, with marks sorted within a tier,
// and without its weight, as canonicalKey.
func rawKey(b Ballot) string {
	var dst []byte
	str := func(s UnitID) {
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(s)))
		dst = append(dst, s...)
	}
	dst = append(dst, 'I')
	dst = binary.BigEndian.AppendUint64(dst, 1) // as in canonicalKey
	str(b.Voter)
	tier := func(t []UnitID) {
		t = slices.Clone(t)
		slices.Sort(t)
		dst = binary.BigEndian.AppendUint32(dst, uint32(len(t)))
		for _, id := range t {
			str(id)
		}
	}
	tier(b.Approve)
	dst = binary.BigEndian.AppendUint32(dst, uint32(len(b.Ranking)))
	for _, t := range b.Ranking {
		tier(t)
	}
	return string(dst)
}

// digest hashes the contest and the grouped ballots.
func (c Contest) digest(list []*group, invalid map[string]int, k *keyer) [32]byte {
	h := sha256.New()
	s := c.spec
	var buf []byte
	str := func(x string) {
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(x)))
		buf = append(buf, x...)
	}
	num := func(x int64) { buf = binary.BigEndian.AppendUint64(buf, uint64(x)) }
	flag := func(x bool) {
		if x {
			buf = append(buf, 1)
		} else {
			buf = append(buf, 0)
		}
	}
	str("thidua contest v1")
	str(string(s.ID))
	str(s.Title)
	num(int64(s.Year))
	num(int64(len(s.Candidates)))
	for _, id := range s.Candidates {
		str(string(id))
	}
	method, variant := s.Method.digestParts()
	for _, x := range []int{s.Electorate, s.Present, s.Seats, method, s.BordaBase, variant, s.MaxMarks} {
		num(int64(x))
	}
	for _, sh := range []Share{s.Threshold.Share, s.Quorum} {
		num(sh.num)
		num(sh.den)
		flag(sh.strict)
	}
	num(int64(s.Threshold.Base))
	flag(s.BlankValid)
	flag(s.Open)
	flag(s.ForbidSelfVote)
	keys := slices.Sorted(maps.Keys(invalid))
	var key []byte
	for _, g := range list {
		key = k.key(key[:0], g)
		buf = binary.BigEndian.AppendUint32(buf, uint32(len(key)))
		buf = append(buf, key...)
		num(int64(g.votes))
		if len(buf) > 1<<15 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	for _, k := range keys {
		str(k)
		num(int64(invalid[k]))
	}
	h.Write(buf)
	var d [32]byte
	h.Sum(d[:0])
	return d
}

// count fills Scores, Ranking, Rounds and Pairwise by the contest's method.
func (c Contest) count(r *Result, list []*group) {
	n := len(c.spec.Candidates)
	votes := make([]int, n)
	var twice []int // Copeland: twice the score, to keep halves integral
	var ranking [][]int
	switch m := c.spec.Method; {
	case m == MethodApproval || m == MethodPlurality:
		for _, g := range list {
			if g.blank {
				continue
			}
			for j, x := range g.rank {
				if x == 0 {
					votes[j] += g.votes
				}
			}
		}
		ranking = tiersBy(n, func(i, j int) int { return cmp.Compare(votes[j], votes[i]) })
	case m == MethodBorda:
		var below []int
		for _, g := range list {
			if g.blank {
				continue
			}
			// below[t] is how many candidates this ballot ranks in tiers
			// after t: one pass to count each tier, one to sum them.
			if need := int(g.tiers) + 1; len(below) < need {
				below = make([]int, need)
			}
			clear(below)
			for _, x := range g.rank {
				below[x]++
			}
			for t, acc := len(below)-1, 0; t >= 0; t-- {
				below[t], acc = acc, acc+below[t]
			}
			for i, x := range g.rank {
				votes[i] += g.votes * (below[x] + c.spec.BordaBase)
			}
		}
		ranking = tiersBy(n, func(i, j int) int { return cmp.Compare(votes[j], votes[i]) })
	case m == MethodInstantRunoff:
		ranking = c.instantRunoff(r, list, votes)
	case m == MethodTwoRound:
		ranking = c.twoRound(r, list, votes)
	default:
		d := pairwise(n, list)
		r.Pairwise = d
		ranking, twice = c.condorcet(d, votes)
	}
	ids := c.spec.Candidates
	r.Scores = make([]CandidateScore, n)
	for i, id := range ids {
		sc := decimal.NewFromInt(int64(votes[i]))
		if twice != nil {
			sc = decimal.New(int64(twice[i])*5, -1)
		}
		r.Scores[i] = CandidateScore{Candidate: id, Votes: votes[i], Score: sc}
	}
	r.Ranking = make([][]UnitID, len(ranking))
	for t, tier := range ranking {
		r.Ranking[t] = make([]UnitID, len(tier))
		for k, i := range tier {
			r.Ranking[t][k] = ids[i]
		}
	}
}

// Base returns the count the contest's threshold is a share of: the
// electorate, those present (the votes cast when Present was not recorded),
// the votes cast, or the valid votes. With no threshold it is the electorate.
func (r Result) Base() int {
	s := r.Contest.spec
	switch s.Threshold.Base {
	case BasePresent:
		if s.Present > 0 {
			return s.Present
		}
		return r.Cast
	case BaseCast:
		return r.Cast
	case BaseValid:
		return r.Valid
	}
	return s.Electorate
}

// settle fills Winners, Passed, Elected, Tied and OpenSeats from the ranking.
func (r *Result) settle() {
	s := r.Contest.spec
	if len(r.Ranking) > 0 {
		r.Winners = slices.Clone(r.Ranking[0])
	}
	base := r.Base()
	var passed [][]UnitID
	for _, tier := range r.Ranking {
		var p []UnitID
		for _, id := range tier {
			if s.Threshold.Met(r.Votes(id), base) {
				p = append(p, id)
			}
		}
		if len(p) > 0 {
			passed = append(passed, p)
			r.Passed = append(r.Passed, p...)
		}
	}
	switch {
	case s.Seats == 0 && s.Threshold.IsZero():
		r.Elected = slices.Clone(r.Winners)
	case s.Seats == 0:
		r.Elected = slices.Clone(r.Passed)
	default:
		sizes := make([]int, len(passed))
		for t, tier := range passed {
			sizes[t] = len(tier)
		}
		elected, tied := seatTiers(sizes, s.Seats)
		for _, tier := range passed[:elected] {
			r.Elected = append(r.Elected, tier...)
		}
		if tied >= 0 {
			r.Tied = slices.Clone(passed[tied])
		}
		r.OpenSeats = s.Seats - len(r.Elected)
	}
}

// seatTiers is the seat count Tally and the experiment runner share: it fills
// seats (at least 1) from tiers of passed candidates, best first, sizes[t] in
// tier t, as long as a whole tier fits. It returns how many tiers are elected,
// and the tier tied for the last seats (bằng phiếu tại vị trí cuối), or -1
// when the seats were filled cleanly or too few passed.
func seatTiers(sizes []int, seats int) (elected, tied int) {
	filled := 0
	for t, n := range sizes {
		if filled == seats {
			return t, -1 // every seat is filled: the next tier is not tied for one
		}
		if filled+n > seats {
			return t, t
		}
		filled += n
	}
	return len(sizes), -1
}

// fnv64 is the 64-bit FNV-1a hash, a fixed function so the digest's order
// is the same on every run.
func fnv64(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// tiersBy sorts the candidate indices by cmp (stable, so the contest's order
// holds within a tier) and groups equal ones into tiers.
func tiersBy(n int, cmp func(i, j int) int) [][]int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, cmp)
	var tiers [][]int
	for k, i := range order {
		if k > 0 && cmp(order[k-1], i) == 0 {
			tiers[len(tiers)-1] = append(tiers[len(tiers)-1], i)
			continue
		}
		tiers = append(tiers, []int{i})
	}
	return tiers
}

// roundVotes returns a Round of the given counts for the candidates in.
func (c Contest) roundVotes(counts []int, in []bool, exhausted int) Round {
	rd := Round{Votes: map[UnitID]int{}, Exhausted: exhausted}
	for i, ok := range in {
		if ok {
			rd.Votes[c.spec.Candidates[i]] = counts[i]
		}
	}
	return rd
}

// firstAmong counts each ballot for its best-ranked candidate among in; a
// ballot whose best is shared by several, or is a candidate it left out,
// is exhausted.
func firstAmong(list []*group, in []bool, counts []int) (exhausted int) {
	clear(counts)
	for _, g := range list {
		if g.blank {
			continue
		}
		best, who, shared := uint16(g.tiers), -1, false
		for i, x := range g.rank {
			if !in[i] || x > best {
				continue
			}
			if x == best {
				shared = true
				continue
			}
			best, who, shared = x, i, false
		}
		if who < 0 || shared {
			exhausted += g.votes
			continue
		}
		counts[who] += g.votes
	}
	return exhausted
}

// instantRunoff eliminates the candidates with the fewest first choices among
// those left (all tied for the fewest together) until one has more than half
// of the votes still counting, or all left are tied.
func (c Contest) instantRunoff(r *Result, list []*group, votes []int) [][]int {
	n := len(votes)
	in := make([]bool, n)
	for i := range in {
		in[i] = true
	}
	left := n
	counts := make([]int, n)
	var out [][]int // eliminated tiers, in order
	for {
		exhausted := firstAmong(list, in, counts)
		rd := c.roundVotes(counts, in, exhausted)
		total, low := 0, -1
		for i := range counts {
			if in[i] {
				votes[i] = counts[i]
				total += counts[i]
				if low < 0 || counts[i] < low {
					low = counts[i]
				}
			}
		}
		majority := false
		for i := range counts {
			if in[i] && 2*counts[i] > total {
				majority = true
			}
		}
		var losers []int
		for i := range counts {
			if in[i] && counts[i] == low {
				losers = append(losers, i)
			}
		}
		if majority || left == 1 || len(losers) == left {
			r.Rounds = append(r.Rounds, rd)
			break
		}
		for _, i := range losers {
			in[i] = false
			rd.Eliminated = append(rd.Eliminated, c.spec.Candidates[i])
		}
		left -= len(losers)
		out = append(out, losers)
		r.Rounds = append(r.Rounds, rd)
	}
	var still []int
	for i, ok := range in {
		if ok {
			still = append(still, i)
		}
	}
	ranking := tiersOf(still, func(i, j int) int { return cmp.Compare(votes[j], votes[i]) })
	for k := len(out) - 1; k >= 0; k-- {
		ranking = append(ranking, out[k])
	}
	return ranking
}

// tiersOf is tiersBy over a subset of candidates.
func tiersOf(ids []int, cmp func(i, j int) int) [][]int {
	t := tiersBy(len(ids), func(a, b int) int { return cmp(ids[a], ids[b]) })
	for _, tier := range t {
		for k := range tier {
			tier[k] = ids[tier[k]]
		}
	}
	return t
}

// twoRound elects a candidate with more than half of the first choices; else
// the top two (every candidate tied for first, or the first and all tied for
// second) meet in a second round, counted from each ballot's ranking of them.
func (c Contest) twoRound(r *Result, list []*group, votes []int) [][]int {
	n := len(votes)
	in := make([]bool, n)
	for i := range in {
		in[i] = true
	}
	first := make([]int, n)
	exhausted := firstAmong(list, in, first)
	r.Rounds = append(r.Rounds, c.roundVotes(first, in, exhausted))
	copy(votes, first)
	total := 0
	for _, v := range first {
		total += v
	}
	byFirst := tiersBy(n, func(i, j int) int { return cmp.Compare(first[j], first[i]) })
	if 2*first[byFirst[0][0]] > total {
		return byFirst
	}
	finalists := slices.Clone(byFirst[0])
	rest := byFirst[1:]
	if len(finalists) == 1 && len(rest) > 0 {
		finalists = append(finalists, rest[0]...)
		rest = rest[1:]
	}
	clear(in)
	for _, i := range finalists {
		in[i] = true
	}
	for i := range in {
		if !in[i] {
			r.Rounds[0].Eliminated = append(r.Rounds[0].Eliminated, c.spec.Candidates[i])
		}
	}
	second := make([]int, n)
	exhausted = firstAmong(list, in, second)
	r.Rounds = append(r.Rounds, c.roundVotes(second, in, exhausted))
	for _, i := range finalists {
		votes[i] = second[i]
	}
	slices.Sort(finalists)
	return append(tiersOf(finalists, func(i, j int) int { return cmp.Compare(second[j], second[i]) }), rest...)
}
