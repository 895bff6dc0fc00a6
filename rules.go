package thidua

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"
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
	// Year is the year, such as 2025.
	Year int
	// Month is the month, January (tháng 1) to December (tháng 12).
	Month time.Month
	// Day is the day of the month, from 1.
	Day int
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

// The fallbacks found in the rules.
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
// Layers, statuses and citations.
// ---------------------------------------------------------------------------

// Layer is the level of the document a rule comes from (cấp văn bản): the
// national law and its decree, a ministry's circular for its sector, or a
// province's decision or the cluster's own regulation. A higher layer binds a
// lower one; Compose applies them in that order. The zero Layer is
// LayerNational.
type Layer uint8

// The layers, highest first.
const (
	// LayerNational: the Law on Emulation and Commendation and the Government's
	// decree detailing it (Luật, Nghị định), and the national guidance of the
	// Ministry of Home Affairs (Công văn của Bộ Nội vụ).
	LayerNational Layer = iota
	// LayerSector: a ministry's circular for its sector (thông tư hướng dẫn
	// ngành), such as Thông tư 25/2025/TT-BKHCN.
	LayerSector
	// LayerLocal: a province's decision (quyết định của UBND tỉnh) or the
	// cluster's own regulation (quy chế cụm thi đua).
	LayerLocal
)

var layers = enum[Layer]{typ: "Layer", field: "layer", first: LayerNational,
	en:  []string{"national", "sector", "local"},
	vi:  []string{"văn bản của Nhà nước", "văn bản của ngành", "văn bản của địa phương, của cụm"},
	err: ErrInvalidCitation}

// IsValid reports whether l is one of the defined layers.
func (l Layer) IsValid() bool { return layers.valid(l) }

// String returns "national", "sector" or "local".
func (l Layer) String() string { return layers.name(l) }

// Vietnamese returns the layer in Vietnamese, such as "văn bản của ngành".
func (l Layer) Vietnamese() string { return layers.vietnamese(l) }

// MarshalText encodes a valid layer as its name.
func (l Layer) MarshalText() ([]byte, error) { return layers.marshal(l) }

// UnmarshalText accepts the names String returns.
func (l *Layer) UnmarshalText(text []byte) error { return layers.set(l, text) }

// Status says how far a legal value was checked against its source (mức độ
// xác minh). Only StatusRead values are stated in Vietnamese documents; the
// others are defaults the caller should confirm. The zero Status is not valid.
type Status uint8

// The statuses of a citation.
const (
	// StatusRead: the wording was read in the cited document (or in a
	// verbatim quotation of it).
	StatusRead Status = iota + 1
	// StatusUnverified: reported, or carried over from another document or
	// period, but not read for this one.
	StatusUnverified
	// StatusNotFound: no rule was found; the value is the library's
	// documented default (often "none").
	StatusNotFound
)

var statuses = enum[Status]{typ: "Status", field: "status", first: StatusRead,
	en:  []string{"", "read", "unverified", "not-found"},
	vi:  []string{"", "đã đối chiếu văn bản", "chưa xác minh", "không tìm thấy quy định"},
	err: ErrInvalidCitation}

// IsValid reports whether s is one of the defined statuses.
func (s Status) IsValid() bool { return statuses.valid(s) }

// String returns "read", "unverified" or "not-found".
func (s Status) String() string { return statuses.name(s) }

// Vietnamese returns the status in Vietnamese, such as "chưa xác minh".
func (s Status) Vietnamese() string { return statuses.vietnamese(s) }

// MarshalText encodes a valid status as its name.
func (s Status) MarshalText() ([]byte, error) { return statuses.marshal(s) }

// UnmarshalText accepts the names String returns.
func (s *Status) UnmarshalText(text []byte) error { return statuses.set(s, text) }

// The rules a citation can support (Citation.Rule). Thresholds and the
// "leads the cluster" standard are per award: "threshold/ministry-flag".
const (
	ruleDocument   = "document"         // the document applies (its number, dates)
	ruleEffective  = "effective"        // the day the layer starts
	ruleQuorum     = "quorum"           // RuleSet.CouncilQuorum
	ruleThreshold  = "threshold/"       // RuleSet.Thresholds, + the award's key
	ruleRounds     = "rounds"           // RuleSet.MaxRounds
	ruleCutoffTie  = "cutoff-tie"       // RuleSet.CutoffTie
	ruleDeadlock   = "deadlock"         // RuleSet.Deadlock
	ruleGovQuota   = "gov-flag-quota"   // RuleSet.GovFlagQuota
	ruleEqualMerit = "equal-merit"      // RuleSet.EqualMerit
	ruleOrder      = "over-quota-order" // RuleSet.VotesFirst
	ruleSecret     = "secret-ballot"    // RuleSet.SecretBallot
	ruleLeads      = "leads-cluster/"   // RuleSet.LeadsCluster, + the award's key
	ruleExcellent  = "excellent-years"  // RuleSet.MeritExcellentYears
	rulePending    = "pending-case"     // no proposal while a case is pending
	ruleDiscipline = "discipline"       // achievements count from the end of discipline
	ruleAdHoc      = "ad-hoc"           // ad-hoc and thematic awards do not count
	ruleOneForm    = "one-form"         // one form for one achievement
	ruleTransition = "transition"       // dossiers received before a new law
)

// Citation is the legal source of one value of a RuleSet (căn cứ pháp lý): the
// document, its article, clause and point, its dates, the layer it belongs
// to, and how far the value was checked against it. Rule names the value it
// supports: "document" (the document applies), "effective" (the day the layer
// starts), "quorum", "threshold/<award>", "rounds", "cutoff-tie", "deadlock",
// "gov-flag-quota", "equal-merit", "over-quota-order", "secret-ballot",
// "leads-cluster/<award>", "excellent-years", "pending-case", "discipline",
// "ad-hoc", "one-form" or "transition". Notes say in English and in
// Vietnamese what was not verified and what default stands in; they are for
// the caller, not for the minutes. The zero Citation is not valid.
type Citation struct {
	// Rule is the value the citation supports, as listed above.
	Rule string `json:"rule"`
	// Document is the document's number and symbol (số, ký hiệu), such as
	// "98/2023/NĐ-CP"; its kind (Nghị định, Thông tư, ...) follows from the
	// symbol. It may be empty for a document without a number, which Title
	// then names.
	Document string `json:"document,omitempty"`
	// Title is the document's name where it helps or where it has no number,
	// such as "Thi đua, khen thưởng" for the Law, or "Quy chế hoạt động của
	// Cụm thi đua số 3".
	Title string `json:"title,omitempty"`
	// Article is the article (Điều); zero means the document as a whole.
	Article int `json:"article,omitempty"`
	// Clause is the clause of the article (khoản); zero means the whole
	// article.
	Clause int `json:"clause,omitempty"`
	// Point is the point of the clause (điểm), a letter such as "d"; ""
	// means the whole clause.
	Point string `json:"point,omitempty"`
	// Signed is the day the document was signed (ngày ký, ban hành); the
	// zero Date means not found.
	Signed Date `json:"signed"`
	// Effective is the day it took effect (ngày có hiệu lực); the zero Date
	// means not found, and Earliest then falls back on Signed.
	Effective Date `json:"effective"`
	// Layer is the layer of the document.
	Layer Layer `json:"layer"`
	// Status says whether the value was read in the document.
	Status Status `json:"status"`
	// Override says that the layer replaces on purpose a value a higher layer
	// set (see Compose).
	Override bool `json:"override,omitempty"`
	// Note says in English what was not verified or what default stands in.
	// It is never printed in Vietnamese minutes.
	Note string `json:"note,omitempty"`
	// NoteVietnamese says the same in Vietnamese (ghi chú). It is never
	// printed in minutes.
	NoteVietnamese string `json:"note_vi,omitempty"`
}

// kind returns the kind of document its symbol implies, in Vietnamese and in
// English (Nghị định / Decree, Thông tư / Circular, ...).
func (c Citation) kind() (vi, en string) {
	d := c.Document
	switch {
	case strings.Contains(d, "/NĐ-CP"):
		return "Nghị định", "Decree"
	case strings.Contains(d, "/TT-"):
		return "Thông tư", "Circular"
	case strings.Contains(d, "/QH"):
		return "Luật", "Law"
	case strings.Contains(d, "/QĐ-"):
		return "Quyết định", "Decision"
	case strings.Contains(d, "/CT-"):
		return "Chỉ thị", "Directive"
	case strings.Contains(d, "/HD-"):
		return "Hướng dẫn", "Guidance"
	case d != "":
		return "Công văn", "Official Letter"
	}
	return "", ""
}

// Vietnamese renders the citation as a Vietnamese document writes it:
// "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP", "điểm d khoản 3 Điều 7 Thông
// tư số 25/2025/TT-BKHCN", "Luật Thi đua, khen thưởng số 06/2022/QH15".
func (c Citation) Vietnamese() string {
	var parts []string
	if c.Point != "" {
		parts = append(parts, "điểm "+c.Point)
	}
	if c.Clause > 0 {
		parts = append(parts, "khoản "+strconv.Itoa(c.Clause))
	}
	if c.Article > 0 {
		parts = append(parts, "Điều "+strconv.Itoa(c.Article))
	}
	kind, _ := c.kind()
	doc := c.Title
	switch {
	case c.Document == "":
	case kind == "Luật" && c.Title != "":
		doc = "Luật " + c.Title + " số " + c.Document
	default:
		doc = kind + " số " + c.Document
	}
	return strings.Join(append(parts, doc), " ")
}

// English renders the citation in English: "Article 30(7) of Decree No.
// 98/2023/NĐ-CP", "Article 7(3)(d) of Circular No. 25/2025/TT-BKHCN".
func (c Citation) English() string {
	_, kind := c.kind()
	doc := fmt.Sprintf("%q", c.Title)
	if c.Document != "" {
		doc = kind + " No. " + c.Document
	}
	if c.Article == 0 {
		return doc
	}
	loc := "Article " + strconv.Itoa(c.Article)
	if c.Clause > 0 {
		loc += "(" + strconv.Itoa(c.Clause) + ")"
	}
	if c.Point != "" {
		loc += "(" + c.Point + ")"
	}
	return loc + " of " + doc
}

// Validate reports a citation that names no rule or no document, has an
// invalid date, layer or status, or gives a point without a clause or a clause
// without an article, as a *FieldError wrapping ErrInvalidCitation (or
// ErrInvalidDate).
func (c Citation) Validate() error {
	bad := func(field, v string) error {
		return &FieldError{Field: "citation " + field, Value: v, Err: ErrInvalidCitation}
	}
	switch {
	case blank(c.Rule):
		return bad("rule", c.Rule)
	case blank(c.Document) && blank(c.Title):
		return bad("document", c.Document)
	case c.Article < 0 || c.Clause < 0 || (c.Clause > 0 && c.Article == 0) || (c.Point != "" && c.Clause == 0):
		return bad("article", c.Vietnamese())
	case !c.Layer.IsValid():
		return bad("layer", c.Layer.String())
	case !c.Status.IsValid():
		return bad("status", c.Status.String())
	}
	for _, d := range []Date{c.Signed, c.Effective} {
		if !d.IsZero() {
			if err := d.Validate(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Earliest returns the first day the document can apply: its effective date,
// or, where that was not found, its signing date, and the zero Date when
// neither is known.
func (c Citation) Earliest() Date {
	if !c.Effective.IsZero() {
		return c.Effective
	}
	return c.Signed
}

// ---------------------------------------------------------------------------
// Rule sets.
// ---------------------------------------------------------------------------

// RuleSet is the legal parameters of the year-end review in force for a
// period, as data with their sources: the council's quorum, the approval each
// award needs, the ballot rounds and who settles a deadlock, the
// Government-flag quota, the equal-merit rule, the order seats fill over a
// quota, the secret ballot, and the standards that read a unit's record. It is
// in force from EffectiveFrom to EffectiveUntil, both inclusive (the zero
// EffectiveUntil: open-ended).
//
// A rule set is one layer (a national decree, a sector's circular, a
// province's or the cluster's own rules) or the composition of several
// (Compose). Every value it holds has a Citation in Sources naming its rule,
// document, layer and status; a value the law is silent on carries a
// StatusNotFound citation and the documented default. The national presets
// are Decree91_2017, Decree98_2023, Decree152_2025 and Amendment2026; the
// sector and local layers ScienceTechnology2025, InformationCommunications2018,
// Courts2024 and BacNinh2025. Check a rule set of one's own with Validate.
type RuleSet struct {
	// Name is the regime's short name, such as "Nghị định 152/2025/NĐ-CP"; a
	// composed rule set joins its layers' names with "; ".
	Name string `json:"name"`
	// Layer is the layer of the rule set, or of its lowest layer once
	// composed.
	Layer Layer `json:"layer"`
	// Sources are the citations of every value and document, one current
	// citation per value.
	Sources []Citation `json:"sources"`
	// Changes are the citations a lower layer replaced when the rule set was
	// composed, as the higher layer had them, each with a note naming the
	// layer that changed it and the value it had.
	Changes []Citation `json:"changes,omitempty"`
	// EffectiveFrom is the first day in force (ngày có hiệu lực).
	EffectiveFrom Date `json:"effective_from"`
	// EffectiveUntil is the last day in force; the zero Date means open-ended.
	EffectiveUntil Date `json:"effective_until"`
	// CouncilQuorum is the share of council members who must be present for the
	// council to meet (zero: none).
	CouncilQuorum Share `json:"council_quorum"`
	// Thresholds is the approval each voted award needs, keyed by award (in
	// JSON, by the award's key such as "ministry-flag"); an award not listed
	// needs no vote. Each threshold's citation is in Sources, under the rule
	// "threshold/" and the award's key.
	Thresholds map[Award]Threshold `json:"thresholds"`
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
	// VotesFirst is the order seats fill when more units qualify than the
	// quota allows: true takes the most votes first, then rank (Thông tư
	// 25/2025/TT-BKHCN Điều 23, "lấy kết quả từ cao xuống thấp"); false, the
	// default, takes rank (score) first, then votes, as clusters usually rank.
	VotesFirst bool `json:"votes_first,omitempty"`
	// SecretBallot says the council's vote is a secret ballot (bỏ phiếu kín),
	// as Nghị định 91/2017/NĐ-CP Điều 45 khoản 8 required.
	SecretBallot bool `json:"secret_ballot,omitempty"`
	// LeadsCluster lists the awards that go only to a unit leading its cluster
	// (dẫn đầu cụm, khối thi đua), each once.
	LeadsCluster []Award `json:"leads_cluster,omitempty"`
	// MeritExcellentYears is the number of consecutive years rated
	// "hoàn thành xuất sắc nhiệm vụ" that the Certificate of Merit
	// (AwardMinistryMerit) needs (0: no such standard).
	MeritExcellentYears int `json:"merit_excellent_years,omitempty"`
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

// invalidRuleSet marks the cause of a Validate error as an invalid rule set,
// so that errors.Is matches both ErrInvalidRuleSet and the specific cause.
type invalidRuleSet struct{ err error }

func (e invalidRuleSet) Error() string {
	if errors.Is(e.err, ErrInvalidRuleSet) {
		return e.err.Error()
	}
	return "invalid rule set: " + reason(e.err)
}

func (e invalidRuleSet) Unwrap() []error { return []error{ErrInvalidRuleSet, e.err} }

// both is an error that is two sentinels at once, worded as the first with
// the second in parentheses.
type both struct{ first, second error }

func (e both) Error() string   { return e.first.Error() + " (" + reason(e.second) + ")" }
func (e both) Unwrap() []error { return []error{e.first, e.second} }

// Validate reports a rule set that cannot be used, as a *FieldError (Field
// "rule set") whose cause matches ErrInvalidRuleSet with errors.Is and also
// wraps the specific cause: a blank name (ErrBlankName), an invalid start or
// end date (ErrInvalidDate), an end before the start (ErrDatesBackwards), a
// start before one of its documents can apply (ErrBeforeDocuments), an invalid
// quorum or equal-merit share (ErrInvalidShare), negative rounds or excellent
// years, an unknown layer or fallback, a threshold for an unknown award
// (ErrInvalidAward) or an invalid threshold, an invalid Government-flag
// quota, an award listed twice in LeadsCluster (ErrDuplicateRule), or an invalid
// citation (ErrInvalidCitation).
func (rs RuleSet) Validate() error {
	if err := rs.validate(); err != nil {
		return ruleSetError(rs.Name, "", invalidRuleSet{err})
	}
	return nil
}

func (rs RuleSet) validate() error {
	if blank(rs.Name) {
		return &FieldError{Field: "name", Value: rs.Name, Err: ErrBlankName}
	}
	if !rs.Layer.IsValid() {
		return &FieldError{Field: "layer", Value: rs.Layer.String(), Err: ErrInvalidRuleSet}
	}
	if err := rs.EffectiveFrom.Validate(); err != nil {
		return err
	}
	if !rs.EffectiveUntil.IsZero() {
		if err := rs.EffectiveUntil.Validate(); err != nil {
			return err
		}
		if rs.EffectiveUntil.Compare(rs.EffectiveFrom) < 0 {
			return &FieldError{Field: "effective_until", Value: rs.EffectiveUntil.String(), Err: ErrDatesBackwards}
		}
	}
	if err := rs.CouncilQuorum.Validate(); err != nil {
		return err
	}
	if err := rs.EqualMerit.Validate(); err != nil {
		return err
	}
	if rs.MaxRounds < 0 {
		return &FieldError{Field: "max_rounds", Value: strconv.Itoa(rs.MaxRounds), Err: ErrInvalidRuleSet}
	}
	if rs.MeritExcellentYears < 0 || rs.MeritExcellentYears > MaxYear-MinYear+1 {
		return &FieldError{Field: "merit_excellent_years", Value: strconv.Itoa(rs.MeritExcellentYears), Err: ErrInvalidRuleSet}
	}
	if !rs.CutoffTie.IsValid() {
		return &FieldError{Field: "cutoff_tie", Value: rs.CutoffTie.String(), Err: ErrInvalidRuleSet}
	}
	if !rs.Deadlock.IsValid() {
		return &FieldError{Field: "deadlock", Value: rs.Deadlock.String(), Err: ErrInvalidRuleSet}
	}
	if err := rs.GovFlagQuota.Validate(); err != nil {
		return err
	}
	for _, a := range sortedAwards(rs.Thresholds) {
		if !a.IsValid() {
			return &FieldError{Field: "threshold award", Value: a.String(), Err: ErrInvalidAward}
		}
		if err := rs.Thresholds[a].Validate(); err != nil {
			return awardError(a, "", err)
		}
	}
	for i, a := range rs.LeadsCluster {
		if !a.IsValid() {
			return &FieldError{Field: "leads_cluster award", Value: a.String(), Err: ErrInvalidAward}
		}
		if slices.Contains(rs.LeadsCluster[:i], a) {
			return awardError(a, "", ErrDuplicateRule)
		}
	}
	for _, list := range [][]Citation{rs.Sources, rs.Changes} {
		for _, c := range list {
			if err := c.Validate(); err != nil {
				return err
			}
			if c.Layer > rs.Layer {
				return &FieldError{Field: "citation layer", Value: c.Layer.String() + " in a " + rs.Layer.String() + " rule set", Err: ErrInvalidCitation}
			}
		}
	}
	for _, c := range rs.Sources {
		if c.Rule == ruleDocument && c.Layer == rs.Layer {
			if e := c.Earliest(); !e.IsZero() && rs.EffectiveFrom.Compare(e) < 0 {
				return &FieldError{Field: "effective_from", Value: rs.EffectiveFrom.String() + " before " + c.English(), Err: ErrBeforeDocuments}
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
	return rs.Thresholds[a]
}

// Source returns the current citation of rule (a Citation.Rule name, such as
// "quorum" or "threshold/ministry-flag"), if the rule set has one.
func (rs RuleSet) Source(rule string) (Citation, bool) {
	for _, c := range rs.Sources {
		if c.Rule == rule {
			return c, true
		}
	}
	return Citation{}, false
}

// ThresholdSource returns the citation of award a's vote threshold.
func (rs RuleSet) ThresholdSource(a Award) (Citation, bool) {
	return rs.Source(ruleThreshold + a.String())
}

// PendingSource returns the citation of the bar on proposing a unit while a
// discipline, investigation or complaint is pending: Nghị định 98/2023/NĐ-CP
// Điều 4, Nghị định 152/2025/NĐ-CP Điều 4 khoản 4, or a StatusNotFound
// citation under Nghị định 91/2017/NĐ-CP.
func (rs RuleSet) PendingSource() (Citation, bool) { return rs.Source(rulePending) }

// Unverified returns the citations of values not read in their source
// (StatusUnverified or StatusNotFound), for the caller to confirm. Minutes in
// Vietnamese never print them.
func (rs RuleSet) Unverified() []Citation {
	var out []Citation
	for _, c := range rs.Sources {
		if c.Status != StatusRead {
			out = append(out, c)
		}
	}
	return out
}

// Read returns the citations read in their source, in order.
func (rs RuleSet) Read() []Citation {
	var out []Citation
	for _, c := range rs.Sources {
		if c.Status == StatusRead {
			out = append(out, c)
		}
	}
	return out
}

// Mentions reports whether a citation of the rule set (current or replaced)
// names document, such as "06/2026/QH16".
func (rs RuleSet) Mentions(document string) bool {
	for _, list := range [][]Citation{rs.Sources, rs.Changes} {
		for _, c := range list {
			if c.Document == document {
				return true
			}
		}
	}
	return false
}

// DeadlockFor returns who decides award a's vote after its last round: the
// rule set's Deadlock for the two flags, as Thông tư 01/2024/TT-TANDTC Điều 29
// says where it is set, and FallbackNone for other awards. (A tie at the
// cut-off goes to CutoffTie, the quorum is CouncilQuorum, the threshold
// Threshold(a) and the most ballots MaxRounds, for every award.)
func (rs RuleSet) DeadlockFor(a Award) Fallback {
	if a == AwardGovernmentFlag || a == AwardMinistryFlag {
		return rs.Deadlock
	}
	return FallbackNone
}

// ContestSpec returns the cluster's own vote on award a: an approval ballot
// ("đồng ý") of all members on all members, blank ballots valid (a vote for
// nobody). No rule found sets a threshold or quorum for a cluster's vote as
// distinct from the council's, so this applies the rule set's values to the
// cluster: the threshold for a, as a share of all the cluster's members
// (Nghị định 98/2023/NĐ-CP Điều 30 khoản 7 takes its 80% of all council
// members), and the quorum. That is the library's default, not the law's; the
// caller narrows or replaces it (Candidates, Present, MaxMarks, Threshold) and
// builds it with NewContest.
func (rs RuleSet) ContestSpec(a Award, c Cluster) ContestSpec {
	return ContestSpec{
		ID:         ContestID(fmt.Sprintf("%s/%d/%s", c.ID(), c.Year(), a)),
		Title:      a.Vietnamese(),
		Year:       c.Year(),
		Candidates: c.MemberIDs(),
		Electorate: c.Len(),
		Method:     MethodApproval,
		Threshold:  rs.Threshold(a),
		Quorum:     rs.CouncilQuorum,
		BlankValid: true,
	}
}

// AwardRule returns the rule the rule set implies for award a with quota q:
// the vote is the rule set's threshold for a; the Government flag gets the
// rule set's GovFlagQuota when q is zero. The standards are, in order: no
// pending case (applied by DecideCandidates under every rule set, with the
// rule set's own citation), leading the cluster where LeadsCluster lists a
// (Luật Thi đua, khen thưởng 2022 Điều 25 khoản 1 for the Government flag),
// and, for the Certificate of Merit, MeritExcellentYears consecutive
// excellent years where it is set. Other standards are the caller's to add.
func (rs RuleSet) AwardRule(a Award, q Quota) (AwardRule, error) {
	r := AwardRule{Award: a, Quota: q, Vote: rs.Threshold(a), Standards: []Standard{RequireNoPendingCase()}}
	if a == AwardGovernmentFlag && q.IsZero() {
		r.Quota = rs.GovFlagQuota
	}
	if slices.Contains(rs.LeadsCluster, a) {
		r.Standards = append(r.Standards, RequireLeadsCluster())
	}
	if a == AwardMinistryMerit && rs.MeritExcellentYears > 0 {
		r.Standards = append(r.Standards, RequireExcellentYears(rs.MeritExcellentYears))
	}
	if err := r.Validate(); err != nil {
		return AwardRule{}, err
	}
	return r, nil
}

// AwardRules returns the rules the rule set implies for the awards the cluster
// considers, each with its quota (see AwardRule), the rule set's equal-merit
// rule and its over-quota order. The flags per cluster are the ministry's or
// the cluster's to set (no national rule was found), so quotas come from the
// caller.
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
	ar.votesFirst = rs.VotesFirst
	return ar.WithEqualMerit(rs.EqualMerit)
}

// clone returns a copy of rs that shares no slices or maps with it.
func (rs RuleSet) clone() RuleSet {
	rs.Sources = slices.Clone(rs.Sources)
	rs.Changes = slices.Clone(rs.Changes)
	rs.Thresholds = maps.Clone(rs.Thresholds)
	rs.LeadsCluster = slices.Clone(rs.LeadsCluster)
	return rs
}

// Equal reports whether rs and o hold the same values and citations.
func (rs RuleSet) Equal(o RuleSet) bool {
	return rs.Name == o.Name && rs.Layer == o.Layer && slices.Equal(rs.Sources, o.Sources) &&
		slices.Equal(rs.Changes, o.Changes) && rs.EffectiveFrom == o.EffectiveFrom &&
		rs.EffectiveUntil == o.EffectiveUntil && rs.CouncilQuorum == o.CouncilQuorum &&
		maps.Equal(rs.Thresholds, o.Thresholds) && rs.MaxRounds == o.MaxRounds &&
		rs.CutoffTie == o.CutoffTie && rs.Deadlock == o.Deadlock && rs.GovFlagQuota == o.GovFlagQuota &&
		rs.EqualMerit == o.EqualMerit && rs.VotesFirst == o.VotesFirst && rs.SecretBallot == o.SecretBallot &&
		slices.Equal(rs.LeadsCluster, o.LeadsCluster) && rs.MeritExcellentYears == o.MeritExcellentYears
}

// ---------------------------------------------------------------------------
// Composing layers.
// ---------------------------------------------------------------------------

// valueRules are the rules that set a value of a RuleSet, besides the
// per-award ones (threshold/, leads-cluster/).
var valueRules = []string{ruleQuorum, ruleRounds, ruleCutoffTie, ruleDeadlock, ruleGovQuota, ruleEqualMerit,
	ruleOrder, ruleSecret, ruleExcellent}

func isValueRule(rule string) bool {
	return slices.Contains(valueRules, rule) || strings.HasPrefix(rule, ruleThreshold)
}

// value renders the value rule sets, for comparing layers and for the notes
// of Changes.
func (rs RuleSet) value(rule string) string {
	switch rule {
	case ruleQuorum:
		return rs.CouncilQuorum.String()
	case ruleRounds:
		return strconv.Itoa(rs.MaxRounds)
	case ruleCutoffTie:
		return rs.CutoffTie.String()
	case ruleDeadlock:
		return rs.Deadlock.String()
	case ruleGovQuota:
		return rs.GovFlagQuota.String()
	case ruleEqualMerit:
		return rs.EqualMerit.String()
	case ruleOrder:
		if rs.VotesFirst {
			return "votes first"
		}
		return "rank first"
	case ruleSecret:
		return strconv.FormatBool(rs.SecretBallot)
	case ruleExcellent:
		return strconv.Itoa(rs.MeritExcellentYears)
	}
	if a, err := ParseAward(strings.TrimPrefix(rule, ruleThreshold)); err == nil {
		return rs.Threshold(a).String()
	}
	return ""
}

// take copies the value rule sets from src into rs.
func (rs *RuleSet) take(rule string, src RuleSet) {
	switch rule {
	case ruleQuorum:
		rs.CouncilQuorum = src.CouncilQuorum
	case ruleRounds:
		rs.MaxRounds = src.MaxRounds
	case ruleCutoffTie:
		rs.CutoffTie = src.CutoffTie
	case ruleDeadlock:
		rs.Deadlock = src.Deadlock
	case ruleGovQuota:
		rs.GovFlagQuota = src.GovFlagQuota
	case ruleEqualMerit:
		rs.EqualMerit = src.EqualMerit
	case ruleOrder:
		rs.VotesFirst = src.VotesFirst
	case ruleSecret:
		rs.SecretBallot = src.SecretBallot
	case ruleExcellent:
		rs.MeritExcellentYears = src.MeritExcellentYears
	default:
		a, err := ParseAward(strings.TrimPrefix(rule, ruleThreshold))
		if err != nil {
			return
		}
		rs.Thresholds = maps.Clone(rs.Thresholds)
		delete(rs.Thresholds, a)
		if t := src.Threshold(a); !t.IsZero() {
			if rs.Thresholds == nil {
				rs.Thresholds = map[Award]Threshold{}
			}
			rs.Thresholds[a] = t
		}
	}
}

// atLeastAsStrict reports whether share n asks at least as much as share o,
// compared exactly.
func atLeastAsStrict(n, o Share) bool {
	if o.IsZero() {
		return true
	}
	if n.IsZero() {
		return false
	}
	l := new(big.Int).Mul(big.NewInt(n.num), big.NewInt(o.den))
	r := new(big.Int).Mul(big.NewInt(o.num), big.NewInt(n.den))
	c := l.Cmp(r)
	return c > 0 || (c == 0 && (n.strict || !o.strict))
}

// stricter reports whether lower's value for rule asks at least as much as
// higher's: a higher vote share of the same base, a higher quorum, a secret
// ballot where there was none, more excellent years. A lower layer may make
// such a change without an override.
func stricter(rule string, higher, lower RuleSet) bool {
	switch rule {
	case ruleQuorum:
		return atLeastAsStrict(lower.CouncilQuorum, higher.CouncilQuorum)
	case ruleSecret:
		return lower.SecretBallot || !higher.SecretBallot
	case ruleExcellent:
		return lower.MeritExcellentYears >= higher.MeritExcellentYears
	}
	if a, err := ParseAward(strings.TrimPrefix(rule, ruleThreshold)); err == nil && strings.HasPrefix(rule, ruleThreshold) {
		h, l := higher.Threshold(a), lower.Threshold(a)
		return h.IsZero() || (!l.IsZero() && l.Base == h.Base && atLeastAsStrict(l.Share, h.Share))
	}
	return false
}

// Compose returns the rules in force while all the layers apply together: the
// first layer is the base, usually a national preset, and each later one is
// applied on top of the result, so layers go from national to sector to
// local (a lower layer may follow another of the same level, such as a
// cluster's regulation after its province's decision).
//
// What a lower layer may change: a value is set by a layer when the layer has
// a citation for its rule. A lower layer may set a value the layers above
// leave open (no citation, or a StatusNotFound default); it may make a vote
// threshold or the quorum stricter (a higher share of the same base), require
// a secret ballot, ask for more excellent years, and add awards that need
// leading the cluster. Any other change to a value a higher layer set needs
// Override on the lower layer's citation; without it Compose fails with
// ErrLayerConflict. A lower layer's value without a citation is an error
// (ErrInvalidCitation), not ignored. Each change is recorded: the replaced citation moves to
// Changes with a note giving the old value and the layer that changed it.
//
// The result is in force on the days every layer is (the latest start, the
// earliest end), has the lowest layer's Layer, and joins the names with "; ".
// Errors (each a *FieldError (Field "rule set")): an invalid layer (see
// Validate), no layers (ErrMissingPart), a higher layer after a lower one
// (ErrLayerOrder), layers never in force together (ErrLayerDates), a value
// without a citation (ErrInvalidCitation), and ErrLayerConflict.
func Compose(layers ...RuleSet) (RuleSet, error) {
	if len(layers) == 0 {
		return RuleSet{}, ruleSetError("", "", &FieldError{Field: "layers", Value: "", Err: ErrMissingPart})
	}
	for _, l := range layers {
		if err := l.Validate(); err != nil {
			return RuleSet{}, err
		}
	}
	out := layers[0].clone()
	for _, l := range layers[1:] {
		if l.Layer < out.Layer {
			return RuleSet{}, ruleSetError(out.Name, l.Name, &FieldError{Field: "layer",
				Value: l.Layer.String() + " after " + out.Layer.String(), Err: ErrLayerOrder})
		}
		if l.EffectiveFrom.Compare(out.EffectiveFrom) > 0 {
			out.EffectiveFrom = l.EffectiveFrom
		}
		if !l.EffectiveUntil.IsZero() && (out.EffectiveUntil.IsZero() || l.EffectiveUntil.Compare(out.EffectiveUntil) < 0) {
			out.EffectiveUntil = l.EffectiveUntil
		}
		if !out.EffectiveUntil.IsZero() && out.EffectiveUntil.Compare(out.EffectiveFrom) < 0 {
			return RuleSet{}, ruleSetError(out.Name, l.Name, &FieldError{Field: "dates",
				Value: out.EffectiveFrom.String() + " to " + out.EffectiveUntil.String(), Err: ErrLayerDates})
		}
		if err := out.apply(l); err != nil {
			return RuleSet{}, err
		}
		out.Name += "; " + l.Name
		out.Layer = l.Layer
	}
	if err := out.Validate(); err != nil {
		return RuleSet{}, err
	}
	return out, nil
}

// uncited returns the first value l sets (away from the zero RuleSet's)
// without a citation for it, or "".
func (l RuleSet) uncited() string {
	var zero RuleSet
	rules := slices.Clone(valueRules)
	for _, a := range sortedAwards(l.Thresholds) {
		rules = append(rules, ruleThreshold+a.String())
	}
	for _, rule := range rules {
		if _, ok := l.Source(rule); !ok && l.value(rule) != zero.value(rule) {
			return rule
		}
	}
	for _, a := range l.LeadsCluster {
		if _, ok := l.Source(ruleLeads + a.String()); !ok {
			return ruleLeads + a.String()
		}
	}
	return ""
}

// apply lays l over rs, as Compose describes.
func (rs *RuleSet) apply(l RuleSet) error {
	if rule := l.uncited(); rule != "" {
		return ruleSetError(rs.Name, l.Name, &FieldError{Field: rule, Value: l.value(rule) + " without a citation", Err: ErrInvalidCitation})
	}
	for _, c := range l.Sources {
		switch {
		case strings.HasPrefix(c.Rule, ruleLeads):
			a, err := ParseAward(strings.TrimPrefix(c.Rule, ruleLeads))
			if err == nil && slices.Contains(l.LeadsCluster, a) && !slices.Contains(rs.LeadsCluster, a) {
				rs.LeadsCluster = append(rs.LeadsCluster, a)
			}
			rs.Sources = append(rs.Sources, c)
			continue
		case !isValueRule(c.Rule):
			rs.Sources = append(rs.Sources, c)
			continue
		}
		i := slices.IndexFunc(rs.Sources, func(o Citation) bool { return o.Rule == c.Rule })
		if i < 0 {
			rs.take(c.Rule, l)
			rs.Sources = append(rs.Sources, c)
			continue
		}
		old := rs.Sources[i]
		was, now := rs.value(c.Rule), l.value(c.Rule)
		if was == now && old.Status != StatusNotFound {
			rs.Sources = append(rs.Sources, c) // a second source for the same value
			continue
		}
		if was != now && old.Status != StatusNotFound && !c.Override && !stricter(c.Rule, *rs, l) {
			return ruleSetError(rs.Name, l.Name, &FieldError{Field: c.Rule,
				Value: fmt.Sprintf("%s (%s), then %s (%s)", was, old.English(), now, c.English()), Err: ErrLayerConflict})
		}
		old.Note = strings.TrimSpace(old.Note + fmt.Sprintf(" Replaced by %s: the value was %s.", l.Name, was))
		old.NoteVietnamese = strings.TrimSpace(old.NoteVietnamese + fmt.Sprintf(" Được thay bằng %s; giá trị trước: %s.", l.Name, was))
		rs.Changes = append(rs.Changes, old)
		rs.Sources = slices.Delete(rs.Sources, i, i+1)
		rs.take(c.Rule, l)
		rs.Sources = append(rs.Sources, c)
	}
	return nil
}

// ---------------------------------------------------------------------------
// Rule books.
// ---------------------------------------------------------------------------

// RuleBook is the rule sets of a cluster's regimes over time, of one or more
// layers: the national regimes one after another, and the sector's and the
// province's or cluster's own. Sets of one layer do not overlap. On composes
// the sets in force on a day. It is immutable and safe for concurrent use.
// The zero RuleBook has no rule sets.
type RuleBook struct {
	sets []RuleSet
}

// NewRuleBook validates each rule set and checks that no two of the same
// layer are in force on the same day (a *FieldError (Field "rule set") wrapping
// ErrRuleSetOverlap; an open-ended set overlaps every later one). Gaps are
// allowed: no rules of that layer are in force in them.
func NewRuleBook(sets ...RuleSet) (RuleBook, error) {
	out := make([]RuleSet, 0, len(sets))
	for _, s := range sets {
		if err := s.Validate(); err != nil {
			return RuleBook{}, err
		}
		out = append(out, s.clone())
	}
	slices.SortStableFunc(out, func(a, b RuleSet) int {
		return cmp.Or(cmp.Compare(a.Layer, b.Layer), a.EffectiveFrom.Compare(b.EffectiveFrom))
	})
	for i := 1; i < len(out); i++ {
		prev, cur := out[i-1], out[i]
		if prev.Layer != cur.Layer {
			continue
		}
		if prev.EffectiveUntil.IsZero() || prev.EffectiveUntil.Compare(cur.EffectiveFrom) >= 0 {
			return RuleBook{}, ruleSetError(prev.Name, cur.Name, ErrRuleSetOverlap)
		}
	}
	return RuleBook{sets: out}, nil
}

// On returns the rules in force on day d: the national set in force then,
// composed (Compose) with the sector's and the local set in force then, if
// any. A day before every national set gives a *FieldError wrapping both
// ErrNoRuleSet and ErrBeforeDocuments; a day in a gap, ErrNoRuleSet; an
// invalid day, ErrInvalidDate; and the errors of Compose.
func (b RuleBook) On(d Date) (RuleSet, error) {
	if err := d.Validate(); err != nil {
		return RuleSet{}, err
	}
	var in []RuleSet
	before := true
	for _, s := range b.sets {
		if s.Layer == LayerNational && s.EffectiveFrom.Compare(d) <= 0 {
			before = false
		}
		if s.InForce(d) {
			in = append(in, s)
		}
	}
	if len(in) == 0 || in[0].Layer != LayerNational {
		if before {
			return RuleSet{}, &FieldError{Field: "date", Value: d.String(), Err: both{ErrNoRuleSet, ErrBeforeDocuments}}
		}
		return RuleSet{}, &FieldError{Field: "date", Value: d.String(), Err: ErrNoRuleSet}
	}
	if len(in) == 1 {
		return in[0].clone(), nil
	}
	return Compose(in...)
}

// Sets returns a copy of the rule sets, by layer and then date.
func (b RuleBook) Sets() []RuleSet {
	out := make([]RuleSet, len(b.sets))
	for i, s := range b.sets {
		out[i] = s.clone()
	}
	return out
}

// With returns a book with the sets of b and sets, checked as NewRuleBook
// checks them: the national presets with a sector's and a cluster's layers,
// say.
func (b RuleBook) With(sets ...RuleSet) (RuleBook, error) {
	return NewRuleBook(append(b.Sets(), sets...)...)
}

// Presets returns the rule book of the national regimes: Decree91_2017,
// Decree98_2023, Decree152_2025 and Amendment2026. It holds no sector or
// local layer.
func Presets() RuleBook {
	b, err := NewRuleBook(Decree91_2017(), Decree98_2023(), Decree152_2025(), Amendment2026())
	if err != nil {
		panic(err) // the presets are literal data checked by the tests
	}
	return b
}

// RulesOn returns the national preset in force on day d: Decree91_2017 up to
// 31/12/2023, Decree98_2023 from 01/01/2024 to 30/06/2025, Decree152_2025 from
// 01/07/2025 to 30/09/2026, and Amendment2026 from 01/10/2026, the day Luật
// 06/2026/QH16 is reported in force. A day before 01/10/2017 gives a
// *FieldError wrapping ErrNoRuleSet and ErrBeforeDocuments.
func RulesOn(d Date) (RuleSet, error) { return Presets().On(d) }

// ---------------------------------------------------------------------------
// Presets.
// ---------------------------------------------------------------------------

// document is what a preset knows of one legal document.
type document struct {
	number, title     string
	signed, effective Date
	layer             Layer
}

// cite returns the citation of rule to article, clause and point of d.
func (d document) cite(rule string, article, clause int, point string, st Status, en, vi string) Citation {
	return Citation{Rule: rule, Document: d.number, Title: d.title, Article: article, Clause: clause, Point: point,
		Signed: d.signed, Effective: d.effective, Layer: d.layer, Status: st, Note: en, NoteVietnamese: vi}
}

// read returns a StatusRead citation of the document as a whole.
func (d document) read(rule string) Citation { return d.cite(rule, 0, 0, "", StatusRead, "", "") }

var (
	law2022 = document{number: "06/2022/QH15", title: "Thi đua, khen thưởng",
		signed: MustDate(2022, time.June, 15), effective: MustDate(2024, time.January, 1)}
	law2026 = document{number: "06/2026/QH16", title: "sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng",
		signed: MustDate(2026, time.April, 23), effective: MustDate(2026, time.October, 1)}
	decree91  = document{number: "91/2017/NĐ-CP", signed: MustDate(2017, time.July, 31), effective: MustDate(2017, time.October, 1)}
	decree98  = document{number: "98/2023/NĐ-CP", signed: MustDate(2023, time.December, 31), effective: MustDate(2024, time.January, 1)}
	decree152 = document{number: "152/2025/NĐ-CP", effective: MustDate(2025, time.July, 1)}
	cv5007    = document{number: "5007/BNV-TĐKT", signed: MustDate(2023, time.September, 5)}
	tt25      = document{number: "25/2025/TT-BKHCN", signed: MustDate(2025, time.October, 31), layer: LayerSector}
	tt09      = document{number: "09/2018/TT-BTTTT", signed: MustDate(2018, time.June, 29), effective: MustDate(2018, time.August, 15), layer: LayerSector}
	tt01      = document{number: "01/2024/TT-TANDTC", layer: LayerSector}
	qd86      = document{number: "86/2025/QĐ-UBND", title: "tỉnh Bắc Ninh", signed: MustDate(2025, time.December, 3), effective: MustDate(2025, time.December, 15), layer: LayerLocal}
)

const (
	noneEN = "no rule found; none set"
	noneVI = "không tìm thấy quy định; không đặt"
)

// notFound returns the citation of a value no rule was found for in d.
func (d document) notFound(rule, en, vi string) Citation {
	return d.cite(rule, 0, 0, "", StatusNotFound, en, vi)
}

// Decree91_2017 returns the national rules of Nghị định 91/2017/NĐ-CP (signed
// 31/07/2017), which detailed the 2003 Law on Emulation and Commendation, in
// force until the 2022 Law took effect (to 31/12/2023).
//
//   - EffectiveFrom 01/10/2017: the decree's effective date, unverified (its
//     signing date is read).
//   - SecretBallot: Điều 45 khoản 8 requires a secret ballot (bỏ phiếu kín)
//     and 90% of all council members for individual titles. For other titles
//     the body sets its own threshold ("căn cứ tình hình thực tiễn để quy
//     định"), so the preset sets no threshold for the collective flags: a
//     sector or local layer sets it.
//   - GovFlagQuota ShareOfLeaders(1, 5), floor, and the Government flag only
//     for a unit leading its cluster: Công văn 5007/BNV-TĐKT (05/09/2023);
//     Điều 11 caps at 20% of the collectives meeting the flag standard.
//   - CouncilQuorum, MaxRounds, CutoffTie, Deadlock, EqualMerit, the
//     over-quota order and the pending-case bar: no rule found (none set;
//     rank first).
func Decree91_2017() RuleSet {
	d := decree91
	return RuleSet{
		Name:  "Nghị định 91/2017/NĐ-CP",
		Layer: LayerNational,
		Sources: []Citation{
			d.read(ruleDocument),
			d.cite(ruleEffective, 0, 0, "", StatusUnverified,
				"effective date 01/10/2017 not confirmed in the sources read; the signing date 31/07/2017 is",
				"ngày có hiệu lực 01/10/2017 chưa được xác nhận; ngày ký 31/07/2017 đã được xác nhận"),
			d.cite(ruleSecret, 45, 8, "", StatusRead, "", ""),
			d.cite(ruleThreshold+AwardGovernmentFlag.String(), 45, 8, "", StatusRead,
				"90% of all council members is for individual titles; for other titles the body sets its own threshold, so none is set here",
				"tỷ lệ 90% áp dụng cho danh hiệu cá nhân; các danh hiệu khác do cơ quan căn cứ tình hình thực tiễn quy định, nên không đặt ở đây"),
			d.cite(ruleThreshold+AwardMinistryFlag.String(), 45, 8, "", StatusRead,
				"90% of all council members is for individual titles; for other titles the body sets its own threshold, so none is set here",
				"tỷ lệ 90% áp dụng cho danh hiệu cá nhân; các danh hiệu khác do cơ quan căn cứ tình hình thực tiễn quy định, nên không đặt ở đây"),
			cv5007.cite(ruleGovQuota, 0, 0, "", StatusRead,
				"no more than 20% of the collectives recognised as leading clusters (Điều 11 of the decree: 20% of those meeting the flag standard); rounding down is the library's reading of \"không quá\"",
				"không quá 20% số tập thể được công nhận dẫn đầu cụm, khối (Điều 11 Nghị định: 20% số tập thể đủ tiêu chuẩn Cờ); làm tròn xuống là cách hiểu của thư viện"),
			cv5007.read(ruleLeads + AwardGovernmentFlag.String()),
			d.notFound(ruleQuorum, noneEN, noneVI),
			d.notFound(ruleRounds, noneEN, noneVI),
			d.notFound(ruleCutoffTie, noneEN, noneVI),
			d.notFound(ruleDeadlock, noneEN, noneVI),
			d.notFound(ruleEqualMerit, "no equal-merit rule found for this period; off", "không tìm thấy quy định ưu tiên khi bằng thành tích; không áp dụng"),
			d.notFound(ruleOrder, orderEN, orderVI),
			d.notFound(ruleExcellent, noneEN, noneVI),
			d.notFound(rulePending, pendingEN, pendingVI),
		},
		EffectiveFrom:  MustDate(2017, time.October, 1),
		EffectiveUntil: MustDate(2023, time.December, 31),
		GovFlagQuota:   ShareOfLeaders(1, 5),
		SecretBallot:   true,
		LeadsCluster:   []Award{AwardGovernmentFlag},
	}
}

const (
	orderEN   = "no national rule on the order over a quota; rank (score) first, then votes, as clusters usually rank"
	orderVI   = "không tìm thấy quy định chung về thứ tự khi vượt chỉ tiêu; xét theo thứ hạng (điểm) trước, sau đó số phiếu"
	pendingEN = "no pending-case bar read for this decree; a case the caller reports as pending still declines the unit"
	pendingVI = "chưa đọc được quy định về trường hợp đang xem xét kỷ luật, điều tra; đơn vị được báo là đang có vụ việc vẫn không được đề nghị"
	quorumEN  = "no quorum found in the national texts (2/3 is read only in sector and local rules); none set"
	quorumVI  = "không tìm thấy quy định số thành viên tối thiểu trong văn bản của Nhà nước (tỷ lệ 2/3 chỉ có trong văn bản của ngành, địa phương); không đặt"
)

// decree2022 returns the values common to the decrees under the 2022 Law:
// the Law's own rules, the 80% flag thresholds, and the defaults where the
// national texts are silent.
func decree2022(d document, thresholds Status, thEN, thVI string) []Citation {
	return []Citation{
		law2022.read(ruleDocument),
		law2022.cite(ruleOneForm, 5, 0, "", StatusRead, "", ""),
		law2022.cite(ruleLeads+AwardGovernmentFlag.String(), 25, 1, "", StatusRead, "", ""),
		d.read(ruleDocument),
		decree98.cite(ruleThreshold+AwardGovernmentFlag.String(), 30, 7, "", thresholds, thEN, thVI),
		decree98.cite(ruleThreshold+AwardMinistryFlag.String(), 30, 7, "", thresholds, thEN, thVI),
		d.notFound(ruleQuorum, quorumEN, quorumVI),
		d.notFound(ruleRounds, noneEN, noneVI),
		d.notFound(ruleCutoffTie, noneEN, noneVI),
		d.notFound(ruleDeadlock, noneEN, noneVI),
		d.notFound(ruleOrder, orderEN, orderVI),
		d.notFound(ruleExcellent, noneEN, noneVI),
	}
}

// Decree98_2023 returns the national rules of Nghị định 98/2023/NĐ-CP
// (31/12/2023), which detailed the 2022 Law from 01/01/2024 until Nghị định
// 152/2025/NĐ-CP repealed it (to 30/06/2025).
//
//   - Thresholds ≥ 80% of all council members for the ministry or provincial
//     flag and the Government flag, by ballot: Điều 30 khoản 7. The ballot is
//     not required to be secret (SecretBallot false).
//   - EqualMerit AtLeast(7, 10): Điều 4, prefer the collective with at least
//     70% women among equally qualified ones.
//   - No proposal while a case is pending, and achievements counted from the
//     end of a discipline: Điều 4.
//   - The Government flag only for a unit leading its cluster: Luật Thi đua,
//     khen thưởng 2022 Điều 25 khoản 1.
//   - GovFlagQuota ShareOfLeaders(1, 5), floor: not found in the decree; the
//     20% of Công văn 5007/BNV-TĐKT (2023), unverified for this period.
//   - CouncilQuorum, MaxRounds, CutoffTie, Deadlock and the over-quota order:
//     not found in the national texts (none set; rank first).
func Decree98_2023() RuleSet {
	d := decree98
	src := decree2022(d, StatusRead, "", "")
	src = append(src,
		d.cite(ruleEffective, 0, 0, "", StatusUnverified,
			"in force with the 2022 Law from 01/01/2024; the decree's own effective-date clause was not read",
			"áp dụng cùng Luật năm 2022 từ ngày 01/01/2024; chưa đọc điều khoản hiệu lực của Nghị định"),
		d.cite(ruleSecret, 30, 7, "", StatusRead, "a ballot is required (phải tiến hành bỏ phiếu), not a secret one",
			"quy định phải tiến hành bỏ phiếu, không quy định bỏ phiếu kín"),
		d.cite(ruleEqualMerit, 4, 0, "", StatusRead, "", ""),
		d.cite(rulePending, 4, 0, "", StatusRead, "", ""),
		d.cite(ruleDiscipline, 4, 0, "", StatusRead, "", ""),
		cv5007.cite(ruleGovQuota, 0, 0, "", StatusUnverified,
			"not found in this decree; the 20% of the collectives leading clusters of CV 5007/BNV-TĐKT (2023) carried over, rounded down",
			"không tìm thấy trong Nghị định; áp dụng tỷ lệ 20% số tập thể dẫn đầu cụm, khối của Công văn 5007/BNV-TĐKT (2023), làm tròn xuống"),
	)
	return RuleSet{
		Name:           "Nghị định 98/2023/NĐ-CP",
		Layer:          LayerNational,
		Sources:        src,
		EffectiveFrom:  MustDate(2024, time.January, 1),
		EffectiveUntil: MustDate(2025, time.June, 30),
		Thresholds:     flagThresholds(),
		GovFlagQuota:   ShareOfLeaders(1, 5),
		EqualMerit:     AtLeast(7, 10),
		LeadsCluster:   []Award{AwardGovernmentFlag},
	}
}

// flagThresholds returns ≥ 80% of all council members for both flags.
func flagThresholds() map[Award]Threshold {
	t := AtLeast(4, 5).Of(BaseElectorate)
	return map[Award]Threshold{AwardGovernmentFlag: t, AwardMinistryFlag: t}
}

// Decree152_2025 returns the national rules of Nghị định 152/2025/NĐ-CP, in
// force from 01/07/2025 (it repealed Nghị định 98/2023/NĐ-CP, Điều 59) until
// Luật 06/2026/QH16 took effect (to 30/09/2026; see Amendment2026).
//
//   - EqualMerit AtLeast(7, 10): Điều 4 khoản 6.
//   - No proposal while a case is pending, and achievements counted from the
//     end of a discipline: Điều 4 khoản 4. Ad-hoc and thematic awards are no
//     basis for merit awards: Điều 4 khoản 3.
//   - Thresholds ≥ 80% of all council members for both flags: unverified
//     under this decree; carried from Nghị định 98/2023/NĐ-CP Điều 30 khoản 7.
//   - GovFlagQuota ShareOfLeaders(1, 5), floor: unverified, as for Decree98_2023.
//   - The Government flag only for a unit leading its cluster: Luật Thi đua,
//     khen thưởng 2022 Điều 25 khoản 1.
//   - CouncilQuorum, MaxRounds, CutoffTie, Deadlock, the secret ballot and the
//     over-quota order: not found in the national texts (none set; rank first).
func Decree152_2025() RuleSet {
	d := decree152
	src := decree2022(d, StatusUnverified,
		"not verified under Decree 152/2025; carried from Decree 98/2023 Article 30(7)",
		"chưa xác minh theo Nghị định 152/2025/NĐ-CP; tiếp tục áp dụng khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP")
	src = append(src,
		d.read(ruleEffective),
		d.notFound(ruleSecret, "no secret-ballot rule found under this decree; the ballot is not marked secret",
			"không tìm thấy quy định bỏ phiếu kín theo Nghị định này"),
		d.cite(ruleEqualMerit, 4, 6, "", StatusRead, "", ""),
		d.cite(rulePending, 4, 4, "", StatusRead, "", ""),
		d.cite(ruleDiscipline, 4, 4, "", StatusRead, "", ""),
		d.cite(ruleAdHoc, 4, 3, "", StatusRead, "", ""),
		cv5007.cite(ruleGovQuota, 0, 0, "", StatusUnverified,
			"not found in this decree; the 20% of the collectives leading clusters of CV 5007/BNV-TĐKT (2023) carried over, rounded down",
			"không tìm thấy trong Nghị định; áp dụng tỷ lệ 20% số tập thể dẫn đầu cụm, khối của Công văn 5007/BNV-TĐKT (2023), làm tròn xuống"),
	)
	return RuleSet{
		Name:           "Nghị định 152/2025/NĐ-CP",
		Layer:          LayerNational,
		Sources:        src,
		EffectiveFrom:  MustDate(2025, time.July, 1),
		EffectiveUntil: MustDate(2026, time.September, 30),
		Thresholds:     flagThresholds(),
		GovFlagQuota:   ShareOfLeaders(1, 5),
		EqualMerit:     AtLeast(7, 10),
		LeadsCluster:   []Award{AwardGovernmentFlag},
	}
}

// Amendment2026 returns the national rules from 01/10/2026, the day Luật
// 06/2026/QH16 (sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng,
// signed 23/04/2026) is reported to take effect. The amending law's text was
// not read, so the values are those of Decree152_2025, each marked
// StatusUnverified against it; the documents they come from are still cited
// as read, and the amending law itself as unverified. The law's transition rule (a dossier received
// before 01/10/2026 follows the earlier law unless the new rule is more
// favourable) is reported too; Review.Received and Review.Favourable apply it.
func Amendment2026() RuleSet {
	rs := Decree152_2025()
	rs.Name = "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16"
	rs.EffectiveFrom, rs.EffectiveUntil = law2026.effective, Date{}
	for i, c := range rs.Sources {
		if c.Status == StatusRead && c.Rule != ruleDocument { // the documents still apply; their values are unchecked
			c.Status = StatusUnverified
			c.Note = "not checked against Law No. 06/2026/QH16 (in force from 01/10/2026), whose text was not read"
			c.NoteVietnamese = "chưa đối chiếu với Luật số 06/2026/QH16 (có hiệu lực từ 01/10/2026), chưa đọc được văn bản"
			rs.Sources[i] = c
		}
	}
	rs.Sources = append(rs.Sources,
		law2026.cite(ruleDocument, 0, 0, "", StatusUnverified,
			"reported signed 23/04/2026 and in force from 01/10/2026; the text was not read",
			"được biết ký ngày 23/04/2026, có hiệu lực từ 01/10/2026; chưa đọc được văn bản"),
		law2026.cite(ruleTransition, 0, 0, "", StatusUnverified,
			"reported: a dossier received before 01/10/2026 follows the earlier law unless the new rule is more favourable",
			"được biết: hồ sơ tiếp nhận trước ngày 01/10/2026 áp dụng quy định trước đó, trừ trường hợp quy định mới có lợi hơn"),
	)
	return rs
}

// ScienceTechnology2025 returns the sector layer of Thông tư 25/2025/TT-BKHCN,
// the circular on emulation and commendation in the science and technology
// sector, which took in the former Ministry of Information and
// Communications and its clusters. It was signed 31/10/2025; its effective
// date was not found, so the layer starts on the signing date, the earliest
// day it can apply, and says so.
//
//   - CouncilQuorum 2/3, CutoffTie FallbackChair (the Council Chair decides a
//     tie at the last place) and VotesFirst (over the quota, the highest
//     votes first): Điều 23.
//   - MeritExcellentYears 2: Điều 7 khoản 3 điểm d, the Minister's
//     Certificate of Merit for a collective with 2 consecutive years of
//     "hoàn thành xuất sắc nhiệm vụ" (one of the routes a to e).
func ScienceTechnology2025() RuleSet {
	d := tt25
	return RuleSet{
		Name:  "Thông tư 25/2025/TT-BKHCN",
		Layer: LayerSector,
		Sources: []Citation{
			d.read(ruleDocument),
			d.cite(ruleEffective, 0, 0, "", StatusUnverified,
				"effective date not found; the signing date 31/10/2025 is used as the earliest day it can apply",
				"không tìm thấy ngày có hiệu lực; lấy ngày ký 31/10/2025 là ngày sớm nhất có thể áp dụng"),
			d.cite(ruleQuorum, 23, 0, "", StatusRead, "", ""),
			d.cite(ruleCutoffTie, 23, 0, "", StatusRead, "", ""),
			d.cite(ruleOrder, 23, 0, "", StatusRead, "", ""),
			d.cite(ruleExcellent, 7, 3, "d", StatusRead, "", ""),
		},
		EffectiveFrom:       d.signed,
		CouncilQuorum:       AtLeast(2, 3),
		CutoffTie:           FallbackChair,
		VotesFirst:          true,
		MeritExcellentYears: 2,
	}
}

// InformationCommunications2018 returns the sector layer of Thông tư
// 09/2018/TT-BTTTT, the former Ministry of Information and Communications'
// circular on emulation and commendation, effective 15/08/2018. What is known
// of it (Điều 11: the Minister organises the clusters and recognises their
// leaders; the cluster sets its own criteria and scoring scale; Điều 40: the
// year's report before 15 December) sets no value of a RuleSet, so the layer
// only cites the document. Its end was not found; it is taken to end on
// 30/10/2025, the day before Thông tư 25/2025/TT-BKHCN was signed.
func InformationCommunications2018() RuleSet {
	d := tt09
	return RuleSet{
		Name:  "Thông tư 09/2018/TT-BTTTT",
		Layer: LayerSector,
		Sources: []Citation{
			d.read(ruleDocument),
			d.read(ruleEffective),
			d.cite(ruleEffective, 0, 0, "", StatusNotFound,
				"end not found; taken as 30/10/2025, the day before Circular 25/2025/TT-BKHCN was signed",
				"không tìm thấy ngày hết hiệu lực; lấy ngày 30/10/2025, trước ngày ký Thông tư 25/2025/TT-BKHCN"),
		},
		EffectiveFrom:  d.effective,
		EffectiveUntil: MustDate(2025, time.October, 30),
	}
}

// Courts2024 returns the sector layer of the People's Courts' Thông tư
// 01/2024/TT-TANDTC, an example of another sector's rules: Điều 29 sets a
// quorum of 2/3, 80% of all council members for the flags, at most 2 ballots,
// and then, for flags, the cluster leader and deputy decide. Neither its
// signing nor its effective date was found; the layer starts on 01/01/2024,
// the first day of the year in its number, and says so.
func Courts2024() RuleSet {
	d := tt01
	return RuleSet{
		Name:  "Thông tư 01/2024/TT-TANDTC",
		Layer: LayerSector,
		Sources: []Citation{
			d.read(ruleDocument),
			d.cite(ruleEffective, 0, 0, "", StatusNotFound,
				"signing and effective dates not found; 01/01/2024, the first day of the year in its number, is used",
				"không tìm thấy ngày ký và ngày có hiệu lực; lấy ngày 01/01/2024"),
			d.cite(ruleQuorum, 29, 0, "", StatusRead, "", ""),
			d.cite(ruleThreshold+AwardGovernmentFlag.String(), 29, 0, "", StatusRead, "", ""),
			d.cite(ruleThreshold+AwardMinistryFlag.String(), 29, 0, "", StatusRead, "", ""),
			d.cite(ruleRounds, 29, 0, "", StatusRead, "", ""),
			d.cite(ruleDeadlock, 29, 0, "", StatusRead, "", ""),
		},
		EffectiveFrom: MustDate(2024, time.January, 1),
		CouncilQuorum: AtLeast(2, 3),
		Thresholds:    flagThresholds(),
		MaxRounds:     2,
		Deadlock:      FallbackLeaderAndDeputy,
	}
}

// BacNinh2025 returns the local layer of Bắc Ninh's Quyết định
// 86/2025/QĐ-UBND (signed 03/12/2025, effective 15/12/2025):
//
//   - the provincial flag goes to the collective leading its cluster or
//     block (Điều 3 khoản 1): LeadsCluster lists AwardMinistryFlag, which stands
//     for the provincial flag too;
//   - sessions on awards need 80% of the council members present (Điều 8
//     khoản 4 điểm b): CouncilQuorum AtLeast(4, 5);
//   - the provincial Certificate of Merit follows the same routes as the
//     ministry's (Điều 3 khoản 3 điểm c); MeritExcellentYears 2 is carried
//     from there, unverified.
func BacNinh2025() RuleSet {
	d := qd86
	return RuleSet{
		Name:  "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh",
		Layer: LayerLocal,
		Sources: []Citation{
			d.read(ruleDocument),
			d.read(ruleEffective),
			d.cite(ruleLeads+AwardMinistryFlag.String(), 3, 1, "", StatusRead, "", ""),
			d.cite(ruleQuorum, 8, 4, "b", StatusRead, "", ""),
			d.cite(ruleExcellent, 3, 3, "c", StatusUnverified,
				"the same routes as the ministry's certificate; the 2 consecutive excellent years were not read in this decision",
				"cùng các trường hợp như Bằng khen cấp bộ; chưa đọc được yêu cầu 02 năm liên tục hoàn thành xuất sắc nhiệm vụ trong Quyết định này"),
		},
		EffectiveFrom:       d.effective,
		CouncilQuorum:       AtLeast(4, 5),
		LeadsCluster:        []Award{AwardMinistryFlag},
		MeritExcellentYears: 2,
	}
}
