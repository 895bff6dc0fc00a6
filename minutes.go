package thidua

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Language is the language minutes are written in. The zero Language is
// Vietnamese, the language of the dossier sent up (QĐ 311/QĐ-BNV 2025 asks for
// the minutes and the vote results).
type Language uint8

// The languages of the minutes.
const (
	LangVietnamese Language = iota // tiếng Việt
	LangEnglish                    // English, for readers outside the sector
)

// IsValid reports whether l is LangVietnamese or LangEnglish.
func (l Language) IsValid() bool { return l <= LangEnglish }

// String returns "vi" or "en", the language's ISO 639-1 code, or "Language(n)"
// for a value that is not a language.
func (l Language) String() string {
	switch l {
	case LangVietnamese:
		return "vi"
	case LangEnglish:
		return "en"
	}
	return fmt.Sprintf("Language(%d)", uint8(l))
}

// words are the fixed phrases of the minutes in one language.
type words struct {
	title, cluster, date, place, chair, cochair, present, rules, unverified string
	standings, rank, unit, total, scaled, tieNote, gate                     string
	votes, secretVotes, round, leaderVote, deputyVote, cast, threshold      string
	needs, passed                                                           string
	votesWord, rejected, digest, noVotes, elected                           string
	proposals, reasons, rankOf, points, voteOf, standards, decidedBy, none  string
	declined, settledBy, runoffRound, fallbackBy                            string
	leadership, leaderIs, deputyIs, vacant, pending, runoffNeeded           string
	fallbackNeeded                                                          string
}

var vocabulary = [...]words{
	LangVietnamese: {
		title:          "BIÊN BẢN HỘI NGHỊ TỔNG KẾT CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM %d",
		cluster:        "%s - %s",
		date:           "Thời gian: %s",
		place:          "Địa điểm: %s",
		chair:          "Chủ trì: %s (%s)",
		cochair:        "Đồng chủ trì: %s (%s)",
		present:        "Thành phần: %d/%d đơn vị thành viên có mặt",
		rules:          "Văn bản áp dụng: %s",
		unverified:     "Giá trị chưa được xác minh trong văn bản:%s",
		standings:      "I. KẾT QUẢ CHẤM ĐIỂM (%s; điểm tối đa %s)",
		rank:           "Hạng",
		unit:           "Đơn vị",
		total:          "Tổng điểm",
		scaled:         "Thang 100",
		tieNote:        "phân định bằng %s",
		gate:           "không đạt điểm sàn: %s",
		votes:          "II. KẾT QUẢ BỎ PHIẾU",
		secretVotes:    "II. KẾT QUẢ BỎ PHIẾU KÍN",
		round:          "vòng %d",
		leaderVote:     "Bầu cụm trưởng năm %d",
		deputyVote:     "Bầu cụm phó năm %d",
		cast:           "Phiếu thu về: %d; hợp lệ: %d; không hợp lệ: %d; phiếu trắng: %d",
		threshold:      "Yêu cầu: %s",
		needs:          "cần %d/%d phiếu",
		passed:         "đạt",
		votesWord:      "phiếu",
		elected:        "trúng cử",
		rejected:       "Phiếu không hợp lệ số %d: %s",
		digest:         "Mã kiểm tra (SHA-256): %x",
		noVotes:        "Không tổ chức bỏ phiếu.",
		proposals:      "III. ĐỀ NGHỊ KHEN THƯỞNG",
		reasons:        "Căn cứ",
		rankOf:         "xếp hạng %d",
		points:         "%s điểm",
		voteOf:         "%d/%d phiếu đồng ý (%s)",
		standards:      "tiêu chuẩn: %s",
		decidedBy:      "phân định bằng %s",
		none:           "Không có.",
		declined:       "Không đề nghị:",
		settledBy:      "Bằng phiếu tại chỉ tiêu %s được giải quyết bằng %s",
		runoffRound:    "bỏ phiếu lại (vòng %d)",
		fallbackBy:     "quyết định của %s",
		leadership:     "IV. CỤM TRƯỞNG, CỤM PHÓ NĂM %d",
		leaderIs:       "Cụm trưởng: %s (%s)",
		deputyIs:       "Cụm phó: %s",
		vacant:         "để trống",
		pending:        "V. VIỆC CÒN LẠI",
		runoffNeeded:   "Cần bỏ phiếu lại (vòng %d) cho %s giữa %s, %d chỉ tiêu",
		fallbackNeeded: "Sau vòng %d vẫn bằng phiếu cho %s giữa %s: chờ %s",
	},
	LangEnglish: {
		title:          "MINUTES OF THE %d YEAR-END EMULATION AND COMMENDATION REVIEW",
		cluster:        "%s - %s",
		date:           "Date: %s",
		place:          "Place: %s",
		chair:          "Chaired by: %s (%s)",
		cochair:        "Co-chaired by: %s (%s)",
		present:        "Present: %d of %d member units",
		rules:          "Rules applied: %s",
		unverified:     "Values not verified in the text:%s",
		standings:      "I. SCORES (%s; maximum %s points)",
		rank:           "Rank",
		unit:           "Unit",
		total:          "Total",
		scaled:         "Of 100",
		tieNote:        "separated by %s",
		gate:           "below the minimum of %s",
		votes:          "II. BALLOTS",
		secretVotes:    "II. SECRET BALLOTS",
		round:          "round %d",
		leaderVote:     "Election of the %d cluster leader",
		deputyVote:     "Election of the %d cluster deputy",
		cast:           "Ballots cast: %d; valid: %d; invalid: %d; blank: %d",
		threshold:      "Threshold: %s",
		needs:          "needs %d of %d",
		passed:         "passed",
		votesWord:      "votes",
		elected:        "elected",
		rejected:       "Invalid ballot no. %d: %s",
		digest:         "Check digest (SHA-256): %x",
		noVotes:        "No vote was held.",
		proposals:      "III. PROPOSED AWARDS",
		reasons:        "Grounds",
		rankOf:         "rank %d",
		points:         "%s points",
		voteOf:         "%d of %d approvals (%s)",
		standards:      "standards: %s",
		decidedBy:      "separated by %s",
		none:           "None.",
		declined:       "Not proposed:",
		settledBy:      "The tie at the %s quota was settled by %s",
		runoffRound:    "a runoff (round %d)",
		fallbackBy:     "the decision of %s",
		leadership:     "IV. CLUSTER LEADER AND DEPUTY FOR %d",
		leaderIs:       "Leader: %s (%s)",
		deputyIs:       "Deputy: %s",
		vacant:         "vacant",
		pending:        "V. STILL PENDING",
		runoffNeeded:   "A runoff (round %d) is needed for %s among %s, %d seat(s)",
		fallbackNeeded: "After round %d %s is still tied among %s: awaiting %s",
	},
}

// Minutes renders the minutes of the review (biên bản) as plain text: date,
// place, chair, members present, the standings table, each vote with its
// ballots cast, valid and invalid and the counts against the threshold, the
// proposals with their reasons, next year's leader and deputy, and what is
// still pending. The text depends only on the outcome, so a golden file can
// hold it. An unknown language renders Vietnamese.
func (o Outcome) Minutes(lang Language) string {
	if int(lang) >= len(vocabulary) {
		lang = LangVietnamese
	}
	m := minutes{o: o, w: vocabulary[lang], lang: lang}
	m.header()
	m.standings()
	m.votes()
	m.proposals()
	m.leadership()
	m.pending()
	return m.b.String()
}

type minutes struct {
	o    Outcome
	w    words
	lang Language
	b    strings.Builder
}

func (m *minutes) line(format string, args ...any) {
	fmt.Fprintf(&m.b, format, args...)
	m.b.WriteByte('\n')
}

func (m *minutes) vi() bool { return m.lang == LangVietnamese }

func (m *minutes) label(id UnitID) string {
	if u, ok := m.o.Review.Cluster.Unit(id); ok {
		return u.Label()
	}
	if u, ok := m.o.Next.Unit(id); ok {
		return u.Label()
	}
	return string(id)
}

func (m *minutes) award(a Award) string {
	if m.vi() {
		return a.Vietnamese()
	}
	return a.English()
}

func (m *minutes) header() {
	r, c := m.o.Review, m.o.Review.Cluster
	m.line(m.w.title, c.Year())
	if c.Organizer() != "" {
		m.line(m.w.cluster, c.Name(), c.Organizer())
	} else {
		m.line("%s", c.Name())
	}
	m.line("")
	date := r.Date.String()
	if m.vi() {
		date = r.Date.Vietnamese()
	}
	m.line(m.w.date, date)
	if r.Place != "" {
		m.line(m.w.place, r.Place)
	}
	role := func(role Role) string {
		if m.vi() {
			return role.Vietnamese(c.Kind())
		}
		return role.String()
	}
	if c.Leader() != "" {
		m.line(m.w.chair, c.Label(c.Leader()), role(RoleLeader))
	}
	if c.Deputy() != "" {
		m.line(m.w.cochair, c.Label(c.Deputy()), role(RoleDeputy))
	}
	present := r.Present
	if len(present) == 0 {
		present = c.MemberIDs()
	}
	m.line(m.w.present, len(present), c.Len())
	for _, id := range present {
		u, _ := c.Unit(id)
		m.line("  - %s", u.Name)
	}
	m.rules()
}

// rules names the rules applied. Vietnamese minutes name the documents read
// (or the rule set's name when none is), and nothing unverified; English
// minutes name the rule set and list the values not verified, with notes.
func (m *minutes) rules() {
	rs := m.o.Rules
	if m.vi() {
		var docs []string
		for _, c := range rs.Read() {
			if c.Rule == ruleDocument {
				docs = append(docs, c.Vietnamese())
			}
		}
		if len(docs) == 0 {
			docs = []string{rs.Name}
		}
		m.line(m.w.rules, strings.Join(docs, "; "))
		return
	}
	m.line(m.w.rules, rs.Name)
	if u := rs.Unverified(); len(u) > 0 {
		m.line(m.w.unverified, "")
		for _, c := range u {
			note := ""
			if c.Note != "" {
				note = ": " + c.Note
			}
			m.line("  - %s, %s (%s)%s", c.Rule, c.English(), c.Status, note)
		}
	}
}

// points prints a decimal with at least two places, more where its value
// needs them (trailing zeros do not count).
func points(d decimal.Decimal) string {
	places := 2
	if s := d.String(); strings.Contains(s, ".") {
		places = max(places, len(s)-strings.IndexByte(s, '.')-1)
	}
	return d.StringFixed(int32(places))
}

func (m *minutes) standings() {
	card := m.o.Review.Scorecard
	m.line("")
	m.line(m.w.standings, card.Name(), points(card.BaseMax()))
	width := len([]rune(m.w.unit))
	for _, s := range m.o.Standings.Ranked() {
		width = max(width, len([]rune(m.label(s.Unit))))
	}
	m.line("  %-4s  %-*s  %10s  %9s", m.w.rank, width, m.w.unit, m.w.total, m.w.scaled)
	for _, s := range m.o.Standings.Ranked() {
		note := ""
		if s.TieBreak != "" {
			note = "  (" + fmt.Sprintf(m.w.tieNote, m.standingTie(s.TieBreak)) + ")"
		}
		for _, g := range s.GatesFailed {
			note += "  (" + fmt.Sprintf(m.w.gate, g.Criterion) + ")"
		}
		m.line("  %-4d  %-*s  %10s  %9s%s", s.Rank, width, m.label(s.Unit), points(s.Total), points(s.Scaled), note)
	}
}

// standingTie renders a standing's tie-breaker name (TieBreaker.String).
func (m *minutes) standingTie(s string) string {
	if !m.vi() {
		return s
	}
	switch {
	case strings.HasPrefix(s, "criterion "):
		return "tiêu chí " + strings.TrimPrefix(s, "criterion ")
	case s == "fewer deductions":
		return "ít điểm trừ hơn"
	}
	return s
}

func (m *minutes) voteTitle(v VoteRecord) string {
	t := m.award(v.Award)
	if v.Award == 0 {
		t = m.postTitle(v.Post)
	}
	return t + ", " + fmt.Sprintf(m.w.round, v.Round)
}

// postTitle names the election of next year's leader or deputy.
func (m *minutes) postTitle(post Role) string {
	next := m.o.Review.Cluster.Year() + 1
	if post == RoleLeader {
		return fmt.Sprintf(m.w.leaderVote, next)
	}
	return fmt.Sprintf(m.w.deputyVote, next)
}

func (m *minutes) threshold(t Threshold, base int) string {
	if m.vi() {
		op := "từ"
		if t.Share.Strict {
			op = "trên"
		}
		return fmt.Sprintf("%s %d/%d %s, %s", op, t.Share.Num, t.Share.Den, t.Base.Vietnamese(),
			fmt.Sprintf(m.w.needs, t.Share.Needed(base), base))
	}
	return t.String() + ", " + fmt.Sprintf(m.w.needs, t.Share.Needed(base), base)
}

func (m *minutes) votes() {
	m.line("")
	if m.o.Rules.SecretBallot {
		m.line("%s", m.w.secretVotes)
	} else {
		m.line("%s", m.w.votes)
	}
	if len(m.o.Votes) == 0 {
		m.line("  %s", m.w.noVotes)
	}
	for i, v := range m.o.Votes {
		r := v.Result
		m.line("%d. %s", i+1, m.voteTitle(v))
		m.line("   "+m.w.cast, r.Cast, r.Valid, r.Invalid, r.Blank)
		if t := r.Contest.Threshold(); !t.IsZero() {
			m.line("   "+m.w.threshold, m.threshold(t, r.Base()))
		}
		width := 0
		for _, id := range r.Contest.Candidates() {
			width = max(width, len([]rune(m.label(id))))
		}
		for _, tier := range r.Ranking {
			for _, id := range tier {
				mark := ""
				if v.Award != 0 && slices.Contains(r.Passed, id) && !r.Contest.Threshold().IsZero() {
					mark = "  " + m.w.passed
				}
				if slices.Contains(r.Elected, id) && r.Contest.Seats() > 0 {
					mark = "  " + m.w.elected
				}
				m.line("   %-*s  %3d %s%s", width, m.label(id), r.Votes(id), m.w.votesWord, mark)
			}
		}
		for _, rej := range r.Rejected {
			m.line("   "+m.w.rejected, rej.Index+1, m.ballotReason(rej.Err))
		}
		m.line("   "+m.w.digest, r.Digest[:])
	}
}

func (m *minutes) proposals() {
	d := m.o.Decision
	m.line("")
	m.line("%s", m.w.proposals)
	if len(d.Proposals) == 0 {
		m.line("  %s", m.w.none)
	}
	for i, p := range d.Proposals {
		u, _ := m.o.Review.Cluster.Unit(p.Unit)
		m.line("%d. %s: %s", i+1, m.award(p.Award), u.Name)
		grounds := []string{fmt.Sprintf(m.w.rankOf, p.Rank), fmt.Sprintf(m.w.points, points(p.Total))}
		if !p.Threshold.IsZero() {
			grounds = append(grounds, fmt.Sprintf(m.w.voteOf, p.Vote.Votes, p.Vote.Base, m.thresholdShort(p.Threshold)))
		}
		if len(p.Standards) > 0 {
			std := make([]string, len(p.Standards))
			for i, s := range p.Standards {
				std[i] = m.standard(s)
			}
			grounds = append(grounds, fmt.Sprintf(m.w.standards, strings.Join(std, ", ")))
		}
		if p.DecidedBy != TieBreakNone {
			grounds = append(grounds, fmt.Sprintf(m.w.decidedBy, m.tieBreak(p.DecidedBy)))
		}
		m.line("   %s: %s.", m.w.reasons, strings.Join(grounds, "; "))
	}
	for _, s := range m.o.Settled {
		by := fmt.Sprintf(m.w.runoffRound, s.Round)
		if s.By == TieBreakFallback {
			by = fmt.Sprintf(m.w.fallbackBy, m.fallback(s.Fallback))
		}
		m.line("   "+m.w.settledBy+".", m.award(s.Award), by)
	}
	var declined []Declined
	for _, x := range d.Declined {
		if x.Reason != DeclinedHigherAward {
			declined = append(declined, x)
		}
	}
	if len(declined) == 0 {
		return
	}
	// One line for each award and reason, naming the units in rank order.
	m.line("%s", m.w.declined)
	type group struct {
		award  Award
		reason string
	}
	var groups []group
	units := map[group][]string{}
	for _, x := range declined {
		why, figure := m.declineReason(x)
		g := group{x.Award, why}
		if _, ok := units[g]; !ok {
			groups = append(groups, g)
		}
		name := m.label(x.Unit)
		if figure != "" {
			name += " (" + figure + ")"
		}
		units[g] = append(units[g], name)
	}
	for _, g := range groups {
		m.line("   - %s, %s: %s", m.award(g.award), g.reason, strings.Join(units[g], ", "))
	}
}

// ballotReasons names why a ballot is invalid, in Vietnamese.
var ballotReasons = []struct {
	err error
	vi  string
}{
	{ErrUnknownCandidate, "ghi tên đơn vị không có trong danh sách"},
	{ErrDuplicateMark, "đánh dấu một đơn vị hai lần"},
	{ErrTooManyMarks, "chọn quá số lượng cho phép"},
	{ErrBallotShape, "không đúng mẫu phiếu"},
	{ErrBlankBallot, "phiếu trắng không hợp lệ"},
	{ErrVoterOnSecret, "phiếu kín có ghi tên người bỏ phiếu"},
	{ErrSelfVote, "tự bầu cho đơn vị mình"},
	{ErrDuplicateVoter, "một đơn vị bỏ hai phiếu"},
}

func (m *minutes) ballotReason(err error) string {
	for _, br := range ballotReasons {
		if errors.Is(err, br.err) {
			if m.vi() {
				return br.vi
			}
			return reason(br.err)
		}
	}
	if m.vi() {
		return "không hợp lệ"
	}
	return reason(err)
}

func (m *minutes) thresholdShort(t Threshold) string {
	if m.vi() {
		op := "từ"
		if t.Share.Strict {
			op = "trên"
		}
		return fmt.Sprintf("yêu cầu %s %d/%d %s", op, t.Share.Num, t.Share.Den, t.Base.Vietnamese())
	}
	return "threshold " + t.String()
}

func (m *minutes) leadership() {
	l := m.o.Leadership
	m.line("")
	m.line(m.w.leadership, m.o.Review.Cluster.Year()+1)
	if l.Leader == "" {
		m.line("  %s", m.w.none)
		return
	}
	basis := l.Basis.String()
	if m.vi() {
		basis = l.Basis.Vietnamese()
	}
	m.line(m.w.leaderIs, m.label(l.Leader), basis)
	deputy := m.w.vacant
	if l.Deputy != "" {
		deputy = m.label(l.Deputy)
	}
	m.line(m.w.deputyIs, deputy)
}

func (m *minutes) pending() {
	if len(m.o.Pending) == 0 {
		return
	}
	m.line("")
	m.line("%s", m.w.pending)
	for _, p := range m.o.Pending {
		what := m.award(p.Award)
		if p.Award == 0 {
			what = m.postTitle(p.Post)
		}
		names := make([]string, len(p.Units))
		for i, id := range p.Units {
			names[i] = m.label(id)
		}
		if p.Kind == PendingRunoff {
			m.line("  - "+m.w.runoffNeeded, p.Round, what, strings.Join(names, ", "), p.Seats)
		} else {
			m.line("  - "+m.w.fallbackNeeded, p.Round, what, strings.Join(names, ", "), m.fallback(p.Fallback))
		}
	}
}

func (m *minutes) fallback(f Fallback) string {
	if m.vi() {
		return f.Vietnamese()
	}
	return f.String()
}

func (m *minutes) tieBreak(t TieBreak) string {
	if !m.vi() {
		return t.String()
	}
	switch t {
	case TieBreakVotes:
		return "số phiếu"
	case TieBreakEqualMerit:
		return "ưu tiên tập thể có từ 70% nữ"
	case TieBreakRunoff:
		return "bỏ phiếu lại"
	case TieBreakFallback:
		return "quyết định sau vòng cuối"
	}
	return t.String()
}

// standard renders a standard's name (as Proposal.Standards holds it).
func (m *minutes) standard(s string) string {
	if !m.vi() {
		return s
	}
	switch {
	case s == "no pending case":
		return "không có vụ việc đang xem xét kỷ luật, điều tra, khiếu nại"
	case s == "leads the cluster":
		return "dẫn đầu cụm thi đua"
	case strings.HasPrefix(s, "rank ≤ "):
		return "xếp hạng không quá " + strings.TrimPrefix(s, "rank ≤ ")
	case strings.HasPrefix(s, "total ≥ "):
		return "tổng điểm từ " + strings.TrimPrefix(s, "total ≥ ")
	case strings.HasSuffix(s, " consecutive excellent years"):
		return strings.TrimSuffix(s, " consecutive excellent years") + " năm liên tục hoàn thành xuất sắc nhiệm vụ"
	case strings.HasPrefix(s, "holds "):
		if a, err := ParseAward(strings.TrimPrefix(s, "holds ")); err == nil {
			return "đã đạt " + a.Vietnamese()
		}
	}
	return s
}

// cite renders the rule set's citation of rule, when it was read, as
// " (khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP)"; "" otherwise.
func (m *minutes) cite(rule string) string {
	c, ok := m.o.Rules.Source(rule)
	if !ok || c.Status != StatusRead {
		return ""
	}
	if m.vi() {
		return " (" + c.Vietnamese() + ")"
	}
	return " (" + c.English() + ")"
}

// years renders the years of a refusal: " (thiếu năm 2025)".
func (m *minutes) years(x Declined) string {
	if len(x.Years) == 0 {
		return ""
	}
	if m.vi() {
		if x.Reason == DeclinedDiscipline {
			return ", năm " + yearsText(x.Years)
		}
		return ", thiếu năm " + yearsText(x.Years)
	}
	if x.Reason == DeclinedDiscipline {
		return ", year " + yearsText(x.Years)
	}
	return ", missing " + yearsText(x.Years)
}

// declineReason returns why x was declined, and the unit's own figure (its
// votes) where the reason has one.
func (m *minutes) declineReason(x Declined) (why, figure string) {
	if x.Reason == DeclinedVoteShort {
		if v, ok := m.voteOf(x.Award, x.Unit); ok {
			figure = fmt.Sprintf("%d/%d", v.Votes(x.Unit), v.Base())
			if m.vi() {
				return "không đủ số phiếu, " + m.thresholdShort(v.Contest.Threshold()), figure
			}
			return "vote short, " + m.thresholdShort(v.Contest.Threshold()), figure
		}
	}
	if !m.vi() {
		switch x.Reason {
		case DeclinedStandard:
			return "standard not met: " + x.Standard + m.years(x), ""
		case DeclinedPendingCase:
			return "pending case" + m.cite(rulePending), x.Detail
		case DeclinedDiscipline:
			return "under discipline; achievements count from its end" + m.cite(ruleDiscipline) + m.years(x), ""
		}
		return x.Reason.String(), ""
	}
	switch x.Reason {
	case DeclinedPendingCase:
		return "đang xem xét kỷ luật, điều tra hoặc giải quyết khiếu nại" + m.cite(rulePending), ""
	case DeclinedDiscipline:
		return "trong thời hạn kỷ luật, thành tích được tính từ khi hết thời hạn kỷ luật" + m.cite(ruleDiscipline) + m.years(x), ""
	case DeclinedStandard:
		return "chưa đạt tiêu chuẩn: " + m.standard(x.Standard) + m.years(x), ""
	case DeclinedNoVote:
		return "không được bỏ phiếu", ""
	case DeclinedVoteShort:
		return "không đủ số phiếu", ""
	case DeclinedQuotaFull:
		return "hết chỉ tiêu", ""
	case DeclinedAwaitingRunoff:
		return "chờ bỏ phiếu lại cho hình thức cao hơn", ""
	}
	return "không đề nghị", ""
}

// voteOf returns the first-round result of award a that names unit.
func (m *minutes) voteOf(a Award, unit UnitID) (Result, bool) {
	for _, v := range m.o.Votes {
		if v.Award == a && v.Round == 1 && slices.Contains(v.Result.Contest.Candidates(), unit) {
			return v.Result, true
		}
	}
	return Result{}, false
}
