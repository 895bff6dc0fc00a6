package thidua_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
	"github.com/thidua/thidua/experiment"
)

// Every Go snippet of README.md is quoted from this file: each lies between a
// "// README: begin" line and a "// README: end" line, indented one tab more
// than in the README, and TestReadmeSnippets checks that the two agree, block
// by block and in order. The figures are illustrative.

// The README's walk through one cluster's year, step by step, then the same
// year as one Review, and a policy experiment.
func Example_readme() {
	if err := readmeSteps(os.Stdout, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// after the merger: [a bc] (c → bc)
	// 1 a 66.00
	// 2 b 66.00
	// 3 c 57.00
	// flag vote: passed [a], elected [a]
	// proposed: Ministry or Provincial Emulation Flag a
	// proposed: Ministry or Provincial Certificate of Merit b
	// declined: c Ministry or Provincial Emulation Flag pending-case
	// declined: c Ministry or Provincial Certificate of Merit pending-case
	// 2027: leader b, deputy c (deputy-succeeds); the plan's first years: 2027 b, 2028 c
	// review: complete true, leader b, deputy c; minutes in Vietnamese true
	// 80% of all members: no flag in 2742 of 10000 years
	// majority of valid ballots: no flag in 343 of 10000 years
}

// readmeSteps runs the README's snippets of one cluster's year in order, with
// the data they take from the reader (marks, ballots, facts) made up here,
// keeps the concluded review's outcome in keep (if not nil), and runs the
// policy experiment on the same cluster.
func readmeSteps(w io.Writer, keep *thidua.Outcome) error {
	var unitErr *thidua.UnitError
	// README: begin
	c, err := thidua.NewCluster(thidua.ClusterSpec{
		ID: "cum-3", Name: "Cụm thi đua số 3", Kind: thidua.KindCluster, Year: 2026,
		Members: []thidua.Unit{
			{ID: "a", Name: "Sở Khoa học và Công nghệ tỉnh A", ShortName: "A"},
			{ID: "b", Name: "Sở Khoa học và Công nghệ tỉnh B", ShortName: "B"},
			{ID: "c", Name: "Sở Khoa học và Công nghệ tỉnh C", ShortName: "C"},
		},
		Leader: "a", Deputy: "b",
	})
	if err != nil {
		// errors.Is(err, thidua.ErrLeaderIsDeputy), errors.As(err, &unitErr), ...
		return err
	}
	// README: end
	_ = errors.As(err, &unitErr)

	// README: begin
	r, err := c.Reorganize(2027, []thidua.UnitChange{
		{Year: 2027, From: []thidua.UnitID{"b", "c"}, Into: thidua.Unit{ID: "bc", Name: "Sở KH&CN tỉnh BC"}},
	})
	// r.Cluster has members a and bc; r.Successors maps b and c to bc.
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "after the merger: %v (c → %s)\n", r.Cluster.MemberIDs(), r.Successors["c"])

	// Peer marks: every member marks every member, its own row included.
	marks := map[thidua.UnitID][3]string{"a": {"18", "26", "4"}, "b": {"17", "27", "5"}, "c": {"15", "25", "2"}}
	var assessments []thidua.Assessment
	for _, unit := range c.MemberIDs() {
		for _, assessor := range c.MemberIDs() {
			m := marks[unit]
			assessments = append(assessments, thidua.Assessment{Unit: unit, Assessor: assessor, Kind: thidua.AssessorPeer,
				Marks: map[thidua.CriterionID]decimal.Decimal{
					"I.1": decimal.RequireFromString(m[0]), "I.2": decimal.RequireFromString(m[1]),
					"thuong": decimal.RequireFromString(m[2])}})
		}
	}

	// README: begin
	d := decimal.RequireFromString
	card, err := thidua.NewScorecard(thidua.ScorecardSpec{ID: "cum-3-2026", Name: "Bảng điểm 2026", Year: 2026,
		Criteria: []thidua.CriterionSpec{
			{ID: "I", Name: "Nhiệm vụ chuyên môn", Children: []thidua.CriterionSpec{
				{ID: "I.1", Name: "Chuyển đổi số", Max: d("20"), Weight: d("2")},
				{ID: "I.2", Name: "Bưu chính, viễn thông", Max: d("30")},
			}},
			{ID: "thuong", Name: "Điểm thưởng", Kind: thidua.CriterionBonus, Max: d("10")},
		}})
	if err != nil {
		return err
	}
	standings, err := card.Score(c, assessments, thidua.ScoringPolicy{
		Aggregation: thidua.AggregateMedian,
		Aggregate:   thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp},
		TieBreakers: []thidua.TieBreaker{thidua.ByCriterion("I")},
	})
	if err != nil {
		return err
	}
	for _, s := range standings.Ranked() {
		fmt.Println(s.Rank, s.Unit, s.Total.StringFixed(2)) // s.TieBreak: what separated equal totals
	}
	// README: end

	ballots := []thidua.Ballot{{Approve: []thidua.UnitID{"a"}, Count: 3}}
	// README: begin
	flag, err := thidua.NewContest(thidua.ContestSpec{
		ID: "co-thi-dua", Year: 2026, Candidates: c.MemberIDs(), Electorate: c.Len(),
		Method: thidua.MethodApproval, MaxMarks: 1,
		Threshold: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate), // ≥ 80% of all members
		Quorum:    thidua.AtLeast(2, 3),
	})
	if err != nil {
		return err
	}
	result, err := flag.Tally(ballots) // result.Passed, result.Elected, result.Tied, result.Digest
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "flag vote: passed %v, elected %v\n", result.Passed, result.Elected)

	facts := []thidua.Facts{{Unit: "c", PendingComplaint: true}}
	// README: begin
	rules, err := thidua.RulesOn(thidua.MustDate(2026, time.December, 15))
	if err != nil {
		return err
	}
	awardRules, err := rules.AwardRules(map[thidua.Award]thidua.Quota{
		thidua.AwardMinistryFlag: thidua.CountQuota(1), thidua.AwardMinistryMerit: thidua.CountQuota(2),
	})
	if err != nil {
		return err
	}
	decision, err := thidua.Decide(awardRules, thidua.DecideInput{
		Cluster: c, Standings: standings, Facts: facts,
		Votes: map[thidua.Award]thidua.Result{thidua.AwardMinistryFlag: result},
	})
	// README: end
	if err != nil {
		return err
	}
	for _, p := range decision.Proposals {
		fmt.Fprintln(w, "proposed:", p.Award.English(), p.Unit)
	}
	for _, x := range decision.Declined {
		if x.Unit == "c" {
			fmt.Fprintln(w, "declined:", x.Unit, x.Award.English(), x.Reason)
		}
	}

	history := thidua.History{}
	deputyBallots := []thidua.Ballot{{Approve: []thidua.UnitID{"c"}, Count: 2}, {Approve: []thidua.UnitID{"a"}}}
	// README: begin
	// The deputy vote (bầu cụm phó): one seat, one mark a ballot, among next
	// year's members other than the leader-to-be (here b, this year's deputy).
	deputyVote, err := thidua.NewContest(thidua.ContestSpec{
		ID: "cum-pho-2027", Year: 2026, Candidates: []thidua.UnitID{"a", "c"}, Electorate: c.Len(),
		Method: thidua.MethodApproval, Seats: 1, MaxMarks: 1,
	})
	if err != nil {
		return err
	}
	deputyResult, err := deputyVote.Tally(deputyBallots)
	if err != nil {
		return err
	}
	policy := thidua.Succession{Method: thidua.SuccessionDeputySucceeds,
		Constraints: thidua.Constraints{NoConsecutive: true}}
	leadership, next, err := policy.Next(c, history, thidua.Selection{DeputyVote: &deputyResult}, nil)
	if err != nil {
		return err
	}
	plan, err := thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: c.MemberIDs()}.Plan(c, history, 9, nil)
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d: leader %s, deputy %s (%s); the plan's first years: %d %s, %d %s\n",
		leadership.Year, next.Leader(), next.Deputy(), leadership.By,
		plan.Terms[0].Year, plan.Terms[0].Leader, plan.Terms[1].Year, plan.Terms[1].Leader)

	flagBallots := ballots
	var runoffBallots []thidua.Ballot
	var chosen []thidua.UnitID
	// README: begin
	outcome, err := thidua.Review{
		Date: thidua.MustDate(2026, time.December, 15), Cluster: c,
		Scorecard: card, Assessments: assessments, Facts: facts,
		Awards: []thidua.AwardVote{{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1),
			MaxMarks: 1, Rounds: [][]thidua.Ballot{flagBallots}}},
		Succession: policy, DeputyRounds: [][]thidua.Ballot{deputyBallots},
	}.Conclude()
	if err != nil {
		return err
	}
	for !outcome.Complete() {
		p := outcome.Pending[0]
		var again thidua.Review
		switch p.Kind {
		case thidua.TieBreakRunoff: // hold the runoff p.Contest among p.Units
			again, err = outcome.WithRunoff(p, runoffBallots)
		case thidua.TieBreakFallback: // record the decision of p.Fallback
			again, err = outcome.WithSettlement(p, chosen)
		}
		if err != nil {
			return err
		}
		if outcome, err = again.Conclude(); err != nil {
			return err
		}
	}
	docs, err := document.FromOutcome(outcome, document.Vietnamese) // the biên bản, vote counts, tờ trình
	// README: end
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "review: complete %v, leader %s, deputy %s; minutes in Vietnamese %v\n",
		outcome.Complete(), outcome.Leadership.Leader, outcome.Leadership.Deputy, len(docs.Minutes.Text()) > 0)

	if keep != nil {
		*keep = outcome
	}
	return readmeExperiment(w, c, card)
}

// readmeDocuments runs the README's snippet of the documents to file on a
// review, writing bien-ban.html in the working directory and the dossier's
// text to standard output.
func readmeDocuments(review thidua.Review, keep *document.Dossier) error {
	// README: begin
	review.Paperwork = thidua.Paperwork{
		Chair:     thidua.Person{Name: "Nguyễn Văn An", Position: "Giám đốc", Unit: "Sở Thông tin và Truyền thông tỉnh Bắc Ninh"},
		Secretary: thidua.Person{Name: "Trần Thị Bình"},
		Start:     "08:00", End: "11:30", Locality: "Bắc Ninh", MinutesNumber: "01/BB-CTĐ3",
	}
	outcome, err := review.Conclude()
	if err != nil {
		return err
	}
	d, err := document.FromOutcome(outcome, document.Vietnamese)
	if err != nil {
		return err
	}
	fmt.Print(d.Text()) // the minutes, the vote-count records, the proposal
	if missing := d.Check(); len(missing) > 0 {
		// not ready to file: missing lists the blanks, such as "proposal: number"
	}
	err = os.WriteFile("bien-ban.html", []byte(d.Minutes.HTML()), 0o644) // self-contained, prints on A4
	// README: end
	*keep = d
	return err
}

// readmeCouncil runs the README's snippet of the council stage on the
// clusters' outcomes and the council's data the reader has.
func readmeCouncil(clusterOutcomes []thidua.Outcome, ministryCouncil council.Council, present []council.MemberID,
	deputy thidua.Person, guests []council.Guest, records []thidua.Facts, polls []council.Poll) (council.Outcome, error) {
	// README: begin
	var reports []council.ClusterReport
	for _, o := range clusterOutcomes { // thidua.Outcome of each cluster's review of the year
		reports = append(reports, council.FromOutcome(o))
	}
	s := council.Session{
		// Members with name, position and role (chair, vice-chair, member), and a term.
		Council: ministryCouncil,
		Date:    thidua.MustDate(2026, time.December, 22),
		Year:    2026,
		Attendance: council.Attendance{
			Present: present,
			// Absent with a written opinion: it counts in the base and as a vote.
			Written:     []council.MemberID{"m12"},
			Substitutes: []council.Substitute{{For: "m13", ID: "s13", Person: deputy, Mandate: "Giấy ủy quyền số 15"}},
			// Guests may speak but not vote.
			Guests: guests,
		},
		Clusters: reports,
		// The units' records: pending cases, excellent years, titles.
		Records: records,
		// Government-flag candidates, each with the cluster it led.
		Nominations: []council.Nomination{{Unit: "ha-noi", Cluster: "cluster-2"}},
		// Per award and round: who returned a ballot, and the ballots.
		Polls: polls,
	}
	o, err := s.Conclude()
	// o.ToPrimeMinister: the Government flag and the Prime Minister's Certificate of Merit;
	// o.ToMinister: the ministry flag and Certificate of Merit; o.Refused: each refusal with why;
	// o.Pending: a runoff or the Chair's vote still needed; o.Text(document.Vietnamese):
	// the council's minutes and one vote-count record per ballot, as a cluster's.
	// README: end
	return o, err
}

// readmeExperiment runs the README's snippet of a policy experiment on the
// cluster and scorecard of the walk-through.
func readmeExperiment(w io.Writer, c thidua.Cluster, card thidua.Scorecard) error {
	// README: begin
	quality := map[thidua.UnitID]int{"a": 900, "b": 880, "c": 800} // latent quality, per mille
	scoring := thidua.ScoringPolicy{Aggregate: thidua.Rounding{Places: 2, Mode: thidua.RoundHalfUp}}
	strict, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1),
		Vote: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate)})
	if err != nil {
		return err
	}
	loose, err := thidua.NewAwardRules(thidua.AwardRule{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1),
		Vote: thidua.MoreThan(1, 2).Of(thidua.BaseValid)})
	if err != nil {
		return err
	}
	report, err := experiment.Experiment{
		Cluster: c, Scorecard: card, Years: 10000,
		Assessments: experiment.AssessmentModel{Quality: quality, Noise: 100, Kind: thidua.AssessorPeer},
		Ballots:     experiment.BallotModel{Noise: 60, TopK: 2, Absent: 100},
		Quorum:      thidua.AtLeast(2, 3),
		Variants: []experiment.Variant{
			{Name: "80% of all members", Policy: scoring, Rules: strict},
			{Name: "majority of valid ballots", Policy: scoring, Rules: loose},
		},
	}.Run(rand.New(rand.NewPCG(2023, 12)))
	// report.Variants[i].Award(thidua.AwardMinistryFlag): years with no flag, the top
	// scorer missing it, runoffs needed; per unit, how often it led or won.
	// README: end
	if err != nil {
		return err
	}
	for _, v := range report.Variants {
		a, _ := v.Award(thidua.AwardMinistryFlag)
		fmt.Fprintf(w, "%s: no flag in %d of %d years\n", v.Name, a.NotProposed, report.Years)
	}
	return nil
}

// The README's documents snippet runs on the seed review: it prints the
// dossier's text, writes the minutes as HTML, and the paperwork it sets shows
// in both.
func TestReadmeDocumentsSnippet(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "cluster3-2023", "review.json"))
	require.NoError(t, err)
	var review thidua.Review
	require.NoError(t, json.Unmarshal(b, &review))

	dir, err := os.Getwd()
	require.NoError(t, err)
	require.NoError(t, os.Chdir(t.TempDir()))
	defer func() { require.NoError(t, os.Chdir(dir)) }()
	out, err := os.Create("stdout.txt")
	require.NoError(t, err)
	stdout := os.Stdout
	os.Stdout = out
	var d document.Dossier
	err = readmeDocuments(review, &d)
	os.Stdout = stdout
	require.NoError(t, out.Close())
	require.NoError(t, err)

	printed, err := os.ReadFile("stdout.txt")
	require.NoError(t, err)
	assert.Equal(t, d.Text(), string(printed), "the snippet prints the dossier's text")
	assert.Contains(t, string(printed), "Nguyễn Văn An", "the chair the snippet sets")
	html, err := os.ReadFile("bien-ban.html")
	require.NoError(t, err)
	assert.Equal(t, d.Minutes.HTML(), string(html))
	assert.Contains(t, string(html), "Trần Thị Bình", "the secretary the snippet sets")
}

// The README's council snippet runs on the walk-through's outcome: the
// attendance it names is accepted, and its example nomination, a unit of
// another cluster, is refused as the council's rules say.
func TestReadmeCouncilSnippet(t *testing.T) {
	var outcome thidua.Outcome
	require.NoError(t, readmeSteps(io.Discard, &outcome))
	require.True(t, outcome.Complete())

	var members []council.Member
	var present []council.MemberID
	for i := 1; i <= 13; i++ {
		id := council.MemberID(fmt.Sprintf("m%d", i))
		role := council.RoleMember
		if i == 1 {
			role = council.RoleChair
		}
		members = append(members, council.Member{ID: id, Person: thidua.Person{Name: "Thành viên " + string(id)}, Role: role})
		if i <= 11 {
			present = append(present, id)
		}
	}
	ministry := council.Council{Name: "Hội đồng Thi đua - Khen thưởng", Body: "Bộ",
		Term: council.Term{From: thidua.MustDate(2025, time.January, 1)}, Members: members}
	_, err := readmeCouncil([]thidua.Outcome{outcome}, ministry, present, thidua.Person{Name: "Phó Giám đốc"},
		nil, nil, nil)
	assert.ErrorIs(t, err, council.ErrNotLeader)
}
