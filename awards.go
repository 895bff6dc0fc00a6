package thidua

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ---------------------------------------------------------------------------
// The catalogue.
// ---------------------------------------------------------------------------

// Award is a collective award (hình thức khen thưởng, danh hiệu thi đua) that a
// cluster's year-end review can propose. The constants are in order of
// precedence, highest first, following the award money of Nghị định
// 152/2025/NĐ-CP Điều 50 and 54: a smaller Award outranks a larger one. The zero Award is not
// valid.
type Award uint8

// The collective awards, highest precedence first (Luật Thi đua, khen thưởng
// 2022 Điều 20, 72 and 75).
const (
	// AwardGovernmentFlag is the Government Emulation Flag (Cờ thi đua của Chính phủ),
	// given among the collectives leading clusters (Luật 2022 Điều 25 k1).
	AwardGovernmentFlag Award = iota + 1
	// AwardMinistryFlag is the Emulation Flag of a ministry, sector or province (Cờ thi
	// đua của bộ, ban, ngành, tỉnh; Luật 2022 Điều 26).
	AwardMinistryFlag
	// AwardPrimeMinisterMerit is the Prime Minister's Certificate of Merit (Bằng khen
	// của Thủ tướng Chính phủ; Luật 2022 Điều 72).
	AwardPrimeMinisterMerit
	// AwardMinistryMerit is the Certificate of Merit of a minister, sector head or
	// provincial chair (Bằng khen của bộ, ban, ngành, tỉnh; Luật 2022 Điều 72).
	AwardMinistryMerit
	// AwardExcellentCollective is the title Excellent Labour Collective (Tập thể lao
	// động xuất sắc; Luật 2022 Điều 20).
	AwardExcellentCollective
	// AwardAdvancedCollective is the title Advanced Labour Collective (Tập thể lao
	// động tiên tiến; Luật 2022 Điều 20).
	AwardAdvancedCollective
	// AwardCommendation is the Certificate of AwardCommendation (Giấy khen; Luật 2022
	// Điều 75).
	AwardCommendation
)

// awardLevel is the level of the body whose name an award carries: the
// Government, a ministry or province, or the base level.
type awardLevel uint8

// The levels of the awards.
const (
	levelGovernment awardLevel = iota + 1 // cấp Chính phủ
	levelMinistry                         // cấp bộ, ban, ngành, tỉnh
	levelBase                             // cấp cơ sở
)

type awardInfo struct {
	key, en, vi string
	level       awardLevel
	multiplier  string // Decree 152/2025, × base salary
	article     string
}

var awardTable = [...]awardInfo{
	AwardGovernmentFlag:      {"government-flag", "Government Emulation Flag", "Cờ thi đua của Chính phủ", levelGovernment, "12", "Điều 50"},
	AwardMinistryFlag:        {"ministry-flag", "Ministry or Provincial Emulation Flag", "Cờ thi đua của bộ, ban, ngành, tỉnh", levelMinistry, "8.0", "Điều 50"},
	AwardPrimeMinisterMerit:  {"prime-minister-merit", "Prime Minister's Certificate of Merit", "Bằng khen của Thủ tướng Chính phủ", levelGovernment, "7", "Điều 54"},
	AwardMinistryMerit:       {"ministry-merit", "Ministry or Provincial Certificate of Merit", "Bằng khen của bộ, ban, ngành, tỉnh", levelMinistry, "3", "Điều 54"},
	AwardExcellentCollective: {"excellent-collective", "Excellent Labour Collective", "Tập thể lao động xuất sắc", levelBase, "1.5", "Điều 50"},
	AwardAdvancedCollective:  {"advanced-collective", "Advanced Labour Collective", "Tập thể lao động tiên tiến", levelBase, "0.8", "Điều 50"},
	AwardCommendation:        {"commendation", "Certificate of Commendation", "Giấy khen", levelBase, "0.6", "Điều 54"},
}

// Awards returns every award in order of precedence, highest first.
func Awards() []Award {
	out := make([]Award, 0, len(awardTable)-1)
	for a := AwardGovernmentFlag; a <= AwardCommendation; a++ {
		out = append(out, a)
	}
	return out
}

// IsValid reports whether a is one of the awards of the catalogue.
func (a Award) IsValid() bool { return a >= AwardGovernmentFlag && a <= AwardCommendation }

// String returns the award's stable key, the form used in JSON:
// "government-flag", "ministry-flag", "prime-minister-merit", "ministry-merit",
// "excellent-collective", "advanced-collective" or "commendation".
func (a Award) String() string {
	if !a.IsValid() {
		return fmt.Sprintf("Award(%d)", uint8(a))
	}
	return awardTable[a].key
}

// English returns the award's English name, such as "Government Emulation Flag".
func (a Award) English() string {
	if !a.IsValid() {
		return a.String()
	}
	return awardTable[a].en
}

// Vietnamese returns the award's Vietnamese name as the law writes it, such as
// "Cờ thi đua của Chính phủ".
func (a Award) Vietnamese() string {
	if !a.IsValid() {
		return a.String()
	}
	return awardTable[a].vi
}

// GovernmentLevel reports whether the award carries the Government's name
// (cấp Chính phủ): the Government Emulation Flag and the Prime Minister's
// Certificate of Merit, which a ministry's or province's council proposes up
// to the Prime Minister rather than confers.
func (a Award) GovernmentLevel() bool { return a.IsValid() && awardTable[a].level == levelGovernment }

// MinistryLevel reports whether the award carries the name of a ministry,
// sector or province (cấp bộ, ban, ngành, tỉnh): its Emulation Flag and its
// Certificate of Merit, which the minister or the province's chairman
// confers. The two labour-collective titles and the Giấy khen are neither
// Government- nor ministry-level here; which authority confers them was not
// found in the sources read.
func (a Award) MinistryLevel() bool { return a.IsValid() && awardTable[a].level == levelMinistry }

// Multiplier returns the award money of Decree 152/2025 for a collective, as a
// multiple of the base salary (mức lương cơ sở): 12 for the Government flag
// down to 0.6 for the Giấy khen (Điều 50 and 54). It is the
// basis of the precedence order. It is zero for an invalid award.
func (a Award) Multiplier() decimal.Decimal {
	if !a.IsValid() {
		return decimal.Zero
	}
	return decimal.RequireFromString(awardTable[a].multiplier)
}

// Compare orders awards by precedence: it returns a negative number when a
// outranks b, zero when they are the same, and a positive number when b
// outranks a, so that slices.SortFunc(awards, Award.Compare) puts the highest
// first.
func (a Award) Compare(b Award) int { return cmp.Compare(a, b) }

// Outranks reports whether a has higher precedence than b.
func (a Award) Outranks(b Award) bool { return a.IsValid() && b.IsValid() && a < b }

// MarshalText encodes a valid award as its key.
func (a Award) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, &FieldError{Field: "award", Value: a.String(), Err: ErrInvalidAward}
	}
	return []byte(a.String()), nil
}

// UnmarshalText accepts the keys String returns.
func (a *Award) UnmarshalText(text []byte) error {
	v, err := ParseAward(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// ParseAward returns the award whose key (as String returns it) is s.
func ParseAward(s string) (Award, error) {
	for a := AwardGovernmentFlag; a <= AwardCommendation; a++ {
		if s == awardTable[a].key {
			return a, nil
		}
	}
	return 0, &FieldError{Field: "award", Value: s, Err: ErrInvalidAward}
}

// ---------------------------------------------------------------------------
// Quotas.
// ---------------------------------------------------------------------------

// QuotaBasis says what a quota counts: nothing (no quota), a fixed number, a
// share of the cluster's members, or a share of the cluster leaders. The zero
// QuotaBasis, QuotaNone, means no quota.
type QuotaBasis uint8

// The bases of a quota.
const (
	QuotaNone      QuotaBasis = iota // no quota: every qualifying unit
	QuotaCount                       // a fixed number (số lượng)
	QuotaOfMembers                   // a share of the members of the cluster
	QuotaOfLeaders                   // a share of the collectives leading clusters (Cờ thi đua của Chính phủ)
)

var quotaBases = enum[QuotaBasis]{typ: "QuotaBasis", field: "quota basis", first: QuotaNone,
	en: []string{"none", "count", "members", "leaders"}, err: ErrInvalidQuota}

// IsValid reports whether b is one of the defined bases.
func (b QuotaBasis) IsValid() bool { return quotaBases.valid(b) }

// String returns "none", "count", "members" or "leaders".
func (b QuotaBasis) String() string { return quotaBases.name(b) }

// MarshalText encodes a valid basis as its name.
func (b QuotaBasis) MarshalText() ([]byte, error) { return quotaBases.marshal(b) }

// UnmarshalText accepts the names String returns.
func (b *QuotaBasis) UnmarshalText(text []byte) error { return quotaBases.set(b, text) }

// QuotaRounding says how a share quota becomes a whole number of units. The
// zero QuotaRounding, QuotaRoundFloor, rounds down.
type QuotaRounding uint8

// The roundings of a share quota.
const (
	// QuotaRoundFloor rounds down: "không quá 20%" (no more than 20%) allows at most
	// ⌊0.2·N⌋ units. That floor is an inference from the wording; no source
	// stating a rounding rule was found.
	QuotaRoundFloor QuotaRounding = iota
	// QuotaRoundHalfUp rounds to the nearest whole number, halves up.
	QuotaRoundHalfUp
	// QuotaRoundCeil rounds up.
	QuotaRoundCeil
)

var quotaRoundings = enum[QuotaRounding]{typ: "QuotaRounding", field: "quota rounding", first: QuotaRoundFloor,
	en: []string{"floor", "half-up", "ceil"}, err: ErrInvalidQuota}

// IsValid reports whether r is one of the defined roundings.
func (r QuotaRounding) IsValid() bool { return quotaRoundings.valid(r) }

// String returns "floor", "half-up" or "ceil".
func (r QuotaRounding) String() string { return quotaRoundings.name(r) }

// MarshalText encodes a valid rounding as its name.
func (r QuotaRounding) MarshalText() ([]byte, error) { return quotaRoundings.marshal(r) }

// UnmarshalText accepts the names String returns.
func (r *QuotaRounding) UnmarshalText(text []byte) error { return quotaRoundings.set(r, text) }

// Quota is how many units may receive an award (chỉ tiêu, số lượng): a count,
// or a share Num/Den of the members or of the cluster leaders, rounded as
// Rounding says. The zero Quota means no quota. Build one with CountQuota,
// ShareOfMembers or ShareOfLeaders (and WithRounding); its fields are read
// through Basis, Count, Num, Den and Rounding, and Validate checks it. In
// JSON it is {"basis", "count", "num", "den", "rounding"}, and decoding
// refuses what Validate refuses.
type Quota struct {
	basis    QuotaBasis    // what the quota counts
	count    int           // the number of units, for QuotaCount
	num      int64         // the numerator of a share: num/den in [0, 1]
	den      int64         // the denominator of a share
	rounding QuotaRounding // how a share becomes a whole number of units
}

// CountQuota returns the quota "at most n units".
func CountQuota(n int) Quota { return Quota{basis: QuotaCount, count: n} }

// ShareOfMembers returns the quota "at most num/den of the members", rounded down.
func ShareOfMembers(num, den int64) Quota { return Quota{basis: QuotaOfMembers, num: num, den: den} }

// ShareOfLeaders returns the quota "at most num/den of the collectives leading
// the clusters", rounded down: ShareOfLeaders(1, 5) is the 20% of Công văn
// 5007/BNV-TĐKT (2023) for the Government Emulation Flag.
func ShareOfLeaders(num, den int64) Quota { return Quota{basis: QuotaOfLeaders, num: num, den: den} }

// WithRounding returns q with rounding r.
func (q Quota) WithRounding(r QuotaRounding) Quota { q.rounding = r; return q }

// IsZero reports whether q is the zero Quota, meaning no quota.
func (q Quota) IsZero() bool { return q == Quota{} }

// Validate reports a count below zero (ErrNegativeQuota), a share outside
// [0, 1] (ErrQuotaShare), or an unknown basis or rounding, as a *FieldError.
func (q Quota) Validate() error {
	if !q.basis.IsValid() {
		return &FieldError{Field: "quota basis", Value: q.basis.String(), Err: ErrInvalidQuota}
	}
	if !q.rounding.IsValid() {
		return &FieldError{Field: "quota rounding", Value: q.rounding.String(), Err: ErrInvalidQuota}
	}
	switch q.basis {
	case QuotaNone:
		if !q.IsZero() {
			return &FieldError{Field: "quota", Value: q.String(), Err: ErrInvalidQuota}
		}
	case QuotaCount:
		if q.count < 0 {
			return &FieldError{Field: "quota", Value: strconv.Itoa(q.count), Err: ErrNegativeQuota}
		}
	case QuotaOfMembers, QuotaOfLeaders:
		if q.den <= 0 || q.num < 0 || q.num > q.den {
			return &FieldError{Field: "quota share", Value: fmt.Sprintf("%d/%d", q.num, q.den), Err: ErrQuotaShare}
		}
	}
	return nil
}

// Limit returns the number of units the quota allows in a cluster of members
// units, with leaders collectives leading clusters in the pool a
// share-of-leaders quota is taken of. ShareOfLeaders(1, 5) gives 1 for 9
// leaders and 2 for 10. The arithmetic is exact. An invalid quota, or a
// negative count of members or leaders, allows 0; the zero Quota allows
// members (everyone).
func (q Quota) Limit(members, leaders int) int {
	if q.Validate() != nil || members < 0 || leaders < 0 {
		return 0
	}
	switch q.basis {
	case QuotaCount:
		return q.count
	case QuotaOfMembers:
		return q.share(members)
	case QuotaOfLeaders:
		return q.share(leaders)
	}
	return members
}

// share returns num·n/den rounded as q says, without overflow (num ≤ den).
func (q Quota) share(n int) int {
	hi, lo := bits.Mul64(uint64(q.num), uint64(n))
	quo, rem := bits.Div64(hi, lo, uint64(q.den)) // hi < den since num ≤ den and n < 2^63
	switch q.rounding {
	case QuotaRoundCeil:
		if rem > 0 {
			quo++
		}
	case QuotaRoundHalfUp:
		if rem >= uint64(q.den)-rem { // 2·rem ≥ den
			quo++
		}
	}
	return int(quo)
}

// String describes the quota: "none", "3", "≤ 1/5 of leaders (floor)".
func (q Quota) String() string {
	switch q.basis {
	case QuotaNone:
		if q.IsZero() {
			return "none"
		}
	case QuotaCount:
		return strconv.Itoa(q.count)
	case QuotaOfMembers, QuotaOfLeaders:
		return fmt.Sprintf("≤ %d/%d of %s (%s)", q.num, q.den, q.basis, q.rounding)
	}
	return fmt.Sprintf("Quota{%s %d %d/%d %s}", q.basis, q.count, q.num, q.den, q.rounding)
}

// Basis returns what the quota counts.
func (q Quota) Basis() QuotaBasis { return q.basis }

// Count returns the number of units of a QuotaCount quota.
func (q Quota) Count() int { return q.count }

// Num returns the numerator of a share quota.
func (q Quota) Num() int64 { return q.num }

// Den returns the denominator of a share quota.
func (q Quota) Den() int64 { return q.den }

// Rounding returns how a share quota becomes a whole number of units.
func (q Quota) Rounding() QuotaRounding { return q.rounding }

// quotaJSON is the JSON form of a Quota.
type quotaJSON struct {
	Basis    QuotaBasis    `json:"basis"`
	Count    int           `json:"count,omitempty"`
	Num      int64         `json:"num,omitempty"`
	Den      int64         `json:"den,omitempty"`
	Rounding QuotaRounding `json:"rounding,omitempty"`
}

// MarshalJSON encodes the quota as {"basis", "count", "num", "den", "rounding"}.
func (q Quota) MarshalJSON() ([]byte, error) {
	return json.Marshal(quotaJSON{Basis: q.basis, Count: q.count, Num: q.num, Den: q.den, Rounding: q.rounding})
}

// UnmarshalJSON decodes a quota and validates it.
func (q *Quota) UnmarshalJSON(b []byte) error {
	var p quotaJSON
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	v := Quota{basis: p.Basis, count: p.Count, num: p.Num, den: p.Den, rounding: p.Rounding}
	if err := v.Validate(); err != nil {
		return err
	}
	*q = v
	return nil
}

// ---------------------------------------------------------------------------
// Standards.
// ---------------------------------------------------------------------------

// standardKind names what a Standard checks (String names it for the
// caller). The zero standardKind is not valid.
type standardKind uint8

// The kinds of standard.
const (
	standardMinTotal       standardKind = iota + 1 // total at least a number of points
	standardMaxRank                                // rank at most N (1 = first)
	standardLeadsCluster                           // leads the cluster (dẫn đầu cụm thi đua)
	standardNoPendingCase                          // no discipline, investigation or complaint pending
	standardExcellentYears                         // N consecutive years of excellent completion
	standardHoldsTitle                             // holds a title
	standardCustom                                 // a caller-supplied predicate with a name
)

var standardKinds = enum[standardKind]{typ: "standardKind", field: "standard kind", first: standardMinTotal,
	en: []string{"", "min-total", "max-rank", "leads-cluster", "no-pending-case", "excellent-years",
		"holds-title", "custom"},
	err: ErrInvalidStandard}

func (k standardKind) String() string { return standardKinds.name(k) }

// Standard is one condition (tiêu chuẩn) a unit must meet for an award, checked
// on its Candidate record. Build one with the Require functions; Validate checks
// it. A Standard is immutable. The zero Standard is not valid.
type Standard struct {
	kind  standardKind
	n     int
	total decimal.Decimal
	award Award
	name  string
	pred  func(Candidate) bool
}

// RequireMinTotal is the standard "total of at least min points".
func RequireMinTotal(min decimal.Decimal) Standard {
	return Standard{kind: standardMinTotal, total: min}
}

// RequireRank is the standard "ranked n-th or better" (n ≥ 1).
func RequireRank(n int) Standard { return Standard{kind: standardMaxRank, n: n} }

// RequireLeadsCluster is the standard "recognised as leading the cluster's
// emulation this year" (dẫn đầu cụm, khối thi đua), which the Government flag
// requires (Luật Thi đua, khen thưởng 2022 Điều 25 khoản 1) and, where a layer
// says so, the ministry or provincial flag (Quyết định 86/2025/QĐ-UBND tỉnh
// Bắc Ninh Điều 3 khoản 1).
func RequireLeadsCluster() Standard { return Standard{kind: standardLeadsCluster} }

// RequireNoPendingCase is the standard "no discipline, investigation or
// complaint pending" (Nghị định 98/2023/NĐ-CP Điều 4; Nghị định
// 152/2025/NĐ-CP Điều 4 khoản 4). Decisions apply it to every award whether
// listed or not; listing it makes it appear among the standards a proposal
// meets.
func RequireNoPendingCase() Standard { return Standard{kind: standardNoPendingCase} }

// RequireExcellentYears is the standard "n consecutive years of excellent task
// completion" (hoàn thành xuất sắc nhiệm vụ n năm liên tục), such as the two
// years of Thông tư 25/2025/TT-BKHCN Điều 7 khoản 3 điểm d for the Minister's
// Bằng khen. It reads the unit's record: the n years ending with the year
// under review must each be rated RatingExcellent, or each hold the title
// AwardExcellentCollective (the same point's other route), and no discipline
// period may touch them. A refusal names the years missing. Without a record
// it reads Facts.ExcellentYears.
func RequireExcellentYears(n int) Standard { return Standard{kind: standardExcellentYears, n: n} }

// RequireTitle is the standard "already holds title a", such as the Excellent
// Labour Collective that some sectors require before their flag.
func RequireTitle(a Award) Standard { return Standard{kind: standardHoldsTitle, award: a} }

// RequireThat is a standard the caller supplies: name describes it in reasons
// and pred decides it. pred must be a pure function of the candidate, safe for
// concurrent use.
func RequireThat(name string, pred func(Candidate) bool) Standard {
	return Standard{kind: standardCustom, name: name, pred: pred}
}

// Validate reports a standard that cannot be checked, as a *FieldError wrapping
// ErrInvalidStandard: the zero Standard, a rank below 1, negative years, an
// unknown title, or a custom standard without a name or predicate.
func (s Standard) Validate() error {
	bad := func(v string) error { return &FieldError{Field: "standard", Value: v, Err: ErrInvalidStandard} }
	switch s.kind {
	case standardMinTotal:
		if !inRange(s.total) {
			return &FieldError{Field: "standard total", Value: quoteDecimal(s.total), Err: ErrPointsRange}
		}
	case standardLeadsCluster, standardNoPendingCase:
		return nil
	case standardMaxRank:
		if s.n < 1 {
			return bad(fmt.Sprintf("rank ≤ %d", s.n))
		}
	case standardExcellentYears:
		if s.n < 0 || s.n > MaxYear-MinYear+1 {
			return bad(fmt.Sprintf("%d excellent years", s.n))
		}
	case standardHoldsTitle:
		if !s.award.IsValid() {
			return &FieldError{Field: "standard title", Value: s.award.String(), Err: ErrInvalidAward}
		}
	case standardCustom:
		if blank(s.name) || s.pred == nil {
			return bad(s.name)
		}
	default:
		return bad(s.kind.String())
	}
	return nil
}

// String describes the standard as reasons print it: "total ≥ 90", "rank ≤ 3",
// "leads the cluster", "no pending case", "2 consecutive excellent years",
// "holds excellent-collective", or a custom standard's name.
func (s Standard) String() string {
	switch s.kind {
	case standardMinTotal:
		return "total ≥ " + quoteDecimal(s.total)
	case standardMaxRank:
		return fmt.Sprintf("rank ≤ %d", s.n)
	case standardLeadsCluster:
		return "leads the cluster"
	case standardNoPendingCase:
		return "no pending case"
	case standardExcellentYears:
		return fmt.Sprintf("%d consecutive excellent years", s.n)
	case standardHoldsTitle:
		return "holds " + s.award.String()
	case standardCustom:
		return s.name
	}
	return "invalid standard"
}

// Check reports whether candidate c meets s and, when it does not, why.
func (s Standard) Check(c Candidate) (met bool, why string) {
	switch s.kind {
	case standardMinTotal:
		if c.Total.Cmp(s.total) >= 0 {
			return true, ""
		}
		return false, fmt.Sprintf("total %s < %s", c.Total.String(), s.total.String())
	case standardMaxRank:
		if c.Rank >= 1 && c.Rank <= s.n {
			return true, ""
		}
		return false, fmt.Sprintf("rank %d > %d", c.Rank, s.n)
	case standardLeadsCluster:
		if c.LeadsCluster {
			return true, ""
		}
		if c.Year > 0 {
			return false, fmt.Sprintf("did not lead the cluster in %d", c.Year)
		}
		return false, "does not lead the cluster"
	case standardNoPendingCase:
		if !c.Facts.Pending() {
			return true, ""
		}
		return false, c.Facts.pendingWhat()
	case standardExcellentYears:
		if len(c.Facts.Record) == 0 {
			if c.Facts.ExcellentYears >= s.n {
				return true, ""
			}
			return false, fmt.Sprintf("%d consecutive excellent years < %d", c.Facts.ExcellentYears, s.n)
		}
		missing := s.missing(c)
		if len(missing) == 0 {
			return true, ""
		}
		return false, fmt.Sprintf("%d consecutive excellent years to %d needed; missing %s", s.n, c.year(), yearsText(missing))
	case standardHoldsTitle:
		if c.Facts.HoldsIn(s.award, c.year()) {
			return true, ""
		}
		return false, "does not hold " + s.award.String()
	case standardCustom:
		if s.pred != nil && s.pred(c) {
			return true, ""
		}
		return false, "not met: " + s.name
	}
	return false, "invalid standard"
}

// missing returns the years an excellent-years standard finds missing in c's
// record: none when either route (the rating, or the title
// AwardExcellentCollective) is complete, else the rating route's missing years.
func (s Standard) missing(c Candidate) []int {
	if s.kind != standardExcellentYears || s.n == 0 {
		return nil
	}
	if len(c.Facts.Record) == 0 {
		return nil // only the count of Facts.ExcellentYears is known
	}
	y := c.year()
	byRating := c.Facts.ExcellentRun(y, s.n)
	if len(byRating) == 0 {
		return nil
	}
	if len(c.Facts.titleRun(AwardExcellentCollective, y, s.n)) == 0 {
		return nil
	}
	return byRating
}

// ---------------------------------------------------------------------------
// Award rules.
// ---------------------------------------------------------------------------

// AwardRule is what a unit needs for one award: the Award, its Quota, the
// Standards it must meet, and the Vote it must pass (a threshold on the vote
// for that award; the zero Threshold means no vote is needed). A rule is plain
// data; NewAwardRules validates it.
type AwardRule struct {
	// Award is the award the rule is for.
	Award Award
	// Quota is how many units may receive it (zero: no quota).
	Quota Quota
	// Standards are the conditions a unit must meet.
	Standards []Standard
	// Vote is the approval it needs (zero: no vote).
	Vote Threshold
}

// Validate reports an unknown award, an invalid quota, standard or threshold,
// as an *PartError naming the award.
func (r AwardRule) Validate() error {
	if !r.Award.IsValid() {
		return awardError(r.Award, "", ErrInvalidAward)
	}
	if err := r.Quota.Validate(); err != nil {
		return awardError(r.Award, "", err)
	}
	for _, s := range r.Standards {
		if err := s.Validate(); err != nil {
			return awardError(r.Award, "", err)
		}
	}
	if err := r.Vote.Validate(); err != nil {
		return awardError(r.Award, "", err)
	}
	return nil
}

// AwardRules is a validated set of award rules, at most one per award, in order
// of precedence, with the equal-merit rule that settles ties between equally
// qualified units. It is immutable and safe for concurrent use. The zero
// AwardRules has no rules and no equal-merit rule.
type AwardRules struct {
	rules      []AwardRule
	equalMerit Share
	votesFirst bool
}

// NewAwardRules validates rules and returns them in order of precedence. Two
// rules for one award give an *PartError wrapping ErrDuplicateRule.
func NewAwardRules(rules ...AwardRule) (AwardRules, error) {
	out := make([]AwardRule, 0, len(rules))
	for _, r := range rules {
		if err := r.Validate(); err != nil {
			return AwardRules{}, err
		}
		for _, o := range out {
			if o.Award == r.Award {
				return AwardRules{}, awardError(r.Award, "", ErrDuplicateRule)
			}
		}
		r.Standards = slices.Clone(r.Standards)
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b AwardRule) int { return a.Award.Compare(b.Award) })
	return AwardRules{rules: out}, nil
}

// WithEqualMerit returns the rules with the equal-merit rule of Decree
// 152/2025 Điều 4 k6: among units still equal after rank and votes, prefer
// those whose share of women meets s (AtLeast(7, 10)). The zero Share turns
// the rule off.
func (r AwardRules) WithEqualMerit(s Share) (AwardRules, error) {
	if err := s.Validate(); err != nil {
		return AwardRules{}, err
	}
	r.rules = slices.Clone(r.rules)
	r.equalMerit = s
	return r, nil
}

// EqualMerit returns the share of women the equal-merit rule prefers, or the
// zero Share when the rule is off.
func (r AwardRules) EqualMerit() Share { return r.equalMerit }

// WithVotesFirst returns the rules with the over-quota order set: true fills
// the seats by votes first, then rank (Thông tư 25/2025/TT-BKHCN Điều 23);
// false, the zero AwardRules' order, by rank first, then votes.
func (r AwardRules) WithVotesFirst(votesFirst bool) AwardRules {
	r.rules = slices.Clone(r.rules)
	r.votesFirst = votesFirst
	return r
}

// VotesFirst reports whether seats over a quota fill by votes first.
func (r AwardRules) VotesFirst() bool { return r.votesFirst }

// Rules returns a copy of the rules, highest precedence first.
func (r AwardRules) Rules() []AwardRule {
	out := slices.Clone(r.rules)
	for i := range out {
		out[i].Standards = slices.Clone(out[i].Standards)
	}
	return out
}

// Rule returns the rule for award a, if there is one.
func (r AwardRules) Rule(a Award) (AwardRule, bool) {
	for _, x := range r.rules {
		if x.Award == a {
			x.Standards = slices.Clone(x.Standards)
			return x, true
		}
	}
	return AwardRule{}, false
}

// Len returns the number of rules.
func (r AwardRules) Len() int { return len(r.rules) }

// ---------------------------------------------------------------------------
// Candidates and decisions.
// ---------------------------------------------------------------------------

// VoteCount is one unit's result in the vote for one award: Votes approvals
// (phiếu đồng ý) out of Base (the count the threshold is taken of, such as all
// the members of the council), and whether the vote's threshold, quorum and
// rounds were satisfied (Passed), as the vote's Result says.
type VoteCount struct {
	// Votes is the number of approvals (phiếu đồng ý).
	Votes int `json:"votes"`
	// Base is the count the threshold is taken of.
	Base int `json:"base"`
	// Passed says the vote's threshold, quorum and rounds were satisfied.
	Passed bool `json:"passed"`
}

// Candidate is the neutral record a decision is made on: one unit with its
// competition rank (1 = first) and total from the standings, whether it was
// recognised as leading the cluster, its Facts, and its vote for each award
// voted on. A candidate is plain data; DecideCandidates validates it.
type Candidate struct {
	// Unit is the unit.
	Unit UnitID `json:"unit"`
	// Rank is its competition rank in the standings (1 = first).
	Rank int `json:"rank"`
	// Total is its total score.
	Total decimal.Decimal `json:"total"`
	// Year is the year under review, which standards reading the record
	// count back from; 0 means the latest year of the unit's record.
	Year int `json:"year,omitempty"`
	// LeadsCluster: the unit was recognised as leading the cluster's emulation
	// this year (dẫn đầu cụm thi đua), the pool the Government flag is drawn
	// from (Luật 2022 Điều 25 k1). It is not the same as being cluster leader
	// (cụm trưởng), the organising role.
	LeadsCluster bool `json:"leads_cluster,omitempty"`
	// Facts about the unit; Facts.Unit may be left empty.
	Facts Facts `json:"facts"`
	// Votes for each award the unit was voted on.
	Votes map[Award]VoteCount `json:"votes,omitempty"`
	// Settled holds, for each award whose quota ended in a tie the unit was
	// in, how the tie was settled: the unit's place is the tier of Order that
	// names it (1 first), and By what gave that place. It is the last
	// tie-breaker, after rank, votes and the equal-merit rule. One settlement
	// per award, each naming the unit.
	Settled []Settlement `json:"settled,omitempty"`
}

// year returns the year under review for c.
func (c Candidate) year() int {
	if c.Year > 0 {
		return c.Year
	}
	return c.Facts.lastYear()
}

// Settlement is how a tie at an award's quota was settled: by a further round
// of voting among the tied units (TieBreakRunoff, bỏ phiếu lại) or by the rule
// set's fallback after the last round (TieBreakFallback: the chair's vote, or
// the leader and deputy deciding). Order holds the tied units in tiers, best
// first; units in one tier stay tied with each other, and units of the tie
// left out stay unsettled. It is what Outcome.Settled reports, what
// DecideInput.Settled and Candidate.Settled feed back into the decision, and,
// with one unit per tier, the fallback's decision in Review.Settlements.
type Settlement struct {
	// Award is the award whose quota was tied.
	Award Award `json:"award"`
	// By is TieBreakRunoff or TieBreakFallback.
	By TieBreak `json:"by"`
	// Fallback is who decided, when By is TieBreakFallback (zero when the
	// caller leaves it to the rule set).
	Fallback Fallback `json:"fallback,omitempty"`
	// Round is the round that settled the tie (By TieBreakRunoff), or the last
	// round held before the fallback decided (zero when not known).
	Round int `json:"round"`
	// Order is the tied units in tiers, best first.
	Order [][]UnitID `json:"order"`
}

// place returns the place of unit id in the settlement, 1 first, or 0 when no
// tier names it.
func (s Settlement) place(id UnitID) int {
	for i, tier := range s.Order {
		if slices.Contains(tier, id) {
			return i + 1
		}
	}
	return 0
}

// Validate reports a malformed candidate: an invalid unit ID, a rank below 1,
// invalid facts or facts about another unit (ErrFactsMismatch), a vote for an
// unknown award or with counts outside 0 ≤ Votes ≤ Base, or a settlement for
// an unknown award, settled by anything but a runoff or the fallback
// (ErrInvalidTieBreak), not naming the unit (ErrNotTied), or given twice for
// one award (ErrInvalidTieBreak).
func (c Candidate) Validate() error {
	if err := c.Unit.Validate(); err != nil {
		return err
	}
	if c.Rank < 1 {
		return &UnitError{ID: c.Unit, Err: &FieldError{Field: "rank", Value: strconv.Itoa(c.Rank), Err: ErrInvalidRank}}
	}
	if c.Facts.Unit != "" && c.Facts.Unit != c.Unit {
		return &UnitError{ID: c.Unit, Err: &FieldError{Field: "facts unit", Value: string(c.Facts.Unit), Err: ErrFactsMismatch}}
	}
	// The facts without their unit, whose ID was checked above; a failure is
	// reported again with the unit, so that the error names it.
	f := c.Facts
	f.Unit = ""
	if err := f.Validate(); err != nil {
		f.Unit = c.Unit
		return f.Validate()
	}
	var buf [8]Award
	for _, a := range appendSortedAwards(buf[:0], c.Votes) {
		v := c.Votes[a]
		if !a.IsValid() {
			return &UnitError{ID: c.Unit, Err: &FieldError{Field: "votes award", Value: a.String(), Err: ErrInvalidAward}}
		}
		if v.Votes < 0 || v.Base < 0 || v.Votes > v.Base {
			return awardError(a, c.Unit, &FieldError{Field: "votes", Value: fmt.Sprintf("%d of %d", v.Votes, v.Base), Err: ErrInvalidVoteCount})
		}
	}
	for i, st := range c.Settled {
		a := st.Award
		if !a.IsValid() {
			return &UnitError{ID: c.Unit, Err: &FieldError{Field: "settled award", Value: a.String(), Err: ErrInvalidAward}}
		}
		if st.By != TieBreakRunoff && st.By != TieBreakFallback {
			return awardError(a, c.Unit, &FieldError{Field: "settled by", Value: st.By.String(), Err: ErrInvalidTieBreak})
		}
		if st.place(c.Unit) == 0 {
			return awardError(a, c.Unit, &FieldError{Field: "settled order", Value: fmt.Sprint(st.Order), Err: ErrNotTied})
		}
		if slices.ContainsFunc(c.Settled[:i], func(o Settlement) bool { return o.Award == a }) {
			return awardError(a, c.Unit, &FieldError{Field: "settled", Value: "twice", Err: ErrInvalidTieBreak})
		}
	}
	return nil
}

// Pool gives the sizes a share quota is taken of. Members is the number of
// members of the cluster (0: the number of candidates). Leaders is the number
// of collectives leading clusters in the pool the Government flag is drawn from
// (0: the candidates with LeadsCluster set); the 20% of Công văn 5007/BNV-TĐKT
// is taken across the clusters of a ministry or province, so a caller deciding
// the Government flag passes the ministry-wide count here.
type Pool struct {
	// Members is the number of members of the cluster (0: the candidates).
	Members int `json:"members,omitempty"`
	// Leaders is the number of collectives leading clusters in the pool (0:
	// the candidates with LeadsCluster set).
	Leaders int `json:"leaders,omitempty"`
}

// TieBreak names what settled an order between candidates of equal rank for
// the last seats of a quota. The zero TieBreak, TieBreakNone, means rank alone
// decided.
type TieBreak uint8

// The tie-breakers, in the order they are applied after rank.
const (
	TieBreakNone       TieBreak = iota // rank alone decided
	TieBreakVotes                      // more votes in the award's vote (TT 25/2025/TT-BKHCN Điều 23)
	TieBreakEqualMerit                 // the equal-merit rule: ≥ 70% women (Decree 152/2025 Điều 4 k6)
	TieBreakRunoff                     // a further round of voting among the tied units (bỏ phiếu lại)
	TieBreakFallback                   // the rule set's fallback after the last round: the chair's vote, or leader and deputy decide
)

var tieBreaks = enum[TieBreak]{typ: "TieBreak", field: "tie-break", first: TieBreakNone,
	en:  []string{"none", "votes", "equal-merit", "runoff", "fallback"},
	err: ErrInvalidTieBreak}

// IsValid reports whether t is one of the defined tie-breakers.
func (t TieBreak) IsValid() bool { return tieBreaks.valid(t) }

// String returns "none", "votes", "equal-merit", "runoff" or "fallback".
func (t TieBreak) String() string { return tieBreaks.name(t) }

// MarshalText encodes a valid tie-breaker's name.
func (t TieBreak) MarshalText() ([]byte, error) { return tieBreaks.marshal(t) }

// UnmarshalText accepts the names String returns.
func (t *TieBreak) UnmarshalText(text []byte) error { return tieBreaks.set(t, text) }

// DeclineReason says why a unit was not proposed for an award. The zero
// DeclineReason is not valid.
type DeclineReason uint8

// The reasons a unit is declined, in the order they are checked.
const (
	// DeclinedPendingCase: a discipline, investigation or complaint is pending
	// (Decree 152/2025 Điều 4 k4: do not award or propose).
	DeclinedPendingCase DeclineReason = iota + 1
	// DeclinedStandard: a standard of the award is not met.
	DeclinedStandard
	// DeclinedNoVote: the award needs a vote and the unit was not voted on.
	DeclinedNoVote
	// DeclinedVoteShort: the unit's vote did not pass the threshold.
	DeclinedVoteShort
	// DeclinedQuotaFull: the unit qualifies but the quota was filled by units
	// ahead of it.
	DeclinedQuotaFull
	// DeclinedHigherAward: the unit qualifies but is proposed for a higher
	// award: one form for one achievement (Luật 2022 Điều 5).
	DeclinedHigherAward
	// DeclinedAwaitingRunoff: the unit qualifies but is in an unsettled tie for
	// a higher award and is held for that runoff.
	DeclinedAwaitingRunoff
	// DeclinedDiscipline: a discipline period touches the year under review,
	// and achievements count only from its end (Nghị định 98/2023/NĐ-CP Điều
	// 4; Nghị định 152/2025/NĐ-CP Điều 4 khoản 4). It is checked right after
	// DeclinedPendingCase.
	DeclinedDiscipline
)

var declineReasons = enum[DeclineReason]{typ: "DeclineReason", field: "decline reason", first: DeclinedPendingCase,
	en: []string{"", "pending-case", "standard-not-met", "no-vote", "vote-short", "quota-full",
		"higher-award", "awaiting-runoff", "discipline"},
	err: ErrInvalidDeclineReason}

// IsValid reports whether r is one of the defined reasons.
func (r DeclineReason) IsValid() bool { return declineReasons.valid(r) }

// String returns the reason's key, such as "pending-case".
func (r DeclineReason) String() string { return declineReasons.name(r) }

// MarshalText encodes a valid reason's key.
func (r DeclineReason) MarshalText() ([]byte, error) { return declineReasons.marshal(r) }

// UnmarshalText accepts the keys String returns.
func (r *DeclineReason) UnmarshalText(text []byte) error { return declineReasons.set(r, text) }

// Proposal is one unit put forward for one award, with the reasons: its rank
// and total, its vote against the threshold (Vote is the zero VoteCount and
// Threshold the zero Threshold when the award needs no vote), the standards it
// met, and the tie-breaker that put it ahead of an equally ranked unit left
// out, if one did.
type Proposal struct {
	// Unit is the unit proposed.
	Unit UnitID `json:"unit"`
	// Award is the award it is proposed for.
	Award Award `json:"award"`
	// Rank is its rank in the standings.
	Rank int `json:"rank"`
	// Total is its total score.
	Total decimal.Decimal `json:"total"`
	// Vote is its vote for the award (zero when none is needed).
	Vote VoteCount `json:"vote"`
	// Threshold is the approval the award needed (zero: none).
	Threshold Threshold `json:"threshold"`
	// Standards names the standards it met, as Standard.String gives them.
	Standards []string `json:"standards,omitempty"`
	// DecidedBy names the tie-breaker that put it ahead of the first unit
	// left out, or TieBreakNone.
	DecidedBy TieBreak `json:"decided_by"`
}

// Equal reports whether p and q are the same proposal (totals compared by value).
func (p Proposal) Equal(q Proposal) bool {
	return p.Unit == q.Unit && p.Award == q.Award && p.Rank == q.Rank && p.Total.Equal(q.Total) &&
		p.Vote == q.Vote && p.Threshold == q.Threshold && slices.Equal(p.Standards, q.Standards) &&
		p.DecidedBy == q.DecidedBy
}

// Declined is a unit not proposed for an award, with the reason: Standard names
// the unmet standard for DeclinedStandard, Detail says the rest in words
// ("rank 4 > 3", "7 of 9 votes, needs 8", "discipline under consideration").
type Declined struct {
	// Unit is the unit declined.
	Unit UnitID `json:"unit"`
	// Award is the award it was declined for.
	Award Award `json:"award"`
	// Reason says why.
	Reason DeclineReason `json:"reason"`
	// Standard names the unmet standard, for DeclinedStandard.
	Standard string `json:"standard,omitempty"`
	// Detail says the rest in English words.
	Detail string `json:"detail,omitempty"`
	// Years are the years the unit's record misses for the standard, such as
	// the excellent year that breaks a run, or the years a discipline period
	// touches.
	Years []int `json:"years,omitempty"`
}

// Equal reports whether x and y are the same refusal.
func (x Declined) Equal(y Declined) bool {
	return x.Unit == y.Unit && x.Award == y.Award && x.Reason == y.Reason && x.Standard == y.Standard &&
		x.Detail == y.Detail && slices.Equal(x.Years, y.Years)
}

// QuotaTie is a tie at a quota's cut-off that rank, votes and (when enabled)
// the equal-merit rule could not settle: Units (sorted by ID) are equal for
// the last Seats seats of Award. None of them is proposed and the seats stay
// open, so the caller can run a runoff (or apply the rule set's fallback) and
// decide again with its result.
type QuotaTie struct {
	// Award is the award whose quota is tied.
	Award Award `json:"award"`
	// Units are the tied units, sorted by ID.
	Units []UnitID `json:"units"`
	// Seats is the number of seats they contend for.
	Seats int `json:"seats"`
	// Rank is their common rank.
	Rank int `json:"rank"`
	// Votes is their common number of votes.
	Votes int `json:"votes"`
}

// Equal reports whether t and u are the same tie.
func (t QuotaTie) Equal(u QuotaTie) bool {
	return t.Award == u.Award && slices.Equal(t.Units, u.Units) && t.Seats == u.Seats &&
		t.Rank == u.Rank && t.Votes == u.Votes
}

// Decision is the outcome of a year-end review's deliberation (bình xét):
// the Proposals in precedence order, and within an award in the order its
// seats were filled (rank, then votes, equal merit and settlement, then unit
// ID), at most one per unit; the Declined candidates with their reasons, in
// precedence then rank order; and the
// Ties at quota cut-offs left for a runoff, in precedence order.
type Decision struct {
	// Proposals are the units proposed, each with its award and reasons.
	Proposals []Proposal `json:"proposals"`
	// Declined are the units not proposed for an award, with the reasons.
	Declined []Declined `json:"declined"`
	// Ties are the ties left at a quota's cut-off.
	Ties []QuotaTie `json:"ties"`
}

// AwardOf returns the award proposed for unit u, if any.
func (d Decision) AwardOf(u UnitID) (Award, bool) {
	for _, p := range d.Proposals {
		if p.Unit == u {
			return p.Award, true
		}
	}
	return 0, false
}

// Proposed returns the units proposed for award a, in rank order.
func (d Decision) Proposed(a Award) []UnitID {
	var out []UnitID
	for _, p := range d.Proposals {
		if p.Award == a {
			out = append(out, p.Unit)
		}
	}
	return out
}

// Equal reports whether d and e are the same decision.
func (d Decision) Equal(e Decision) bool {
	return slices.EqualFunc(d.Proposals, e.Proposals, Proposal.Equal) &&
		slices.EqualFunc(d.Declined, e.Declined, Declined.Equal) &&
		slices.EqualFunc(d.Ties, e.Ties, QuotaTie.Equal)
}

// DecideCandidates decides which candidates to propose for which award under
// rules. It works on neutral records, so that standings, vote results and
// facts from any source can be fed in through Candidate.
//
// The rules are taken in order of precedence. For each award a candidate is
// declined when a case is pending against it (Decree 152/2025 Điều 4 k4), when
// it misses a standard, or when the award needs a vote and the candidate's vote
// did not pass. The candidates left fill the quota in rank order, then by
// votes, then, when the rules enable it, by the equal-merit rule; units still
// equal at the cut-off form a QuotaTie: none of them is proposed, the seats
// stay open, and they are held for the runoff rather than considered for
// lower awards. A unit proposed for an award is not considered for lower ones,
// so each unit gets at most one award, the highest it qualifies for (Luật 2022
// Điều 5). The result does not depend on the order of candidates.
//
// Rank comes before votes by default, as clusters usually rank; rules built
// with WithVotesFirst (or from a rule set with VotesFirst, such as Thông tư
// 25/2025/TT-BKHCN Điều 23: "lấy kết quả từ cao xuống thấp") take votes
// first, then rank. A candidate's Year and its Facts' record feed the
// standards that read the record; a discipline period touching the year
// declines the unit (DeclinedDiscipline).
//
// Errors: an invalid candidate or pool, two candidates for one unit
// (ErrDuplicateUnit), and votes for one award counted out of different bases,
// or marked passed while short of the rule's threshold (ErrContestMismatch).
func DecideCandidates(rules AwardRules, candidates []Candidate, pool Pool) (Decision, error) {
	cands := slices.Clone(candidates)
	slices.SortFunc(cands, func(a, b Candidate) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), strings.Compare(string(a.Unit), string(b.Unit)))
	})
	pool, err := checkCandidates(rules, cands, pool)
	if err != nil {
		return Decision{}, err
	}
	rank := make(map[UnitID]int, len(cands))
	for _, c := range cands {
		rank[c.Unit] = c.Rank
	}

	var d Decision
	units := make([]UnitID, len(cands))
	for i, c := range cands {
		units[i] = c.Unit
	}
	var room seatRoom
	core := newSeatCore(units, &room)
	type why struct {
		reason      DeclineReason
		std, detail string
		years       []int
	}
	whys := make([]why, len(cands))
	for ri, r := range rules.rules {
		for i := range cands {
			w := &whys[i]
			w.reason, w.std, w.detail, w.years = qualifies(&r, &cands[i], true)
			core.ok[i], core.keys[i] = w.reason == 0, rules.seatKey(r.Award, &cands[i])
		}
		seats := core.fill(ri, r.Quota, pool.Members, pool.Leaders)
		// The reasons, read off the core's result.
		for i, c := range cands {
			switch at := core.at[i]; {
			case at >= 0 && at < ri: // taken by a higher award: said only when it qualifies here
				if !core.ok[i] {
					break
				}
				if core.held[i] {
					d.Declined = append(d.Declined, Declined{Unit: c.Unit, Award: r.Award, Reason: DeclinedAwaitingRunoff,
						Detail: "in a tie for " + rules.rules[at].Award.String()})
				} else {
					d.Declined = append(d.Declined, Declined{Unit: c.Unit, Award: r.Award, Reason: DeclinedHigherAward,
						Detail: "proposed for " + rules.rules[at].Award.String()})
				}
			case !core.ok[i]:
				w := whys[i]
				d.Declined = append(d.Declined, Declined{Unit: c.Unit, Award: r.Award, Reason: w.reason, Standard: w.std, Detail: w.detail, Years: w.years})
			}
		}
		explain(&d, r, cands, core.keys, seats)
	}
	slices.SortStableFunc(d.Declined, func(a, b Declined) int {
		return cmp.Or(a.Award.Compare(b.Award), cmp.Compare(rank[a.Unit], rank[b.Unit]),
			strings.Compare(string(a.Unit), string(b.Unit)))
	})
	return d, nil
}

// checkCandidates reports what DecideCandidates refuses in its input, and
// returns the pool with its defaults filled in.
func checkCandidates(rules AwardRules, cands []Candidate, pool Pool) (Pool, error) {
	if pool.Members < 0 {
		return Pool{}, &FieldError{Field: "members", Value: strconv.Itoa(pool.Members), Err: ErrNegativeCount}
	}
	if pool.Leaders < 0 {
		return Pool{}, &FieldError{Field: "leaders", Value: strconv.Itoa(pool.Leaders), Err: ErrNegativeCount}
	}
	leaders := 0
	var seen map[UnitID]bool // for many candidates; a few are compared in turn
	if len(cands) > 16 {
		seen = make(map[UnitID]bool, len(cands))
	}
	for i, c := range cands {
		if err := c.Validate(); err != nil {
			return Pool{}, err
		}
		dup := seen[c.Unit]
		if seen == nil {
			dup = slices.ContainsFunc(cands[:i], func(d Candidate) bool { return d.Unit == c.Unit })
		} else {
			seen[c.Unit] = true
		}
		if dup {
			return Pool{}, &UnitError{ID: c.Unit, Err: ErrDuplicateUnit}
		}
		if c.LeadsCluster {
			leaders++
		}
	}
	if pool.Members == 0 {
		pool.Members = len(cands)
	}
	if pool.Leaders == 0 {
		pool.Leaders = leaders
	}
	for _, r := range rules.rules {
		if err := checkVotes(r, cands); err != nil {
			return Pool{}, err
		}
	}
	return pool, nil
}

// seatKey is candidate c's place in the order the seats of award a fill in.
func (rules *AwardRules) seatKey(a Award, c *Candidate) seatKey {
	k := seatKey{votesFirst: rules.votesFirst, rank: c.Rank, votes: c.Votes[a].Votes,
		merit: c.Facts.WomenShareMeets(rules.equalMerit), settle: math.MaxInt}
	if j := slices.IndexFunc(c.Settled, func(st Settlement) bool { return st.Award == a }); j >= 0 {
		k.settle, k.by = c.Settled[j].place(c.Unit), c.Settled[j].By
	}
	return k
}

// Seats decides, as DecideCandidates does and through the same decision
// core, which candidates are proposed for which award, without the reasons
// (lý do không đề nghị): for each rule in precedence order (the order of
// Rules), the indexes into candidates of the units proposed (đề nghị), in
// seat order. Units tied at a quota's cut-off are not proposed; Decide reports
// them as a tie. The decision does not depend on the order of candidates. It
// is the form for deciding many times over the same units, such as in a
// policy experiment: it builds no Decision.
//
// Errors: those of DecideCandidates, for the same input.
func (rules AwardRules) Seats(candidates []Candidate, pool Pool) ([][]int, error) {
	pool, err := checkCandidates(rules, candidates, pool)
	if err != nil {
		return nil, err
	}
	var ids [fewSeats]UnitID
	units := ids[:0]
	for i := range candidates {
		units = append(units, candidates[i].Unit)
	}
	var room seatRoom
	core := newSeatCore(units, &room)
	out := make([][]int, len(rules.rules))
	all := make([]int, 0, len(candidates)) // each candidate is proposed at most once
	for ri := range rules.rules {
		r := &rules.rules[ri]
		for i := range candidates {
			c := &candidates[i]
			reason, _, _, _ := qualifies(r, c, false)
			core.ok[i], core.keys[i] = reason == 0, rules.seatKey(r.Award, c)
		}
		st := core.fill(ri, r.Quota, pool.Members, pool.Leaders)
		start := len(all)
		all = append(all, st.q[:st.seated]...)
		out[ri] = all[start:len(all):len(all)]
	}
	return out, nil
}

// checkVotes reports votes for r's award counted out of different bases, or
// marked passed while short of r's threshold.
func checkVotes(r AwardRule, cands []Candidate) error {
	base, first := 0, UnitID("")
	for _, c := range cands {
		v, ok := c.Votes[r.Award]
		if !ok {
			continue
		}
		if first == "" {
			base, first = v.Base, c.Unit
		} else if v.Base != base {
			return awardError(r.Award, c.Unit, &FieldError{Field: "vote base",
				Value: fmt.Sprintf("%d (%q has %d)", v.Base, string(first), base), Err: ErrContestMismatch})
		}
		if v.Passed && !r.Vote.Met(v.Votes, v.Base) {
			return awardError(r.Award, c.Unit, &FieldError{Field: "vote",
				Value: fmt.Sprintf("%d of %d passed, threshold %s", v.Votes, v.Base, r.Vote), Err: ErrContestMismatch})
		}
	}
	return nil
}

// qualifies reports why c does not qualify for r (reason 0: it does), and
// the years of its record at fault; without explain, only the reason of a
// vote short.
func qualifies(r *AwardRule, c *Candidate, explain bool) (reason DeclineReason, std, detail string, years []int) {
	if c.Facts.Pending() {
		return DeclinedPendingCase, "", c.Facts.pendingWhat(), nil
	}
	if y := c.year(); y > 0 && !c.Facts.Counts(y) {
		return DeclinedDiscipline, "", fmt.Sprintf("a discipline period touches %d; achievements count from its end", y), []int{y}
	} else if y == 0 {
		for _, p := range c.Facts.Discipline {
			if p.Until.IsZero() {
				return DeclinedDiscipline, "", "under discipline since " + p.From.String() + ", not ended", nil
			}
		}
	}
	for _, s := range r.Standards {
		if ok, why := s.Check(*c); !ok {
			return DeclinedStandard, s.String(), why, s.missing(*c)
		}
	}
	if r.Vote.IsZero() {
		return 0, "", "", nil
	}
	v, ok := c.Votes[r.Award]
	if !ok {
		return DeclinedNoVote, "", "not voted on; needs " + r.Vote.String(), nil
	}
	if !v.Passed {
		if !explain {
			return DeclinedVoteShort, "", "", nil
		}
		if need := r.Vote.Share.Needed(v.Base); v.Votes < need {
			return DeclinedVoteShort, "", fmt.Sprintf("%d of %d votes, needs %d (%s)", v.Votes, v.Base, need, r.Vote), nil
		}
		return DeclinedVoteShort, "", fmt.Sprintf("%d of %d votes, vote not passed (quorum or rounds)", v.Votes, v.Base), nil
	}
	return 0, "", "", nil
}

// seatKey is the order seats fill in: rank, then votes (or votes, then rank,
// when votesFirst), then the equal-merit rule.
type seatKey struct {
	votesFirst bool
	rank       int
	votes      int
	merit      bool
	settle     int      // place in a runoff or fallback; math.MaxInt when unsettled
	by         TieBreak // what gave settle
}

func (k seatKey) compare(o seatKey) int {
	byRank, byVotes := cmp.Compare(k.rank, o.rank), cmp.Compare(o.votes, k.votes)
	if k.votesFirst {
		byRank, byVotes = byVotes, byRank
	}
	if byRank != 0 {
		return byRank
	}
	if byVotes != 0 {
		return byVotes
	}
	switch {
	case k.merit && !o.merit:
		return -1
	case !k.merit && o.merit:
		return 1
	}
	return cmp.Compare(k.settle, o.settle)
}

// decider names the tie-breaker that put key a ahead of key b (a before b).
func decider(a, b seatKey) TieBreak {
	switch {
	case a.votesFirst && a.votes != b.votes:
		return TieBreakVotes
	case a.rank != b.rank:
		return TieBreakNone
	case a.votes != b.votes:
		return TieBreakVotes
	case a.merit != b.merit:
		return TieBreakEqualMerit
	case a.settle != b.settle:
		return a.by
	}
	return TieBreakNone
}

// seatCore is the one decision core: DecideCandidates and the experiment
// runner both fill each award's seats with it, and the reasons are read off
// its result. Candidates are indices; for each rule in precedence order the
// caller sets ok (the candidate qualifies) and keys (its seat key), then
// calls fill. A candidate proposed for an award, or held in a tie at its
// quota, is not considered for lower awards.
type seatCore struct {
	idRank []int     // each candidate's place in unit-ID order, the last tie-breaker
	ok     []bool    // for the rule being filled: the candidate qualifies
	keys   []seatKey // for the rule being filled: the candidate's seat key
	at     []int     // the rule a candidate was proposed or held for; -1 when free
	held   []bool    // at is a tie at the quota, not a proposal
	q      []int     // room for a fill's seat order
}

// seats is the core's result for one rule: the free, qualified candidates in
// seat order, q[:seated] proposed, q[seated:tieEnd] tied at the cut-off
// (limit-seated seats left open), the rest left out by the quota.
type seats struct {
	q                     []int
	limit, seated, tieEnd int
}

// fewSeats is how many candidates a seatRoom holds.
const fewSeats = 16

// seatRoom is room for the core of a few candidates, so that a decision on
// them lays out its core without allocating.
type seatRoom struct {
	ints  [4 * fewSeats]int
	bools [2 * fewSeats]bool
	keys  [fewSeats]seatKey
}

// newSeatCore lays out the core for units, in room when they are few.
func newSeatCore(units []UnitID, room *seatRoom) seatCore {
	n := len(units)
	var (
		ints  []int
		bools []bool
		keys  []seatKey
	)
	if n <= fewSeats {
		ints, bools, keys = room.ints[:4*n], room.bools[:2*n], room.keys[:n]
	} else {
		ints, bools, keys = make([]int, 4*n), make([]bool, 2*n), make([]seatKey, n)
	}
	sc := seatCore{idRank: ints[:n:n], ok: bools[:n:n], keys: keys,
		at: ints[n : 2*n : 2*n], held: bools[n:], q: ints[2*n : 2*n : 3*n]}
	idx := ints[3*n:]
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(string(units[a]), string(units[b])) })
	for k, i := range idx {
		sc.idRank[i] = k
	}
	sc.reset()
	return sc
}

// reset frees every candidate, for a new decision on the same units.
func (sc *seatCore) reset() {
	for i := range sc.at {
		sc.at[i], sc.held[i] = -1, false
	}
}

// fill seats rule ri, whose quota is a share of members and leaders.
func (sc *seatCore) fill(ri int, quota Quota, members, leaders int) seats {
	q := sc.q[:0] // room for every candidate: it is never moved
	for i, ok := range sc.ok {
		if !ok || sc.at[i] >= 0 {
			continue
		}
		j := len(q)
		q = append(q, i)
		for ; j > 0 && cmp.Or(sc.keys[i].compare(sc.keys[q[j-1]]), cmp.Compare(sc.idRank[i], sc.idRank[q[j-1]])) < 0; j-- {
			q[j] = q[j-1]
		}
		q[j] = i
	}
	limit := len(q)
	if !quota.IsZero() {
		limit = min(limit, quota.Limit(members, leaders))
	}
	seated, tieEnd := limit, limit
	same := func(i, j int) bool { return sc.keys[q[i]].compare(sc.keys[q[j]]) == 0 }
	if limit < len(q) && limit > 0 && same(limit-1, limit) {
		for seated > 0 && same(seated-1, limit) {
			seated--
		}
		for tieEnd < len(q) && same(tieEnd, limit) {
			tieEnd++
		}
	}
	for k, i := range q[:tieEnd] {
		sc.at[i], sc.held[i] = ri, k >= seated
	}
	return seats{q: q, limit: limit, seated: seated, tieEnd: tieEnd}
}

// explain records rule r's proposals, its tie at the cut-off and the units
// the quota left out, with the tie-breaker that decided each, from the
// core's seats.
func explain(d *Decision, r AwardRule, cands []Candidate, keys []seatKey, st seats) {
	q := st.q
	// The strongest unit left without a seat, against which a tie-breaker is named.
	var firstOut *seatKey
	if st.seated < len(q) {
		firstOut = &keys[q[st.seated]]
	}
	for _, i := range q[:st.seated] {
		c := cands[i]
		p := Proposal{Unit: c.Unit, Award: r.Award, Rank: c.Rank, Total: c.Total, Threshold: r.Vote}
		if !r.Vote.IsZero() {
			p.Vote = c.Votes[r.Award]
		}
		for _, s := range r.Standards {
			p.Standards = append(p.Standards, s.String())
		}
		if firstOut != nil {
			p.DecidedBy = decider(keys[i], *firstOut)
		}
		d.Proposals = append(d.Proposals, p)
	}
	if st.tieEnd > st.seated {
		k := keys[q[st.seated]]
		t := QuotaTie{Award: r.Award, Seats: st.limit - st.seated, Rank: k.rank, Votes: k.votes}
		for _, i := range q[st.seated:st.tieEnd] {
			t.Units = append(t.Units, cands[i].Unit)
		}
		slices.Sort(t.Units)
		d.Ties = append(d.Ties, t)
	}
	for _, i := range q[st.tieEnd:] {
		detail := fmt.Sprintf("quota %s full at %d", r.Quota, st.limit)
		// Compared with the weakest unit seated or tied.
		if st.tieEnd > 0 {
			if tb := decider(keys[q[st.tieEnd-1]], keys[i]); tb != TieBreakNone {
				detail += ", behind an equally ranked unit on " + tb.String()
			}
		}
		d.Declined = append(d.Declined, Declined{Unit: cands[i].Unit, Award: r.Award, Reason: DeclinedQuotaFull, Detail: detail})
	}
}

// DecideInput is what the year-end review knows when it decides its proposals
// (bình xét, suy tôn): the roster, the standings, the result of the vote held
// for each award, and the facts about each unit.
type DecideInput struct {
	// Cluster is the roster of the year; Standings and every vote must be of
	// this cluster and year.
	Cluster   Cluster   `json:"cluster"`
	Standings Standings `json:"standings"` // the year's standings
	// Votes holds the tally of each award's vote. An award whose rule needs a
	// vote and has none here declines every unit with DeclinedNoVote.
	Votes map[Award]Result `json:"votes,omitempty"`
	// Facts about units; a member without an entry has nothing pending.
	Facts []Facts `json:"facts,omitempty"`
	// Leading lists the units recognised as leading the cluster's emulation
	// (dẫn đầu cụm thi đua), which RequireLeadsCluster asks for. Nil means the
	// units whose record (Facts.Record) says they led this cluster this year,
	// or, when no record says so, the units ranked first in the standings.
	Leading []UnitID `json:"leading,omitempty"`
	// Pool sets the counts quotas are shares of; see DecideCandidates.
	Pool Pool `json:"pool"`
	// Settled holds the settling of ties Decide reported before, at most one
	// per award; Decide reads their Award, By and Order.
	Settled []Settlement `json:"settled,omitempty"`
}

// Decide turns the year's standings, votes and facts into the cluster's
// proposals under rules. It builds one Candidate per member (rank and total
// from the standings; for each award, the unit's votes out of the threshold's
// base and whether it passed, from that award's vote) and calls
// DecideCandidates; see there for how awards, quotas and ties are settled.
//
// Errors: ErrClusterMismatch or ErrYearMismatch for standings or votes of
// another cluster or year; ErrContestMismatch (in an *PartError) for a vote
// on an award that has no rule, whose threshold differs from the rule's, or
// whose candidates are not members; the errors of FactsFor; and those of
// DecideCandidates.
func Decide(rules AwardRules, in DecideInput) (Decision, error) {
	c := in.Cluster
	if c.Len() == 0 {
		return Decision{}, fmt.Errorf("%w (the zero Cluster)", ErrTooFewMembers)
	}
	if id := in.Standings.ClusterID(); id != c.ID() {
		return Decision{}, &FieldError{Field: "standings cluster", Value: string(id), Err: ErrClusterMismatch}
	}
	if y := in.Standings.Year(); y != c.Year() {
		return Decision{}, yearError("standings year", y, ErrYearMismatch)
	}
	facts, err := FactsFor(c, in.Facts)
	if err != nil {
		return Decision{}, err
	}
	for _, a := range sortedAwards(in.Votes) {
		if err := checkAwardVote(rules, a, in.Votes[a], c); err != nil {
			return Decision{}, err
		}
	}
	for i, st := range in.Settled {
		a := st.Award
		if !a.IsValid() {
			return Decision{}, &FieldError{Field: "settled award", Value: a.String(), Err: ErrInvalidAward}
		}
		if slices.ContainsFunc(in.Settled[:i], func(o Settlement) bool { return o.Award == a }) {
			return Decision{}, awardError(a, "", &FieldError{Field: "settled", Value: "twice", Err: ErrInvalidTieBreak})
		}
		if st.By != TieBreakRunoff && st.By != TieBreakFallback {
			return Decision{}, awardError(a, "", &FieldError{Field: "settled by", Value: st.By.String(), Err: ErrInvalidTieBreak})
		}
		seen := map[UnitID]bool{}
		for _, tier := range st.Order {
			for _, id := range tier {
				if !c.IsMember(id) {
					return Decision{}, awardError(a, id, ErrUnknownUnit)
				}
				if seen[id] {
					return Decision{}, awardError(a, id, ErrDuplicateUnit)
				}
				seen[id] = true
			}
		}
	}
	leading := in.Leading
	if leading == nil {
		for _, id := range c.MemberIDs() {
			if facts[id].Led(c.ID(), c.Year()) {
				leading = append(leading, id)
			}
		}
	}
	if leading == nil {
		for _, s := range in.Standings.Ranked() {
			if s.Rank == 1 {
				leading = append(leading, s.Unit)
			}
		}
	}
	cands := make([]Candidate, 0, c.Len())
	for _, id := range c.MemberIDs() {
		s, ok := in.Standings.Of(id)
		if !ok {
			return Decision{}, &UnitError{ID: id, Err: ErrNoAssessment}
		}
		cand := Candidate{Unit: id, Rank: s.Rank, Total: s.Total, Year: c.Year(), Facts: facts[id], LeadsCluster: slices.Contains(leading, id)}
		for a, r := range in.Votes {
			if !slices.Contains(r.Contest.Candidates(), id) {
				continue
			}
			if cand.Votes == nil {
				cand.Votes = make(map[Award]VoteCount, len(in.Votes))
			}
			cand.Votes[a] = VoteCount{Votes: r.Votes(id), Base: r.Base(), Passed: slices.Contains(r.Passed, id)}
		}
		for _, st := range in.Settled {
			if st.place(id) > 0 {
				cand.Settled = append(cand.Settled, st)
			}
		}
		cands = append(cands, cand)
	}
	return DecideCandidates(rules, cands, in.Pool)
}

// sortedAwards returns m's awards in order.
func sortedAwards[V any](m map[Award]V) []Award { return appendSortedAwards(nil, m) }

// appendSortedAwards appends m's awards to dst in order, so that a caller
// with a buffer of its own allocates nothing for a few.
func appendSortedAwards[V any](dst []Award, m map[Award]V) []Award {
	start := len(dst)
	for a := range m {
		dst = append(dst, a)
	}
	slices.Sort(dst[start:])
	return dst
}

// checkAwardVote reports a vote that cannot stand for award a's rule.
func checkAwardVote(rules AwardRules, a Award, r Result, c Cluster) error {
	rule, ok := rules.Rule(a)
	if !ok {
		return awardError(a, "", &FieldError{Field: "contest", Value: string(r.Contest.ID()), Err: ErrContestMismatch})
	}
	if y := r.Contest.Year(); y != c.Year() {
		return awardError(a, "", yearError("vote year", y, ErrYearMismatch))
	}
	if !r.Contest.Threshold().Same(rule.Vote) {
		return awardError(a, "", &FieldError{Field: "vote threshold",
			Value: fmt.Sprintf("%s (the rule needs %s)", r.Contest.Threshold(), rule.Vote), Err: ErrContestMismatch})
	}
	for _, id := range r.Contest.Candidates() {
		if !c.IsMember(id) {
			return awardError(a, id, &FieldError{Field: "candidate", Value: string(id), Err: ErrContestMismatch})
		}
	}
	return nil
}
