package main

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/experiment"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden")

// TestOutput runs the program on 500 years (and samples) instead of 10,000,
// so that go test stays quick, and compares with the golden file.
func TestOutput(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf, 500, 2023))
	golden := filepath.Join("testdata", "output.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// The three rules in order of strictness, asserted on the counts rather than
// the text: the stricter the threshold, the more years without a flag (or as
// many) and the more years the top scorer misses it (or as many).
func TestStricterRulesLeaveMoreYearsWithoutFlag(t *testing.T) {
	c, err := cluster3()
	require.NoError(t, err)
	card, err := thidua.NewScorecard(scorecard())
	require.NoError(t, err)
	e, err := flagExperiment(c, card, 500)
	require.NoError(t, err)
	rep, err := e.Run(rand.New(rand.NewPCG(2023, 1)))
	require.NoError(t, err)
	require.Len(t, rep.Variants, 3)
	flag := func(i int) experiment.AwardCount {
		a, ok := rep.Variants[i].Award(thidua.AwardMinistryFlag)
		require.True(t, ok)
		return a
	}
	// 80% of all members is far stricter than 2/3 of those present. A unit with
	// 2/3 of those present also has more than half the valid ballots (valid ≤
	// present), so the third rule never leaves a flag the second gives: at
	// least as many years, and in some draws exactly as many.
	assert.Greater(t, flag(0).NotProposed, flag(1).NotProposed, "%s vs %s", rep.Variants[0].Name, rep.Variants[1].Name)
	assert.GreaterOrEqual(t, flag(1).NotProposed, flag(2).NotProposed, "%s vs %s", rep.Variants[1].Name, rep.Variants[2].Name)
	for i := 1; i < 3; i++ {
		assert.GreaterOrEqual(t, flag(i-1).TopMissed, flag(i).TopMissed)
	}
	for i := range 3 {
		assert.GreaterOrEqual(t, flag(i).TopMissed, flag(i).NotProposed, "a year without a flag is a year the top scorer misses it")
	}
}
