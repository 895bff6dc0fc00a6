package thidua

import (
	"cmp"
	"math/bits"
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
	case MethodSchulze:
		p := schulzePaths(d)
		beats := func(i, j int) bool { return p[i][j] > p[j][i] }
		fillBeats(votes, beats)
		return extract(n, beats), nil
	case MethodRankedPairs:
		locked, reach := rankedPairs(d)
		beats := func(i, j int) bool { return reach[i][j] }
		fillBeats(votes, beats)
		return extract(n, func(i, j int) bool { return locked[i][j] }), nil
	case MethodCopeland:
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
	default: // the minimax methods
		v := c.spec.Method
		for i := range n {
			worst, first := 0, true
			for j := range n {
				if i == j {
					continue
				}
				var s int
				switch v {
				case MethodMinimaxWinningVotes:
					if d[j][i] > d[i][j] {
						s = d[j][i]
					}
				case MethodMinimaxMargins:
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
// cycle are all skipped, so no order among equals decides anything. It
// returns the locked relation and its transitive closure.
//
// The closure is kept as bit sets and updated as each victory is locked, and
// the cycles among equal margins are found on the graph of their endpoints
// only, so the work is O(n³/64) for the closure and O(n·pairs) for the
// cycles, not O(n³) per margin.
func rankedPairs(d [][]int) (locked, reach [][]bool) {
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
	slices.SortFunc(pairs, func(a, b pair) int { return cmp.Compare(b.m, a.m) })
	locked = make([][]bool, n)
	for i := range locked {
		locked[i] = make([]bool, n)
	}
	down, up := newBitRel(n), newBitRel(n) // down[u] ∋ v iff u reaches v; up is its transpose
	var ok []pair
	var scc sccFinder
	for k := 0; k < len(pairs); {
		e := k
		for e < len(pairs) && pairs[e].m == pairs[k].m {
			e++
		}
		ok = ok[:0]
		for _, p := range pairs[k:e] {
			if !down.has(p.j, p.i) {
				ok = append(ok, p)
			}
		}
		if len(ok) > 1 {
			// Only the endpoints matter: a cycle through these victories
			// runs from one endpoint to the next by locked paths or by
			// another of them.
			scc.reset(n)
			for _, p := range ok {
				scc.node(p.i)
				scc.node(p.j)
			}
			for _, p := range ok {
				scc.edge(p.i, p.j)
			}
			comp := scc.run(down)
			kept := ok[:0]
			for _, p := range ok {
				if comp[scc.id[p.i]] != comp[scc.id[p.j]] {
					kept = append(kept, p)
				}
			}
			ok = kept
		}
		for _, p := range ok {
			locked[p.i][p.j] = true
			lockEdge(down, up, p.i, p.j)
		}
		k = e
	}
	reach = make([][]bool, n)
	for u := range n {
		reach[u] = make([]bool, n)
		for v := range n {
			reach[u][v] = down.has(u, v)
		}
	}
	return locked, reach
}

// bitRel is a relation on n elements as one bit set per row.
type bitRel struct {
	words int
	bits  []uint64
}

func newBitRel(n int) bitRel {
	w := (n + 63) / 64
	return bitRel{words: w, bits: make([]uint64, n*w)}
}

func (r bitRel) row(u int) []uint64 { return r.bits[u*r.words : (u+1)*r.words] }
func (r bitRel) has(u, v int) bool  { return r.bits[u*r.words+v/64]&(1<<(v%64)) != 0 }
func eachBit(row []uint64, f func(int)) {
	for w, x := range row {
		for x != 0 {
			f(w*64 + bits.TrailingZeros64(x))
			x &= x - 1
		}
	}
}

// lockEdge adds i→j to the closure down and its transpose up: everything
// that reaches i (and i) now reaches everything j reaches (and j).
func lockEdge(down, up bitRel, i, j int) {
	if down.has(i, j) {
		return
	}
	from := slices.Clone(up.row(i))
	to := slices.Clone(down.row(j))
	from[i/64] |= 1 << (i % 64)
	to[j/64] |= 1 << (j % 64)
	eachBit(from, func(u int) {
		row := down.row(u)
		for w := range row {
			row[w] |= to[w]
		}
	})
	eachBit(to, func(v int) {
		row := up.row(v)
		for w := range row {
			row[w] |= from[w]
		}
	})
}

// sccFinder finds the strongly connected components of a small graph: some
// of the candidates, joined where the closure reaches or by extra edges.
type sccFinder struct {
	id    []int // candidate → node, or -1
	nodes []int // node → candidate
	extra [][]int
	// Tarjan's state
	index, low, comp, stack []int
	onStack                 []bool
}

func (s *sccFinder) reset(n int) {
	if len(s.id) != n {
		s.id = make([]int, n)
		for i := range s.id {
			s.id[i] = -1
		}
	}
	for _, c := range s.nodes {
		s.id[c] = -1
	}
	s.nodes = s.nodes[:0]
	s.extra = s.extra[:0]
}

func (s *sccFinder) node(c int) {
	if s.id[c] < 0 {
		s.id[c] = len(s.nodes)
		s.nodes = append(s.nodes, c)
		s.extra = append(s.extra, nil)
	}
}

func (s *sccFinder) edge(a, b int) { s.extra[s.id[a]] = append(s.extra[s.id[a]], s.id[b]) }

// run returns each node's component.
func (s *sccFinder) run(down bitRel) []int {
	m := len(s.nodes)
	// Adjacency among the nodes: the closure's, then the extra edges.
	adj := make([][]int, m)
	for a, ca := range s.nodes {
		for b, cb := range s.nodes {
			if a != b && down.has(ca, cb) {
				adj[a] = append(adj[a], b)
			}
		}
		adj[a] = append(adj[a], s.extra[a]...)
	}
	s.index = filled(s.index, m, -1)
	s.low = filled(s.low, m, 0)
	s.comp = filled(s.comp, m, -1)
	s.onStack = slices.Grow(s.onStack[:0], m)[:m]
	clear(s.onStack)
	s.stack = s.stack[:0]
	next, comps := 0, 0
	// An explicit stack of (node, next edge) keeps deep graphs off the call stack.
	type frame struct{ v, e int }
	var work []frame
	for root := range m {
		if s.index[root] >= 0 {
			continue
		}
		work = append(work[:0], frame{root, 0})
		s.index[root], s.low[root] = next, next
		next++
		s.stack = append(s.stack, root)
		s.onStack[root] = true
		for len(work) > 0 {
			f := &work[len(work)-1]
			v := f.v
			if f.e < len(adj[v]) {
				w := adj[v][f.e]
				f.e++
				switch {
				case s.index[w] < 0:
					s.index[w], s.low[w] = next, next
					next++
					s.stack = append(s.stack, w)
					s.onStack[w] = true
					work = append(work, frame{w, 0})
				case s.onStack[w]:
					s.low[v] = min(s.low[v], s.index[w])
				}
				continue
			}
			work = work[:len(work)-1]
			if len(work) > 0 {
				u := work[len(work)-1].v
				s.low[u] = min(s.low[u], s.low[v])
			}
			if s.low[v] == s.index[v] {
				for {
					w := s.stack[len(s.stack)-1]
					s.stack = s.stack[:len(s.stack)-1]
					s.onStack[w] = false
					s.comp[w] = comps
					if w == v {
						break
					}
				}
				comps++
			}
		}
	}
	return s.comp
}

func filled(s []int, n, v int) []int {
	s = slices.Grow(s[:0], n)[:n]
	for i := range s {
		s[i] = v
	}
	return s
}
