// Package council models the stage after the clusters: the Emulation and
// Commendation Council (Hội đồng Thi đua - Khen thưởng) of a ministry or
// province, which decides on the clusters' proposals and proposes the
// Government Emulation Flag.
//
// # The council and its session
//
// A Council has members (thành viên), each a thidua.Person with a Role
// (chair, vice-chair, member), and a Term. A Session records the day, the
// rules in force (the national rules composed with the sector's or
// province's layers, such as thidua.ScienceTechnology2025), the attendance
// (members present, absent members who gave a written opinion, substitutes
// with a written mandate, guests), the clusters' reports, the units' records
// (thidua.Facts: ratings, titles, awards and clusters led by year, discipline
// periods), direct proposals from units outside clusters, the Government-flag
// Nominations, the ballots (Poll), the chair's decisions on ties, and the
// Paperwork its documents need.
//
// The quorum is the rules' CouncilQuorum (2/3 of members: TT 25/2025/TT-BKHCN
// Điều 23); a session on awards may need more (Options.AwardAttendance, with
// its citation). Substitutes attend and vote; written opinions count in the
// base and as their member's vote (Nghị định 98/2023/NĐ-CP Điều 30 khoản 7);
// guests may not vote.
//
// # Votes
//
// Every vote is a thidua.Contest counted with Contest.Tally: the electorate is
// all members of the council, so a threshold of 4/5 is 4/5 of all members,
// and the accounting (cast = valid + invalid) and the digest are the same as
// a cluster's. The ballot is secret where the rules in force say so
// (thidua.RuleSet.SecretBallot, as Nghị định 91/2017/NĐ-CP did). Over quota
// the order is the rules' (thidua.RuleSet.VotesFirst: the highest votes first
// under TT 25/2025/TT-BKHCN Điều 23), which Options.Order may override with
// the clusters' scores first; a tie at the cut-off goes to a runoff or to the
// Chair's vote, as the rules in force say.
//
// # The Government flag
//
// Its candidates are the collectives recognised as leading their clusters
// (Luật Thi đua, khen thưởng 2022 Điều 25 khoản 1); each Nomination names the
// cluster the unit led. At most 20% of the leading collectives may be proposed
// (Công văn 5007/BNV-TĐKT, 05/09/2023), rounded down by default since the text
// says "không quá", and each must meet the ministry-flag standard. A unit's
// record that says it led its cluster in the year counts as the cluster's
// report does; standards read the record, and a refusal names the years it
// misses (thidua.Declined.Years).
//
// # The outcome
//
// Session.Conclude returns an Outcome: attendance in figures, the leaders and
// the quota, every Vote with its Result, the decision (one award per unit, the
// highest it qualifies for), what goes to the minister and what up to the
// Prime Minister with the reasons, every refusal with why, and what is still
// pending. Outcome.Minutes and Outcome.VoteCounts fill the document package's
// model (document.Minutes, document.CountOf per tally), the same a cluster's
// review fills, and Outcome.Text and Outcome.HTML render them, in Vietnamese
// or English. Sessions and outcomes encode as JSON with snake_case
// keys and decode to an equal value.
package council
