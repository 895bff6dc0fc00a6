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
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
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

// What the example is there to show, asserted on the outcome rather than the
// text.
func TestCouncilDecides(t *testing.T) {
	o, err := conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Equal(t, "Nghị định 152/2025/NĐ-CP; Luật 06/2026/QH16; Thông tư 25/2025/TT-BKHCN", o.Rules.Name)
	assert.Equal(t, council.Count{Members: 13, Present: 11, Written: 1, Substitutes: 1, Guests: 1,
		Attending: 12, Voting: 13, QuorumNeeded: 9, AwardNeeded: 11}, o.Count)
	require.Len(t, o.Session.Clusters, 5)
	for _, r := range o.Session.Clusters {
		if r.Cluster == "cluster-3" {
			assert.Len(t, r.Units, 6, "Cluster 3 after the 2025 mergers")
		}
	}

	// The quota: floor(20% × 5 leaders) = 1.
	assert.Len(t, o.Leaders, 5)
	assert.Equal(t, 1, o.GovFlagSeats)
	require.Len(t, o.ToPrimeMinister, 1)
	gf := o.ToPrimeMinister[0]
	assert.Equal(t, thidua.AwardGovernmentFlag, gf.Award)
	assert.Equal(t, thidua.UnitID("ha-noi"), gf.Unit)
	assert.Equal(t, thidua.ClusterID("cluster-2"), gf.Cluster, "the proposal names the cluster it led")

	// The tie at the quota, settled by the Chair's vote.
	assert.Equal(t, thidua.TieBreakFallback, gf.DecidedBy)
	require.Len(t, o.Settled, 1)
	assert.Equal(t, [][]thidua.UnitID{{"ha-noi"}, {"thai-nguyen"}}, o.Settled[0].Order)

	// Refused: Bắc Ninh passed the vote but does not meet the flag standard.
	refused := map[thidua.Award]map[thidua.UnitID]thidua.DeclineReason{}
	for _, r := range o.Refused {
		if refused[r.Award] == nil {
			refused[r.Award] = map[thidua.UnitID]thidua.DeclineReason{}
		}
		refused[r.Award][r.Unit] = r.Reason
	}
	assert.Equal(t, thidua.DeclinedStandard, refused[thidua.AwardGovernmentFlag]["bac-ninh"])
	assert.Equal(t, thidua.DeclinedQuotaFull, refused[thidua.AwardGovernmentFlag]["thai-nguyen"])
	assert.Equal(t, thidua.DeclinedVoteShort, refused[thidua.AwardMinistryFlag]["dong-nai"])
	// Hưng Yên's record breaks the two excellent years of the Certificate of
	// Merit in 2025, and the refusal says so.
	assert.Equal(t, thidua.DeclinedStandard, refused[thidua.AwardMinistryMerit]["hung-yen"])
	for _, r := range o.Refused {
		if r.Unit == "hung-yen" {
			assert.Equal(t, []int{2025}, r.Years)
		}
	}
	// The secret ballot and the order over quota come from the rule set.
	assert.False(t, o.Secret)
	assert.True(t, o.Rules.VotesFirst, "Thông tư 25/2025/TT-BKHCN Điều 23")

	// The documents: the minutes, then one vote-count record per tally, each
	// annexed to the minutes, in both languages.
	for _, lang := range []document.Language{document.Vietnamese, document.English} {
		m, err := o.Minutes(lang)
		require.NoError(t, err)
		assert.Empty(t, m.Check())
		vcs, err := o.VoteCounts(lang)
		require.NoError(t, err)
		require.Len(t, vcs, len(o.Votes))
		for _, vc := range vcs {
			assert.Empty(t, vc.Check())
			assert.Equal(t, 13, vc.Issued)
		}
	}

	// Thái Nguyên, second at the Government flag, keeps the ministry flag its
	// cluster proposed; nobody gets two awards.
	award, ok := o.Decision.AwardOf("thai-nguyen")
	assert.True(t, ok)
	assert.Equal(t, thidua.AwardMinistryFlag, award)
	seen := map[thidua.UnitID]bool{}
	for _, p := range o.Decision.Proposals {
		assert.False(t, seen[p.Unit], "two awards for %s", p.Unit)
		seen[p.Unit] = true
	}
	// Every vote is accounted for.
	for _, v := range o.Votes {
		assert.Equal(t, v.Result.Cast, v.Result.Valid+v.Result.Invalid)
		assert.Equal(t, 13, v.Result.Cast, "12 attending and one written opinion")
	}
}

// The session and its outcome, with reports from real cluster reviews, go
// through JSON and back unchanged.
func TestJSONRoundTrip(t *testing.T) {
	o, err := conclude()
	require.NoError(t, err)
	b, err := json.Marshal(o)
	require.NoError(t, err)
	var back council.Outcome
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, o.Equal(back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))

	// The session decoded concludes to the same outcome.
	o2, err := back.Session.Conclude()
	require.NoError(t, err)
	assert.True(t, o.Equal(o2))
}
