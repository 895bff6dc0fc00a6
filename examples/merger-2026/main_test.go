package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
)

var update = flag.Bool("update", false, "rewrite testdata/output.golden")

func TestOutput(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, run(&buf))
	golden := filepath.Join("testdata", "output.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// What the 2025 rules change, asserted on the outcome rather than the text.
func TestDecree152Effects(t *testing.T) {
	r, err := review2026()
	require.NoError(t, err)
	o, err := r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16; Thông tư 25/2025/TT-BKHCN", o.Rules.Name,
		"after 01/10/2026, with the sector's circular")
	assert.True(t, o.Rules.Mentions("06/2026/QH16"))
	assert.True(t, o.Rules.VotesFirst, "TT 25/2025/TT-BKHCN Điều 23")
	assert.False(t, o.Rules.SecretBallot)
	assert.Equal(t, 6, r.Cluster.Len(), "six successor units")

	award := map[thidua.UnitID]thidua.Award{}
	for _, p := range o.Decision.Proposals {
		award[p.Unit] = p.Award
	}
	assert.Equal(t, map[thidua.UnitID]thidua.Award{"bac-ninh": thidua.AwardMinistryFlag, "ninh-binh": thidua.AwardMinistryMerit}, award)
	assert.Equal(t, thidua.TieBreakEqualMerit, o.Decision.Proposals[1].DecidedBy, "Ninh Bình (72% women) over Hải Phòng, equal in rank and votes")
	for _, d := range o.Decision.Declined {
		if d.Unit == "hung-yen" {
			assert.Equal(t, thidua.DeclinedPendingCase, d.Reason, "ranked second, but a complaint is being verified")
		}
		if d.Unit == "phu-tho" && d.Award == thidua.AwardMinistryMerit {
			assert.Equal(t, thidua.DeclinedStandard, d.Reason)
			assert.Equal(t, []int{2025}, d.Years, "rated good in 2025: no two consecutive excellent years")
		}
	}
	assert.Equal(t, thidua.Leadership{Year: 2027, Leader: "bac-ninh", Deputy: "ninh-binh", By: thidua.SuccessionDeputySucceeds}, o.Leadership)
}
