package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
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

// The program prints the note, then the documents that package document's
// own test holds as golden files (document/testdata/cluster3-2023/dossier.*.txt):
// the minutes from the national heading to the signatures, one vote-count
// record per ballot, and the proposal.
func TestOutput(t *testing.T) {
	for _, lang := range []document.Language{document.Vietnamese, document.English} {
		var buf bytes.Buffer
		require.NoError(t, run(&buf, lang))
		docs, err := os.ReadFile(filepath.Join("..", "..", "document", "testdata", "cluster3-2023", "dossier."+lang.String()+".txt"))
		require.NoError(t, err)
		assert.Equal(t, note+"\n"+string(docs), buf.String())
	}
	var buf bytes.Buffer
	require.NoError(t, run(&buf, document.Vietnamese))
	out := buf.String()
	heading := strings.Index(out, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	signatures := strings.Index(out, "CHỦ TỌA")
	first, last := strings.Index(out, "BIÊN BẢN KIỂM PHIẾU"), strings.LastIndex(out, "BIÊN BẢN KIỂM PHIẾU")
	proposal := strings.Index(out, "TỜ TRÌNH")
	assert.True(t, 0 < heading && heading < signatures && signatures < first && first < last && last < proposal,
		"minutes, then the vote-count records, then the proposal")
	assert.Equal(t, 3, strings.Count(out, "BIÊN BẢN KIỂM PHIẾU"), "one record per ballot")
}

// -html writes each document to the folder, as the files the package renders.
func TestWriteHTML(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	require.NoError(t, writeHTML(dir, document.Vietnamese))
	d, err := dossier(document.Vietnamese)
	require.NoError(t, err)
	files := htmlFiles(d)
	require.Len(t, files, 5)
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, want, string(got), name)
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
		thidua.AwardMinistryFlag:  {"bac-ninh"},
		thidua.AwardMinistryMerit: {"hai-duong", "vinh-phuc"},
	}, got)
	assert.Equal(t, thidua.UnitID("nam-dinh"), o.Leadership.Leader)
	assert.Equal(t, thidua.UnitID("hai-duong"), o.Leadership.Deputy)
	assert.Equal(t, 2024, o.Next.Year())

	var buf bytes.Buffer
	require.NoError(t, run(&buf, document.Vietnamese))
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
