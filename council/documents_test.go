package council_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

// english matches English words the documents' phrases use; none may appear
// in the Vietnamese documents.
var english = regexp.MustCompile(`\b(the|of|and|votes?|round|passed|needs|Flag|Merit|pending|none|None|awaiting|quota|standard|ballot|Chair|Secretary|Present|Guests?|rules?|record|missing|consecutive|excellent|years|leads|holds|NOT|VERIFIED|FOUND)\b`)

var markup = regexp.MustCompile(`(?s)<style>.*</style>|<[^>]*>`)

// paperwork fills the parts of the form a council's office fills in.
func paperwork(s *council.Session) {
	s.Paperwork = thidua.Paperwork{
		HeadTeller: thidua.Person{Name: "Trưởng ban", Position: "Phó Vụ trưởng"},
		Tellers:    []thidua.Person{{Name: "Ủy viên kiểm phiếu"}},
		Start:      "08:00", End: "11:30", Locality: "Hà Nội", MinutesNumber: "12/BB-HĐTĐKT",
		Recipients: []string{"Bộ trưởng", "Lưu: VT, TĐKT"},
	}
}

var documentSessions = map[string]func(*council.Session){
	"complete":      paperwork,
	"pending chair": func(s *council.Session) { s.ChairDecisions = nil },
	"pending runoff": func(s *council.Session) {
		rs := mstRules(s.Date)
		rs.CutoffTie = thidua.FallbackNone
		s.Rules, s.ChairDecisions = &rs, nil
	},
	"refusals": func(s *council.Session) {
		s.Options.Standards = []council.AwardStandard{{Award: thidua.AwardMinistryFlag, ExcellentYears: 2, Titles: []thidua.Award{thidua.AwardExcellentCollective}, Source: "minh họa"}}
		s.Records = append(s.Records, thidua.Facts{Unit: "c1", PendingDiscipline: true})
		s.Polls[1].Ballots = []thidua.Ballot{approve(7, "a1", "b1", "c1", "d1"), approve(2, "a1", "b1", "c1")}
		s.ChairDecisions = nil
		s.Options.Order = council.ScoreFirst
		s.Options.AwardAttendance = thidua.AtLeast(4, 5)
		s.Options.AwardAttendanceSource = "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 8 khoản 4 điểm b"
	},
}

func TestDocumentsLanguages(t *testing.T) {
	for name, change := range documentSessions {
		t.Run(name, func(t *testing.T) {
			s := fixture()
			change(&s)
			o, err := s.Conclude()
			require.NoError(t, err)
			require.NotEmpty(t, o.Rules.Unverified(), "the fixture's rules carry unverified values")
			vi := text(t, o, document.Vietnamese)
			viHTML, err := o.HTML(document.Vietnamese)
			require.NoError(t, err)
			// The HTML's markup and style sheet are not text.
			viHTML = markup.ReplaceAllString(viHTML, " ")
			for _, doc := range []string{vi, viHTML} {
				assert.Empty(t, english.FindAllString(doc, -1), "English in the Vietnamese documents:\n%s", doc)
				for _, c := range o.Rules.Unverified() {
					for _, note := range []string{c.Note, c.NoteVietnamese} {
						if note != "" {
							assert.NotContains(t, doc, note, "no unverified note is printed")
						}
					}
				}
			}
			en := text(t, o, document.English)
			assert.Equal(t, strings.Count(vi, "\n"), strings.Count(en, "\n"), "the English documents translate line for line")
			assert.Equal(t, len(o.Votes), strings.Count(vi, "\f"), "the minutes, then one record per tally")
			_, err = o.Text(document.Language(9))
			assert.ErrorIs(t, err, document.ErrInvalidLanguage)
			_, err = o.Minutes(document.Language(9))
			assert.ErrorIs(t, err, document.ErrInvalidLanguage)
			_, err = o.VoteCounts(document.Language(9))
			assert.ErrorIs(t, err, document.ErrInvalidLanguage)
		})
	}
}

// The minutes are the document package's model, filled from the session.
func TestMinutesModel(t *testing.T) {
	s := fixture()
	paperwork(&s)
	o, err := s.Conclude()
	require.NoError(t, err)
	m, err := o.Minutes(document.Vietnamese)
	require.NoError(t, err)
	assert.Equal(t, document.Heading{GoverningBody: "Bộ", IssuingBody: "Hội đồng Thi đua - Khen thưởng Bộ", Number: "12/BB-HĐTĐKT",
		Locality: "Hà Nội", Date: s.Date}, m.Heading)
	assert.Equal(t, s.Council.Members[0].Person, m.Chair, "the presiding member chairs")
	assert.Equal(t, s.Attendance.Secretary, m.Secretary)
	require.Len(t, m.Signatures, 2)
	assert.Equal(t, s.Attendance.Secretary, m.Signatures[0].Person, "the secretary signs on the left")
	assert.Equal(t, s.Council.Members[0].Person, m.Signatures[1].Person, "the chair on the right")
	assert.Len(t, m.Participants, len(s.Council.Members)+len(s.Attendance.Guests))
	assert.Equal(t, []string{"Nghị định 152/2025/NĐ-CP", "Luật 06/2026/QH16", "Thông tư 25/2025/TT-BKHCN"}, m.Basis)
	assert.Empty(t, m.Check(), "with its paperwork the minutes can be filed")
	assert.Contains(t, m.Attendance, "8/9")
}

// Each vote-count record is document.CountOf of one tally: the same counts,
// the same digest, every ballot accounted for.
func TestVoteCountsFromTallies(t *testing.T) {
	s := fixture()
	paperwork(&s)
	s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 2, Voters: room,
		Ballots: []thidua.Ballot{approve(4, "a1"), approve(4, "b1")}})
	o, err := s.Conclude()
	require.NoError(t, err)
	for _, lang := range []document.Language{document.Vietnamese, document.English} {
		vcs, err := o.VoteCounts(lang)
		require.NoError(t, err)
		require.Len(t, vcs, len(o.Votes))
		for i, vc := range vcs {
			r := o.Votes[i].Result
			assert.Equal(t, r.Cast, vc.Received)
			assert.Equal(t, vc.Received, vc.Valid+vc.Invalid, "cast = valid + invalid")
			assert.Equal(t, fmt.Sprintf("%x", r.Digest), vc.Digest)
			assert.Equal(t, 9, vc.Electorate, "the base is all members")
			want := 9 // round 1: the written opinion had its ballot
			if o.Votes[i].Round > 1 {
				want = 8 // a runoff is voted in the room
			}
			assert.Equal(t, want, vc.Issued)
			assert.Equal(t, "12/BB-HĐTĐKT", vc.MinutesNumber)
			assert.Len(t, vc.Signatures, 2, "the head of the board and one member")
			assert.Empty(t, vc.Check())
		}
	}
}

// A refusal on the unit's record names the years it misses.
func TestRefusalNamesTheMissingYears(t *testing.T) {
	s := fixture()
	s.Records = []thidua.Facts{
		{Unit: "a1", Record: []thidua.YearRecord{{Year: 2025, Rating: thidua.RatingExcellent}, {Year: 2026, Rating: thidua.RatingExcellent}}},
		{Unit: "b1", ExcellentYears: 2},
		{Unit: "a2", Record: []thidua.YearRecord{{Year: 2025, Rating: thidua.RatingGood}, {Year: 2026, Rating: thidua.RatingExcellent}}},
	}
	o, err := s.Conclude()
	require.NoError(t, err)
	var got *council.Refusal
	for i, r := range o.Refused {
		if r.Unit == "a2" && r.Award == thidua.AwardMinistryMerit {
			got = &o.Refused[i]
		}
	}
	require.NotNil(t, got, "a2 misses the two excellent years of Thông tư 25/2025/TT-BKHCN Điều 7 khoản 3 điểm d")
	assert.Equal(t, thidua.DeclinedStandard, got.Reason)
	assert.Equal(t, []int{2025}, got.Years)
	assert.Contains(t, text(t, o, document.Vietnamese), "hồ sơ thiếu năm 2025")
	assert.Contains(t, text(t, o, document.English), "the record misses 2025")
}

// A unit's record that says it led its cluster this year puts it in the
// Government flag's pool, as the cluster's report does.
func TestLeadingFromTheRecord(t *testing.T) {
	s := fixture()
	s.Records = append(s.Records[:2], thidua.Facts{Unit: "a2", ExcellentYears: 2,
		Record: []thidua.YearRecord{{Year: 2025, Rating: thidua.RatingExcellent}, {Year: 2026, Rating: thidua.RatingExcellent, Led: []thidua.ClusterID{"a"}}}})
	s.Nominations = append(s.Nominations, council.Nomination{Unit: "a2", Cluster: "a"})
	s.Polls[0].Ballots = []thidua.Ballot{approve(9, "a1", "b1", "a2")}
	s.ChairDecisions = nil
	o, err := s.Conclude()
	require.NoError(t, err)
	assert.Len(t, o.Leaders, 6)
	assert.Equal(t, council.Leader{Unit: "a2", UnitName: "Sở a2", Cluster: "a", ClusterName: "Cụm a"}, o.Leaders[1])

	s = fixture()
	s.Records = append(s.Records[:2], thidua.Facts{Unit: "a2",
		Record: []thidua.YearRecord{{Year: 2025, Led: []thidua.ClusterID{"a"}}}})
	s.Nominations = append(s.Nominations, council.Nomination{Unit: "a2", Cluster: "a"})
	_, err = s.Conclude()
	require.ErrorIs(t, err, council.ErrNotLeader, "leading last year does not count")
}

func TestPaperworkChecked(t *testing.T) {
	s := fixture()
	s.Paperwork.Start, s.Paperwork.End = "11:00", "08:00"
	_, err := s.Conclude()
	require.Error(t, err)
	s = fixture()
	s.Paperwork.Chair = thidua.Person{Name: "Người khác"}
	_, err = s.Conclude()
	require.ErrorIs(t, err, council.ErrInvalidOption, "the presiding member chairs, not the paperwork")
}
