package thidua

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"
)

// WeightRange is the closed interval a weight (hệ số) is drawn from in a
// sensitivity analysis. Both ends must be positive, Min ≤ Max.
type WeightRange struct {
	Min, Max decimal.Decimal
}

// SensitivitySpec says how to perturb the weights of a Compiled year.
//
// Each sample draws every leaf's weight independently and uniformly from a
// grid of Step: the base weight plus k·Step with |k·Step| ≤ Delta, or, for a
// leaf in Bounds, Min + k·Step up to Max. Step zero means one tenth of the
// smallest place Delta (or any bound) has, so Delta 0.5 moves in steps of 0.01.
// Quota is the k of "inside a quota of k": a unit is inside when its
// competition rank is at most Quota.
type SensitivitySpec struct {
	Samples int
	Delta   decimal.Decimal
	Bounds  map[CriterionID]WeightRange
	Step    decimal.Decimal
	Quota   int
}

// UnitSensitivity is one unit's ranks over the samples of a sensitivity
// analysis: its rank with the base weights, its best and worst rank, and in
// how many samples it ranked first (alone or tied) and inside the quota.
type UnitSensitivity struct {
	Unit                UnitID
	BaseRank            int
	BestRank, WorstRank int
	First, InQuota      int
}

// Sensitivity is the result of Compiled.Sensitivity (phân tích độ nhạy):
// per unit in roster order, how its rank moved when the weights did.
type Sensitivity struct {
	Samples int
	Units   []UnitSensitivity
}

// maxGrid bounds the number of grid points of one weight.
const maxGrid = 1 << 30

// Sensitivity scores the compiled year with Samples sets of perturbed weights
// drawn from r and reports each unit's best and worst rank, and how often it
// ranked first and inside the quota. It is deterministic for a given state of
// r. Errors: ErrNoSource for a nil r; ErrInvalidModel (in a *FieldError) for no
// samples, a negative delta or quota, a non-positive step, a bound for an
// unknown criterion or the wrong way round, or a grid too fine (more than 2^30
// points); ErrWeightRange when a weight could reach zero; *FieldError wrapping
// ErrOverflow when a total could overflow.
func (cp Compiled) Sensitivity(r *rand.Rand, spec SensitivitySpec) (Sensitivity, error) {
	if r == nil {
		return Sensitivity{}, ErrNoSource
	}
	g, err := cp.grid(spec)
	if err != nil {
		return Sensitivity{}, err
	}
	var b scoreBuf
	cp.scoreInto(cp.weights, cp.weightScale, &b)
	out := Sensitivity{Samples: spec.Samples, Units: make([]UnitSensitivity, len(cp.units))}
	for u, id := range cp.units {
		out.Units[u] = UnitSensitivity{Unit: id, BaseRank: b.ranks[u], BestRank: len(cp.units) + 1}
	}
	w := make([]int64, len(cp.leaves))
	for range spec.Samples {
		for l := range w {
			w[l] = g.lo[l] + int64(r.Uint64N(uint64(g.n[l])))*g.step
		}
		cp.scoreInto(w, g.scale, &b)
		for u, rank := range b.ranks {
			s := &out.Units[u]
			s.BestRank, s.WorstRank = min(s.BestRank, rank), max(s.WorstRank, rank)
			if rank == 1 {
				s.First++
			}
			if rank <= spec.Quota {
				s.InQuota++
			}
		}
	}
	return out, nil
}

// weightGrid is the grid each weight is drawn from: lo + k·step for k in [0, n).
type weightGrid struct {
	lo, n []int64
	step  int64
	scale int32
}

func (cp *Compiled) grid(spec SensitivitySpec) (weightGrid, error) {
	bad := func(field, value string) error {
		return &FieldError{Field: field, Value: value, Err: ErrInvalidModel}
	}
	switch {
	case spec.Samples <= 0:
		return weightGrid{}, bad("samples", fmt.Sprint(spec.Samples))
	case spec.Quota < 0:
		return weightGrid{}, bad("quota", fmt.Sprint(spec.Quota))
	case spec.Delta.IsNegative():
		return weightGrid{}, bad("delta", quoteDecimal(spec.Delta))
	case spec.Step.IsNegative():
		return weightGrid{}, bad("step", quoteDecimal(spec.Step))
	}
	// Check the bounds in criterion order, so that the error reported does not
	// depend on the map's order.
	ids := make([]CriterionID, 0, len(spec.Bounds))
	for id := range spec.Bounds {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		b := spec.Bounds[id]
		if !slices.Contains(cp.leaves, id) {
			return weightGrid{}, criterionError(id, ErrUnknownCriterion)
		}
		if !b.Min.IsPositive() {
			return weightGrid{}, &FieldError{Field: "weight " + string(id), Value: quoteDecimal(b.Min), Err: ErrWeightRange}
		}
		if b.Max.LessThan(b.Min) {
			return weightGrid{}, bad("bounds "+string(id), b.Min.String()+".."+b.Max.String())
		}
	}
	step := spec.Step
	if unset(step) || step.IsZero() {
		places := -spec.Delta.Exponent()
		for _, b := range spec.Bounds {
			places = max(places, -b.Min.Exponent(), -b.Max.Exponent())
		}
		step = decimal.New(1, -max(places, 0)-1)
	}
	// The scale holds the weights, the step, the delta and the bounds exactly.
	scale := max(cp.weightScale, -step.Exponent(), -spec.Delta.Exponent())
	for _, b := range spec.Bounds {
		scale = max(scale, -b.Min.Exponent(), -b.Max.Exponent())
	}
	if scale > 18 {
		return weightGrid{}, overflowError("weight scale", fmt.Sprint(scale))
	}
	conv := func(what string, d decimal.Decimal) (int64, error) {
		v, ok := toScaled(d, scale)
		if !ok {
			return 0, overflowError(what, quoteDecimal(d))
		}
		return v, nil
	}
	g := weightGrid{lo: make([]int64, len(cp.leaves)), n: make([]int64, len(cp.leaves)), scale: scale}
	var err error
	if g.step, err = conv("step", step); err != nil {
		return weightGrid{}, err
	}
	delta, err := conv("delta", spec.Delta)
	if err != nil {
		return weightGrid{}, err
	}
	hi := make([]int64, len(cp.leaves))
	for l, id := range cp.leaves {
		var lo int64
		if b, ok := spec.Bounds[id]; ok {
			if lo, err = conv("bound", b.Min); err != nil {
				return weightGrid{}, err
			}
			if hi[l], err = conv("bound", b.Max); err != nil {
				return weightGrid{}, err
			}
		} else {
			base, ok := mulChk(cp.weights[l], pow10i[scale-cp.weightScale])
			if !ok {
				return weightGrid{}, overflowError("weight", decimal.New(cp.weights[l], -cp.weightScale).String())
			}
			k := delta / g.step
			lo, hi[l] = base-k*g.step, base+k*g.step
			if lo <= 0 {
				return weightGrid{}, &FieldError{Field: "weight " + string(id),
					Value: decimal.New(lo, -scale).String(), Err: ErrWeightRange}
			}
		}
		n := (hi[l]-lo)/g.step + 1
		if n > maxGrid {
			return weightGrid{}, bad("step", step.String())
		}
		g.lo[l], g.n[l] = lo, n
	}
	if !cp.fits(g.lo, hi, scale) {
		return weightGrid{}, overflowError("total at weight scale", fmt.Sprint(scale))
	}
	return g, nil
}

// LeadChange is the smallest change of a single weight that changes who ranks
// first, found exactly: a unit's total is linear in each weight, so a rival
// reaches the leader where the line of its total crosses the leader's.
//
// Precisely: with the base weights, let the leader be the unit with the highest
// unrounded total (before the policy's Total rounding and tie-breakers). For
// each leaf criterion c and each other unit b, changing c's weight by t moves
// the difference between the two totals by t·(mark_b − mark_a); b's total
// equals the leader's at t = (total_a − total_b) / (mark_b − mark_a), and
// exceeds it past that. Change is the t of smallest |t| over all leaves and
// rivals (a decrease only where the weight stays positive), with Criterion and
// Rival where it is reached; ties between (criterion, rival) pairs go to the
// first leaf in table order, then the first rival in roster order. When several
// units share the highest total, the change is zero and Rival is one of them.
type LeadChange struct {
	Leader, Rival UnitID
	Criterion     CriterionID
	// Change is t rounded away from zero to Places decimal places (RoundUp), so
	// that moving the weight by Change reaches the crossing. For a decrease the
	// rounding can reach the whole weight (weight + Change ≤ 0): then no
	// positive weight at that precision reaches the crossing; Exact gives t.
	Change decimal.Decimal
	Places int32
	num    *big.Int
	den    *big.Int
}

// Exact returns t as an exact fraction (a new value each call).
func (c LeadChange) Exact() *big.Rat {
	if c.num == nil {
		return new(big.Rat)
	}
	return new(big.Rat).SetFrac(c.num, c.den)
}

// Equal reports whether c and d are the same change.
func (c LeadChange) Equal(d LeadChange) bool {
	return c.Leader == d.Leader && c.Rival == d.Rival && c.Criterion == d.Criterion &&
		c.Places == d.Places && c.Change.Equal(d.Change) && c.Exact().Cmp(d.Exact()) == 0
}

// LeadChange returns the smallest single-weight change that changes who ranks
// first (see LeadChange), with Change rounded away from zero to places. It
// reports false when no single weight can change the leader. Errors:
// ErrInvalidModel (in a *FieldError) for places outside [0, MaxPlaces].
func (cp Compiled) LeadChange(places int32) (LeadChange, bool, error) {
	if places < 0 || places > MaxPlaces {
		return LeadChange{}, false, &FieldError{Field: "places", Value: fmt.Sprint(places), Err: ErrInvalidModel}
	}
	U, L := len(cp.units), len(cp.leaves)
	if U < 2 {
		return LeadChange{}, false, nil
	}
	var b scoreBuf
	cp.scoreInto(cp.weights, cp.weightScale, &b)
	lead := 0
	for u := 1; u < U; u++ {
		if b.raw[u] > b.raw[lead] {
			lead = u
		}
	}
	for u := range U {
		if u != lead && b.raw[u] == b.raw[lead] {
			return LeadChange{Leader: cp.units[lead], Rival: cp.units[u], Criterion: "",
				Change: decimal.New(0, -places), Places: places, num: big.NewInt(0), den: big.NewInt(1)}, true, nil
		}
	}
	// |t| = D / (|s|·10^ws): compare D/|s| across candidates.
	var bestD, bestS int64
	bestL, bestU := -1, -1
	for l := range L {
		ma := cp.marks[lead*L+l]
		for u := range U {
			if u == lead {
				continue
			}
			s := cp.marks[u*L+l] - ma
			if s == 0 {
				continue
			}
			d := b.raw[lead] - b.raw[u]
			as := abs64(s)
			// A decrease must leave the weight positive: D/|s| < W.
			if s < 0 && !lessProd(d, 1, cp.weights[l], as) {
				continue
			}
			if bestL < 0 || lessProd(d, abs64(bestS), bestD, as) {
				bestD, bestS, bestL, bestU = d, s, l, u
			}
		}
	}
	if bestL < 0 {
		return LeadChange{}, false, nil
	}
	num := big.NewInt(bestD)
	den := new(big.Int).Mul(big.NewInt(abs64(bestS)), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(cp.weightScale)), nil))
	if bestS < 0 {
		num.Neg(num)
	}
	r := new(big.Rat).SetFrac(num, den)
	// Round |t| up to places.
	scaled := new(big.Int).Mul(new(big.Int).Abs(r.Num()), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	q, m := new(big.Int).QuoRem(scaled, r.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return LeadChange{Leader: cp.units[lead], Rival: cp.units[bestU], Criterion: cp.leaves[bestL],
		Change: decimal.NewFromBigInt(q, -places), Places: places,
		num: new(big.Int).Set(r.Num()), den: new(big.Int).Set(r.Denom())}, true, nil
}

// lessProd reports whether a·b < c·d, exactly.
func lessProd(a, b, c, d int64) bool {
	x := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
	y := new(big.Int).Mul(big.NewInt(c), big.NewInt(d))
	return x.Cmp(y) < 0
}
