package document

import (
	"html"
	"strings"
)

// style prints on A4 as Nghị định 30/2020/NĐ-CP Phụ lục I asks: Times New
// Roman, body 14 pt, margins 20 mm top and bottom, 30 mm left, 15 mm right;
// the recipients in 12 and 11 pt.
const style = `@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
body { font-family: "Times New Roman", Times, serif; font-size: 14pt; line-height: 1.3; margin: 0; }
table.heading { width: 100%; border-collapse: collapse; }
table.heading td { text-align: center; vertical-align: top; padding: 0; font-size: 13pt; }
table.heading td.body { width: 45%; }
.rule { display: inline-block; border-top: 1px solid black; width: 5em; height: 0; margin: 0; }
.motto { font-weight: bold; }
.date { font-style: italic; }
h1 { font-size: 14pt; text-align: center; margin: 18pt 0 0 0; }
p.summary { text-align: center; font-weight: bold; margin: 0 0 12pt 0; }
p.center { text-align: center; }
p { margin: 4pt 0; text-align: justify; }
h2 { font-size: 14pt; margin: 10pt 0 4pt 0; }
ul { margin: 2pt 0; padding-left: 1.5em; }
table.data { border-collapse: collapse; margin: 4pt 0; font-size: 13pt; }
table.data th, table.data td { border: 1px solid black; padding: 1pt 5pt; vertical-align: top; }
table.data td.num { text-align: right; }
table.signatures { width: 100%; margin-top: 12pt; page-break-inside: avoid; }
table.signatures td { width: 50%; text-align: center; vertical-align: top; }
table.signatures td.left { text-align: left; }
.sign-title { font-weight: bold; }
.sign-note { font-style: italic; font-size: 13pt; }
.sign-space { height: 60pt; }
.sign-name { font-weight: bold; }
.recipients { font-size: 11pt; margin-top: 12pt; text-align: left; }
.recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
.recipients p { margin: 0; }
.indent1 { margin-left: 2em; }
.indent2 { margin-left: 4em; }
.list { page-break-before: always; }
`

type htmlWriter struct {
	l Language
	b strings.Builder
}

func esc(s string) string { return html.EscapeString(s) }

func (w *htmlWriter) raw(parts ...string) {
	for _, p := range parts {
		w.b.WriteString(p)
	}
}

func (w *htmlWriter) begin(title string) {
	lang := "vi"
	if w.l == English {
		lang = "en"
	}
	w.raw(`<!DOCTYPE html>`, "\n", `<html lang="`, lang, `" xmlns="http://www.w3.org/1999/xhtml">`, "\n<head>\n",
		`<meta charset="utf-8"/>`, "\n<title>", esc(title), "</title>\n<style>\n", style, "</style>\n</head>\n<body>\n")
}

func (w *htmlWriter) end() { w.raw("</body>\n</html>\n") }

func (w *htmlWriter) p(class, text string) {
	if class != "" {
		w.raw(`<p class="`, class, `">`, esc(text), "</p>\n")
		return
	}
	w.raw("<p>", esc(text), "</p>\n")
}

func (w *htmlWriter) heading(h Heading, number bool) {
	l := w.l
	num := ""
	if number {
		num = esc(l.tr("Số: ", "No.: ") + orBlank(h.Number))
	}
	w.raw(`<table class="heading"><tr><td class="body">`, esc(upper(orBlank(h.GoverningBody))), `<br/><b>`,
		esc(upper(orBlank(h.IssuingBody))), `</b><br/><span class="rule"></span><br/>`, num, `</td>`,
		`<td><b>`, esc(l.tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM")), `</b><br/><span class="motto">`,
		esc(l.tr("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness")), `</span><br/><span class="rule"></span><br/>`,
		`<span class="date">`, esc(l.dateLine(h.Locality, h.Date)), "</span></td></tr></table>\n")
}

func (w *htmlWriter) title(title, summary string) {
	w.raw("<h1>", esc(title), "</h1>\n")
	if summary != "" {
		w.p("summary", summary)
	}
}

func indentClass(n int) string {
	switch {
	case n <= 0:
		return ""
	case n == 1:
		return "indent1"
	}
	return "indent2"
}

func (w *htmlWriter) list(items []string, indent int) {
	if c := indentClass(indent); c != "" {
		w.raw(`<ul class="`, c, `">`, "\n")
	} else {
		w.raw("<ul>\n")
	}
	for _, it := range items {
		w.raw("<li>", esc(it), "</li>\n")
	}
	w.raw("</ul>\n")
}

func (w *htmlWriter) table(t Table) {
	w.raw(`<table class="data`)
	if c := indentClass(t.Indent); c != "" {
		w.raw(" ", c)
	}
	w.raw(`"><thead><tr>`)
	for _, c := range t.Columns {
		w.raw("<th>", esc(c.Title), "</th>")
	}
	w.raw("</tr></thead><tbody>\n")
	for _, r := range t.Rows {
		w.raw("<tr>")
		for i, c := range t.Columns {
			cell := ""
			if i < len(r) {
				cell = r[i]
			}
			if c.Right {
				w.raw(`<td class="num">`, esc(cell), "</td>")
			} else {
				w.raw("<td>", esc(cell), "</td>")
			}
		}
		w.raw("</tr>\n")
	}
	w.raw("</tbody></table>\n")
}

func (w *htmlWriter) blocks(blocks []Block) {
	for _, bl := range blocks {
		switch x := bl.(type) {
		case Paragraph:
			w.p(indentClass(x.Indent), x.Text)
		case List:
			w.list(x.Items, x.Indent)
		case Table:
			w.table(x)
		}
	}
}

func (w *htmlWriter) signatures(sigs []Signature) {
	w.raw(`<table class="signatures">`, "\n")
	for i := 0; i < len(sigs); i += 2 {
		pair := sigs[i:min(i+2, len(sigs))]
		if len(pair) == 1 {
			pair = []Signature{{}, pair[0]}
		}
		w.raw("<tr>")
		for _, s := range pair {
			w.signature(s)
		}
		w.raw("</tr>\n")
	}
	w.raw("</table>\n")
}

// signature writes one signature block as a table cell.
func (w *htmlWriter) signature(s Signature) {
	l := w.l
	if s.Title == "" && personIsBlank(s.Person) && s.Capacity == "" {
		w.raw("<td></td>")
		return
	}
	w.raw("<td>")
	if s.Capacity != "" {
		w.raw(`<div class="sign-title">`, esc(s.Capacity), "</div>")
	}
	note := l.tr("(Chữ ký)", "(signature)")
	if s.Seal {
		note = l.tr("(Chữ ký, dấu (nếu có))", "(signature and seal, if any)")
	}
	w.raw(`<div class="sign-title">`, esc(upper(s.Title)), `</div><div class="sign-note">`, esc(note),
		`</div><div class="sign-space"></div><div class="sign-name">`, esc(orBlank(s.Person.Name)), "</div></td>")
}

// signedBeside writes the recipients on the left and the one signature on
// the right.
func (w *htmlWriter) signedBeside(rs []string, sig Signature) {
	w.raw(`<table class="signatures">`, "\n<tr><td class=\"left\">")
	w.recipients(rs)
	w.raw("</td>")
	w.signature(sig)
	w.raw("</tr>\n</table>\n")
}

func (w *htmlWriter) recipients(rs []string) {
	w.raw(`<div class="recipients"><p class="label">`, esc(w.l.tr("Nơi nhận:", "Recipients:")), "</p>\n")
	if len(rs) == 0 {
		w.raw("<p>- ", esc(blankMark), "</p>\n")
	}
	for i, r := range rs {
		w.raw("<p>- ", esc(recipient(r, i == len(rs)-1)), "</p>\n")
	}
	w.raw("</div>\n")
}

// HTML renders the minutes as one self-contained HTML file with no scripts,
// which prints on A4 in the layout of Nghị định 30/2020/NĐ-CP. Every string
// of the model is escaped.
func (m Minutes) HTML() string {
	l := m.Language
	w := &htmlWriter{l: l}
	w.begin(m.Title + " " + m.Summary)
	w.heading(m.Heading, true)
	w.title(m.Title, m.Summary)
	w.p("", l.tr("Thời gian bắt đầu: ", "Start: ")+l.clock(m.Start)+", "+l.longDate(m.Heading.Date)+".")
	w.p("", l.tr("Địa điểm: ", "Place: ")+orBlank(m.Place)+".")
	w.p("", l.tr("Thành phần tham dự: ", "Participants: ")+orBlank(m.Attendance)+":")
	w.list(m.Participants, 1)
	for _, h := range m.Hosts {
		w.p("", h+".")
	}
	w.p("", l.tr("Chủ trì (chủ tọa): ", "Chair: ")+personLine(m.Chair)+".")
	w.p("", l.tr("Thư ký: ", "Secretary: ")+personLine(m.Secretary)+".")
	if len(m.Basis) > 0 {
		w.p("", l.tr("Văn bản áp dụng: ", "Rules applied: ")+strings.Join(m.Basis, "; ")+".")
	}
	w.p("", l.tr("Nội dung:", "Proceedings:"))
	for _, s := range m.Sections {
		if s.Heading != "" {
			w.raw("<h2>", esc(s.Heading), "</h2>\n")
		}
		w.blocks(s.Blocks)
	}
	w.p("", l.tr("Cuộc họp kết thúc vào ", "The meeting ended at ")+l.clock(m.End)+l.tr(", ", " on ")+l.longDate(m.Heading.Date)+".")
	w.signatures(m.Signatures)
	w.recipients(m.Recipients)
	w.end()
	return w.b.String()
}

// HTML renders the vote-count record as one self-contained HTML file with no
// scripts, which prints on A4. Every string of the model is escaped.
func (v VoteCount) HTML() string {
	l := v.Language
	w := &htmlWriter{l: l}
	w.begin(v.Title + " " + v.Summary)
	w.heading(v.Heading, v.Heading.Number != "")
	w.title(v.Title, v.Summary)
	w.p("center", l.tr("(Kèm theo Biên bản số ", "(Annexed to Minutes No. ")+orBlank(v.MinutesNumber)+")")
	w.p("", l.tr("Ban kiểm phiếu gồm:", "The vote-counting board:"))
	w.list(v.boardLines(), 1)
	if v.Secret {
		w.p("", l.tr("Hình thức: bỏ phiếu kín.", "Form: secret ballot."))
	}
	w.p("", v.counts())
	for _, r := range v.Rejected {
		w.p("indent1", v.rejection(r))
	}
	w.p("", v.requirement())
	w.table(v.table(0))
	w.p("", v.result())
	w.p("", l.tr("Mã kiểm tra (SHA-256): ", "Check digest (SHA-256): ")+v.Digest)
	w.signatures(v.Signatures)
	w.end()
	return w.b.String()
}

// HTML renders the proposal and, on a page of its own, its list, as one
// self-contained HTML file with no scripts, which prints on A4. Every string
// of the model is escaped.
func (p Proposal) HTML() string {
	l := p.Language
	w := &htmlWriter{l: l}
	w.begin(p.Title + " " + p.Summary)
	w.heading(p.Heading, true)
	w.title(p.Title, p.Summary)
	to := blankMark
	if len(p.To) > 0 {
		to = strings.Join(p.To, "; ")
	}
	w.p("center", l.tr("Kính gửi: ", "To: ")+to+".")
	for _, s := range p.Basis {
		w.p("", s)
	}
	for _, s := range p.Body {
		w.p("", s)
	}
	w.signedBeside(p.Recipients, p.Signature)
	w.raw(`<div class="list">`, "\n")
	w.title(p.ListTitle, l.tr("(Kèm theo Tờ trình số ", "(Attached to Proposal No. ")+orBlank(p.Heading.Number)+l.tr(" ", " of ")+l.longDate(p.Heading.Date)+")")
	w.raw(`<table class="data"><thead><tr><th>`, esc(l.tr("STT", "No.")), "</th><th>", esc(l.tr("Tên tập thể", "Collective")),
		"</th><th>", esc(l.tr("Căn cứ đề nghị", "Grounds")), "</th></tr></thead><tbody>\n")
	n := 0
	for i, g := range p.Groups {
		w.raw(`<tr><td class="num"><b>`, roman(i+1), `</b></td><td colspan="2"><b>`, esc(g.Award), "</b></td></tr>\n")
		for _, x := range g.Nominees {
			n++
			w.raw(`<tr><td class="num">`, itoa(n), "</td><td>", esc(x.Name), "</td><td>", esc(x.Grounds), "</td></tr>\n")
		}
	}
	w.raw("</tbody></table>\n</div>\n")
	w.end()
	return w.b.String()
}
