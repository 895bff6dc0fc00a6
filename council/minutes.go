package council

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// Minutes renders the council's minutes (biên bản họp Hội đồng) and its
// vote-count records (biên bản kiểm phiếu) as plain text: the session's day
// and place, who presided and kept the minutes, the members present, absent
// with a written opinion or represented, and the guests; the attendance
// against the quorum; the collectives leading the clusters and the
// Government-flag quota; each vote with the ballots handed out, cast, valid,
// invalid and blank, each unit's votes against the threshold and the digest;
// how ties were settled; what goes up to the Prime Minister and what to the
// minister, with the grounds; every refusal with why; and what is pending.
// thidua.LangVietnamese renders only Vietnamese, thidua.LangEnglish a faithful
// English translation; an unknown language renders Vietnamese. The text
// depends only on the outcome.
func (o Outcome) Minutes(lang thidua.Language) string {
	m := &writer{o: o, vi: lang != thidua.LangEnglish}
	m.header()
	m.attendance()
	m.leaders()
	m.votes()
	m.decisions()
	m.pending()
	m.signatures()
	return m.b.String()
}

type writer struct {
	o  Outcome
	vi bool
	b  strings.Builder
}

// t picks the Vietnamese or the English text.
func (m *writer) t(vi, en string) string {
	if m.vi {
		return vi
	}
	return en
}

func (m *writer) line(format string, args ...any) {
	fmt.Fprintf(&m.b, format, args...)
	m.b.WriteByte('\n')
}

func (m *writer) date(d thidua.Date) string {
	if m.vi {
		return d.Vietnamese()
	}
	return d.String()
}

func (m *writer) award(a thidua.Award) string { return m.t(a.Vietnamese(), a.English()) }

func (m *writer) role(r Role) string { return m.t(r.Vietnamese(), r.English()) }

func (m *writer) num(d decimal.Decimal) string {
	s := d.StringFixed(2)
	if m.vi {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func (m *writer) unit(id thidua.UnitID) string {
	for _, l := range m.o.Leaders {
		if l.Unit == id {
			return l.UnitName
		}
	}
	for _, r := range m.o.Session.Clusters {
		if u, ok := r.Unit(id); ok {
			return u.Label()
		}
	}
	for _, d := range m.o.Session.Direct {
		if d.Unit.ID == id {
			return d.Unit.Label()
		}
	}
	return string(id)
}

func (m *writer) units(ids []thidua.UnitID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = m.unit(id)
	}
	return strings.Join(names, ", ")
}

func (m *writer) share(s thidua.Share) string {
	if s.Strict {
		return fmt.Sprintf(m.t("trên %d/%d", "more than %d/%d"), s.Num, s.Den)
	}
	return fmt.Sprintf(m.t("từ %d/%d", "at least %d/%d"), s.Num, s.Den)
}

func (m *writer) header() {
	s := m.o.Session
	m.line("%s", strings.ToUpper(s.Council.Name))
	m.line(m.t("BIÊN BẢN HỌP XÉT KHEN THƯỞNG NĂM %d", "MINUTES OF THE SESSION ON THE AWARDS OF %d"), s.Year)
	m.line("")
	m.line(m.t("Thời gian: %s", "Date: %s"), m.date(s.Date))
	if s.Place != "" {
		m.line(m.t("Địa điểm: %s", "Place: %s"), s.Place)
	}
	m.line(m.t("Chủ trì: %s (%s)", "Presiding: %s (%s)"), m.o.Chair.Label(), m.role(m.o.Chair.Role))
	if s.Attendance.Secretary.Name != "" {
		m.line(m.t("Thư ký: %s", "Secretary: %s"), s.Attendance.Secretary.Label())
	}
	m.line(m.t("Văn bản áp dụng: %s", "Rules applied: %s"), m.o.Rules.Name)
}

func (m *writer) attendance() {
	s := m.o.Session
	a := s.Attendance
	c := m.o.Count
	m.line("")
	m.line(m.t("I. THÀNH PHẦN", "I. ATTENDANCE"))
	m.line(m.t("Tổng số thành viên Hội đồng: %d; có mặt: %d; vắng mặt có ý kiến bằng văn bản: %d; vắng mặt có người được ủy quyền: %d; khách mời: %d",
		"Council members: %d; present: %d; absent with a written opinion: %d; absent and represented: %d; guests: %d"),
		c.Members, c.Present, c.Written, c.Substitutes, c.Guests)
	sub := map[MemberID]Substitute{}
	for _, x := range a.Substitutes {
		sub[x.For] = x
	}
	var present, written, represented, absent []string
	for _, mem := range s.Council.Members {
		label := fmt.Sprintf("%s (%s)", mem.Label(), m.role(mem.Role))
		switch {
		case slices.Contains(a.Present, mem.ID):
			present = append(present, label)
		case slices.Contains(a.Written, mem.ID):
			written = append(written, label)
		case sub[mem.ID].ID != "":
			x := sub[mem.ID]
			represented = append(represented, fmt.Sprintf(m.t("%s, thay %s; giấy ủy quyền: %s", "%s, for %s; mandate: %s"), x.Label(), label, x.Mandate))
		default:
			absent = append(absent, label)
		}
	}
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		m.line("%s", title)
		for _, it := range items {
			m.line("  - %s", it)
		}
	}
	list(m.t("Thành viên có mặt:", "Members present:"), present)
	list(m.t("Thành viên vắng mặt, có ý kiến bằng văn bản (được tính là phiếu của thành viên):", "Members absent with a written opinion (counted as their vote):"), written)
	list(m.t("Người dự thay theo giấy ủy quyền (được biểu quyết):", "Substitutes with a written mandate (may vote):"), represented)
	list(m.t("Thành viên vắng mặt:", "Members absent:"), absent)
	var guests []string
	for _, g := range a.Guests {
		label := g.Label()
		if g.Unit != "" {
			label += ", " + g.Unit
		}
		guests = append(guests, label)
	}
	list(m.t("Khách mời (không biểu quyết):", "Guests (may not vote):"), guests)
	m.line(m.t("Số người tham dự có quyền biểu quyết: %d/%d thành viên", "Attending with a vote: %d of %d members"), c.Attending, c.Members)
	if c.QuorumNeeded > 0 {
		m.line(m.t("Điều kiện họp: %s tổng số thành viên, tối thiểu %d: đạt", "Quorum: %s of all members, at least %d: met"),
			m.share(m.o.Rules.CouncilQuorum), c.QuorumNeeded)
	}
	if c.AwardNeeded > 0 {
		src := s.Options.AwardAttendanceSource
		m.line(m.t("Phiên họp xét khen thưởng: %s tổng số thành viên, tối thiểu %d (%s): đạt", "Session on awards: %s of all members, at least %d (%s): met"),
			m.share(s.Options.AwardAttendance), c.AwardNeeded, src)
	}
	if m.o.Secret {
		m.line(m.t("Hình thức: bỏ phiếu kín", "Form: secret ballot"))
	} else {
		m.line(m.t("Hình thức: bỏ phiếu", "Form: ballot"))
	}
}

func (m *writer) leaders() {
	m.line("")
	m.line(m.t("II. CÁC TẬP THỂ DẪN ĐẦU CỤM, KHỐI THI ĐUA NĂM %d", "II. COLLECTIVES LEADING THE CLUSTERS AND BLOCKS IN %d"), m.o.Session.Year)
	if len(m.o.Leaders) == 0 {
		m.line(m.t("Không có.", "None."))
	}
	for _, l := range m.o.Leaders {
		m.line(m.t("  - %s: dẫn đầu %s", "  - %s: led %s"), l.UnitName, l.ClusterName)
	}
	q := m.o.GovFlagQuota
	rounding := m.t("làm tròn xuống", "rounded down")
	if q.Rounding != thidua.QuotaFloor {
		rounding = m.t("làm tròn theo quy định: ", "rounded: ") + q.Rounding.String()
	}
	m.line(m.t("Số lượng đề nghị Cờ thi đua của Chính phủ: không quá %d/%d của %d tập thể dẫn đầu = %d (%s)",
		"Government Emulation Flags proposed: at most %d/%d of %d leading collectives = %d (%s)"),
		q.Num, q.Den, len(m.o.Leaders), m.o.GovFlagSeats, rounding)
}

func (m *writer) votes() {
	m.line("")
	m.line(m.t("III. BIÊN BẢN KIỂM PHIẾU", "III. VOTE-COUNT RECORDS"))
	if len(m.o.Votes) == 0 {
		m.line(m.t("Không tổ chức bỏ phiếu.", "No vote was held."))
	}
	for i, v := range m.o.Votes {
		r := v.Result
		if v.Round == 1 {
			m.line(m.t("%d. %s, vòng %d", "%d. %s, round %d"), i+1, m.award(v.Award), v.Round)
		} else {
			m.line(m.t("%d. %s, vòng %d (bỏ phiếu lại)", "%d. %s, round %d (runoff)"), i+1, m.award(v.Award), v.Round)
		}
		m.line(m.t("   Số phiếu phát ra: %d; thu về: %d; hợp lệ: %d; không hợp lệ: %d; phiếu trắng: %d",
			"   Ballots handed out: %d; cast: %d; valid: %d; invalid: %d; blank: %d"),
			len(v.Voters), r.Cast, r.Valid, r.Invalid, r.Blank)
		th := r.Contest.Threshold()
		if !th.IsZero() {
			m.line(m.t("   Yêu cầu: %s %s, cần %d/%d phiếu", "   Threshold: %s of %s, needs %d of %d"),
				m.share(th.Share), m.t(th.Base.Vietnamese(), th.Base.String()), th.Share.Needed(r.Base()), r.Base())
		} else {
			m.line(m.t("   Xếp thứ tự các đơn vị bằng phiếu cho %d chỉ tiêu", "   Orders the tied units for %d seat(s)"), r.Contest.Seats())
		}
		width := 0
		for _, sc := range r.Scores {
			width = max(width, len([]rune(m.unit(sc.Candidate))))
		}
		for _, tier := range r.Ranking {
			for _, id := range tier {
				name := m.unit(id)
				pad := strings.Repeat(" ", width-len([]rune(name)))
				mark := ""
				if !th.IsZero() && slices.Contains(r.Passed, id) {
					mark = m.t("  đạt", "  passed")
				}
				m.line(m.t("   %s%s  %2d phiếu%s", "   %s%s  %2d votes%s"), name, pad, r.Votes(id), mark)
			}
		}
		for _, rj := range r.Rejected {
			m.line(m.t("   Phiếu không hợp lệ số %d", "   Invalid ballot no. %d"), rj.Index+1)
		}
		m.line(m.t("   Mã kiểm tra (SHA-256): %x", "   Check digest (SHA-256): %x"), r.Digest)
	}
	for _, st := range m.o.Settled {
		var tiers []string
		for _, t := range st.Order {
			tiers = append(tiers, m.units(t))
		}
		by := fmt.Sprintf(m.t("bỏ phiếu lại (vòng %d)", "a runoff (round %d)"), st.Round)
		if st.By == thidua.TieBreakFallback {
			by = m.t("phiếu của Chủ tịch Hội đồng", "the vote of the Council Chair")
		}
		m.line(m.t("Bằng phiếu tại chỉ tiêu %s được giải quyết bằng %s: %s", "The tie at the %s quota was settled by %s: %s"),
			m.award(st.Award), by, strings.Join(tiers, " > "))
	}
}

func (m *writer) granted(g Granted) {
	parts := []string{}
	if g.Vote.Base > 0 {
		parts = append(parts, fmt.Sprintf(m.t("%d/%d phiếu đồng ý", "%d of %d approvals"), g.Vote.Votes, g.Vote.Base))
	}
	if m.o.Session.Options.Order == ScoreFirst {
		parts = append(parts, fmt.Sprintf(m.t("%s/100 điểm", "%s of 100 points"), m.num(g.Total)))
	}
	if g.Award == thidua.GovernmentFlag {
		parts = append(parts, fmt.Sprintf(m.t("dẫn đầu %s", "led %s"), g.ClusterName))
	} else if g.ClusterName != "" {
		parts = append(parts, fmt.Sprintf(m.t("do %s đề nghị", "proposed by %s"), g.ClusterName))
	} else {
		parts = append(parts, m.t("đơn vị đề nghị trực tiếp", "proposed directly"))
	}
	switch g.DecidedBy {
	case thidua.TieBreakFallback:
		parts = append(parts, m.t("theo phiếu của Chủ tịch Hội đồng", "by the vote of the Council Chair"))
	case thidua.TieBreakRunoff:
		parts = append(parts, m.t("theo kết quả bỏ phiếu lại", "by the runoff"))
	case thidua.TieBreakVotes:
		parts = append(parts, m.t("nhiều phiếu hơn", "more votes"))
	case thidua.TieBreakEqualMerit:
		parts = append(parts, m.t("ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên", "preferring the collective with at least 70% women"))
	}
	m.line("  - %s: %s (%s)", m.award(g.Award), g.UnitName, strings.Join(parts, "; "))
}

func (m *writer) refusal(r Refusal, texts map[string]standardText) string {
	switch r.Reason {
	case thidua.DeclinedPendingCase:
		return m.pendingCase(r.Unit)
	case thidua.DeclinedStandard:
		t, ok := texts[r.Standard]
		if !ok {
			t = standardText{r.Standard, r.Standard}
		}
		return m.t("không đạt tiêu chuẩn: ", "does not meet the standard: ") + m.t(t.vi, t.en)
	case thidua.DeclinedNoVote:
		return m.t("chưa được Hội đồng bỏ phiếu", "not voted on by the council")
	case thidua.DeclinedVoteShort:
		return fmt.Sprintf(m.t("đạt %d/%d phiếu, cần %d", "%d of %d votes, needs %d"), r.Votes, r.Base, r.Needed)
	case thidua.DeclinedQuotaFull:
		return m.t("đã đủ số lượng", "the quota is filled")
	case thidua.DeclinedHigherAward:
		return m.t("đã được đề nghị hình thức cao hơn (Luật Thi đua, khen thưởng 2022 Điều 5)", "proposed for a higher award (Luật Thi đua, khen thưởng 2022 Điều 5)")
	case thidua.DeclinedAwaitingRunoff:
		return m.t("chờ giải quyết bằng phiếu ở hình thức cao hơn", "awaiting the settling of a tie for a higher award")
	}
	return r.Reason.String()
}

func (m *writer) decisions() {
	m.line("")
	m.line(m.t("IV. KẾT QUẢ XÉT", "IV. DECISIONS"))
	m.line(m.t("1. Đề nghị Thủ tướng Chính phủ:", "1. Proposed up to the Prime Minister:"))
	if len(m.o.ToPrimeMinister) == 0 {
		m.line(m.t("  Không có.", "  None."))
	}
	for _, g := range m.o.ToPrimeMinister {
		m.granted(g)
	}
	m.line(m.t("2. Trình Bộ trưởng quyết định:", "2. Proposed to the minister:"))
	if len(m.o.ToMinister) == 0 {
		m.line(m.t("  Không có.", "  None."))
	}
	for _, g := range m.o.ToMinister {
		m.granted(g)
	}
	m.line(m.t("3. Không đề nghị:", "3. Not proposed:"))
	if len(m.o.Refused) == 0 {
		m.line(m.t("  Không có.", "  None."))
	}
	texts := standardTexts(m.o.Session.Options)
	for _, r := range m.o.Refused {
		m.line("  - %s: %s (%s)", m.award(r.Award), r.UnitName, m.refusal(r, texts))
	}
	for _, t := range m.o.Decision.Ties {
		m.line(m.t("  - %s: bằng phiếu giữa %s cho %d chỉ tiêu, chưa giải quyết", "  - %s: tie among %s for %d seat(s), unsettled"),
			m.award(t.Award), m.units(t.Units), t.Seats)
	}
}

func (m *writer) pending() {
	if len(m.o.Pending) == 0 {
		return
	}
	m.line("")
	m.line(m.t("V. VIỆC CÒN LẠI", "V. STILL PENDING"))
	for _, p := range m.o.Pending {
		if p.Kind == PendingChair {
			m.line(m.t("  - %s: chờ phiếu của Chủ tịch Hội đồng giữa %s, %d chỉ tiêu", "  - %s: awaiting the Council Chair's vote among %s, %d seat(s)"),
				m.award(p.Award), m.units(p.Units), p.Seats)
		} else {
			m.line(m.t("  - %s: cần bỏ phiếu lại (vòng %d) giữa %s, %d chỉ tiêu", "  - %s: a runoff (round %d) is needed among %s, %d seat(s)"),
				m.award(p.Award), p.Round, m.units(p.Units), p.Seats)
		}
	}
}

func (m *writer) signatures() {
	m.line("")
	m.line(m.t("THƯ KÝ: %s", "SECRETARY: %s"), m.o.Session.Attendance.Secretary.Name)
	m.line(m.t("CHỦ TRÌ: %s", "PRESIDING: %s"), m.o.Chair.Name)
}

// pendingCase says which case is pending against unit u, from its record, and
// cites the rule in force that bars a proposal while it is.
func (m *writer) pendingCase(u thidua.UnitID) string {
	var cases []string
	for _, r := range m.o.Session.Records {
		f := factsOf(r)
		if f.Unit != u {
			continue
		}
		if f.PendingDiscipline {
			cases = append(cases, m.t("đang xem xét kỷ luật", "discipline under consideration"))
		}
		if f.UnderInvestigation {
			cases = append(cases, m.t("đang điều tra, thanh tra, kiểm tra", "under investigation, inspection or check"))
		}
		if f.PendingComplaint {
			cases = append(cases, m.t("có đơn thư khiếu nại, tố cáo đang được xác minh", "a complaint or denunciation being verified"))
		}
	}
	if len(cases) == 0 {
		cases = []string{m.t("có vụ việc đang xem xét", "a case is pending")}
	}
	s := strings.Join(cases, "; ")
	if c, ok := m.o.Rules.PendingSource(); ok && c.Status != thidua.StatusNotFound {
		s += "; " + m.t(c.Vietnamese(), c.English())
	}
	return s
}
