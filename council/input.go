package council

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// ClusterReport is what a cluster's year-end review sends up to the council
// (báo cáo kết quả bình xét của cụm): the roster, the units recognised as
// leading the cluster, the standings, the proposals with their reasons, the
// units declined, and the accounting of each vote. Build one from a concluded
// review with FromOutcome; it is plain data and encodes as JSON.
type ClusterReport struct {
	// Cluster identifies the cluster.
	Cluster thidua.ClusterID `json:"cluster"`
	// Name is the cluster's name, such as "Cụm thi đua số 3".
	Name string `json:"name"`
	// Organizer is the ministry or province that organises the cluster.
	Organizer string `json:"organizer,omitempty"`
	// Year is the emulation year reviewed.
	Year int `json:"year"`
	// Date is the day of the cluster's review.
	Date thidua.Date `json:"date"`
	// Units is the roster of the year.
	Units []thidua.Unit `json:"units"`
	// Leading lists the units recognised as leading the cluster (dẫn đầu cụm
	// thi đua): those ranked first in its standings, as thidua.Decide takes
	// them. They are the pool of the Government flag.
	Leading []thidua.UnitID `json:"leading"`
	// Standings are each unit's rank, total and 100-point score.
	Standings []Standing `json:"standings"`
	// Proposals are what the cluster proposes, with its reasons.
	Proposals []thidua.Proposal `json:"proposals"`
	// Declined are the units the cluster did not propose, with the reasons.
	Declined []thidua.Declined `json:"declined,omitempty"`
	// Votes is the accounting of each of the cluster's votes.
	Votes []ClusterVote `json:"votes"`
	// Complete reports whether the review left nothing pending.
	Complete bool `json:"complete"`
}

// Standing is one unit's place in its cluster's standings.
type Standing struct {
	// Unit is the unit ranked.
	Unit thidua.UnitID `json:"unit"`
	// Rank is its competition rank in the cluster (1 first).
	Rank int `json:"rank"`
	// Total is its total points under the cluster's scorecard.
	Total decimal.Decimal `json:"total"`
	// Scaled is the total on a 100-point scale, the figure that compares
	// units of different clusters when the council ranks by score.
	Scaled decimal.Decimal `json:"scaled"`
}

// ClusterVote is the accounting of one of the cluster's votes: the award (zero
// for a leadership vote), the round, the ballots cast, valid, invalid and
// blank, and the digest that lets the count be re-checked.
type ClusterVote struct {
	// Award is the award voted on, or zero for a leadership vote.
	Award thidua.Award `json:"award,omitempty"`
	// Round is 1 for the vote, then 2, 3 ... for runoffs.
	Round int `json:"round"`
	// Cast is the ballots cast (phiếu thu về): Valid + Invalid.
	Cast int `json:"cast"`
	// Valid is the valid ballots (phiếu hợp lệ).
	Valid int `json:"valid"`
	// Invalid is the invalid ballots (phiếu không hợp lệ).
	Invalid int `json:"invalid"`
	// Blank is the blank ballots among the valid ones (phiếu trắng).
	Blank int `json:"blank"`
	// Digest is the result's SHA-256 digest, in hexadecimal.
	Digest string `json:"digest"`
}

// FromOutcome returns the report of a concluded cluster review. The units
// ranked first are taken as leading the cluster, as thidua.Decide takes them.
func FromOutcome(o thidua.Outcome) ClusterReport {
	c := o.Review.Cluster
	r := ClusterReport{
		Cluster: c.ID(), Name: c.Name(), Organizer: c.Organizer(), Year: c.Year(), Date: o.Review.Date,
		Units:     c.Members(),
		Proposals: slices.Clone(o.Decision.Proposals),
		Declined:  slices.Clone(o.Decision.Declined),
		Complete:  o.Complete(),
	}
	for _, s := range o.Standings.Ranked() {
		if s.Rank == 1 {
			r.Leading = append(r.Leading, s.Unit)
		}
		r.Standings = append(r.Standings, Standing{Unit: s.Unit, Rank: s.Rank, Total: s.Total, Scaled: s.Scaled})
	}
	for _, v := range o.Votes {
		res := v.Result
		r.Votes = append(r.Votes, ClusterVote{Award: v.Award, Round: v.Round, Cast: res.Cast, Valid: res.Valid,
			Invalid: res.Invalid, Blank: res.Blank, Digest: fmt.Sprintf("%x", res.Digest)})
	}
	return r
}

// Unit returns the member with the given ID, and whether there is one.
func (r ClusterReport) Unit(id thidua.UnitID) (thidua.Unit, bool) {
	for _, u := range r.Units {
		if u.ID == id {
			return u, true
		}
	}
	return thidua.Unit{}, false
}

// Leads reports whether unit id is recognised as leading the cluster.
func (r ClusterReport) Leads(id thidua.UnitID) bool { return slices.Contains(r.Leading, id) }

// Equal reports whether r and o are the same report, decimals compared by
// value.
func (r ClusterReport) Equal(o ClusterReport) bool {
	if !slices.EqualFunc(r.Standings, o.Standings, func(a, b Standing) bool {
		return a.Unit == b.Unit && a.Rank == b.Rank && a.Total.Equal(b.Total) && a.Scaled.Equal(b.Scaled)
	}) || !slices.EqualFunc(r.Proposals, o.Proposals, thidua.Proposal.Equal) {
		return false
	}
	r.Standings, o.Standings, r.Proposals, o.Proposals = nil, nil, nil, nil
	return reflect.DeepEqual(r, o)
}

// Nomination puts a unit forward for the Government Emulation Flag (Cờ thi đua
// của Chính phủ), naming the cluster it led this year, as Công văn
// 5007/BNV-TĐKT (05/09/2023) asks the council's minutes to do.
type Nomination struct {
	// Unit is the collective nominated.
	Unit thidua.UnitID `json:"unit"`
	// Cluster is the cluster the unit led.
	Cluster thidua.ClusterID `json:"cluster"`
}

// DirectProposal is a unit outside the clusters that asks the council for an
// award directly (đơn vị không tham gia cụm, khối thi đua), with its reason.
type DirectProposal struct {
	// Unit is the unit proposed.
	Unit thidua.Unit `json:"unit"`
	// Award is the award asked for.
	Award thidua.Award `json:"award"`
	// Score is the unit's result on a 100-point scale, used when the council
	// ranks by score before votes; zero means none given, and such a unit
	// then ranks after every unit with a score.
	Score decimal.Decimal `json:"score"`
	// Reason is the ground of the proposal (tờ trình), for the minutes.
	Reason string `json:"reason,omitempty"`
}

// Poll is one ballot of the council on one award (một lần bỏ phiếu): the
// round, who returned a ballot, and the ballots, which carry no voter
// identity. Round 1 is the vote on everyone proposed for the award; rounds 2,
// 3 ... are runoffs (bỏ phiếu lại) among the units tied at the quota's cut-off,
// as Outcome.Pending asks for them.
type Poll struct {
	// Award is the award voted on.
	Award thidua.Award `json:"award"`
	// Round is 1 for the vote, then 2, 3 ... for runoffs.
	Round int `json:"round"`
	// Voters lists who returned a ballot (danh sách nhận phiếu), each once: a
	// member present, a substitute, or (in round 1 only) an absent member
	// whose written opinion is the ballot: a written opinion answers the
	// proposals sent out before the session, not a runoff among units tied at
	// it. There must be one ballot per voter.
	Voters []MemberID `json:"voters"`
	// Ballots are the approval ballots ("đồng ý" marks), in any order.
	Ballots []thidua.Ballot `json:"ballots"`
}

// Order says how the council fills a quota that more units passed than it
// allows.
type Order uint8

// The orders over quota. The zero Order follows the rules in force.
const (
	// OrderByRules takes the order the rules in force give
	// (thidua.RuleSet.VotesFirst): votes first under Thông tư
	// 25/2025/TT-BKHCN Điều 23, score first where the rules are silent.
	OrderByRules Order = iota
	// VotesFirst takes the highest votes first ("lấy kết quả từ cao xuống
	// thấp"; TT 25/2025/TT-BKHCN Điều 23), whatever the rules say.
	VotesFirst
	// ScoreFirst ranks by the clusters' results on a 100-point scale, then
	// by votes, as cluster rules usually do, whatever the rules say.
	ScoreFirst
)

var orderNames = [...]string{OrderByRules: "by-rules", VotesFirst: "votes-first", ScoreFirst: "score-first"}

// IsValid reports whether o is a defined order.
func (o Order) IsValid() bool { return o <= ScoreFirst }

// String returns "by-rules", "votes-first" or "score-first".
func (o Order) String() string {
	if !o.IsValid() {
		return fmt.Sprintf("Order(%d)", uint8(o))
	}
	return orderNames[o]
}

// MarshalText encodes a valid order as its name.
func (o Order) MarshalText() ([]byte, error) {
	if !o.IsValid() {
		return nil, &FieldError{Field: "order", Value: o.String(), Err: ErrInvalidOption}
	}
	return []byte(o.String()), nil
}

// UnmarshalText accepts the names String returns.
func (o *Order) UnmarshalText(b []byte) error {
	for i, n := range orderNames {
		if n == string(b) {
			*o = Order(i)
			return nil
		}
	}
	return &FieldError{Field: "order", Value: string(b), Err: ErrInvalidOption}
}

// BallotForm says whether the council's ballots are secret.
type BallotForm uint8

// The ballot forms. The zero BallotForm follows the regime.
const (
	// BallotByRegime is a secret ballot (bỏ phiếu kín) where the rules in
	// force require one (thidua.RuleSet.SecretBallot, as Nghị định
	// 91/2017/NĐ-CP Điều 45 khoản 8 did), and a plain ballot otherwise.
	BallotByRegime BallotForm = iota
	// BallotSecret is a secret ballot whatever the regime.
	BallotSecret
	// BallotOpen is a ballot that may name its voter.
	BallotOpen
)

var formNames = [...]string{BallotByRegime: "by-regime", BallotSecret: "secret", BallotOpen: "open"}

// IsValid reports whether f is a defined form.
func (f BallotForm) IsValid() bool { return f <= BallotOpen }

// String returns "by-regime", "secret" or "open".
func (f BallotForm) String() string {
	if !f.IsValid() {
		return fmt.Sprintf("BallotForm(%d)", uint8(f))
	}
	return formNames[f]
}

// MarshalText encodes a valid form as its name.
func (f BallotForm) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, &FieldError{Field: "ballot form", Value: f.String(), Err: ErrInvalidOption}
	}
	return []byte(f.String()), nil
}

// UnmarshalText accepts the names String returns.
func (f *BallotForm) UnmarshalText(b []byte) error {
	for i, n := range formNames {
		if n == string(b) {
			*f = BallotForm(i)
			return nil
		}
	}
	return &FieldError{Field: "ballot form", Value: string(b), Err: ErrInvalidOption}
}

// AwardQuota is the council's quota for one award (chỉ tiêu). The Government
// flag's quota comes from the rules in force, not from here.
type AwardQuota struct {
	// Award is the award.
	Award thidua.Award `json:"award"`
	// Quota is how many units may receive it.
	Quota thidua.Quota `json:"quota"`
}

// AwardStandard is a standard (tiêu chuẩn) the council checks on a unit's
// record before it proposes an award. The standard of the ministry flag is
// also the Government flag's (Công văn 5007/BNV-TĐKT: candidates must meet the
// ministry-flag standard).
type AwardStandard struct {
	// Award is the award the standard is for.
	Award thidua.Award `json:"award"`
	// ExcellentYears is the consecutive years of excellent task completion
	// (hoàn thành xuất sắc nhiệm vụ) required; zero means none.
	ExcellentYears int `json:"excellent_years,omitempty"`
	// Titles are the titles the unit must hold for the year.
	Titles []thidua.Award `json:"titles,omitempty"`
	// Source cites the text the standard comes from.
	Source string `json:"source"`
}

// Options are the council's choices where the rules in force leave one.
type Options struct {
	// Order is how a quota that more units passed than it allows is filled;
	// the zero value follows the rules in force.
	Order Order `json:"order"`
	// GovFlagRounding rounds the Government-flag quota (20% of the leading
	// collectives); the zero value rounds down, since Công văn 5007/BNV-TĐKT
	// says "không quá".
	GovFlagRounding thidua.QuotaRounding `json:"gov_flag_rounding"`
	// AwardAttendance is the share of members who must attend a session on
	// awards (such as AtLeast(4, 5): Bắc Ninh QĐ 86/2025 Điều 8 khoản 4 b);
	// zero means no such rule.
	AwardAttendance thidua.Share `json:"award_attendance"`
	// AwardAttendanceSource cites the rule AwardAttendance comes from.
	AwardAttendanceSource string `json:"award_attendance_source,omitempty"`
	// Ballot is the ballot form.
	Ballot BallotForm `json:"ballot"`
	// Quotas are the council's quotas per award; an award not listed has no
	// quota, apart from the Government flag.
	Quotas []AwardQuota `json:"quotas,omitempty"`
	// Standards are the standards checked on units' records, per award.
	Standards []AwardStandard `json:"standards,omitempty"`
}
