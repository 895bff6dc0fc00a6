package thidua

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// benchCase is a synthetic cluster-year for the benchmarks: units × criteria
// leaves in groups of ten, every unit scored by peers, trimmed mean dropping
// one mark at each end, aggregated marks rounded half-up to 2 places. The same
// data is kept as int64 hundredths for the hand-written baseline.
type benchCase struct {
	card   Scorecard
	c      Cluster
	as     []Assessment
	policy ScoringPolicy

	// Baseline data: marks[u][a][l] and weights[l] in hundredths.
	marks   [][][]int64
	weights []int64
}

func newBenchCase(tb testing.TB, units, criteria, peers int) benchCase {
	r := rand.New(rand.NewPCG(2023, uint64(units*1000+criteria)))
	var bc benchCase
	spec := ScorecardSpec{ID: "bench", Name: "bench", Year: 2023}
	maxes := make([]int64, criteria) // hundredths
	for g := 0; g*10 < criteria; g++ {
		grp := CriterionSpec{ID: CriterionID(fmt.Sprintf("g%d", g)), Name: "nhóm"}
		for l := g * 10; l < min(criteria, g*10+10); l++ {
			c := CriterionSpec{ID: CriterionID(fmt.Sprintf("c%d", l)), Name: "tiêu chí", Max: decimal.NewFromInt(int64(1 + r.IntN(5)))}
			w := int64(100)
			if l%4 == 0 {
				c.Weight = decimal.RequireFromString("1.5")
				w = 150
			}
			maxes[l] = c.Max.IntPart() * 100
			bc.weights = append(bc.weights, w)
			grp.Children = append(grp.Children, c)
		}
		spec.Criteria = append(spec.Criteria, grp)
	}
	card, err := NewScorecard(spec)
	require.NoError(tb, err)
	members := make([]Unit, units)
	for i := range members {
		members[i] = Unit{ID: UnitID(fmt.Sprintf("u%02d", i)), Name: "Sở"}
	}
	c, err := NewCluster(ClusterSpec{ID: "bench", Name: "bench", Kind: KindCluster, Year: 2023, Members: members})
	require.NoError(tb, err)
	leaves := card.Leaves()
	bc.marks = make([][][]int64, units)
	for u := range units {
		bc.marks[u] = make([][]int64, peers)
		for k := range peers {
			by := members[(u+1+k)%units].ID
			m := make(map[CriterionID]decimal.Decimal, criteria)
			row := make([]int64, criteria)
			for l, leaf := range leaves {
				v := r.Int64N(maxes[l] + 1) // hundredths
				row[l] = v
				m[leaf.ID] = decimal.New(v, -2)
			}
			bc.marks[u][k] = row
			bc.as = append(bc.as, Assessment{Unit: members[u].ID, Assessor: by, Kind: AssessorPeer, Marks: m})
		}
	}
	bc.card, bc.c = card, c
	bc.policy = ScoringPolicy{Aggregation: AggregateTrimmedMean, Trim: 1, Aggregate: Rounding{Places: 2, Mode: RoundHalfUp}}
	return bc
}

// baseline is the hand-written int64 fixed-point computation of the same
// standings: trimmed mean of each criterion, rounded half-up to hundredths,
// times the weight, summed, then competition ranks. It returns the totals in
// units of 1/10000 and the ranks.
func (bc *benchCase) baseline(totals []int64, ranks []int, buf []int64, order []int) {
	const trim = 1
	for u, byAssessor := range bc.marks {
		var total int64
		n := len(byAssessor)
		for l, w := range bc.weights {
			vals := buf[:n]
			for a := range n {
				vals[a] = byAssessor[a][l]
			}
			// insertion sort: n is small
			for i := 1; i < n; i++ {
				for j := i; j > 0 && vals[j] < vals[j-1]; j-- {
					vals[j], vals[j-1] = vals[j-1], vals[j]
				}
			}
			var sum int64
			for _, v := range vals[trim : n-trim] {
				sum += v
			}
			k := int64(n - 2*trim)
			mean := (2*sum + k) / (2 * k) // half-up, non-negative
			total += mean * w
		}
		totals[u] = total
	}
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return int(totals[b] - totals[a]) })
	for i, u := range order {
		if i > 0 && totals[u] == totals[order[i-1]] {
			ranks[u] = ranks[order[i-1]]
		} else {
			ranks[u] = i + 1
		}
	}
}

func TestBenchBaselineAgrees(t *testing.T) {
	for _, size := range [][3]int{{63, 100, 5}, {9, 30, 5}} {
		bc := newBenchCase(t, size[0], size[1], size[2])
		st, err := bc.card.Score(bc.c, bc.as, bc.policy)
		require.NoError(t, err)
		totals, ranks := make([]int64, size[0]), make([]int, size[0])
		bc.baseline(totals, ranks, make([]int64, size[2]), make([]int, size[0]))
		for u, id := range bc.c.MemberIDs() {
			s, _ := st.Of(id)
			require.True(t, decimal.New(totals[u], -4).Equal(s.Total), "unit %s: %s vs %s", id, s.Total, decimal.New(totals[u], -4))
			require.Equal(t, ranks[u], s.Rank)
		}
	}
}

func benchScore(b *testing.B, units, criteria, peers int) {
	bc := newBenchCase(b, units, criteria, peers)
	b.Run("impl=decimal", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := bc.card.Score(bc.c, bc.as, bc.policy); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=decimal-only", func(b *testing.B) { // the int64 core switched off
		b.ReportAllocs()
		for range b.N {
			if _, _, _, err := bc.card.score(bc.c, bc.as, bc.policy, true); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=int64", func(b *testing.B) {
		b.ReportAllocs()
		totals, ranks := make([]int64, units), make([]int, units)
		buf, order := make([]int64, peers), make([]int, units)
		for range b.N {
			bc.baseline(totals, ranks, buf, order)
		}
	})
}

// BenchmarkScore63x100 is issue 3's case (a): 63 units × 100 criteria, 5 peer
// assessments per unit, trimmed mean, 2 places.
func BenchmarkScore63x100(b *testing.B) { benchScore(b, 63, 100, 5) }

// BenchmarkScore9x30 is case (b): Cluster 3's size, 9 units × 30 criteria.
func BenchmarkScore9x30(b *testing.B) { benchScore(b, 9, 30, 5) }

// TestScoreMatchesReference scores the benchmark data under every
// aggregation, place and rounding mode, on the int64 core (Score), on the
// decimal path, and with the plain reference refScore: all three agree, and
// the int64 core is the one Score used.
func TestScoreMatchesReference(t *testing.T) {
	bc := newBenchCase(t, 12, 30, 5)
	// Add self-assessments and an appraisal with marks of other scales.
	for i, id := range bc.c.MemberIDs() {
		m := make(map[CriterionID]decimal.Decimal)
		for l, leaf := range bc.card.Leaves() {
			m[leaf.ID] = decimal.New(int64((i*7+l*3)%10), 0).Mul(leaf.Max).DivRound(decimal.NewFromInt(10), 3)
		}
		bc.as = append(bc.as, Assessment{Unit: id, Assessor: id, Kind: AssessorSelf, Marks: m})
		if i%3 == 0 {
			bc.as = append(bc.as, Assessment{Unit: id, Assessor: "hoi-dong", Kind: AssessorAppraisal, Marks: m})
		}
	}
	var compiled int
	for _, agg := range []Aggregation{AggregateMean, AggregateMedian, AggregateTrimmedMean} {
		for _, perTotal := range []bool{false, true} {
			for mode := RoundExact; mode <= RoundUp; mode++ {
				for _, places := range []int32{0, 1, 2, 4} {
					p := ScoringPolicy{Aggregation: agg, PerTotal: perTotal, Aggregate: Rounding{Places: places, Mode: mode},
						Total: Rounding{Places: 1, Mode: RoundHalfEven}, Scaled: Rounding{Places: places + 1, Mode: mode}, TieBreakers: []TieBreaker{ByCriterion("g1"), FewerDeductions()}}
					if agg == AggregateTrimmedMean {
						p.Trim = 1
					}
					name := fmt.Sprintf("%s/per-total=%t/%s", agg, perTotal, p.Aggregate)
					fast, cp, why, err := bc.card.score(bc.c, bc.as, p, false)
					slow, _, _, slowErr := bc.card.score(bc.c, bc.as, p, true)
					ref, refOK := refScore(bc.card, bc.c, bc.as, p)
					require.Equal(t, slowErr, err, name)
					require.Equal(t, err == nil, refOK, name)
					if err != nil {
						require.ErrorIs(t, err, ErrInexact, name)
						continue
					}
					if why == nil {
						compiled++
						require.Equal(t, len(bc.c.MemberIDs()), len(cp.units), name)
					}
					require.True(t, fast.Equal(slow), name)
					require.Empty(t, agreesWithRef(fast, bc.c, ref), name)
				}
			}
		}
	}
	require.Greater(t, compiled, 30)
}
