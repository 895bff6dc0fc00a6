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
// nghị tổng kết) its members score themselves and each other, vote by secret
// ballot on whom to propose for awards, and choose next year's leader (cụm
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
// A year flows through four steps, each usable on its own:
//
//  1. Roster. A Cluster is one year's members with the leader and deputy
//     (NewCluster). Units are renamed and merged over time (UnitChange);
//     Cluster.Reorganize gives the roster of a later year, carrying the
//     leadership to the successor units.
//  2. Scoring. A scorecard of criteria with maximum points and weights, and the
//     assessments of each unit by itself, its peers and the appraisal team,
//     give ranked standings with ties made explicit.
//  3. Ballots. A contest (candidates, electorate, threshold, quorum, method)
//     and its ballots give a result: every ballot accounted for, the winners as
//     a set, and the tie at the last seat when there is one.
//  4. Awards and leadership. The standings, results and facts about each unit
//     give the proposals, each with its reasons, and a succession policy gives
//     next year's leader and deputy.
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
//
// # Errors
//
// Bad input gives a typed error, never a panic: sentinels such as
// ErrUnknownUnit for errors.Is, and types such as *UnitError carrying the
// offending value for errors.As. Every message starts with "thidua:".
package thidua
