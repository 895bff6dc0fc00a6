package thidua

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

// The benchmarks below run each limit at its maximum (BENCHMARKS.md).

// distinctRankings returns k distinct random full rankings of ids, each a
// weighted record, so that every ballot is its own group.
func distinctRankings(ids []UnitID, k int, seed uint64) []Ballot {
	rng := rand.New(rand.NewPCG(seed, 1))
	out := make([]Ballot, k)
	for b := range out {
		perm := rng.Perm(len(ids))
		r := make([][]UnitID, len(ids))
		for t, i := range perm {
			r[t] = []UnitID{ids[i]}
		}
		out[b] = Ballot{Ranking: r, Weight: 1 + rng.IntN(1000)}
	}
	return out
}

func benchTally(b *testing.B, m Method, n, k int) {
	c := MustContest(ContestSpec{Candidates: ids(n), Electorate: 1 << 40, Method: m})
	ballots := distinctRankings(c.Candidates(), k, 7)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Tally(ballots); err != nil {
			b.Fatal(err)
		}
	}
}

func approvalMarks(ids []UnitID, k, marks int, seed uint64) []Ballot {
	rng := rand.New(rand.NewPCG(seed, 2))
	out := make([]Ballot, k)
	for b := range out {
		a := make([]UnitID, marks)
		for m := range a {
			a[m] = ids[rng.IntN(len(ids))]
		}
		out[b] = Ballot{Approve: a}
	}
	return out
}

// MaxCandidates approval candidates, and as many ballots of ten marks as
// MaxBallotWork allows.
func BenchmarkLimitApprovalCandidates(b *testing.B) {
	c := MustContest(ContestSpec{Candidates: ids(MaxCandidates), Electorate: 1 << 40, Method: MethodApproval, BlankValid: true})
	ballots := approvalMarks(c.Candidates(), MaxBallotWork/MaxCandidates, 10, 3)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Tally(ballots); err != nil {
			b.Fatal(err)
		}
	}
}

// MaxBallots approval ballots over nine candidates.
func BenchmarkLimitBallots(b *testing.B) {
	c := MustContest(ContestSpec{Candidates: ids(9), Electorate: 1 << 40, Method: MethodApproval, BlankValid: true})
	ballots := approvalMarks(c.Candidates(), MaxBallots, 2, 4)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Tally(ballots); err != nil {
			b.Fatal(err)
		}
	}
}

// MaxRankedCandidates under each Condorcet method and Borda, with as many
// distinct weighted rankings as MaxBallotWork allows.
func BenchmarkLimitRankedCandidates(b *testing.B) {
	k := MaxBallotWork / (MaxRankedCandidates * MaxRankedCandidates)
	for _, m := range []Method{MethodRankedPairs, MethodSchulze, MethodBorda, MethodInstantRunoff} {
		b.Run(m.String(), func(b *testing.B) { benchTally(b, m, MaxRankedCandidates, k) })
	}
}

// 60 units, the largest real cluster, ranked on as many ballots as
// MaxBallotWork allows.
func BenchmarkLimitRanked60(b *testing.B) {
	benchTally(b, MethodRankedPairs, 60, MaxBallotWork/(60*60))
}

// MaxCriteria criteria, flat, from JSON and from a spec.
func BenchmarkLimitCriteria(b *testing.B) {
	doc := flatCriteriaJSON(MaxCriteria)
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			var s Scorecard
			if err := json.Unmarshal(doc, &s); err != nil {
				b.Fatal(err)
			}
		}
	})
	var s Scorecard
	if err := json.Unmarshal(doc, &s); err != nil {
		b.Fatal(err)
	}
	spec := s.Spec()
	b.Run("spec", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := NewScorecard(spec); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// A tree MaxDepth deep is decoded; the 4,990-level document is
// refused before decoding.
func BenchmarkLimitDepth(b *testing.B) {
	for _, depth := range []int{MaxDepth, 4990} {
		doc := deepCriteriaJSON(depth)
		b.Run(fmt.Sprint(depth), func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				var s Scorecard
				err := json.Unmarshal(doc, &s)
				if (err != nil) != (depth > MaxDepth) {
					b.Fatal(err)
				}
			}
		})
	}
}

// MaxUnits members planned for MaxPlanYears years by round robin.
func BenchmarkLimitUnitsPlan(b *testing.B) {
	c, s := roundRobin(MaxUnits)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.Plan(c, History{}, MaxPlanYears, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// renameEveryYear renames one unit of c every year for years years.
func renameEveryYear(c Cluster, years int) []UnitChange {
	var changes []UnitChange
	cur := c.MemberIDs()
	for y := 1; y <= years; y++ {
		k := y % len(cur)
		into := Unit{ID: UnitID(fmt.Sprintf("r%d", y)), Name: "Đơn vị đổi tên"}
		changes = append(changes, UnitChange{Year: c.Year() + y, From: []UnitID{cur[k]}, Into: into})
		cur[k] = into.ID
	}
	return changes
}

// MaxPlanYears years of a 60-unit cluster with a rename every year.
func BenchmarkLimitPlanYears(b *testing.B) {
	c, s := roundRobin(60)
	changes := renameEveryYear(c, MaxPlanYears)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.Plan(c, History{}, MaxPlanYears, changes); err != nil {
			b.Fatal(err)
		}
	}
}

// A history of MaxTerms terms of a 60-unit cluster with MaxChanges renames,
// checked.
func BenchmarkLimitTermsCheckHistory(b *testing.B) {
	units := make([]Unit, 60)
	for i, id := range ids(60) {
		units[i] = Unit{ID: id, Name: "Đơn vị"}
	}
	c := MustCluster(ClusterSpec{ID: "c", Name: "Cụm", Kind: KindCluster, Year: MinYear, Members: units, Leader: units[0].ID, Deputy: units[1].ID})
	changes := renameEveryYear(c, MaxChanges)
	s := Succession{Method: SuccessionRoundRobin, Order: c.MemberIDs()}
	p, err := s.Plan(c, History{}, MaxPlanYears, changes)
	if err != nil {
		b.Fatal(err)
	}
	terms := []Leadership{{Year: c.Year(), Leader: c.Leader(), Deputy: c.Deputy()}}
	terms = append(terms, p.Terms...)
	for len(terms) < MaxTerms { // later terms repeat the plan's leaders; the check finds violations
		last := terms[len(terms)-1]
		terms = append(terms, Leadership{Year: last.Year + 1, Leader: "u0000"})
	}
	h, err := NewHistory(terms...)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := s.CheckHistory(c, h, changes); err != nil {
			b.Fatal(err)
		}
	}
}

// MaxChanges renames applied by one Reorganize.
func BenchmarkLimitChanges(b *testing.B) {
	c, _ := roundRobin(60)
	changes := renameEveryYear(c, MaxChanges)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := c.Reorganize(c.Year()+MaxChanges, changes); err != nil {
			b.Fatal(err)
		}
	}
}

// Ranked pairs against its direct reading (the hand-written baseline, O(n³)
// per margin), on the pairwise matrix of 64 candidates and 1,000 distinct
// weighted rankings.
func BenchmarkRankedPairsVsReference(b *testing.B) {
	c := MustContest(ContestSpec{Candidates: ids(64), Electorate: 1 << 40, Method: MethodRankedPairs})
	r, err := c.Tally(distinctRankings(c.Candidates(), 1000, 9))
	if err != nil {
		b.Fatal(err)
	}
	d := r.Pairwise
	b.Run("baseline=reference", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			rankedPairsReference(d)
		}
	})
	b.Run("thidua=incremental", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			rankedPairs(d)
		}
	})
}

// Plan against the quadratic first version (the baseline), MaxPlanYears
// years of a 60-unit cluster with a rename every year.
func BenchmarkPlanVsReference(b *testing.B) {
	c, s := roundRobin(60)
	changes := renameEveryYear(c, MaxPlanYears)
	b.Run("baseline=reference", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := s.planReference(c, History{}, MaxPlanYears, changes); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("thidua=incremental", func(b *testing.B) {
		b.ReportAllocs()
		for range b.N {
			if _, err := s.Plan(c, History{}, MaxPlanYears, changes); err != nil {
				b.Fatal(err)
			}
		}
	})
}
