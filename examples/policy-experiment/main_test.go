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
// the text: the stricter the threshold, the more years without a flag and the
// more years the top scorer misses it.
func TestStricterRulesLeaveMoreYearsWithoutFlag(t *testing.T) {
	c, err := cluster3()
	require.NoError(t, err)
	card, err := thidua.NewScorecard(scorecard())
	require.NoError(t, err)
	e, err := experiment(c, card, 500)
	require.NoError(t, err)
	rep, err := e.Run(rand.New(rand.NewPCG(2023, 1)))
	require.NoError(t, err)
	require.Len(t, rep.Variants, 3)
	flag := func(i int) thidua.AwardCount {
		a, ok := rep.Variants[i].Award(thidua.MinistryFlag)
		require.True(t, ok)
		return a
	}
	for i := 1; i < 3; i++ {
		assert.Greater(t, flag(i-1).NotProposed, flag(i).NotProposed, "%s vs %s", rep.Variants[i-1].Name, rep.Variants[i].Name)
		assert.GreaterOrEqual(t, flag(i-1).TopMissed, flag(i).TopMissed)
	}
	for i := range 3 {
		assert.GreaterOrEqual(t, flag(i).TopMissed, flag(i).NotProposed, "a year without a flag is a year the top scorer misses it")
	}
}
