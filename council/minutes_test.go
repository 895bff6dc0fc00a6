package council_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
)

// english matches English words the minutes' fixed phrases use; none may
// appear in the Vietnamese minutes.
var english = regexp.MustCompile(`\b(the|of|and|votes?|round|passed|needs|Flag|Merit|pending|none|None|awaiting|quota|standard|ballot|Chair|Secretary|Present|Guests?|rules?)\b`)

func TestMinutesLanguages(t *testing.T) {
	sessions := map[string]func(*council.Session){
		"complete":      func(*council.Session) {},
		"pending chair": func(s *council.Session) { s.ChairDecisions = nil },
		"pending runoff": func(s *council.Session) {
			rs := mstRules(s.Date)
			rs.CutoffTie = thidua.FallbackNone
			s.Rules, s.ChairDecisions = &rs, nil
		},
		"refusals": func(s *council.Session) {
			s.Options.Standards = []council.AwardStandard{{Award: thidua.MinistryFlag, ExcellentYears: 2, Titles: []thidua.Award{thidua.ExcellentCollective}, Source: "minh họa"}}
			s.Records = append(s.Records, council.Record{Unit: "c1", PendingDiscipline: true})
			s.Polls[1].Ballots = []thidua.Ballot{approve(7, "a1", "b1", "c1", "d1"), approve(2, "a1", "b1", "c1")}
			s.ChairDecisions = nil
			s.Options.Order = council.ScoreFirst
			s.Options.AwardAttendance = thidua.AtLeast(4, 5)
			s.Options.AwardAttendanceSource = "Quyết định 86/2025/QĐ-UBND tỉnh Bắc Ninh Điều 8 khoản 4 điểm b"
		},
	}
	for name, change := range sessions {
		t.Run(name, func(t *testing.T) {
			s := fixture()
			change(&s)
			o, err := s.Conclude()
			require.NoError(t, err)
			vi := o.Minutes(thidua.LangVietnamese)
			assert.Empty(t, english.FindAllString(vi, -1), "English in the Vietnamese minutes:\n%s", vi)
			en := o.Minutes(thidua.LangEnglish)
			assert.Equal(t, strings.Count(vi, "\n"), strings.Count(en, "\n"),
				"the English minutes translate line for line")
			assert.Equal(t, vi, o.Minutes(thidua.Language(9)), "an unknown language renders Vietnamese")
		})
	}
}
