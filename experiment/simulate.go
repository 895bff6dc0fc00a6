package experiment

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// AssessmentModel describes simulated assessments: every unit has a latent
// quality (chất lượng thực), in per mille of each criterion's maximum, and
// each assessor perceives it with noise.
//
// An assessor's mark for a unit and leaf is quality + noise (+ the unit's
// self-inflation when the assessor is the unit), the noise triangular in
// [-Noise, Noise] per
// mille, drawn anew for every assessor, unit and leaf; the result, held to
// [0, 1000], is scaled to the leaf's maximum and rounded half-up to a multiple
// of Step (zero means 0.25), never above the maximum. Deduction leaves get
// (1000 − perceived quality)·DeductionShare/1000 of their maximum, so weaker
// units lose more; bonus leaves are marked like scored ones.
//
// Kind says who assesses: thidua.AssessorAppraisal, one assessment per unit by
// Appraiser ("to-tham-dinh" when empty); thidua.AssessorPeer, every member assesses
// every member, itself included (a policy may count or ignore the own row);
// AssessorSelf, every unit itself.
//
// SelfInflation (tự chấm nâng điểm) is what every unit adds, in per mille, to
// its own marks; SelfInflationBy sets it for the units it lists instead, so
// that one unit, or a chosen few, can inflate their own marks while the rest
// mark themselves honestly (SelfInflation 0).
type AssessmentModel struct {
	// Quality is each member's latent quality, 0 to 1000 per mille; every
	// member must have one.
	Quality map[thidua.UnitID]int
	// Noise bounds an assessor's triangular error, 0 to 1000 per mille.
	Noise int
	// SelfInflation is what every unit adds to its own marks, 0 to 1000 per
	// mille; 0 means honest self-assessment.
	SelfInflation int
	// SelfInflationBy sets the self-inflation of the members it lists, 0 to
	// 1000 per mille each, instead of SelfInflation.
	SelfInflationBy map[thidua.UnitID]int
	// DeductionShare is the share of a deduction leaf's maximum (điểm trừ)
	// that a unit of perceived quality 0 gets, 0 to 1000 per mille.
	DeductionShare int
	// Kind is who assesses: appraisal, peer or self; it must be set.
	Kind thidua.AssessorKind
	// Appraiser names the appraising body for AssessorAppraisal; empty means
	// "to-tham-dinh".
	Appraiser thidua.UnitID
	// Step is the multiple marks are rounded to, positive; zero means 0.25.
	Step decimal.Decimal
}

// BallotModel describes simulated secret ballots (phiếu kín): each member is
// absent with probability Absent per mille; a present member perceives each
// unit's quality with triangular noise in [-Noise, Noise] per mille and
// approves (đồng ý) the TopK units it perceives best (ties by roster order),
// or, when TopK is 0, every unit it perceives at Bar or above. A ranked ballot
// orders all units by the same perception.
type BallotModel struct {
	// Noise bounds a voter's triangular error, 0 to 1000 per mille.
	Noise int
	// TopK is how many units an approval ballot marks "đồng ý"; 0 means
	// every unit perceived at Bar or above.
	TopK int
	// Bar is the perceived quality, 0 to 1000 per mille, a unit needs for
	// approval when TopK is 0.
	Bar int
	// Absent is the chance a member is absent, 0 to 1000 per mille; 0 means
	// all are present.
	Absent int
}

// invalid is a model value out of range (ErrInvalidModel).
func invalid(field string, value any) error {
	return &thidua.FieldError{Field: field, Value: fmt.Sprint(value), Err: thidua.ErrInvalidModel}
}

// outside reports a per mille value outside 0–1000.
func outside(v int) bool { return v < 0 || v > 1000 }

// qualities returns c's members in roster order and their qualities.
func qualities(c thidua.Cluster, quality map[thidua.UnitID]int) ([]thidua.UnitID, []int, error) {
	var ids []thidua.UnitID
	var qs []int
	for _, u := range c.Members() {
		q, ok := quality[u.ID]
		if !ok || outside(q) {
			return nil, nil, invalid("quality "+string(u.ID), q)
		}
		ids, qs = append(ids, u.ID), append(qs, q)
	}
	return ids, qs, nil
}

// check reports the model's values out of range, but for its qualities
// (which qualities checks); units are the cluster's members.
func (m *AssessmentModel) check(units []thidua.UnitID) error {
	ids := make([]thidua.UnitID, 0, len(m.SelfInflationBy))
	for id := range m.SelfInflationBy {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the error names the same unit whatever the map's order
	for _, id := range ids {
		if v := m.SelfInflationBy[id]; !slices.Contains(units, id) {
			return &thidua.UnitError{ID: id, Err: thidua.ErrUnknownUnit}
		} else if outside(v) {
			return invalid("self inflation "+string(id), v)
		}
	}
	switch {
	case outside(m.Noise):
		return invalid("noise", m.Noise)
	case outside(m.SelfInflation):
		return invalid("self inflation", m.SelfInflation)
	case outside(m.DeductionShare):
		return invalid("deduction share", m.DeductionShare)
	case !m.Kind.IsValid():
		return invalid("kind", m.Kind)
	case m.Step.IsNegative() || (m.Step != (decimal.Decimal{}) && m.Step.IsZero()):
		return invalid("step", quote(m.Step))
	}
	return nil
}

func (m *BallotModel) check() error {
	switch {
	case outside(m.Noise):
		return invalid("noise", m.Noise)
	case m.TopK < 0:
		return invalid("top k", m.TopK)
	case outside(m.Bar):
		return invalid("bar", m.Bar)
	case outside(m.Absent):
		return invalid("absent", m.Absent)
	}
	return nil
}

// markGen is an AssessmentModel laid out for a scorecard and cluster.
type markGen struct {
	m        AssessmentModel
	units    []thidua.UnitID
	quality  []int
	inflate  []int   // per unit, its self-inflation
	scale    int32   // of the marks
	step     int64   // at scale
	maxSteps []int64 // per leaf
	deduct   []bool
	// per leaf, the mark of every perceived quality a noisy draw can give,
	// self-inflation included: at i, that of quality i − Noise; leaves marked
	// alike share one
	marksOf [][]int64
	ids     []thidua.CriterionID
	made    map[int64]decimal.Decimal
}

func newMarkGen(card *thidua.Scorecard, c thidua.Cluster, m AssessmentModel) (*markGen, error) {
	units, quality, err := qualities(c, m.Quality)
	if err != nil {
		return nil, err
	}
	if err := m.check(units); err != nil {
		return nil, err
	}
	if m.Step == (decimal.Decimal{}) {
		m.Step = decimal.New(25, -2)
	}
	if m.Appraiser == "" {
		m.Appraiser = "to-tham-dinh"
	}
	g := &markGen{m: m, units: units, quality: quality}
	for _, id := range units {
		inf, ok := m.SelfInflationBy[id]
		if !ok {
			inf = m.SelfInflation
		}
		g.inflate = append(g.inflate, inf)
	}
	leaves := card.Leaves()
	g.scale = max(0, -m.Step.Exponent())
	for _, lf := range leaves {
		g.scale = max(g.scale, -lf.Max.Exponent())
	}
	if g.scale > 18 {
		return nil, overflow("mark places", fmt.Sprint(g.scale))
	}
	var ok bool
	if g.step, ok = toScaled(m.Step, g.scale); !ok {
		return nil, overflow("step", quote(m.Step))
	}
	for _, lf := range leaves {
		mx, ok := toScaled(lf.Max, g.scale)
		if !ok || mx > 1<<40 {
			return nil, overflow("max", lf.Max.String())
		}
		g.maxSteps = append(g.maxSteps, mx/g.step)
		g.deduct = append(g.deduct, lf.Kind == thidua.CriterionDeduction)
		g.ids = append(g.ids, lf.ID)
	}
	type tableKey struct {
		ms     int64
		deduct bool
	}
	tables := map[tableKey][]int64{}
	inflate := 0 // the most a unit adds to its own marks
	if m.Kind != thidua.AssessorAppraisal {
		inflate = slices.Max(append([]int{0}, g.inflate...))
	}
	for l, ms := range g.maxSteps {
		k := tableKey{ms, g.deduct[l]}
		t, ok := tables[k]
		if !ok {
			t = make([]int64, 1001+2*m.Noise+inflate)
			for i := range t {
				t[i] = g.mark(i-m.Noise, l)
			}
			tables[k] = t
		}
		g.marksOf = append(g.marksOf, t)
	}
	return g, nil
}

// mark returns the mark, in units of the step, of perceived quality p on
// leaf l.
func (g *markGen) mark(p, l int) int64 {
	ms := uint64(g.maxSteps[l])
	p = min(1000, max(0, p))
	if g.deduct[l] {
		ms = ms * uint64(g.m.DeductionShare) / 1000
		p = 1000 - p
	}
	return int64((2*uint64(p)*ms + 1000) / 2000)
}

// assessors returns how many assessments each unit gets.
func (g *markGen) assessors() int {
	if g.m.Kind == thidua.AssessorPeer {
		return len(g.units)
	}
	return 1
}

// draws is a worker's buffers for drawing noise: the noise, and the words of
// the source it is drawn from; and the total of each cell of drawn marks.
type draws struct {
	noise  []int16
	words  []uint64
	totals []int64
}

// fillNoise returns count draws of triangular noise in [-n, n], more often
// near 0: each the sum of two uniform draws from [0, 2n], less 2n, halved
// toward zero. Each word (Uint64) of the source gives four 16-bit quarters,
// so two attempts, low 32 bits first; each quarter is mapped to [0, 2n] by
// Lemire's multiply-and-reject method, which keeps it exactly uniform (an
// attempt is rejected, and the next one made, with probability below
// 2·(2n+1) in 2^16). The words come from fill, as many at a time as the noise
// left could take, so that no word is taken that the draws do not need and
// the source is left where a draw one at a time would leave it; what is left
// of the last word is dropped.
func (z *draws) fillNoise(n, count int, fill func([]uint64)) []int16 {
	if cap(z.noise) <= count { // one more: the last word's second attempt may land
		z.noise, z.words = make([]int16, count+1), make([]uint64, (count+1)/2)
	}
	out := z.noise[:count+1]
	if n == 0 {
		clear(out)
		return out[:count]
	}
	m := uint32(2*n + 1)
	reject := -uint16(m) % uint16(m) // Lemire: 16 bits whose product's low half is below this are drawn again
	k := 0
	for k < count {
		words := z.words[:(count-k+1)/2]
		fill(words)
		for _, w := range words {
			a, b := uint32(uint16(w))*m, uint32(uint16(w>>16))*m
			c, d := uint32(uint16(w>>32))*m, uint32(w>>48)*m
			if uint16(a) >= reject && uint16(b) >= reject {
				out[k] = int16((int32(a>>16+b>>16) - int32(2*n)) / 2)
				k++
			}
			if uint16(c) >= reject && uint16(d) >= reject && k < len(out) {
				out[k] = int16((int32(c>>16+d>>16) - int32(2*n)) / 2)
				k++
			}
		}
	}
	return out[:count]
}

// draw fills marks[(u·L+l)·A+a] with assessor a's mark for unit u and leaf l,
// in units of the step: one unit and leaf's marks side by side, as they are
// aggregated; and z.totals[u·L+l] with the total of each such cell. fill
// gives the next words of the source, in order.
func (g *markGen) draw(fill func([]uint64), z *draws, marks []int64) {
	U, L, A, n := len(g.units), len(g.maxSteps), g.assessors(), g.m.Noise
	nz := z.fillNoise(n, len(marks), fill)
	if len(z.totals) != U*L {
		z.totals = make([]int64, U*L)
	}
	for u := range U {
		q, own := g.quality[u], -1 // own: the assessor who is the unit
		switch g.m.Kind {
		case thidua.AssessorSelf:
			own = 0
		case thidua.AssessorPeer:
			own = u
		}
		for l, marksOf := range g.marksOf {
			at := (u*L + l) * A
			cell, noise, ofQ := marks[at:at+A], nz[at:at+A], marksOf[q:]
			var total int64
			for a, e := range noise {
				v := ofQ[int(e)+n]
				cell[a], total = v, total+v
			}
			if own >= 0 {
				v := ofQ[int(noise[own])+n+g.inflate[u]]
				cell[own], total = v, total+v-cell[own]
			}
			z.totals[u*L+l] = total
		}
	}
}

// fillFrom returns a fill for draw that reads the words from r.
func fillFrom(r *rand.Rand) func([]uint64) {
	return func(w []uint64) {
		for i := range w {
			w[i] = r.Uint64()
		}
	}
}

// assessments turns drawn marks into Assessments; nil marks are all zero,
// and the assessments share one map of them.
func (g *markGen) assessments(marks []int64) []thidua.Assessment {
	U, L, A := len(g.units), len(g.maxSteps), g.assessors()
	if g.made == nil {
		g.made = map[int64]decimal.Decimal{}
	}
	var zero map[thidua.CriterionID]decimal.Decimal
	if marks == nil {
		zero = make(map[thidua.CriterionID]decimal.Decimal, L)
		for _, id := range g.ids {
			zero[id] = decimal.New(0, -g.scale)
		}
	}
	out := make([]thidua.Assessment, 0, A*U)
	for a := range A {
		for u := range U {
			as := thidua.Assessment{Unit: g.units[u], Kind: g.m.Kind, Marks: zero}
			switch g.m.Kind {
			case thidua.AssessorAppraisal:
				as.Assessor = g.m.Appraiser
			case thidua.AssessorPeer:
				as.Assessor = g.units[a]
			default:
				as.Assessor = g.units[u]
			}
			if marks == nil {
				out = append(out, as)
				continue
			}
			as.Marks = make(map[thidua.CriterionID]decimal.Decimal, L)
			for l := range L {
				v := marks[(u*L+l)*A+a] * g.step
				d, ok := g.made[v]
				if !ok {
					d = decimal.New(v, -g.scale)
					g.made[v] = d
				}
				as.Marks[g.ids[l]] = d
			}
			out = append(out, as)
		}
	}
	return out
}

// GenerateAssessments draws one year's assessments for every member of c on
// card from r, as m describes. It is deterministic for a given state of r.
// Errors: ErrNoSource for a nil r; ErrInvalidModel (in a *FieldError) for a
// member without a quality, values outside 0–1000, an invalid kind or step;
// a *UnitError wrapping ErrUnknownUnit for SelfInflationBy naming a unit not
// in c; *FieldError wrapping ErrOverflow for a maximum too large to draw.
func GenerateAssessments(r *rand.Rand, card thidua.Scorecard, c thidua.Cluster, m AssessmentModel) ([]thidua.Assessment, error) {
	if r == nil {
		return nil, thidua.ErrNoSource
	}
	g, err := newMarkGen(&card, c, m)
	if err != nil {
		return nil, err
	}
	marks := make([]int64, g.assessors()*len(g.units)*len(g.maxSteps))
	g.draw(fillFrom(r), &draws{}, marks)
	return g.assessments(marks), nil
}

// perceive fills perc with one voter's noisy perception of each unit, noise
// drawn with z from fill, and returns the units it perceives best, best first
// (ties by roster order), laid out in order: the first best of them, or all
// when best is 0.
func perceive(fill func([]uint64), z *draws, quality []int, noise int, order, perc []int, best int) []int {
	if best <= 0 || best > len(perc) {
		best = len(perc)
	}
	n := 0 // order[:n] is the best so far, in order
	for u, e := range z.fillNoise(noise, len(perc), fill) {
		p := quality[u] + int(e)
		perc[u] = p
		j := n // where u goes in, moving the less well perceived down
		switch {
		case n < best:
			n++
		case perc[order[best-1]] >= p:
			continue
		default:
			j = best - 1 // the last of the best drops out
		}
		for ; j > 0 && perc[order[j-1]] < p; j-- {
			order[j] = order[j-1]
		}
		order[j] = u
	}
	return order[:n]
}

// approvals appends to out the units one voter approves.
func (m *BallotModel) approvals(order, perc []int, out []int) []int {
	for k, u := range order {
		if m.TopK > 0 && k >= m.TopK {
			break
		}
		if m.TopK == 0 && perc[u] < m.Bar {
			break
		}
		out = append(out, u)
	}
	return out
}

// drawBallots draws one ballot for each member of c present, as m describes,
// each built by ballot from the voter's perception: the best units, best first
// (all when best is 0), and the perceived qualities.
func drawBallots(r *rand.Rand, c thidua.Cluster, quality map[thidua.UnitID]int, m BallotModel, best int,
	ballot func(ids []thidua.UnitID, order, perc []int) thidua.Ballot) ([]thidua.Ballot, error) {
	if r == nil {
		return nil, thidua.ErrNoSource
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	ids, qs, err := qualities(c, quality)
	if err != nil {
		return nil, err
	}
	order, perc := make([]int, len(ids)), make([]int, len(ids))
	var (
		out []thidua.Ballot
		z   draws
	)
	for range ids {
		if r.IntN(1000) < m.Absent {
			continue
		}
		out = append(out, ballot(ids, perceive(fillFrom(r), &z, qs, m.Noise, order, perc, best), perc))
	}
	return out, nil
}

// GenerateApprovalBallots draws one secret approval ballot (phiếu đồng ý) for
// each member of c present, as m describes, from r, and returns them with the
// number present. A voter who perceives no unit at the Bar casts a blank
// ballot (phiếu trắng). Errors: ErrNoSource, and ErrInvalidModel (in a *FieldError)
// for a model value out of range or a member without a quality.
func GenerateApprovalBallots(r *rand.Rand, c thidua.Cluster, quality map[thidua.UnitID]int, m BallotModel) ([]thidua.Ballot, int, error) {
	out, err := drawBallots(r, c, quality, m, m.TopK, func(ids []thidua.UnitID, order, perc []int) thidua.Ballot {
		b := thidua.Ballot{Approve: []thidua.UnitID{}}
		for _, u := range m.approvals(order, perc, nil) {
			b.Approve = append(b.Approve, ids[u])
		}
		return b
	})
	return out, len(out), err
}

// GenerateRankedBallots draws one secret ranked ballot for each member of c
// present, ordering every unit by the voter's noisy perception, as m describes
// (TopK and Bar are not used). Errors as GenerateApprovalBallots.
func GenerateRankedBallots(r *rand.Rand, c thidua.Cluster, quality map[thidua.UnitID]int, m BallotModel) ([]thidua.Ballot, error) {
	return drawBallots(r, c, quality, m, 0, func(ids []thidua.UnitID, order, _ []int) thidua.Ballot {
		b := thidua.Ballot{Ranking: make([][]thidua.UnitID, len(ids))}
		for k, u := range order {
			b.Ranking[k] = []thidua.UnitID{ids[u]}
		}
		return b
	})
}

// Variant is one set of rules an Experiment tries: the scoring policy and the
// award rules (with their quotas and vote thresholds).
type Variant struct {
	// Name labels the variant in the Report.
	Name string
	// Policy is how the drawn marks become totals and ranks.
	Policy thidua.ScoringPolicy
	// Rules are the award rules: awards, quotas and vote thresholds.
	Rules thidua.AwardRules
}

// Experiment is a policy experiment (thử nghiệm chính sách): Years simulated
// cluster-years of Cluster on Scorecard, each reviewed under every Variant on
// the same draws (so that differences between variants are the rules', not
// chance's). A year's review scores the drawn marks through the compiled
// path (Compiled.WithMarks, equal to Scorecard.Score for the same marks as
// Assessments), holds one secret approval vote per award whose rule has a
// vote threshold (ballots drawn from Ballots, the same for every variant,
// counted as Contest.Tally counts them: a blank ballot is invalid), and
// decides the awards with AwardRules.Seats, the decision core of
// DecideCandidates, for units with no facts on record. Quorum is the vote's
// quorum (zero means none); a year below it holds no vote.
type Experiment struct {
	// Cluster is the roster every simulated year uses.
	Cluster thidua.Cluster
	// Scorecard is the scoring table (bảng chấm điểm) the marks are drawn on.
	Scorecard thidua.Scorecard
	// Assessments is how each year's marks are drawn.
	Assessments AssessmentModel
	// Ballots is how each year's award ballots are drawn.
	Ballots BallotModel
	// Quorum is the share of members who must be present for a vote; the
	// zero Share means no quorum.
	Quorum thidua.Share
	// Variants are the rule sets to compare; at least one.
	Variants []Variant
	// Years is how many cluster-years to simulate; it must be positive.
	Years int
	// Workers is how many years are reviewed at once, each on its own
	// goroutine; 0 means runtime.GOMAXPROCS(0). The Report does not depend
	// on it.
	Workers int
}

// AwardCount is how a variant's award fared over an experiment's years.
type AwardCount struct {
	// Award is the award these counts are for.
	Award thidua.Award
	// NoneReached counts years in which the award had a vote and no unit
	// reached its threshold (or the vote lacked a quorum).
	NoneReached int
	// NotProposed counts years in which no unit was proposed for the award.
	NotProposed int
	// TopMissed counts years in which no unit ranked first got the award.
	TopMissed int
	// Runoffs counts years in which the vote, counted with the quota as its
	// seats as Contest.Tally counts it, left a tie at the cut-off: more units
	// reached the threshold than seats, with equal votes at the last seat
	// (bỏ phiếu lại).
	Runoffs int
}

// UnitCount is how one unit fared over an experiment's years under a variant:
// the years it ranked first (alone or tied), and the years it was proposed
// for each award.
type UnitCount struct {
	// Unit is the unit these counts are for.
	Unit thidua.UnitID
	// Led counts the years it ranked first, alone or tied.
	Led int
	// Awards counts, per award, the years it was proposed for it; an award
	// missing from the map counts 0.
	Awards map[thidua.Award]int
}

// VariantReport is the outcome of one Variant over an experiment's years:
// per award in the order of its rules, per unit in roster order, and the
// years whose vote lacked a quorum.
type VariantReport struct {
	// Name is the variant's Name.
	Name string
	// Awards holds one entry per award, in the order of the variant's rules.
	Awards []AwardCount
	// Units holds one entry per member, in roster order.
	Units []UnitCount
	// NoQuorum counts the years whose vote lacked a quorum, so no vote was
	// held.
	NoQuorum int
}

// Award returns the counts for award a, if the variant has a rule for it.
func (v VariantReport) Award(a thidua.Award) (AwardCount, bool) {
	for _, c := range v.Awards {
		if c.Award == a {
			return c, true
		}
	}
	return AwardCount{}, false
}

// Unit returns the counts for unit u.
func (v VariantReport) Unit(u thidua.UnitID) (UnitCount, bool) {
	for _, c := range v.Units {
		if c.Unit == u {
			return c, true
		}
	}
	return UnitCount{}, false
}

// Report is the outcome of an Experiment: one VariantReport per variant, in
// order.
type Report struct {
	// Years is how many cluster-years were simulated.
	Years int
	// Variants holds one report per variant, in the Experiment's order.
	Variants []VariantReport
}

// Run carries out the experiment with draws from r. Year y draws from its own
// source, seeded with the y-th Uint64 of r, so the Report depends only on the
// state of r, not on Workers. Errors: ErrNoSource for a nil r; ErrInvalidModel
// (in a *FieldError) for no years or variants, a negative worker count, or a
// model value out of range; a scorecard of another year than the cluster
// (*FieldError), an invalid policy, a median or trimmed mean over totals
// (ErrNotCompilable, as Compile refuses it), a policy the draws cannot
// satisfy (ErrTrimTooMuch, ErrInexact), and a *FieldError wrapping
// ErrOverflow. When several years fail, the error is the earliest year's.
func (e Experiment) Run(r *rand.Rand) (Report, error) {
	if r == nil {
		return Report{}, thidua.ErrNoSource
	}
	if e.Years <= 0 || len(e.Variants) == 0 {
		return Report{}, invalid("years/variants", fmt.Sprint(e.Years, "/", len(e.Variants)))
	}
	if e.Workers < 0 {
		return Report{}, invalid("workers", e.Workers)
	}
	if err := e.Ballots.check(); err != nil {
		return Report{}, err
	}
	if err := e.Quorum.Validate(); err != nil {
		return Report{}, err
	}
	card := e.Scorecard
	for _, v := range e.Variants {
		if err := v.Policy.Validate(); err != nil {
			return Report{}, err
		}
	}
	g, err := newMarkGen(&card, e.Cluster, e.Assessments)
	if err != nil {
		return Report{}, err
	}
	// Each variant's compiled frame (weights, total rounding, tie-breakers),
	// compiled from a year of zero marks, so that scoring the cluster's year
	// on the card under the policy is checked as Compile checks it; the drawn
	// years replace the marks.
	frames := make([]thidua.Compiled, len(e.Variants))
	zero := g.assessments(nil)
	for i, v := range e.Variants {
		if frames[i], err = thidua.Compile(card, e.Cluster, zero, v.Policy); err != nil {
			return Report{}, err
		}
	}
	workers := e.Workers
	if workers == 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, e.Years)
	ws := make([]*yearWorker, workers)
	// Workers take years in increasing order, each with its seed; one that
	// fails stops, and the others stop taking years. Every year before a
	// failed one was taken, so the earliest failure is found whatever the
	// schedule.
	var (
		mu   sync.Mutex
		next int
		stop atomic.Bool
		wg   sync.WaitGroup
	)
	take := func() (int, uint64) {
		mu.Lock()
		defer mu.Unlock()
		if next == e.Years {
			return -1, 0
		}
		next++
		return next - 1, r.Uint64()
	}
	for i := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each worker lays out its own state, on its own goroutine.
			w := e.newYearWorker(frames, g)
			ws[i] = w
			for !stop.Load() {
				y, seed := take()
				if y < 0 {
					return
				}
				if err := w.year(seed, uint64(y), &e); err != nil {
					w.err, w.errYear = err, y
					stop.Store(true)
					return
				}
			}
		}()
	}
	wg.Wait()
	rep := Report{Years: e.Years}
	var first *yearWorker
	for _, w := range ws {
		if w.err != nil && (first == nil || w.errYear < first.errYear) {
			first = w
		}
	}
	if first != nil {
		return Report{}, first.err
	}
	for i := range e.Variants {
		vr := ws[0].runs[i].rep
		for _, w := range ws[1:] {
			vr.add(&w.runs[i].rep)
		}
		rep.Variants = append(rep.Variants, vr)
	}
	return rep, nil
}

// add adds o's counts, of the same variant, to v.
func (v *VariantReport) add(o *VariantReport) {
	v.NoQuorum += o.NoQuorum
	for i := range v.Awards {
		a, b := &v.Awards[i], &o.Awards[i]
		a.NoneReached += b.NoneReached
		a.NotProposed += b.NotProposed
		a.TopMissed += b.TopMissed
		a.Runoffs += b.Runoffs
	}
	for i := range v.Units {
		v.Units[i].Led += o.Units[i].Led
		for a, n := range o.Units[i].Awards {
			v.Units[i].Awards[a] += n
		}
	}
}

// yearWorker is one goroutine's working state: its own variant runs (with
// their counts), buffers and random source.
type yearWorker struct {
	_           [64]byte // off the cache line of what was allocated before
	src         rand.PCG // the year's source, drawn from on every mark
	g           *markGen
	runs        []*variantRun
	voted       []thidua.Award
	marks, sums []int64
	used        []int64
	counts      []int
	vd          *voteDraw
	r           *rand.Rand
	fill        func([]uint64) // the next words of src
	draws       draws
	err         error
	errYear     int
	_           [64]byte // off the cache line of what is allocated after
}

func (e *Experiment) newYearWorker(frames []thidua.Compiled, g *markGen) *yearWorker {
	U, L, A := len(g.units), len(g.maxSteps), g.assessors()
	w := &yearWorker{g: g}
	w.r = rand.New(&w.src)
	w.fill = func(words []uint64) {
		src := w.src // in registers for the loop
		for i := range words {
			words[i] = src.Uint64()
		}
		w.src = src
	}
	for i, v := range e.Variants {
		vr := &variantRun{v: v, frame: frames[i], rep: VariantReport{Name: v.Name}, voted: map[thidua.Award]int{}}
		for _, rule := range v.Rules.Rules() {
			vr.rep.Awards = append(vr.rep.Awards, AwardCount{Award: rule.Award})
			if !rule.Vote.IsZero() {
				vr.voted[rule.Award] = len(vr.rules)
			}
			vr.rules = append(vr.rules, rule)
		}
		for _, id := range g.units {
			vr.rep.Units = append(vr.rep.Units, UnitCount{Unit: id, Awards: map[thidua.Award]int{}})
		}
		vr.setup(g.units)
		w.runs = append(w.runs, vr)
	}
	// The awards voted on under any variant, in a fixed order: one ballot set each.
	for _, vr := range w.runs {
		for a := range vr.voted {
			if !slices.Contains(w.voted, a) {
				w.voted = append(w.voted, a)
			}
		}
	}
	slices.Sort(w.voted)
	w.marks = make([]int64, A*U*L)
	w.sums, w.counts, w.used = make([]int64, U*L), make([]int, U*L), make([]int64, 0, A)
	w.vd = newVoteDraw(len(w.voted), U)
	return w
}

// year draws year y from its seed and reviews it under every variant.
func (w *yearWorker) year(seed, y uint64, e *Experiment) error {
	w.src.Seed(seed, y)
	w.g.draw(w.fill, &w.draws, w.marks)
	w.vd.draw(w.r, w.fill, &e.Ballots, w.g.quality)
	quorum := e.Quorum.Met(w.vd.present, len(w.g.units))
	for _, vr := range w.runs {
		if err := vr.year(w, quorum); err != nil {
			return err
		}
	}
	return nil
}

// voteDraw is one year's simulated secret approval ballots, counted: how
// many members were present, and for each award voted on, each unit's
// approvals and the number of valid ballots. Every present member casts one
// ballot in each vote, approving as the BallotModel says; a ballot approving
// nobody is blank, and a blank ballot is invalid (phiếu trắng không hợp lệ),
// as Contest.Tally counts it unless BlankValid is set.
type voteDraw struct {
	present int
	votes   [][]int // [award][unit]
	valid   []int   // [award]
	order   []int
	perc    []int
	appr    []int
	z       draws
}

func newVoteDraw(awards, units int) *voteDraw {
	vd := &voteDraw{votes: make([][]int, awards), valid: make([]int, awards),
		order: make([]int, units), perc: make([]int, units), appr: make([]int, 0, units)}
	for k := range vd.votes {
		vd.votes[k] = make([]int, units)
	}
	return vd
}

// draw draws the ballots, from r and fill (the words of r's source), in the
// order GenerateApprovalBallots does: with one voted award its counts equal
// the tally of the ballots the generator would draw from the same source;
// with several, the awards' draws interleave, so each is a fair draw from the
// same model but not the generator's sequence.
func (vd *voteDraw) draw(r *rand.Rand, fill func([]uint64), m *BallotModel, quality []int) {
	vd.present = 0
	for k := range vd.votes {
		clear(vd.votes[k])
		vd.valid[k] = 0
	}
	for range quality {
		if r.IntN(1000) < m.Absent {
			continue
		}
		vd.present++
		for k := range vd.votes {
			order := perceive(fill, &vd.z, quality, m.Noise, vd.order, vd.perc, m.TopK)
			appr := m.approvals(order, vd.perc, vd.appr[:0])
			if len(appr) > 0 {
				vd.valid[k]++
			}
			for _, u := range appr {
				vd.votes[k][u]++
			}
		}
	}
}

// base returns the count threshold t is a share of in vote k, as
// Result.Base gives it: the electorate, those present (every present member
// casts a ballot), or the valid ballots.
func (vd *voteDraw) base(t thidua.Threshold, k, electorate int) int {
	switch t.Base {
	case thidua.BaseElectorate:
		return electorate
	case thidua.BaseValid:
		return vd.valid[k]
	}
	return vd.present
}

type variantRun struct {
	v     Variant
	frame thidua.Compiled // the compiled frame the drawn marks go into
	rules []thidua.AwardRule
	voted map[thidua.Award]int
	rep   VariantReport
	cands []thidua.Candidate // the units as candidates, in roster order
	total bool               // some rule's standards read the total
}

// setup prepares the variant's decision state for units in roster order.
func (vr *variantRun) setup(units []thidua.UnitID) {
	vr.cands = make([]thidua.Candidate, len(units))
	for _, r := range vr.rules {
		vr.total = vr.total || len(r.Standards) > 0
	}
	for u, id := range units {
		vr.cands[u].Unit = id
		if len(vr.voted) > 0 {
			vr.cands[u].Votes = make(map[thidua.Award]thidua.VoteCount, len(vr.voted))
		}
	}
}

// sum chooses and sums the drawn marks of every unit and leaf under policy
// p, as Scorecard.Score chooses them for these assessments, for
// Compiled.WithMarks.
func (g *markGen) sum(marks, totals []int64, p *thidua.ScoringPolicy, sums []int64, counts []int, used []int64) error {
	U, L, A := len(g.units), len(g.maxSteps), g.assessors()
	method, trim := thidua.AggregateMean, 0
	if g.m.Kind == thidua.AssessorPeer {
		method, trim = p.Aggregation, p.Trim
	}
	skipOwn := g.m.Kind == thidua.AssessorPeer && !p.CountOwnPeer
	for u := range U {
		for l := range L {
			cell := marks[(u*L+l)*A : (u*L+l+1)*A]
			if method == thidua.AggregateMean {
				// The mean needs no order: the total, less the own row.
				s, n := totals[u*L+l], A
				if skipOwn {
					s -= cell[u]
					n--
				}
				sums[u*L+l], counts[u*L+l] = s*g.step, n
				continue
			}
			used = append(used[:0], cell...)
			if skipOwn {
				used = slices.Delete(used, u, u+1)
			}
			slices.Sort(used)
			n := len(used)
			if method == thidua.AggregateTrimmedMean && trim > (n-1)/2 {
				return &thidua.AssessmentError{Unit: g.units[u], Kind: g.m.Kind,
					Err: fmt.Errorf("%w (%d marks, %d dropped at each end)", thidua.ErrTrimTooMuch, n, trim)}
			}
			lo, hi := 0, n
			if n > 1 {
				lo, hi = middle(method, n, trim)
			}
			var s int64
			for _, v := range used[lo:hi] {
				s += v
			}
			sums[u*L+l], counts[u*L+l] = s*g.step, hi-lo
		}
	}
	return nil
}

// middle returns the range of n sorted marks that a median (the middle mark,
// or the middle two) or a trimmed mean (all but trim at each end) keeps.
func middle(method thidua.Aggregation, n, trim int) (lo, hi int) {
	switch method {
	case thidua.AggregateMedian:
		if n%2 == 1 {
			return n / 2, n/2 + 1
		}
		return n/2 - 1, n/2 + 1
	case thidua.AggregateTrimmedMean:
		return trim, n - trim
	}
	return 0, n
}

// year reviews one drawn year under the variant.
func (vr *variantRun) year(w *yearWorker, quorum bool) error {
	g, vd := w.g, w.vd
	if err := g.sum(w.marks, w.draws.totals, &vr.v.Policy, w.sums, w.counts, w.used); err != nil {
		return err
	}
	cp, err := vr.frame.WithMarks(w.sums, w.counts, g.scale)
	if err != nil {
		return err
	}
	st := cp.Score()
	U := st.Len()
	if !quorum {
		vr.rep.NoQuorum++
	}
	leaders := 0
	for u := range U {
		if st.Rank(u) == 1 {
			vr.rep.Units[u].Led++
			leaders++
		}
	}
	var votes [64]int
	for k, a := range w.voted {
		ri, ok := vr.voted[a]
		if !ok {
			continue
		}
		rule := &vr.rules[ri]
		base := vd.base(rule.Vote, k, U)
		p := votes[:0]
		for u := range U {
			vc := thidua.VoteCount{Base: base}
			if quorum {
				vc.Votes = vd.votes[k][u]
				vc.Passed = rule.Vote.Met(vc.Votes, base)
			}
			if vc.Passed {
				p = append(p, vc.Votes)
			}
			vr.cands[u].Votes[a] = vc
		}
		ac := &vr.rep.Awards[ri]
		if len(p) == 0 {
			ac.NoneReached++
		}
		if quorum && voteTie(p, rule.Quota.Limit(U, leaders)) {
			ac.Runoffs++
		}
	}
	for u := range U {
		c := &vr.cands[u]
		c.Rank, c.LeadsCluster = st.Rank(u), st.Rank(u) == 1
		if vr.total {
			c.Total = st.Total(u)
		}
	}
	seats, err := vr.v.Rules.Seats(vr.cands, thidua.Pool{})
	if err != nil {
		return err
	}
	for i, proposed := range seats {
		top := false
		for _, u := range proposed {
			top = top || st.Rank(u) == 1
			vr.rep.Units[u].Awards[vr.rules[i].Award]++
		}
		ac := &vr.rep.Awards[i]
		if len(proposed) == 0 {
			ac.NotProposed++
		}
		if !top {
			ac.TopMissed++
		}
	}
	return nil
}

// voteTie reports whether the units that passed a vote, with these votes,
// elected by most votes into seats seats (0 means no limit), leave a tie at
// the last seat: what Contest.Tally reports as Result.Tied with these seats.
// It sorts votes.
func voteTie(votes []int, seats int) bool {
	if seats <= 0 || len(votes) <= seats {
		return false
	}
	slices.Sort(votes)
	slices.Reverse(votes)
	return votes[seats-1] == votes[seats]
}

// toScaled returns d in units of 10^-scale, if that is an integer that fits.
func toScaled(d decimal.Decimal, scale int32) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	e := d.Exponent() + scale
	if e < 0 || e > 18 {
		return 0, false
	}
	v, f := d.CoefficientInt64(), int64(1)
	for range e {
		f *= 10
	}
	if v > math.MaxInt64/f || v < math.MinInt64/f {
		return 0, false
	}
	return v * f, true
}

// overflow is a value that would not fit the int64 fixed-point form.
func overflow(what, value string) *thidua.FieldError {
	return &thidua.FieldError{Field: what, Value: value, Err: thidua.ErrOverflow}
}

// quote returns d as an error message quotes it: its digits when it is of a
// sensible size, and otherwise its size alone.
func quote(d decimal.Decimal) string {
	if n, e := d.NumDigits(), d.Exponent(); n > 64 || e > 64 || e < -64 {
		return fmt.Sprintf("%d digits × 10^%d", n, e)
	}
	return d.String()
}
