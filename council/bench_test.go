package council_test

import (
	"testing"

	"github.com/thidua/thidua"
)

// BenchmarkConclude runs the fixture's session end to end: attendance,
// reports, nominations, the two votes, the decision and the Chair's vote.
func BenchmarkConclude(b *testing.B) {
	s := fixture()
	b.ReportAllocs()
	for range b.N {
		if _, err := s.Conclude(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCoreBaseline is the hand-written floor: the same two tallies and
// the same decision made directly with the root package (Contest.Tally and
// DecideCandidates, contests and rules built once), without the council's
// checks, indexes and reasons.
func BenchmarkCoreBaseline(b *testing.B) {
	s := fixture()
	rs := mstRules(s.Date)
	flag := rs.Threshold(thidua.AwardMinistryFlag)
	gov := thidua.MustContest(thidua.ContestSpec{ID: "gov", Year: 2026, Candidates: []thidua.UnitID{"a1", "b1"},
		Electorate: 9, Present: 8, Method: thidua.MethodApproval, Threshold: rs.Threshold(thidua.AwardGovernmentFlag), Quorum: rs.CouncilQuorum, BlankValid: true, Open: true})
	min := thidua.MustContest(thidua.ContestSpec{ID: "min", Year: 2026, Candidates: []thidua.UnitID{"a1", "b1", "c1", "d1", "e1"},
		Electorate: 9, Present: 8, Method: thidua.MethodApproval, Threshold: flag, Quorum: rs.CouncilQuorum, BlankValid: true, Open: true})
	govRule, err := rs.AwardRule(thidua.AwardGovernmentFlag, thidua.Quota{})
	if err != nil {
		b.Fatal(err)
	}
	minRule, err := rs.AwardRule(thidua.AwardMinistryFlag, thidua.Quota{})
	if err != nil {
		b.Fatal(err)
	}
	meritRule, err := rs.AwardRule(thidua.AwardMinistryMerit, thidua.Quota{})
	if err != nil {
		b.Fatal(err)
	}
	rules, err := thidua.NewAwardRules(govRule, minRule, meritRule)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		rg, err := gov.Tally(s.Polls[0].Ballots)
		if err != nil {
			b.Fatal(err)
		}
		rm, err := min.Tally(s.Polls[1].Ballots)
		if err != nil {
			b.Fatal(err)
		}
		var cands []thidua.Candidate
		for _, r := range s.Clusters {
			for i, u := range r.Units {
				c := thidua.Candidate{Unit: u.ID, Rank: 1, Facts: thidua.Facts{Unit: u.ID, ExcellentYears: 2}}
				if i == 0 {
					c.LeadsCluster = true
					c.Votes = map[thidua.Award]thidua.VoteCount{thidua.AwardMinistryFlag: {Votes: rm.Votes(u.ID), Base: 9, Passed: true}}
					if u.ID == "a1" || u.ID == "b1" {
						c.Votes[thidua.AwardGovernmentFlag] = thidua.VoteCount{Votes: rg.Votes(u.ID), Base: 9, Passed: true}
					}
					if u.ID == "a1" {
						c.Settled = []thidua.Settlement{{Award: thidua.AwardGovernmentFlag, By: thidua.TieBreakFallback, Order: [][]thidua.UnitID{{u.ID}}}}
					}
				}
				cands = append(cands, c)
			}
		}
		if _, err := thidua.DecideCandidates(rules, cands, thidua.Pool{Leaders: 5}); err != nil {
			b.Fatal(err)
		}
	}
}
