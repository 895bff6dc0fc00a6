package thidua

import (
	"cmp"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// ---------------------------------------------------------------------------
// The compiled form: a scorecard and one year's assessments in int64 fixed
// point, built once and scored many times (with other weights, for
// sensitivity analysis and simulation). Every value is checked when it is
// compiled, so scoring itself does no checks and allocates nothing but its
// result.

// totalLimit bounds every total and subtotal of the compiled form, so that
// rounding and comparing never overflow.
const totalLimit = 1 << 61

// Compiled is a scorecard and one cluster-year's assessments compiled into
// int64 fixed point (bảng điểm đã biên dịch): per unit and leaf criterion the
// aggregated mark (điểm bình quân) at a common scale, the weights (hệ số) at
// theirs, the policy's total rounding and tie-breakers. It is the form
// Scorecard.Score itself ranks on, so scoring it gives exactly the totals and
// ranks Score gives (the tests and FuzzCompiled compare the two), with any
// weights, in a loop that does no decimal arithmetic. It is immutable and
// safe for concurrent use. The zero Compiled has no units and scores nothing.
type Compiled struct {
	units       []UnitID
	leaves      []CriterionID
	marks       []int64 // len(units)·len(leaves): aggregated marks, negative for deductions
	markScale   int32
	weights     []int64 // base weights at weightScale
	weightScale int32
	maxAbs      []int64 // per leaf, the largest |mark| of any unit
	total       Rounding
	ties        []compiledTie
	aggregate   Rounding          // the policy's rounding of aggregated marks
	deduct      []bool            // per leaf, a deduction
	maxes       []decimal.Decimal // per leaf, its maximum
	maxAt       []int64           // per leaf, its maximum at the places of a rounded mark, or -1
}

type compiledTie struct {
	kind   tieBreakKind
	leaves []int // tieByCriterion: the leaves under the criterion
	name   string
	cmp    func(a, b UnitID) int
}

// Compile scores the assessments once as Scorecard.Score does (so every
// input error is the one Score reports) and keeps the int64 form Score ranks
// on: the marks each unit's aggregation used, aggregated at the largest
// number of decimal places in the data (or at the policy's Aggregate places
// when it rounds), and the weights at the largest number of places among them.
//
// Errors: those of Score; ErrNotCompilable (in a *FieldError) for a median or
// trimmed mean chosen per total (ScoringPolicy.PerTotal), whose kept assessors depend on the weights;
// *FieldError wrapping ErrOverflow when a mark, weight or total would not fit
// (|v| ≤ 2^61 at the common scale), where Score computes in decimals instead.
func Compile(card Scorecard, c Cluster, assessments []Assessment, p ScoringPolicy) (Compiled, error) {
	_, cp, why, err := card.score(c, assessments, p, false)
	if err != nil {
		return Compiled{}, err
	}
	if p.PerTotal && p.Aggregation != AggregateMean {
		return Compiled{}, &FieldError{Field: "per_total", Value: "true", Err: ErrNotCompilable}
	}
	if why != nil {
		return Compiled{}, why
	}
	return cp, nil
}

// newCompiledFrame lays out everything but the marks and weights.
func newCompiledFrame(card *Scorecard, c Cluster, p ScoringPolicy) Compiled {
	L := len(card.leaves)
	cp := Compiled{total: p.Total, aggregate: p.Aggregate, units: c.MemberIDs(),
		leaves: make([]CriterionID, L), deduct: make([]bool, L), maxes: make([]decimal.Decimal, L), maxAt: make([]int64, L)}
	for l, li := range card.leaves {
		nd := &card.nodes[li]
		cp.leaves[l], cp.deduct[l], cp.maxes[l] = nd.id, nd.kind == CriterionDeduction, nd.max
		if mx, ok := toScaled(nd.max, p.Aggregate.Places); ok && p.Aggregate.Mode != RoundExact {
			cp.maxAt[l] = mx
		} else {
			cp.maxAt[l] = -1
		}
	}
	cp.ties = tiesOf(card, &p)
	return cp
}

// tiesOf lays the policy's tie-breakers out as the compiled form applies
// them: a criterion as the leaves under it.
func tiesOf(card *Scorecard, p *ScoringPolicy) []compiledTie {
	var out []compiledTie
	for _, t := range p.TieBreakers {
		ct := compiledTie{kind: t.kind, name: t.String(), cmp: t.compare}
		if t.kind == tieByCriterion {
			ct.leaves = card.leavesUnder(card.index[t.criterion], nil)
		}
		out = append(out, ct)
	}
	return out
}

// leavesUnder appends the leaf indexes in the subtree of node ni.
func (s *Scorecard) leavesUnder(ni int, out []int) []int {
	nd := &s.nodes[ni]
	if nd.leaf >= 0 {
		return append(out, nd.leaf)
	}
	for _, ch := range nd.children {
		out = s.leavesUnder(ch, out)
	}
	return out
}

// sign negates the deductions and records each leaf's largest |mark|.
func (cp *Compiled) sign(card *Scorecard) {
	L := len(cp.leaves)
	cp.maxAbs = make([]int64, L)
	for l, li := range card.leaves {
		neg := card.nodes[li].kind == CriterionDeduction
		for u := range cp.units {
			v := cp.marks[u*L+l]
			if neg {
				cp.marks[u*L+l] = -v
			}
			cp.maxAbs[l] = max(cp.maxAbs[l], v)
		}
	}
}

// setWeights takes the card's weights at the largest scale among them.
func (cp *Compiled) setWeights(card *Scorecard) error {
	ws := make([]decimal.Decimal, len(card.leaves))
	for l, li := range card.leaves {
		ws[l] = card.nodes[li].weight
	}
	w, scale, err := cp.scaleWeights(ws)
	if err != nil {
		return err
	}
	cp.weights, cp.weightScale = w, scale
	return nil
}

// scaleWeights checks weights (one per leaf, positive) and returns them at the
// largest scale among them, after checking that no total can overflow.
func (cp *Compiled) scaleWeights(ws []decimal.Decimal) ([]int64, int32, error) {
	if len(ws) != len(cp.leaves) {
		return nil, 0, &FieldError{Field: "weights", Value: fmt.Sprint(len(ws)), Err: ErrInvalidModel}
	}
	var scale int32
	for l, w := range ws {
		if !w.IsPositive() {
			return nil, 0, &FieldError{Field: "weight " + string(cp.leaves[l]), Value: quoteDecimal(w), Err: ErrWeightRange}
		}
		if !inRange(w) {
			return nil, 0, &FieldError{Field: "weight " + string(cp.leaves[l]), Value: quoteDecimal(w), Err: ErrPointsRange}
		}
		scale = max(scale, -w.Exponent())
	}
	out := make([]int64, len(ws))
	for l, w := range ws {
		v, ok := toScaled(w, scale)
		if !ok {
			return nil, 0, overflowError("weight", quoteDecimal(w))
		}
		out[l] = v
	}
	if !cp.fits(out, out, scale) {
		return nil, 0, overflowError("total at weight scale", fmt.Sprint(scale))
	}
	return out, scale, nil
}

// fits reports whether every total and subtotal stays within totalLimit with
// any weights between lo and hi (per leaf) at scale ws.
func (cp *Compiled) fits(lo, hi []int64, ws int32) bool {
	if cp.markScale+ws > 18 {
		return false
	}
	var bound int64
	for l := range cp.leaves {
		w := max(abs64(lo[l]), abs64(hi[l]))
		c, ok := mulChk(cp.maxAbs[l], w)
		if ok {
			bound, ok = addChk(bound, c)
		}
		if !ok || bound > totalLimit/2 {
			return false
		}
	}
	return true
}

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// aggregateInt divides each sum of n marks (at scale rs; marks, and so
// sums, are never negative) by n, rounded as r says, into out at a common
// scale it returns: r's places when r rounds, and otherwise the fewest places
// that keep every quotient exact (ErrInexact when none up to 18 does).
func aggregateInt(sums []int64, counts []int, rs int32, r Rounding, out []int64) (int32, error) {
	if r.Mode != RoundExact {
		// sum·up / (n·down) at r's places, with the bounds that keep both
		// products within fastLimit worked out once.
		up, down := int64(1), int64(1)
		if r.Places >= rs {
			up = pow10i[r.Places-rs]
		} else {
			down = pow10i[rs-r.Places]
		}
		limit, nlimit := fastLimit/up, int64(fastLimit/down)
		for i, sum := range sums {
			n := int64(max(counts[i], 1))
			if sum > limit || n > nlimit {
				return 0, overflowError("aggregated mark", fmt.Sprint(sum))
			}
			num, den := sum*up, n*down
			q, rem := num/den, num%den
			if rem != 0 && (r.Mode == RoundUp || r.Mode == RoundHalfUp && 2*rem >= den ||
				r.Mode == RoundHalfEven && (2*rem > den || 2*rem == den && q%2 == 1)) {
				q++
			}
			out[i] = q
		}
		return r.Places, nil
	}
	var extra int32
	for i, sum := range sums {
		places, ok := terminating(sum, int64(max(counts[i], 1)))
		if !ok {
			return 0, fmt.Errorf("%w (%d / %d at scale %d)", ErrInexact, sum, max(counts[i], 1), rs)
		}
		extra = max(extra, places)
	}
	if rs+extra > 18 {
		return 0, overflowError("aggregated mark places", fmt.Sprint(rs+extra))
	}
	for i, sum := range sums {
		v, ok := mulChk(sum, pow10i[extra])
		if !ok {
			return 0, overflowError("aggregated mark", fmt.Sprint(sum))
		}
		out[i] = v / int64(max(counts[i], 1))
	}
	return rs + extra, nil
}

// WithMarks returns the compiled year with other marks (điểm chấm) in place
// of its own, already chosen and summed as the policy's aggregation chooses
// them, and aggregated as Compile aggregates: sums[u·L+l] is the sum, in units
// of 10^-scale, of the counts[u·L+l] marks unit u's aggregation keeps for leaf
// l (units in the order of Units, the L leaves in the order of Criteria; marks
// as assessed, a deduction's positive), and the unit's mark is their mean,
// rounded as the policy's Aggregate says (exact when it does not round). The
// weights, total rounding and tie-breakers stay the year's. It is the form for
// re-scoring many drawn or edited years, such as in a policy experiment,
// without building Assessments; the result scores as Compile would compile
// assessments whose kept marks have these sums.
//
// Errors: ErrInvalidModel (in a *FieldError) for slices of another length
// than units × leaves, a count below 1, a negative sum or a scale outside
// [0, 18]; ErrOverMax (in a *FieldError) for a mean above its leaf's maximum;
// ErrInexact for an exact mean with no decimal form within 18 places; and a
// *FieldError wrapping ErrOverflow when a mark or total would not fit.
func (cp Compiled) WithMarks(sums []int64, counts []int, scale int32) (Compiled, error) {
	U, L := len(cp.units), len(cp.leaves)
	bad := func(field, value string) error { return &FieldError{Field: field, Value: value, Err: ErrInvalidModel} }
	switch {
	case len(sums) != U*L || len(counts) != U*L:
		return Compiled{}, bad("sums/counts", fmt.Sprint(len(sums), "/", len(counts)))
	case scale < 0 || scale > 18:
		return Compiled{}, bad("scale", fmt.Sprint(scale))
	}
	for i, n := range counts {
		if n < 1 {
			return Compiled{}, bad("count", fmt.Sprint(n))
		}
		if sums[i] < 0 {
			return Compiled{}, bad("sum", fmt.Sprint(sums[i]))
		}
	}
	out := cp
	out.marks = make([]int64, U*L)
	ms, err := aggregateInt(sums, counts, scale, cp.aggregate, out.marks)
	if err != nil {
		return Compiled{}, err
	}
	out.markScale = ms
	out.maxAbs = make([]int64, L)
	for l := range L {
		mx, ok := cp.maxAt[l], cp.maxAt[l] >= 0
		if cp.aggregate.Mode == RoundExact {
			mx, ok = toScaled(cp.maxes[l], ms)
		}
		for u := range U {
			v := out.marks[u*L+l]
			if ok && v > mx {
				return Compiled{}, &FieldError{Field: "mark " + string(cp.units[u]) + " " + string(cp.leaves[l]),
					Value: decimal.New(v, -ms).String(), Err: ErrOverMax}
			}
			out.maxAbs[l] = max(out.maxAbs[l], v)
			if cp.deduct[l] {
				out.marks[u*L+l] = -v
			}
		}
	}
	if !out.fits(out.weights, out.weights, out.weightScale) {
		return Compiled{}, overflowError("total at mark scale", fmt.Sprint(ms))
	}
	return out, nil
}

// Units returns the units in roster order: the order of every per-unit slice.
func (cp Compiled) Units() []UnitID { return slices.Clone(cp.units) }

// Criteria returns the leaf criteria in the order of the table: the order of
// weights passed to ScoreWith.
func (cp Compiled) Criteria() []CriterionID { return slices.Clone(cp.leaves) }

// Weights returns the scorecard's weights (hệ số), one per leaf.
func (cp Compiled) Weights() []decimal.Decimal {
	out := make([]decimal.Decimal, len(cp.weights))
	for l, w := range cp.weights {
		out[l] = decimal.New(w, -cp.weightScale)
	}
	return out
}

// Mark returns unit u's aggregated mark for leaf l (negative for a deduction),
// as Line.Mark (with its sign).
func (cp Compiled) Mark(unit UnitID, leaf CriterionID) (decimal.Decimal, bool) {
	u, l := slices.Index(cp.units, unit), slices.Index(cp.leaves, leaf)
	if u < 0 || l < 0 {
		return decimal.Decimal{}, false
	}
	return decimal.New(cp.marks[u*len(cp.leaves)+l], -cp.markScale), true
}

// Score scores the compiled year with the scorecard's own weights.
func (cp Compiled) Score() CompiledStandings {
	var b scoreBuf
	cp.scoreInto(cp.weights, cp.weightScale, &b)
	return b.standings(&cp)
}

// ScoreWith scores the compiled year with other weights, one per leaf in the
// order of Criteria, each positive: the standings Score would give with a
// scorecard whose weights were these. It accepts exactly the weights
// NewScorecard accepts (positive, at most 18 digits before the point and 18
// after it) and scores every one of them exactly: weights whose totals would
// not fit the int64 form are scored in decimals. Errors: ErrInvalidModel for
// the wrong number of weights, ErrWeightRange for one not positive,
// ErrPointsRange for one out of a scorecard's range (all in a *FieldError).
func (cp Compiled) ScoreWith(weights []decimal.Decimal) (CompiledStandings, error) {
	w, ws, err := cp.scaleWeights(weights)
	if errors.Is(err, ErrOverflow) {
		return cp.scoreDecimal(weights), nil
	}
	if err != nil {
		return CompiledStandings{}, err
	}
	var b scoreBuf
	cp.scoreInto(w, ws, &b)
	return b.standings(&cp), nil
}

// RanksScaled scores the compiled year once for each set of weights that
// weights yields, in fixed point (weights[l] is leaf l's weight, hệ số, in
// units of 10^-scale, in the order of Criteria), and yields each set's
// competition ranks in roster order: the ranks ScoreWith gives for the same
// weights as decimals, exactly (in decimals when the totals would not fit
// the int64 form). It is the loop of a sensitivity analysis, which scores
// many sets of weights drawn on a grid: one set of buffers serves the whole
// sequence, so the slice yielded is valid only until the next set is
// yielded. A set it refuses ends the sequence with its error: ErrInvalidModel
// for the wrong number of weights or a scale outside [0, 18], ErrWeightRange
// for a weight not positive (all in a *FieldError).
func (cp Compiled) RanksScaled(scale int32, weights iter.Seq[[]int64]) iter.Seq2[[]int, error] {
	return func(yield func([]int, error) bool) {
		var b scoreBuf
		for w := range weights {
			if err := cp.checkScaled(w, scale); err != nil {
				yield(nil, err)
				return
			}
			var ranks []int
			if cp.fits(w, w, scale) {
				cp.scoreInto(w, scale, &b)
				ranks = b.ranks
			} else {
				ws := make([]decimal.Decimal, len(w))
				for l, x := range w {
					ws[l] = decimal.New(x, -scale)
				}
				ranks = cp.scoreDecimal(ws).ranks
			}
			if !yield(ranks, nil) {
				return
			}
		}
	}
}

// checkScaled reports what RanksScaled refuses in one set of weights.
func (cp *Compiled) checkScaled(weights []int64, scale int32) error {
	if len(weights) != len(cp.leaves) {
		return &FieldError{Field: "weights", Value: fmt.Sprint(len(weights)), Err: ErrInvalidModel}
	}
	if scale < 0 || scale > 18 {
		return &FieldError{Field: "weight scale", Value: fmt.Sprint(scale), Err: ErrInvalidModel}
	}
	for l, w := range weights {
		if w <= 0 {
			return &FieldError{Field: "weight " + string(cp.leaves[l]), Value: decimal.New(w, -scale).String(), Err: ErrWeightRange}
		}
	}
	return nil
}

// scoreDecimal is ScoreWith in decimals, for weights too large or too
// precise for the int64 form.
func (cp *Compiled) scoreDecimal(weights []decimal.Decimal) CompiledStandings {
	U, L := len(cp.units), len(cp.leaves)
	pts := make([]decimal.Decimal, U*L) // signed contributions
	totals := make([]decimal.Decimal, U)
	for u := range U {
		t := decimal.Zero
		for l, w := range weights {
			pts[u*L+l] = decimal.New(cp.marks[u*L+l], -cp.markScale).Mul(w)
			t = t.Add(pts[u*L+l])
		}
		totals[u] = cp.total.Apply(t)
	}
	_, ranks, tieBreak := rankDecimals(cp.units, totals, pts, cp.ties)
	return CompiledStandings{units: cp.units, dec: totals, ranks: ranks, tieBreak: tieBreak}
}

// rankDecimals ranks units by totals in decimals as rankOrder ranks int64
// ones, with the tie-breakers ties reading pts: per unit and leaf, the signed
// contributions. It returns the units in rank order, their ranks and the
// tie-breaker that last separated each.
func rankDecimals(units []UnitID, totals, pts []decimal.Decimal, ties []compiledTie) (order, ranks []int, tieBreak []string) {
	U := len(units)
	L := len(pts) / max(U, 1)
	all := make([]int, L)
	for l := range all {
		all[l] = l
	}
	// sum adds unit u's points under leaves, only the deductions when neg.
	sum := func(u int, leaves []int, neg bool) decimal.Decimal {
		s := decimal.Zero
		for _, l := range leaves {
			if !neg || pts[u*L+l].IsNegative() {
				s = s.Add(pts[u*L+l])
			}
		}
		return s
	}
	rt := make([]tieRank, len(ties))
	for t, ct := range ties {
		rt[t] = tieRank{name: ct.name, cmp: func(a, b int) int { return cmpSign(ct.cmp(units[a], units[b])) }}
		switch ct.kind {
		case tieByCriterion:
			rt[t].cmp = func(a, b int) int { return sum(b, ct.leaves, false).Cmp(sum(a, ct.leaves, false)) }
		case tieFewerDeductions:
			rt[t].cmp = func(a, b int) int { return sum(b, all, true).Cmp(sum(a, all, true)) }
		}
	}
	order, ranks, tieBreak = make([]int, U), make([]int, U), make([]string, U)
	rankOrder(ordinals(U, func(a, b int) int { return totals[a].Cmp(totals[b]) }), order, ranks, tieBreak, rt)
	return order, ranks, tieBreak
}

// scoreBuf holds one scoring's working state, reused across samples.
type scoreBuf struct {
	raw, totals []int64
	scale       int32
	order       []int
	ranks       []int
	tieBreak    []string
	key         []int64   // per unit, the key of the tie-breaker being applied
	w           []int64   // the weights being scored
	ties        []tieRank // cp's tie-breakers on these buffers
	cp          *Compiled // the year the buffers are laid out for
}

// scoreInto computes the totals (rounded as the policy says) and the ranks.
// The weights must have passed fits.
func (cp *Compiled) scoreInto(w []int64, ws int32, b *scoreBuf) {
	U, L := len(cp.units), len(cp.leaves)
	if b.cp != cp {
		b.cp = cp
		i64, ints := make([]int64, 3*U), make([]int, 2*U)
		b.raw, b.totals, b.key = i64[:U:U], i64[U:2*U:2*U], i64[2*U:]
		b.order, b.ranks, b.tieBreak = ints[:U:U], ints[U:], make([]string, U)
		b.ties = cp.tieRanks(b)
	}
	w = w[:L]
	b.scale, b.w = cp.markScale+ws, w
	for u := range U {
		row := cp.marks[u*L : (u+1)*L]
		var t int64
		for l, m := range row {
			t += m * w[l]
		}
		b.raw[u] = t
		b.totals[u] = roundScaled(t, b.scale, cp.total)
	}
	rankOrder(b.totals, b.order, b.ranks, b.tieBreak, b.ties)
}

// tieRanks returns the tie-breakers as rankOrder applies them to b: the
// keys of a tied group are computed with b's weights when the group is split.
func (cp *Compiled) tieRanks(b *scoreBuf) []tieRank {
	L := len(cp.leaves)
	byKey := func(a, c int) int { return cmp.Compare(b.key[c], b.key[a]) }
	out := make([]tieRank, len(cp.ties))
	for t, ct := range cp.ties {
		switch ct.kind {
		case tieByCriterion:
			out[t] = tieRank{name: ct.name, cmp: byKey, prepare: func(group []int) {
				for _, u := range group {
					var s int64
					for _, l := range ct.leaves {
						s += cp.marks[u*L+l] * b.w[l]
					}
					b.key[u] = s
				}
			}}
		case tieFewerDeductions:
			out[t] = tieRank{name: ct.name, cmp: byKey, prepare: func(group []int) {
				for _, u := range group {
					var s int64
					for l := range cp.leaves {
						s += min(cp.marks[u*L+l], 0) * b.w[l] // minus the deductions: fewer ranks ahead
					}
					b.key[u] = s
				}
			}}
		default:
			out[t] = tieRank{name: ct.name, cmp: func(a, c int) int { return cmpSign(ct.cmp(cp.units[a], cp.units[c])) }}
		}
	}
	return out
}

// roundScaled rounds v (at scale) as r says, keeping the scale.
func roundScaled(v int64, scale int32, r Rounding) int64 {
	if r.Mode == RoundExact || r.Places >= scale {
		return v
	}
	f := pow10i[scale-r.Places]
	q, _ := divRound(v, f, r.Mode)
	return q * f
}

// standings hands the buffer's totals, ranks and tie-breakers to a result:
// the buffer is the caller's own and not used again.
func (b *scoreBuf) standings(cp *Compiled) CompiledStandings {
	return CompiledStandings{units: cp.units, totals: b.totals, scale: b.scale, ranks: b.ranks, tieBreak: b.tieBreak}
}

// CompiledStandings is the result of scoring a Compiled year: each unit's total
// and competition rank, in roster order, as Standings has them. It is
// immutable; its methods return copies. The zero CompiledStandings has no
// units.
type CompiledStandings struct {
	units    []UnitID
	totals   []int64
	dec      []decimal.Decimal // the totals, when scored in decimals
	scale    int32
	ranks    []int
	tieBreak []string
}

// Len returns the number of units.
func (s CompiledStandings) Len() int { return len(s.units) }

// Unit returns the i-th unit in roster order.
func (s CompiledStandings) Unit(i int) UnitID { return s.units[i] }

// Total returns the i-th unit's total (tổng điểm), rounded as the policy's
// Total says: equal to Standing.Total.
func (s CompiledStandings) Total(i int) decimal.Decimal {
	if s.dec != nil {
		return s.dec[i]
	}
	return decimal.New(s.totals[i], -s.scale)
}

// Rank returns the i-th unit's competition rank (1, 2, 2, 4) after the
// tie-breakers: equal to Standing.Rank.
func (s CompiledStandings) Rank(i int) int { return s.ranks[i] }

// TieBreak returns the tie-breaker that last separated the i-th unit from
// units with the same total, or "": equal to Standing.TieBreak.
func (s CompiledStandings) TieBreak(i int) string { return s.tieBreak[i] }

// First returns the units ranked first, in roster order: one, or several tied.
func (s CompiledStandings) First() []UnitID {
	var out []UnitID
	for i, r := range s.ranks {
		if r == 1 {
			out = append(out, s.units[i])
		}
	}
	return out
}

// Agrees reports whether s gives every unit of st the same total (by value),
// rank and tie-breaker: the check the tests use to prove the compiled path.
func (s CompiledStandings) Agrees(st Standings) bool {
	if st.Len() != len(s.units) {
		return false
	}
	for i, id := range s.units {
		x, ok := st.Of(id)
		if !ok || x.Rank != s.ranks[i] || x.TieBreak != s.tieBreak[i] || !x.Total.Equal(s.Total(i)) {
			return false
		}
	}
	return true
}

// String lists the units by rank, such as "1 bac-ninh 97.50; 2 hai-duong 96.25".
func (s CompiledStandings) String() string {
	idx := make([]int, len(s.units))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return s.ranks[a] - s.ranks[b] })
	parts := make([]string, len(idx))
	for k, i := range idx {
		parts[k] = fmt.Sprintf("%d %s %s", s.ranks[i], s.units[i], s.Total(i).String())
	}
	return strings.Join(parts, "; ")
}
