package thidua

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ---------------------------------------------------------------------------
// Ratings.
// ---------------------------------------------------------------------------

// Rating is a collective's yearly rating of how it completed its tasks
// (đánh giá, xếp loại mức độ hoàn thành nhiệm vụ). It is a record of its own,
// apart from the titles (Tập thể lao động xuất sắc, tiên tiến) the unit may
// hold for the same year. The zero Rating means no rating is recorded.
type Rating uint8

// The ratings, best first.
const (
	// RatingExcellent: hoàn thành xuất sắc nhiệm vụ.
	RatingExcellent Rating = iota + 1
	// RatingGood: hoàn thành tốt nhiệm vụ.
	RatingGood
	// RatingCompleted: hoàn thành nhiệm vụ.
	RatingCompleted
	// RatingNotCompleted: không hoàn thành nhiệm vụ.
	RatingNotCompleted
)

var ratings = enum[Rating]{typ: "Rating", field: "rating", first: RatingExcellent,
	en: []string{"", "excellent", "good", "completed", "not-completed"},
	vi: []string{"", "hoàn thành xuất sắc nhiệm vụ", "hoàn thành tốt nhiệm vụ", "hoàn thành nhiệm vụ",
		"không hoàn thành nhiệm vụ"},
	err: ErrInvalidRecord}

// IsValid reports whether r is one of the defined ratings (the zero Rating is
// not).
func (r Rating) IsValid() bool { return ratings.valid(r) }

// String returns "excellent", "good", "completed" or "not-completed".
func (r Rating) String() string { return ratings.name(r) }

// Vietnamese returns the rating as the record writes it, such as "hoàn thành
// xuất sắc nhiệm vụ".
func (r Rating) Vietnamese() string { return ratings.vietnamese(r) }

// MarshalText encodes a valid rating as its name.
func (r Rating) MarshalText() ([]byte, error) { return ratings.marshal(r) }

// UnmarshalText accepts the names String returns.
func (r *Rating) UnmarshalText(text []byte) error { return ratings.set(r, text) }

// ---------------------------------------------------------------------------
// The unit's record.
// ---------------------------------------------------------------------------

// YearRecord is one year of a unit's record (hồ sơ thi đua): its rating, the
// titles it was given (danh hiệu thi đua: the flags, Tập thể lao động xuất
// sắc, Tập thể lao động tiên tiến), the awards it received for the year's
// results (hình thức khen thưởng: Bằng khen, Giấy khen, at the level each
// award carries), the ad-hoc (đột xuất) and thematic (theo chuyên đề) awards,
// which are no basis for proposing merit awards (Nghị định 152/2025/NĐ-CP
// Điều 4 khoản 3) and count for no standard, and the clusters it led (dẫn đầu
// cụm, khối thi đua).
type YearRecord struct {
	// Year is the year recorded.
	Year int `json:"year"`
	// Rating is the year's rating; zero when none is recorded.
	Rating Rating `json:"rating,omitempty"`
	// Titles are the emulation titles of the year, each once.
	Titles []Award `json:"titles,omitempty"`
	// Awards are the forms of commendation received for the year's results,
	// each once.
	Awards []Award `json:"awards,omitempty"`
	// AdHoc are the ad-hoc and thematic awards of the year, each once; they
	// count for nothing.
	AdHoc []Award `json:"ad_hoc,omitempty"`
	// Led are the clusters and blocks the unit led that year, each once.
	Led []ClusterID `json:"led,omitempty"`
}

// DisciplinePeriod is a period of discipline against the unit (thời hạn kỷ
// luật), From its first day to Until its last; the zero Until means it has
// not ended. Achievements count only from its end (Nghị định 98/2023/NĐ-CP
// Điều 4; Nghị định 152/2025/NĐ-CP Điều 4 khoản 4): the library reads that as
// "a year counts only if it starts after the end of every discipline period
// begun by the year's end".
type DisciplinePeriod struct {
	// From is the first day of the discipline.
	From Date `json:"from"`
	// Until is its last day; the zero Date means it has not ended.
	Until Date `json:"until"`
}

// Covers reports whether the period touches year: it started by the year's
// last day and had not ended before the year's first.
func (p DisciplinePeriod) Covers(year int) bool {
	first := Date{Year: year, Month: time.January, Day: 1}
	last := Date{Year: year, Month: time.December, Day: 31}
	return p.From.Compare(last) <= 0 && (p.Until.IsZero() || p.Until.Compare(first) >= 0)
}

// Validate reports an invalid start or end (ErrInvalidDate) or an end before
// the start (ErrDisciplineBackwards), as a *FieldError.
func (p DisciplinePeriod) Validate() error {
	if err := p.From.Validate(); err != nil {
		return err
	}
	if p.Until.IsZero() {
		return nil
	}
	if err := p.Until.Validate(); err != nil {
		return err
	}
	if p.Until.Compare(p.From) < 0 {
		return &FieldError{Field: "discipline", Value: p.From.String() + " to " + p.Until.String(), Err: ErrDisciplineBackwards}
	}
	return nil
}

// isTitle reports whether a is an emulation title (danh hiệu thi đua) rather
// than a form of commendation.
func isTitle(a Award) bool {
	return a == AwardGovernmentFlag || a == AwardMinistryFlag || a == AwardExcellentCollective || a == AwardAdvancedCollective
}

// Validate reports a year out of range (ErrRecordYears), an unknown rating
// (ErrInvalidRecord), an unknown award (ErrInvalidAward), a commendation
// listed among the titles or a title among the awards, an award listed twice
// (ErrInvalidRecord), or an invalid or repeated cluster ID.
func (y YearRecord) Validate() error {
	if y.Year < MinYear || y.Year > MaxYear {
		return yearError("record year", y.Year, ErrRecordYears)
	}
	if y.Rating != 0 && !y.Rating.IsValid() {
		return yearError("record year", y.Year, &FieldError{Field: "rating", Value: y.Rating.String(), Err: ErrInvalidRecord})
	}
	for _, l := range []struct {
		field  string
		awards []Award
		title  bool
	}{{"titles", y.Titles, true}, {"awards", y.Awards, false}, {"ad_hoc", y.AdHoc, false}} {
		for i, a := range l.awards {
			switch {
			case !a.IsValid():
				return yearError("record year", y.Year, &FieldError{Field: l.field, Value: a.String(), Err: ErrInvalidAward})
			case l.field != "ad_hoc" && isTitle(a) != l.title, slices.Contains(l.awards[:i], a):
				return yearError("record year", y.Year, &FieldError{Field: l.field, Value: a.String(), Err: ErrInvalidRecord})
			}
		}
	}
	for i, id := range y.Led {
		if err := id.Validate(); err != nil {
			return yearError("record year", y.Year, err)
		}
		if slices.Contains(y.Led[:i], id) {
			return yearError("record year", y.Year, &FieldError{Field: "led", Value: string(id), Err: ErrInvalidRecord})
		}
	}
	return nil
}

// equal reports whether y and z record the same year.
func (y YearRecord) equal(z YearRecord) bool {
	return y.Year == z.Year && y.Rating == z.Rating && slices.Equal(y.Titles, z.Titles) &&
		slices.Equal(y.Awards, z.Awards) && slices.Equal(y.AdHoc, z.AdHoc) && slices.Equal(y.Led, z.Led)
}

func (y YearRecord) clone() YearRecord {
	y.Titles, y.Awards, y.AdHoc, y.Led = slices.Clone(y.Titles), slices.Clone(y.Awards), slices.Clone(y.AdHoc), slices.Clone(y.Led)
	return y
}

// ---------------------------------------------------------------------------
// Facts: the record a decision reads.
// ---------------------------------------------------------------------------

// Facts is what the review knows about a unit beyond its score and its votes:
// the cases pending against it, its record by year (hồ sơ thi đua), its
// discipline periods, the titles it holds this year and the share of women.
// The zero Facts (apart from Unit) means nothing is known against the unit:
// no pending case, no record, no titles, staff not given. Validate checks it;
// JSON decoding validates it too.
type Facts struct {
	// Unit is the unit the facts are about.
	Unit UnitID `json:"unit"`

	// PendingDiscipline: a competent body is considering discipline (đang xem
	// xét kỷ luật); no award may be proposed (Nghị định 98/2023/NĐ-CP Điều 4;
	// Nghị định 152/2025/NĐ-CP Điều 4 khoản 4).
	PendingDiscipline bool `json:"pending_discipline,omitempty"`
	// UnderInvestigation: the unit is being investigated, inspected or checked
	// on signs of a violation (đang điều tra, thanh tra, kiểm tra). Same rule.
	UnderInvestigation bool `json:"under_investigation,omitempty"`
	// PendingComplaint: a complaint or denunciation, or press-reported
	// corruption, is being verified (có đơn thư khiếu nại, tố cáo đang được xác
	// minh). Same rule.
	PendingComplaint bool `json:"pending_complaint,omitempty"`

	// ExcellentYears is the number of consecutive years, up to and including
	// the year under review, in which the unit completed its tasks excellently
	// (hoàn thành xuất sắc nhiệm vụ). It must not be negative. It is used only
	// when Record is empty; with a record, the record's ratings count.
	ExcellentYears int `json:"excellent_years,omitempty"`

	// Titles lists the awards the unit already holds (danh hiệu đã đạt), such
	// as AwardExcellentCollective for the year, each at most once.
	Titles []Award `json:"titles,omitempty"`

	// Women is the number of women in the collective, for the equal-merit
	// rule (Nghị định 98/2023/NĐ-CP Điều 4; Nghị định 152/2025/NĐ-CP Điều 4
	// khoản 6: ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên). 0 ≤ Women ≤ Staff.
	Women int `json:"women,omitempty"`
	// Staff is the number of people in the collective; 0 means the share of
	// women is not known, and the equal-merit rule then never prefers the
	// unit.
	Staff int `json:"staff,omitempty"`

	// Record is the unit's history by year, in year order, each year once.
	Record []YearRecord `json:"record,omitempty"`
	// Discipline lists the unit's discipline periods.
	Discipline []DisciplinePeriod `json:"discipline,omitempty"`
}

// Pending reports whether a discipline, investigation or complaint is pending
// against the unit, so that no award may be proposed for it.
func (f Facts) Pending() bool {
	return f.PendingDiscipline || f.UnderInvestigation || f.PendingComplaint
}

// pendingWhat names the pending cases, for a reason text.
func (f Facts) pendingWhat() string {
	var parts []string
	if f.PendingDiscipline {
		parts = append(parts, "discipline under consideration")
	}
	if f.UnderInvestigation {
		parts = append(parts, "under investigation")
	}
	if f.PendingComplaint {
		parts = append(parts, "complaint being verified")
	}
	return strings.Join(parts, ", ")
}

// Holds reports whether the unit holds title a, as Titles lists it.
func (f Facts) Holds(a Award) bool { return slices.Contains(f.Titles, a) }

// HoldsIn reports whether the unit holds title or award a for year: listed in
// Titles (the year under review), or in the record's titles or awards of that
// year. Ad-hoc and thematic awards do not count (Nghị định 152/2025/NĐ-CP
// Điều 4 khoản 3), nor does a year a discipline period touches.
func (f Facts) HoldsIn(a Award, year int) bool {
	if !f.Counts(year) {
		return false
	}
	if y, ok := f.Year(year); ok && (slices.Contains(y.Titles, a) || slices.Contains(y.Awards, a)) {
		return true
	}
	return f.Holds(a)
}

// Year returns the record of year, if there is one.
func (f Facts) Year(year int) (YearRecord, bool) {
	for _, y := range f.Record {
		if y.Year == year {
			return y.clone(), true
		}
	}
	return YearRecord{}, false
}

// lastYear returns the latest year of the record, or 0.
func (f Facts) lastYear() int {
	if len(f.Record) == 0 {
		return 0
	}
	return f.Record[len(f.Record)-1].Year
}

// Counts reports whether the unit's achievements of year count: no discipline
// period touches the year (see DisciplinePeriod).
func (f Facts) Counts(year int) bool {
	for _, p := range f.Discipline {
		if p.Covers(year) {
			return false
		}
	}
	return true
}

// Led reports whether the record says the unit led cluster c in year.
func (f Facts) Led(c ClusterID, year int) bool {
	y, ok := f.Year(year)
	return ok && slices.Contains(y.Led, c)
}

// ExcellentRun returns the years of the n years ending with year in which the
// unit was not rated "hoàn thành xuất sắc nhiệm vụ" with the year counting,
// in order; none missing means the unit has n consecutive excellent years to
// year. Without a record it falls back on ExcellentYears: the missing years
// are then the earliest ones of the n.
func (f Facts) ExcellentRun(year, n int) (missing []int) {
	n = min(n, MaxYear-MinYear+1) // no record is longer; a longer run is never met either way
	for y := year - n + 1; y <= year; y++ {
		if len(f.Record) == 0 {
			if year-y >= f.ExcellentYears {
				missing = append(missing, y)
			}
			continue
		}
		r, ok := f.Year(y)
		if !ok || r.Rating != RatingExcellent || !f.Counts(y) {
			missing = append(missing, y)
		}
	}
	return missing
}

// titleRun returns the years of the n ending with year without title a.
func (f Facts) titleRun(a Award, year, n int) (missing []int) {
	n = min(n, MaxYear-MinYear+1)
	for y := year - n + 1; y <= year; y++ {
		r, ok := f.Year(y)
		if !ok || !slices.Contains(r.Titles, a) || !f.Counts(y) {
			missing = append(missing, y)
		}
	}
	return missing
}

// WomenShareMeets reports whether the share of women meets s, compared exactly
// (Women·Den against Num·Staff). It is false when Staff is 0 or s is zero.
func (f Facts) WomenShareMeets(s Share) bool {
	if s.IsZero() || f.Staff <= 0 {
		return false
	}
	return s.Met(f.Women, f.Staff)
}

// Validate reports whether the facts are consistent: a valid unit ID (or the
// zero UnitID inside a Candidate, which takes the candidate's), no negative
// counts, women not more than staff, valid titles each listed once, a record
// in strictly increasing year order (ErrRecordYears) with valid years, and
// valid discipline periods (ErrDisciplineBackwards).
func (f Facts) Validate() error {
	if f.Unit != "" {
		if err := f.Unit.Validate(); err != nil {
			return err
		}
	}
	bad := func(field string, v int) error {
		return &UnitError{ID: f.Unit, Err: &FieldError{Field: field, Value: strconv.Itoa(v), Err: ErrInvalidFacts}}
	}
	switch {
	case f.ExcellentYears < 0:
		return bad("excellent_years", f.ExcellentYears)
	case f.Staff < 0:
		return bad("staff", f.Staff)
	case f.Women < 0 || f.Women > f.Staff:
		return bad("women", f.Women)
	}
	for i, t := range f.Titles {
		if !t.IsValid() {
			return &UnitError{ID: f.Unit, Err: &FieldError{Field: "title", Value: t.String(), Err: ErrInvalidAward}}
		}
		if slices.Contains(f.Titles[:i], t) {
			return &UnitError{ID: f.Unit, Err: &FieldError{Field: "title", Value: t.String(), Err: ErrInvalidFacts}}
		}
	}
	for i, y := range f.Record {
		if err := y.Validate(); err != nil {
			return &UnitError{ID: f.Unit, Err: err}
		}
		if i > 0 && y.Year <= f.Record[i-1].Year {
			return &UnitError{ID: f.Unit, Err: yearError("record year", y.Year, ErrRecordYears)}
		}
	}
	for _, p := range f.Discipline {
		if err := p.Validate(); err != nil {
			return &UnitError{ID: f.Unit, Err: err}
		}
	}
	return nil
}

// Equal reports whether f and g hold the same facts (lists compared in order).
func (f Facts) Equal(g Facts) bool {
	return f.Unit == g.Unit && f.PendingDiscipline == g.PendingDiscipline &&
		f.UnderInvestigation == g.UnderInvestigation && f.PendingComplaint == g.PendingComplaint &&
		f.ExcellentYears == g.ExcellentYears && slices.Equal(f.Titles, g.Titles) &&
		f.Women == g.Women && f.Staff == g.Staff &&
		slices.EqualFunc(f.Record, g.Record, YearRecord.equal) && slices.Equal(f.Discipline, g.Discipline)
}

// clone returns a copy of f that shares no slices with it.
func (f Facts) clone() Facts {
	f.Titles = slices.Clone(f.Titles)
	f.Record = slices.Clone(f.Record)
	for i := range f.Record {
		f.Record[i] = f.Record[i].clone()
	}
	f.Discipline = slices.Clone(f.Discipline)
	return f
}

// UnmarshalJSON decodes facts and validates them as Validate does.
func (f *Facts) UnmarshalJSON(b []byte) error {
	type plain Facts
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	v := Facts(p)
	if err := v.Validate(); err != nil {
		return err
	}
	*f = v
	return nil
}

// FactsFor checks a list of facts against a cluster's roster and returns them
// by unit. Each entry must be valid, name a member of c (else a *UnitError
// wrapping ErrUnknownUnit) and appear once (else ErrDuplicateUnit). A member
// without an entry simply has no facts: nothing is pending against it.
func FactsFor(c Cluster, facts []Facts) (map[UnitID]Facts, error) {
	out := make(map[UnitID]Facts, len(facts))
	for _, f := range facts {
		if f.Unit == "" {
			return nil, &FieldError{Field: "unit id", Value: "", Err: ErrInvalidID}
		}
		if err := f.Validate(); err != nil {
			return nil, err
		}
		if !c.IsMember(f.Unit) {
			return nil, &UnitError{ID: f.Unit, Err: ErrUnknownUnit}
		}
		if _, dup := out[f.Unit]; dup {
			return nil, &UnitError{ID: f.Unit, Err: ErrDuplicateUnit}
		}
		out[f.Unit] = f.clone()
	}
	return out, nil
}

// yearsText writes years as "2024, 2025".
func yearsText(years []int) string {
	s := make([]string, len(years))
	for i, y := range years {
		s[i] = strconv.Itoa(y)
	}
	return strings.Join(s, ", ")
}
