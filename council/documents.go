package council

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// Minutes returns the council's minutes (biên bản họp Hội đồng) in the form of
// Nghị định 30/2020/NĐ-CP Mẫu 1.9 Phụ lục III, as the document package models
// them for clusters and councils alike: the heading of the council under its
// ministry or province, the session's day, times and place, the presiding
// member and the secretary, who took part (members present, absent with a
// written opinion, substitutes, guests) against the quorum, the rules
// applied, and the sections: the collectives leading the clusters with the
// Government-flag quota, the votes held and how ties were settled, what goes
// up to the Prime Minister and what to the minister with the grounds, every
// refusal with why, and what is pending. document.Vietnamese gives only
// Vietnamese, document.English a faithful translation; neither prints the
// notes on unverified values, which Outcome.Rules carries for the caller.
// Render it with Text or HTML. An invalid language gives
// document.ErrInvalidLanguage.
func (o Outcome) Minutes(lang document.Language) (document.Minutes, error) {
	if !lang.IsValid() {
		return document.Minutes{}, fmt.Errorf("%w: %s", document.ErrInvalidLanguage, lang)
	}
	w := &writer{o: o, l: lang}
	return w.minutes(), nil
}

// VoteCounts returns one vote-count record (biên bản kiểm phiếu) per tally,
// in the order of Outcome.Votes, each filled by document.CountOf from the
// tally's Result: ballots issued (every voter of the round, the written
// opinions included in round 1), received, valid, invalid with why, blank,
// each unit's votes against the threshold of all members, and the digest;
// annexed to the minutes and signed by the vote-counting board of the
// session's Paperwork. An invalid language gives document.ErrInvalidLanguage.
func (o Outcome) VoteCounts(lang document.Language) ([]document.VoteCount, error) {
	if !lang.IsValid() {
		return nil, fmt.Errorf("%w: %s", document.ErrInvalidLanguage, lang)
	}
	w := &writer{o: o, l: lang}
	out := make([]document.VoteCount, 0, len(o.Votes))
	for _, v := range o.Votes {
		out = append(out, w.voteCount(v))
	}
	return out, nil
}

// Text renders the minutes and then each vote-count record as plain text,
// separated by form feeds, as document.Dossier.Text separates a cluster's.
func (o Outcome) Text(lang document.Language) (string, error) {
	return o.render(lang, document.Minutes.Text, document.VoteCount.Text)
}

// HTML renders the minutes and then each vote-count record as HTML, one
// after the other.
func (o Outcome) HTML(lang document.Language) (string, error) {
	return o.render(lang, document.Minutes.HTML, document.VoteCount.HTML)
}

func (o Outcome) render(lang document.Language, m func(document.Minutes) string, v func(document.VoteCount) string) (string, error) {
	min, err := o.Minutes(lang)
	if err != nil {
		return "", err
	}
	counts, err := o.VoteCounts(lang)
	if err != nil {
		return "", err
	}
	parts := []string{m(min)}
	for _, c := range counts {
		parts = append(parts, v(c))
	}
	return strings.Join(parts, "\f\n"), nil
}

type writer struct {
	o Outcome
	l document.Language
}

// t picks the Vietnamese or the English text.
func (w *writer) t(vi, en string) string {
	if w.l == document.English {
		return en
	}
	return vi
}

func (w *writer) award(a thidua.Award) string { return w.t(a.Vietnamese(), a.English()) }

func (w *writer) role(r Role) string { return w.t(r.Vietnamese(), r.English()) }

func (w *writer) num(d decimal.Decimal) string {
	s := d.StringFixed(2)
	if w.l == document.Vietnamese {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func label(p thidua.Person) string {
	if p.Position == "" {
		return p.Name
	}
	return p.Name + ", " + p.Position
}

func (w *writer) unit(id thidua.UnitID) string {
	for _, l := range w.o.Leaders {
		if l.Unit == id {
			return l.UnitName
		}
	}
	for _, r := range w.o.Session.Clusters {
		if u, ok := r.Unit(id); ok {
			return u.Label()
		}
	}
	for _, d := range w.o.Session.Direct {
		if d.Unit.ID == id {
			return d.Unit.Label()
		}
	}
	return string(id)
}

func (w *writer) units(ids []thidua.UnitID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = w.unit(id)
	}
	return strings.Join(names, ", ")
}

func (w *writer) share(s thidua.Share) string {
	if s.Strict() {
		return fmt.Sprintf(w.t("trên %d/%d", "more than %d/%d"), s.Num(), s.Den())
	}
	return fmt.Sprintf(w.t("từ %d/%d", "at least %d/%d"), s.Num(), s.Den())
}

func (w *writer) heading(number string) document.Heading {
	s := w.o.Session
	pw := s.Paperwork
	h := document.Heading{GoverningBody: pw.GoverningBody, IssuingBody: pw.IssuingBody, Number: number,
		Locality: pw.Locality, Date: s.Date}
	if h.GoverningBody == "" {
		h.GoverningBody = s.Council.Body
	}
	if h.IssuingBody == "" {
		h.IssuingBody = s.Council.Name
	}
	return h
}

func (w *writer) minutes() document.Minutes {
	s, c := w.o.Session, w.o.Count
	pw := s.Paperwork
	m := document.Minutes{
		Language: w.l,
		Heading:  w.heading(pw.MinutesNumber),
		Title:    w.t("BIÊN BẢN", "MINUTES"),
		Summary: fmt.Sprintf(w.t("Phiên họp Hội đồng xét khen thưởng năm %d", "The council's session on the awards of %d"),
			s.Year),
		Start: pw.Start, End: pw.End, Place: s.Place,
		Chair: w.o.Chair.Person, Secretary: s.Attendance.Secretary,
		Recipients: slices.Clone(pw.Recipients),
		Attendance: fmt.Sprintf(w.t("%d/%d thành viên có quyền biểu quyết tham dự (có mặt: %d; người dự thay theo giấy ủy quyền: %d); vắng mặt có ý kiến bằng văn bản: %d; khách mời: %d",
			"%d of %d members attending with a vote (present: %d; substitutes with a written mandate: %d); absent with a written opinion: %d; guests: %d"),
			c.Attending, c.Members, c.Present, c.Substitutes, c.Written, c.Guests),
		Participants: w.participants(),
	}
	for _, name := range strings.Split(w.o.Rules.Name, "; ") {
		if name != "" {
			m.Basis = append(m.Basis, name)
		}
	}
	m.Sections = []document.Section{w.attendance(), w.leaders(), w.votes(), w.decisions()}
	if sec, ok := w.pending(); ok {
		m.Sections = append(m.Sections, sec)
	}
	m.Signatures = []document.Signature{
		{Title: w.t("THƯ KÝ", "SECRETARY"), Person: s.Attendance.Secretary},
		{Title: w.t("CHỦ TRÌ", "PRESIDING"), Person: w.o.Chair.Person, Seal: true},
	}
	return m
}

// participants lists who took part, one a line: the members present, absent
// with a written opinion, represented, or absent, then the guests.
func (w *writer) participants() []string {
	s := w.o.Session
	a := s.Attendance
	sub := map[MemberID]Substitute{}
	for _, x := range a.Substitutes {
		sub[x.For] = x
	}
	var out []string
	for _, mem := range s.Council.Members {
		l := fmt.Sprintf("%s (%s)", label(mem.Person), w.role(mem.Role))
		switch {
		case slices.Contains(a.Present, mem.ID):
			out = append(out, l+w.t(": có mặt", ": present"))
		case slices.Contains(a.Written, mem.ID):
			out = append(out, l+w.t(": vắng mặt, có ý kiến bằng văn bản (được tính là phiếu của thành viên)",
				": absent, with a written opinion (counted as the member's vote)"))
		case sub[mem.ID].ID != "":
			x := sub[mem.ID]
			out = append(out, fmt.Sprintf(w.t("%s: vắng mặt, %s dự thay theo %s (được biểu quyết)", "%s: absent, %s attends in the member's place under %s (may vote)"),
				l, label(x.Person), x.Mandate))
		default:
			out = append(out, l+w.t(": vắng mặt", ": absent"))
		}
	}
	for _, g := range a.Guests {
		l := label(g.Person)
		if g.Unit != "" {
			l += ", " + g.Unit
		}
		out = append(out, l+w.t(": khách mời (không biểu quyết)", ": guest (may not vote)"))
	}
	return out
}

// attendance is the section on the session's validity: the quorum, the
// attendance a session on awards needs, and the ballot's form.
func (w *writer) attendance() document.Section {
	s, c := w.o.Session, w.o.Count
	var ps []string
	ps = append(ps, fmt.Sprintf(w.t("Tổng số thành viên Hội đồng: %d; số người tham dự có quyền biểu quyết: %d; số phiếu tối đa (kể cả ý kiến bằng văn bản): %d.",
		"Council members: %d; attending with a vote: %d; most ballots (written opinions included): %d."),
		c.Members, c.Attending, c.Voting))
	if c.QuorumNeeded > 0 {
		ps = append(ps, fmt.Sprintf(w.t("Điều kiện họp: %s tổng số thành viên, tối thiểu %d: đạt.", "Quorum: %s of all members, at least %d: met."),
			w.share(w.o.Rules.CouncilQuorum), c.QuorumNeeded))
	}
	if c.AwardNeeded > 0 {
		ps = append(ps, fmt.Sprintf(w.t("Phiên họp xét khen thưởng: %s tổng số thành viên, tối thiểu %d (%s): đạt.",
			"Session on awards: %s of all members, at least %d (%s): met."),
			w.share(s.Options.AwardAttendance), c.AwardNeeded, s.Options.AwardAttendanceSource))
	}
	if w.o.Secret {
		ps = append(ps, w.t("Hình thức: bỏ phiếu kín.", "Form: secret ballot."))
	} else {
		ps = append(ps, w.t("Hình thức: bỏ phiếu.", "Form: ballot."))
	}
	sec := document.Section{Heading: w.t("THÀNH PHẦN VÀ ĐIỀU KIỆN HỌP", "ATTENDANCE AND QUORUM")}
	for _, p := range ps {
		sec.Blocks = append(sec.Blocks, document.Paragraph{Text: p})
	}
	return sec
}

func (w *writer) leaders() document.Section {
	sec := document.Section{Heading: fmt.Sprintf(w.t("CÁC TẬP THỂ DẪN ĐẦU CỤM, KHỐI THI ĐUA NĂM %d", "COLLECTIVES LEADING THE CLUSTERS AND BLOCKS IN %d"), w.o.Session.Year)}
	if len(w.o.Leaders) == 0 {
		sec.Blocks = append(sec.Blocks, document.Paragraph{Text: w.t("Không có.", "None.")})
	} else {
		t := document.Table{Columns: []document.Column{{Title: w.t("Tập thể", "Collective")}, {Title: w.t("Cụm, khối thi đua", "Cluster or block")}}}
		for _, l := range w.o.Leaders {
			t.Rows = append(t.Rows, []string{l.UnitName, l.ClusterName})
		}
		sec.Blocks = append(sec.Blocks, t)
	}
	q := w.o.GovFlagQuota
	rounding := w.t("làm tròn xuống", "rounded down")
	switch q.Rounding() {
	case thidua.QuotaRoundCeil:
		rounding = w.t("làm tròn lên", "rounded up")
	case thidua.QuotaRoundHalfUp:
		rounding = w.t("làm tròn", "rounded half up")
	}
	sec.Blocks = append(sec.Blocks, document.Paragraph{Text: fmt.Sprintf(w.t(
		"Số lượng đề nghị Cờ thi đua của Chính phủ: không quá %d/%d của %d tập thể dẫn đầu = %d (%s).",
		"Government Emulation Flags proposed: at most %d/%d of %d leading collectives = %d (%s)."),
		q.Num(), q.Den(), len(w.o.Leaders), w.o.GovFlagSeats, rounding)})
	return sec
}

func (w *writer) voteTitle(v Vote) string {
	if v.Round == 1 {
		return fmt.Sprintf(w.t("Bỏ phiếu đề nghị %s, vòng %d", "Vote on the %s, round %d"), w.award(v.Award), v.Round)
	}
	return fmt.Sprintf(w.t("Bỏ phiếu lại đề nghị %s, vòng %d", "Runoff on the %s, round %d"), w.award(v.Award), v.Round)
}

// issued is the ballots handed out in a round: to every voter of the
// session in round 1, written opinions included; to those in the room in a
// runoff.
func (w *writer) issued(v Vote) int {
	if v.Round == 1 {
		return w.o.Count.Voting
	}
	return w.o.Count.Attending
}

func (w *writer) votes() document.Section {
	sec := document.Section{Heading: w.t("KẾT QUẢ BỎ PHIẾU", "VOTES")}
	if len(w.o.Votes) == 0 {
		sec.Blocks = append(sec.Blocks, document.Paragraph{Text: w.t("Không tổ chức bỏ phiếu.", "No vote was held.")})
	}
	for i, v := range w.o.Votes {
		r := v.Result
		sec.Blocks = append(sec.Blocks, document.Paragraph{Text: fmt.Sprintf("%d. %s", i+1, w.voteTitle(v))})
		sec.Blocks = append(sec.Blocks, document.Paragraph{Indent: 1, Text: fmt.Sprintf(w.t(
			"Số phiếu phát ra: %d; thu về: %d; hợp lệ: %d; không hợp lệ: %d; phiếu trắng: %d.",
			"Ballots issued: %d; received: %d; valid: %d; invalid: %d; blank: %d."),
			w.issued(v), r.Cast, r.Valid, r.Invalid, r.Blank)})
		th := r.Contest.Threshold()
		if !th.IsZero() {
			sec.Blocks = append(sec.Blocks, document.Paragraph{Indent: 1, Text: fmt.Sprintf(w.t(
				"Yêu cầu: %s tổng số thành viên Hội đồng, cần %d/%d phiếu.", "Threshold: %s of all council members, needs %d of %d."),
				w.share(th.Share), th.Share.Needed(r.Base()), r.Base())})
		} else {
			sec.Blocks = append(sec.Blocks, document.Paragraph{Indent: 1, Text: fmt.Sprintf(w.t(
				"Xếp thứ tự các đơn vị bằng phiếu cho %d chỉ tiêu.", "Orders the tied units for %d seat(s)."), r.Contest.Seats())})
		}
		t := document.Table{Indent: 1, Columns: []document.Column{{Title: w.t("Đơn vị", "Unit")},
			{Title: w.t("Số phiếu", "Votes"), Right: true}, {Title: w.t("Kết quả", "Result")}}}
		for _, tier := range r.Ranking {
			for _, id := range tier {
				mark := ""
				if !th.IsZero() && slices.Contains(r.Passed, id) {
					mark = w.t("đạt", "passed")
				}
				t.Rows = append(t.Rows, []string{w.unit(id), fmt.Sprint(r.Votes(id)), mark})
			}
		}
		sec.Blocks = append(sec.Blocks, t)
	}
	var settled []string
	for _, st := range w.o.Settled {
		var tiers []string
		for _, t := range st.Order {
			tiers = append(tiers, w.units(t))
		}
		by := fmt.Sprintf(w.t("bỏ phiếu lại (vòng %d)", "a runoff (round %d)"), st.Round)
		if st.By == thidua.TieBreakFallback {
			by = w.t("phiếu của Chủ tịch Hội đồng", "the vote of the Council Chair")
		}
		settled = append(settled, fmt.Sprintf(w.t("Bằng phiếu tại chỉ tiêu %s được giải quyết bằng %s: %s",
			"The tie at the quota of the %s was settled by %s: %s"), w.award(st.Award), by, strings.Join(tiers, " > ")))
	}
	if len(settled) > 0 {
		sec.Blocks = append(sec.Blocks, document.List{Items: settled})
	}
	return sec
}

func (w *writer) granted(g Granted) string {
	var parts []string
	if g.Vote.Base > 0 {
		parts = append(parts, fmt.Sprintf(w.t("%d/%d phiếu đồng ý", "%d of %d approvals"), g.Vote.Votes, g.Vote.Base))
	}
	if !w.votesFirst() {
		parts = append(parts, fmt.Sprintf(w.t("%s/100 điểm", "%s of 100 points"), w.num(g.Total)))
	}
	switch {
	case g.Award == thidua.AwardGovernmentFlag:
		parts = append(parts, fmt.Sprintf(w.t("dẫn đầu %s", "led %s"), g.ClusterName))
	case g.ClusterName != "":
		parts = append(parts, fmt.Sprintf(w.t("do %s đề nghị", "proposed by %s"), g.ClusterName))
	default:
		parts = append(parts, w.t("đơn vị đề nghị trực tiếp", "proposed directly"))
	}
	switch g.DecidedBy {
	case thidua.TieBreakFallback:
		parts = append(parts, w.t("theo phiếu của Chủ tịch Hội đồng", "by the vote of the Council Chair"))
	case thidua.TieBreakRunoff:
		parts = append(parts, w.t("theo kết quả bỏ phiếu lại", "by the runoff"))
	case thidua.TieBreakVotes:
		parts = append(parts, w.t("nhiều phiếu hơn", "more votes"))
	case thidua.TieBreakEqualMerit:
		parts = append(parts, w.t("ưu tiên tập thể có tỷ lệ nữ từ 70% trở lên", "preferring the collective with at least 70% women"))
	}
	return fmt.Sprintf("%s: %s (%s)", w.award(g.Award), g.UnitName, strings.Join(parts, "; "))
}

// votesFirst reports the over-quota order the session applied.
func (w *writer) votesFirst() bool {
	switch w.o.Session.Options.Order {
	case VotesFirst:
		return true
	case ScoreFirst:
		return false
	}
	return w.o.Rules.VotesFirst
}

func (w *writer) years(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = itoa(y)
	}
	return strings.Join(s, ", ")
}

func (w *writer) refusal(r Refusal, texts map[string]standardText) string {
	switch r.Reason {
	case thidua.DeclinedPendingCase:
		return w.pendingCase(r.Unit)
	case thidua.DeclinedStandard:
		s := w.t("không đạt tiêu chuẩn", "does not meet the standard")
		if t, ok := texts[r.Standard]; ok {
			s += ": " + w.t(t.vi, t.en)
		}
		if len(r.Years) > 0 {
			s += fmt.Sprintf(w.t(" (hồ sơ thiếu năm %s)", " (the record misses %s)"), w.years(r.Years))
		}
		return s
	case thidua.DeclinedNoVote:
		return w.t("chưa được Hội đồng bỏ phiếu", "not voted on by the council")
	case thidua.DeclinedVoteShort:
		return fmt.Sprintf(w.t("đạt %d/%d phiếu, cần %d", "%d of %d votes, needs %d"), r.Votes, r.Base, r.Needed)
	case thidua.DeclinedQuotaFull:
		return w.t("đã đủ số lượng", "the quota is filled")
	case thidua.DeclinedHigherAward:
		return w.t("đã được đề nghị hình thức cao hơn (Luật Thi đua, khen thưởng 2022 Điều 5)", "proposed for a higher award (Luật Thi đua, khen thưởng 2022 Điều 5)")
	case thidua.DeclinedAwaitingRunoff:
		return w.t("chờ giải quyết bằng phiếu ở hình thức cao hơn", "awaiting the settling of a tie for a higher award")
	}
	return w.t("không đề nghị", "not proposed")
}

func (w *writer) decisions() document.Section {
	none := w.t("Không có.", "None.")
	list := func(items []string) document.Block {
		if len(items) == 0 {
			return document.Paragraph{Text: none, Indent: 1}
		}
		return document.List{Items: items}
	}
	var pm, min, refused []string
	for _, g := range w.o.ToPrimeMinister {
		pm = append(pm, w.granted(g))
	}
	for _, g := range w.o.ToMinister {
		min = append(min, w.granted(g))
	}
	texts := standardTexts(w.o.Session.Options, w.o.Rules)
	for _, r := range w.o.Refused {
		refused = append(refused, fmt.Sprintf("%s: %s (%s)", w.award(r.Award), r.UnitName, w.refusal(r, texts)))
	}
	for _, t := range w.o.Decision.Ties {
		refused = append(refused, fmt.Sprintf(w.t("%s: bằng phiếu giữa %s cho %d chỉ tiêu, chưa giải quyết", "%s: tie among %s for %d seat(s), unsettled"),
			w.award(t.Award), w.units(t.Units), t.Seats))
	}
	return document.Section{Heading: w.t("KẾT QUẢ XÉT", "DECISIONS"), Blocks: []document.Block{
		document.Paragraph{Text: w.t("1. Đề nghị Thủ tướng Chính phủ:", "1. Proposed up to the Prime Minister:")}, list(pm),
		document.Paragraph{Text: w.t("2. Trình Bộ trưởng quyết định:", "2. Proposed to the minister:")}, list(min),
		document.Paragraph{Text: w.t("3. Không đề nghị:", "3. Not proposed:")}, list(refused),
	}}
}

func (w *writer) pending() (document.Section, bool) {
	if len(w.o.Pending) == 0 {
		return document.Section{}, false
	}
	var items []string
	for _, p := range w.o.Pending {
		if p.Kind == PendingChair {
			items = append(items, fmt.Sprintf(w.t("%s: chờ phiếu của Chủ tịch Hội đồng giữa %s, %d chỉ tiêu", "%s: awaiting the Council Chair's vote among %s, %d seat(s)"),
				w.award(p.Award), w.units(p.Units), p.Seats))
		} else {
			items = append(items, fmt.Sprintf(w.t("%s: cần bỏ phiếu lại (vòng %d) giữa %s, %d chỉ tiêu", "%s: a runoff (round %d) is needed among %s, %d seat(s)"),
				w.award(p.Award), p.Round, w.units(p.Units), p.Seats))
		}
	}
	return document.Section{Heading: w.t("VIỆC CÒN LẠI", "STILL PENDING"), Blocks: []document.Block{document.List{Items: items}}}, true
}

// pendingCase says which case is pending against unit u, from its record, and
// cites the rule in force that bars a proposal while it is.
func (w *writer) pendingCase(u thidua.UnitID) string {
	var cases []string
	for _, f := range w.o.Session.Records {
		if f.Unit != u {
			continue
		}
		if f.PendingDiscipline {
			cases = append(cases, w.t("đang xem xét kỷ luật", "discipline under consideration"))
		}
		if f.UnderInvestigation {
			cases = append(cases, w.t("đang điều tra, thanh tra, kiểm tra", "under investigation, inspection or check"))
		}
		if f.PendingComplaint {
			cases = append(cases, w.t("có đơn thư khiếu nại, tố cáo đang được xác minh", "a complaint or denunciation being verified"))
		}
	}
	if len(cases) == 0 {
		cases = []string{w.t("có vụ việc đang xem xét", "a case is pending")}
	}
	s := strings.Join(cases, "; ")
	if c, ok := w.o.Rules.PendingSource(); ok && c.Status != thidua.StatusNotFound {
		s += "; " + w.t(c.Vietnamese(), c.English())
	}
	return s
}

// voteCount is the record of one tally.
func (w *writer) voteCount(v Vote) document.VoteCount {
	pw := w.o.Session.Paperwork
	vc := document.CountOf(v.Result, w.l, w.unit)
	vc.Heading, vc.MinutesNumber = w.heading(""), pw.MinutesNumber
	vc.Title, vc.Summary = w.t("BIÊN BẢN KIỂM PHIẾU", "VOTE-COUNT RECORD"), w.voteTitle(v)
	vc.Issued = w.issued(v)
	vc.BaseName = w.t("tổng số thành viên Hội đồng", "whole council membership")
	if !pw.HeadTeller.IsZero() || len(pw.Tellers) > 0 {
		vc.Board = append([]thidua.Person{pw.HeadTeller}, pw.Tellers...)
	}
	vc.Signatures = document.BoardSignatures(w.l, vc.Board)
	return vc
}
