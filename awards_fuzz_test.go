package thidua

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const fuzzBase = 9 // every vote in the fuzz target is out of 9 members

// fuzzCandidates builds up to 12 candidates from data, 4 bytes each: rank,
// votes for the ministry flag (recorded as passed exactly when they meet
// ≥ 4/5), pending case and cluster lead, share of women.
func fuzzCandidates(data []byte) []Candidate {
	n := min(len(data)/4, 12)
	out := make([]Candidate, 0, n)
	for i := 0; i < n; i++ {
		b := data[4*i : 4*i+4]
		c := Candidate{
			Unit:         UnitID(fmt.Sprintf("u%02d", i)),
			Rank:         int(b[0])%n + 1,
			Total:        decimal.NewFromInt(int64(100 - int(b[0])%n)),
			LeadsCluster: b[2]&2 != 0,
			Facts: Facts{
				PendingDiscipline: b[2]%8 == 1,
				PendingComplaint:  b[2]%16 == 9,
				ExcellentYears:    int(b[2]>>4) % 4,
				Women:             int(b[3]) % 11,
				Staff:             10,
			},
		}
		c.Votes = map[Award]VoteCount{AwardMinistryFlag: fuzzVote(int(b[1]) % (fuzzBase + 1))}
		out = append(out, c)
	}
	return out
}

func fuzzVote(v int) VoteCount {
	return VoteCount{Votes: v, Base: fuzzBase, Passed: AtLeast(4, 5).Met(v, fuzzBase)}
}

func fuzzRules(t *testing.T, flagQuota, meritQuota uint8, equalMerit bool) AwardRules {
	rules, err := NewAwardRules(
		AwardRule{Award: AwardGovernmentFlag, Quota: ShareOfLeaders(1, 2), Standards: []Standard{RequireLeadsCluster()},
			Vote: AtLeast(4, 5).Of(BaseElectorate)},
		AwardRule{Award: AwardMinistryFlag, Quota: CountQuota(int(flagQuota % 4)), Vote: AtLeast(4, 5).Of(BaseElectorate)},
		AwardRule{Award: AwardMinistryMerit, Quota: CountQuota(int(meritQuota % 5)), Standards: []Standard{RequireRank(6)}},
		AwardRule{Award: AwardExcellentCollective, Quota: ShareOfMembers(1, 2), Standards: []Standard{RequireExcellentYears(1)}},
	)
	if err != nil {
		t.Fatal(err)
	}
	// The Government flag reuses the ministry flag's vote in this target.
	if equalMerit {
		rules, err = rules.WithEqualMerit(AtLeast(7, 10))
		if err != nil {
			t.Fatal(err)
		}
	}
	return rules
}

// withGovVotes copies each candidate's flag vote to the Government flag.
func withGovVotes(cands []Candidate) []Candidate {
	out := slices.Clone(cands)
	for i := range out {
		v := map[Award]VoteCount{}
		for a, x := range out[i].Votes {
			v[a] = x
		}
		v[AwardGovernmentFlag] = v[AwardMinistryFlag]
		out[i].Votes = v
	}
	return out
}

// FuzzDecide checks the properties of DecideCandidates on random candidates:
// no unit gets two awards; no quota is exceeded (seats left open for a tie
// count against it); a unit with a pending case is never proposed; every
// proposal meets its rule; the decision does not depend on the order of the
// candidates; and raising one unit's rank or votes never takes its award away.
//
// Monotonicity names one exception, and it is not the equal-merit rule: the
// equal-merit rule is consulted only between units equal on rank and votes and
// the share of women is not what is raised, so the target runs with it on and
// off and it never breaks the property. The exception is a raise that puts the
// unit into an unsettled tie (QuotaTie) for an award at least as high as the
// one it had: it is then held for the runoff rather than proposed.
func FuzzDecide(f *testing.F) {
	f.Add([]byte{0, 9, 2, 7, 1, 8, 0, 3, 2, 2, 0, 0, 3, 9, 16, 5}, uint8(1), uint8(2), true)
	f.Add([]byte{0, 9, 2, 7, 0, 9, 2, 7, 0, 9, 1, 0, 4, 9, 16, 10}, uint8(1), uint8(1), false)
	f.Add([]byte{5, 9, 2, 1, 5, 9, 2, 10, 5, 9, 2, 3, 1, 1, 32, 0, 2, 8, 48, 7}, uint8(3), uint8(4), true)
	f.Fuzz(func(t *testing.T, data []byte, flagQuota, meritQuota uint8, equalMerit bool) {
		rules := fuzzRules(t, flagQuota, meritQuota, equalMerit)
		cands := withGovVotes(fuzzCandidates(data))
		d, err := DecideCandidates(rules, cands, Pool{})
		if err != nil {
			t.Fatalf("valid candidates rejected: %v", err)
		}
		checkDecision(t, rules, cands, d)

		// Order does not matter.
		rev := slices.Clone(cands)
		slices.Reverse(rev)
		if d2, err := DecideCandidates(rules, rev, Pool{}); err != nil || !d.Equal(d2) {
			t.Fatalf("reversed input changed the decision: %v\n%+v\n%+v", err, d, d2)
		}
		if len(cands) > 1 {
			rot := append(slices.Clone(cands[1:]), cands[0])
			if d2, err := DecideCandidates(rules, rot, Pool{}); err != nil || !d.Equal(d2) {
				t.Fatalf("rotated input changed the decision: %v", err)
			}
		}

		// Monotonicity: raise each unit in turn.
		for i, c := range cands {
			old, had := d.AwardOf(c.Unit)
			if !had {
				continue
			}
			var raises [][]Candidate
			if c.Rank > 1 {
				up := slices.Clone(cands)
				up[i].Rank--
				up[i].Total = up[i].Total.Add(decimal.NewFromInt(1))
				raises = append(raises, up)
			}
			if v := c.Votes[AwardMinistryFlag].Votes; v < fuzzBase {
				up := withGovVotes(cands)
				up[i].Votes[AwardMinistryFlag] = fuzzVote(v + 1)
				up[i].Votes[AwardGovernmentFlag] = fuzzVote(v + 1)
				raises = append(raises, up)
			}
			for _, up := range raises {
				d2, err := DecideCandidates(rules, up, Pool{})
				if err != nil {
					t.Fatal(err)
				}
				if now, ok := d2.AwardOf(c.Unit); ok && now.Compare(old) <= 0 {
					continue
				}
				held := false
				for _, tie := range d2.Ties {
					if slices.Contains(tie.Units, c.Unit) && tie.Award.Compare(old) <= 0 {
						held = true
					}
				}
				if !held {
					t.Fatalf("raising %s took away its %s:\nbefore %+v\nafter %+v", c.Unit, old, d, d2)
				}
			}
		}
	})
}

func checkDecision(t *testing.T, rules AwardRules, cands []Candidate, d Decision) {
	t.Helper()
	byUnit := map[UnitID]Candidate{}
	leaders := 0
	for _, c := range cands {
		byUnit[c.Unit] = c
		if c.LeadsCluster {
			leaders++
		}
	}
	seen := map[UnitID]bool{}
	count := map[Award]int{}
	for i, p := range d.Proposals {
		if seen[p.Unit] {
			t.Fatalf("%s proposed twice", p.Unit)
		}
		seen[p.Unit] = true
		count[p.Award]++
		c := byUnit[p.Unit]
		if c.Facts.Pending() {
			t.Fatalf("%s proposed with a pending case", p.Unit)
		}
		r, ok := rules.Rule(p.Award)
		if !ok {
			t.Fatalf("%s proposed for %s, which has no rule", p.Unit, p.Award)
		}
		for _, s := range r.Standards {
			if met, why := s.Check(c); !met {
				t.Fatalf("%s proposed for %s without %s: %s", p.Unit, p.Award, s, why)
			}
		}
		if !r.Vote.IsZero() && !c.Votes[p.Award].Passed {
			t.Fatalf("%s proposed for %s without passing its vote", p.Unit, p.Award)
		}
		if i > 0 {
			q := d.Proposals[i-1]
			if q.Award.Compare(p.Award) > 0 || (q.Award == p.Award && q.Rank > p.Rank) {
				t.Fatalf("proposals out of order: %v before %v", q, p)
			}
		}
	}
	for _, tie := range d.Ties {
		count[tie.Award] += tie.Seats
		if tie.Seats < 1 || len(tie.Units) <= tie.Seats {
			t.Fatalf("a tie must have more units than seats: %+v", tie)
		}
		for _, u := range tie.Units {
			if seen[u] {
				t.Fatalf("%s is both proposed and in a tie", u)
			}
		}
	}
	for _, r := range rules.Rules() {
		if limit := r.Quota.Limit(len(cands), leaders); count[r.Award] > limit {
			t.Fatalf("%s: %d seats used, quota %d", r.Award, count[r.Award], limit)
		}
	}
	// Every candidate is accounted for under every award: proposed, tied or declined.
	for _, r := range rules.Rules() {
		n := len(d.Proposed(r.Award))
		for _, x := range d.Declined {
			if x.Award == r.Award {
				n++
			}
		}
		for _, tie := range d.Ties {
			if tie.Award == r.Award {
				n += len(tie.Units)
			}
		}
		if n > len(cands) {
			t.Fatalf("%s: %d entries for %d candidates", r.Award, n, len(cands))
		}
	}
}

// Property: composing a local layer over the national rules and the sector's
// circular either fails with ErrLayerConflict for a value the local layer
// changed without an override and not more strictly, or gives a valid rule
// set in which every value the local layer cites is the local layer's, each
// replaced citation is recorded once, and JSON round-trips.
func FuzzCompose(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 0})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7})
	f.Add([]byte{255, 17, 9, 128, 64, 3, 1, 200})
	f.Fuzz(func(t *testing.T, b []byte) {
		at := func(i int) byte {
			if i < len(b) {
				return b[i]
			}
			return 0
		}
		higher, err := Compose(Decree152_2025(), ScienceTechnology2025())
		require.NoError(t, err)
		local := RuleSet{Name: "Quy chế (thử)", Layer: LayerLocal, EffectiveFrom: MustDate(2026, 1, 1),
			Sources: []Citation{{Rule: "document", Title: "Quy chế (thử)", Layer: LayerLocal, Status: StatusRead}}}
		cite := func(rule string, i int) {
			local.Sources = append(local.Sources, Citation{Rule: rule, Title: "Quy chế (thử)", Layer: LayerLocal,
				Status: StatusRead, Override: at(i)&0x80 != 0})
		}
		set := at(0)
		if set&1 != 0 {
			local.CouncilQuorum = AtLeast(int64(at(1)%5+1), 5)
			cite("quorum", 1)
		}
		if set&2 != 0 {
			local.CutoffTie = Fallback(at(2) % 3)
			cite("cutoff-tie", 2)
		}
		if set&4 != 0 {
			local.VotesFirst = at(3)&1 != 0
			cite("over-quota-order", 3)
		}
		if set&8 != 0 {
			local.MeritExcellentYears = int(at(4) % 4)
			cite("excellent-years", 4)
		}
		if set&16 != 0 {
			local.Thresholds = map[Award]Threshold{AwardMinistryFlag: AtLeast(int64(at(5)%10+1), 10).Of(BaseElectorate)}
			cite("threshold/ministry-flag", 5)
		}
		if set&32 != 0 {
			local.MaxRounds = int(at(6) % 4)
			cite("rounds", 6)
		}
		require.NoError(t, local.Validate())

		rs, err := Compose(higher, local)
		var cited []string
		for _, c := range local.Sources[1:] {
			cited = append(cited, c.Rule)
		}
		if err != nil {
			require.ErrorIs(t, err, ErrLayerConflict)
			require.NotNil(t, fieldError(err, "rule set"), "%v", err)
			fes := fieldErrors(err)
			fe := fes[len(fes)-1]
			require.Contains(t, cited, fe.Field)
			c, _ := local.Source(fe.Field)
			old, _ := higher.Source(fe.Field)
			assert.False(t, c.Override)
			assert.NotEqual(t, StatusNotFound, old.Status)
			assert.NotEqual(t, higher.value(fe.Field), local.value(fe.Field))
			assert.False(t, stricter(fe.Field, higher, local))
			return
		}
		require.NoError(t, rs.Validate())
		changes := 0
		for _, rule := range cited {
			assert.Equal(t, local.value(rule), rs.value(rule), rule)
			old, _ := higher.Source(rule)
			if higher.value(rule) != local.value(rule) || old.Status == StatusNotFound {
				changes++
			}
		}
		assert.Len(t, rs.Changes, len(higher.Changes)+changes)
		for _, rule := range valueRules {
			if !slices.Contains(cited, rule) {
				assert.Equal(t, higher.value(rule), rs.value(rule), "a value the local layer does not cite stays: %s", rule)
			}
		}
		j, err := json.Marshal(rs)
		require.NoError(t, err)
		var back RuleSet
		require.NoError(t, json.Unmarshal(j, &back))
		assert.True(t, rs.Equal(back))
	})
}

// Property: a record validates exactly when its years strictly increase and
// every discipline period ends on or after its start; on a valid record the
// years ExcellentRun reports missing are exactly those of the window not rated
// excellent, absent, or touched by discipline; and JSON round-trips.
func FuzzRecord(f *testing.F) {
	f.Add([]byte{3, 1, 1, 2, 1, 0})
	f.Add([]byte{5, 1, 0, 1, 0, 2, 9, 4, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) < 2 {
			return
		}
		fct := Facts{Unit: "a"}
		ordered := true
		year := 2018
		for i := 2; i+1 < len(b) && len(fct.Record) < 8; i += 2 {
			step := int(b[i] % 3) // 0 repeats a year, which is invalid
			if step == 0 && len(fct.Record) > 0 {
				ordered = false
			}
			year += step
			fct.Record = append(fct.Record, YearRecord{Year: year, Rating: Rating(b[i+1] % 5)})
		}
		backwards := false
		if b[0]&1 != 0 {
			from := MustDate(2019+int(b[1]%6), 3, 1)
			until := MustDate(2019+int((b[0]>>1)%6), 2, 1)
			backwards = until.Compare(from) < 0
			fct.Discipline = []DisciplinePeriod{{From: from, Until: until}}
		}
		err := fct.Validate()
		if !ordered || backwards {
			require.Error(t, err)
			if !ordered {
				assert.ErrorIs(t, err, ErrRecordYears)
			} else {
				assert.ErrorIs(t, err, ErrDisciplineBackwards)
			}
			return
		}
		require.NoError(t, err)
		n := int(b[1]%4) + 1
		missing := fct.ExcellentRun(year, n)
		for y := year - n + 1; y <= year; y++ {
			r, ok := fct.Year(y)
			want := !ok || r.Rating != RatingExcellent || !fct.Counts(y)
			assert.Equal(t, want, slices.Contains(missing, y), "year %d", y)
		}
		j, err := json.Marshal(fct)
		require.NoError(t, err)
		var back Facts
		require.NoError(t, json.Unmarshal(j, &back))
		assert.True(t, fct.Equal(back))
	})
}
