package thidua_test

import (
	"encoding/json"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// The review's documents (package document renders them; its golden files
// hold the seed case's): what a review concludes shows in the minutes.

// documents renders o's dossier in lang.
func documents(t testing.TB, o thidua.Outcome, lang document.Language) document.Dossier {
	t.Helper()
	d, err := document.FromOutcome(o, lang)
	require.NoError(t, err)
	return d
}

// A review that went through JSON writes the same documents, and so does an
// outcome that did.
func TestDocumentsAfterJSON(t *testing.T) {
	r := thidua.SeedReview(t)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var back thidua.Review
	require.NoError(t, json.Unmarshal(b, &back))
	o1, err := r.Conclude()
	require.NoError(t, err)
	o2, err := back.Conclude()
	require.NoError(t, err)
	assert.Equal(t, documents(t, o1, document.Vietnamese).Text(), documents(t, o2, document.Vietnamese).Text())

	b, err = json.Marshal(o1)
	require.NoError(t, err)
	var decoded thidua.Outcome
	require.NoError(t, json.Unmarshal(b, &decoded))
	for _, lang := range []document.Language{document.Vietnamese, document.English} {
		assert.Equal(t, documents(t, o1, lang).Text(), documents(t, decoded, lang).Text(),
			"the decoded outcome writes the same documents")
	}
}

// A runoff still to hold is in the minutes; a tie the leader and deputy
// settled says so.
func TestDocumentsRunoffAndFallback(t *testing.T) {
	r := thidua.TieReview(t)
	o, err := r.Conclude()
	require.NoError(t, err)
	require.Len(t, o.Pending, 1)
	assert.Contains(t, documents(t, o, document.Vietnamese).Minutes.Text(), "Cần bỏ phiếu lại (vòng 2) cho Cờ thi đua")

	tied := r
	tied.Awards = slices.Clone(r.Awards)
	tied.Awards[0].Rounds = append(slices.Clone(r.Awards[0].Rounds),
		[]thidua.Ballot{{Approve: []thidua.UnitID{"b"}, Count: 2}, {Approve: []thidua.UnitID{"a"}, Count: 2}})
	tied.Settlements = []thidua.Settlement{{Award: thidua.AwardMinistryFlag, By: thidua.TieBreakFallback, Order: [][]thidua.UnitID{{"a"}}}}
	o, err = tied.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	assert.Contains(t, documents(t, o, document.English).Minutes.Text(),
		"was settled by the decision of the block leader and deputy")
	assert.Contains(t, documents(t, o, document.Vietnamese).Minutes.Text(),
		"được giải quyết bằng quyết định của")
}

// The outcome keeps its own copy of the review: changing the review after
// Conclude does not change the documents.
func TestOutcomeDoesNotShareTheReview(t *testing.T) {
	r := thidua.TieReview(t)
	o, err := r.Conclude()
	require.NoError(t, err)
	before := documents(t, o, document.English).Text()
	r.Awards[0].Rounds[0][0] = thidua.Ballot{Approve: []thidua.UnitID{"c"}, Count: 4}
	r.Awards[0].Award = thidua.AwardGovernmentFlag
	assert.Equal(t, before, documents(t, o, document.English).Text())
}

// Property: the outcome does not depend on the order of the assessments or of
// the ballots in any round.
func FuzzReviewOrder(f *testing.F) {
	f.Add(uint64(1))
	f.Add(uint64(99))
	base := thidua.SeedReview(f)
	want, err := base.Conclude()
	require.NoError(f, err)
	wantText := documents(f, want, document.Vietnamese).Text()
	f.Fuzz(func(t *testing.T, seed uint64) {
		rng := rand.New(rand.NewPCG(seed, 7))
		r := base
		r.Assessments = slices.Clone(base.Assessments)
		rng.Shuffle(len(r.Assessments), func(i, j int) { r.Assessments[i], r.Assessments[j] = r.Assessments[j], r.Assessments[i] })
		r.Awards = slices.Clone(base.Awards)
		for i := range r.Awards {
			r.Awards[i].Rounds = slices.Clone(r.Awards[i].Rounds)
			for k := range r.Awards[i].Rounds {
				round := slices.Clone(r.Awards[i].Rounds[k])
				rng.Shuffle(len(round), func(a, b int) { round[a], round[b] = round[b], round[a] })
				r.Awards[i].Rounds[k] = round
			}
		}
		rng.Shuffle(len(r.Awards), func(i, j int) { r.Awards[i], r.Awards[j] = r.Awards[j], r.Awards[i] })
		o, err := r.Conclude()
		require.NoError(t, err)
		got := documents(t, o, document.Vietnamese).Text()
		if got != wantText {
			// Invalid ballots are listed by their position, which a shuffle
			// changes; everything else must be the same.
			require.Equal(t, stripBallotNumbers(wantText), stripBallotNumbers(got))
		}
		require.True(t, want.Decision.Equal(o.Decision))
		require.Equal(t, want.Leadership, o.Leadership)
	})
}

var ballotNumber = regexp.MustCompile(`(Phiếu không hợp lệ số|Invalid ballot no\.) \d+`)

func stripBallotNumbers(s string) string { return ballotNumber.ReplaceAllString(s, "$1 ?") }

// englishWords are words that would betray English in Vietnamese minutes.
var englishWords = regexp.MustCompile(`\b(the|of|and|not|found|verified|unverified|rank|votes?|pending|case|Decree|Article|Circular|Law|standard|quota|leader|deputy|years?|missing|none|NOT|FOUND)\b`)

// Vietnamese minutes contain no English and no unverified note; the heading
// "BỎ PHIẾU KÍN" appears only under Decree 91/2017; the pending-case citation
// follows the regime.
func TestVietnameseMinutes(t *testing.T) {
	seed, err := thidua.SeedReview(t).Conclude()
	require.NoError(t, err)
	vi := documents(t, seed, document.Vietnamese).Minutes.Text()
	assert.Contains(t, vi, "II. KẾT QUẢ BỎ PHIẾU KÍN\n", "Decree 91/2017 Điều 45 k8")
	assert.Contains(t, vi, "Văn bản áp dụng: Nghị định số 91/2017/NĐ-CP; Quy chế hoạt động của Cụm thi đua số 3 (minh họa)")
	assert.Contains(t, documents(t, seed, document.English).Minutes.Text(),
		"Rules applied: Decree No. 91/2017/NĐ-CP", "the English minutes name the same documents")

	tie := thidua.TieReview(t)
	tie.Facts = []thidua.Facts{{Unit: "c", PendingDiscipline: true}, {Unit: "d", Discipline: []thidua.DisciplinePeriod{{From: thidua.MustDate(2024, 2, 1), Until: thidua.MustDate(2025, 1, 31)}}}}
	o98, err := tie.Conclude()
	require.NoError(t, err)
	vi98 := documents(t, o98, document.Vietnamese).Minutes.Text()
	assert.Contains(t, vi98, "II. KẾT QUẢ BỎ PHIẾU\n")
	assert.NotContains(t, vi98, "KÍN")
	assert.Contains(t, vi98, "đang xem xét kỷ luật, điều tra hoặc giải quyết khiếu nại (Điều 4 Nghị định số 98/2023/NĐ-CP)")
	assert.Contains(t, vi98, "trong thời hạn kỷ luật, thành tích được tính từ khi hết thời hạn kỷ luật (Điều 4 Nghị định số 98/2023/NĐ-CP), năm 2024")
	assert.NotContains(t, vi98, "152/2025")

	r152 := tie
	r152.Rules = thidua.Decree152_2025()
	r152.Date = thidua.MustDate(2025, 12, 10)
	r152.Cluster = thidua.MustCluster(thidua.ClusterSpec{ID: "k", Name: "Khối thi đua K", Kind: thidua.KindBlock, Year: 2025,
		Members: []thidua.Unit{{ID: "a", Name: "A"}, {ID: "b", Name: "B"}, {ID: "c", Name: "C"}, {ID: "d", Name: "D"}}, Leader: "c", Deputy: "d"})
	r152.Scorecard = thidua.MustScorecard(thidua.ScorecardSpec{ID: "k-2025", Name: "Bảng điểm", Year: 2025,
		Criteria: []thidua.CriterionSpec{{ID: "x", Name: "Kết quả", Max: decimal.RequireFromString("100")}}})
	o152, err := r152.Conclude()
	require.NoError(t, err)
	vi152 := documents(t, o152, document.Vietnamese).Minutes.Text()
	assert.Contains(t, vi152, "(khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP)")

	for name, text := range map[string]string{"seed": vi, "Decree 98": vi98, "Decree 152": vi152} {
		t.Run(name, func(t *testing.T) {
			body := text
			// thidua.Unit names, contest digests and the scorecard's own names are
			// data; strip the digest lines, the only ASCII runs of the form.
			body = regexp.MustCompile(`(?m)^.*SHA-256.*$`).ReplaceAllString(body, "")
			assert.Empty(t, englishWords.FindAllString(body, -1), "English in the Vietnamese minutes:\n%s", text)
			for _, c := range append(o152.Rules.Unverified(), seed.Rules.Unverified()...) {
				if c.NoteVietnamese != "" {
					assert.NotContains(t, text, c.NoteVietnamese)
				}
				if c.Note != "" {
					assert.NotContains(t, text, c.Note)
				}
			}
		})
	}
}
