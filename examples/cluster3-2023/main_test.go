package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with the file at path, or rewrites it under -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

// The program prints the note, then the minutes that the package's own test
// holds as golden files (testdata/cluster3-2023/minutes*.golden at the root).
func TestOutput(t *testing.T) {
	for _, tt := range []struct {
		lang thidua.Language
		file string
	}{{thidua.LangVietnamese, "minutes.golden"}, {thidua.LangEnglish, "minutes-en.golden"}} {
		var buf bytes.Buffer
		require.NoError(t, run(&buf, tt.lang))
		minutes, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cluster3-2023", tt.file))
		require.NoError(t, err)
		assert.Equal(t, note+"\n"+string(minutes), buf.String())
	}
}

// The program must reach the article's outcome, whatever the illustrative
// figures are.
func TestArticleOutcome(t *testing.T) {
	review, err := SeedReview()
	require.NoError(t, err)
	o, err := review.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete(), "nothing pending: %v", o.Pending)

	got := map[thidua.Award][]thidua.UnitID{}
	for _, p := range o.Decision.Proposals {
		got[p.Award] = append(got[p.Award], p.Unit)
	}
	assert.Equal(t, map[thidua.Award][]thidua.UnitID{
		thidua.MinistryFlag:  {"bac-ninh"},
		thidua.MinistryMerit: {"hai-duong", "vinh-phuc"},
	}, got)
	assert.Equal(t, thidua.UnitID("nam-dinh"), o.Leadership.Leader)
	assert.Equal(t, thidua.UnitID("hai-duong"), o.Leadership.Deputy)
	assert.Equal(t, 2024, o.Next.Year())

	var buf bytes.Buffer
	require.NoError(t, run(&buf, thidua.LangVietnamese))
	assert.Contains(t, buf.String(), "số liệu minh họa", "the program says the figures are illustrative")
}

// The seed case's inputs, as JSON, live in the repository's testdata so that
// the package's own test can run the review from data; this keeps that file
// in step with the program.
func TestSeedJSON(t *testing.T) {
	review, err := SeedReview()
	require.NoError(t, err)
	b, err := json.MarshalIndent(review, "", " ")
	require.NoError(t, err)
	golden(t, filepath.Join("..", "..", "testdata", "cluster3-2023", "review.json"), append(b, '\n'))
}
