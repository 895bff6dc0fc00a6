package thidua

import (
	"cmp"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// vector is one file of testdata/vectors (format: shared/vectors/README.md).
type vector struct {
	ID      string `json:"id"`
	Method  string `json:"method"`
	Options struct {
		BordaBase    int    `json:"borda_base"`
		Minimax      string `json:"minimax"`
		MaxApprovals int    `json:"max_approvals"`
		Threshold    *struct {
			Ratio  string `json:"ratio"`
			Strict bool   `json:"strict"`
			Of     string `json:"of"`
		} `json:"threshold"`
	} `json:"options"`
	Candidates []UnitID `json:"candidates"`
	Ballots    []Ballot `json:"ballots"`
	Expect     struct {
		Winners []UnitID               `json:"winners"`
		Ranking [][]UnitID             `json:"ranking"`
		Scores  map[UnitID]json.Number `json:"scores"`
		Rounds  []map[UnitID]int       `json:"rounds"`
		Passed  []UnitID               `json:"passed"`
		Cast    *int                   `json:"cast"`
		Valid   *int                   `json:"valid"`
		Invalid *int                   `json:"invalid"`
		Blank   *int                   `json:"blank"`
	} `json:"expect"`
}

// spec turns the vector into a contest: the electorate is every vote cast,
// and blank ballots are valid (the vectors count them among the valid).
func (v vector) spec(t *testing.T) ContestSpec {
	name := v.Method
	if name == "minimax" { // the vectors give the minimax variant as an option
		variant := cmp.Or(v.Options.Minimax, "winning_votes")
		name += "_" + strings.TrimPrefix(variant, "pairwise_")
	}
	var m Method
	require.NoError(t, m.UnmarshalText([]byte(name)), "a method the library does not know is a failure")
	s := ContestSpec{ID: ContestID(v.ID), Candidates: v.Candidates, Method: m, BordaBase: v.Options.BordaBase,
		MaxMarks: v.Options.MaxApprovals, BlankValid: true}
	if th := v.Options.Threshold; th != nil {
		num, den, ok := strings.Cut(th.Ratio, "/")
		require.True(t, ok, "ratio %q", th.Ratio)
		a, err := strconv.ParseInt(num, 10, 64)
		require.NoError(t, err)
		b, err := strconv.ParseInt(den, 10, 64)
		require.NoError(t, err)
		var base Base
		require.NoError(t, base.UnmarshalText([]byte(th.Of)))
		s.Threshold = Share{num: a, den: b, strict: th.Strict}.Of(base)
	}
	for _, b := range v.Ballots {
		s.Electorate += orOne(b.Count) * orOne(b.Weight)
	}
	return s
}

func TestVectors(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "vectors", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".json"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			var v vector
			require.NoError(t, json.Unmarshal(data, &v))
			c, err := NewContest(v.spec(t))
			require.NoError(t, err)
			r, err := c.Tally(v.Ballots)
			require.NoError(t, err)
			e := v.Expect
			if e.Winners != nil {
				assert.ElementsMatch(t, e.Winners, r.Winners, "winners")
			}
			if e.Ranking != nil {
				require.Len(t, r.Ranking, len(e.Ranking), "ranking %v", r.Ranking)
				for k := range e.Ranking {
					assert.ElementsMatch(t, e.Ranking[k], r.Ranking[k], "tier %d of %v", k, r.Ranking)
				}
			}
			for id, want := range e.Scores {
				w, err := decimal.NewFromString(want.String())
				require.NoError(t, err)
				assert.True(t, w.Equal(r.Score(id)), "score of %s: want %s, got %s", id, w, r.Score(id))
			}
			if e.Rounds != nil {
				require.Len(t, r.Rounds, len(e.Rounds))
				for k := range e.Rounds {
					assert.Equal(t, e.Rounds[k], r.Rounds[k].Votes, "round %d", k+1)
				}
			}
			if e.Passed != nil {
				assert.ElementsMatch(t, e.Passed, r.Passed, "passed")
			}
			for name, p := range map[string]struct {
				want *int
				got  int
			}{"cast": {e.Cast, r.Cast}, "valid": {e.Valid, r.Valid}, "invalid": {e.Invalid, r.Invalid}, "blank": {e.Blank, r.Blank}} {
				if p.want != nil {
					assert.Equal(t, *p.want, p.got, name)
				}
			}
			assert.Equal(t, r.Cast, r.Valid+r.Invalid)
		})
	}
}
