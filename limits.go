package thidua

// The limits below bound every input whose size drives the work. Each is
// chosen from what real clusters and councils need, with a wide margin, and
// each is checked before the work starts: an input over a limit gets a
// *FieldError wrapping ErrLimit. At each maximum the work is linear in the
// input or close to it, or bounded (BENCHMARKS.md gives the measured time and
// memory at each maximum).
const (
	// MaxIDLen is the longest identifier (UnitID, ClusterID, CriterionID), in
	// bytes of UTF-8: "so-tttt-nam-dinh" is 16, and 64 leaves room for any
	// real name while a malformed input cannot make one huge.
	MaxIDLen = 64

	// MaxCandidates is the most candidates (ứng cử viên) a contest counted by
	// approval ("đồng ý") or plurality may list. A council (Hội đồng Thi đua -
	// Khen thưởng) votes on a few hundred collectives at most; 1024 leaves a
	// margin of three to five times that.
	MaxCandidates = 1024

	// MaxRankedCandidates is the most candidates a contest counted by a ranked
	// method (two-round, Borda, instant runoff, Schulze, ranked pairs,
	// Copeland, minimax) may list. Ranked votes choose a leader or order a few
	// units of a cluster of 5 to 60; 256 is four times the largest cluster,
	// and keeps the pairwise work, which grows with the square of the
	// candidates per ballot and their cube per count, bounded.
	MaxRankedCandidates = 256

	// MaxBallots is the most ballot entries one Tally accepts. An entry may
	// stand for many identical ballots (Ballot.Count), so this bounds the
	// records a vote-counting board (ban kiểm phiếu) writes, not the
	// electorate: a council has tens of members and a cluster at most 60, and
	// 1,048,576 is room for every ballot of a large congress one by one.
	MaxBallots = 1 << 20

	// MaxBallotWork bounds the work of one Tally: the ballot entries times
	// the candidates for approval and plurality, or times the square of the
	// candidates for a ranked method, whose pairwise count compares every two
	// candidates on every distinct ballot. 2^26 keeps a count under about a
	// second and its memory near a hundred megabytes, and still allows
	// 65,536 approval ballots over MaxCandidates, 18,000 rankings of 60 units
	// or 800,000 rankings of 9.
	MaxBallotWork = 1 << 26

	// MaxCriteria is the most criteria (tiêu chí), groups and leaves together,
	// one scorecard (bảng chấm điểm) may hold. Real scoring tables have 20 to
	// 150 lines; 10,000 is a margin of over sixty.
	MaxCriteria = 10_000

	// MaxDepth is the deepest nesting of criteria in a scorecard, counting the
	// top level as 1. Real tables have two or three levels (phần, mục, tiêu
	// chí); 16 leaves room for any sub-numbering.
	MaxDepth = 16

	// MaxUnits is the most units (đơn vị) one cluster or block may have.
	// Clusters have 5 to 60 members; 1000 leaves a margin of over sixteen,
	// enough for a block of every commune of a province.
	MaxUnits = 1000

	// MaxPlanYears is the most years one rotation plan (Succession.Plan) may
	// cover. Plans run for decades; 200 years is a margin of several times
	// the longest.
	MaxPlanYears = 200

	// MaxTerms is the most terms (nhiệm kỳ) a leadership history may hold. One
	// term a year since 1948 is under 80 terms; 1000 is a margin of over
	// twelve.
	MaxTerms = 1000

	// MaxChanges is the most unit changes (đổi tên, sáp nhập) one call may
	// apply: Cluster.Reorganize, a plan, a review or a history check. A
	// cluster sees a handful in a decade, even in the 2025 reorganisation of
	// provinces; 1000 is a margin of a hundred over a plan's length.
	MaxChanges = 1000
)
