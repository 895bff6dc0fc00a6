package thidua

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"time"
)

// ---------------------------------------------------------------------------
// Dates.
// ---------------------------------------------------------------------------

// Date is a civil date (ngày) with no time of day and no time zone, as legal
// documents give their effective dates: 01/07/2025 is the same day in Hà Nội
// and anywhere else. The zero Date is not a valid date; in EffectiveUntil it
// means "open-ended".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// NewDate returns the date, or a *FieldError wrapping ErrInvalidDate for a day
// that does not exist (31/04) or a year outside [MinYear, MaxYear].
func NewDate(year int, month time.Month, day int) (Date, error) {
	d := Date{Year: year, Month: month, Day: day}
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// MustDate is NewDate for tests, examples and the presets, with literal input:
// it panics if the date is invalid.
func MustDate(year int, month time.Month, day int) Date {
	d, err := NewDate(year, month, day)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the civil date of t in t's own location. To ask which rules
// were in force at a moment in Việt Nam, pass t.In(the Asia/Ho_Chi_Minh
// location).
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// ParseDate parses "2006-01-02".
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, &FieldError{Field: "date", Value: s, Err: ErrInvalidDate}
	}
	d := DateOf(t)
	if err := d.Validate(); err != nil {
		return Date{}, err
	}
	return d, nil
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Validate reports whether d is a real day with a year in [MinYear, MaxYear].
func (d Date) Validate() error {
	if d.Year < MinYear || d.Year > MaxYear || d.Month < time.January || d.Month > time.December ||
		d.Day < 1 || d.Day > 31 {
		return &FieldError{Field: "date", Value: d.String(), Err: ErrInvalidDate}
	}
	if y, m, dd := time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Date(); y != d.Year || m != d.Month || dd != d.Day {
		return &FieldError{Field: "date", Value: d.String(), Err: ErrInvalidDate}
	}
	return nil
}

// Compare returns -1, 0 or +1 as d is before, the same day as, or after e.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// String returns the date as "2025-07-01".
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Vietnamese returns the date as Vietnamese documents write it: "01/07/2025".
func (d Date) Vietnamese() string {
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, int(d.Month), d.Year)
}

// MarshalText encodes the date as "2025-07-01"; the zero Date encodes as "".
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// UnmarshalText accepts "2025-07-01", or "" for the zero Date.
func (d *Date) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// ---------------------------------------------------------------------------
// Fallbacks.
// ---------------------------------------------------------------------------

// Fallback says who settles a vote the ballots could not: a tie at a quota's
// cut-off, or a choice still open after the last permitted round. The zero
// Fallback, FallbackNone, means the rules name nobody and the tie is reported
// to the caller.
type Fallback uint8

// The fallbacks found in the rules (RULES.md §3.2).
const (
	// FallbackNone: no rule found; the tie stays a result.
	FallbackNone Fallback = iota
	// FallbackChair: the Council Chair decides (TT 25/2025/TT-BKHCN Điều 23:
	// a tie at the cut-off is decided by the Chair's vote).
	FallbackChair
	// FallbackLeaderAndDeputy: the cluster leader and deputy (Trưởng cụm and
	// Phó trưởng cụm) decide, for flags (TANDTC TT 01/2024 Điều 29).
	FallbackLeaderAndDeputy
)

var fallbacks = enum[Fallback]{typ: "Fallback", field: "fallback", first: FallbackNone,
	en:  []string{"none", "chair", "leader-and-deputy"},
	vi:  []string{"không quy định", "Chủ tịch Hội đồng quyết định", "Trưởng cụm và Phó trưởng cụm quyết định"},
	err: ErrInvalidRuleSet}

// IsValid reports whether f is one of the defined fallbacks.
func (f Fallback) IsValid() bool { return fallbacks.valid(f) }

// String returns "none", "chair" or "leader-and-deputy".
func (f Fallback) String() string { return fallbacks.name(f) }

// Vietnamese returns the fallback as minutes say it.
func (f Fallback) Vietnamese() string { return fallbacks.vietnamese(f) }

// MarshalText encodes a valid fallback as its name.
func (f Fallback) MarshalText() ([]byte, error) { return fallbacks.marshal(f) }

// UnmarshalText accepts the names String returns.
func (f *Fallback) UnmarshalText(text []byte) error { return fallbacks.set(f, text) }

// ---------------------------------------------------------------------------
// Rule sets.
// ---------------------------------------------------------------------------

// AwardThreshold is the approval an award needs in the council's vote.
type AwardThreshold struct {
	Award     Award     `json:"award"`
	Threshold Threshold `json:"threshold"`
}

// RuleSet is one regime's legal parameters for the year-end review, as data
// with its sources: the council's quorum, the approval each award needs, the
// ballot rounds and who settles a deadlock, the Government-flag quota and the
// equal-merit rule. It is in force from EffectiveFrom to EffectiveUntil, both
// inclusive (the zero EffectiveUntil: open-ended). Unverified lists, in words,
// every value that RULES.md could not confirm for the period, with the default
// used instead. The presets are Decree91_2017, Decree98_2023 and
// Decree152_2025; a caller may build its own (a sector circular or a
// province's regulation) and check it with Validate or NewRuleBook.
type RuleSet struct {
	// Name is the regime's short name, such as "Nghị định 152/2025/NĐ-CP".
	Name string `json:"name"`
	// Sources are the documents and articles the values come from.
	Sources []string `json:"sources"`
	// EffectiveFrom is the first day in force (ngày có hiệu lực).
	EffectiveFrom Date `json:"effective_from"`
	// EffectiveUntil is the last day in force; the zero Date means open-ended.
	EffectiveUntil Date `json:"effective_until"`
	// CouncilQuorum is the share of council members who must be present for the
	// council to meet (zero: none).
	CouncilQuorum Share `json:"council_quorum"`
	// Thresholds is the approval each voted award needs, at most one per award;
	// an award not listed needs no vote.
	Thresholds []AwardThreshold `json:"thresholds"`
	// MaxRounds is the most ballots in one round of selection (0: no limit set).
	MaxRounds int `json:"max_rounds"`
	// CutoffTie says who settles a tie at a quota's cut-off.
	CutoffTie Fallback `json:"cutoff_tie"`
	// Deadlock says who decides when MaxRounds ballots leave a choice open.
	Deadlock Fallback `json:"deadlock"`
	// GovFlagQuota is the quota of the Government Emulation Flag, a share of the
	// collectives leading clusters (zero: none).
	GovFlagQuota Quota `json:"gov_flag_quota"`
	// EqualMerit is the share of women that the equal-merit tie-break prefers
	// (zero: the rule is off).
	EqualMerit Share `json:"equal_merit"`
	// Unverified lists the values not confirmed for this period, with the
	// default used instead.
	Unverified []string `json:"unverified,omitempty"`
}

// UnmarshalJSON decodes a rule set and validates it as Validate does.
func (rs *RuleSet) UnmarshalJSON(b []byte) error {
	type plain RuleSet // without methods, so decoding does not recurse
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if err := RuleSet(v).Validate(); err != nil {
		return err
	}
	*rs = RuleSet(v)
	return nil
}

// Validate reports a rule set that cannot be used, as a *RuleSetError: a blank
// name (ErrBlankName), an invalid start or end date (ErrInvalidDate), an end
// before the start (ErrDatesBackwards), an invalid quorum or equal-merit share,
// negative rounds, unknown fallbacks, a threshold for an unknown award or two
// for one award (ErrInvalidRuleSet), or an invalid Government-flag quota.
func (rs RuleSet) Validate() error {
	wrap := func(err error) error { return &RuleSetError{Name: rs.Name, Err: err} }
	if blank(rs.Name) {
		return wrap(&FieldError{Field: "name", Value: rs.Name, Err: ErrBlankName})
	}
	if err := rs.EffectiveFrom.Validate(); err != nil {
		return wrap(err)
	}
	if !rs.EffectiveUntil.IsZero() {
		if err := rs.EffectiveUntil.Validate(); err != nil {
			return wrap(err)
		}
		if rs.EffectiveUntil.Compare(rs.EffectiveFrom) < 0 {
			return wrap(&FieldError{Field: "effective_until", Value: rs.EffectiveUntil.String(), Err: ErrDatesBackwards})
		}
	}
	if err := rs.CouncilQuorum.Validate(); err != nil {
		return wrap(err)
	}
	if err := rs.EqualMerit.Validate(); err != nil {
		return wrap(err)
	}
	if rs.MaxRounds < 0 {
		return wrap(&FieldError{Field: "max_rounds", Value: fmt.Sprint(rs.MaxRounds), Err: ErrInvalidRuleSet})
	}
	if !rs.CutoffTie.IsValid() {
		return wrap(&FieldError{Field: "cutoff_tie", Value: rs.CutoffTie.String(), Err: ErrInvalidRuleSet})
	}
	if !rs.Deadlock.IsValid() {
		return wrap(&FieldError{Field: "deadlock", Value: rs.Deadlock.String(), Err: ErrInvalidRuleSet})
	}
	if err := rs.GovFlagQuota.Validate(); err != nil {
		return wrap(err)
	}
	for i, t := range rs.Thresholds {
		if !t.Award.IsValid() {
			return wrap(&FieldError{Field: "threshold award", Value: t.Award.String(), Err: ErrInvalidAward})
		}
		if err := t.Threshold.Validate(); err != nil {
			return wrap(&AwardError{Award: t.Award, Err: err})
		}
		for _, o := range rs.Thresholds[:i] {
			if o.Award == t.Award {
				return wrap(&AwardError{Award: t.Award, Err: ErrDuplicateRule})
			}
		}
	}
	return nil
}

// InForce reports whether the rule set is in force on day d.
func (rs RuleSet) InForce(d Date) bool {
	return rs.EffectiveFrom.Compare(d) <= 0 && (rs.EffectiveUntil.IsZero() || d.Compare(rs.EffectiveUntil) <= 0)
}

// Threshold returns the approval award a needs, or the zero Threshold when it
// needs no vote.
func (rs RuleSet) Threshold(a Award) Threshold {
	for _, t := range rs.Thresholds {
		if t.Award == a {
			return t.Threshold
		}
	}
	return Threshold{}
}

// VoteRule is what a rule set says about the vote on one award: the threshold,
// the council's quorum, the most ballots, and who settles a tie at the cut-off
// or a deadlock. It is what a voting Contest for the award is built from.
type VoteRule struct {
	Award     Award     `json:"award"`
	Threshold Threshold `json:"threshold"`
	Quorum    Share     `json:"quorum"`
	MaxRounds int       `json:"max_rounds"`
	CutoffTie Fallback  `json:"cutoff_tie"`
	Deadlock  Fallback  `json:"deadlock"`
}

// VoteRule returns the vote rule for award a. Deadlock applies to the two
// flags only, as TANDTC TT 01/2024 Điều 29 says; for other awards it is
// FallbackNone.
func (rs RuleSet) VoteRule(a Award) VoteRule {
	v := VoteRule{Award: a, Threshold: rs.Threshold(a), Quorum: rs.CouncilQuorum, MaxRounds: rs.MaxRounds,
		CutoffTie: rs.CutoffTie}
	if a == GovernmentFlag || a == MinistryFlag {
		v.Deadlock = rs.Deadlock
	}
	return v
}

// ContestSpec returns the cluster's own vote on award a: an approval ballot
// ("đồng ý") of all members on all members, blank ballots valid (a vote for
// nobody). No rule found sets a threshold or quorum for a cluster's vote
// (RULES.md §3: only the council's are known), so this applies the rule set's
// council values to the cluster: the threshold for a, as a share of all the
// cluster's members (Decree 98/2023 Điều 30 k7 takes its 80% of all council
// members), and the council quorum. That is the library's default, not the
// law's; the caller narrows or replaces it (Candidates, Present, MaxMarks,
// Threshold) and builds it with NewContest.
func (rs RuleSet) ContestSpec(a Award, c Cluster) ContestSpec {
	vr := rs.VoteRule(a)
	return ContestSpec{
		ID:         ContestID(fmt.Sprintf("%s/%d/%s", c.ID(), c.Year(), a)),
		Title:      a.Vietnamese(),
		Year:       c.Year(),
		Candidates: c.MemberIDs(),
		Electorate: c.Len(),
		Method:     Approval,
		Threshold:  vr.Threshold,
		Quorum:     vr.Quorum,
		BlankValid: true,
	}
}

// AwardRule returns the rule the rule set implies for award a with quota q:
// the vote is the rule set's threshold for a; the Government flag gets the
// rule set's GovFlagQuota when q is zero, and the standard "leads the cluster"
// (Luật 2022 Điều 25 k1). Every rule also carries "no pending case" (Decree
// 152/2025 Điều 4 k4, applied by DecideCandidates under every rule set). Other
// standards are the caller's to add: the law's standards for flags and
// certificates speak of results and unity, which the standings and facts
// carry, and RULES.md found no numeric ones.
func (rs RuleSet) AwardRule(a Award, q Quota) (AwardRule, error) {
	r := AwardRule{Award: a, Quota: q, Vote: rs.Threshold(a), Standards: []Standard{RequireNoPendingCase()}}
	if a == GovernmentFlag {
		if q.IsZero() {
			r.Quota = rs.GovFlagQuota
		}
		r.Standards = append(r.Standards, RequireLeadsCluster())
	}
	if err := r.Validate(); err != nil {
		return AwardRule{}, err
	}
	return r, nil
}

// AwardRules returns the rules the rule set implies for the awards the cluster
// considers, each with its quota (see AwardRule), and the rule set's
// equal-merit rule. The flags per cluster are the ministry's or the cluster's
// to set (RULES.md found no rule: MIC Cluster 1 proposed 2 flags of 5 members
// in 2022), so quotas come from the caller.
func (rs RuleSet) AwardRules(quotas map[Award]Quota) (AwardRules, error) {
	rules := make([]AwardRule, 0, len(quotas))
	for _, a := range sortedAwards(quotas) {
		r, err := rs.AwardRule(a, quotas[a])
		if err != nil {
			return AwardRules{}, err
		}
		rules = append(rules, r)
	}
	ar, err := NewAwardRules(rules...)
	if err != nil {
		return AwardRules{}, err
	}
	return ar.WithEqualMerit(rs.EqualMerit)
}

// clone returns a copy of rs that shares no slices with it.
func (rs RuleSet) clone() RuleSet {
	rs.Sources = slices.Clone(rs.Sources)
	rs.Thresholds = slices.Clone(rs.Thresholds)
	rs.Unverified = slices.Clone(rs.Unverified)
	return rs
}

// Equal reports whether rs and o hold the same values.
func (rs RuleSet) Equal(o RuleSet) bool {
	return rs.Name == o.Name && slices.Equal(rs.Sources, o.Sources) && rs.EffectiveFrom == o.EffectiveFrom &&
		rs.EffectiveUntil == o.EffectiveUntil && rs.CouncilQuorum == o.CouncilQuorum &&
		slices.Equal(rs.Thresholds, o.Thresholds) && rs.MaxRounds == o.MaxRounds &&
		rs.CutoffTie == o.CutoffTie && rs.Deadlock == o.Deadlock && rs.GovFlagQuota == o.GovFlagQuota &&
		rs.EqualMerit == o.EqualMerit && slices.Equal(rs.Unverified, o.Unverified)
}

// ---------------------------------------------------------------------------
// Rule books.
// ---------------------------------------------------------------------------

// RuleBook is a list of rule sets whose periods do not overlap, in date order:
// the regimes one after another. It is immutable and safe for concurrent use.
// The zero RuleBook has no rule sets.
type RuleBook struct {
	sets []RuleSet
}

// NewRuleBook validates each rule set and checks that no two are in force on
// the same day (a *RuleSetError wrapping ErrRuleSetOverlap; an open-ended set
// overlaps every later one). Gaps are allowed: no rules are in force in them.
func NewRuleBook(sets ...RuleSet) (RuleBook, error) {
	out := make([]RuleSet, 0, len(sets))
	for _, s := range sets {
		if err := s.Validate(); err != nil {
			return RuleBook{}, err
		}
		out = append(out, s.clone())
	}
	slices.SortStableFunc(out, func(a, b RuleSet) int { return a.EffectiveFrom.Compare(b.EffectiveFrom) })
	for i := 1; i < len(out); i++ {
		prev, cur := out[i-1], out[i]
		if prev.EffectiveUntil.IsZero() || prev.EffectiveUntil.Compare(cur.EffectiveFrom) >= 0 {
			return RuleBook{}, &RuleSetError{Name: prev.Name, Other: cur.Name, Err: ErrRuleSetOverlap}
		}
	}
	return RuleBook{sets: out}, nil
}

// On returns the rule set in force on day d, or a *FieldError wrapping
// ErrNoRuleSet (or ErrInvalidDate) naming the date.
func (b RuleBook) On(d Date) (RuleSet, error) {
	if err := d.Validate(); err != nil {
		return RuleSet{}, err
	}
	for _, s := range b.sets {
		if s.InForce(d) {
			return s.clone(), nil
		}
	}
	return RuleSet{}, &FieldError{Field: "date", Value: d.String(), Err: ErrNoRuleSet}
}

// Sets returns a copy of the rule sets in date order.
func (b RuleBook) Sets() []RuleSet {
	out := make([]RuleSet, len(b.sets))
	for i, s := range b.sets {
		out[i] = s.clone()
	}
	return out
}

// Presets returns the rule book of the three national regimes: Decree91_2017,
// Decree98_2023 and Decree152_2025.
func Presets() RuleBook {
	b, err := NewRuleBook(Decree91_2017(), Decree98_2023(), Decree152_2025())
	if err != nil {
		panic(err) // the presets are literal data checked by the tests
	}
	return b
}

// RulesOn returns the national preset in force on day d: Decree91_2017 up to
// 31/12/2023, Decree98_2023 from 01/01/2024 to 30/06/2025, Decree152_2025 from
// 01/07/2025. A day before 01/10/2017 gives a *FieldError wrapping ErrNoRuleSet.
func RulesOn(d Date) (RuleSet, error) { return Presets().On(d) }

// ---------------------------------------------------------------------------
// Presets.
// ---------------------------------------------------------------------------

const (
	srcCV5007   = "Công văn 5007/BNV-TĐKT (05/09/2023): Government flag proposals ≤ 20% of the collectives recognised as leading clusters; floor is RULES.md's inference"
	srcLaw2022  = "Luật Thi đua, khen thưởng 06/2022/QH15 (effective 01/01/2024): Điều 5 (one form for one achievement), Điều 25 k1 (Government flag among collectives leading clusters)"
	srcTANDTC   = "Thông tư 01/2024 TANDTC Điều 29 (courts sector): quorum 2/3, at most 2 ballots per round, then the cluster leader and deputy decide for flags"
	srcTT252025 = "Thông tư 25/2025/TT-BKHCN Điều 23 (science and technology sector, which took in the former MIC clusters): quorum 2/3, ballot for flags, over quota highest votes first, a tie at the cut-off decided by the Council Chair"

	noteQuorumSector = "council quorum 2/3: read in sector rules (TANDTC 01/2024, TT 25/2025/TT-BKHCN, Bắc Ninh QĐ 86/2025), not in the decree"
	noteRoundsSector = "max rounds 2 and leader+deputy deciding a deadlock for flags: TANDTC TT 01/2024 Điều 29, a courts-sector rule"
	noteGovQuota     = "Government-flag quota 20% of cluster leaders: NOT FOUND in this decree; default carried from CV 5007/BNV-TĐKT (2023)"
)

// flagThresholds returns ≥ 80% of all council members for both flags.
func flagThresholds() []AwardThreshold {
	t := AtLeast(4, 5).Of(Electorate)
	return []AwardThreshold{{Award: GovernmentFlag, Threshold: t}, {Award: MinistryFlag, Threshold: t}}
}

// Decree91_2017 returns the rules of Nghị định 91/2017/NĐ-CP (31/07/2017),
// which detailed the 2003 Law on Emulation and Commendation, in force until
// the 2022 Law took effect (to 31/12/2023).
//
//   - EffectiveFrom 01/10/2017: the decree's effective date, not confirmed in
//     the sources read
//     (its signing date 31/07/2017 is); flagged in Unverified.
//   - CouncilQuorum 2/3: NOT FOUND for this period; the default comes from
//     the later sector rules of RULES.md §3.2.
//   - Thresholds ≥ 80% of all council members for both flags: NOT FOUND for
//     this decree (RULES.md read only its 90% for individual titles, Điều 45
//     k8); carried back from Decree 98/2023 Điều 30 k7 as a default.
//   - MaxRounds 0, CutoffTie and Deadlock FallbackNone: NOT FOUND.
//   - GovFlagQuota ShareOfLeaders(1, 5), floor: Công văn 5007/BNV-TĐKT
//     (05/09/2023, issued under this decree); Điều 11 itself caps at 20% of
//     the collectives meeting the ministry or provincial flag standard.
//   - EqualMerit off: NOT FOUND for this period.
func Decree91_2017() RuleSet {
	return RuleSet{
		Name: "Nghị định 91/2017/NĐ-CP",
		Sources: []string{
			"Nghị định 91/2017/NĐ-CP (31/07/2017) quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
			"Nghị định 91/2017 Điều 11: Government flag ≤ 20% of the collectives meeting the ministry or provincial flag standard",
			"Nghị định 91/2017 Điều 45 k8: secret ballot; ≥ 90% of all council members for individual titles",
			srcCV5007,
		},
		EffectiveFrom:  MustDate(2017, time.October, 1),
		EffectiveUntil: MustDate(2023, time.December, 31),
		CouncilQuorum:  AtLeast(2, 3),
		Thresholds:     flagThresholds(),
		GovFlagQuota:   ShareOfLeaders(1, 5),
		Unverified: []string{
			"effective from 01/10/2017: not confirmed in the sources read",
			"council quorum 2/3: NOT FOUND for this period; default from later sector rules",
			"flag thresholds ≥ 80% of all council members: NOT FOUND for this decree; carried back from Decree 98/2023 Điều 30 k7",
			"max rounds, cut-off tie and deadlock fallbacks: NOT FOUND; none set",
			"Government-flag quota: Điều 11 caps at 20% of the collectives meeting the flag standard; 20% of cluster leaders is CV 5007/BNV-TĐKT (05/09/2023), applied to the whole period",
			"equal-merit rule: NOT FOUND for this period; off",
		},
	}
}

// Decree98_2023 returns the rules of Nghị định 98/2023/NĐ-CP (31/12/2023),
// which detailed the 2022 Law from 01/01/2024 until Decree 152/2025 repealed it
// (to 30/06/2025).
//
//   - Thresholds ≥ 80% of all council members for the ministry or provincial
//     flag and the Government flag, with a ballot: Điều 30 k7 [READ].
//   - CouncilQuorum 2/3: a sector rule (TANDTC TT 01/2024 Điều 29), flagged.
//   - MaxRounds 2 and Deadlock FallbackLeaderAndDeputy: TANDTC TT 01/2024
//     Điều 29, a courts-sector rule, flagged.
//   - CutoffTie FallbackNone: NOT FOUND for this period (the Chair's vote of TT
//     25/2025/TT-BKHCN came later).
//   - GovFlagQuota ShareOfLeaders(1, 5), floor: NOT FOUND in this decree; the
//     default of CV 5007/BNV-TĐKT (2023), flagged.
//   - EqualMerit off: NOT FOUND for this decree.
func Decree98_2023() RuleSet {
	return RuleSet{
		Name: "Nghị định 98/2023/NĐ-CP",
		Sources: []string{
			"Nghị định 98/2023/NĐ-CP (31/12/2023) quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
			"Nghị định 98/2023 Điều 30 k7: ballot; ≥ 80% of all council members for Cờ thi đua bộ/ngành/tỉnh and Cờ thi đua của Chính phủ",
			srcLaw2022,
			srcTANDTC,
			srcCV5007,
		},
		EffectiveFrom:  MustDate(2024, time.January, 1),
		EffectiveUntil: MustDate(2025, time.June, 30),
		CouncilQuorum:  AtLeast(2, 3),
		Thresholds:     flagThresholds(),
		MaxRounds:      2,
		Deadlock:       FallbackLeaderAndDeputy,
		GovFlagQuota:   ShareOfLeaders(1, 5),
		Unverified: []string{
			noteQuorumSector,
			noteRoundsSector,
			"cut-off tie: NOT FOUND for this period; none set",
			noteGovQuota,
			"equal-merit rule: NOT FOUND for this decree; off",
		},
	}
}

// Decree152_2025 returns the rules of Nghị định 152/2025/NĐ-CP, in force from
// 01/07/2025 (it repealed Decree 98/2023, Điều 59).
//
//   - EqualMerit AtLeast(7, 10): Điều 4 k6, prefer the collective with at
//     least 70% women among equally qualified ones [READ].
//   - No proposal while a case is pending: Điều 4 k4 [READ], applied by
//     DecideCandidates under every rule set.
//   - Thresholds ≥ 80% of all council members for both flags: NOT VERIFIED
//     under this decree; carried from Decree 98/2023 Điều 30 k7, flagged.
//   - CouncilQuorum 2/3 and CutoffTie FallbackChair: TT 25/2025/TT-BKHCN
//     Điều 23, the sector circular of the ministry that took in the former
//     MIC clusters, flagged as sector rules.
//   - MaxRounds 2 and Deadlock FallbackLeaderAndDeputy: TANDTC TT 01/2024
//     Điều 29, a courts-sector rule, flagged.
//   - GovFlagQuota ShareOfLeaders(1, 5), floor: NOT FOUND in this decree;
//     the default of CV 5007/BNV-TĐKT (2023), flagged.
func Decree152_2025() RuleSet {
	return RuleSet{
		Name: "Nghị định 152/2025/NĐ-CP",
		Sources: []string{
			"Nghị định 152/2025/NĐ-CP (effective 01/07/2025; Điều 59 repeals Nghị định 98/2023 and 28/2024)",
			"Nghị định 152/2025 Điều 4 k4: no award or proposal while discipline, investigation or a complaint is pending",
			"Nghị định 152/2025 Điều 4 k6: among equally qualified collectives, prefer one with ≥ 70% women",
			srcLaw2022,
			srcTT252025,
			srcTANDTC,
			srcCV5007,
		},
		EffectiveFrom: MustDate(2025, time.July, 1),
		CouncilQuorum: AtLeast(2, 3),
		Thresholds:    flagThresholds(),
		MaxRounds:     2,
		CutoffTie:     FallbackChair,
		Deadlock:      FallbackLeaderAndDeputy,
		GovFlagQuota:  ShareOfLeaders(1, 5),
		EqualMerit:    AtLeast(7, 10),
		Unverified: []string{
			"flag thresholds ≥ 80% of all council members: NOT VERIFIED under this decree; carried from Decree 98/2023 Điều 30 k7",
			"council quorum 2/3 and the Chair deciding a cut-off tie: TT 25/2025/TT-BKHCN Điều 23, a sector rule whose effective date was not found; applied from 01/07/2025",
			noteRoundsSector,
			noteGovQuota,
		},
	}
}
