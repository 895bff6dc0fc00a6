package document

import (
	"strings"

	"github.com/thidua/thidua"
)

// The plain-text page: 80 columns, the heading in two columns.
const (
	pageWidth  = 80
	leftWidth  = 36
	rightWidth = pageWidth - leftWidth
)

// personLine writes a person as a document names them: "Nguyễn Văn An -
// Giám đốc Sở Thông tin và Truyền thông tỉnh Bắc Ninh"; a dotted blank for
// nobody.
func personLine(p thidua.Person) string {
	if personIsBlank(p) {
		return blankMark
	}
	var post []string
	for _, s := range []string{p.Position, p.Unit} {
		if !blankText(s) {
			post = append(post, s)
		}
	}
	if len(post) == 0 {
		return p.Name
	}
	return p.Name + " - " + strings.Join(post, " ")
}

type textWriter struct {
	l Language
	b strings.Builder
}

func (w *textWriter) line(parts ...string) {
	w.b.WriteString(strings.TrimRight(strings.Join(parts, ""), " "))
	w.b.WriteByte('\n')
}

func (w *textWriter) centered(s string) { w.line(center(s, pageWidth)) }

// heading writes the issuing body and the national heading side by side,
// then the number and the place-and-date line.
func (w *textWriter) heading(h Heading, number bool) {
	l := w.l
	left := []string{upper(orBlank(h.GoverningBody)), upper(orBlank(h.IssuingBody))}
	if number {
		left = append(left, l.tr("Số: ", "No.: ")+orBlank(h.Number))
	} else {
		left = append(left, "")
	}
	right := []string{l.tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
		l.tr("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"), l.dateLine(h.Locality, h.Date)}
	for i := range left {
		w.line(center(left[i], leftWidth), center(right[i], rightWidth))
	}
	w.line()
}

func (w *textWriter) title(title, summary string) {
	w.centered(title)
	if summary != "" {
		w.centered(summary)
	}
	w.line()
}

func indent(n int) string { return strings.Repeat("   ", n) }

func (w *textWriter) blocks(blocks []Block) {
	for _, bl := range blocks {
		switch x := bl.(type) {
		case Paragraph:
			w.line(indent(x.Indent), x.Text)
		case List:
			for _, it := range x.Items {
				w.line(indent(x.Indent), "- ", it)
			}
		case Table:
			w.table(x)
		}
	}
}

// table aligns the cells by display width.
func (w *textWriter) table(t Table) {
	widths := make([]int, len(t.Columns))
	cell := func(row []string, i int) string {
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	for i, c := range t.Columns {
		widths[i] = width(c.Title)
		for _, r := range t.Rows {
			widths[i] = max(widths[i], width(cell(r, i)))
		}
	}
	row := func(cells func(int) string) {
		parts := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			if c.Right {
				parts[i] = padLeft(cells(i), widths[i])
			} else {
				parts[i] = padRight(cells(i), widths[i])
			}
		}
		w.line(indent(t.Indent), "  ", strings.Join(parts, "  "))
	}
	row(func(i int) string { return t.Columns[i].Title })
	for _, r := range t.Rows {
		row(func(i int) string { return cell(r, i) })
	}
}

// signatures writes the blocks two by two, left to right.
func (w *textWriter) signatures(sigs []Signature) {
	l := w.l
	half := pageWidth / 2
	for i := 0; i < len(sigs); i += 2 {
		pair := sigs[i:min(i+2, len(sigs))]
		if len(pair) == 1 {
			pair = []Signature{{}, pair[0]} // one signer signs on the right
		}
		cols := make([][]string, 2)
		for k, s := range pair {
			cols[k] = signatureLines(l, s)
		}
		n := max(len(cols[0]), len(cols[1]))
		for j := 0; j < n; j++ {
			get := func(c []string) string {
				// align the last line (the names) at the bottom
				off := n - len(c)
				if j-off >= 0 && j-off < len(c) {
					return c[j-off]
				}
				return ""
			}
			w.line(center(get(cols[0]), half), center(get(cols[1]), half))
		}
		w.line()
	}
}

// signatureLines are the lines of one signature block, or none for an empty
// one.
func signatureLines(l Language, s Signature) []string {
	if s.Title == "" && personIsBlank(s.Person) && s.Capacity == "" {
		return nil
	}
	var c []string
	if s.Capacity != "" {
		c = append(c, s.Capacity)
	}
	c = append(c, upper(s.Title))
	if s.Seal {
		c = append(c, l.tr("(Chữ ký, dấu (nếu có))", "(signature and seal, if any)"))
	} else {
		c = append(c, l.tr("(Chữ ký)", "(signature)"))
	}
	return append(c, "", "", orBlank(s.Person.Name))
}

// recipientLines are "Nơi nhận:" and the recipients, each after a dash.
func recipientLines(l Language, rs []string) []string {
	out := []string{l.tr("Nơi nhận:", "Recipients:")}
	if len(rs) == 0 {
		return append(out, "- "+blankMark)
	}
	for i, r := range rs {
		out = append(out, "- "+recipient(r, i == len(rs)-1))
	}
	return out
}

// signedBeside writes the recipients on the left and the one signature on
// the right, side by side, as a document signed by one person lays them out.
func (w *textWriter) signedBeside(rs []string, sig Signature) {
	half := pageWidth / 2
	left, right := recipientLines(w.l, rs), signatureLines(w.l, sig)
	for j := 0; j < max(len(left), len(right)); j++ {
		var a, b string
		if j < len(left) {
			a = left[j]
		}
		if j < len(right) {
			b = right[j]
		}
		w.line(padRight(a, half), center(b, half))
	}
}

// recipients writes "Nơi nhận:" and the recipients, each after a dash, the
// last ending with a full stop and the others with a semicolon.
func (w *textWriter) recipients(rs []string) {
	for _, l := range recipientLines(w.l, rs) {
		w.line(l)
	}
}

// recipient ends a line of "Nơi nhận" with ";" or, for the last, ".".
func recipient(r string, last bool) string {
	r = strings.TrimRight(r, " ;.")
	if last {
		return r + "."
	}
	return r + ";"
}

// Text renders the minutes as plain text: the national heading and motto
// beside the issuing body, the number, the place-and-date line, the title,
// the record of the meeting, the signature blocks and the recipients.
func (m Minutes) Text() string {
	l := m.Language
	w := &textWriter{l: l}
	w.heading(m.Heading, true)
	w.title(m.Title, m.Summary)
	w.line(l.tr("Thời gian bắt đầu: ", "Start: "), l.clock(m.Start), ", ", l.longDate(m.Heading.Date), ".")
	w.line(l.tr("Địa điểm: ", "Place: "), orBlank(m.Place), ".")
	w.line(l.tr("Thành phần tham dự: ", "Participants: "), orBlank(m.Attendance), ":")
	w.blocks([]Block{List{Items: m.Participants, Indent: 1}})
	for _, h := range m.Hosts {
		w.line(h, ".")
	}
	w.line(l.tr("Chủ trì (chủ tọa): ", "Chair: "), personLine(m.Chair), ".")
	w.line(l.tr("Thư ký: ", "Secretary: "), personLine(m.Secretary), ".")
	if len(m.Basis) > 0 {
		w.line(l.tr("Văn bản áp dụng: ", "Rules applied: "), strings.Join(m.Basis, "; "), ".")
	}
	w.line(l.tr("Nội dung:", "Proceedings:"))
	for _, s := range m.Sections {
		w.line()
		if s.Heading != "" {
			w.line(s.Heading)
		}
		w.blocks(s.Blocks)
	}
	w.line()
	w.line(l.tr("Cuộc họp kết thúc vào ", "The meeting ended at "), l.clock(m.End), l.tr(", ", " on "), l.longDate(m.Heading.Date), ".")
	w.line()
	w.signatures(m.Signatures)
	w.recipients(m.Recipients)
	return w.b.String()
}

// Text renders the vote-count record as plain text: heading, title, the
// minutes it is annexed to, the board, the counts, each candidate's votes
// and share, the result, the digest, and the board's signatures.
func (v VoteCount) Text() string {
	l := v.Language
	w := &textWriter{l: l}
	w.heading(v.Heading, v.Heading.Number != "")
	w.title(v.Title, v.Summary)
	w.centered(l.tr("(Kèm theo Biên bản số ", "(Annexed to Minutes No. ") + orBlank(v.MinutesNumber) + ")")
	w.line()
	w.line(l.tr("Ban kiểm phiếu gồm:", "The vote-counting board:"))
	w.blocks([]Block{List{Items: v.boardLines(), Indent: 1}})
	if v.Secret {
		w.line(l.tr("Hình thức: bỏ phiếu kín.", "Form: secret ballot."))
	}
	w.line(v.counts())
	for _, r := range v.Rejected {
		w.line(indent(1), v.rejection(r))
	}
	w.line(v.requirement())
	w.table(v.table(0))
	w.line(v.result())
	w.line(l.tr("Mã kiểm tra (SHA-256): ", "Check digest (SHA-256): "), v.Digest)
	w.line()
	w.signatures(v.Signatures)
	return w.b.String()
}

// Text renders the proposal as plain text: heading, title, the addressee,
// the basis, the body, the recipients beside the signature, then the list
// of proposed units by award.
func (p Proposal) Text() string {
	l := p.Language
	w := &textWriter{l: l}
	w.heading(p.Heading, true)
	w.title(p.Title, p.Summary)
	to := blankMark
	if len(p.To) > 0 {
		to = strings.Join(p.To, "; ")
	}
	w.centered(l.tr("Kính gửi: ", "To: ") + to + ".")
	w.line()
	for _, s := range p.Basis {
		w.line(s)
	}
	w.line()
	for _, s := range p.Body {
		w.line(s)
	}
	w.line()
	w.signedBeside(p.Recipients, p.Signature)
	w.line()
	w.centered(p.ListTitle)
	w.centered(l.tr("(Kèm theo Tờ trình số ", "(Attached to Proposal No. ") + orBlank(p.Heading.Number) + l.tr(" ", " of ") + l.longDate(p.Heading.Date) + ")")
	w.line()
	if len(p.Groups) == 0 {
		w.line(l.tr("Không có.", "None."))
	}
	n := 0
	for i, g := range p.Groups {
		w.line(roman(i+1), ". ", upper(g.Award))
		for _, x := range g.Nominees {
			n++
			w.line(indent(1), itoa(n), ". ", x.Name)
			w.line(indent(2), l.tr("Căn cứ: ", "Grounds: "), x.Grounds, ".")
		}
	}
	return w.b.String()
}

// Text renders the whole dossier as plain text: the minutes, each
// vote-count record, then the proposal, separated by a form feed line so
// that each prints on its own page.
func (d Dossier) Text() string {
	parts := []string{d.Minutes.Text()}
	for _, v := range d.VoteCounts {
		parts = append(parts, v.Text())
	}
	parts = append(parts, d.Proposal.Text())
	return strings.Join(parts, "\f\n")
}

// roman writes n (1 to 39) in Roman numerals, as sections are numbered.
func roman(n int) string {
	var b strings.Builder
	for _, x := range []struct {
		v int
		s string
	}{{10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= x.v {
			b.WriteString(x.s)
			n -= x.v
		}
	}
	return b.String()
}
