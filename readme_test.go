package thidua

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readmeBlocks returns the ```go blocks of a Markdown text, in order.
func readmeBlocks(md string) []string {
	var out []string
	for _, m := range regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(md, -1) {
		out = append(out, strings.TrimSuffix(m[1], "\n"))
	}
	return out
}

// quotedSnippets returns the snippets of a Go file that lie between
// "// README: begin" and "// README: end" lines, in order, with one leading
// tab taken off each line. A line inside a snippet that is neither empty nor
// indented by a tab is an error, and so is a snippet left open.
func quotedSnippets(t *testing.T, src string) []string {
	t.Helper()
	var out []string
	var cur []string
	open := false
	for i, line := range strings.Split(src, "\n") {
		switch strings.TrimSpace(line) {
		case "// README: begin":
			require.False(t, open, "line %d: a snippet begins inside another", i+1)
			open, cur = true, nil
			continue
		case "// README: end":
			require.True(t, open, "line %d: a snippet ends that did not begin", i+1)
			out, open = append(out, strings.Join(cur, "\n")), false
			continue
		}
		if open {
			require.True(t, line == "" || strings.HasPrefix(line, "\t"), "line %d is not indented", i+1)
			cur = append(cur, strings.TrimPrefix(line, "\t"))
		}
	}
	require.False(t, open, "a snippet is left open")
	return out
}

// Every Go snippet of the README is quoted, verbatim and in order, from
// example_readme_test.go, where Example_readme compiles and runs it; and every
// snippet marked there is in the README. Neither can change alone.
func TestReadmeSnippets(t *testing.T) {
	md, err := os.ReadFile("README.md")
	require.NoError(t, err)
	src, err := os.ReadFile("example_readme_test.go")
	require.NoError(t, err)
	blocks, snippets := readmeBlocks(string(md)), quotedSnippets(t, string(src))
	require.NotEmpty(t, blocks)
	require.Equal(t, len(snippets), len(blocks), "README blocks and quoted snippets")
	for i := range blocks {
		assert.Equal(t, snippets[i], blocks[i], "README Go block %d differs from snippet %d of example_readme_test.go", i+1, i+1)
	}
}

// The helpers find what they should, so that TestReadmeSnippets can fail.
func TestReadmeSnippetHelpers(t *testing.T) {
	md := "text\n```go\na := 1\n\nb := 2\n```\n```sh\nls\n```\n```go\nc()\n```\n"
	assert.Equal(t, []string{"a := 1\n\nb := 2", "c()"}, readmeBlocks(md))
	src := "func f() {\n\t// README: begin\n\ta := 1\n\n\tb := 2\n\t// README: end\n\tx()\n\t// README: begin\n\tc()\n\t// README: end\n}\n"
	assert.Equal(t, []string{"a := 1\n\nb := 2", "c()"}, quotedSnippets(t, src))
}
