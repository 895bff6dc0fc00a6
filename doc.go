// Package thidua models the year of a Vietnamese emulation cluster (cụm thi đua)
// or block (khối thi đua): who its members are, how they are scored, how the
// secret ballots at the year-end review are counted, which awards the cluster
// proposes, and who leads it next year.
//
// The library is pure: it reads no files, prints nothing, and never looks at the
// clock or a global random source. Callers bring the data in and take the results
// out, so the same inputs give the same outputs on every machine, and every value
// is immutable and safe to share between goroutines. Points and weights are exact
// decimals (github.com/shopspring/decimal); vote thresholds are exact integer
// comparisons.
//
// # The domain
//
// Under the Law on Emulation and Commendation (Luật Thi đua, khen thưởng
// 06/2022/QH15, Điều 16) ministries and provinces group comparable units into
// emulation clusters and blocks. Each year a cluster adopts a scoring table,
// signs an emulation pact (giao ước thi đua), and at the year-end review (hội
// nghị tổng kết) its members score themselves and each other, vote by ballot
// (secret where the rules in force say so) on whom to propose for awards, and
// choose next year's leader (cụm
// trưởng) and deputy (cụm phó). The Government Emulation Flag and the ministry or
// provincial Emulation Flags are awarded to units that lead their clusters, so the
// cluster's ranking and vote are where those awards begin.
//
// The rules are not constants: Decree 91/2017, Decree 98/2023 and Decree
// 152/2025 each set them for a period, the 2025 province mergers changed the
// members, and each cluster writes its own scoring table. The library therefore
// carries rules as dated data with their legal sources, and leaves every choice
// the law does not make to an explicit policy value.
//
// # One cluster-year
//
// A year flows through four steps, each usable on its own, and Review strings
// them together for one year-end conference:
//
//  1. Roster. A Cluster is one year's members with the leader and deputy
//     (NewCluster). Units are renamed and merged over time (UnitChange);
//     Cluster.Reorganize gives the roster of a later year, carrying the
//     leadership to the successor units, as the 2025 province mergers require.
//  2. Scoring. A Scorecard (NewScorecard) is the year's table of criteria:
//     leaves with a maximum and a weight (hệ số), bonus (điểm thưởng) and
//     deduction (điểm trừ) criteria, groups with optional minimum gates.
//     Assessments carry the marks each unit gives itself (tự chấm), its peers
//     give it (chấm chéo) and the appraisal team gives it (thẩm định);
//     Scorecard.Score combines them under a ScoringPolicy into Standings:
//     totals, competition ranks (1, 2, 2, 4), a breakdown per criterion, failed
//     gates, and ties left as ties unless a named tie-breaker separates them.
//  3. Ballots. A Contest (NewContest) names the candidates, the electorate (all
//     eligible members: Decree 98/2023 Điều 30 k7 takes its 80% of all council
//     members, not of those present), the seats, the method and a Threshold such
//     as AtLeast(4, 5).Of(BaseElectorate), compared as integers. Contest.Tally
//     checks every Ballot, rejecting with a reason those that name
//     non-candidates or mark too many, refuses a vote below quorum, and returns
//     a Result: counts, the ranking in tiers, the winners as a set, who passed,
//     who is elected, who is tied at the last seat (Result.Runoff builds the
//     next round), and a SHA-256 digest for re-checking the count.
//  4. Awards and leadership. RulesOn(date) gives the national regime in force
//     (Decree 91/2017, 98/2023 or 152/2025, and from 01/10/2026 the same
//     marked unverified against Luật 06/2026/QH16); Compose lays a sector's
//     circular and a province's or the cluster's own rules over it. Every
//     value carries a Citation with its layer and status (read, unverified,
//     not found); RuleSet.AwardRules turns it and the cluster's quotas into
//     AwardRules. A unit's Facts hold its record by year (ratings, titles,
//     awards, clusters led, discipline periods), which the standards read.
//     Decide takes the standings, the vote for each award and the Facts about
//     each unit, and gives a Decision: each unit at most one award, the highest
//     it qualifies for; quotas filled by rank, then votes, then the equal-merit
//     rule; every proposal and every declined unit with its reasons; ties at a
//     quota left for a runoff. A Succession policy (elected, deputy succeeds,
//     fixed order, assigned; with constraints such as no consecutive terms)
//     gives next year's leader and deputy (Succession.Next), projects a plan
//     (Succession.Plan), or checks a recorded history (Succession.CheckHistory).
//
// Review.Conclude runs the four steps for one conference and returns an
// Outcome, from which package document renders the minutes (biên bản), the
// vote-count records and the proposal in Vietnamese or English. When
// a vote ends in a tie and the rules allow another round, the outcome lists
// the runoff it needs; Outcome.WithRunoff adds that round's ballots and gives
// the review to conclude again, and after the last round the rule set's
// fallback (the chair's vote, or leader and deputy deciding a flag) settles
// it, recorded with Outcome.WithSettlement.
//
// # Values and specs
//
// Types follow one of three styles, by what they are:
//
//   - A value with an invariant (Cluster, Scorecard, Contest, Share, Quota)
//     has unexported fields. It is built by a constructor (NewCluster,
//     NewScorecard, NewContest; AtLeast, MoreThan; CountQuota,
//     ShareOfMembers, ShareOfLeaders, Quota.WithRounding), read through
//     accessors (Share.Num, Quota.Basis, ...), compared with Equal where it
//     holds decimals, and its JSON decodes through the same validation.
//   - A spec or input that the caller assembles field by field (ClusterSpec,
//     ScorecardSpec, ContestSpec, Review, Succession, ScoringPolicy, Ballot,
//     Facts, AwardVote, ...) is a plain struct with exported, tagged fields,
//     checked by the operation that consumes it (NewCluster, Review.Conclude,
//     Succession.Next, ...) and, where it has one, by its Validate method.
//   - A result the package produces (Outcome, Result, Decision, Standing,
//     Plan, ...) is a plain struct for the caller to read.
//
// # JSON
//
// Specs, the Review, its Outcome and the results of each step (Standings,
// Result, Decision, Leadership, Plan) encode with encoding/json: keys are
// snake_case, decimals are strings, enumerations are their English names, and
// a tally's digest is hex. Decoding validates as the constructors do, and a
// decoded value equals the one encoded and encodes to the same bytes; a
// concluded Outcome travels whole. Values holding a caller's function (a
// ByComparison tie-breaker, a RequireThat standard, a Constraints.Exclude rule) have no JSON
// form.
//
// # Policy experiments
//
// Beside the flow, Compile scores a scorecard and a year's assessments once
// into int64 fixed point, with the same totals and ranks as Score; ScoreWith
// and RanksScaled score it with other weights, WithMarks with other marks,
// and AwardRules.Seats decides through DecideCandidates' decision core
// without building the reasons. Package experiment
// (github.com/thidua/thidua/experiment) builds on them: simulated
// assessments and ballots drawn from a seeded *rand.Rand, Experiment.Run
// repeating score, vote and decide over many simulated years under each
// variant of the rules, and the sensitivity of a ranking to its weights.
//
// # Glossary
//
//	cụm thi đua              emulation cluster (Kind KindCluster)
//	khối thi đua             emulation block (Kind KindBlock)
//	cụm trưởng / khối trưởng cluster leader (RoleLeader)
//	cụm phó / khối phó       cluster deputy (RoleDeputy)
//	đơn vị, tập thể          unit, collective (Unit)
//	giao ước thi đua         emulation pact signed at the start of the year
//	bảng chấm điểm, thang điểm scoring table (scorecard)
//	tiêu chí                 criterion
//	hệ số                    weight of a criterion
//	tự chấm                  self-assessment
//	chấm chéo                cross-assessment by peers
//	thẩm định                appraisal (by the leader's team or the council)
//	điểm thưởng              bonus points
//	điểm trừ                 deduction points
//	tổng kết, sơ kết         year-end review, mid-year review
//	bình xét                 deliberation and comparison of the members
//	suy tôn                  acclaiming (selecting by vote) the leading unit
//	bỏ phiếu kín             secret ballot
//	biểu quyết               open vote (show of hands)
//	phiếu hợp lệ / không hợp lệ valid / invalid ballot
//	Hội đồng Thi đua - Khen thưởng (HĐTĐKT) Emulation and Commendation Council
//	Cờ thi đua của Chính phủ Government Emulation Flag
//	Cờ thi đua của bộ, tỉnh  Ministry or provincial Emulation Flag
//	Bằng khen                Certificate of Merit (of the Prime Minister, a minister, a province)
//	Giấy khen                Certificate of Commendation
//	Tập thể lao động xuất sắc  Excellent Labour Collective
//	Tập thể lao động tiên tiến Advanced Labour Collective
//	biên bản                 minutes of the review
//	luân phiên               in rotation
//	chỉ tiêu, số lượng       quota (Quota)
//	tiêu chuẩn               standard (Standard)
//	đang xem xét kỷ luật     pending discipline (Facts.PendingDiscipline)
//	ưu tiên nữ               equal-merit rule, ≥ 70% women (Decree 152/2025 Điều 4 k6)
//	trung bình cộng, trung vị  mean, median (Aggregation)
//	bỏ phiếu lại             runoff (Result.Runoff)
//	trúng cử                 elected
//
// # Errors
//
// Bad input gives a typed error, never a panic: sentinels such as
// ErrUnknownUnit for errors.Is, and types such as *UnitError carrying the
// offending value for errors.As. Every message starts with "thidua:".
package thidua
