package experiment

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"slices"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// WeightRange is the closed interval a weight (hệ số) is drawn from in a
// sensitivity analysis. Both ends must be positive, Min ≤ Max.
type WeightRange struct {
	// Min and Max are the interval's ends, both included.
	Min, Max decimal.Decimal
}

// SensitivitySpec says how to perturb the weights of a thidua.Compiled year.
//
// Each sample draws every leaf's weight independently and uniformly from a
// grid of Step: the base weight plus k·Step with |k·Step| ≤ Delta, or, for a
// leaf in Bounds, Min + k·Step up to Max. Step zero means one tenth of the
// smallest place Delta (or any bound) has, so Delta 0.5 moves in steps of 0.01.
// Quota is the k of "inside a quota of k": a unit is inside when its
// competition rank is at most Quota.
type SensitivitySpec struct {
	// Samples is how many sets of weights to draw; it must be positive.
	Samples int
	// Delta is how far a weight may move from its base, either way; not
	// negative.
	Delta decimal.Decimal
	// Bounds are the leaves drawn from a range of their own instead of base ±
	// Delta; nil means none.
	Bounds map[thidua.CriterionID]WeightRange
	// Step is the grid a weight moves on, positive; zero means one tenth of
	// Delta's (or a bound's) smallest place.
	Step decimal.Decimal
	// Quota is the k of "inside a quota of k" for UnitSensitivity.InQuota: a
	// unit is inside when its competition rank is at most Quota; zero counts
	// none, and a negative Quota is an error.
	Quota int
}

// UnitSensitivity is one unit's ranks over the samples of a sensitivity
// analysis: its rank with the base weights, its best and worst rank, and in
// how many samples it ranked first (alone or tied) and inside the quota.
type UnitSensitivity struct {
	// Unit is the unit these ranks are for.
	Unit thidua.UnitID
	// BaseRank is its competition rank with the base weights.
	BaseRank int
	// BestRank and WorstRank are its best (lowest) and worst rank over the
	// samples.
	BestRank, WorstRank int
	// First counts the samples in which it ranked first, alone or tied;
	// InQuota those in which its rank was at most the quota.
	First, InQuota int
}

// Sensitivity is the result of SensitivitySpec.Run (phân tích độ nhạy):
// per unit in roster order, how its rank moved when the weights did.
type Sensitivity struct {
	// Samples is how many sets of weights were scored.
	Samples int
	// Units holds one entry per member, in roster order.
	Units []UnitSensitivity
}

// maxGrid bounds the number of grid points of one weight.
const maxGrid = 1 << 30

// Run scores the compiled year cp with Samples sets of perturbed weights
// drawn from r, scored through Compiled.RanksScaled, and reports each unit's
// best and worst rank, and how often it ranked first and inside the quota. It
// is deterministic for a given state of r. Errors: ErrNoSource for a nil r;
// ErrInvalidModel (in a *FieldError) for no samples, a negative delta or
// quota, a non-positive step, a bound the wrong way round, or a grid too fine
// (more than 2^30 points) or of more than 18 decimal places; a *FieldError
// wrapping ErrUnknownCriterion for a bound of a criterion that is not a leaf
// of cp; ErrWeightRange when a weight could reach zero; a *FieldError
// wrapping ErrOverflow for a weight that does not fit the grid's fixed point.
func (spec SensitivitySpec) Run(cp thidua.Compiled, r *rand.Rand) (Sensitivity, error) {
	if r == nil {
		return Sensitivity{}, thidua.ErrNoSource
	}
	g, err := grid(cp, spec)
	if err != nil {
		return Sensitivity{}, err
	}
	base := cp.Score()
	units := cp.Units()
	out := Sensitivity{Samples: spec.Samples, Units: make([]UnitSensitivity, len(units))}
	for u, id := range units {
		out.Units[u] = UnitSensitivity{Unit: id, BaseRank: base.Rank(u), BestRank: len(units) + 1}
	}
	w := make([]int64, len(g.lo))
	draw := func(yield func([]int64) bool) {
		for range spec.Samples {
			for l := range w {
				w[l] = g.lo[l] + int64(r.Uint64N(uint64(g.n[l])))*g.step
			}
			if !yield(w) {
				return
			}
		}
	}
	for ranks, err := range cp.RanksScaled(g.scale, draw) {
		if err != nil {
			return Sensitivity{}, err
		}
		for u, rank := range ranks {
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

func grid(cp thidua.Compiled, spec SensitivitySpec) (weightGrid, error) {
	switch {
	case spec.Samples <= 0:
		return weightGrid{}, invalid("samples", spec.Samples)
	case spec.Quota < 0:
		return weightGrid{}, invalid("quota", spec.Quota)
	case spec.Delta.IsNegative():
		return weightGrid{}, invalid("delta", quote(spec.Delta))
	case spec.Step.IsNegative():
		return weightGrid{}, invalid("step", quote(spec.Step))
	}
	leaves, weights := cp.Criteria(), cp.Weights()
	// Check the bounds in criterion order, so that the error reported does not
	// depend on the map's order.
	ids := make([]thidua.CriterionID, 0, len(spec.Bounds))
	for id := range spec.Bounds {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		b := spec.Bounds[id]
		if !slices.Contains(leaves, id) {
			return weightGrid{}, &thidua.FieldError{Field: "criterion", Value: string(id), Err: thidua.ErrUnknownCriterion}
		}
		if !b.Min.IsPositive() {
			return weightGrid{}, &thidua.FieldError{Field: "weight " + string(id), Value: quote(b.Min), Err: thidua.ErrWeightRange}
		}
		if b.Max.LessThan(b.Min) {
			return weightGrid{}, invalid("bounds "+string(id), quote(b.Min)+".."+quote(b.Max))
		}
	}
	step := spec.Step
	if step.IsZero() {
		places := -spec.Delta.Exponent()
		for _, b := range spec.Bounds {
			places = max(places, -b.Min.Exponent(), -b.Max.Exponent())
		}
		step = decimal.New(1, -max(places, 0)-1)
	}
	// The scale holds the weights, the step, the delta and the bounds exactly.
	scale := max(0, -step.Exponent(), -spec.Delta.Exponent())
	for _, w := range weights {
		scale = max(scale, -w.Exponent())
	}
	for _, b := range spec.Bounds {
		scale = max(scale, -b.Min.Exponent(), -b.Max.Exponent())
	}
	if scale > 18 {
		return weightGrid{}, overflow("weight scale", fmt.Sprint(scale))
	}
	conv := func(what string, d decimal.Decimal) (int64, error) {
		v, ok := toScaled(d, scale)
		if !ok {
			return 0, overflow(what, quote(d))
		}
		return v, nil
	}
	g := weightGrid{lo: make([]int64, len(leaves)), n: make([]int64, len(leaves)), scale: scale}
	var err error
	if g.step, err = conv("step", step); err != nil {
		return weightGrid{}, err
	}
	delta, err := conv("delta", spec.Delta)
	if err != nil {
		return weightGrid{}, err
	}
	for l, id := range leaves {
		var lo, hi int64
		if b, ok := spec.Bounds[id]; ok {
			if lo, err = conv("bound", b.Min); err != nil {
				return weightGrid{}, err
			}
			if hi, err = conv("bound", b.Max); err != nil {
				return weightGrid{}, err
			}
		} else {
			base, err := conv("weight", weights[l])
			if err != nil {
				return weightGrid{}, err
			}
			k := delta / g.step
			lo, hi = base-k*g.step, base+k*g.step
			if lo <= 0 {
				return weightGrid{}, &thidua.FieldError{Field: "weight " + string(id),
					Value: decimal.New(lo, -scale).String(), Err: thidua.ErrWeightRange}
			}
		}
		n := (hi-lo)/g.step + 1
		if n > maxGrid {
			return weightGrid{}, invalid("step", step.String())
		}
		g.lo[l], g.n[l] = lo, n
	}
	return g, nil
}

// LeadChange is the result of LeadChangeOf: the smallest change of a single weight that changes who ranks
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
	// Leader is the unit ranked first; Rival the unit that overtakes it (or
	// ties it) first as the weight moves.
	Leader, Rival thidua.UnitID
	// Criterion is the leaf criterion whose weight (hệ số) moves.
	Criterion thidua.CriterionID
	// Change is t rounded away from zero to Places decimal places (RoundUp), so
	// that moving the weight by Change reaches the crossing. For a decrease the
	// rounding can reach the whole weight (weight + Change ≤ 0): then no
	// positive weight at that precision reaches the crossing; Exact gives t.
	Change decimal.Decimal
	// Places is the decimal places Change is rounded to, 0 to MaxPlaces.
	Places int32
	exact  *big.Rat
}

// Exact returns t as an exact fraction (a new value each call).
func (c LeadChange) Exact() *big.Rat {
	if c.exact == nil {
		return new(big.Rat)
	}
	return new(big.Rat).Set(c.exact)
}

// Equal reports whether c and d are the same change.
func (c LeadChange) Equal(d LeadChange) bool {
	return c.Leader == d.Leader && c.Rival == d.Rival && c.Criterion == d.Criterion &&
		c.Places == d.Places && c.Change.Equal(d.Change) && c.Exact().Cmp(d.Exact()) == 0
}

// LeadChangeOf returns the smallest single-weight change of the compiled
// year cp that changes who ranks first (see LeadChange), with Change rounded
// away from zero to places, computed exactly from cp's marks and weights. It
// reports false when no single weight can change the leader. Errors:
// ErrInvalidModel (in a *FieldError) for places outside [0, MaxPlaces].
func LeadChangeOf(cp thidua.Compiled, places int32) (LeadChange, bool, error) {
	if places < 0 || places > thidua.MaxPlaces {
		return LeadChange{}, false, invalid("places", places)
	}
	units, leaves, weights := cp.Units(), cp.Criteria(), cp.Weights()
	U, L := len(units), len(leaves)
	if U < 2 {
		return LeadChange{}, false, nil
	}
	marks := make([]decimal.Decimal, U*L)
	raw := make([]decimal.Decimal, U) // the totals before the policy's rounding
	for u, id := range units {
		raw[u] = decimal.Zero
		for l, c := range leaves {
			marks[u*L+l], _ = cp.Mark(id, c)
			raw[u] = raw[u].Add(marks[u*L+l].Mul(weights[l]))
		}
	}
	lead := 0
	for u := 1; u < U; u++ {
		if raw[u].GreaterThan(raw[lead]) {
			lead = u
		}
	}
	for u := range U {
		if u != lead && raw[u].Equal(raw[lead]) {
			return LeadChange{Leader: units[lead], Rival: units[u], Criterion: "",
				Change: decimal.New(0, -places), Places: places, exact: new(big.Rat)}, true, nil
		}
	}
	// |t| = d/|s|: compare d·|s'| with d'·|s| across candidates.
	var bestD, bestS decimal.Decimal
	bestL, bestU := -1, -1
	for l := range L {
		ma := marks[lead*L+l]
		for u := range U {
			if u == lead {
				continue
			}
			s := marks[u*L+l].Sub(ma)
			if s.IsZero() {
				continue
			}
			d := raw[lead].Sub(raw[u])
			as := s.Abs()
			// A decrease must leave the weight positive: d/|s| < weight.
			if s.IsNegative() && !d.LessThan(weights[l].Mul(as)) {
				continue
			}
			if bestL < 0 || d.Mul(bestS.Abs()).LessThan(bestD.Mul(as)) {
				bestD, bestS, bestL, bestU = d, s, l, u
			}
		}
	}
	if bestL < 0 {
		return LeadChange{}, false, nil
	}
	r := new(big.Rat).Quo(bestD.Rat(), bestS.Rat())
	// Round |t| up to places.
	scaled := new(big.Int).Mul(new(big.Int).Abs(r.Num()), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil))
	q, m := new(big.Int).QuoRem(scaled, r.Denom(), new(big.Int))
	if m.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	if r.Sign() < 0 {
		q.Neg(q)
	}
	return LeadChange{Leader: units[lead], Rival: units[bestU], Criterion: leaves[bestL],
		Change: decimal.NewFromBigInt(q, -places), Places: places, exact: r}, true, nil
}
