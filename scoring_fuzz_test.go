package thidua

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fuzzGen turns fuzz bytes into choices; past the end every choice is 0.
type fuzzGen struct {
	b []byte
	i int
}

func (g *fuzzGen) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if g.i >= len(g.b) {
		return 0
	}
	g.i++
	return int(g.b[g.i-1]) % n
}

func (g *fuzzGen) coin() bool { return g.intn(2) == 1 }

// fuzzCase is one generated scoring problem.
type fuzzCase struct {
	card   Scorecard
	c      Cluster
	as     []Assessment
	policy ScoringPolicy
}

var quarter = decimal.RequireFromString("0.25")

func genCase(t *testing.T, data []byte) (fuzzCase, bool) {
	g := &fuzzGen{b: data}
	spec := ScorecardSpec{ID: "fuzz", Name: "fuzz", Year: 2023}
	id := 0
	next := func() CriterionID { id++; return CriterionID("c" + string(rune('a'+id))) }
	leaf := func() CriterionSpec {
		c := CriterionSpec{ID: next(), Name: "leaf", Max: decimal.NewFromInt(int64(1 + g.intn(20)))}
		if g.coin() {
			c.Max = c.Max.Add(decimal.RequireFromString("0.5"))
		}
		switch g.intn(4) {
		case 1:
			c.Weight = decimal.NewFromInt(int64(2 + g.intn(2)))
		case 2:
			c.Weight = decimal.RequireFromString("0.5")
		}
		return c
	}
	for range 1 + g.intn(3) {
		grp := CriterionSpec{ID: next(), Name: "group"}
		sum := decimal.Zero
		for range 1 + g.intn(3) {
			l := leaf()
			sum = sum.Add(l.Max.Mul(weightOr1(l.Weight)))
			grp.Children = append(grp.Children, l)
		}
		if g.coin() {
			grp.Max = sum.Add(decimal.NewFromInt(int64(g.intn(5))))
		}
		if g.coin() {
			grp.Min = decimal.NewFromInt(int64(g.intn(int(sum.IntPart()) + 1)))
		}
		spec.Criteria = append(spec.Criteria, grp)
	}
	if g.coin() {
		b := leaf()
		b.Kind = CriterionBonus
		spec.Criteria = append(spec.Criteria, b)
	}
	if g.coin() {
		d := leaf()
		d.Kind = CriterionDeduction
		spec.Criteria = append(spec.Criteria, d)
	}
	card, err := NewScorecard(spec)
	require.NoError(t, err)

	n := 2 + g.intn(len(cluster3Units)-1)
	cs := cluster3Spec()
	cs.Members = cs.Members[:n]
	cs.Leader, cs.Deputy = "", ""
	c := MustCluster(cs)

	p := ScoringPolicy{
		Aggregation:   Aggregation(g.intn(3)),
		PerTotal:      g.coin(),
		CountOwnPeer:  g.coin(),
		MissingIsZero: g.coin(),
		ClampOverMax:  g.coin(),
	}
	if p.Aggregation == AggregateTrimmedMean {
		p.Trim = g.intn(2)
	}
	if g.intn(4) != 0 {
		p.Aggregate = Rounding{Places: int32(1 + g.intn(3)), Mode: RoundingMode(1 + g.intn(4))}
	}
	if g.coin() {
		p.Total = Rounding{Places: int32(1 + g.intn(2)), Mode: RoundingMode(1 + g.intn(4))}
	}
	for range g.intn(3) {
		switch g.intn(2) {
		case 0:
			p.TieBreakers = append(p.TieBreakers, ByCriterion(card.Leaves()[g.intn(len(card.Leaves()))].ID))
		case 1:
			p.TieBreakers = append(p.TieBreakers, FewerDeductions())
		}
	}

	leaves := card.Leaves()
	mk := func() map[CriterionID]decimal.Decimal {
		m := make(map[CriterionID]decimal.Decimal)
		for _, l := range leaves {
			if p.MissingIsZero && g.intn(5) == 0 {
				continue
			}
			v := quarter.Mul(decimal.NewFromInt(int64(g.intn(90))))
			if v.GreaterThan(l.Max) && !p.ClampOverMax {
				v = l.Max
			}
			m[l.ID] = v
		}
		return m
	}
	var as []Assessment
	ids := c.MemberIDs()
	for _, u := range ids {
		as = append(as, Assessment{Unit: u, Assessor: u, Kind: AssessorSelf, Marks: mk()})
		for _, by := range ids {
			if g.intn(3) == 0 {
				as = append(as, Assessment{Unit: u, Assessor: by, Kind: AssessorPeer, Marks: mk()})
			}
		}
		if g.intn(4) == 0 {
			as = append(as, Assessment{Unit: u, Assessor: "hoi-dong", Kind: AssessorAppraisal, Marks: mk()})
		}
	}
	return fuzzCase{card: card, c: c, as: as, policy: p}, true
}

func weightOr1(w decimal.Decimal) decimal.Decimal {
	if unset(w) {
		return decimal.NewFromInt(1)
	}
	return w
}

func checkScoreErr(t *testing.T, err error) {
	t.Helper()
	assert.True(t, strings.HasPrefix(err.Error(), "thidua: "), err.Error())
	var ae *AssessmentError
	var ue *UnitError
	require.True(t, errors.As(err, &ae) || errors.As(err, &ue), "untyped error %v", err)
	require.True(t, errors.Is(err, ErrInexact) || errors.Is(err, ErrTrimTooMuch) || errors.Is(err, ErrNoAssessment), "unexpected error %v", err)
}

// FuzzScore checks the properties issue 3 asks for on generated tables,
// assessments and policies: totals are the sum of their lines, within the
// table's bounds, ranked by competition rank; permuting assessments or members
// changes nothing; raising a mark never lowers a total; JSON round trips change
// nothing.
func FuzzScore(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add([]byte("a richer seed with many bytes to drive more choices in the generator 0123456789"))
	f.Add([]byte{255, 254, 1, 0, 3, 7, 9, 200, 100, 50, 25, 12, 6, 3, 1, 0, 2, 2, 2, 2, 2, 2, 2, 2, 9, 9, 9, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		fc, ok := genCase(t, data)
		if !ok {
			return
		}
		st, err := fc.card.Score(fc.c, fc.as, fc.policy)
		// The int64 core gives exactly what the decimal path and the reference give.
		slow, _, _, slowErr := fc.card.score(fc.c, fc.as, fc.policy, true)
		if err != nil {
			checkScoreErr(t, err)
			require.Equal(t, slowErr, err)
			_, ok := refScore(fc.card, fc.c, fc.as, fc.policy)
			require.False(t, ok, "the reference scores what Score refuses: %v", err)
			return
		}
		require.NoError(t, slowErr)
		require.True(t, st.Equal(slow), "the int64 core and the decimal path differ")
		ref, ok := refScore(fc.card, fc.c, fc.as, fc.policy)
		require.True(t, ok, "the reference fails where Score does not")
		require.Empty(t, agreesWithRef(st, fc.c, ref))
		checkStandings(t, fc, st)

		// Permuting assessments and members changes nothing.
		as := slices.Clone(fc.as)
		slices.Reverse(as)
		if len(as) > 2 {
			as = append(as[len(as)/3:], as[:len(as)/3]...)
		}
		cs := fc.c.Spec()
		slices.Reverse(cs.Members)
		st2, err := fc.card.Score(MustCluster(cs), as, fc.policy)
		require.NoError(t, err)
		sameByUnit(t, st, st2)

		// JSON round trips change nothing.
		var card Scorecard
		roundTrip(t, fc.card, &card)
		var p ScoringPolicy
		roundTrip(t, fc.policy, &p)
		var as3 []Assessment
		roundTrip(t, fc.as, &as3)
		require.True(t, slices.EqualFunc(fc.as, as3, Assessment.Equal))
		st3, err := card.Score(fc.c, as3, p)
		require.NoError(t, err)
		require.True(t, st.Equal(st3))

		// Raising one mark of a scored or bonus criterion never lowers the total.
		if fc.policy.PerTotal && fc.policy.Aggregate.Mode != RoundExact {
			return // the kept assessors change with the totals, and each line is rounded on its own
		}
		g := &fuzzGen{b: data, i: len(data) / 2}
		ai := g.intn(len(fc.as))
		leaves := fc.card.Leaves()
		l := leaves[g.intn(len(leaves))]
		if l.Kind == CriterionDeduction {
			return
		}
		up := slices.Clone(fc.as)
		m := make(map[CriterionID]decimal.Decimal, len(up[ai].Marks))
		for k, v := range up[ai].Marks {
			m[k] = v
		}
		raised := m[l.ID].Add(quarter)
		if raised.GreaterThan(l.Max) && !fc.policy.ClampOverMax {
			return
		}
		m[l.ID] = raised
		up[ai].Marks = m
		st4, err := fc.card.Score(fc.c, up, fc.policy)
		if err != nil {
			checkScoreErr(t, err)
			return
		}
		before, _ := st.Of(up[ai].Unit)
		after, _ := st4.Of(up[ai].Unit)
		require.False(t, after.Total.LessThan(before.Total), "raising %s of %s by %s lowered %s to %s",
			l.ID, up[ai].Unit, up[ai].Assessor, before.Total, after.Total)
	})
}

func roundTrip(t *testing.T, v any, into any) {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, into))
	b2, err := json.Marshal(into)
	require.NoError(t, err)
	require.Equal(t, string(b), string(b2))
}

func checkStandings(t *testing.T, fc fuzzCase, st Standings) {
	t.Helper()
	ranked := st.Ranked()
	require.Len(t, ranked, fc.c.Len())
	// The bounds, rounded as the total is (rounding is monotone, so a rounded
	// total can pass a bound only by the rounding).
	lo := fc.policy.Total.Apply(fc.card.DeductionMax().Neg())
	hi := fc.policy.Total.Apply(fc.card.BaseMax().Add(fc.card.BonusMax()))
	for i, s := range ranked {
		// The total is the sum of the lines (rounded as the policy says).
		sum := decimal.Zero
		for _, l := range s.Lines {
			sum = sum.Add(l.Contribution)
			require.True(t, l.Mark.Mul(l.Weight).Abs().Equal(l.Contribution.Abs()))
		}
		require.True(t, fc.policy.Total.Apply(sum).Equal(s.Total), "total %s, lines %s", s.Total, sum)
		// Bounds.
		require.False(t, s.Total.LessThan(lo), "total %s below %s", s.Total, lo)
		require.False(t, s.Total.GreaterThan(hi), "total %s above %s", s.Total, hi)
		// Competition ranks: higher totals rank strictly ahead, and a rank is one
		// more than the number of units ahead.
		ahead := 0
		for j, o := range ranked {
			if o.Total.GreaterThan(s.Total) {
				require.Less(t, o.Rank, s.Rank)
			}
			if o.Rank < s.Rank {
				ahead++
			}
			if j < i {
				require.LessOrEqual(t, o.Rank, s.Rank)
			}
		}
		require.Equal(t, ahead+1, s.Rank)
		if len(fc.policy.TieBreakers) == 0 {
			require.Empty(t, s.TieBreak)
		}
	}
}

func sameByUnit(t *testing.T, a, b Standings) {
	t.Helper()
	require.Equal(t, a.Len(), b.Len())
	for _, s := range a.Ranked() {
		o, ok := b.Of(s.Unit)
		require.True(t, ok)
		require.True(t, s.Equal(o), "unit %s: %+v vs %+v", s.Unit, s, o)
	}
	// Ties come in roster order, which a permuted roster changes: compare as sets.
	norm := func(ts [][]UnitID) [][]UnitID {
		for _, g := range ts {
			slices.Sort(g)
		}
		return ts
	}
	require.Equal(t, norm(a.Ties()), norm(b.Ties()))
}

// FuzzQuotient checks exact division and every rounding mode against math/big.
func FuzzQuotient(f *testing.F) {
	f.Add(int64(1), int32(0), int64(3), int32(0), int32(2), uint8(1))
	f.Add(int64(-125), int32(-2), int64(8), int32(1), int32(3), uint8(2))
	f.Add(int64(7), int32(3), int64(40), int32(-1), int32(0), uint8(0))
	f.Fuzz(func(t *testing.T, a int64, ea int32, b int64, eb int32, places int32, mode uint8) {
		if b <= 0 || ea < -maxExp || ea > maxExp || eb < -maxExp || eb > maxExp {
			return
		}
		r := Rounding{Places: ((places % 10) + 10) % 10, Mode: RoundingMode(mode % 5)}
		x, y := decimal.New(a, ea), decimal.New(b, eb)
		q, exact := quotient(x, y, r)
		want := new(big.Rat).Quo(x.Rat(), y.Rat())
		if r.Mode == RoundExact {
			// Exact iff the reduced denominator has only the factors 2 and 5.
			den := new(big.Int).Set(want.Denom())
			for _, p := range []int64{2, 5} {
				bp := big.NewInt(p)
				for new(big.Int).Mod(den, bp).Sign() == 0 {
					den.Quo(den, bp)
				}
			}
			require.Equal(t, den.Cmp(big.NewInt(1)) == 0, exact)
			if exact {
				require.Zero(t, q.Rat().Cmp(want))
			}
			return
		}
		// Rounded: within one unit in the last place, in the mode's direction.
		got := q.Rat()
		require.Equal(t, got.Cmp(want) == 0, exact)
		unit := new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(r.Places)), nil))
		diff := new(big.Rat).Sub(got, want)
		require.True(t, new(big.Rat).Abs(diff).Cmp(unit) < 0, "%s/%s → %s", x, y, q)
		require.LessOrEqual(t, -q.Exponent(), r.Places)
		half := new(big.Rat).Quo(unit, big.NewRat(2, 1))
		switch r.Mode {
		case RoundDown:
			require.LessOrEqual(t, new(big.Rat).Abs(got).Cmp(new(big.Rat).Abs(want)), 0)
		case RoundUp:
			require.GreaterOrEqual(t, new(big.Rat).Abs(got).Cmp(new(big.Rat).Abs(want)), 0)
		case RoundHalfUp, RoundHalfEven:
			require.LessOrEqual(t, new(big.Rat).Abs(diff).Cmp(half), 0)
		}
	})
}

// FuzzScorecardJSON decodes arbitrary JSON as a scorecard: it either fails
// with a thidua error or JSON syntax error, or gives a valid scorecard whose
// round trip changes nothing.
func FuzzScorecardJSON(f *testing.F) {
	b, _ := json.Marshal(MustScorecard(testCardSpec()))
	f.Add(b)
	f.Add([]byte(`{"id":"x","name":"x","year":2023,"criteria":[{"id":"a","name":"a","max":"1e3"}]}`))
	f.Add([]byte(`{"id":"x","name":"x","year":2023,"criteria":[{"id":"a","name":"a","max":"5","weight":"0"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Scorecard
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		require.True(t, s.BaseMax().IsPositive())
		var back Scorecard
		roundTrip(t, s, &back)
		require.True(t, s.Equal(back))
		sum := decimal.Zero
		for _, l := range s.Leaves() {
			require.True(t, l.Max.IsPositive() && l.Weight.IsPositive())
			if l.Kind == CriterionScored {
				sum = sum.Add(l.Points())
			}
		}
		require.False(t, sum.GreaterThan(s.BaseMax()), "scored leaves %s exceed base %s", sum, s.BaseMax())
	})
}

// refStanding is one unit's result by refScore.
type refStanding struct {
	total    *big.Rat
	marks    []*big.Rat // the aggregated mark per leaf
	rank     int
	tieBreak string
}

// refScore is a plain reference for Score, written for the tests apart from
// the engine: big.Rat arithmetic throughout, no int64 form, its own ranking.
// It returns each member's result in roster order, or false where the policy
// cannot be met (a mark missing, too few marks to trim, an exact mean with no
// decimal form): there Score must fail.
func refScore(card Scorecard, c Cluster, as []Assessment, p ScoringPolicy) ([]refStanding, bool) {
	leaves := card.Leaves()
	under := map[CriterionID][]int{} // criterion -> the leaves under it
	for l, lf := range leaves {
		for id := lf.ID; id != ""; {
			under[id] = append(under[id], l)
			id, _ = card.Parent(id)
		}
	}
	rat := func(d decimal.Decimal) *big.Rat { return d.Rat() }
	sign := func(l int) *big.Rat {
		if leaves[l].Kind == CriterionDeduction {
			return big.NewRat(-1, 1)
		}
		return big.NewRat(1, 1)
	}
	ids := c.MemberIDs()
	out := make([]refStanding, len(ids))
	contrib := make([][]*big.Rat, len(ids))
	for u, id := range ids {
		var chosen []Assessment
		var tier AssessorKind
		for _, a := range as {
			if a.Unit == id && !(a.Kind == AssessorPeer && a.Assessor == id && !p.CountOwnPeer) {
				if a.Kind > tier {
					tier, chosen = a.Kind, nil
				}
				if a.Kind == tier {
					chosen = append(chosen, a)
				}
			}
		}
		slices.SortFunc(chosen, func(a, b Assessment) int { return strings.Compare(string(a.Assessor), string(b.Assessor)) })
		n := len(chosen)
		method, trim := AggregateMean, 0
		if tier == AssessorPeer {
			method, trim = p.Aggregation, p.Trim
		}
		if n == 0 || (method == AggregateTrimmedMean && 2*trim >= n) {
			return nil, false
		}
		m := make([][]*big.Rat, n) // m[j][l]
		for j, a := range chosen {
			m[j] = make([]*big.Rat, len(leaves))
			for l, lf := range leaves {
				v, ok := a.Marks[lf.ID]
				if !ok && !p.MissingIsZero {
					return nil, false
				}
				m[j][l] = rat(v)
				if m[j][l].Cmp(rat(lf.Max)) > 0 {
					m[j][l] = rat(lf.Max)
				}
			}
		}
		keep := make([]int, n)
		for j := range keep {
			keep[j] = j
		}
		perTotal := p.PerTotal && method != AggregateMean && n > 1
		lo, hi := 0, n
		if n > 1 && method == AggregateMedian {
			lo, hi = (n-1)/2, n/2+1
		} else if n > 1 && method == AggregateTrimmedMean {
			lo, hi = trim, n-trim
		}
		if perTotal {
			tot := make([]*big.Rat, n)
			for j := range n {
				tot[j] = new(big.Rat)
				for l := range leaves {
					x := new(big.Rat).Mul(m[j][l], rat(leaves[l].Weight))
					tot[j].Add(tot[j], x.Mul(x, sign(l)))
				}
			}
			slices.SortStableFunc(keep, func(a, b int) int { return tot[a].Cmp(tot[b]) })
			keep = keep[lo:hi]
		}
		out[u].total, out[u].marks, contrib[u] = new(big.Rat), make([]*big.Rat, len(leaves)), make([]*big.Rat, len(leaves))
		for l := range leaves {
			var vals []*big.Rat
			for _, j := range keep {
				vals = append(vals, m[j][l])
			}
			slices.SortFunc(vals, (*big.Rat).Cmp)
			if !perTotal {
				vals = vals[lo:hi]
			}
			mean := new(big.Rat)
			for _, v := range vals {
				mean.Add(mean, v)
			}
			mean.Quo(mean, big.NewRat(int64(len(vals)), 1))
			mark, ok := refRound(mean, p.Aggregate)
			if !ok {
				return nil, false
			}
			out[u].marks[l] = mark
			contrib[u][l] = new(big.Rat).Mul(mark, rat(leaves[l].Weight))
			contrib[u][l].Mul(contrib[u][l], sign(l))
			out[u].total.Add(out[u].total, contrib[u][l])
		}
		out[u].total, _ = refRound(out[u].total, p.Total)
	}
	// Rank: higher totals first; equal totals by each tie-breaker in turn.
	points := func(u int, ls []int, deductionsOnly bool) *big.Rat {
		s := new(big.Rat)
		for _, l := range ls {
			if !deductionsOnly || leaves[l].Kind == CriterionDeduction {
				s.Add(s, contrib[u][l])
			}
		}
		return s
	}
	all := make([]int, len(leaves))
	for l := range all {
		all[l] = l
	}
	var place func(group []int, t, pos int)
	place = func(group []int, t, pos int) {
		if len(group) == 1 || t == len(p.TieBreakers) {
			for _, u := range group {
				out[u].rank = pos + 1
			}
			return
		}
		tb := p.TieBreakers[t]
		ahead := func(u, v int) int { // positive when u ranks ahead of v
			switch tb.kind {
			case tieByCriterion:
				return points(u, under[tb.criterion], false).Cmp(points(v, under[tb.criterion], false))
			case tieFewerDeductions: // minus the deductions: higher is fewer
				return points(u, all, true).Cmp(points(v, all, true))
			}
			return -tb.compare(ids[u], ids[v])
		}
		// The classes the tie-breaker leaves, best first.
		var classes [][]int
		for rest := slices.Clone(group); len(rest) > 0; {
			best := []int{rest[0]}
			for _, u := range rest[1:] {
				switch d := ahead(u, best[0]); {
				case d > 0:
					best = []int{u}
				case d == 0:
					best = append(best, u)
				}
			}
			classes = append(classes, best)
			rest = slices.DeleteFunc(rest, func(u int) bool { return slices.Contains(best, u) })
		}
		for _, cl := range classes {
			if len(classes) > 1 {
				for _, u := range cl {
					out[u].tieBreak = tb.String()
				}
			}
			place(cl, t+1, pos)
			pos += len(cl)
		}
	}
	for u := range ids {
		ahead, group := 0, []int{}
		for v := range ids {
			switch out[v].total.Cmp(out[u].total) {
			case 1:
				ahead++
			case 0:
				group = append(group, v)
			}
		}
		if group[0] == u { // the group is placed once, with its first unit
			place(group, 0, ahead)
		}
	}
	return out, true
}

// refRound rounds x as r says, or reports false when r is exact and x has no
// finite decimal form.
func refRound(x *big.Rat, r Rounding) (*big.Rat, bool) {
	if r.Mode == RoundExact {
		d := new(big.Int).Set(x.Denom())
		for _, f := range []int64{2, 5} {
			for new(big.Int).Mod(d, big.NewInt(f)).Sign() == 0 {
				d.Quo(d, big.NewInt(f))
			}
		}
		return x, d.Cmp(big.NewInt(1)) == 0
	}
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(r.Places)), nil)
	y := new(big.Rat).Mul(new(big.Rat).Abs(x), new(big.Rat).SetInt(unit))
	q, rem := new(big.Int).QuoRem(y.Num(), y.Denom(), new(big.Int))
	twice := new(big.Int).Mul(rem, big.NewInt(2))
	up := false
	switch r.Mode {
	case RoundUp:
		up = rem.Sign() != 0
	case RoundHalfUp:
		up = twice.Cmp(y.Denom()) >= 0
	case RoundHalfEven:
		c := twice.Cmp(y.Denom())
		up = c > 0 || c == 0 && q.Bit(0) == 1
	}
	if up {
		q.Add(q, big.NewInt(1))
	}
	if x.Sign() < 0 {
		q.Neg(q)
	}
	return new(big.Rat).SetFrac(q, unit), true
}

// agreesWithRef reports where st and the reference differ, or "".
func agreesWithRef(st Standings, c Cluster, ref []refStanding) string {
	for u, id := range c.MemberIDs() {
		s, _ := st.Of(id)
		r := ref[u]
		if s.Total.Rat().Cmp(r.total) != 0 || s.Rank != r.rank || s.TieBreak != r.tieBreak {
			return fmt.Sprintf("%s: total %s rank %d %q, reference %s rank %d %q", id, s.Total, s.Rank, s.TieBreak,
				r.total.FloatString(6), r.rank, r.tieBreak)
		}
		for l, ln := range s.Lines {
			if ln.Mark.Rat().Cmp(r.marks[l]) != 0 {
				return fmt.Sprintf("%s %s: mark %s, reference %s", id, ln.Criterion, ln.Mark, r.marks[l].FloatString(6))
			}
		}
	}
	return ""
}
