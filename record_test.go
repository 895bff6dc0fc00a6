package thidua

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rated returns a record with the ratings from first on, one a year.
func rated(first int, rs ...Rating) []YearRecord {
	out := make([]YearRecord, len(rs))
	for i, r := range rs {
		out[i] = YearRecord{Year: first + i, Rating: r}
	}
	return out
}

func TestRecordBadInput(t *testing.T) {
	d := MustDate
	tests := []struct {
		name  string
		facts Facts
		want  error
		as    any
	}{
		{"years out of order", Facts{Unit: "a", Record: []YearRecord{{Year: 2025}, {Year: 2024}}}, ErrRecordYears, new(*FieldError)},
		{"a year twice", Facts{Unit: "a", Record: []YearRecord{{Year: 2025}, {Year: 2025}}}, ErrRecordYears, new(*FieldError)},
		{"a year out of range", Facts{Unit: "a", Record: []YearRecord{{Year: 1200}}}, ErrRecordYears, new(*FieldError)},
		{"an unknown rating", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Rating: 9}}}, ErrInvalidRecord, new(*FieldError)},
		{"a certificate among the titles", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Titles: []Award{AwardMinistryMerit}}}}, ErrInvalidRecord, new(*FieldError)},
		{"a title among the awards", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Awards: []Award{AwardExcellentCollective}}}}, ErrInvalidRecord, new(*FieldError)},
		{"a title twice", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Titles: []Award{AwardAdvancedCollective, AwardAdvancedCollective}}}}, ErrInvalidRecord, new(*FieldError)},
		{"an unknown award", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, AdHoc: []Award{0}}}}, ErrInvalidAward, new(*FieldError)},
		{"a bad cluster id", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Led: []ClusterID{"a b"}}}}, ErrInvalidID, new(*UnitError)},
		{"a cluster led twice", Facts{Unit: "a", Record: []YearRecord{{Year: 2025, Led: []ClusterID{"k", "k"}}}}, ErrInvalidRecord, new(*FieldError)},
		{"discipline ending before it starts", Facts{Unit: "a", Discipline: []DisciplinePeriod{{From: d(2025, 6, 1), Until: d(2025, 5, 31)}}}, ErrDisciplineBackwards, new(*FieldError)},
		{"discipline without a start", Facts{Unit: "a", Discipline: []DisciplinePeriod{{Until: d(2025, 5, 31)}}}, ErrInvalidDate, new(*UnitError)},
		{"discipline ending on a day that does not exist", Facts{Unit: "a", Discipline: []DisciplinePeriod{{From: d(2025, 1, 1), Until: Date{Year: 2025, Month: 2, Day: 30}}}}, ErrInvalidDate, new(*FieldError)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.facts.Validate()
			require.ErrorIs(t, err, tt.want)
			require.ErrorAs(t, err, tt.as)
			var ue *UnitError
			require.ErrorAs(t, err, &ue, "the error names the unit")
			assert.Equal(t, UnitID("a"), ue.ID)
			assert.Regexp(t, `^thidua: `, err.Error())

			if b, merr := json.Marshal(tt.facts); merr == nil { // an unknown rating or award has no JSON form
				assert.ErrorIs(t, json.Unmarshal(b, new(Facts)), tt.want, "JSON decoding validates too")
			}
		})
	}
	var r Rating
	require.ErrorIs(t, r.UnmarshalText([]byte("superb")), ErrInvalidRecord)
	require.NoError(t, r.UnmarshalText([]byte("excellent")))
	assert.Equal(t, RatingExcellent, r)
	assert.Equal(t, "hoàn thành xuất sắc nhiệm vụ", r.Vietnamese())
}

func TestRecordReadings(t *testing.T) {
	d := MustDate
	f := Facts{Unit: "a",
		Record: []YearRecord{
			{Year: 2022, Rating: RatingExcellent, Titles: []Award{AwardExcellentCollective}},
			{Year: 2023, Rating: RatingGood, Titles: []Award{AwardExcellentCollective}, AdHoc: []Award{AwardMinistryMerit}},
			{Year: 2024, Rating: RatingExcellent, Titles: []Award{AwardExcellentCollective}, Awards: []Award{AwardMinistryMerit}, Led: []ClusterID{"k"}},
			{Year: 2025, Rating: RatingExcellent},
			{Year: 2026, Rating: RatingExcellent},
		},
		Discipline: []DisciplinePeriod{{From: d(2024, 3, 1), Until: d(2024, 12, 31)}},
	}
	require.NoError(t, f.Validate())
	assert.Empty(t, f.ExcellentRun(2026, 2))
	assert.Equal(t, []int{2024}, f.ExcellentRun(2026, 3), "2024 was excellent but under discipline: it counts from the end")
	assert.Equal(t, []int{2023, 2024}, f.ExcellentRun(2024, 3))
	assert.Equal(t, []int{2019, 2020, 2021}, f.ExcellentRun(2022, 4), "years missing from the record are missing")
	assert.True(t, f.Counts(2025))
	assert.False(t, f.Counts(2024))
	assert.True(t, f.Led("k", 2024))
	assert.False(t, f.Led("k", 2025))
	assert.False(t, f.HoldsIn(AwardMinistryMerit, 2023), "an ad-hoc certificate counts for nothing")
	assert.False(t, f.HoldsIn(AwardMinistryMerit, 2024), "a year under discipline counts for nothing")
	assert.True(t, f.HoldsIn(AwardExcellentCollective, 2022))

	open := DisciplinePeriod{From: d(2026, 11, 1)}
	assert.True(t, open.Covers(2026))
	assert.True(t, open.Covers(2030), "not ended")
	assert.False(t, open.Covers(2025))

	long := f.ExcellentRun(2026, 1<<40)
	assert.True(t, len(long) > 0 && len(long) <= MaxYear-MinYear+1, "an absurd run is bounded, and never met: %d", len(long))
	require.ErrorIs(t, RequireExcellentYears(1<<40).Validate(), ErrInvalidStandard)

	// Without a record, ExcellentYears counts back from the year.
	g := Facts{ExcellentYears: 1}
	assert.Equal(t, []int{2025}, g.ExcellentRun(2026, 2))

	b, err := json.Marshal(f)
	require.NoError(t, err)
	var back Facts
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, f.Equal(back), string(b))
}

// The standards read the record: the Minister's Certificate of Merit needs
// two consecutive years rated "hoàn thành xuất sắc nhiệm vụ" (TT
// 25/2025/TT-BKHCN Điều 7 k3 d), and a refusal names the missing year; the
// provincial flag goes only to the unit leading its cluster (Bắc Ninh QĐ
// 86/2025 Điều 3 k1), which the record says.
func TestStandardsReadTheRecord(t *testing.T) {
	rs, err := Compose(Decree152_2025(), ScienceTechnology2025(), BacNinh2025())
	require.NoError(t, err)
	rules, err := rs.AwardRules(map[Award]Quota{AwardMinistryFlag: CountQuota(1), AwardMinistryMerit: CountQuota(2)})
	require.NoError(t, err)
	led := func(rs []YearRecord) []YearRecord { rs[len(rs)-1].Led = []ClusterID{"k"}; return rs }
	flag := func(v int) map[Award]VoteCount {
		return map[Award]VoteCount{AwardMinistryFlag: {Votes: v, Base: 5, Passed: v >= 4}}
	}
	cands := []Candidate{
		{Unit: "a", Rank: 1, Year: 2026, Total: dec("95"), Votes: flag(5), // most votes, but did not lead
			Facts: Facts{Record: rated(2025, RatingExcellent, RatingExcellent)}},
		{Unit: "b", Rank: 2, Year: 2026, Total: dec("94"), Votes: flag(4), LeadsCluster: true,
			Facts: Facts{Record: led(rated(2025, RatingExcellent, RatingExcellent))}},
		{Unit: "c", Rank: 3, Year: 2026, Total: dec("93"), Votes: flag(0),
			Facts: Facts{Record: rated(2025, RatingGood, RatingExcellent)}},
		{Unit: "d", Rank: 4, Year: 2026, Total: dec("92"), Votes: flag(0),
			Facts: Facts{Record: rated(2026, RatingExcellent)}},
		{Unit: "e", Rank: 5, Year: 2026, Total: dec("91"), Votes: flag(0),
			Facts: Facts{Record: []YearRecord{{Year: 2025, Titles: []Award{AwardExcellentCollective}}, {Year: 2026, Titles: []Award{AwardExcellentCollective}}}}},
	}
	dd, err := DecideCandidates(rules, cands, Pool{Members: 5})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"b"}, dd.Proposed(AwardMinistryFlag))
	assert.Equal(t, []UnitID{"a", "e"}, dd.Proposed(AwardMinistryMerit), "e holds the Excellent Labour Collective title two years running: the same point's other route")
	why := map[UnitID]Declined{}
	for _, x := range dd.Declined {
		if x.Reason == DeclinedStandard {
			why[x.Unit+"/"+UnitID(x.Award.String())] = x
		}
	}
	a := why["a/ministry-flag"]
	assert.Equal(t, "leads the cluster", a.Standard)
	assert.Equal(t, "did not lead the cluster in 2026", a.Detail)
	c := why["c/ministry-merit"]
	assert.Equal(t, "2 consecutive excellent years", c.Standard)
	assert.Equal(t, []int{2025}, c.Years)
	assert.Equal(t, "2 consecutive excellent years to 2026 needed; missing 2025", c.Detail)
	assert.Equal(t, []int{2025}, why["d/ministry-merit"].Years, "no record of 2025")
}

func TestDisciplineDeclines(t *testing.T) {
	rules := mustRules(t, AwardRule{Award: AwardMinistryMerit})
	d := MustDate
	cands := []Candidate{
		{Unit: "a", Rank: 1, Year: 2026, Total: dec("90"), Facts: Facts{Discipline: []DisciplinePeriod{{From: d(2025, 9, 1), Until: d(2026, 3, 1)}}}},
		{Unit: "b", Rank: 2, Year: 2026, Total: dec("89"), Facts: Facts{Discipline: []DisciplinePeriod{{From: d(2024, 9, 1), Until: d(2025, 12, 31)}}}},
		{Unit: "c", Rank: 3, Total: dec("88"), Facts: Facts{Discipline: []DisciplinePeriod{{From: d(2024, 9, 1)}}}},
	}
	dd, err := DecideCandidates(rules, cands, Pool{})
	require.NoError(t, err)
	assert.Equal(t, []UnitID{"b"}, dd.Proposed(AwardMinistryMerit), "b's discipline ended with 2025")
	require.Len(t, dd.Declined, 2)
	assert.Equal(t, DeclinedDiscipline, dd.Declined[0].Reason)
	assert.Equal(t, []int{2026}, dd.Declined[0].Years)
	assert.Equal(t, DeclinedDiscipline, dd.Declined[1].Reason, "no year known, and the discipline has not ended")
}
