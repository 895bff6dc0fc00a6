package council_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

// bytesource hands out small numbers from the fuzzer's bytes, and zeros once
// they run out.
type bytesource struct{ b []byte }

func (s *bytesource) n(k int) int {
	if len(s.b) == 0 || k <= 1 {
		return 0
	}
	v := int(s.b[0]) % k
	s.b = s.b[1:]
	return v
}

func (s *bytesource) yes() bool { return s.n(2) == 1 }

// fuzzSession builds a session from the fuzzer's bytes: one to six clusters,
// three to twelve members with random attendance, random nominations, records
// and ballots, and now and then a bad input (a cluster of another year, a
// guest's vote, a nominee who did not lead).
func fuzzSession(data []byte) (council.Session, *bytesource, []council.MemberID) {
	src := &bytesource{b: data}
	s := fixture()
	s.Clusters, s.Records, s.Nominations, s.Polls, s.ChairDecisions = nil, nil, nil, nil, nil
	var leaders []thidua.UnitID
	for i := range 1 + src.n(6) {
		year := 2026
		if src.n(32) == 31 {
			year = 2025
		}
		r := report(string(rune('a'+i)), year, 2+src.n(2))
		s.Clusters = append(s.Clusters, r)
		leaders = append(leaders, r.Leading[0])
	}
	n := 3 + src.n(10)
	s.Council.Members = s.Council.Members[:0]
	s.Attendance = council.Attendance{Secretary: thidua.Person{Name: "Thư ký"}}
	var entitled []council.MemberID
	for i := 1; i <= n; i++ {
		id := council.MemberID(fmt.Sprintf("m%d", i))
		role := council.RoleMember
		if i == 1 {
			role = council.RoleChair
		}
		s.Council.Members = append(s.Council.Members, council.Member{ID: id, Person: thidua.Person{Name: string(id)}, Role: role})
		status := src.n(6)
		if i == 1 {
			status = 0
		}
		switch status {
		case 0, 1, 2:
			s.Attendance.Present = append(s.Attendance.Present, id)
			entitled = append(entitled, id)
		case 3:
			s.Attendance.Written = append(s.Attendance.Written, id)
			entitled = append(entitled, id)
		case 4:
			sub := "s" + id
			s.Attendance.Substitutes = append(s.Attendance.Substitutes, council.Substitute{For: id, ID: sub, Person: thidua.Person{Name: string(sub)}, Mandate: "GUQ"})
			entitled = append(entitled, sub)
		}
	}
	for i := range src.n(3) {
		s.Attendance.Guests = append(s.Attendance.Guests, council.Guest{ID: council.MemberID(fmt.Sprintf("g%d", i)), Person: thidua.Person{Name: "Khách"}})
	}
	var nominated []thidua.UnitID
	for i, u := range leaders {
		s.Records = append(s.Records, thidua.Facts{Unit: u, ExcellentYears: src.n(4)})
		if src.yes() {
			s.Nominations = append(s.Nominations, council.Nomination{Unit: u, Cluster: s.Clusters[i].Cluster})
			nominated = append(nominated, u)
		}
	}
	if src.n(32) == 31 {
		s.Nominations = append(s.Nominations, council.Nomination{Unit: s.Clusters[0].Units[1].ID, Cluster: s.Clusters[0].Cluster})
	}
	if src.yes() {
		s.Options.Standards = []council.AwardStandard{{Award: thidua.AwardMinistryFlag, ExcellentYears: 2, Source: "fuzz"}}
	}
	if src.yes() {
		s.Options.Order = council.ScoreFirst
	}
	if src.yes() {
		s.Options.GovFlagRounding = thidua.QuotaRoundCeil
	}
	poll := func(a thidua.Award, cands []thidua.UnitID) {
		if len(cands) == 0 {
			return
		}
		p := council.Poll{Award: a, Round: 1}
		for _, v := range entitled {
			if src.n(8) == 0 {
				continue // did not hand in a ballot
			}
			p.Voters = append(p.Voters, v)
			var b thidua.Ballot
			for _, c := range cands {
				if src.n(4) != 0 {
					b.Approve = append(b.Approve, c)
				}
			}
			p.Ballots = append(p.Ballots, b)
		}
		if len(s.Attendance.Guests) > 0 && src.n(32) == 31 {
			p.Voters = append(p.Voters, s.Attendance.Guests[0].ID)
			p.Ballots = append(p.Ballots, thidua.Ballot{})
		}
		s.Polls = append(s.Polls, p)
	}
	poll(thidua.AwardGovernmentFlag, nominated)
	poll(thidua.AwardMinistryFlag, leaders)
	if src.yes() {
		s.Direct = []council.DirectProposal{{Unit: thidua.Unit{ID: "vien", Name: "Viện"}, Award: thidua.AwardMinistryMerit,
			Score: decimal.NewFromInt(int64(80 + src.n(20)))}}
		s.Options.Quotas = []council.AwardQuota{{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(1 + src.n(3))}}
	}
	var room []council.MemberID
	for _, v := range entitled {
		if !slices.Contains(s.Attendance.Written, v) {
			room = append(room, v)
		}
	}
	return s, src, room
}

func isCouncilError(err error) bool {
	var me *council.MemberError
	var qe *council.QuorumError
	var ce *council.ClusterError
	var pe *council.PollError
	var fe *council.FieldError
	return errors.As(err, &me) || errors.As(err, &qe) || errors.As(err, &ce) || errors.As(err, &pe) || errors.As(err, &fe)
}

func FuzzConclude(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{4, 1, 2, 0, 1, 9, 0, 1, 2, 3, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3})
	f.Add([]byte{5, 0, 0, 0, 0, 0, 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 1, 0, 1})
	f.Add([]byte("the council of the ministry of science and technology, december 2026"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, src, room := fuzzSession(data)
		o, err := s.Conclude()
		if err != nil {
			require.True(t, isCouncilError(err), "untyped error %v", err)
			require.True(t, strings.HasPrefix(err.Error(), "thidua/council: "), err.Error())
			return
		}
		// A runoff among the tied, now and then, by those in the room.
		runoffs := 0
		for _, p := range o.Pending {
			if !src.yes() {
				continue
			}
			pl := council.Poll{Award: p.Award, Round: p.Round + 1, Voters: room}
			for range room {
				var b thidua.Ballot
				for _, u := range p.Units {
					if src.yes() {
						b.Approve = append(b.Approve, u)
					}
				}
				pl.Ballots = append(pl.Ballots, b)
			}
			s.Polls = append(s.Polls, pl)
			runoffs++
		}
		if runoffs > 0 {
			o, err = s.Conclude()
			require.NoError(t, err)
		}
		// The Chair settles what the ballots left tied, and the session
		// completes.
		for _, p := range o.Pending {
			require.Equal(t, council.PendingChair, p.Kind)
			d := thidua.Settlement{Award: p.Award, By: thidua.TieBreakFallback}
			for _, u := range p.Units[:p.Seats] {
				d.Order = append(d.Order, []thidua.UnitID{u})
			}
			s.ChairDecisions = append(s.ChairDecisions, d)
		}
		if len(o.Pending) > 0 {
			o, err = s.Conclude()
			require.NoError(t, err)
			require.True(t, o.Complete(), "pending after the Chair's vote: %v", o.Pending)
		}
		for _, v := range o.Votes {
			assert.Equal(t, v.Result.Cast, v.Result.Valid+v.Result.Invalid, "cast = valid + invalid")
			assert.Equal(t, len(v.Voters), v.Result.Cast, "one ballot per voter")
			assert.Equal(t, o.Count.Members, v.Result.Contest.Electorate(), "the electorate is all members")
		}
		seen := map[thidua.UnitID]bool{}
		for _, p := range o.Decision.Proposals {
			assert.False(t, seen[p.Unit], "two awards for %s", p.Unit)
			seen[p.Unit] = true
		}
		gov := len(o.Decision.Proposed(thidua.AwardGovernmentFlag))
		assert.LessOrEqual(t, gov, o.GovFlagSeats)
		if s.Options.GovFlagRounding == thidua.QuotaRoundFloor {
			assert.LessOrEqual(t, gov, len(o.Leaders)/5, "at most floor(20%% × leaders)")
		}
		for _, g := range o.ToPrimeMinister {
			if g.Award == thidua.AwardGovernmentFlag {
				assert.True(t, slices.ContainsFunc(o.Leaders, func(l council.Leader) bool { return l.Unit == g.Unit && l.Cluster == g.Cluster }))
			}
		}
		// The order of the clusters' outcomes, nominations and ballots
		// changes nothing.
		p := s
		p.Clusters = slices.Clone(s.Clusters)
		p.Nominations = slices.Clone(s.Nominations)
		p.Polls = slices.Clone(s.Polls)
		slices.Reverse(p.Clusters)
		slices.Reverse(p.Nominations)
		slices.Reverse(p.Polls)
		o2, err := p.Conclude()
		require.NoError(t, err)
		assert.True(t, o.Decision.Equal(o2.Decision), "the order of inputs changed the decision")
		// The documents render in both languages, line for line, with one
		// vote-count record per tally that accounts for every ballot.
		vi, err := o.Text(document.Vietnamese)
		require.NoError(t, err)
		en, err := o.Text(document.English)
		require.NoError(t, err)
		assert.Equal(t, strings.Count(vi, "\n"), strings.Count(en, "\n"))
		assert.Equal(t, len(o.Votes), strings.Count(vi, "\f"))
		vcs, err := o.VoteCounts(document.Vietnamese)
		require.NoError(t, err)
		for i, vc := range vcs {
			assert.Equal(t, o.Votes[i].Result.Cast, vc.Received)
			assert.Equal(t, vc.Received, vc.Valid+vc.Invalid)
		}
		// JSON round trip.
		b, err := json.Marshal(o)
		require.NoError(t, err)
		var back council.Outcome
		require.NoError(t, json.Unmarshal(b, &back))
		assert.True(t, o.Equal(back))
	})
}
