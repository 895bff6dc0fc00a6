package thidua

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var decimalType = reflect.TypeFor[decimal.Decimal]()

// sameValue compares two values field by field, unexported fields included:
// decimals by value (1.5 equals 1.50, which == and reflect.DeepEqual do not
// grant), a nil slice or map like an empty one (JSON leaves both out), funcs
// only when both are nil. It returns the path of the first difference, or ""
// when the values are the same.
func sameValue(a, b any) string {
	va, vb := reflect.ValueOf(&a).Elem(), reflect.ValueOf(&b).Elem()
	return diffValue(va, vb, "")
}

// readable returns v made readable even when it was reached through an
// unexported field. v must be addressable, which every value reached from a
// pointer or an addressable struct is.
func readable(v reflect.Value) reflect.Value {
	if v.CanInterface() || !v.CanAddr() {
		return v
	}
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

func diffValue(a, b reflect.Value, path string) string {
	if a.IsValid() != b.IsValid() {
		return path + ": one is missing"
	}
	if !a.IsValid() {
		return ""
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: types %s and %s", path, a.Type(), b.Type())
	}
	if a.Type() == decimalType {
		// Copy so that the value is addressable and its methods callable.
		ca, cb := reflect.New(decimalType).Elem(), reflect.New(decimalType).Elem()
		ca.Set(readable(a))
		cb.Set(readable(b))
		da, db := ca.Interface().(decimal.Decimal), cb.Interface().(decimal.Decimal)
		if !da.Equal(db) {
			return fmt.Sprintf("%s: %s and %s", path, da, db)
		}
		return ""
	}
	switch a.Kind() {
	case reflect.Struct:
		for i := range a.NumField() {
			if d := diffValue(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one is nil"
			}
			return ""
		}
		if a.Kind() == reflect.Pointer && a.Pointer() == b.Pointer() {
			return "" // the same sentinel or shared value
		}
		ea, eb := a.Elem(), b.Elem()
		if a.Kind() == reflect.Interface {
			// An interface's dynamic value is not addressable: compare a copy.
			if ea.Type() != eb.Type() {
				return fmt.Sprintf("%s: dynamic types %s and %s", path, ea.Type(), eb.Type())
			}
			ca, cb := reflect.New(ea.Type()).Elem(), reflect.New(eb.Type()).Elem()
			ca.Set(readable(ea))
			cb.Set(readable(eb))
			ea, eb = ca, cb
		}
		return diffValue(ea, eb, path)
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: lengths %d and %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := diffValue(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: sizes %d and %d", path, a.Len(), b.Len())
		}
		ra, rb := readable(a), readable(b)
		for _, k := range ra.MapKeys() {
			vb := rb.MapIndex(k)
			if !vb.IsValid() {
				return fmt.Sprintf("%s[%v]: missing", path, k)
			}
			// Map values are not addressable: compare copies.
			ca, cb := reflect.New(a.Type().Elem()).Elem(), reflect.New(a.Type().Elem()).Elem()
			ca.Set(ra.MapIndex(k))
			cb.Set(vb)
			if d := diffValue(ca, cb, fmt.Sprintf("%s[%v]", path, k)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Func:
		if !a.IsNil() || !b.IsNil() {
			return path + ": a func is set"
		}
		return ""
	case reflect.Bool:
		if a.Bool() != b.Bool() {
			return fmt.Sprintf("%s: %v and %v", path, a.Bool(), b.Bool())
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if a.Int() != b.Int() {
			return fmt.Sprintf("%s: %d and %d", path, a.Int(), b.Int())
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if a.Uint() != b.Uint() {
			return fmt.Sprintf("%s: %d and %d", path, a.Uint(), b.Uint())
		}
	case reflect.String:
		if a.String() != b.String() {
			return fmt.Sprintf("%s: %q and %q", path, a.String(), b.String())
		}
	default:
		return fmt.Sprintf("%s: cannot compare a %s", path, a.Kind())
	}
	return ""
}

var snakeKey = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// badKeys walks a JSON document and returns every object key that is not
// snake_case, with its path. Keys of maps keyed by IDs (marks by criterion,
// votes by unit) are data, not field names, and are skipped by the caller
// naming the paths that hold them.
func badKeys(t *testing.T, b []byte, dataMaps map[string]bool) []string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var doc any
	require.NoError(t, dec.Decode(&doc))
	var bad []string
	var walk func(v any, path string)
	walk = func(v any, path string) {
		switch v := v.(type) {
		case map[string]any:
			data := dataMaps[path]
			for k, e := range v {
				p := path + "." + k
				if data {
					p = path + ".*"
				} else if !snakeKey.MatchString(k) {
					bad = append(bad, path+"."+k)
				}
				walk(e, p)
			}
		case []any:
			for _, e := range v {
				walk(e, path+"[]")
			}
		}
	}
	walk(doc, "")
	return bad
}

// jsonRoundTrip encodes v, decodes it into a new value of its type, and checks
// that the decoded value is the same and encodes to the same bytes. It
// returns the encoding.
func jsonRoundTrip[T any](t *testing.T, v T) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), "decoding %s", b)
	assert.Empty(t, sameValue(v, back), "the decoded value differs")
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again), "re-encoding gives other bytes")
	return b
}

// The maps whose keys are IDs, not field names.
var idKeyed = map[string]bool{
	".review.assessments[].marks":    true,
	".votes[].result.rounds[].votes": true,
	".review.rules.thresholds":       true, // keyed by award
	".rules.thresholds":              true,
	".thresholds":                    true,
	".standings.ranked[].subtotals":  true,
}

// The done-when test of the JSON forms: a concluded outcome of the seed
// review encodes, decodes to the same value, re-encodes to the same bytes, and
// has no key that is not snake_case.
func TestOutcomeJSONRoundTrip(t *testing.T) {
	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	require.NotEmpty(t, o.Votes)
	b := jsonRoundTrip(t, o)
	assert.Empty(t, badKeys(t, b, idKeyed), "keys that are not snake_case")

	var back Outcome
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, o.Standings.Equal(back.Standings))
	assert.True(t, o.Decision.Equal(back.Decision))
	assert.True(t, o.Rules.Equal(back.Rules))
	assert.True(t, o.Next.Equal(back.Next))
	require.Len(t, back.Votes, len(o.Votes))
	for i := range o.Votes {
		assert.True(t, o.Votes[i].Result.Equal(back.Votes[i].Result), "vote %d", i)
	}
	assert.Equal(t, o.Leadership, back.Leadership)
}

func TestOutcomeJSONBadInput(t *testing.T) {
	o, err := tieReview(t).Conclude()
	require.NoError(t, err)
	good, err := json.Marshal(o)
	require.NoError(t, err)
	var back Outcome
	require.NoError(t, json.Unmarshal(good, &back))
	cases := []struct {
		name, json string
		err        error
	}{
		{"empty", `{}`, ErrMissingPart},
		{"no rules", editOutcomeRules(t, good, nil), ErrMissingPart},
		{"rules with no name", editOutcomeRules(t, good, func(rules map[string]json.RawMessage) { rules["name"] = json.RawMessage(`""`) }), ErrBlankName},
		{"review of another year", strings.Replace(string(good), `"date":"2024-12-10"`, `"date":"2027-12-10"`, 1), ErrYearMismatch},
		{"a vote without its contest", strings.Replace(string(good), `"result":{"contest":`, `"result":{"contest_":`, 1), ErrNoCandidates},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.NotEqual(t, string(good), c.json, "the case changes the JSON")
			var v Outcome
			assert.ErrorIs(t, json.Unmarshal([]byte(c.json), &v), c.err)
		})
	}
}

// editOutcomeRules returns the outcome's JSON with its own rule set (not the
// review's) left out (edit nil) or changed by edit.
func editOutcomeRules(t *testing.T, outcome []byte, edit func(rules map[string]json.RawMessage)) string {
	t.Helper()
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(outcome, &top))
	require.Contains(t, top, "rules")
	if edit == nil {
		delete(top, "rules")
	} else {
		var rules map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(top["rules"], &rules))
		edit(rules)
		b, err := json.Marshal(rules)
		require.NoError(t, err)
		top["rules"] = b
	}
	b, err := json.Marshal(top)
	require.NoError(t, err)
	return string(b)
}

// sameValue must see the differences a round trip could introduce, or the
// round-trip tests could not fail.
func TestSameValueSeesDifferences(t *testing.T) {
	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	assert.Empty(t, sameValue(o, o))

	d := decimal.RequireFromString
	l1 := Line{Mark: d("1.5")}
	l2 := Line{Mark: d("1.50")}
	assert.Empty(t, sameValue(l1, l2), "decimals compare by value")
	l2.Mark = d("1.51")
	assert.Contains(t, sameValue(l1, l2), ".Mark")

	st := o.Standings.Ranked()
	other := o
	other.Standings.ranked = append([]Standing(nil), o.Standings.ranked...)
	other.Standings.ranked[0].Total = st[0].Total.Add(d("0.01"))
	assert.Contains(t, sameValue(o, other), ".Standings.ranked[0].Total", "an unexported field's decimal")

	other = o
	other.Next = cluster3()
	assert.Contains(t, sameValue(o, other), ".Next")

	assert.Equal(t, []string{".a.Bad"}, badKeys(t, []byte(`{"a":{"Bad":1,"ok_2":2}}`), nil), "the key walker sees a PascalCase key")
	assert.Empty(t, badKeys(t, []byte(`{"m":{"A.1":"3"}}`), map[string]bool{".m": true}), "keys of an ID-keyed map are data")

	r1 := RejectedBallot{Err: &BallotError{Index: 1, Err: ErrBlankBallot}}
	r2 := RejectedBallot{Err: &BallotError{Index: 1, Err: ErrTooManyMarks}}
	assert.Contains(t, sameValue(r1, r2), ".Err")
}

// A review left with a runoff pending: its outcome has no leadership and no
// next roster yet, and a pending step with its contest.
func TestPendingOutcomeJSONRoundTrip(t *testing.T) {
	r := seedReview(t)
	r.DeputyRounds = [][]Ballot{{{Approve: []UnitID{"hai-duong"}, Count: 4}, {Approve: []UnitID{"vinh-phuc"}, Count: 4}, {}}}
	o, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	require.Equal(t, TieBreakRunoff, o.Pending[0].Kind)
	b := jsonRoundTrip(t, o)
	assert.Empty(t, badKeys(t, b, idKeyed))
	assert.NotContains(t, string(b), `"next"`, "the next roster is pending")
	assert.NotContains(t, string(b), `"leadership"`)
	assert.Contains(t, string(b), `"post":"deputy"`)
	assert.NotContains(t, string(b), `"award":""`, "a leadership vote has no award")
}

func TestPendingJSON(t *testing.T) {
	fallback := Pending{Kind: TieBreakFallback, Award: AwardMinistryMerit, Round: 3, Units: []UnitID{"a", "b"}, Seats: 1, Fallback: FallbackChair}
	b := jsonRoundTrip(t, fallback)
	assert.NotContains(t, string(b), "contest", "a decision has no contest")
	assert.Contains(t, string(b), `"kind":"fallback"`)

	bad := []struct {
		name, json string
		err        error
	}{
		{"no kind", `{"round":2,"units":["a"],"seats":1}`, ErrMissingPart},
		{"unknown kind", `{"kind":"vote","round":2}`, ErrInvalidTieBreak},
		{"a tie-break that is no pending step", `{"kind":"votes","round":2,"units":["a"],"seats":1}`, ErrMissingPart},
		{"runoff without its contest", `{"kind":"runoff","round":2,"units":["a","b"],"seats":1}`, ErrMissingPart},
		{"invalid contest", `{"kind":"runoff","contest":{"candidates":[],"electorate":3,"method":"approval"}}`, ErrNoCandidates},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			var p Pending
			assert.ErrorIs(t, json.Unmarshal([]byte(c.json), &p), c.err)
		})
	}
}

func TestResultJSON(t *testing.T) {
	c := MustContest(ContestSpec{ID: "x", Candidates: []UnitID{"a", "b", "c"}, Electorate: 5, Method: MethodApproval, MaxMarks: 1,
		Threshold: AtLeast(1, 2).Of(BaseValid)})
	res, err := c.Tally([]Ballot{
		{Approve: []UnitID{"a"}, Count: 2}, {Approve: []UnitID{"a", "b"}}, {Approve: []UnitID{"z"}}, {},
	})
	require.NoError(t, err)
	require.Len(t, res.Rejected, 3, "two marks, an unknown candidate, a blank ballot")
	b := jsonRoundTrip(t, res)
	assert.Empty(t, badKeys(t, b, nil))
	var back Result
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, res.Equal(back))
	for i, r := range back.Rejected {
		assert.ErrorIs(t, r.Err, errUnwrapAll(res.Rejected[i].Err), "rejected ballot %d keeps its reason", i)
	}
	assert.Regexp(t, `"digest":"[0-9a-f]{64}"`, string(b))

	ranked := MustContest(ContestSpec{ID: "y", Candidates: []UnitID{"a", "b", "c"}, Electorate: 3, Method: MethodInstantRunoff})
	res, err = ranked.Tally([]Ballot{{Ranking: [][]UnitID{{"a"}, {"b"}}}, {Ranking: [][]UnitID{{"b"}}}, {Ranking: [][]UnitID{{"c"}, {"a"}}}})
	require.NoError(t, err)
	require.NotEmpty(t, res.Rounds)
	assert.Empty(t, badKeys(t, jsonRoundTrip(t, res), map[string]bool{".rounds[].votes": true}))

	good, err := json.Marshal(res)
	require.NoError(t, err)
	bad := []struct {
		name, from, to string
		err            error
	}{
		{"cast not valid plus invalid", `"cast":3`, `"cast":4`, ErrInvalidVoteCount},
		{"short digest", `"digest":"`, `"digest":"00`, ErrInvalidVoteCount},
		{"invalid contest", `"electorate":3`, `"electorate":0`, ErrInvalidElectorate},
		{"no contest", `"contest":{`, `"contest_":{`, ErrNoCandidates},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			in := bytes.Replace(good, []byte(c.from), []byte(c.to), 1)
			require.NotEqual(t, string(good), string(in), "the case changes the JSON")
			var r Result
			assert.ErrorIs(t, json.Unmarshal(in, &r), c.err)
		})
	}
}

// errUnwrapAll returns the innermost error of a chain.
func errUnwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}

func TestRejectedBallotJSON(t *testing.T) {
	for _, rr := range rejectionReasons {
		r := RejectedBallot{Index: 2, Votes: 3, Err: &BallotError{Index: 2, Candidate: "a", Err: rr.err}}
		b := jsonRoundTrip(t, r)
		assert.Contains(t, string(b), `"reason":"`+rr.key+`"`)
	}
	_, err := json.Marshal(RejectedBallot{Err: ErrBlankBallot})
	assert.ErrorIs(t, err, ErrUnknownReason, "not a *BallotError")
	_, err = json.Marshal(RejectedBallot{Err: &BallotError{Err: ErrNoQuorum}})
	assert.ErrorIs(t, err, ErrUnknownReason, "not a reason a tally rejects for")
	var r RejectedBallot
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"index":0,"votes":1,"error":{"reason":"smudged"}}`), &r), ErrUnknownReason)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"index":-1,"votes":1,"error":{"reason":"blank"}}`), &r), ErrInvalidVoteCount)
}

func TestStandingsJSON(t *testing.T) {
	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	b := jsonRoundTrip(t, o.Standings)
	assert.Empty(t, badKeys(t, b, map[string]bool{".ranked[].subtotals": true}))
	assert.Contains(t, string(b), `"subtotals":{"`, "subtotals are an object keyed by group")
	var back Standings
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, o.Standings.Equal(back))
	top := o.Standings.Ranked()[0]
	got, ok := back.Of(top.Unit)
	require.True(t, ok, "the decoded standings find their units")
	assert.True(t, top.Equal(got))

	assert.Equal(t, `{"cluster":"","year":0,"scorecard":"","ranked":null}`, string(jsonRoundTrip(t, Standings{})), "the zero Standings encodes")

	bad := []struct {
		name, json string
		err        error
	}{
		{"duplicate unit", `{"ranked":[{"unit":"a","rank":1},{"unit":"a","rank":2}]}`, ErrDuplicateUnit},
		{"invalid unit", `{"ranked":[{"unit":"","rank":1}]}`, ErrInvalidID},
		{"first rank not 1", `{"ranked":[{"unit":"a","rank":2}]}`, ErrInvalidRank},
		{"rank skips", `{"ranked":[{"unit":"a","rank":1},{"unit":"b","rank":3}]}`, ErrInvalidRank},
		{"tie then wrong rank", `{"ranked":[{"unit":"a","rank":1},{"unit":"b","rank":1},{"unit":"c","rank":2}]}`, ErrInvalidRank},
		{"year out of range", `{"year":-4,"ranked":[]}`, ErrYearOutOfRange},
		{"bad decimal", `{"ranked":[{"unit":"a","rank":1,"total":"x"}]}`, nil},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) {
			var st Standings
			err := json.Unmarshal([]byte(c.json), &st)
			require.Error(t, err)
			if c.err != nil {
				assert.ErrorIs(t, err, c.err)
			}
		})
	}
}

// Every other value a caller keeps or sends, each from a real computation.
func TestValuesJSONRoundTrip(t *testing.T) {
	r := seedReview(t)
	require.NotEmpty(t, r.Rules.Name, "the seed review carries the cluster's own regulation")
	assert.Contains(t, string(jsonRoundTrip(t, r)), `"rules":{"name":"Nghị định 91/2017/NĐ-CP; Quy chế`)
	noRules := r
	noRules.Rules = RuleSet{}
	assert.NotContains(t, string(jsonRoundTrip(t, noRules)), `"rules"`, "the zero RuleSet is left out, as the tag says")
	withRules := r
	withRules.Rules = Decree91_2017()
	assert.Contains(t, string(jsonRoundTrip(t, withRules)), `"rules":{"name":"Nghị định 91/2017/NĐ-CP"`)
	jsonRoundTrip(t, r.Cluster)
	jsonRoundTrip(t, r.Scorecard)
	jsonRoundTrip(t, r.Succession)
	jsonRoundTrip(t, r.History)
	o, err := r.Conclude()
	require.NoError(t, err)
	for name, v := range map[string]any{
		"Decision": o.Decision, "Leadership": o.Leadership, "RuleSet": o.Rules,
		"VoteRecord": o.Votes[0], "Proposal": o.Decision.Proposals[0], "Declined": o.Decision.Declined[0],
	} {
		t.Run(name, func(t *testing.T) {
			b, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Empty(t, badKeys(t, b, idKeyed))
			back := reflect.New(reflect.TypeOf(v))
			require.NoError(t, json.Unmarshal(b, back.Interface()))
			assert.Empty(t, sameValue(v, back.Elem().Interface()))
			again, err := json.Marshal(back.Elem().Interface())
			require.NoError(t, err)
			assert.Equal(t, string(b), string(again))
		})
	}

	plan, err := Succession{Method: SuccessionRoundRobin, Order: r.Cluster.MemberIDs()}.Plan(r.Cluster, History{}, 9, nil)
	require.NoError(t, err)
	b := jsonRoundTrip(t, plan)
	assert.Empty(t, badKeys(t, b, map[string]bool{".first_leads": true}))
	assert.Contains(t, string(b), `"first_leads":{"`, "an object keyed by unit")

	reorg, err := cluster3().Reorganize(2025, reorg2025)
	require.NoError(t, err)
	b = jsonRoundTrip(t, reorg)
	assert.Empty(t, badKeys(t, b, map[string]bool{".successors": true}))

	res := o.Votes[0].Result
	sel := Selection{DeputyVote: &res, Assigned: &Leadership{Year: 2024, Leader: "nam-dinh"}}
	b = jsonRoundTrip(t, sel)
	assert.Empty(t, badKeys(t, b, nil))

	in := DecideInput{Cluster: r.Cluster, Standings: o.Standings, Votes: map[Award]Result{AwardMinistryFlag: res},
		Settled: []Settlement{{Award: AwardMinistryMerit, By: TieBreakRunoff, Round: 2, Order: [][]UnitID{{"a"}, {"b"}}}}}
	b = jsonRoundTrip(t, in)
	assert.Empty(t, badKeys(t, b, map[string]bool{".votes": true, ".standings.ranked[].subtotals": true}))

	jsonRoundTrip(t, Settlement{Award: AwardMinistryMerit, By: TieBreakFallback, Fallback: FallbackChair, Round: 3, Order: [][]UnitID{{"a"}, {"b", "c"}}})
	jsonRoundTrip(t, Settlement{Award: AwardMinistryMerit, By: TieBreakFallback, Order: [][]UnitID{{"a"}}})
	assert.Equal(t, `{"num":4,"den":5}`, string(jsonRoundTrip(t, AtLeast(4, 5))))
	assert.Equal(t, `{"num":1,"den":2,"strict":true}`, string(jsonRoundTrip(t, MoreThan(1, 2))))
}

// A leadership vote record has the zero Award, which JSON leaves out.
func TestVoteRecordZeroAward(t *testing.T) {
	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	res := o.Votes[0].Result
	b := jsonRoundTrip(t, VoteRecord{Post: RoleDeputy, Round: 1, Result: res})
	assert.NotContains(t, string(b), `"award"`)
	assert.Contains(t, string(b), `"post":"deputy"`)
}

func TestPendingKindAndConstraintText(t *testing.T) {
	fallback := Pending{Kind: TieBreakFallback, Award: AwardMinistryFlag, Round: 2, Units: []UnitID{"a", "b"}, Seats: 1, Fallback: FallbackChair}
	b, err := json.Marshal(fallback)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"fallback"`)
	for _, k := range []TieBreak{TieBreakNone, TieBreakVotes, TieBreakEqualMerit, TieBreak(9)} {
		p := fallback
		p.Kind = k
		_, err := json.Marshal(p)
		require.ErrorIs(t, err, ErrMissingPart, "a pending step of kind %v", k)
		err = json.Unmarshal([]byte(strings.Replace(string(b), `"fallback"`, `"`+k.String()+`"`, 1)), &p)
		require.Error(t, err, "a pending step of kind %v", k)
	}
	enumRoundTrip[Constraint](t, "Constraint", constraints, ErrInvalidSuccession)
	b = jsonRoundTrip(t, Violation{Year: 2025, Unit: "a", Constraint: ConstraintNoConsecutive, Detail: "led 2024"})
	assert.Equal(t, `{"year":2025,"unit":"a","constraint":"no consecutive terms","detail":"led 2024"}`, string(b))
}

func TestConstraintIsValid(t *testing.T) {
	assert.True(t, ConstraintMethod.IsValid())
	assert.False(t, Constraint(0).IsValid())
}

// Whatever bytes decode into one of the JSON forms of json.go, the value
// decoded encodes, decodes to the same value and re-encodes to the same
// bytes: decoding accepts only what encoding can give back.
func FuzzJSONDecoders(f *testing.F) {
	o, err := tieReview(&testing.T{}).Conclude()
	if err != nil {
		f.Fatal(err)
	}
	res := o.Votes[0].Result
	for _, v := range []any{o, o.Standings, res, o.Pending[0], o.Pending[0].Contest,
		RejectedBallot{Index: 1, Votes: 2, Err: &BallotError{Index: 1, Candidate: "a", Err: ErrUnknownCandidate}},
		Pending{Kind: TieBreakFallback, Award: AwardMinistryFlag, Round: 2, Units: []UnitID{"a", "b"}, Seats: 1, Fallback: FallbackChair},
		RequireMinTotal(decimal.RequireFromString("90.5")), RequireRank(3), RequireTitle(AwardExcellentCollective),
		seedAwardRules(&testing.T{}), Presets()} {
		b, err := json.Marshal(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		fuzzRoundTrip[Standings](t, b)
		fuzzRoundTrip[Result](t, b)
		fuzzRoundTrip[Pending](t, b)
		fuzzRoundTrip[RejectedBallot](t, b)
		fuzzRoundTrip[Leadership](t, b)
		fuzzRoundTrip[Outcome](t, b)
		fuzzRoundTrip[Standard](t, b)
		fuzzRoundTrip[AwardRules](t, b)
		fuzzRoundTrip[RuleBook](t, b)
	})
}

func fuzzRoundTrip[T any](t *testing.T, b []byte) {
	var v T
	if json.Unmarshal(b, &v) == nil {
		jsonRoundTrip(t, v)
	}
}

// Every exported field of every struct a caller keeps or sends, reached from
// the roots below, names its JSON key in a snake_case tag, so that a field
// added later without one fails here even when the seed case leaves it empty.
// Types with their own MarshalJSON are checked too when their tags document
// what the method writes; the others (specs with unexported fields, a
// tie-breaker) are skipped, and their JSON forms are tested by round trips.
func TestJSONTagsAreSnakeCase(t *testing.T) {
	bad, seen := untaggedFields(Outcome{}, Plan{}, Reorganization{}, Selection{}, DecideInput{}, Violation{},
		ClusterSpec{}, ContestSpec{}, ScorecardSpec{}, Candidate{}, RuleSet{}, Facts{},
		Standard{}, AwardRules{}, RuleBook{})
	assert.Empty(t, bad, "fields without a snake_case json tag")
	assert.Greater(t, seen, 25, "the walk reached the types it should")

	type inner struct {
		Fine  int `json:"fine"`
		Wrong int `json:"Wrong"`
	}
	type outer struct {
		Untagged int
		Inner    []inner `json:"inner"`
	}
	bad, _ = untaggedFields(outer{})
	assert.ElementsMatch(t, []string{"outer.Untagged", "inner.Wrong"}, bad, "the walk finds what it should")
}

// untaggedFields walks the struct types of this package reachable from roots
// and returns each exported field whose json tag is not a snake_case name
// (or "-"), and how many types it visited.
func untaggedFields(roots ...any) ([]string, int) {
	documented := map[reflect.Type]bool{
		reflect.TypeFor[Outcome](): true, reflect.TypeFor[Result](): true, reflect.TypeFor[Pending](): true,
		reflect.TypeFor[Review](): true, reflect.TypeFor[RejectedBallot](): true,
	}
	marshaler := reflect.TypeFor[json.Marshaler]()
	textMarshaler := reflect.TypeFor[encoding.TextMarshaler]()
	pkg := reflect.TypeFor[Outcome]().PkgPath()
	seen := map[reflect.Type]bool{}
	var bad []string
	var visit func(reflect.Type)
	visit = func(typ reflect.Type) {
		for typ.Kind() == reflect.Pointer || typ.Kind() == reflect.Slice || typ.Kind() == reflect.Array || typ.Kind() == reflect.Map {
			if typ.Kind() == reflect.Map {
				visit(typ.Key())
			}
			typ = typ.Elem()
		}
		if typ.Kind() != reflect.Struct || typ.PkgPath() != pkg || seen[typ] {
			return
		}
		seen[typ] = true
		if (typ.Implements(marshaler) || typ.Implements(textMarshaler)) && !documented[typ] {
			return
		}
		for i := range typ.NumField() {
			f := typ.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "-" && !snakeKey.MatchString(name) {
				bad = append(bad, typ.Name()+"."+f.Name)
			}
			visit(f.Type)
		}
	}
	for _, root := range roots {
		visit(reflect.TypeOf(root))
	}
	return bad, len(seen)
}

// The cost of the JSON forms on the seed outcome, beside the baseline of
// encoding and decoding the review it came from (which json.go does not
// touch).
func BenchmarkOutcomeJSON(b *testing.B) {
	r := seedReview(b)
	o, err := r.Conclude()
	require.NoError(b, err)
	ob, err := json.Marshal(o)
	require.NoError(b, err)
	rb, err := json.Marshal(r)
	require.NoError(b, err)
	b.Run("baseline-review-encode", func(b *testing.B) {
		for range b.N {
			_, _ = json.Marshal(r)
		}
	})
	b.Run("outcome-encode", func(b *testing.B) {
		for range b.N {
			_, _ = json.Marshal(o)
		}
	})
	b.Run("baseline-review-decode", func(b *testing.B) {
		for range b.N {
			var v Review
			_ = json.Unmarshal(rb, &v)
		}
	})
	b.Run("outcome-decode", func(b *testing.B) {
		for range b.N {
			var v Outcome
			_ = json.Unmarshal(ob, &v)
		}
	})
	b.Logf("outcome %d bytes, review %d bytes", len(ob), len(rb))
}

// The rules' and the unit record's values travel too: a citation, a rule set
// with the changes its layers made, and facts with a record and a discipline
// period.
func TestRulesAndRecordJSONRoundTrip(t *testing.T) {
	rs, err := Compose(Decree98_2023(), Courts2024())
	require.NoError(t, err)
	require.NotEmpty(t, rs.Changes, "the sector layer replaces national values")
	b := jsonRoundTrip(t, rs)
	assert.Empty(t, badKeys(t, b, map[string]bool{".thresholds": true}))
	assert.Contains(t, string(b), `"thresholds":{"government-flag":{`, "keyed by award")
	assert.Contains(t, string(b), `"changes":[{"rule":`)
	back := RuleSet{}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, rs.Equal(back))
	c := rs.Changes[0]
	assert.Empty(t, badKeys(t, jsonRoundTrip(t, c), nil))

	f := Facts{Unit: "a", ExcellentYears: 2, Titles: []Award{AwardExcellentCollective},
		Record: []YearRecord{
			{Year: 2024, Rating: RatingGood, Awards: []Award{AwardMinistryMerit}},
			{Year: 2025, Rating: RatingExcellent, Titles: []Award{AwardMinistryFlag}, Led: []ClusterID{"cum-3"}},
		},
		Discipline: []DisciplinePeriod{{From: MustDate(2025, time.March, 1), Until: MustDate(2025, time.August, 31)}}}
	b = jsonRoundTrip(t, f)
	assert.Empty(t, badKeys(t, b, nil))
	assert.Contains(t, string(b), `"rating":"excellent"`)
}
