package thidua

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// The targets below give every JSON decoder the same properties: what
// decodes is valid, it re-encodes, the encoding decodes to an equal value,
// and encoding that again gives the same bytes.

// decodeRoundTrip checks the properties for one input. valid and equal may be nil
// where the type has no Validate or Equal of its own; the bytes still must
// be stable.
func decodeRoundTrip[T any](t *testing.T, data []byte, valid func(T) error, equal func(a, b T) bool) (T, bool) {
	t.Helper()
	var v T
	if err := json.Unmarshal(data, &v); err != nil {
		return v, false
	}
	if valid != nil {
		require.NoError(t, valid(v), "what decodes is valid")
	}
	enc, err := json.Marshal(v)
	require.NoError(t, err, "what decodes re-encodes")
	var w T
	require.NoError(t, json.Unmarshal(enc, &w), "the encoding decodes: %s", enc)
	if equal != nil {
		require.True(t, equal(v, w), "the encoding decodes to an equal value: %s", enc)
	}
	enc2, err := json.Marshal(w)
	require.NoError(t, err)
	require.Equal(t, string(enc), string(enc2), "the encoding is stable")
	return v, true
}

// seedParts returns the seed review's JSON and its top-level parts.
func seedParts(f *testing.F) ([]byte, map[string]json.RawMessage) {
	b, err := os.ReadFile(filepath.Join("testdata", "cluster3-2023", "review.json"))
	require.NoError(f, err)
	var parts map[string]json.RawMessage
	require.NoError(f, json.Unmarshal(b, &parts))
	return b, parts
}

func mustJSON(f *testing.F, v any) []byte {
	b, err := json.Marshal(v)
	require.NoError(f, err)
	return b
}

func FuzzDateJSON(f *testing.F) {
	f.Add([]byte(`"2023-12-08"`))
	f.Add([]byte(`"2024-02-29"`))
	f.Add([]byte(`"2023-02-29"`))
	f.Add([]byte(`""`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ok := decodeRoundTrip(t, data, nil, func(a, b Date) bool { return a == b })
		if ok && !d.IsZero() {
			require.NoError(t, d.Validate())
			e, err := NewDate(d.Year, d.Month, d.Day)
			require.NoError(t, err)
			require.Equal(t, d, e)
		}
	})
}

func FuzzQuotaJSON(f *testing.F) {
	f.Add([]byte(`{"basis":"count","count":2}`))
	f.Add(mustJSON(f, CountQuota(3)))
	f.Add(mustJSON(f, ShareOfMembers(1, 5)))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, Quota.Validate, func(a, b Quota) bool { return a == b })
	})
}

func FuzzTieBreakerJSON(f *testing.F) {
	f.Add(mustJSON(f, ByCriterion("A.1")))
	f.Add(mustJSON(f, FewerDeductions()))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, TieBreaker.Validate, func(a, b TieBreaker) bool {
			return a.kind == b.kind && a.criterion == b.criterion && a.name == b.name
		})
	})
}

func FuzzScoringPolicyJSON(f *testing.F) {
	_, parts := seedParts(f)
	f.Add([]byte(parts["scoring"]))
	f.Add([]byte(`{"aggregation":"trimmed-mean","trim":1}`))
	f.Add([]byte(`{}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, ScoringPolicy.Validate, nil)
	})
}

func FuzzAssessmentJSON(f *testing.F) {
	_, parts := seedParts(f)
	var as []json.RawMessage
	require.NoError(f, json.Unmarshal(parts["assessments"], &as))
	for _, a := range as[:3] {
		f.Add([]byte(a))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, Assessment.Validate, Assessment.Equal)
	})
}

func FuzzFactsJSON(f *testing.F) {
	f.Add([]byte(`{"unit":"bac-ninh","titles":["ministry-merit"],"women":3,"staff":7}`))
	f.Add(mustJSON(f, Facts{Unit: "a", PendingComplaint: true, ExcellentYears: 5, Titles: []Award{AwardMinistryFlag}}))
	f.Add([]byte(`{"unit":"a"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, Facts.Validate, Facts.Equal)
	})
}

func FuzzRuleSetJSON(f *testing.F) {
	for _, rs := range Presets().Sets() {
		f.Add(mustJSON(f, rs))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip(t, data, RuleSet.Validate, RuleSet.Equal)
	})
}

func FuzzSuccessionJSON(f *testing.F) {
	_, parts := seedParts(f)
	f.Add([]byte(parts["succession"]))
	f.Add([]byte(`{"method":"round-robin","order":["a","b","c"],"cool_down":1}`))
	f.Add([]byte(`{"method":"elect","tie_by_order":true,"order":["b","a"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		decodeRoundTrip[Succession](t, data, nil, nil)
	})
}

func FuzzHistoryJSON(f *testing.F) {
	f.Add([]byte(`[{"year":2022,"leader":"a","deputy":"b","by":"round-robin"},{"year":2023,"leader":"b"}]`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, ok := decodeRoundTrip(t, data, nil, func(a, b History) bool {
			return slicesEqualTerms(a.Terms(), b.Terms())
		})
		if ok {
			_, err := NewHistory(h.Terms()...)
			require.NoError(t, err, "what decodes is valid")
		}
	})
}

// Property: a decoded plan round-trips (terms and first years equal), and
// every first year it gives is 0 or a valid year.
func FuzzPlanJSON(f *testing.F) {
	f.Add([]byte(`{"terms":[{"year":2024,"leader":"a","deputy":"b","by":"round-robin"}],"first_leads":{"a":2024,"b":0}}`))
	f.Add([]byte(`{"terms":[],"first_leads":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, ok := decodeRoundTrip(t, data, nil, func(a, b Plan) bool {
			return slicesEqualTerms(a.Terms, b.Terms) && maps.Equal(a.firstLeads, b.firstLeads)
		})
		if !ok {
			return
		}
		for id, y := range p.firstLeads {
			require.NoError(t, id.Validate())
			require.Equal(t, y, p.FirstLead(id))
			if y != 0 {
				require.NoError(t, checkYear("first lead", y))
			}
		}
	})
}

func slicesEqualTerms(a, b []Leadership) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func FuzzContestJSON(f *testing.F) {
	f.Add(mustJSON(f, MustContest(ContestSpec{ID: "2023-flag", Title: "Cờ thi đua", Year: 2023,
		Candidates: []UnitID{"a", "b", "c"}, Electorate: 9, Present: 8, Seats: 1, Method: MethodApproval,
		Threshold: AtLeast(4, 5).Of(BaseElectorate), Quorum: AtLeast(2, 3), MaxMarks: 1})))
	f.Add(mustJSON(f, MustContest(ContestSpec{Candidates: []UnitID{"a", "b"}, Electorate: 3, Method: MethodMinimaxMargins})))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, ok := decodeRoundTrip(t, data, nil, Contest.Equal)
		if ok {
			_, err := NewContest(c.Spec())
			require.NoError(t, err, "what decodes is valid")
		}
	})
}

// FuzzReviewJSON decodes arbitrary reviews and concludes them: Conclude
// returns an Outcome or a "thidua:" error, twice the same; a review that
// concludes round-trips, and its minutes render in both languages.
func FuzzReviewJSON(f *testing.F) {
	// Small seeds: the fuzzer minimizes every new input it finds, and a
	// 20 KB seed review would take the whole of a short run to minimize.
	tie := tieReviewFor(f)
	f.Add(mustJSON(f, tie))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return // keep each run fast; the limits are tested elsewhere
		}
		// Review.UnmarshalJSON validates each part but not that the parts are
		// all there (Conclude does), so "{}" decodes to a review that cannot
		// be encoded; the round trip is required of reviews that conclude.
		var r Review
		if json.Unmarshal(data, &r) != nil {
			return
		}
		o, err := r.Conclude()
		o2, err2 := r.Conclude()
		if err != nil {
			require.Error(t, err2)
			require.Equal(t, err.Error(), err2.Error(), "Conclude is deterministic")
			require.True(t, strings.HasPrefix(err.Error(), "thidua: "), "%v", err)
			return
		}
		require.NoError(t, err2)
		decodeRoundTrip[Review](t, data, nil, nil)
		// Conclude is deterministic (package document's fuzz target renders
		// the outcomes).
		require.True(t, o.Standings.Equal(o2.Standings), "Conclude is deterministic")
		require.True(t, o.Decision.Equal(o2.Decision), "Conclude is deterministic")
		require.Equal(t, o.Leadership, o2.Leadership, "Conclude is deterministic")
		require.Len(t, o2.Votes, len(o.Votes))
		for i := range o.Votes {
			require.True(t, o.Votes[i].Result.Equal(o2.Votes[i].Result), "vote %d", i)
		}
		for _, s := range o.Settled {
			require.NotEmpty(t, s.Order, "a settled tie orders its units")
		}
	})
}

// tieReviewFor is tieReview for a fuzz seed.
func tieReviewFor(f *testing.F) Review {
	c := MustCluster(ClusterSpec{ID: "k", Name: "Khối thi đua K", Kind: KindBlock, Year: 2024,
		Members: []Unit{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}},
		Leader:  "c", Deputy: "d"})
	card := MustScorecard(ScorecardSpec{ID: "k-2024", Name: "Bảng điểm", Year: 2024,
		Criteria: []CriterionSpec{{ID: "x", Name: "Kết quả", Max: decimal.NewFromInt(100)}}})
	var as []Assessment
	for _, u := range []struct {
		id UnitID
		v  int64
	}{{"a", 90}, {"b", 90}, {"c", 80}, {"d", 70}} {
		as = append(as, Assessment{Unit: u.id, Assessor: "hoi-dong", Kind: AssessorAppraisal,
			Marks: map[CriterionID]decimal.Decimal{"x": decimal.NewFromInt(u.v)}})
	}
	return Review{
		Date: MustDate(2024, time.December, 10), Cluster: c, Scorecard: card, Assessments: as,
		Awards: []AwardVote{
			{Award: AwardMinistryFlag, Quota: CountQuota(1), MaxMarks: 2, Rounds: [][]Ballot{
				{{Approve: []UnitID{"a", "b"}, Count: 4}},
				{{Approve: []UnitID{"b"}, Count: 2}, {Approve: []UnitID{"a"}, Count: 2}}}},
			{Award: AwardMinistryMerit, Quota: CountQuota(1), Rounds: [][]Ballot{{{Approve: []UnitID{"a", "b", "c"}, Count: 4}}}},
		},
		Settlements: []Settlement{{Award: AwardMinistryFlag, By: TieBreakFallback, Order: [][]UnitID{{"a"}}}},
		Succession:  Succession{Method: SuccessionRoundRobin, Order: []UnitID{"a", "b", "c", "d"}},
	}
}
