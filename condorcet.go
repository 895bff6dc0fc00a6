package thidua

import (
	"cmp"
	"slices"
)

// The Condorcet methods (Schulze, ranked pairs, Copeland, minimax) all work
// from the pairwise matrix: d[i][j] is the number of votes that rank candidate
// i above candidate j.

// pairwise builds the matrix from the grouped ballots.
func pairwise(n int, list []*group) [][]int {
	flat := make([]int, n*n)
	for _, g := range list {
		if g.blank {
			continue
		}
		v := g.votes
		for i, x := range g.rank {
			row := flat[i*n : i*n+n]
			for j, y := range g.rank[:len(row)] {
				// Branch-free: the mask is all ones exactly when x < y.
				row[j] += v & ((int(x) - int(y)) >> 63)
			}
		}
	}
	d := make([][]int, n)
	for i := range d {
		d[i] = flat[i*n : i*n+n : i*n+n]
	}
	return d
}

// condorcet ranks the candidates by the contest's Condorcet method and fills
// votes with each one's integral score; for Copeland it also returns twice
// the score (wins count 2, ties 1).
func (c Contest) condorcet(d [][]int, votes []int) ([][]int, []int) {
	n := len(d)
	switch c.spec.Method {
	case Schulze:
		p := schulzePaths(d)
		beats := func(i, j int) bool { return p[i][j] > p[j][i] }
		fillBeats(votes, beats)
		return extract(n, beats), nil
	case RankedPairs:
		locked := rankedPairs(d)
		reach := closure(locked)
		beats := func(i, j int) bool { return reach[i][j] }
		fillBeats(votes, beats)
		return extract(n, func(i, j int) bool { return locked[i][j] }), nil
	case Copeland:
		twice := make([]int, n)
		for i := range n {
			for j := range n {
				switch {
				case i == j:
				case d[i][j] > d[j][i]:
					twice[i] += 2
					votes[i]++
				case d[i][j] == d[j][i]:
					twice[i]++
				}
			}
		}
		return tiersBy(n, func(i, j int) int { return cmp.Compare(twice[j], twice[i]) }), twice
	default: // Minimax
		v := c.spec.Minimax.orDefault()
		for i := range n {
			worst, first := 0, true
			for j := range n {
				if i == j {
					continue
				}
				var s int
				switch v {
				case WinningVotes:
					if d[j][i] > d[i][j] {
						s = d[j][i]
					}
				case Margins:
					s = d[j][i] - d[i][j]
				default:
					s = d[j][i]
				}
				if first || s > worst {
					worst, first = s, false
				}
			}
			votes[i] = worst
		}
		return tiersBy(n, func(i, j int) int { return cmp.Compare(votes[i], votes[j]) }), nil
	}
}

// fillBeats sets votes[i] to the number of candidates i beats.
func fillBeats(votes []int, beats func(i, j int) bool) {
	for i := range votes {
		votes[i] = 0
		for j := range votes {
			if i != j && beats(i, j) {
				votes[i]++
			}
		}
	}
}

// schulzePaths returns the strengths of the strongest paths under winning
// votes: a link i→j is d[i][j] when i beats j, and a path is as strong as its
// weakest link.
func schulzePaths(d [][]int) [][]int {
	n := len(d)
	p := make([][]int, n)
	for i := range n {
		p[i] = make([]int, n)
		for j := range n {
			if i != j && d[i][j] > d[j][i] {
				p[i][j] = d[i][j]
			}
		}
	}
	for k := range n {
		pk := p[k]
		for i := range n {
			pik := p[i][k]
			if i == k || pik == 0 {
				continue
			}
			pi := p[i]
			for j := range n {
				if j == i || j == k {
					continue
				}
				if w := min(pik, pk[j]); w > pi[j] {
					pi[j] = w
				}
			}
		}
	}
	return p
}

// extract ranks by repeated extraction: the first tier is every candidate
// that no other remaining candidate beats, then the same among the rest. If
// every remaining candidate is beaten (a cycle, which Schulze's and ranked
// pairs' relations never have), the rest form one tier.
func extract(n int, beats func(i, j int) bool) [][]int {
	left := make([]bool, n)
	for i := range left {
		left[i] = true
	}
	var tiers [][]int
	for remaining := n; remaining > 0; {
		var tier []int
		for i := range n {
			if !left[i] {
				continue
			}
			top := true
			for j := range n {
				if left[j] && j != i && beats(j, i) {
					top = false
					break
				}
			}
			if top {
				tier = append(tier, i)
			}
		}
		if tier == nil {
			for i := range n {
				if left[i] {
					tier = append(tier, i)
				}
			}
		}
		for _, i := range tier {
			left[i] = false
		}
		remaining -= len(tier)
		tiers = append(tiers, tier)
	}
	return tiers
}

// rankedPairs locks the pairwise victories by margin, largest first, skipping
// any that would close a cycle. Victories of equal margin are taken together:
// those that close no cycle with the earlier ones and each other are locked;
// if some of them would close a cycle among themselves, the ones on such a
// cycle are all skipped, so no order among equals decides anything.
func rankedPairs(d [][]int) [][]bool {
	n := len(d)
	type pair struct{ i, j, m int }
	var pairs []pair
	for i := range n {
		for j := range n {
			if m := d[i][j] - d[j][i]; m > 0 {
				pairs = append(pairs, pair{i, j, m})
			}
		}
	}
	// Sort by margin, largest first (insertion order within is irrelevant).
	sortPairs := func(a, b pair) int { return cmp.Compare(b.m, a.m) }
	slices.SortFunc(pairs, sortPairs)
	locked := make([][]bool, n)
	for i := range locked {
		locked[i] = make([]bool, n)
	}
	for k := 0; k < len(pairs); {
		e := k
		for e < len(pairs) && pairs[e].m == pairs[k].m {
			e++
		}
		var ok []pair
		reach := closure(locked)
		for _, p := range pairs[k:e] {
			if !reach[p.j][p.i] {
				ok = append(ok, p)
			}
		}
		trial := make([][]bool, n)
		for i := range trial {
			trial[i] = append([]bool(nil), locked[i]...)
		}
		for _, p := range ok {
			trial[p.i][p.j] = true
		}
		treach := closure(trial)
		for _, p := range ok {
			if !treach[p.j][p.i] {
				locked[p.i][p.j] = true
			}
		}
		k = e
	}
	return locked
}

// closure returns the transitive closure of a relation.
func closure(rel [][]bool) [][]bool {
	n := len(rel)
	r := make([][]bool, n)
	for i := range r {
		r[i] = append([]bool(nil), rel[i]...)
	}
	for k := range n {
		for i := range n {
			if !r[i][k] {
				continue
			}
			for j := range n {
				if r[k][j] {
					r[i][j] = true
				}
			}
		}
	}
	return r
}
