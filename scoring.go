package thidua

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"math/big"
	"math/bits"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Scoring: the cluster's scoring table (bảng chấm điểm, thang điểm), the marks
// units give themselves and each other, and the ranked standings that follow.
//
// Every point is an exact decimal. The only roundings are the ones a
// ScoringPolicy names, at the aggregated mark of a criterion and at the total;
// an average that has no exact decimal value under a policy that does not round
// is an error (ErrInexact), never a silent approximation.

// CriterionID identifies a criterion (tiêu chí) within a scorecard, such as
// "I.2" or "chuyen-doi-so". The same rules apply as for UnitID.
type CriterionID string

// Validate reports whether id is a well-formed identifier, as a *FieldError
// wrapping ErrInvalidID, or ErrDecomposedID (which also matches ErrInvalidID)
// for a combining mark or invisible character: use the precomposed (NFC) form.
func (id CriterionID) Validate() error {
	if err := idErr(string(id)); err != nil {
		return &FieldError{Field: "criterion id", Value: string(id), Err: err}
	}
	return nil
}

// CriterionKind says how a criterion's points count toward a total. The zero
// CriterionKind is CriterionScored.
type CriterionKind uint8

// The kinds of criterion.
const (
	// CriterionScored is an ordinary criterion (tiêu chí chấm điểm): its points
	// add to the total and count toward the base maximum.
	CriterionScored CriterionKind = iota
	// CriterionBonus is a bonus (điểm thưởng): it adds up to its maximum and may
	// lift a total past the base maximum, as in the HCMC table where 97 + 10 = 107.
	CriterionBonus
	// CriterionDeduction is a deduction (điểm trừ): its marks are given as
	// positive points and subtracted, up to its maximum.
	CriterionDeduction
)

var criterionKinds = enum[CriterionKind]{
	field: "criterion kind",
	first: CriterionScored,
	en:    []string{"scored", "bonus", "deduction"},
	vi:    []string{"tiêu chí chấm điểm", "điểm thưởng", "điểm trừ"},
	err:   ErrInvalidCriterionKind,
}

// IsValid reports whether k is one of the defined kinds.
func (k CriterionKind) IsValid() bool { return criterionKinds.valid(k) }

// String returns "scored", "bonus" or "deduction" (the form used in JSON).
func (k CriterionKind) String() string { return criterionKinds.name(k) }

// Vietnamese returns "tiêu chí chấm điểm", "điểm thưởng" or "điểm trừ".
func (k CriterionKind) Vietnamese() string { return criterionKinds.vietnamese(k) }

// MarshalText encodes a valid kind as its English name.
func (k CriterionKind) MarshalText() ([]byte, error) { return criterionKinds.marshal(k) }

// UnmarshalText accepts the names String returns.
func (k *CriterionKind) UnmarshalText(b []byte) error { return criterionKinds.set(k, b) }

// unset reports whether d is the zero Decimal, a field left out, as opposed to
// a zero written out ("0" in JSON, or parsed from a string). decimal.Zero is
// the zero Decimal in shopspring/decimal v1.6.0, so it reads as left out.
func unset(d decimal.Decimal) bool { return d == decimal.Decimal{} }

// maxTrim bounds ScoringPolicy.Trim: no cluster has a million assessors, and
// the bound keeps arithmetic on it far from overflow.
const maxTrim = 1 << 20

// maxExp bounds the decimal places and the digits before the point of any
// points the library accepts (ErrPointsRange).
const maxExp = 18

// inRange reports whether d has at most maxExp decimal places and at most
// maxExp digits before the point, by value: 10000000000000000000 and 1e19 get
// the same answer.
func inRange(d decimal.Decimal) bool {
	e := d.Exponent()
	if e < -maxExp || e > maxExp {
		return false
	}
	// Digits before the point: the coefficient's digits shifted by e.
	return d.Sign() == 0 || d.NumDigits()+int(e) <= maxExp
}

// CriterionSpec is the plain description of one criterion of a scoring table,
// as the cluster adopts it. NewScorecard validates a tree of them.
//
// A leaf needs a positive Max: the highest mark (điểm tối đa) an assessor may
// give. Weight is the leaf's hệ số: a leaf contributes mark × Weight. The zero
// Decimal (the field left out) means 1; a zero written out (JSON "0", or
// decimal.RequireFromString("0")) or a negative weight is an error, and groups
// carry no weight. Note that in shopspring/decimal v1.6.0 decimal.Zero is the
// zero Decimal itself, so a Weight of decimal.Zero reads as left out: 1. A group's Max, when given, must not be
// exceeded by the sum of its scored children's maxima (Max × Weight each); when
// left out it is that sum. Bonus and deduction criteria are leaves and do not
// count toward their group's maximum.
//
// Min, when set, is a gate on a scored criterion (usually a group): a unit whose
// points under it, bonuses and deductions included, fall below Min is listed in
// Standing.GatesFailed, its total unchanged.
//
// In JSON, decimals are strings and fields left out stay out.
type CriterionSpec struct {
	// ID identifies the criterion in marks and results; unique in the table.
	ID CriterionID
	// Name is the criterion's wording in the scoring table (nội dung tiêu chí).
	Name string
	// Kind says whether it is scored, a bonus (điểm cộng) or a deduction
	// (điểm trừ); the zero value is scored.
	Kind CriterionKind
	// Max is the highest mark (điểm tối đa): required on a leaf, optional on
	// a group (its children's sum when left out).
	Max decimal.Decimal
	// Weight is a leaf's hệ số, positive; the zero Decimal means 1. Groups
	// carry none.
	Weight decimal.Decimal
	// Min is the gate (điểm sàn) on a scored criterion's points; the zero
	// Decimal means no gate.
	Min decimal.Decimal
	// Children are a group's criteria, in the table's order; nil makes the
	// criterion a leaf.
	Children []CriterionSpec
}

// Points returns the most the criterion adds to or takes from a total: Max ×
// Weight for a leaf (Weight left out counting as 1), Max for a group. On the
// effective spec that Scorecard.Criterion returns it is always defined; on a
// plain spec a group's Max left out reads as 0.
func (c CriterionSpec) Points() decimal.Decimal {
	if unset(c.Weight) || len(c.Children) > 0 {
		return c.Max
	}
	return c.Max.Mul(c.Weight)
}

// HasMin reports whether the criterion has a gate (điểm sàn): a Min that is
// not left out.
func (c CriterionSpec) HasMin() bool { return !unset(c.Min) }

type criterionSpecJSON struct {
	ID       CriterionID      `json:"id"`
	Name     string           `json:"name"`
	Kind     CriterionKind    `json:"kind,omitempty"`
	Max      *decimal.Decimal `json:"max,omitempty"`
	Weight   *decimal.Decimal `json:"weight,omitempty"`
	Min      *decimal.Decimal `json:"min,omitempty"`
	Children []CriterionSpec  `json:"children,omitempty"`
}

// criterionTreeJSON is what UnmarshalJSON decodes: children of its own type,
// so that encoding/json reads the whole tree in one pass instead of calling
// UnmarshalJSON again, and rescanning, at every level.
type criterionTreeJSON struct {
	ID       CriterionID         `json:"id"`
	Name     string              `json:"name"`
	Kind     CriterionKind       `json:"kind,omitempty"`
	Max      *decimal.Decimal    `json:"max,omitempty"`
	Weight   *decimal.Decimal    `json:"weight,omitempty"`
	Min      *decimal.Decimal    `json:"min,omitempty"`
	Children []criterionTreeJSON `json:"children,omitempty"`
}

func (j *criterionTreeJSON) spec() CriterionSpec {
	c := CriterionSpec{
		ID: j.ID, Name: j.Name, Kind: j.Kind,
		Max: fromOptional(j.Max), Weight: fromOptional(j.Weight), Min: fromOptional(j.Min),
	}
	if j.Children != nil {
		c.Children = make([]CriterionSpec, len(j.Children))
		for i := range j.Children {
			c.Children[i] = j.Children[i].spec()
		}
	}
	return c
}

// checkShape scans JSON text once, before it is decoded, and refuses text that
// nests deeper than nest arrays and objects (a criteria tree deeper than
// MaxDepth: *FieldError wrapping ErrTooDeep) or holds more than objects objects
// (more criteria than MaxCriteria: *FieldError wrapping ErrLimit). It reads
// each byte once and allocates nothing; it does not check the syntax, which the
// decoder does after.
func checkShape(b []byte, nest, objects int) error {
	depth, seen, inString := 0, 0, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case inString:
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			if depth > nest {
				return &FieldError{Field: "criteria", Value: fmt.Sprintf("nested more than %d levels", MaxDepth), Err: ErrTooDeep}
			}
			if c == '{' {
				seen++
			}
		case c == '}' || c == ']':
			depth--
		}
	}
	if seen > objects {
		// Every criterion is an object; so are the spec and any unknown
		// field's value, which the count therefore includes.
		return limitError("criteria", seen-(objects-MaxCriteria), MaxCriteria)
	}
	return nil
}

func optional(d decimal.Decimal) *decimal.Decimal {
	if unset(d) {
		return nil
	}
	return &d
}

func fromOptional(d *decimal.Decimal) decimal.Decimal {
	if d == nil {
		return decimal.Decimal{}
	}
	return *d
}

// MarshalJSON encodes the spec with decimals as strings, leaving out the
// fields that were left out.
func (c CriterionSpec) MarshalJSON() ([]byte, error) {
	return json.Marshal(criterionSpecJSON{
		ID: c.ID, Name: c.Name, Kind: c.Kind,
		Max: optional(c.Max), Weight: optional(c.Weight), Min: optional(c.Min),
		Children: c.Children,
	})
}

// UnmarshalJSON decodes what MarshalJSON encodes. NewScorecard (or
// Scorecard.UnmarshalJSON) validates the result. It refuses, before decoding
// and in one pass, a tree deeper than MaxDepth (ErrTooDeep) or with more than
// MaxCriteria criteria (*FieldError wrapping ErrLimit), so hostile input costs
// time linear in its length.
func (c *CriterionSpec) UnmarshalJSON(b []byte) error {
	// A criterion at level L is an object at nesting 2L-1, inside the
	// children arrays of its ancestors.
	if err := checkShape(b, 2*MaxDepth, MaxCriteria); err != nil {
		return err
	}
	var j criterionTreeJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*c = j.spec()
	return nil
}

// Equal reports whether c and d describe the same criterion tree, comparing
// decimals by value.
func (c CriterionSpec) Equal(d CriterionSpec) bool {
	return c.ID == d.ID && c.Name == d.Name && c.Kind == d.Kind &&
		unset(c.Max) == unset(d.Max) && c.Max.Equal(d.Max) &&
		unset(c.Weight) == unset(d.Weight) && c.Weight.Equal(d.Weight) &&
		unset(c.Min) == unset(d.Min) && c.Min.Equal(d.Min) &&
		slices.EqualFunc(c.Children, d.Children, CriterionSpec.Equal)
}

// ScorecardSpec is the plain description of a cluster's scoring table for one
// year (bảng chấm điểm thi đua năm): TT 09/2018/TT-BTTTT Điều 11 leaves the
// criteria and scale to each cluster, so they are data, not constants.
type ScorecardSpec struct {
	// ID identifies the scoring table.
	ID string `json:"id"`
	// Name is the table's title as documents print it.
	Name string `json:"name"`
	// Year is the emulation year (năm thi đua) the table is for.
	Year int `json:"year"`
	// Criteria are the top-level criteria and groups, in the table's order.
	Criteria []CriterionSpec `json:"criteria"`
}

// UnmarshalJSON decodes a spec. It refuses, before decoding and in one pass,
// a tree deeper than MaxDepth (ErrTooDeep) or with more than MaxCriteria
// criteria (*FieldError wrapping ErrLimit); NewScorecard validates the rest.
func (sp *ScorecardSpec) UnmarshalJSON(b []byte) error {
	// The spec is an object, its criteria an array: two more levels.
	if err := checkShape(b, 2*MaxDepth+2, MaxCriteria+1); err != nil {
		return err
	}
	type plain ScorecardSpec // without methods, so decoding does not recurse
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	*sp = ScorecardSpec(v)
	return nil
}

type node struct {
	id       CriterionID
	name     string
	kind     CriterionKind
	max      decimal.Decimal
	weight   decimal.Decimal
	points   decimal.Decimal
	min      decimal.Decimal
	hasMin   bool
	parent   int // -1 at the top
	children []int
	leaf     int      // index in Scorecard.leaves, -1 for a group
	smax     smallDec // max, in int64 form
	sweight  smallDec // weight, in int64 form
}

// Scorecard is a validated scoring table (bảng chấm điểm) for one cluster-year:
// a tree of criteria with maximum points, weights (hệ số), bonuses (điểm
// thưởng), deductions (điểm trừ) and optional gates. It is immutable and safe
// for concurrent use. Build one with NewScorecard. The zero Scorecard has no
// criteria and is not valid.
type Scorecard struct {
	spec                ScorecardSpec
	nodes               []node // pre-order
	index               map[CriterionID]int
	leaves              []int // node indexes of leaves, pre-order
	top                 []int
	base, bonus, deduct decimal.Decimal
}

// NewScorecard validates spec and returns the scorecard it describes. It checks
// the identifiers and names, the year, that every leaf has a positive maximum
// and a positive weight (or none), that children stay within their group's
// maximum, that bonus and deduction criteria are leaves, that gates lie within
// their criterion's range, and that there is at least one scored criterion. The
// spec is copied. A tree deeper than MaxDepth is ErrTooDeep, and more than
// MaxCriteria criteria a *FieldError wrapping ErrLimit, both checked before the
// rest.
func NewScorecard(spec ScorecardSpec) (Scorecard, error) {
	if err := idErr(spec.ID); err != nil {
		return Scorecard{}, &FieldError{Field: "scorecard id", Value: spec.ID, Err: err}
	}
	if blank(spec.Name) {
		return Scorecard{}, &FieldError{Field: "scorecard name", Value: spec.Name, Err: ErrBlankName}
	}
	if err := checkYear("scorecard year", spec.Year); err != nil {
		return Scorecard{}, err
	}
	count := 0
	if err := countCriteria(spec.Criteria, 0, &count); err != nil {
		return Scorecard{}, err
	}
	if err := checkLimit("criteria", count, MaxCriteria); err != nil {
		return Scorecard{}, err
	}
	s := Scorecard{index: make(map[CriterionID]int, count)}
	spec.Criteria = cloneSpecs(spec.Criteria)
	s.spec = spec
	s.base, s.bonus, s.deduct = decimal.Zero, decimal.Zero, decimal.Zero
	for _, c := range spec.Criteria {
		i, err := s.add(c, -1, 0)
		if err != nil {
			return Scorecard{}, err
		}
		s.top = append(s.top, i)
		if n := s.nodes[i]; n.kind == CriterionScored {
			s.base = s.base.Add(n.points)
		}
	}
	if !s.base.IsPositive() {
		return Scorecard{}, ErrEmptyScorecard
	}
	for _, li := range s.leaves {
		switch n := s.nodes[li]; n.kind {
		case CriterionBonus:
			s.bonus = s.bonus.Add(n.points)
		case CriterionDeduction:
			s.deduct = s.deduct.Add(n.points)
		}
	}
	return s, nil
}

func (s *Scorecard) add(c CriterionSpec, parent, depth int) (int, error) {
	fail := func(err error) (int, error) { return -1, criterionError(c.ID, err) }
	if err := c.ID.Validate(); err != nil {
		return -1, err
	}
	if _, dup := s.index[c.ID]; dup {
		return fail(ErrDuplicateCriterion)
	}
	if blank(c.Name) {
		return fail(&FieldError{Field: "name", Value: c.Name, Err: ErrBlankName})
	}
	if !c.Kind.IsValid() {
		return fail(&FieldError{Field: "kind", Value: c.Kind.String(), Err: ErrInvalidCriterionKind})
	}
	for _, f := range []struct {
		name string
		d    decimal.Decimal
	}{{"max", c.Max}, {"weight", c.Weight}, {"min", c.Min}} {
		if !unset(f.d) && !inRange(f.d) {
			return fail(&FieldError{Field: f.name, Value: quoteDecimal(f.d), Err: ErrPointsRange})
		}
	}
	if depth >= MaxDepth {
		return fail(ErrTooDeep)
	}
	if c.Kind != CriterionScored && len(c.Children) > 0 {
		return fail(ErrKindWithChildren)
	}
	i := len(s.nodes)
	s.index[c.ID] = i
	s.nodes = append(s.nodes, node{id: c.ID, name: c.Name, kind: c.Kind, parent: parent, leaf: -1})
	n := node{id: c.ID, name: c.Name, kind: c.Kind, parent: parent, leaf: -1}
	if len(c.Children) == 0 {
		if unset(c.Max) || !c.Max.IsPositive() {
			return fail(&FieldError{Field: "max", Value: quoteDecimal(c.Max), Err: ErrInvalidMax})
		}
		n.max, n.weight = c.Max, decimal.NewFromInt(1)
		n.smax = toSmall(c.Max)
		if !unset(c.Weight) {
			if !c.Weight.IsPositive() {
				return fail(&FieldError{Field: "weight", Value: quoteDecimal(c.Weight), Err: ErrInvalidWeight})
			}
			n.weight = c.Weight
		}
		n.sweight = toSmall(n.weight)
		n.points = n.max.Mul(n.weight)
		n.leaf = len(s.leaves)
		s.leaves = append(s.leaves, i)
	} else {
		if !unset(c.Weight) {
			return fail(&FieldError{Field: "weight", Value: quoteDecimal(c.Weight), Err: ErrInvalidWeight})
		}
		sum := decimal.Zero
		for _, ch := range c.Children {
			j, err := s.add(ch, i, depth+1)
			if err != nil {
				return -1, err
			}
			n.children = append(n.children, j)
			if s.nodes[j].kind == CriterionScored {
				sum = sum.Add(s.nodes[j].points)
			}
		}
		n.max = sum
		if !unset(c.Max) {
			if !c.Max.IsPositive() {
				return fail(&FieldError{Field: "max", Value: quoteDecimal(c.Max), Err: ErrInvalidMax})
			}
			if sum.GreaterThan(c.Max) {
				return fail(&FieldError{Field: "max", Value: quoteDecimal(c.Max),
					Err: fmt.Errorf("%w (children add up to %s)", ErrOverGroupMax, sum)})
			}
			n.max = c.Max
		}
		n.points = n.max
	}
	if !unset(c.Min) {
		if c.Kind != CriterionScored || c.Min.IsNegative() || c.Min.GreaterThan(n.points) {
			return fail(&FieldError{Field: "min", Value: quoteDecimal(c.Min), Err: ErrInvalidGate})
		}
		n.min, n.hasMin = c.Min, true
	}
	s.nodes[i] = n
	return i, nil
}

// countCriteria adds the criteria of cs and their descendants to *n, and
// refuses one nested deeper than MaxDepth before looking further down.
func countCriteria(cs []CriterionSpec, depth int, n *int) error {
	for i := range cs {
		if depth >= MaxDepth {
			return criterionError(cs[i].ID, ErrTooDeep)
		}
		*n++
		if err := countCriteria(cs[i].Children, depth+1, n); err != nil {
			return err
		}
	}
	return nil
}

func cloneSpecs(cs []CriterionSpec) []CriterionSpec {
	if cs == nil {
		return nil
	}
	out := make([]CriterionSpec, len(cs))
	for i, c := range cs {
		c.Children = cloneSpecs(c.Children)
		out[i] = c
	}
	return out
}

// MustScorecard is NewScorecard for tests and examples with literal input: it
// panics if spec is invalid.
func MustScorecard(spec ScorecardSpec) Scorecard {
	s, err := NewScorecard(spec)
	if err != nil {
		panic(err)
	}
	return s
}

// ID returns the scorecard's identifier.
func (s Scorecard) ID() string { return s.spec.ID }

// Name returns the scorecard's name, such as "Bảng chấm điểm thi đua năm 2023".
func (s Scorecard) Name() string { return s.spec.Name }

// Year returns the emulation year the scorecard was adopted for.
func (s Scorecard) Year() int { return s.spec.Year }

// BaseMax returns the base maximum (tổng điểm chuẩn): the sum of the top-level
// scored criteria's maxima, bonuses and deductions excluded.
func (s Scorecard) BaseMax() decimal.Decimal { return s.base }

// BonusMax returns the most that bonus criteria can add to a total.
func (s Scorecard) BonusMax() decimal.Decimal { return s.bonus }

// DeductionMax returns the most that deduction criteria can take from a total.
func (s Scorecard) DeductionMax() decimal.Decimal { return s.deduct }

// Spec returns the plain description of the scorecard, with its own copy of
// the criteria.
func (s Scorecard) Spec() ScorecardSpec {
	sp := s.spec
	sp.Criteria = cloneSpecs(sp.Criteria)
	return sp
}

// criterion returns node i as its effective spec.
func (s Scorecard) criterion(i int) CriterionSpec {
	n := s.nodes[i]
	return CriterionSpec{ID: n.id, Name: n.name, Kind: n.kind, Max: n.max, Weight: n.weight, Min: n.min}
}

// Criterion returns the criterion (tiêu chí) with the given ID as its
// effective spec, and whether there is one: Max is a group's sum when none was
// given, Weight is 1 for a leaf when none was given (and left out for a
// group), Min is left out when there is no gate, and Children is left empty
// (Scorecard.Children lists them).
func (s Scorecard) Criterion(id CriterionID) (CriterionSpec, bool) {
	i, ok := s.index[id]
	if !ok {
		return CriterionSpec{}, false
	}
	return s.criterion(i), true
}

// Parent returns the ID of the group a criterion belongs to, the zero
// CriterionID for a top-level criterion, and whether the criterion exists.
func (s Scorecard) Parent(id CriterionID) (CriterionID, bool) {
	i, ok := s.index[id]
	if !ok {
		return "", false
	}
	if p := s.nodes[i].parent; p >= 0 {
		return s.nodes[p].id, true
	}
	return "", true
}

// Children returns the IDs of a group's criteria in the order of the table,
// or nil for a leaf (a criterion that takes marks) or an unknown ID.
func (s Scorecard) Children(id CriterionID) []CriterionID {
	i, ok := s.index[id]
	if !ok {
		return nil
	}
	var out []CriterionID
	for _, j := range s.nodes[i].children {
		out = append(out, s.nodes[j].id)
	}
	return out
}

// Criteria returns every criterion, groups and leaves, as effective specs
// (see Scorecard.Criterion) in the order of the table (pre-order: a group
// before its children).
func (s Scorecard) Criteria() []CriterionSpec {
	out := make([]CriterionSpec, len(s.nodes))
	for i := range s.nodes {
		out[i] = s.criterion(i)
	}
	return out
}

// Leaves returns the criteria that take marks, as effective specs (see
// Scorecard.Criterion), in the order of the table.
func (s Scorecard) Leaves() []CriterionSpec {
	out := make([]CriterionSpec, len(s.leaves))
	for i, j := range s.leaves {
		out[i] = s.criterion(j)
	}
	return out
}

// Scale expresses total on a 100-point scale: total × 100 / BaseMax, rounded as
// r says. With the zero Rounding the result is exact when it has a finite
// decimal form, and otherwise rounded half to even at ScalePlaces places: the
// scaled figure is for display and never decides a rank. The zero Scorecard
// scales everything to 0.
//
// Errors: a *FieldError wrapping ErrInvalidPolicy for an invalid rounding, or
// ErrPointsRange for a total whose exponent or digits are far beyond any
// scorecard's (|exponent| > 72 or more than 72 digits), which could not be
// divided in reasonable time.
func (s Scorecard) Scale(total decimal.Decimal, r Rounding) (decimal.Decimal, error) {
	if err := r.Validate(); err != nil {
		return decimal.Decimal{}, err
	}
	if e := total.Exponent(); e < -4*maxExp || e > 4*maxExp || total.NumDigits() > 4*maxExp {
		// Quote its size, not its digits: printing it could be as slow as dividing.
		return decimal.Decimal{}, &FieldError{Field: "total",
			Value: fmt.Sprintf("%d digits, exponent %d", total.NumDigits(), total.Exponent()), Err: ErrPointsRange}
	}
	return s.scale(total, r), nil
}

// scale is Scale for totals the scorecard itself computed, which are in range.
func (s Scorecard) scale(total decimal.Decimal, r Rounding) decimal.Decimal {
	if !s.base.IsPositive() {
		return decimal.Zero
	}
	x := total.Mul(hundred)
	if r.Mode == RoundExact {
		if q, ok := quotient(x, s.base, r); ok {
			return q
		}
		r = Rounding{Places: ScalePlaces, Mode: RoundHalfEven}
	}
	q, _ := quotient(x, s.base, r)
	return q
}

// ScalePlaces is the precision of a scaled total that has no finite decimal
// form when the policy names no rounding for it.
const ScalePlaces = 16

var hundred = decimal.NewFromInt(100)

// Equal reports whether s and t are the same scorecard.
func (s Scorecard) Equal(t Scorecard) bool {
	return s.spec.ID == t.spec.ID && s.spec.Name == t.spec.Name && s.spec.Year == t.spec.Year &&
		slices.EqualFunc(s.spec.Criteria, t.spec.Criteria, CriterionSpec.Equal)
}

// MarshalJSON encodes the scorecard as its ScorecardSpec, decimals as strings.
func (s Scorecard) MarshalJSON() ([]byte, error) {
	if s.nodes == nil {
		return nil, ErrEmptyScorecard
	}
	return json.Marshal(s.spec)
}

// UnmarshalJSON decodes a ScorecardSpec and validates it as NewScorecard does.
// Like ScorecardSpec.UnmarshalJSON, it refuses a tree deeper than MaxDepth or
// with more than MaxCriteria criteria before decoding it.
func (s *Scorecard) UnmarshalJSON(b []byte) error {
	var sp ScorecardSpec
	if err := json.Unmarshal(b, &sp); err != nil {
		return err
	}
	v, err := NewScorecard(sp)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ---------------------------------------------------------------------------
// Rounding.

// RoundingMode says how a value is rounded to a number of places. The zero
// RoundingMode, RoundExact, does not round.
type RoundingMode uint8

// The rounding modes. "Up" and "down" are away from and toward zero, which for
// the non-negative points of a scorecard are also toward and away from
// infinity.
const (
	RoundExact    RoundingMode = iota // no rounding: values stay exact
	RoundHalfUp                       // half away from zero (làm tròn thông thường)
	RoundHalfEven                     // half to even (banker's rounding)
	RoundDown                         // toward zero (truncate)
	RoundUp                           // away from zero
)

var roundingModes = enum[RoundingMode]{
	field: "rounding mode",
	first: RoundExact,
	en:    []string{"exact", "half-up", "half-even", "down", "up"},
	err:   ErrInvalidPolicy,
}

// IsValid reports whether m is one of the defined modes.
func (m RoundingMode) IsValid() bool { return roundingModes.valid(m) }

// String returns "exact", "half-up", "half-even", "down" or "up".
func (m RoundingMode) String() string { return roundingModes.name(m) }

// MarshalText encodes a valid mode as its name.
func (m RoundingMode) MarshalText() ([]byte, error) { return roundingModes.marshal(m) }

// UnmarshalText accepts the names String returns.
func (m *RoundingMode) UnmarshalText(b []byte) error { return roundingModes.set(m, b) }

// MaxPlaces is the most decimal places a Rounding may keep.
const MaxPlaces = 18

// Rounding says how to round a value: to Places decimal places by Mode. The
// zero Rounding does not round.
type Rounding struct {
	// Places is how many decimal places to keep, 0 to MaxPlaces.
	Places int32 `json:"places"`
	// Mode is how to round; the zero Mode does not round (exact).
	Mode RoundingMode `json:"mode"`
}

// Validate reports whether the mode is defined and Places lies in
// [0, MaxPlaces].
func (r Rounding) Validate() error {
	if !r.Mode.IsValid() {
		return &FieldError{Field: "rounding mode", Value: r.Mode.String(), Err: ErrInvalidPolicy}
	}
	if r.Places < 0 || r.Places > MaxPlaces {
		return &FieldError{Field: "rounding places", Value: fmt.Sprint(r.Places), Err: ErrInvalidPolicy}
	}
	return nil
}

// Apply returns d rounded as r says; the zero Rounding returns d unchanged,
// and so does an invalid one (see Validate), rather than round to an absurd
// number of places.
func (r Rounding) Apply(d decimal.Decimal) decimal.Decimal {
	if r.Validate() != nil {
		return d
	}
	switch r.Mode {
	case RoundHalfUp:
		return d.Round(r.Places)
	case RoundHalfEven:
		return d.RoundBank(r.Places)
	case RoundDown:
		return d.RoundDown(r.Places)
	case RoundUp:
		return d.RoundUp(r.Places)
	}
	return d
}

// String returns "exact" or the mode and places, such as "half-up to 2 places".
func (r Rounding) String() string {
	if r.Mode == RoundExact {
		return "exact"
	}
	return fmt.Sprintf("%s to %d places", r.Mode, r.Places)
}

func gcd64(a, b int64) int64 {
	if a < 0 {
		a = -a
	}
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

var bigTen = big.NewInt(10)

func pow10(n int32) *big.Int {
	return new(big.Int).Exp(bigTen, big.NewInt(int64(n)), nil)
}

// quotient returns x / y (y > 0) rounded as r says. With RoundExact it returns
// the exact quotient and true when the quotient has a finite decimal form, and
// false otherwise. With a rounding mode, the bool reports whether no rounding
// was needed.
func quotient(x, y decimal.Decimal, r Rounding) (decimal.Decimal, bool) {
	// |x/y| = num/den: the coefficients, with the exponents' difference.
	num, den := new(big.Int).Abs(x.Coefficient()), y.Coefficient()
	if e := x.Exponent() - y.Exponent(); e >= 0 {
		num.Mul(num, pow10(e))
	} else {
		den.Mul(den, pow10(-e))
	}
	places := r.Places
	if r.Mode == RoundExact {
		// num/den terminates iff den/gcd is 2^i·5^j; it then needs max(i, j)
		// places.
		m := new(big.Int).Quo(den, new(big.Int).GCD(nil, nil, num, den))
		twos := int32(m.TrailingZeroBits())
		m.Rsh(m, uint(twos))
		var fives int32
		for five, rem := big.NewInt(5), new(big.Int); ; fives++ {
			next, _ := new(big.Int).QuoRem(m, five, rem)
			if rem.Sign() != 0 {
				break
			}
			m = next
		}
		if m.Cmp(big.NewInt(1)) != 0 {
			return decimal.Decimal{}, false
		}
		places = max(twos, fives)
	}
	v, rem := new(big.Int).QuoRem(num.Mul(num, pow10(places)), den, new(big.Int))
	exact := rem.Sign() == 0
	if !exact {
		c := rem.Lsh(rem, 1).Cmp(den)
		if r.Mode == RoundUp || r.Mode == RoundHalfUp && c >= 0 || r.Mode == RoundHalfEven && (c > 0 || c == 0 && v.Bit(0) == 1) {
			v.Add(v, big.NewInt(1))
		}
	}
	if x.Sign() < 0 {
		v.Neg(v)
	}
	return decimal.NewFromBigInt(v, -places), exact
}

// ---------------------------------------------------------------------------
// Assessments.

// AssessorKind says in what capacity an assessment was made. The kinds are in
// order of precedence: for each unit, Score uses the appraisals if there are
// any, else the peers' assessments, else the self-assessment. The zero
// AssessorKind is not valid.
type AssessorKind uint8

// The kinds of assessor.
const (
	AssessorSelf      AssessorKind = iota + 1 // tự chấm: the unit scores itself
	AssessorPeer                              // chấm chéo: another member cross-checks
	AssessorAppraisal                         // thẩm định: the leader's team or the council
)

var assessorKinds = enum[AssessorKind]{
	field: "assessor kind",
	first: AssessorSelf,
	en:    []string{"", "self", "peer", "appraisal"},
	vi:    []string{"", "tự chấm", "chấm chéo", "thẩm định"},
	err:   ErrInvalidAssessorKind,
}

// IsValid reports whether k is AssessorSelf, AssessorPeer or AssessorAppraisal.
func (k AssessorKind) IsValid() bool { return assessorKinds.valid(k) }

// String returns "self", "peer" or "appraisal" (the form used in JSON).
func (k AssessorKind) String() string { return assessorKinds.name(k) }

// Vietnamese returns "tự chấm", "chấm chéo" or "thẩm định".
func (k AssessorKind) Vietnamese() string { return assessorKinds.vietnamese(k) }

// MarshalText encodes a valid kind as its English name.
func (k AssessorKind) MarshalText() ([]byte, error) { return assessorKinds.marshal(k) }

// UnmarshalText accepts the names String returns.
func (k *AssessorKind) UnmarshalText(b []byte) error { return assessorKinds.set(k, b) }

// Assessment is the marks (điểm chấm) one assessor gives one unit, per leaf
// criterion. For a self-assessment (tự chấm) Assessor is the unit itself; for a
// peer (chấm chéo) it is another member (or the unit itself in a full
// cross-scoring matrix, see ScoringPolicy.CountOwnPeer); for an appraisal
// (thẩm định) it names the appraising body, which need not be a member: the
// leader unit's team, or an ID such as "hoi-dong" for the council.
//
// Marks are non-negative; a deduction is given as the positive points to take
// off. In JSON, marks are an object keyed by criterion ID (so its order is
// fixed) with decimal strings as values. Decoding validates what can be
// checked without the scorecard and the cluster (Validate); Score checks the
// rest.
type Assessment struct {
	// Unit is the unit being assessed.
	Unit UnitID `json:"unit"`
	// Assessor is who gave the marks: the unit itself, a peer, or the
	// appraising body.
	Assessor UnitID `json:"assessor"`
	// Kind is the capacity: self (tự chấm), peer (chấm chéo) or appraisal
	// (thẩm định); it must be set.
	Kind AssessorKind `json:"kind"`
	// Marks are the marks per leaf criterion, non-negative decimals; a
	// deduction is the positive points to take off.
	Marks map[CriterionID]decimal.Decimal `json:"marks"`
}

func (a *Assessment) fail(c CriterionID, v string, err error) *AssessmentError {
	return &AssessmentError{Unit: a.Unit, Assessor: a.Assessor, Kind: a.Kind, Criterion: c, Value: v, Err: err}
}

// Validate checks what an assessment can show by itself: well-formed IDs, a
// valid kind, a self-assessment by the unit itself, and marks that are
// non-negative and in range. Of several bad marks it reports the one with the
// smallest criterion ID.
func (a Assessment) Validate() error {
	if err := a.validateHeader(); err != nil {
		return err
	}
	return a.firstBadMark(func(c CriterionID, v decimal.Decimal) error {
		if err := c.Validate(); err != nil {
			return err
		}
		return checkMarkValue(v)
	})
}

func checkMarkValue(v decimal.Decimal) error {
	if !inRange(v) {
		return ErrPointsRange
	}
	if v.Sign() < 0 {
		return ErrNegativeMark
	}
	return nil
}

// validateHeader checks everything but the marks.
func (a *Assessment) validateHeader() error {
	if err := a.Unit.Validate(); err != nil {
		return a.fail("", "", err)
	}
	if err := a.Assessor.Validate(); err != nil {
		return a.fail("", "", &FieldError{Field: "assessor", Value: string(a.Assessor), Err: idErr(string(a.Assessor))})
	}
	if !a.Kind.IsValid() {
		return a.fail("", "", ErrInvalidAssessorKind)
	}
	if a.Kind == AssessorSelf && a.Assessor != a.Unit {
		return a.fail("", "", ErrSelfByOther)
	}
	return nil
}

// firstBadMark returns the error check gives for the smallest criterion ID it
// rejects, so that the error does not depend on map order.
func (a *Assessment) firstBadMark(check func(CriterionID, decimal.Decimal) error) error {
	var (
		bad    CriterionID
		badErr error
	)
	for c, v := range a.Marks {
		if err := check(c, v); err != nil && (badErr == nil || c < bad) {
			bad, badErr = c, err
		}
	}
	if badErr != nil {
		return a.fail(bad, quoteDecimal(a.Marks[bad]), badErr)
	}
	return nil
}

// Equal reports whether a and b are the same assessment, comparing marks by value.
func (a Assessment) Equal(b Assessment) bool {
	if a.Unit != b.Unit || a.Assessor != b.Assessor || a.Kind != b.Kind || len(a.Marks) != len(b.Marks) {
		return false
	}
	for c, v := range a.Marks {
		w, ok := b.Marks[c]
		if !ok || !v.Equal(w) {
			return false
		}
	}
	return true
}

// UnmarshalJSON decodes an assessment and validates it (Validate).
func (a *Assessment) UnmarshalJSON(b []byte) error {
	type plain Assessment
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	if err := Assessment(v).Validate(); err != nil {
		return err
	}
	*a = Assessment(v)
	return nil
}

// ---------------------------------------------------------------------------
// Policy.

// Aggregation says how the marks of several assessors combine into one mark
// per criterion. The zero Aggregation is AggregateMean.
type Aggregation uint8

// The aggregations. No legal text found says how the marks of
// several assessors combine, so the cluster chooses.
const (
	AggregateMean        Aggregation = iota // trung bình cộng
	AggregateMedian                         // trung vị: the middle mark, or the mean of the middle two
	AggregateTrimmedMean                    // mean after dropping the Trim highest and Trim lowest
)

var aggregations = enum[Aggregation]{
	field: "aggregation",
	en:    []string{"mean", "median", "trimmed-mean"},
	err:   ErrInvalidPolicy,
}

// IsValid reports whether a is one of the defined aggregations.
func (a Aggregation) IsValid() bool { return aggregations.valid(a) }

// String returns "mean", "median" or "trimmed-mean".
func (a Aggregation) String() string { return aggregations.name(a) }

// MarshalText encodes a valid aggregation as its name.
func (a Aggregation) MarshalText() ([]byte, error) { return aggregations.marshal(a) }

// UnmarshalText accepts the names String returns.
func (a *Aggregation) UnmarshalText(b []byte) error { return aggregations.set(a, b) }

// tieBreakKind names a kind of tie-breaker. The zero tieBreakKind is not valid.
type tieBreakKind uint8

// The kinds of tie-breaker.
const (
	tieByCriterion     tieBreakKind = iota + 1 // more points under a named criterion or group
	tieFewerDeductions                         // fewer deduction points (điểm trừ)
	tieByComparison                            // a comparison the caller supplies
)

var tieKinds = enum[tieBreakKind]{
	field: "tie-breaker kind",
	first: tieByCriterion,
	en:    []string{"", "criterion", "fewer-deductions", "comparison"},
	err:   ErrInvalidPolicy,
}

func (k tieBreakKind) String() string { return tieKinds.name(k) }

// MarshalText encodes a valid kind as its name.
func (k tieBreakKind) MarshalText() ([]byte, error) { return tieKinds.marshal(k) }

// UnmarshalText accepts the names String returns.
func (k *tieBreakKind) UnmarshalText(b []byte) error { return tieKinds.set(k, b) }

// TieBreaker separates units with equal totals (bằng điểm). No rule of law
// sets one for scores, so a cluster lists its own, in order, in its policy; a
// tie that none separates stays a tie. Build one with ByCriterion,
// FewerDeductions or ByComparison; String names it, and its JSON gives its
// kind ("criterion", "fewer-deductions"; a comparison has none).
type TieBreaker struct {
	kind      tieBreakKind
	criterion CriterionID           // tieByCriterion: the criterion or group
	name      string                // tieByComparison: what the standings call it
	compare   func(a, b UnitID) int // tieByComparison: negative when a ranks ahead of b
}

// ByCriterion breaks ties in favour of the unit with more points under the
// criterion or group id.
func ByCriterion(id CriterionID) TieBreaker { return TieBreaker{kind: tieByCriterion, criterion: id} }

// FewerDeductions breaks ties in favour of the unit with fewer deduction points.
func FewerDeductions() TieBreaker { return TieBreaker{kind: tieFewerDeductions} }

// ByComparison breaks ties by a comparison the caller supplies (negative when a
// ranks ahead of b, zero when it cannot tell), such as the vote at the review
// or the gender rule of Decree 152/2025 Điều 4 k6. name is what the standings
// call it. It must order consistently and has no JSON form.
func ByComparison(name string, cmp func(a, b UnitID) int) TieBreaker {
	return TieBreaker{kind: tieByComparison, name: name, compare: cmp}
}

// String names the tie-breaker as Standing.TieBreak does: `criterion "I.2"`,
// "fewer deductions", or the comparison's name.
func (t TieBreaker) String() string {
	switch t.kind {
	case tieByCriterion:
		return fmt.Sprintf("criterion %q", string(t.criterion))
	case tieFewerDeductions:
		return "fewer deductions"
	case tieByComparison:
		return t.name
	}
	return t.kind.String()
}

// Validate reports whether the tie-breaker is complete: a valid kind, a
// well-formed criterion ID, or a named non-nil comparison.
func (t TieBreaker) Validate() error {
	switch t.kind {
	case tieByCriterion:
		return t.criterion.Validate()
	case tieFewerDeductions:
		return nil
	case tieByComparison:
		if t.compare == nil || blank(t.name) {
			return &FieldError{Field: "tie-breaker", Value: t.name, Err: ErrInvalidPolicy}
		}
		return nil
	}
	return &FieldError{Field: "tie-breaker kind", Value: t.kind.String(), Err: ErrInvalidPolicy}
}

type tieBreakerJSON struct {
	Kind      tieBreakKind `json:"kind"`
	Criterion CriterionID  `json:"criterion,omitempty"`
}

// MarshalJSON encodes a criterion or fewer-deductions tie-breaker; a
// comparison has no JSON form (ErrUnencodableTieBreaker).
func (t TieBreaker) MarshalJSON() ([]byte, error) {
	if t.kind == tieByComparison {
		return nil, &FieldError{Field: "tie-breaker", Value: t.name, Err: ErrUnencodableTieBreaker}
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	return json.Marshal(tieBreakerJSON{Kind: t.kind, Criterion: t.criterion})
}

// UnmarshalJSON decodes what MarshalJSON encodes, and validates it.
func (t *TieBreaker) UnmarshalJSON(b []byte) error {
	var j tieBreakerJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	if j.Kind == tieByComparison {
		return &FieldError{Field: "tie-breaker", Value: j.Kind.String(), Err: ErrUnencodableTieBreaker}
	}
	v := TieBreaker{kind: j.Kind, criterion: j.Criterion}
	if err := v.Validate(); err != nil {
		return err
	}
	*t = v
	return nil
}

// ScoringPolicy says how Score turns marks into standings. It is a plain value
// passed in, never a global, and the zero ScoringPolicy is the default: peers
// averaged by mean per criterion, a unit's own peer-style assessment ignored,
// missing marks and marks above the maximum are errors, nothing is rounded, and
// ties stay ties.
//
// Which marks count: for each unit, the appraisals (thẩm định) if there are
// any, else the peers' assessments (chấm chéo), else the self-assessment (tự
// chấm). Aggregation and Trim combine peers; several appraisals (the leader's
// team and the council, say) are combined by their mean.
type ScoringPolicy struct {
	Aggregation Aggregation `json:"aggregation,omitempty"` // how the peers' marks are combined
	Trim        int         `json:"trim,omitempty"`        // marks dropped at each end by AggregateTrimmedMean
	// PerTotal makes a median or trimmed mean rank the assessors by the total
	// each gave, drop whole assessments (the Trim highest and lowest totals,
	// or all but the median ones; equal totals by assessor ID), and average
	// the kept assessors' marks per criterion. By default (false) the highest
	// and lowest marks of each criterion are dropped on their own.
	PerTotal bool `json:"per_total,omitempty"`
	// CountOwnPeer counts a peer assessment of a unit by itself as one of its
	// peers; by default it is left out, as in a cross-scoring matrix whose
	// diagonal is ignored.
	CountOwnPeer bool `json:"count_own_peer,omitempty"`
	// MissingIsZero counts a leaf criterion without a mark in an assessment
	// as 0; by default (false) it is ErrMissingMark.
	MissingIsZero bool `json:"missing_is_zero,omitempty"`
	// ClampOverMax counts a mark above its criterion's maximum as the
	// maximum, and the line says Clamped; by default (false) it is ErrOverMax.
	ClampOverMax bool `json:"clamp_over_max,omitempty"`
	// Aggregate rounds each criterion's aggregated mark; Total rounds the
	// total; Scaled rounds the 100-point figure (see Scorecard.Scale).
	Aggregate Rounding `json:"aggregate_rounding"`
	// Total rounds each unit's total; the zero Rounding does not round.
	Total Rounding `json:"total_rounding"`
	// Scaled rounds the 100-point figure; the zero Rounding does not round.
	Scaled Rounding `json:"scaled_rounding"`
	// TieBreakers separate equal totals (bằng điểm), tried in order; nil
	// leaves such units tied.
	TieBreakers []TieBreaker `json:"tie_breakers,omitempty"`
}

// DefaultScoringPolicy returns the zero ScoringPolicy, the documented default.
func DefaultScoringPolicy() ScoringPolicy { return ScoringPolicy{} }

// Validate reports whether every field is in range: a defined aggregation, a
// non-negative Trim used only with AggregateTrimmedMean, valid roundings and
// complete tie-breakers. Errors are *FieldError wrapping ErrInvalidPolicy.
func (p ScoringPolicy) Validate() error {
	bad := func(field, value string) error {
		return &FieldError{Field: field, Value: value, Err: ErrInvalidPolicy}
	}
	switch {
	case !p.Aggregation.IsValid():
		return bad("aggregation", p.Aggregation.String())
	case p.Trim < 0 || p.Trim > maxTrim || (p.Trim > 0 && p.Aggregation != AggregateTrimmedMean):
		return bad("trim", fmt.Sprint(p.Trim))
	}
	for _, r := range []Rounding{p.Aggregate, p.Total, p.Scaled} {
		if err := r.Validate(); err != nil {
			return err
		}
	}
	for _, t := range p.TieBreakers {
		if err := t.Validate(); err != nil {
			return err
		}
	}
	return nil
}

// UnmarshalJSON decodes a policy and validates it. The keys of earlier
// versions, "over", "missing" and "over_max", are refused (*FieldError
// wrapping ErrInvalidPolicy) rather than ignored, so that an old per-total or
// clamping policy does not silently decode as the default.
func (p *ScoringPolicy) UnmarshalJSON(b []byte) error {
	type plain ScoringPolicy
	var v plain
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	var old struct {
		Over    json.RawMessage `json:"over"`
		Missing json.RawMessage `json:"missing"`
		OverMax json.RawMessage `json:"over_max"`
	}
	if err := json.Unmarshal(b, &old); err != nil {
		return err
	}
	for _, k := range []struct {
		key string
		raw json.RawMessage
	}{{"over", old.Over}, {"missing", old.Missing}, {"over_max", old.OverMax}} {
		if k.raw != nil {
			return &FieldError{Field: k.key, Value: string(k.raw), Err: ErrInvalidPolicy}
		}
	}
	if err := ScoringPolicy(v).Validate(); err != nil {
		return err
	}
	*p = ScoringPolicy(v)
	return nil
}

// ---------------------------------------------------------------------------
// Standings.

// Line is one leaf criterion of a unit's breakdown: which marks were used, how
// they were combined, and what the criterion added to or took from the total.
type Line struct {
	Criterion CriterionID   `json:"criterion"` // the leaf criterion
	Kind      CriterionKind `json:"kind"`      // scored, bonus or deduction
	// Marks are the marks used, in ascending order, after clamping; Dropped
	// counts those a trimmed mean or median left out.
	Marks []decimal.Decimal `json:"marks"`
	// Dropped counts the marks a trimmed mean or median left out; 0 when
	// none were.
	Dropped     int             `json:"dropped,omitempty"`
	Aggregation Aggregation     `json:"aggregation"` // how Marks were combined (a single mark is its own mean)
	Mark        decimal.Decimal `json:"mark"`        // the aggregated mark, rounded as the policy's Aggregate says
	Weight      decimal.Decimal `json:"weight"`      // hệ số
	// Contribution is Mark × Weight, negative for a deduction (điểm trừ).
	Contribution decimal.Decimal `json:"contribution"`
	// Clamped reports that at least one assessor's mark was above the maximum
	// and counted as the maximum (ScoringPolicy.ClampOverMax).
	Clamped bool `json:"clamped,omitempty"`
}

// Equal reports whether l and m are the same line, comparing decimals by value.
func (l Line) Equal(m Line) bool {
	return l.Criterion == m.Criterion && l.Kind == m.Kind && l.Dropped == m.Dropped &&
		l.Aggregation == m.Aggregation && l.Clamped == m.Clamped &&
		l.Mark.Equal(m.Mark) && l.Weight.Equal(m.Weight) && l.Contribution.Equal(m.Contribution) &&
		slices.EqualFunc(l.Marks, m.Marks, decimal.Decimal.Equal)
}

// GateFailure records that a unit's points under a criterion with a minimum
// (Min) fell below it. It does not change the total; awards may look at it.
type GateFailure struct {
	Criterion CriterionID     `json:"criterion"` // the criterion with a minimum
	Min       decimal.Decimal `json:"min"`       // its minimum
	Points    decimal.Decimal `json:"points"`    // the unit's points under it
}

// String gives the reason, such as `criterion "II" has 12.5 points, below its minimum 15`.
func (g GateFailure) String() string {
	return fmt.Sprintf("criterion %q has %s points, below its minimum %s", string(g.Criterion), g.Points, g.Min)
}

// Standing is one unit's result (kết quả chấm điểm): its total, its rank, and
// the breakdown that explains both.
type Standing struct {
	Unit UnitID `json:"unit"` // the unit scored
	// Rank is the competition rank (1, 2, 2, 4) by total, highest first, after
	// the policy's tie-breakers; units the tie-breakers could not separate share
	// a rank.
	Rank int `json:"rank"`
	// Total is the sum of the lines' contributions, rounded as the policy's
	// Total says. It may exceed BaseMax by bonuses and fall below zero by
	// deductions: before rounding it lies in [-DeductionMax, BaseMax+BonusMax].
	Total decimal.Decimal `json:"total"`
	// Scaled is Total on a 100-point scale (Scorecard.Scale with the policy's
	// Scaled rounding). It never decides a rank.
	Scaled decimal.Decimal `json:"scaled"`
	// Deductions is the deduction points taken off (positive).
	Deductions decimal.Decimal `json:"deductions"`
	// Source is whose marks were used: appraisal, peer or self; Assessors lists
	// them, sorted.
	Source AssessorKind `json:"source,omitempty"`
	// Assessors are the units whose marks were used (of kind Source), sorted.
	Assessors []UnitID `json:"assessors"`
	Lines     []Line   `json:"lines"` // one per leaf criterion, in the order of the table
	// Subtotals holds the points the unit has under each group of criteria,
	// bonuses and deductions within it included, keyed by the group's ID.
	Subtotals map[CriterionID]decimal.Decimal `json:"subtotals"`
	// GatesFailed lists the minima the unit fell below (empty if none).
	GatesFailed []GateFailure `json:"gates_failed,omitempty"`
	// TieBreak names the tie-breaker that last separated this unit from units
	// with the same total (TieBreaker.String), or is empty when none did.
	TieBreak string `json:"tie_break,omitempty"`
}

// Points returns the unit's points under a criterion: a leaf's contribution or
// a group's subtotal.
func (s Standing) Points(id CriterionID) (decimal.Decimal, bool) {
	for _, l := range s.Lines {
		if l.Criterion == id {
			return l.Contribution, true
		}
	}
	p, ok := s.Subtotals[id]
	return p, ok
}

// Equal reports whether s and t are the same standing, comparing decimals by value.
func (s Standing) Equal(t Standing) bool {
	return s.Unit == t.Unit && s.Rank == t.Rank && s.Source == t.Source && s.TieBreak == t.TieBreak &&
		s.Total.Equal(t.Total) && s.Scaled.Equal(t.Scaled) && s.Deductions.Equal(t.Deductions) &&
		slices.Equal(s.Assessors, t.Assessors) &&
		slices.EqualFunc(s.Lines, t.Lines, Line.Equal) &&
		maps.EqualFunc(s.Subtotals, t.Subtotals, decimal.Decimal.Equal) &&
		slices.EqualFunc(s.GatesFailed, t.GatesFailed, func(a, b GateFailure) bool {
			return a.Criterion == b.Criterion && a.Min.Equal(b.Min) && a.Points.Equal(b.Points)
		})
}

func (s Standing) clone() Standing {
	s.Assessors = slices.Clone(s.Assessors)
	s.Lines = slices.Clone(s.Lines)
	for i := range s.Lines {
		s.Lines[i].Marks = slices.Clone(s.Lines[i].Marks)
	}
	s.Subtotals = maps.Clone(s.Subtotals)
	s.GatesFailed = slices.Clone(s.GatesFailed)
	return s
}

// Standings is the ranked result of scoring one cluster-year (bảng xếp hạng):
// a Standing per member, ties explicit. It records the cluster and year it is
// for, so that later steps can refuse standings of another. It is immutable
// and safe for concurrent use; its methods return copies.
type Standings struct {
	cluster   ClusterID
	year      int
	scorecard string
	ranked    []Standing
	index     map[UnitID]int
}

// ClusterID returns the cluster the standings are for.
func (st Standings) ClusterID() ClusterID { return st.cluster }

// Year returns the emulation year the standings are for.
func (st Standings) Year() int { return st.year }

// Scorecard returns the ID of the scorecard that produced the standings.
func (st Standings) Scorecard() string { return st.scorecard }

// Len returns the number of units ranked.
func (st Standings) Len() int { return len(st.ranked) }

// Ranked returns the standings in rank order, units sharing a rank in roster
// order.
func (st Standings) Ranked() []Standing {
	out := make([]Standing, len(st.ranked))
	for i, s := range st.ranked {
		out[i] = s.clone()
	}
	return out
}

// Of returns the standing of unit id, and whether it was ranked.
func (st Standings) Of(id UnitID) (Standing, bool) {
	i, ok := st.index[id]
	if !ok {
		return Standing{}, false
	}
	return st.ranked[i].clone(), true
}

// Ties returns the groups of units that share a rank, in rank order, each in
// roster order; nil when every rank is held by one unit.
func (st Standings) Ties() [][]UnitID {
	var out [][]UnitID
	for i := 0; i < len(st.ranked); {
		j := i + 1
		for j < len(st.ranked) && st.ranked[j].Rank == st.ranked[i].Rank {
			j++
		}
		if j-i > 1 {
			g := make([]UnitID, 0, j-i)
			for _, s := range st.ranked[i:j] {
				g = append(g, s.Unit)
			}
			out = append(out, g)
		}
		i = j
	}
	return out
}

// Equal reports whether st and o rank the same units the same way with the
// same breakdowns, for the same cluster, year and scorecard.
func (st Standings) Equal(o Standings) bool {
	return st.cluster == o.cluster && st.year == o.year && st.scorecard == o.scorecard &&
		slices.EqualFunc(st.ranked, o.ranked, Standing.Equal)
}

// ---------------------------------------------------------------------------
// Score.

// Score ranks the cluster's members by the scorecard from the assessments,
// as the policy says: for each member it picks the marks that count
// (appraisal, else peers, else self), checks them, combines them per leaf
// criterion, adds the contributions up, checks the gates, and then ranks the
// totals from the highest down, applying the policy's tie-breakers to equal
// totals.
//
// The scorecard's year must be the cluster's. Every assessment must be of a
// member, every peer assessor a member, and every member must have at least
// one assessment that counts. Errors are typed: *AssessmentError,
// *FieldError or *UnitError wrapping a sentinel.
// The result does not depend on the order of the assessments.
//
// Score runs on the compiled int64 core (see Compile): the chosen marks are
// aggregated, weighted, summed and ranked in int64 fixed point, and the
// breakdown is read off the int64 values. Where a mark, weight or total does
// not fit that form it computes in decimals instead, with the same result.
func (s Scorecard) Score(c Cluster, assessments []Assessment, p ScoringPolicy) (Standings, error) {
	st, _, _, err := s.score(c, assessments, p, false)
	return st, err
}

// score is Score, and the year compiled when it fits the int64 form; when it
// does not, the zero Compiled and the error that says why (a *FieldError
// wrapping ErrOverflow, or ErrInexact for a quotient too long). decimalOnly
// skips the int64 form, for the tests of the decimal path.
//
// It reads the assessments in a fixed order (unit, assessor, kind), so that
// the error reported and the order of the marks in each line do not depend
// on the order they were given in. In that order a unit's assessments are
// adjacent, and so are duplicates: each unit's marks are read and chosen
// while they are at hand. An error in an assessment comes before an error
// in a unit's choice (no assessment that counts, too few marks to trim, a
// missing mark), and of the latter the first in roster order is reported.
func (s Scorecard) score(c Cluster, assessments []Assessment, p ScoringPolicy, decimalOnly bool) (Standings, Compiled, error, error) {
	fail := func(err error) (Standings, Compiled, error, error) { return Standings{}, Compiled{}, nil, err }
	if err := s.checkScoring(c, p); err != nil {
		return fail(err)
	}
	U := len(c.spec.Members)
	ch := newChooser(&s, &p, assessments, U, !decimalOnly)
	out := make([]Standing, U)
	done := make([]bool, U)
	var (
		unitErr error
		errAt   = U
	)
	for lo := 0; lo < len(ch.order); {
		id := assessments[ch.order[lo]].Unit
		hi := lo
		for ; hi < len(ch.order) && assessments[ch.order[hi]].Unit == id; hi++ {
			if err := ch.read(c, hi, hi-lo); err != nil {
				return fail(err)
			}
		}
		ui := c.index[id] // a member: read checked it
		done[ui] = true
		if ui < errAt { // else this unit's error could not be the one reported
			if err := ch.unit(&out[ui], id, ch.order[lo:hi], ui); err != nil {
				unitErr, errAt = err, ui
			}
		}
		lo = hi
	}
	for ui, m := range c.spec.Members {
		if !done[ui] && ui < errAt {
			unitErr, errAt = &UnitError{ID: m.ID, Err: ErrNoAssessment}, ui
		}
	}
	if unitErr != nil {
		return fail(unitErr)
	}
	if ch.why == nil && ch.fast {
		cp, why := ch.compile(c)
		if why == nil {
			return s.finish(c, out, &cp, &p), cp, nil, nil
		}
		ch.why = why
	}
	st, err := s.scoreDecimal(c, out, &p)
	return st, Compiled{}, ch.why, err
}

// checkScoring reports what is wrong with scoring c's year on s under p,
// before any mark is read: the zero Scorecard or Cluster, another year, an
// invalid policy, a tie-breaker by an unknown criterion.
func (s *Scorecard) checkScoring(c Cluster, p ScoringPolicy) error {
	if s.nodes == nil {
		return ErrEmptyScorecard
	}
	if c.index == nil {
		return fmt.Errorf("%w (the zero Cluster)", ErrTooFewMembers)
	}
	if s.spec.Year != c.Year() {
		return yearError("scorecard year", s.spec.Year, fmt.Errorf("%w than the cluster's %d", ErrScorecardYear, c.Year()))
	}
	if err := p.Validate(); err != nil {
		return err
	}
	for _, t := range p.TieBreakers {
		if _, ok := s.index[t.criterion]; t.kind == tieByCriterion && !ok {
			return criterionError(t.criterion, ErrUnknownCriterion)
		}
	}
	return nil
}

// readMarks fills one assessment's row from its marks, leaf by leaf, and
// reports whether every mark is good and belongs to a leaf. When it returns
// false the caller looks for the error.
func (s *Scorecard) readMarks(a *Assessment, p *ScoringPolicy, dec []decimal.Decimal, sm []smallDec, present []bool) bool {
	found := 0
	for l, ni := range s.leaves {
		nd := &s.nodes[ni]
		v, ok := a.Marks[nd.id]
		if !ok {
			continue
		}
		found++
		sv := toSmall(v)
		if !sv.ok() || sv.e < -maxExp || sv.e > maxExp || sv.c < 0 {
			return false
		}
		if !p.ClampOverMax {
			if c, ok := cmpSmall(sv, nd.smax); !ok || c > 0 {
				return false
			}
		}
		dec[l], sm[l], present[l] = v, sv, true
	}
	return found == len(a.Marks)
}

// checkMark checks one mark against the scorecard and policy, and returns the
// index of its leaf.
func (s *Scorecard) checkMark(id CriterionID, v decimal.Decimal, sv smallDec, p *ScoringPolicy) (int, error) {
	ni, ok := s.index[id]
	if !ok {
		if err := id.Validate(); err != nil {
			return -1, err
		}
		return -1, ErrUnknownCriterion
	}
	switch {
	case sv.ok():
		if sv.e < -maxExp || sv.e > maxExp {
			return -1, ErrPointsRange
		}
		if sv.c < 0 {
			return -1, ErrNegativeMark
		}
	default:
		if err := checkMarkValue(v); err != nil {
			return -1, err
		}
	}
	nd := &s.nodes[ni]
	if nd.leaf < 0 {
		return -1, ErrNotLeaf
	}
	if !p.ClampOverMax && cmpSmallOr(v, sv, nd.max, nd.smax) > 0 {
		return -1, fmt.Errorf("%w %s", ErrOverMax, nd.max)
	}
	return nd.leaf, nil
}

// chooser reads each unit's marks, picks those that count and lays out its
// breakdown: the lines' marks, what was dropped and clamped. In the int64
// form (fast) it also sums each line's marks; the numbers of the lines are
// filled in later, by the int64 core or in decimals.
type chooser struct {
	s     *Scorecard
	p     *ScoringPolicy
	as    []Assessment
	order []int // the assessments by unit, assessor, kind
	// One unit's marks, reused from unit to unit: dec[at] is a mark and
	// sm[at] its int64 form, if present[at]. The first L places hold the
	// leaves' maxima (for clamped marks) and place L zero (for missing ones);
	// from L+1 on, the unit's r-th assessment has leaf l at L+1+r·L+l.
	dec     []decimal.Decimal
	sm      []smallDec
	present []bool
	// In the int64 form: per unit and leaf, the sum of the marks used at the
	// scale of the most precise of them (scales), and how many were used.
	fast         bool
	why          error // why the int64 form does not fit, once it does not
	sums, scales []int64
	counts       []int
	lines        []Line   // every unit's lines
	assessors    []UnitID // what is left of a slab for every unit's Assessors
	sel, rows    []int    // the assessments one unit's choice uses, and where their marks are
	row          []int    // per leaf and assessor, where its mark is in dec and sm
	use          []int    // the assessors of one line, in order of their marks
	keys         []int64  // their marks at one scale
}

func newChooser(s *Scorecard, p *ScoringPolicy, as []Assessment, units int, fast bool) *chooser {
	L := len(s.leaves)
	ch := &chooser{s: s, p: p, as: as, order: make([]int, len(as)), fast: fast,
		lines: make([]Line, units*L), assessors: make([]UnitID, len(as))}
	for i := range ch.order {
		ch.order[i] = i
	}
	slices.SortStableFunc(ch.order, func(x, y int) int { return sameAssessment(&as[x], &as[y]) })
	// Room for the most assessments any unit has.
	most := 0
	for lo, k := 0, 0; k < len(ch.order); k++ {
		if as[ch.order[k]].Unit != as[ch.order[lo]].Unit {
			lo = k
		}
		most = max(most, k-lo+1)
	}
	n := L + 1 + most*L
	ch.dec, ch.sm, ch.present = make([]decimal.Decimal, n), make([]smallDec, n), make([]bool, n)
	for l, ni := range s.leaves {
		ch.dec[l], ch.sm[l], ch.present[l] = s.nodes[ni].max, s.nodes[ni].smax, true
	}
	ch.dec[L], ch.present[L] = decimal.Zero, true
	if fast {
		sl := make([]int64, 2*units*L)
		ch.sums, ch.scales, ch.counts = sl[:units*L], sl[units*L:], make([]int, units*L)
	}
	return ch
}

// sameAssessment orders assessments by unit, assessor and kind: 0 for two
// that are the same assessment.
func sameAssessment(a, b *Assessment) int {
	return cmp.Or(strings.Compare(string(a.Unit), string(b.Unit)),
		strings.Compare(string(a.Assessor), string(b.Assessor)), cmp.Compare(a.Kind, b.Kind))
}

// read checks the k-th assessment in order and reads its marks as its unit's
// r-th.
func (ch *chooser) read(c Cluster, k, r int) error {
	s, a := ch.s, &ch.as[ch.order[k]]
	if err := a.validateHeader(); err != nil {
		return err
	}
	if !c.IsMember(a.Unit) {
		return a.fail("", "", &UnitError{ID: a.Unit, Err: ErrUnknownUnit})
	}
	if a.Kind == AssessorPeer && !c.IsMember(a.Assessor) {
		return a.fail("", "", &UnitError{ID: a.Assessor, Err: ErrUnknownUnit})
	}
	if k > 0 && sameAssessment(a, &ch.as[ch.order[k-1]]) == 0 {
		return a.fail("", "", ErrDuplicateAssessment)
	}
	L := len(s.leaves)
	from, to := L+1+r*L, L+1+(r+1)*L
	dec, sm, present := ch.dec[from:to], ch.sm[from:to], ch.present[from:to]
	clear(present)
	// The common case: look each leaf up; if every mark is good and none is
	// left over, we are done.
	if s.readMarks(a, ch.p, dec, sm, present) {
		return nil
	}
	// Otherwise read the marks one by one, keeping the good ones (such as a
	// mark with no int64 form), and report, of several bad marks, the one
	// with the smallest criterion ID, whatever the map's order.
	var (
		bad    CriterionID
		badErr error
	)
	for id, v := range a.Marks {
		sv := toSmall(v)
		l, err := s.checkMark(id, v, sv, ch.p)
		if err != nil {
			if badErr == nil || id < bad {
				bad, badErr = id, err
			}
			continue
		}
		dec[l], sm[l], present[l] = v, sv, true
	}
	if badErr != nil {
		return a.fail(bad, quoteDecimal(a.Marks[bad]), badErr)
	}
	return nil
}

// cmpAt compares the marks at x and y, through their int64 forms when it can.
func (ch *chooser) cmpAt(x, y int) int {
	if a, b := ch.sm[x], ch.sm[y]; a.e == b.e && a.ok() {
		return cmp.Compare(a.c, b.c)
	}
	return cmpSmallOr(ch.dec[x], ch.sm[x], ch.dec[y], ch.sm[y])
}

// unit chooses the marks of member u (id), whose assessments were just read
// (idx, in order), into st.
func (ch *chooser) unit(st *Standing, id UnitID, idx []int, u int) error {
	s, p := ch.s, ch.p
	counts := func(a *Assessment) bool {
		return !(a.Kind == AssessorPeer && a.Assessor == id && !p.CountOwnPeer)
	}
	var tier AssessorKind
	for _, i := range idx {
		if a := &ch.as[i]; counts(a) && a.Kind > tier {
			tier = a.Kind
		}
	}
	if tier == 0 {
		return &UnitError{ID: id, Err: ErrNoAssessment}
	}
	// The assessments of the tier, by assessor (idx is in that order), and
	// where each one's marks were read.
	sel, rows := ch.sel[:0], ch.rows[:0]
	for r, i := range idx {
		if a := &ch.as[i]; a.Kind == tier && counts(a) {
			sel, rows = append(sel, i), append(rows, r)
		}
	}
	ch.sel, ch.rows = sel, rows
	n, L := len(sel), len(s.leaves)
	method, trim := AggregateMean, 0
	if tier == AssessorPeer {
		method, trim = p.Aggregation, p.Trim
	}
	if method == AggregateTrimmedMean && trim > (n-1)/2 { // 2·trim ≥ n, without overflow
		return &AssessmentError{Unit: id, Kind: tier,
			Err: fmt.Errorf("%w (%d marks, %d dropped at each end)", ErrTrimTooMuch, n, trim)}
	}
	*st = Standing{Unit: id, Source: tier, Assessors: ch.assessors[:n:n], Lines: ch.lines[u*L : (u+1)*L : (u+1)*L]}
	ch.assessors = ch.assessors[n:]
	// The marks, assessor by assessor, clamped where the policy says.
	row := slices.Grow(ch.row[:0], n*L)[:n*L]
	ch.row = row
	for j, ai := range sel {
		a := &ch.as[ai]
		st.Assessors[j] = a.Assessor
		for l := range s.leaves {
			at := L + 1 + rows[j]*L + l
			if !ch.present[at] {
				if !p.MissingIsZero {
					return a.fail(s.nodes[s.leaves[l]].id, "", ErrMissingMark)
				}
				at = L // zero
			}
			if p.ClampOverMax && ch.cmpAt(at, l) > 0 { // else checked on reading
				at, st.Lines[l].Clamped = l, true
			}
			row[l*n+j] = at
		}
	}
	// Which assessors' marks to keep, when the policy chooses them by total.
	var keep []int
	if p.PerTotal && method != AggregateMean && n > 1 {
		totals := make([]decimal.Decimal, n)
		for j := range n {
			t := decimal.Zero
			for l, ni := range s.leaves {
				t = t.Add(signed(&s.nodes[ni], ch.dec[row[l*n+j]].Mul(s.nodes[ni].weight)))
			}
			totals[j] = t
		}
		keep = make([]int, n)
		for j := range keep {
			keep[j] = j
		}
		slices.SortStableFunc(keep, func(a, b int) int { return totals[a].Cmp(totals[b]) })
		lo, hi := middle(method, n, trim)
		keep = keep[lo:hi]
	}
	lo, hi := 0, n // of the sorted marks, those used
	if keep != nil {
		hi = len(keep)
	} else if n > 1 && method != AggregateMean {
		lo, hi = middle(method, n, trim)
	}
	backing := make([]decimal.Decimal, 0, (hi-lo)*L)
	for l, ni := range s.leaves {
		nd := &s.nodes[ni]
		use := ch.use[:0]
		if keep != nil {
			use = append(use, keep...)
		} else {
			for j := range n {
				use = append(use, j)
			}
		}
		ch.use = use
		pos := row[l*n : (l+1)*n] // where each assessor's mark is
		uniform := ch.sortByKey(use, pos)
		if uniform < 0 { // a mark with no int64 form: compare as decimals
			slices.SortStableFunc(use, func(a, b int) int { return ch.cmpAt(pos[a], pos[b]) })
		}
		used := use[lo:hi]
		if ch.fast && ch.why == nil {
			var keys []int64
			if uniform >= 0 {
				keys = ch.keys[lo:hi]
			}
			ch.why = ch.sum(used, pos, u*L+l, keys, uniform)
		}
		start := len(backing)
		for _, j := range used {
			backing = append(backing, ch.dec[pos[j]])
		}
		agg := method
		if len(used) == 1 && n == 1 {
			agg = AggregateMean
		}
		ln := &st.Lines[l]
		ln.Criterion, ln.Kind, ln.Weight, ln.Aggregation = nd.id, nd.kind, nd.weight, agg
		ln.Marks, ln.Dropped = backing[start:len(backing):len(backing)], n-len(used)
	}
	return nil
}

// sortByKey sorts one line's assessors (use) by their marks (at pos),
// stably, on int64 keys left in ch.keys in that order: the coefficients when
// the marks share an exponent, the marks at the largest scale among them
// otherwise. It returns the scale of the keys when they are the marks at a
// scale from 0 to 18, 19 when the sum must be taken from the marks, and -1,
// the order undecided, when a mark does not fit the int64 form.
func (ch *chooser) sortByKey(use, pos []int) int32 {
	scale, uniform := int32(0), true
	e0 := ch.sm[pos[use[0]]].e
	for _, j := range use {
		v := ch.sm[pos[j]]
		if !v.ok() {
			return -1
		}
		scale, uniform = max(scale, -v.e), uniform && v.e == e0
	}
	keys := ch.keys[:0]
	for i, j := range use {
		v := ch.sm[pos[j]]
		k, ok := v.c, true
		if !uniform {
			k, ok = scaleUp(v.c, scale+v.e)
		}
		if !ok {
			return -1
		}
		keys = append(keys, k)
		for ; i > 0 && keys[i-1] > k; i-- {
			keys[i], use[i] = keys[i-1], use[i-1]
		}
		keys[i], use[i] = k, j
	}
	ch.keys = keys
	if !uniform || e0 > 0 {
		return 19
	}
	return -e0
}

// sum adds up the marks one line uses (used, sorted; at pos) into sums[at],
// at the scale of the most precise of them: the keys themselves when the
// marks are uniform at that scale (uniform, from sortByKey). It returns why
// when a mark or the sum does not fit the int64 form.
func (ch *chooser) sum(used, pos []int, at int, keys []int64, uniform int32) error {
	var total int64
	ok, scale := true, uniform
	if uniform < 0 || uniform > 18 {
		scale = 0
		for _, j := range used {
			v := ch.sm[pos[j]]
			if !v.ok() || -v.e > 18 {
				return overflowError("mark", quoteDecimal(ch.dec[pos[j]]))
			}
			scale = max(scale, -v.e)
		}
		for _, j := range used {
			v := ch.sm[pos[j]]
			x, ok := scaleUp(v.c, scale+v.e)
			if ok {
				total, ok = addChk(total, x)
			}
			if !ok {
				return overflowError("mark", quoteDecimal(ch.dec[pos[j]]))
			}
		}
	} else {
		for _, k := range keys {
			if total, ok = addChk(total, k); !ok {
				return overflowError("mark sum", fmt.Sprint(total))
			}
		}
	}
	ch.sums[at], ch.counts[at], ch.scales[at] = total, len(used), int64(scale)
	return nil
}

// scaleUp returns v·10^sh (0 ≤ sh ≤ 18) if it fits the int64 form.
func scaleUp(v int64, sh int32) (int64, bool) {
	if sh == 0 {
		return v, v <= fastLimit && v >= -fastLimit
	}
	if sh < 0 || sh > 18 {
		return 0, false
	}
	return mulChk(v, pow10i[sh])
}

// compile lays the chosen marks out in the int64 form: summed per line at the
// largest number of places any has, and aggregated as the policy says. It fails
// (with a *FieldError wrapping ErrOverflow, or ErrInexact) where a value does
// not fit.
func (ch *chooser) compile(c Cluster) (Compiled, error) {
	var rs int64
	for _, sc := range ch.scales {
		rs = max(rs, sc)
	}
	for i, sc := range ch.scales {
		if sc < rs {
			v, ok := mulChk(ch.sums[i], pow10i[rs-sc])
			if !ok {
				return Compiled{}, overflowError("mark", decimal.New(ch.sums[i], -int32(sc)).String())
			}
			ch.sums[i] = v
		}
	}
	cp := newCompiledFrame(ch.s, c, *ch.p)
	cp.marks = make([]int64, len(ch.sums))
	var err error
	if cp.markScale, err = aggregateInt(ch.sums, ch.counts, int32(rs), ch.p.Aggregate, cp.marks); err != nil {
		return Compiled{}, err
	}
	cp.sign(ch.s)
	if err := cp.setWeights(ch.s); err != nil {
		return Compiled{}, err
	}
	return cp, nil
}

// finish scores the compiled year and reads each unit's breakdown off the
// int64 values. A line's contribution is at the scale of its mark and its own
// weight, as mark × weight in decimals would be, so that a line of weight 1
// shares its mark's decimal.
func (s *Scorecard) finish(c Cluster, out []Standing, cp *Compiled, p *ScoringPolicy) Standings {
	var b scoreBuf
	cp.scoreInto(cp.weights, cp.weightScale, &b)
	L := len(s.leaves)
	made := newDecimals(2 * len(out) * L)
	own := make([]smallDec, L) // each leaf's weight at its own scale
	for l, ni := range s.leaves {
		own[l] = s.nodes[ni].sweight
	}
	ip, np := make([]int64, len(s.nodes)), make([]decimal.Decimal, len(s.nodes))
	base := toSmall(s.base)
	for u := range out {
		st := &out[u]
		var ded int64
		for l, ni := range s.leaves {
			m := cp.marks[u*L+l]
			ip[ni] = m * cp.weights[l]
			ln := &st.Lines[l]
			ln.Mark, ln.Contribution = made.of(abs64(m), cp.markScale), made.of(m*own[l].c, cp.markScale-own[l].e)
			np[ni] = ln.Contribution
			ded -= min(ip[ni], 0)
		}
		// Subtotals, bottom-up: in pre-order every child follows its parent.
		for i := len(s.nodes) - 1; i >= 0; i-- {
			if nd := &s.nodes[i]; nd.leaf < 0 {
				var sum int64
				for _, ch := range nd.children {
					sum += ip[ch]
				}
				ip[i], np[i] = sum, made.of(sum, b.scale)
			}
		}
		s.closeUnit(st, np)
		st.Total, st.Deductions = made.of(b.totals[u], b.scale), made.of(ded, b.scale)
		if v, places, ok := scaleInt(b.totals[u], b.scale, base, p.Scaled); ok {
			st.Scaled = made.of(v, places)
		} else {
			st.Scaled = s.scale(st.Total, p.Scaled)
		}
		st.Rank, st.TieBreak = b.ranks[u], b.tieBreak[u]
	}
	return s.standings(c, out, b.order)
}

// scaleInt is Scorecard.scale for a total of t at scale ts, in int64
// arithmetic, with the scorecard's BaseMax in its int64 form: the scaled
// total in units of 10^-places. It reports false when a value does not fit,
// and scale decides instead.
func scaleInt(t int64, ts int32, base smallDec, r Rounding) (v int64, places int32, ok bool) {
	if !base.ok() || base.c <= 0 {
		return 0, 0, false
	}
	// |t·100 / base| = num/den, the exponents' difference folded in.
	num, ok := mulChk(abs64(t), 100)
	den := base.c
	if e := -ts - base.e; ok && e >= 0 {
		num, ok = scaleUp(num, e)
	} else if ok {
		den, ok = scaleUp(den, -e)
	}
	if !ok {
		return 0, 0, false
	}
	places = r.Places
	if r.Mode == RoundExact {
		if places, ok = terminating(num, den); !ok {
			r, places = Rounding{Places: ScalePlaces, Mode: RoundHalfEven}, ScalePlaces
		}
	}
	if places > 18 {
		return 0, 0, false
	}
	if v, ok = mulDivRound(num, pow10i[places], den, r.Mode); !ok {
		return 0, 0, false
	}
	if t < 0 {
		v = -v
	}
	return v, places, true
}

// mulDivRound returns num·mul/den (all positive or zero, den > 0) rounded
// by mode, through a 128-bit product, if the quotient fits the int64 form.
func mulDivRound(num, mul, den int64, mode RoundingMode) (int64, bool) {
	hi, lo := bits.Mul64(uint64(num), uint64(mul))
	if hi >= uint64(den) {
		return 0, false
	}
	q, rem := bits.Div64(hi, lo, uint64(den))
	if rem != 0 {
		switch twice := 2 * rem; mode {
		case RoundUp:
			q++
		case RoundHalfUp:
			q += b2u(twice >= uint64(den))
		case RoundHalfEven:
			q += b2u(twice > uint64(den) || twice == uint64(den) && q%2 == 1)
		}
	}
	if q > fastLimit {
		return 0, false
	}
	return int64(q), true
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// terminating returns how many decimal places num/den (den > 0) needs to be
// exact, and false when it has no finite decimal form: it has one iff
// den/gcd(num, den) is 2^i·5^j, and then needs max(i, j) places.
func terminating(num, den int64) (int32, bool) {
	m := den / gcd64(num, den)
	var twos, fives int32
	for ; m%2 == 0; m /= 2 {
		twos++
	}
	for ; m%5 == 0; m /= 5 {
		fives++
	}
	return max(twos, fives), m == 1
}

// scoreDecimal fills the lines' numbers in decimals and ranks the units: the
// path for values that do not fit the int64 form.
func (s *Scorecard) scoreDecimal(c Cluster, out []Standing, p *ScoringPolicy) (Standings, error) {
	L := len(s.leaves)
	pts, totals := make([]decimal.Decimal, len(out)*L), make([]decimal.Decimal, len(out))
	for u := range out {
		st := &out[u]
		np := make([]decimal.Decimal, len(s.nodes))
		for l, ni := range s.leaves {
			nd, ln := &s.nodes[ni], &st.Lines[l]
			sum := decimal.Sum(ln.Marks[0], ln.Marks[1:]...)
			mark := p.Aggregate.Apply(sum)
			if n := len(ln.Marks); n > 1 {
				var ok bool
				mark, ok = quotient(sum, decimal.NewFromInt(int64(n)), p.Aggregate)
				if !ok && p.Aggregate.Mode == RoundExact {
					return Standings{}, &AssessmentError{Unit: st.Unit, Kind: st.Source, Criterion: nd.id,
						Err: fmt.Errorf("%w (%s / %d)", ErrInexact, sum, n)}
				}
			}
			ln.Mark, ln.Contribution = mark, signed(nd, mark.Mul(nd.weight))
			np[ni], pts[u*L+l] = ln.Contribution, ln.Contribution
		}
		ded := decimal.Zero
		for i := len(s.nodes) - 1; i >= 0; i-- {
			nd := &s.nodes[i]
			if nd.leaf >= 0 {
				if nd.kind == CriterionDeduction {
					ded = ded.Sub(np[i])
				}
				continue
			}
			sum := decimal.Zero
			for _, ch := range nd.children {
				sum = sum.Add(np[ch])
			}
			np[i] = sum
		}
		total := decimal.Zero
		for _, i := range s.top {
			total = total.Add(np[i])
		}
		s.closeUnit(st, np)
		st.Total, st.Deductions = p.Total.Apply(total), ded
		st.Scaled = s.scale(st.Total, p.Scaled)
		totals[u] = st.Total
	}
	order, ranks, tieBreak := rankDecimals(c.MemberIDs(), totals, pts, tiesOf(s, p))
	for u := range out {
		out[u].Rank, out[u].TieBreak = ranks[u], tieBreak[u]
	}
	return s.standings(c, out, order), nil
}

// closeUnit lists a unit's subtotals and failed gates from its points per
// node.
func (s *Scorecard) closeUnit(st *Standing, np []decimal.Decimal) {
	st.Subtotals = make(map[CriterionID]decimal.Decimal, len(s.nodes)-len(st.Lines))
	for i := range s.nodes {
		nd := &s.nodes[i]
		if nd.leaf < 0 {
			st.Subtotals[nd.id] = np[i]
		}
		if nd.hasMin && np[i].LessThan(nd.min) {
			st.GatesFailed = append(st.GatesFailed, GateFailure{Criterion: nd.id, Min: nd.min, Points: np[i]})
		}
	}
}

// standings puts the units' standings in rank order.
func (s *Scorecard) standings(c Cluster, out []Standing, order []int) Standings {
	st := Standings{cluster: c.ID(), year: c.Year(), scorecard: s.spec.ID,
		ranked: make([]Standing, len(out)), index: make(map[UnitID]int, len(out))}
	for k, u := range order {
		st.ranked[k] = out[u]
		st.index[out[u].Unit] = k
	}
	return st
}

// decimals makes decimals from int64 values, reusing a coefficient made
// before from a direct-mapped cache: marks, contributions and subtotals
// repeat across a table, often at other scales, and a Decimal is immutable,
// so standings can share them (Decimal.Shift shares its coefficient).
type decimals struct{ slots []madeDecimal }

// madeDecimal is a coefficient v as a Decimal at exponent 0; the zero
// madeDecimal is an empty slot.
type madeDecimal struct {
	v int64
	d decimal.Decimal
}

// newDecimals returns a cache for about n values: a power of two from 256 to
// 4096 slots.
func newDecimals(n int) decimals {
	size := 256
	for size < n && size < 4096 {
		size *= 2
	}
	return decimals{slots: make([]madeDecimal, size)}
}

// of returns v·10^-scale.
func (m *decimals) of(v int64, scale int32) decimal.Decimal {
	slot := &m.slots[uint64(v)*0x9E3779B97F4A7C15>>52&uint64(len(m.slots)-1)]
	if slot.v != v || slot.d == (decimal.Decimal{}) {
		*slot = madeDecimal{v: v, d: decimal.New(v, 0)} // never the zero Decimal: its coefficient is allocated
	}
	return slot.d.Shift(-scale)
}

// tieRank is one tie-breaker as the ranking applies it: cmp is negative when
// unit a ranks ahead of b, and prepare, when set, computes for a group of
// tied units the keys cmp compares.
type tieRank struct {
	name    string
	prepare func(group []int)
	cmp     func(a, b int) int
}

// rankOrder is the one ranking of Score and Compiled: units by total,
// highest first, equal totals split by the tie-breakers in turn, roster order
// within what they cannot separate. It fills order (the units in rank order),
// ranks (competition ranks: 1, 2, 2, 4) and tieBreak (the tie-breaker that
// last separated each unit, or ""). Totals in decimals are ranked by their
// ordinals.
func rankOrder(totals []int64, order, ranks []int, tieBreak []string, ties []tieRank) {
	for i := range order {
		order[i], tieBreak[i] = i, ""
	}
	// Insertion sort: stable, and fast for a cluster's few units.
	for i := 1; i < len(order); i++ {
		x, j := order[i], i
		for ; j > 0 && totals[order[j-1]] < totals[x]; j-- {
			order[j] = order[j-1]
		}
		order[j] = x
	}
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && totals[order[j]] == totals[order[i]] {
			j++
		}
		if j == i+1 || len(ties) == 0 {
			for _, u := range order[i:j] {
				ranks[u] = i + 1
			}
		} else {
			splitTies(order[i:j], ties, i, ranks, tieBreak)
		}
		i = j
	}
}

// ordinals returns keys that order n values as cmp does, equal values equal
// keys: how rankOrder ranks totals that are decimals.
func ordinals(n int, cmp func(a, b int) int) []int64 {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, cmp)
	keys := make([]int64, n)
	for k := 1; k < n; k++ {
		keys[idx[k]] = keys[idx[k-1]]
		if cmp(idx[k-1], idx[k]) != 0 {
			keys[idx[k]]++
		}
	}
	return keys
}

// splitTies ranks a group of units in roster order with equal totals from
// position pos, splitting it by the first tie-breaker of ties, then the rest.
func splitTies(group []int, ties []tieRank, pos int, ranks []int, tieBreak []string) {
	if len(group) == 1 || len(ties) == 0 {
		for _, u := range group {
			ranks[u] = pos + 1
		}
		return
	}
	t := &ties[0]
	if t.prepare != nil {
		t.prepare(group)
	}
	parts := sortedRuns(group, t.cmp)
	for _, part := range parts {
		if len(parts) > 1 {
			for _, u := range part {
				tieBreak[u] = t.name
			}
		}
		slices.Sort(part) // roster order within what the tie-breaker could not separate
		splitTies(part, ties[1:], pos, ranks, tieBreak)
		pos += len(part)
	}
}

// cmpSign is -1, 0 or 1 as c is negative, zero or positive.
func cmpSign(c int) int { return max(-1, min(1, c)) }

// sortedRuns sorts group by cmp (stably) and splits it into runs of elements
// cmp finds equal: the classes a tie-breaker leaves. The runs share group's
// backing array and cannot grow into each other.
func sortedRuns(group []int, cmp func(a, b int) int) [][]int {
	slices.SortStableFunc(group, cmp)
	var runs [][]int
	start := 0
	for i := 1; i <= len(group); i++ {
		if i == len(group) || cmp(group[start], group[i]) != 0 {
			runs = append(runs, group[start:i:i])
			start = i
		}
	}
	return runs
}

// middle returns the range of n sorted marks that a median or trimmed mean keeps.
func middle(method Aggregation, n, trim int) (lo, hi int) {
	switch method {
	case AggregateMedian:
		if n%2 == 1 {
			return n / 2, n/2 + 1
		}
		return n/2 - 1, n/2 + 1
	case AggregateTrimmedMean:
		return trim, n - trim
	}
	return 0, n
}

func signed(nd *node, d decimal.Decimal) decimal.Decimal {
	if nd.kind == CriterionDeduction {
		return d.Neg()
	}
	return d
}

// ---------------------------------------------------------------------------
// Int64 fixed point: every operation of the compiled core is checked for
// overflow where its inputs are not bounded beforehand.

var pow10i = [...]int64{1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
	1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18}

// toScaled returns d in units of 10^-scale, if that is an integer that fits.
func toScaled(d decimal.Decimal, scale int32) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	e := d.Exponent() + scale
	if e < 0 || e > 18 {
		return 0, false
	}
	return mulChk(d.CoefficientInt64(), pow10i[e])
}

const fastLimit = 1 << 62

// smallDec is a decimal whose coefficient fits in int64, as c·10^e; e is
// notSmall when it does not fit. The zero smallDec is 0.
type smallDec struct {
	c int64
	e int32
}

const notSmall = math.MaxInt32

func (d smallDec) ok() bool { return d.e != notSmall }

func toSmall(d decimal.Decimal) smallDec {
	if d.NumDigits() > 18 {
		return smallDec{e: notSmall}
	}
	return smallDec{d.CoefficientInt64(), d.Exponent()}
}

// cmpSmallOr compares a and b through their small forms when it can, and as
// decimals otherwise.
func cmpSmallOr(a decimal.Decimal, sa smallDec, b decimal.Decimal, sb smallDec) int {
	if c, ok := cmpSmall(sa, sb); ok {
		return c
	}
	return a.Cmp(b)
}

// cmpSmall compares a and b if both are small and a common scale fits.
func cmpSmall(sa, sb smallDec) (int, bool) {
	if !sa.ok() || !sb.ok() {
		return 0, false
	}
	x, y := sa.c, sb.c
	ok := true
	switch d := sa.e - sb.e; {
	case d > 0 && d <= 18:
		x, ok = mulChk(x, pow10i[d])
	case d < 0 && d >= -18:
		y, ok = mulChk(y, pow10i[-d])
	case d != 0:
		ok = false
	}
	switch {
	case !ok:
		return 0, false
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}

// mulChk returns a·b if |a·b| ≤ fastLimit. The product is taken in 128 bits
// (bits.Mul64), so the check costs a multiplication, not a division.
func mulChk(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(abs64(a)), uint64(abs64(b)))
	if hi != 0 || lo > fastLimit {
		return 0, false
	}
	if (a < 0) != (b < 0) {
		return -int64(lo), true
	}
	return int64(lo), true
}

func addChk(a, b int64) (int64, bool) {
	c := a + b
	if c > fastLimit || c < -fastLimit {
		return 0, false
	}
	return c, true
}

// divRound returns num/den (den > 0) rounded by mode, and the remainder.
func divRound(num, den int64, mode RoundingMode) (int64, int64) {
	q, rem := num/den, num%den
	if rem == 0 {
		return q, 0
	}
	r2 := rem
	if r2 < 0 {
		r2 = -r2
	}
	away := false
	switch mode {
	case RoundUp:
		away = true
	case RoundHalfUp:
		away = 2*r2 >= den
	case RoundHalfEven:
		away = 2*r2 > den || (2*r2 == den && q%2 != 0)
	}
	if away {
		if num < 0 {
			q--
		} else {
			q++
		}
	}
	return q, rem
}
