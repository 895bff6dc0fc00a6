package document

import (
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/thidua/thidua"
)

// FromOutcome builds the documents of a concluded cluster review in language
// lang: the minutes, one vote-count record per count of ballots, and the
// proposal with its list. The people, times, numbers and recipients come from
// the review's Paperwork; the issuing body and its governing body default to
// the cluster's name and organizer. What the paperwork leaves out is a dotted
// blank, which Check reports.
//
// It returns ErrInvalidLanguage for an unknown language, ErrNoReview for an
// outcome with no cluster in it, and the review's own error for paperwork
// that does not validate (a decomposed name gives a *thidua.FieldError
// wrapping thidua.ErrDecomposedName).
func FromOutcome(o thidua.Outcome, lang Language) (Dossier, error) {
	if !lang.IsValid() {
		return Dossier{}, fmt.Errorf("%w: %d", ErrInvalidLanguage, uint8(lang))
	}
	if o.Review.Cluster.Len() == 0 {
		return Dossier{}, ErrNoReview
	}
	if err := o.Review.Paperwork.Validate(); err != nil {
		return Dossier{}, &thidua.PartError{Part: "paperwork", Err: err}
	}
	b := builder{o: o, l: lang, c: o.Review.Cluster, pw: o.Review.Paperwork}
	d := Dossier{Minutes: b.minutes(), Proposal: b.proposal()}
	for _, v := range o.Votes {
		d.VoteCounts = append(d.VoteCounts, b.voteCount(v))
	}
	return d, nil
}

type builder struct {
	o  thidua.Outcome
	l  Language
	c  thidua.Cluster
	pw thidua.Paperwork
}

// legalBasis is the one place a document prints the rules applied: the
// documents the rule set read (its "document" citations, in the language's
// form: "Nghị định số 98/2023/NĐ-CP"), or the rule set's name when it read
// none. Values not verified in their source are never printed; the caller
// finds them with RuleSet.Unverified.
func (b *builder) legalBasis() string {
	var docs []string
	for _, c := range b.o.Rules.Read() {
		if c.Rule == ruleDocument {
			docs = append(docs, b.l.tr(c.Vietnamese(), c.English()))
		}
	}
	if len(docs) == 0 {
		return b.o.Rules.Name
	}
	return strings.Join(docs, "; ")
}

// The Citation.Rule names the documents cite.
const (
	ruleDocument   = "document"
	rulePending    = "pending-case"
	ruleDiscipline = "discipline"
)

// cite returns the rule set's citation of rule, when it was read in its
// source, as " (khoản 4 Điều 4 Nghị định số 152/2025/NĐ-CP)"; "" otherwise.
func (b *builder) cite(rule string) string {
	c, ok := b.o.Rules.Source(rule)
	if !ok || c.Status != thidua.StatusRead {
		return ""
	}
	return " (" + b.l.tr(c.Vietnamese(), c.English()) + ")"
}

// rulesDate says, in parentheses, which day's rules applied when the review
// names the day the dossier was received (Review.Received): those in force
// that day (Outcome.RulesDate), or those of the review date as more
// favourable to the units (Outcome.Favourable). It is "" when the dossier's
// day is not given, and the rules are simply the review date's.
func (b *builder) rulesDate() string {
	r, l := b.o.Review, b.l
	if r.Received.IsZero() {
		return ""
	}
	if b.o.Favourable {
		return l.tr(" (quy định có hiệu lực tại ngày họp, "+l.longDate(b.o.RulesDate)+", có lợi hơn cho đơn vị so với quy định tại ngày tiếp nhận hồ sơ, "+l.longDate(r.Received)+")",
			" (the rules in force on the day of the review, "+l.longDate(b.o.RulesDate)+", as more favourable to the units than those of the day the dossier was received, "+l.longDate(r.Received)+")")
	}
	return l.tr(" (quy định có hiệu lực tại ngày tiếp nhận hồ sơ, "+l.longDate(b.o.RulesDate)+")",
		" (the rules in force on the day the dossier was received, "+l.longDate(b.o.RulesDate)+")")
}

// years renders the years of a refusal: ", thiếu năm 2025" for a record that
// misses them, ", năm 2025" for the years a discipline period touches.
func (b *builder) years(x thidua.Declined) string {
	if len(x.Years) == 0 {
		return ""
	}
	ys := make([]string, len(x.Years))
	for i, y := range x.Years {
		ys[i] = itoa(y)
	}
	list := strings.Join(ys, ", ")
	if x.Reason == thidua.DeclinedDiscipline {
		return b.l.tr(", năm ", ", year ") + list
	}
	return b.l.tr(", thiếu năm ", ", missing ") + list
}

func (b *builder) heading(number string) Heading {
	h := Heading{GoverningBody: b.pw.GoverningBody, IssuingBody: b.pw.IssuingBody, Number: number,
		Locality: b.pw.Locality, Date: b.o.Review.Date}
	if h.GoverningBody == "" {
		h.GoverningBody = b.c.Organizer()
	}
	if h.IssuingBody == "" {
		h.IssuingBody = b.c.Name()
	}
	return h
}

// label is a unit's short name; name its official name.
func (b *builder) label(id thidua.UnitID) string {
	if u, ok := b.c.Unit(id); ok {
		return u.Label()
	}
	if u, ok := b.o.Next.Unit(id); ok {
		return u.Label()
	}
	return string(id)
}

func (b *builder) name(id thidua.UnitID) string {
	if u, ok := b.c.Unit(id); ok {
		return u.Name
	}
	if u, ok := b.o.Next.Unit(id); ok {
		return u.Name
	}
	return string(id)
}

// kindWord is "cụm" or "khối", "cluster" or "block".
func (b *builder) kindWord() string {
	if b.c.Kind() == thidua.KindBlock {
		return b.l.tr("khối", "block")
	}
	return b.l.tr("cụm", "cluster")
}

// role names a post: "cụm trưởng", "khối phó", "cluster leader".
func (b *builder) role(r thidua.Role) string {
	if b.l == Vietnamese {
		return r.Vietnamese(b.c.Kind())
	}
	switch r {
	case thidua.RoleLeader:
		return b.kindWord() + " leader"
	case thidua.RoleDeputy:
		return b.kindWord() + " deputy"
	}
	return r.String()
}

// award names an award with its issuer: an award of a ministry or province
// carries the cluster's organizer ("Cờ thi đua của Bộ Thông tin và Truyền
// thông"); without an organizer it keeps the generic name.
func (b *builder) award(a thidua.Award) string {
	issuer := b.c.Organizer()
	if a.MinistryLevel() && issuer != "" {
		switch a {
		case thidua.AwardMinistryFlag:
			return b.l.tr("Cờ thi đua của ", "Emulation Flag of ") + issuer
		case thidua.AwardMinistryMerit:
			return b.l.tr("Bằng khen của ", "Certificate of Merit of ") + issuer
		}
	}
	return b.l.tr(a.Vietnamese(), a.English())
}

func (b *builder) labels(ids []thidua.UnitID) string {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = b.label(id)
	}
	return strings.Join(names, ", ")
}

// ---------------------------------------------------------------------------
// The minutes.
// ---------------------------------------------------------------------------

func (b *builder) minutes() Minutes {
	r, l := b.o.Review, b.l
	m := Minutes{
		Language: l,
		Heading:  b.heading(b.pw.MinutesNumber),
		Title:    l.tr("BIÊN BẢN", "MINUTES"),
		Summary: l.tr(fmt.Sprintf("Hội nghị tổng kết công tác thi đua, khen thưởng năm %d", b.c.Year()),
			fmt.Sprintf("The %d year-end emulation and commendation review conference", b.c.Year())),
		Start: b.pw.Start, End: b.pw.End, Place: r.Place,
		Chair: b.pw.Chair, Secretary: b.pw.Secretary,
		Recipients: slices.Clone(b.pw.Recipients),
	}
	present := r.Present
	if len(present) == 0 {
		present = b.c.MemberIDs()
	}
	m.Attendance = l.tr(fmt.Sprintf("%d/%d đơn vị thành viên có mặt", len(present), b.c.Len()),
		fmt.Sprintf("%d of %s present", len(present), l.count(b.c.Len(), "", "member unit", "member units")))
	for _, id := range present {
		m.Participants = append(m.Participants, b.name(id))
	}
	if id := b.c.Leader(); id != "" {
		m.Hosts = append(m.Hosts, l.tr("Đơn vị chủ trì: ", "Host unit: ")+b.label(id)+" ("+b.role(thidua.RoleLeader)+")")
	}
	if id := b.c.Deputy(); id != "" {
		m.Hosts = append(m.Hosts, l.tr("Đơn vị đồng chủ trì: ", "Co-host unit: ")+b.label(id)+" ("+b.role(thidua.RoleDeputy)+")")
	}
	if s := b.legalBasis(); s != "" {
		m.Basis = []string{s + b.rulesDate()}
	}
	m.Sections = []Section{b.standings(), b.votes(), b.proposals(), b.leadership()}
	if s, ok := b.pending(); ok {
		m.Sections = append(m.Sections, s)
	}
	m.Signatures = []Signature{
		{Title: l.tr("THƯ KÝ", "SECRETARY"), Person: b.pw.Secretary},
		{Title: l.tr("CHỦ TỌA", "CHAIR"), Person: b.pw.Chair, Seal: true},
	}
	return m
}

func (b *builder) standings() Section {
	l, card := b.l, b.o.Review.Scorecard
	t := Table{Columns: []Column{{Title: l.tr("Hạng", "Rank")}, {Title: l.tr("Đơn vị", "Unit")},
		{Title: l.tr("Tổng điểm", "Total"), Right: true}, {Title: l.tr("Thang 100", "Of 100"), Right: true},
		{Title: l.tr("Ghi chú", "Note")}}}
	for _, s := range b.o.Standings.Ranked() {
		var notes []string
		if s.TieBreak != "" {
			notes = append(notes, l.tr("phân định bằng ", "separated by ")+b.tieBreaker(s.TieBreak))
		}
		for _, g := range s.GatesFailed {
			notes = append(notes, l.tr("không đạt điểm sàn của tiêu chí ", "below the minimum of criterion ")+string(g.Criterion))
		}
		t.Rows = append(t.Rows, []string{itoa(s.Rank), b.label(s.Unit), l.number(s.Total), l.number(s.Scaled), strings.Join(notes, "; ")})
	}
	return Section{
		Heading: l.tr("I. KẾT QUẢ CHẤM ĐIỂM", "I. SCORES"),
		Blocks: []Block{
			Paragraph{Text: l.tr(fmt.Sprintf("%s; điểm tối đa %s.", card.Name(), l.number(card.BaseMax())),
				fmt.Sprintf("%s; maximum %s points.", card.Name(), l.number(card.BaseMax())))},
			t,
		},
	}
}

// tieBreaker translates a scoring tie-breaker's name (Standing.TieBreak).
func (b *builder) tieBreaker(s string) string {
	if id, ok := strings.CutPrefix(s, "criterion "); ok {
		return b.l.tr("tiêu chí ", "criterion ") + strings.Trim(id, `"`)
	}
	if s == "fewer deductions" {
		return b.l.tr("ít điểm trừ hơn", "fewer deductions")
	}
	return s // a comparison the caller named
}

// voteTitle names a count: "Bình xét Cờ thi đua của Bộ ..., vòng 1".
func (b *builder) voteTitle(v thidua.VoteRecord) string {
	var what string
	if v.Award == 0 {
		what = b.postTitle(v.Post)
	} else {
		what = b.l.tr("Bình xét ", "Vote on the ") + b.award(v.Award)
	}
	return what + b.l.tr(", vòng ", ", round ") + itoa(v.Round)
}

// postTitle names the election of next year's leader or deputy.
func (b *builder) postTitle(post thidua.Role) string {
	next := itoa(b.c.Year() + 1)
	return b.l.tr("Bầu "+b.role(post)+" năm "+next, "Election of the "+next+" "+b.role(post))
}

func (b *builder) threshold(t thidua.Threshold) string { return b.l.threshold(t) }

// threshold says a requirement in words: "từ 4/5 tổng số thành viên".
func (l Language) threshold(t thidua.Threshold) string {
	if t.IsZero() {
		return ""
	}
	frac := fmt.Sprintf("%d/%d", t.Share.Num(), t.Share.Den())
	if l == Vietnamese {
		op := "từ"
		if t.Share.Strict() {
			op = "trên"
		}
		return op + " " + frac + " " + t.Base.Vietnamese()
	}
	op := "at least"
	if t.Share.Strict() {
		op = "more than"
	}
	return op + " " + frac + " of the " + baseEN[t.Base]
}

var baseEN = map[thidua.Base]string{thidua.BaseElectorate: "whole membership", thidua.BasePresent: "members present",
	thidua.BaseCast: "ballots cast", thidua.BaseValid: "valid ballots"}

// baseName names the count a threshold's shares are of (with no threshold,
// the electorate, as thidua.Result.Base counts it).
func (l Language) baseName(t thidua.Threshold) string {
	base := t.Base
	if t.IsZero() {
		base = thidua.BaseElectorate
	}
	return l.tr(base.Vietnamese(), baseEN[base])
}

func (b *builder) votes() Section {
	l := b.l
	s := Section{Heading: l.tr("II. KẾT QUẢ BỎ PHIẾU", "II. BALLOTS")}
	if b.o.Rules.SecretBallot && len(b.o.Votes) > 0 {
		s.Heading = l.tr("II. KẾT QUẢ BỎ PHIẾU KÍN", "II. SECRET BALLOTS")
	}
	if len(b.o.Votes) == 0 {
		s.Blocks = append(s.Blocks, Paragraph{Text: l.tr("Không tổ chức bỏ phiếu.", "No vote was held.")})
		return s
	}
	for i, v := range b.o.Votes {
		vc := b.voteCount(v)
		s.Blocks = append(s.Blocks, Paragraph{Text: fmt.Sprintf("%d. %s", i+1, vc.Summary)})
		s.Blocks = append(s.Blocks, Paragraph{Indent: 1, Text: l.tr(
			fmt.Sprintf("Phiếu thu về: %d; hợp lệ: %d; không hợp lệ: %d; phiếu trắng: %d.", vc.Received, vc.Valid, vc.Invalid, vc.Blank),
			fmt.Sprintf("Ballots returned: %d; valid: %d; invalid: %d; blank: %d.", vc.Received, vc.Valid, vc.Invalid, vc.Blank))})
		if vc.Threshold != "" {
			s.Blocks = append(s.Blocks, Paragraph{Indent: 1, Text: l.tr(
				fmt.Sprintf("Yêu cầu: %s, cần %d/%d phiếu.", vc.Threshold, vc.Needed, vc.Base),
				fmt.Sprintf("Threshold: %s, %s of %d needed.", vc.Threshold, l.count(vc.Needed, "", "vote", "votes"), vc.Base))})
		}
		s.Blocks = append(s.Blocks, vc.table(1))
		for _, rej := range vc.Rejected {
			s.Blocks = append(s.Blocks, Paragraph{Indent: 1, Text: vc.rejection(rej)})
		}
		s.Blocks = append(s.Blocks, Paragraph{Indent: 1, Text: l.tr("Mã kiểm tra (SHA-256): ", "Check digest (SHA-256): ") + vc.Digest})
	}
	s.Blocks = append(s.Blocks, Paragraph{Text: l.tr(
		"Chi tiết tại các biên bản kiểm phiếu kèm theo biên bản này.",
		"The details are in the vote-count records annexed to these minutes.")})
	return s
}

func (b *builder) proposals() Section {
	l, d := b.l, b.o.Decision
	s := Section{Heading: l.tr("III. ĐỀ NGHỊ KHEN THƯỞNG", "III. PROPOSED AWARDS")}
	if len(d.Proposals) == 0 {
		s.Blocks = append(s.Blocks, Paragraph{Text: l.tr("Không có.", "None.")})
	}
	for i, p := range d.Proposals {
		s.Blocks = append(s.Blocks,
			Paragraph{Text: fmt.Sprintf("%d. %s: %s", i+1, b.award(p.Award), b.name(p.Unit))},
			Paragraph{Indent: 1, Text: l.tr("Căn cứ: ", "Grounds: ") + b.grounds(p) + "."})
	}
	for _, st := range b.o.Settled {
		by := l.tr(fmt.Sprintf("bỏ phiếu lại (vòng %d)", st.Round), fmt.Sprintf("a runoff (round %d)", st.Round))
		if st.By == thidua.TieBreakFallback {
			by = l.tr("quyết định của ", "the decision of ") + b.fallback(st.Fallback)
		}
		s.Blocks = append(s.Blocks, Paragraph{Indent: 1, Text: l.tr(
			"Bằng phiếu tại chỉ tiêu "+b.award(st.Award)+" được giải quyết bằng "+by+".",
			"The tie at the quota of the "+b.award(st.Award)+" was settled by "+by+".")})
	}
	var declined []thidua.Declined
	for _, x := range d.Declined {
		if x.Reason != thidua.DeclinedHigherAward {
			declined = append(declined, x)
		}
	}
	if len(declined) == 0 {
		return s
	}
	// One line for each award and reason, naming the units in rank order.
	type group struct {
		award thidua.Award
		why   string
	}
	var groups []group
	units := map[group][]string{}
	for _, x := range declined {
		why, figure := b.declineReason(x)
		g := group{x.Award, why}
		if _, ok := units[g]; !ok {
			groups = append(groups, g)
		}
		name := b.label(x.Unit)
		if figure != "" {
			name += " (" + figure + ")"
		}
		units[g] = append(units[g], name)
	}
	list := List{Indent: 1}
	for _, g := range groups {
		list.Items = append(list.Items, b.award(g.award)+", "+g.why+": "+strings.Join(units[g], ", "))
	}
	s.Blocks = append(s.Blocks, Paragraph{Text: l.tr("Không đề nghị:", "Not proposed:")}, list)
	return s
}

// grounds gives a proposal's reasons in words.
func (b *builder) grounds(p thidua.Proposal) string {
	l := b.l
	g := []string{l.tr("xếp hạng ", "rank ") + itoa(p.Rank), l.tr(l.number(p.Total)+" điểm", l.number(p.Total)+" points")}
	if !p.Threshold.IsZero() {
		g = append(g, l.tr(fmt.Sprintf("%d/%d phiếu đồng ý (yêu cầu %s)", p.Vote.Votes, p.Vote.Base, b.threshold(p.Threshold)),
			fmt.Sprintf("%s of %d in favour (threshold %s)", l.count(p.Vote.Votes, "", "vote", "votes"), p.Vote.Base, b.threshold(p.Threshold))))
	}
	if len(p.Standards) > 0 {
		std := make([]string, len(p.Standards))
		for i, s := range p.Standards {
			std[i] = b.standard(s)
		}
		g = append(g, l.tr("tiêu chuẩn: ", "standards met: ")+strings.Join(std, ", "))
	}
	if p.DecidedBy != thidua.TieBreakNone {
		g = append(g, l.tr("phân định bằng ", "separated by ")+b.tieBreak(p.DecidedBy))
	}
	return strings.Join(g, "; ")
}

func (b *builder) fallback(f thidua.Fallback) string {
	if b.l == Vietnamese {
		return f.Vietnamese()
	}
	switch f {
	case thidua.FallbackChair:
		return "the Council Chair"
	case thidua.FallbackLeaderAndDeputy:
		return "the " + b.kindWord() + " leader and deputy"
	}
	return "nobody named by the rules"
}

func (b *builder) tieBreak(t thidua.TieBreak) string {
	switch t {
	case thidua.TieBreakVotes:
		return b.l.tr("số phiếu", "votes")
	case thidua.TieBreakEqualMerit:
		return b.l.tr("ưu tiên tập thể có từ 70% nữ", "preference for a collective with at least 70% women")
	case thidua.TieBreakRunoff:
		return b.l.tr("bỏ phiếu lại", "a runoff")
	case thidua.TieBreakFallback:
		return b.l.tr("quyết định sau vòng cuối", "a decision after the last round")
	}
	return b.l.tr("thứ hạng", "rank")
}

// standard renders a standard's name as Proposal.Standards holds it.
func (b *builder) standard(s string) string {
	l := b.l
	switch {
	case s == "no pending case":
		return l.tr("không có vụ việc đang xem xét kỷ luật, điều tra, khiếu nại", "no discipline, investigation or complaint pending")
	case s == "leads the cluster":
		return l.tr("dẫn đầu "+b.c.Kind().Vietnamese(), "leads the "+b.kindWord())
	case strings.HasPrefix(s, "rank ≤ "):
		return l.tr("xếp hạng không quá ", "rank at most ") + strings.TrimPrefix(s, "rank ≤ ")
	case strings.HasPrefix(s, "total ≥ "):
		return l.tr("tổng điểm từ ", "total at least ") + strings.TrimPrefix(s, "total ≥ ")
	case strings.HasSuffix(s, " consecutive excellent years"):
		n := strings.TrimSuffix(s, " consecutive excellent years")
		return l.tr(n+" năm liên tục hoàn thành xuất sắc nhiệm vụ", n+" consecutive years of excellent results")
	case strings.HasPrefix(s, "holds "):
		if a, err := thidua.ParseAward(strings.TrimPrefix(s, "holds ")); err == nil {
			return l.tr("đã đạt ", "holds the ") + b.award(a)
		}
	}
	return s // a standard the caller named
}

// declineReason returns why x was declined, and the unit's own figure (its
// votes) where the reason has one.
func (b *builder) declineReason(x thidua.Declined) (why, figure string) {
	l := b.l
	switch x.Reason {
	case thidua.DeclinedVoteShort:
		if v, ok := b.voteOf(x.Award, x.Unit); ok {
			return l.tr("không đủ số phiếu, yêu cầu ", "too few votes, threshold ") + b.threshold(v.Contest.Threshold()),
				fmt.Sprintf("%d/%d", v.Votes(x.Unit), v.Base())
		}
		return l.tr("không đủ số phiếu", "too few votes"), ""
	case thidua.DeclinedPendingCase:
		return l.tr("đang xem xét kỷ luật, điều tra hoặc giải quyết khiếu nại", "discipline, investigation or complaint pending") + b.cite(rulePending), ""
	case thidua.DeclinedDiscipline:
		return l.tr("trong thời hạn kỷ luật, thành tích được tính từ khi hết thời hạn kỷ luật",
			"under discipline; achievements count from its end") + b.cite(ruleDiscipline) + b.years(x), ""
	case thidua.DeclinedStandard:
		return l.tr("chưa đạt tiêu chuẩn: ", "standard not met: ") + b.standard(x.Standard) + b.years(x), ""
	case thidua.DeclinedNoVote:
		return l.tr("không được bỏ phiếu", "not voted on"), ""
	case thidua.DeclinedQuotaFull:
		return l.tr("hết chỉ tiêu", "quota filled"), ""
	case thidua.DeclinedAwaitingRunoff:
		return l.tr("chờ bỏ phiếu lại cho hình thức cao hơn", "awaiting a runoff for a higher award"), ""
	}
	return l.tr("lý do khác", "other reason"), ""
}

// voteOf returns the first-round result of award a that names unit.
func (b *builder) voteOf(a thidua.Award, unit thidua.UnitID) (thidua.Result, bool) {
	for _, v := range b.o.Votes {
		if v.Award == a && v.Round == 1 && slices.Contains(v.Result.Contest.Candidates(), unit) {
			return v.Result, true
		}
	}
	return thidua.Result{}, false
}

func (b *builder) leadership() Section {
	l, ld := b.l, b.o.Leadership
	next := itoa(b.c.Year() + 1)
	s := Section{Heading: l.tr(upper(b.role(thidua.RoleLeader)+", "+b.role(thidua.RoleDeputy))+" NĂM "+next,
		upper(b.role(thidua.RoleLeader)+" and "+b.role(thidua.RoleDeputy))+" FOR "+next)}
	s.Heading = "IV. " + s.Heading
	if ld.Leader == "" {
		s.Blocks = append(s.Blocks, Paragraph{Text: l.tr("Chưa xác định.", "Not yet decided.")})
		return s
	}
	basis := ld.By.Vietnamese()
	if ld.By == 0 {
		basis = "không ghi"
	}
	if ld.By == thidua.SuccessionDeputySucceeds {
		// The root's word says cụm; a block's deputy is a khối phó.
		basis = l.tr(b.role(thidua.RoleDeputy)+" kế nhiệm", "the deputy succeeds")
	}
	if l == English && ld.By != thidua.SuccessionDeputySucceeds {
		basis = map[thidua.SuccessionMethod]string{thidua.SuccessionElect: "elected at the review",
			thidua.SuccessionRoundRobin: "rotation in a fixed order", thidua.SuccessionAssign: "assigned by the higher body"}[ld.By]
		if basis == "" {
			basis = "not recorded"
		}
	}
	deputy := l.tr("để trống", "vacant")
	if ld.Deputy != "" {
		deputy = b.label(ld.Deputy)
	}
	s.Blocks = append(s.Blocks,
		Paragraph{Text: capitalize(b.role(thidua.RoleLeader)) + ": " + b.label(ld.Leader) + " (" + basis + ")."},
		Paragraph{Text: capitalize(b.role(thidua.RoleDeputy)) + ": " + deputy + "."})
	return s
}

func (b *builder) pending() (Section, bool) {
	l := b.l
	if len(b.o.Pending) == 0 {
		return Section{}, false
	}
	list := List{}
	for _, p := range b.o.Pending {
		what := b.award(p.Award)
		if p.Award == 0 {
			what = b.postTitle(p.Post)
		}
		if p.Kind == thidua.TieBreakRunoff {
			list.Items = append(list.Items, l.tr(
				fmt.Sprintf("Cần bỏ phiếu lại (vòng %d) cho %s giữa %s, %d chỉ tiêu", p.Round, what, b.labels(p.Units), p.Seats),
				fmt.Sprintf("A runoff (round %d) is needed for the %s among %s, for %s", p.Round, what, b.labels(p.Units), l.count(p.Seats, "", "seat", "seats"))))
		} else {
			list.Items = append(list.Items, l.tr(
				fmt.Sprintf("Sau vòng %d vẫn bằng phiếu cho %s giữa %s: chờ %s", p.Round, what, b.labels(p.Units), b.fallback(p.Fallback)),
				fmt.Sprintf("After round %d the %s is still tied among %s: awaiting %s", p.Round, what, b.labels(p.Units), b.fallback(p.Fallback))))
		}
	}
	return Section{Heading: l.tr("V. VIỆC CÒN LẠI", "V. STILL PENDING"), Blocks: []Block{list}}, true
}

// ---------------------------------------------------------------------------
// The vote-count records.
// ---------------------------------------------------------------------------

func (b *builder) voteCount(v thidua.VoteRecord) VoteCount {
	l := b.l
	vc := CountOf(v.Result, l, b.label)
	// The record calls the count a secret ballot where the rules require one
	// (RuleSet.SecretBallot), as the minutes' heading does.
	vc.Secret = vc.Secret && b.o.Rules.SecretBallot
	vc.Heading, vc.MinutesNumber = b.heading(""), b.pw.MinutesNumber
	vc.Title, vc.Summary = l.tr("BIÊN BẢN KIỂM PHIẾU", "VOTE-COUNT RECORD"), b.voteTitle(v)
	vc.Board = append([]thidua.Person{b.pw.HeadTeller}, b.pw.Tellers...)
	vc.Signatures = BoardSignatures(l, vc.Board)
	return vc
}

// CountOf fills the counts of a VoteCount from a tally of the voting core
// (thidua.Result, kết quả kiểm phiếu): the electorate, the ballots issued
// (one per voter present, or the ballots received when presence was not
// recorded), received, valid, invalid with their reasons, and blank; the
// threshold and its base; each candidate's votes, best first, named by name;
// and the digest. The caller adds the Heading, Title, Summary,
// MinutesNumber, Board and Signatures. A council session fills its records
// this way, from the Results of its own votes.
func CountOf(r thidua.Result, lang Language, name func(thidua.UnitID) string) VoteCount {
	spec := r.Contest.Spec()
	t := r.Contest.Threshold()
	vc := VoteCount{
		Language: lang, Secret: !spec.Open, Electorate: spec.Electorate, Issued: spec.Present,
		Received: r.Cast, Valid: r.Valid, Invalid: r.Invalid, Blank: r.Blank,
		Threshold: lang.threshold(t), Base: r.Base(), BaseName: lang.baseName(t), Seats: spec.Seats,
		Digest: hex.EncodeToString(r.Digest[:]),
	}
	if vc.Issued == 0 {
		vc.Issued = r.Cast
	}
	if !t.IsZero() {
		vc.Needed = t.Share.Needed(vc.Base)
	}
	if name == nil {
		name = func(id thidua.UnitID) string { return string(id) }
	}
	for _, tier := range r.Ranking {
		for _, id := range tier {
			vc.Candidates = append(vc.Candidates, CandidateVotes{Name: name(id), Votes: r.Votes(id),
				Passed:  !t.IsZero() && slices.Contains(r.Passed, id),
				Elected: spec.Seats > 0 && slices.Contains(r.Elected, id),
				Tied:    slices.Contains(r.Tied, id)})
		}
	}
	for _, rej := range r.Rejected {
		vc.Rejected = append(vc.Rejected, Rejection{Ballot: rej.Index + 1, Votes: rej.Votes, Reason: lang.ballotReason(rej.Err)})
	}
	return vc
}

// BoardSignatures returns the signature blocks of a vote-counting board: its
// head first (trưởng ban kiểm phiếu), then each member (ủy viên).
func BoardSignatures(lang Language, board []thidua.Person) []Signature {
	var out []Signature
	for i, p := range board {
		title := lang.tr("ỦY VIÊN", "MEMBER")
		if i == 0 {
			title = lang.tr("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE VOTE-COUNTING BOARD")
		}
		out = append(out, Signature{Title: title, Person: p})
	}
	return out
}

// ballotReasons names why a ballot is invalid.
var ballotReasons = []struct {
	err    error
	vi, en string
}{
	{thidua.ErrUnknownCandidate, "ghi tên đơn vị không có trong danh sách", "names a unit not on the ballot"},
	{thidua.ErrDuplicateMark, "đánh dấu một đơn vị hai lần", "marks one unit twice"},
	{thidua.ErrTooManyMarks, "chọn quá số lượng cho phép", "more marks than allowed"},
	{thidua.ErrBallotShape, "không đúng mẫu phiếu", "not in the form of the ballot"},
	{thidua.ErrBlankBallot, "phiếu trắng không hợp lệ", "a blank ballot, not valid in this vote"},
	{thidua.ErrVoterOnSecret, "phiếu kín có ghi tên người bỏ phiếu", "a secret ballot that names its voter"},
	{thidua.ErrSelfVote, "tự bầu cho đơn vị mình", "a vote for the voter's own unit"},
	{thidua.ErrDuplicateVoter, "một đơn vị bỏ hai phiếu", "a second ballot from one unit"},
}

func (l Language) ballotReason(err error) string {
	for _, br := range ballotReasons {
		if errors.Is(err, br.err) {
			return l.tr(br.vi, br.en)
		}
	}
	return l.tr("không hợp lệ", "invalid")
}

// ---------------------------------------------------------------------------
// The proposal.
// ---------------------------------------------------------------------------

func (b *builder) proposal() Proposal {
	l, d := b.l, b.o.Decision
	h := b.heading(b.pw.ProposalNumber)
	to := b.pw.ProposalTo
	if to == "" {
		to = b.c.Organizer()
	}
	p := Proposal{
		Language: l, Heading: h,
		Title:   l.tr("TỜ TRÌNH", "PROPOSAL"),
		Summary: l.tr(fmt.Sprintf("Về việc đề nghị khen thưởng năm %d", b.c.Year()), fmt.Sprintf("On awards proposed for %d", b.c.Year())),
		ListTitle: l.tr(fmt.Sprintf("DANH SÁCH TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM %d", b.c.Year()),
			fmt.Sprintf("LIST OF COLLECTIVES PROPOSED FOR AWARDS FOR %d", b.c.Year())),
		Signature: Signature{Capacity: l.tr("TM. ", "ON BEHALF OF ") + upper(h.IssuingBody),
			Title: upper(b.role(thidua.RoleLeader)), Person: b.pw.Chair, Seal: true},
		Recipients: slices.Clone(b.pw.ProposalRecipients),
	}
	if to != "" {
		p.To = []string{to}
	}
	if s := b.legalBasis(); s != "" {
		p.Basis = append(p.Basis, l.tr("Căn cứ "+s+";", "Having regard to "+s+";"))
	}
	minutes := orBlank(b.pw.MinutesNumber)
	p.Basis = append(p.Basis, l.tr(
		fmt.Sprintf("Căn cứ Biên bản số %s %s của Hội nghị tổng kết công tác thi đua, khen thưởng năm %d của %s và kết quả bỏ phiếu kèm theo.",
			minutes, l.longDate(b.o.Review.Date), b.c.Year(), orBlank(h.IssuingBody)),
		fmt.Sprintf("Having regard to Minutes No. %s of %s of the %d year-end emulation and commendation review of %s and the vote results annexed to them.",
			minutes, l.longDate(b.o.Review.Date), b.c.Year(), orBlank(h.IssuingBody))))
	for _, pr := range d.Proposals {
		name := b.award(pr.Award)
		if n := len(p.Groups); n == 0 || p.Groups[n-1].Award != name {
			p.Groups = append(p.Groups, AwardGroup{Award: name})
		}
		g := &p.Groups[len(p.Groups)-1]
		g.Nominees = append(g.Nominees, Nominee{Name: b.name(pr.Unit), Grounds: b.grounds(pr)})
	}
	n := len(d.Proposals)
	addressee := orBlank(to)
	p.Body = append(p.Body, l.tr(
		fmt.Sprintf("%s kính trình %s xem xét, khen thưởng cho %d tập thể có thành tích xuất sắc trong công tác thi đua, khen thưởng năm %d, cụ thể như sau:",
			orBlank(h.IssuingBody), addressee, n, b.c.Year()),
		fmt.Sprintf("%s respectfully asks %s to consider awards for %s with outstanding results in emulation and commendation in %d, as follows:",
			orBlank(h.IssuingBody), addressee, l.count(n, "", "collective", "collectives"), b.c.Year())))
	for i, g := range p.Groups {
		p.Body = append(p.Body, fmt.Sprintf("%d. %s: %s.", i+1, g.Award, l.tr(fmt.Sprintf("%02d tập thể", len(g.Nominees)),
			l.count(len(g.Nominees), "", "collective", "collectives"))))
	}
	if !b.o.Complete() {
		p.Body = append(p.Body, l.tr("Kết quả còn chờ các việc nêu tại mục V của biên bản; danh sách có thể thay đổi.",
			"The result still awaits the steps in section V of the minutes; the list may change."))
	}
	p.Body = append(p.Body, l.tr("(Có danh sách kèm theo.)", "(The list is attached.)"),
		l.tr(fmt.Sprintf("Kính trình %s xem xét, quyết định./.", addressee), fmt.Sprintf("Submitted to %s for consideration and decision.", addressee)))
	return p
}
