package council_test

import (
	"slices"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/council"
	"github.com/thidua/thidua/document"
)

func TestFixtureConcludes(t *testing.T) {
	o, err := fixture().Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete(), "pending: %v", o.Pending)
	assert.Equal(t, 5, len(o.Leaders))
	assert.Equal(t, 1, o.GovFlagSeats)
	require.Len(t, o.ToPrimeMinister, 1)
	assert.Equal(t, thidua.UnitID("a1"), o.ToPrimeMinister[0].Unit)
	assert.Equal(t, thidua.ClusterID("a"), o.ToPrimeMinister[0].Cluster)
	assert.Equal(t, thidua.TieBreakFallback, o.ToPrimeMinister[0].DecidedBy)
	award, _ := o.Decision.AwardOf("b1")
	assert.Equal(t, thidua.AwardMinistryFlag, award, "the loser of the tie keeps its ministry flag")
	assert.False(t, o.Secret, "Decree 152/2025 asks for a ballot, not a secret one")
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *council.Session)
		err    error
		check  func(t *testing.T, err error)
	}{
		{"member listed twice", func(s *council.Session) {
			s.Council.Members = append(s.Council.Members, s.Council.Members[3])
		}, council.ErrDuplicateMember, nil},
		{"substitute with a member's ID", func(s *council.Session) {
			s.Attendance.Substitutes[0].ID = "m3"
		}, council.ErrDuplicateMember, nil},
		{"guest with a substitute's ID", func(s *council.Session) {
			s.Attendance.Guests[0].ID = "s9"
		}, council.ErrDuplicateMember, nil},
		{"substitute for a member who is present", func(s *council.Session) {
			s.Attendance.Substitutes[0].For = "m2"
		}, council.ErrSubstituteForPresent, func(t *testing.T, err error) {
			var me *council.MemberError
			require.ErrorAs(t, err, &me)
			assert.Equal(t, council.MemberID("m2"), me.ID)
		}},
		{"substitute for a member with a written opinion", func(s *council.Session) {
			s.Attendance.Substitutes[0].For = "m8"
		}, council.ErrSubstituteForPresent, nil},
		{"substitute without a mandate", func(s *council.Session) {
			s.Attendance.Substitutes[0].Mandate = " "
		}, council.ErrNoMandate, nil},
		{"written opinion from a member who is present", func(s *council.Session) {
			s.Attendance.Written = append(s.Attendance.Written, "m4")
		}, council.ErrWrittenWhilePresent, nil},
		{"present twice", func(s *council.Session) {
			s.Attendance.Present = append(s.Attendance.Present, "m4")
		}, council.ErrDuplicateMember, nil},
		{"present but not a member", func(s *council.Session) {
			s.Attendance.Present = append(s.Attendance.Present, "x1")
		}, council.ErrUnknownMember, nil},
		{"no chair", func(s *council.Session) {
			s.Council.Members[0].Role = council.RoleMember
		}, council.ErrNoChair, nil},
		{"two chairs", func(s *council.Session) {
			s.Council.Members[1].Role = council.RoleChair
		}, council.ErrNoChair, nil},
		{"chair absent", func(s *council.Session) {
			s.Attendance.Present = s.Attendance.Present[1:]
			s.Attendance.Written = append(s.Attendance.Written, "m1")
		}, council.ErrNoChair, nil},
		{"invalid role", func(s *council.Session) {
			s.Council.Members[4].Role = 9
		}, council.ErrInvalidMember, nil},
		{"vote by a guest", func(s *council.Session) {
			s.Polls[0].Voters = append(slices.Clone(voters[:8]), "g1")
		}, council.ErrGuestVote, func(t *testing.T, err error) {
			var pe *council.PollError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, council.MemberID("g1"), pe.Voter)
			assert.Equal(t, thidua.AwardGovernmentFlag, pe.Award)
		}},
		{"vote by a represented member", func(s *council.Session) {
			s.Polls[0].Voters = append(slices.Clone(voters[:8]), "m9")
		}, council.ErrNotEntitled, nil},
		{"written opinion in a runoff", func(s *council.Session) {
			s.ChairDecisions = nil
			s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 2, Voters: voters,
				Ballots: []thidua.Ballot{approve(9, "a1")}})
		}, council.ErrNotEntitled, func(t *testing.T, err error) {
			var pe *council.PollError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, council.MemberID("m8"), pe.Voter)
			assert.Equal(t, 2, pe.Round)
		}},
		{"voter twice", func(s *council.Session) {
			s.Polls[0].Voters = append(slices.Clone(voters[:8]), "m1")
		}, council.ErrDuplicateVoter, nil},
		{"more ballots than voters", func(s *council.Session) {
			s.Polls[0].Ballots = []thidua.Ballot{approve(10, "a1")}
		}, council.ErrBallotCount, nil},
		{"fewer ballots than voters", func(s *council.Session) {
			s.Polls[0].Ballots = []thidua.Ballot{approve(8, "a1")}
		}, council.ErrBallotCount, nil},
		{"session below quorum", func(s *council.Session) {
			s.Attendance.Present = s.Attendance.Present[:4]
			s.Attendance.Substitutes = nil
			s.Polls = nil
			s.ChairDecisions = nil
		}, council.ErrBelowQuorum, func(t *testing.T, err error) {
			var qe *council.QuorumError
			require.ErrorAs(t, err, &qe)
			assert.Equal(t, council.QuorumError{What: "quorum", Attending: 4, Members: 9, Needed: 6,
				Share: thidua.AtLeast(2, 3), Err: council.ErrBelowQuorum}, *qe)
		}},
		{"award session below 80 percent", func(s *council.Session) {
			s.Options.AwardAttendance = thidua.AtLeast(4, 5)
			s.Attendance.Present = s.Attendance.Present[:6]
			s.Attendance.Written = append(s.Attendance.Written, "m7")
		}, council.ErrBelowQuorum, func(t *testing.T, err error) {
			var qe *council.QuorumError
			require.ErrorAs(t, err, &qe)
			assert.Equal(t, "award session", qe.What)
			assert.Equal(t, 8, qe.Needed)
			assert.Equal(t, 7, qe.Attending)
		}},
		{"cluster outcome from another year", func(s *council.Session) {
			s.Clusters[2] = report("c", 2025, 2)
		}, council.ErrYearMismatch, func(t *testing.T, err error) {
			var ce *council.ClusterError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, thidua.ClusterID("c"), ce.Cluster)
			assert.Equal(t, 2025, ce.Year)
		}},
		{"two outcomes for one cluster", func(s *council.Session) {
			s.Clusters = append(s.Clusters, s.Clusters[1])
		}, council.ErrDuplicateCluster, nil},
		{"unit in two clusters", func(s *council.Session) {
			r := report("f", 2026, 2)
			r.Units[1].ID = "a2"
			s.Clusters = append(s.Clusters, r)
		}, council.ErrUnitInTwoClusters, nil},
		{"Government-flag candidate who did not lead a cluster", func(s *council.Session) {
			s.Nominations = append(s.Nominations, council.Nomination{Unit: "a2", Cluster: "a"})
		}, council.ErrNotLeader, func(t *testing.T, err error) {
			var ce *council.ClusterError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, thidua.UnitID("a2"), ce.Unit)
		}},
		{"Government-flag candidate naming another cluster", func(s *council.Session) {
			s.Nominations[1].Cluster = "c"
		}, council.ErrNotLeader, nil},
		{"direct proposal for the Government flag", func(s *council.Session) {
			s.Direct = []council.DirectProposal{{Unit: thidua.Unit{ID: "vien", Name: "Viện"}, Award: thidua.AwardGovernmentFlag}}
		}, council.ErrNotLeader, nil},
		{"direct proposal for a unit in a cluster", func(s *council.Session) {
			s.Direct = []council.DirectProposal{{Unit: thidua.Unit{ID: "a2", Name: "Sở a2"}, Award: thidua.AwardMinistryMerit}}
		}, council.ErrUnitInTwoClusters, nil},
		{"nominated twice", func(s *council.Session) {
			s.Nominations = append(s.Nominations, s.Nominations[0])
		}, council.ErrDuplicateProposal, nil},
		{"ballot for an award nobody was proposed for", func(s *council.Session) {
			s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardPrimeMinisterMerit, Round: 1, Voters: voters, Ballots: []thidua.Ballot{approve(9)}})
		}, council.ErrInvalidPoll, nil},
		{"round beyond the rules' rounds", func(s *council.Session) {
			rs := mstRules(s.Date)
			rs.MaxRounds = 2
			s.Rules = &rs
			s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 3, Voters: voters, Ballots: []thidua.Ballot{approve(9)}})
		}, council.ErrInvalidPoll, nil},
		{"round out of sequence", func(s *council.Session) {
			s.Polls[0].Round, s.Polls[0].Voters, s.Polls[0].Ballots = 2, room, []thidua.Ballot{approve(8, "a1")}
		}, council.ErrInvalidPoll, nil},
		{"runoff that no tie needs", func(s *council.Session) {
			s.Polls[0].Ballots = []thidua.Ballot{approve(8, "a1", "b1"), approve(1, "a1")}
			s.ChairDecisions = nil
			s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 2, Voters: room, Ballots: []thidua.Ballot{approve(8, "a1")}})
		}, council.ErrInvalidPoll, nil},
		{"chair's vote that no tie needs", func(s *council.Session) {
			s.Polls[0].Ballots = []thidua.Ballot{approve(8, "a1", "b1"), approve(1, "a1")}
		}, council.ErrInvalidChoice, nil},
		{"chair's vote for a unit outside the tie", func(s *council.Session) {
			s.ChairDecisions[0].Order = [][]thidua.UnitID{{"c1"}}
		}, council.ErrInvalidChoice, nil},
		{"chair's vote where the rules name nobody", func(s *council.Session) {
			rs := mstRules(s.Date)
			rs.CutoffTie = thidua.FallbackNone
			s.Rules = &rs
		}, council.ErrInvalidChoice, nil},
		{"rules not in force", func(s *council.Session) {
			rs := thidua.Decree98_2023()
			s.Rules = &rs
		}, thidua.ErrRulesNotInForce, nil},
		{"date outside the term", func(s *council.Session) {
			s.Council.Term.Until = thidua.MustDate(2026, time.June, 30)
		}, council.ErrInvalidOption, nil},
		{"invalid order", func(s *council.Session) {
			s.Options.Order = 7
		}, council.ErrInvalidOption, nil},
		{"record of an unknown unit", func(s *council.Session) {
			s.Records = append(s.Records, thidua.Facts{Unit: "zz"})
		}, thidua.ErrUnknownUnit, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := fixture()
			tt.change(&s)
			_, err := s.Conclude()
			require.ErrorIs(t, err, tt.err)
			assert.Regexp(t, `^thidua(/council)?: `, err.Error())
			if tt.check != nil {
				tt.check(t, err)
			}
		})
	}
}

// The threshold is a share of all members, and the written opinion is a vote:
// 4/5 of 9 members needs 8 approvals whoever is in the room.
func TestThresholdOfAllMembers(t *testing.T) {
	flagVotes := func(s *council.Session, p council.Poll) {
		s.Nominations, s.ChairDecisions = nil, nil
		s.Polls = []council.Poll{p}
	}
	t.Run("written opinion makes the eighth vote", func(t *testing.T) {
		s := fixture()
		flagVotes(&s, council.Poll{Award: thidua.AwardMinistryFlag, Round: 1, Voters: voters,
			Ballots: []thidua.Ballot{approve(8, "a1", "b1", "c1", "d1", "e1"), approve(1)}})
		o, err := s.Conclude()
		require.NoError(t, err)
		assert.Len(t, o.Decision.Proposed(thidua.AwardMinistryFlag), 5)
	})
	t.Run("seven of eight cast is short of 8 of 9 members", func(t *testing.T) {
		s := fixture()
		without := slices.DeleteFunc(slices.Clone(voters), func(v council.MemberID) bool { return v == "m8" })
		flagVotes(&s, council.Poll{Award: thidua.AwardMinistryFlag, Round: 1, Voters: without,
			Ballots: []thidua.Ballot{approve(7, "a1", "b1", "c1", "d1", "e1"), approve(1)}})
		o, err := s.Conclude()
		require.NoError(t, err)
		assert.Empty(t, o.Decision.Proposed(thidua.AwardMinistryFlag))
		require.NotEmpty(t, o.Refused)
		assert.Equal(t, thidua.DeclinedVoteShort, o.Refused[0].Reason)
		assert.Equal(t, [3]int{7, 9, 8}, [3]int{o.Refused[0].Votes, o.Refused[0].Base, o.Refused[0].Needed})
	})
}

func TestTieAtTheQuota(t *testing.T) {
	t.Run("pending the chair's vote", func(t *testing.T) {
		s := fixture()
		s.ChairDecisions = nil
		o, err := s.Conclude()
		require.NoError(t, err)
		require.Len(t, o.Pending, 1)
		assert.Equal(t, council.Pending{Kind: council.PendingChair, Award: thidua.AwardGovernmentFlag, Round: 1,
			Units: []thidua.UnitID{"a1", "b1"}, Seats: 1}, o.Pending[0])
		assert.Empty(t, o.ToPrimeMinister, "nobody is proposed while the tie stands")
		assert.Len(t, o.Decision.Ties, 1)
	})
	t.Run("settled by a runoff", func(t *testing.T) {
		s := fixture()
		s.ChairDecisions = nil
		s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 2, Voters: room,
			Ballots: []thidua.Ballot{approve(3, "a1"), approve(5, "b1")}})
		o, err := s.Conclude()
		require.NoError(t, err)
		require.True(t, o.Complete())
		require.Len(t, o.ToPrimeMinister, 1)
		assert.Equal(t, thidua.UnitID("b1"), o.ToPrimeMinister[0].Unit)
		assert.Equal(t, thidua.TieBreakRunoff, o.ToPrimeMinister[0].DecidedBy)
		assert.Equal(t, 2, o.Votes[1].Round)
		assert.Equal(t, []thidua.UnitID{"a1", "b1"}, o.Votes[1].Result.Contest.Candidates())
	})
	t.Run("runoff still tied, then the chair", func(t *testing.T) {
		s := fixture()
		s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardGovernmentFlag, Round: 2, Voters: room,
			Ballots: []thidua.Ballot{approve(4, "a1"), approve(4, "b1")}})
		s.ChairDecisions[0].Order = [][]thidua.UnitID{{"b1"}}
		o, err := s.Conclude()
		require.NoError(t, err)
		require.True(t, o.Complete())
		assert.Equal(t, thidua.UnitID("b1"), o.ToPrimeMinister[0].Unit)
		require.Len(t, o.Settled, 2)
		assert.Equal(t, thidua.TieBreakRunoff, o.Settled[0].By)
		assert.Equal(t, thidua.TieBreakFallback, o.Settled[1].By)
		assert.Equal(t, 2, o.Settled[1].Round)
		assert.Equal(t, thidua.FallbackChair, o.Settled[1].Fallback, "the chair decided")
	})
	t.Run("rules without the chair ask for a runoff", func(t *testing.T) {
		s := fixture()
		rs := mstRules(s.Date)
		rs.CutoffTie = thidua.FallbackNone
		s.Rules, s.ChairDecisions = &rs, nil
		o, err := s.Conclude()
		require.NoError(t, err)
		require.Len(t, o.Pending, 1)
		assert.Equal(t, council.PendingRunoff, o.Pending[0].Kind)
		assert.Equal(t, 2, o.Pending[0].Round)
	})
	t.Run("no rounds left and no chair: the tie is a result", func(t *testing.T) {
		s := fixture()
		rs := mstRules(s.Date)
		rs.CutoffTie, rs.MaxRounds = thidua.FallbackNone, 1
		s.Rules, s.ChairDecisions = &rs, nil
		o, err := s.Conclude()
		require.NoError(t, err)
		assert.True(t, o.Complete())
		require.Len(t, o.Decision.Ties, 1)
		assert.Equal(t, []thidua.UnitID{"a1", "b1"}, o.Decision.Ties[0].Units)
	})
}

// Over quota, votes first (TT 25/2025/TT-BKHCN Điều 23) or score first: the
// rules in force decide unless the council's option overrides them.
func TestOverQuotaOrder(t *testing.T) {
	build := func(order council.Order, votesFirst bool) council.Session {
		s := fixture()
		rs := mstRules(s.Date)
		rs.VotesFirst = votesFirst
		s.Rules = &rs
		s.Options.Order = order
		s.Options.Quotas = []council.AwardQuota{{Award: thidua.AwardMinistryMerit, Quota: thidua.CountQuota(1)}}
		// Every cluster proposed its second unit (score 90) for the Bằng
		// khen; a direct proposal scores 95 but has fewer votes.
		s.Direct = []council.DirectProposal{{Unit: thidua.Unit{ID: "vien", Name: "Viện"}, Award: thidua.AwardMinistryMerit, Score: decimal.RequireFromString("95")}}
		s.Records = append(s.Records, thidua.Facts{Unit: "vien", ExcellentYears: 2})
		s.Polls = append(s.Polls, council.Poll{Award: thidua.AwardMinistryMerit, Round: 1, Voters: voters,
			Ballots: []thidua.Ballot{approve(6, "a2"), approve(3, "vien")}})
		return s
	}
	tests := []struct {
		name       string
		order      council.Order
		votesFirst bool
		want       thidua.UnitID
	}{
		{"the sector's rules: votes first", council.OrderByRules, true, "a2"},
		{"rules silent: score first", council.OrderByRules, false, "vien"},
		{"votes first overrides the rules", council.VotesFirst, false, "a2"},
		{"score first overrides the rules", council.ScoreFirst, true, "vien"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o, err := build(tt.order, tt.votesFirst).Conclude()
			require.NoError(t, err)
			assert.Equal(t, []thidua.UnitID{tt.want}, o.Decision.Proposed(thidua.AwardMinistryMerit))
		})
	}
	assert.True(t, mstRules(thidua.MustDate(2026, time.December, 20)).VotesFirst, "Thông tư 25/2025/TT-BKHCN Điều 23")
}

func TestGovFlagQuotaRounding(t *testing.T) {
	s := fixture()
	s.Clusters = append(s.Clusters, report("f", 2026, 2), report("g", 2026, 2))
	o, err := s.Conclude()
	require.NoError(t, err)
	assert.Equal(t, 1, o.GovFlagSeats, "floor(20%% × 7) = 1")
	s.Options.GovFlagRounding = thidua.QuotaRoundCeil
	s.ChairDecisions = nil
	o, err = s.Conclude()
	require.NoError(t, err)
	assert.Equal(t, 2, o.GovFlagSeats, "ceil(20%% × 7) = 2")
	assert.Len(t, o.ToPrimeMinister, 2)
}

func TestFlagStandard(t *testing.T) {
	s := fixture()
	s.Options.Standards = []council.AwardStandard{{Award: thidua.AwardMinistryFlag, ExcellentYears: 2, Source: "minh họa"}}
	s.ChairDecisions = nil
	s.Records = []thidua.Facts{{Unit: "a1", ExcellentYears: 2}, {Unit: "b1", ExcellentYears: 1},
		{Unit: "c1", ExcellentYears: 2}, {Unit: "d1", ExcellentYears: 2}, {Unit: "e1", ExcellentYears: 2}}
	o, err := s.Conclude()
	require.NoError(t, err)
	require.Len(t, o.ToPrimeMinister, 1, "b1 misses the ministry-flag standard, so a1 is alone")
	assert.Equal(t, thidua.UnitID("a1"), o.ToPrimeMinister[0].Unit)
	var reasons []thidua.DeclineReason
	for _, r := range o.Refused {
		if r.Unit == "b1" {
			reasons = append(reasons, r.Reason)
		}
	}
	assert.Equal(t, []thidua.DeclineReason{thidua.DeclinedStandard, thidua.DeclinedStandard}, reasons, "refused both flags for the same standard")
}

func TestSecretBallot(t *testing.T) {
	s := fixture()
	s.Options.Ballot = council.BallotSecret
	s.Polls[1].Ballots = []thidua.Ballot{approve(8, "a1", "b1", "c1", "d1", "e1"), {Approve: []thidua.UnitID{"a1"}, Voter: "m1"}}
	o, err := s.Conclude()
	require.NoError(t, err)
	assert.True(t, o.Secret)
	r := o.Votes[1].Result
	assert.Equal(t, [3]int{9, 8, 1}, [3]int{r.Cast, r.Valid, r.Invalid}, "a named ballot is invalid in a secret vote")
	require.Len(t, r.Rejected, 1)
	assert.Equal(t, 1, r.Rejected[0].Index, "the second ballot, the one naming its voter")
}

func TestSecretBallotByRegime(t *testing.T) {
	s := fixture()
	rs := mstRules(s.Date)
	rs.SecretBallot = true
	s.Rules = &rs
	s.Polls[1].Ballots = []thidua.Ballot{approve(8, "a1", "b1", "c1", "d1", "e1"), {Approve: []thidua.UnitID{"a1"}, Voter: "m1"}}
	o, err := s.Conclude()
	require.NoError(t, err)
	assert.True(t, o.Secret, "the rules in force ask for a secret ballot")
	assert.Equal(t, 1, o.Votes[1].Result.Invalid, "a named ballot is invalid in a secret vote")
	s.Options.Ballot = council.BallotOpen
	o, err = s.Conclude()
	require.NoError(t, err)
	assert.False(t, o.Secret, "the council's explicit form wins")
	assert.Equal(t, 0, o.Votes[1].Result.Invalid)
}

func TestSecretUnderDecree91(t *testing.T) {
	s := fixture()
	s.Date = thidua.MustDate(2023, time.December, 20)
	s.Rules = nil // the national rules of 2023, before the sector's circular
	s.Year = 2023
	s.Council.Term.From = thidua.MustDate(2021, time.January, 1)
	for i := range s.Clusters {
		s.Clusters[i].Year = 2023
	}
	s.ChairDecisions = nil
	o, err := s.Conclude()
	require.NoError(t, err)
	assert.Equal(t, thidua.Decree91_2017().Name, o.Rules.Name)
	assert.True(t, o.Secret, "Nghị định 91/2017 Điều 45 khoản 8: bỏ phiếu kín")
}

func TestOrderOfClustersDoesNotMatter(t *testing.T) {
	s := fixture()
	o1, err := s.Conclude()
	require.NoError(t, err)
	slices.Reverse(s.Clusters)
	slices.Reverse(s.Nominations)
	slices.Reverse(s.Polls)
	o2, err := s.Conclude()
	require.NoError(t, err)
	assert.True(t, o1.Decision.Equal(o2.Decision))
	assert.Equal(t, text(t, o1, document.Vietnamese), text(t, o2, document.Vietnamese))
}

func TestFromOutcome(t *testing.T) {
	c := thidua.MustCluster(thidua.ClusterSpec{ID: "k", Name: "Cụm k", Organizer: "Bộ", Kind: thidua.KindCluster, Year: 2026,
		Members: []thidua.Unit{{ID: "u1", Name: "Sở 1"}, {ID: "u2", Name: "Sở 2"}, {ID: "u3", Name: "Sở 3"}}, Leader: "u1", Deputy: "u2"})
	card := thidua.MustScorecard(thidua.ScorecardSpec{ID: "k-2026", Name: "Bảng điểm", Year: 2026,
		Criteria: []thidua.CriterionSpec{{ID: "A", Name: "A", Max: decimal.NewFromInt(100)}}})
	var as []thidua.Assessment
	for i, id := range c.MemberIDs() {
		as = append(as, thidua.Assessment{Unit: id, Assessor: "td", Kind: thidua.AssessorAppraisal,
			Marks: map[thidua.CriterionID]decimal.Decimal{"A": decimal.NewFromInt(int64(95 - i))}})
	}
	o, err := thidua.Review{Date: thidua.MustDate(2026, time.December, 1), Cluster: c, Scorecard: card, Assessments: as,
		Awards: []thidua.AwardVote{{Award: thidua.AwardMinistryFlag, Quota: thidua.CountQuota(1),
			Rounds: [][]thidua.Ballot{{approve(3, "u1")}}}},
		Succession: thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: c.MemberIDs()}}.Conclude()
	require.NoError(t, err)
	r := council.FromOutcome(o)
	assert.Equal(t, []thidua.UnitID{"u1"}, r.Leading)
	assert.Equal(t, 2026, r.Year)
	require.Len(t, r.Proposals, 1)
	assert.Equal(t, thidua.UnitID("u1"), r.Proposals[0].Unit)
	require.Len(t, r.Votes, 1)
	assert.Equal(t, o.Votes[0].Result.Cast, r.Votes[0].Cast)
	assert.Len(t, r.Votes[0].Digest, 64)
	assert.True(t, r.Complete)
}

// An outcome is a value: changing the session after Conclude changes nothing
// in it.
func TestOutcomeDoesNotAliasTheSession(t *testing.T) {
	s := fixture()
	o, err := s.Conclude()
	require.NoError(t, err)
	want := text(t, o, document.Vietnamese)
	s.Council.Members[0].Name = "đổi"
	s.Attendance.Present[1] = "m9"
	s.Clusters[0].Units[0].Name = "đổi"
	s.Polls[0].Ballots[0].Approve[0] = "zz"
	s.Polls[0].Voters[0] = "zz"
	s.Records[0].ExcellentYears = 0
	assert.Equal(t, want, text(t, o, document.Vietnamese))
	assert.Equal(t, thidua.UnitID("a1"), o.Votes[0].Ballots[0].Approve[0])
}

// A council's standard that the rules in force already hold is checked once.
func TestStandardOfTheRulesOnce(t *testing.T) {
	s := fixture()
	s.Options.Standards = []council.AwardStandard{{Award: thidua.AwardMinistryMerit, ExcellentYears: 2, Source: "Thông tư 25/2025/TT-BKHCN Điều 7 khoản 3 điểm d"}}
	o, err := s.Conclude()
	require.NoError(t, err)
	require.NotEmpty(t, o.Decision.Proposed(thidua.AwardMinistryMerit))
	for _, g := range o.ToMinister {
		if g.Award == thidua.AwardMinistryMerit {
			assert.Equal(t, []string{"no pending case", "2 consecutive excellent years"}, g.Standards)
		}
	}
}

func TestProposalsListTheStandardsMet(t *testing.T) {
	s := fixture()
	s.Options.Standards = []council.AwardStandard{{Award: thidua.AwardMinistryFlag, ExcellentYears: 2, Source: "minh họa"}}
	o, err := s.Conclude()
	require.NoError(t, err)
	require.NotEmpty(t, o.ToPrimeMinister)
	assert.Equal(t, []string{"no pending case", "leads the cluster", "2 consecutive excellent years"}, o.ToPrimeMinister[0].Standards)
}
