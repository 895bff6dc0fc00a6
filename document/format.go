package document

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"github.com/thidua/thidua"
)

// blankMark is the dotted blank an office fills in by hand.
const blankMark = "……"

func itoa(n int) string { return strconv.Itoa(n) }

// tr picks the Vietnamese or the English wording.
func (l Language) tr(vi, en string) string {
	if l == English {
		return en
	}
	return vi
}

// orBlank returns s, or the dotted blank when s is empty.
func orBlank(s string) string {
	if blankText(s) {
		return blankMark
	}
	return s
}

var monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// dateLine writes the place-and-date line: "Bắc Ninh, ngày 08 tháng 12 năm
// 2023" (Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take
// a leading zero) or "Bắc Ninh, 8 December 2023". Blank parts are dotted.
func (l Language) dateLine(locality string, d thidua.Date) string {
	return orBlank(locality) + ", " + l.longDate(d)
}

// longDate writes a date in words, or blanks for the zero Date.
func (l Language) longDate(d thidua.Date) string {
	if d.IsZero() {
		return l.tr("ngày "+blankMark+" tháng "+blankMark+" năm "+blankMark, blankMark)
	}
	if l == English {
		return itoa(d.Day) + " " + monthsEN[d.Month] + " " + itoa(d.Year)
	}
	day, month := itoa(d.Day), itoa(int(d.Month))
	if d.Day < 10 {
		day = "0" + day
	}
	if d.Month <= 2 {
		month = "0" + month
	}
	return "ngày " + day + " tháng " + month + " năm " + itoa(d.Year)
}

// clock writes a time "08:00" as "08 giờ 00", or "08:00" in English; empty is
// a dotted blank.
func (l Language) clock(s string) string {
	if blankText(s) {
		return blankMark
	}
	if l == English || len(s) != 5 {
		return s
	}
	return s[:2] + " giờ " + s[3:]
}

// number writes a decimal with at least two places (more where its value
// needs them), with the language's decimal mark and thousands separator:
// "1.234,50" in Vietnamese, "1,234.50" in English.
func (l Language) number(d decimal.Decimal) string {
	places := int32(2)
	if e := -d.Exponent(); e > places {
		places = e
	}
	s := d.StringFixed(places)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	sep, mark := ",", "."
	if l == Vietnamese {
		sep, mark = ".", ","
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(mark)
		b.WriteString(frac)
	}
	return b.String()
}

// percent writes votes/base as a percentage with two places, "88,89%"; a
// base of 0 gives a dash.
func (l Language) percent(votes, base int) string {
	if base <= 0 {
		return "—"
	}
	p := decimal.NewFromInt(int64(votes)*100).DivRound(decimal.NewFromInt(int64(base)), 2)
	return l.number(p) + "%"
}

// count writes n with its noun: "9 phiếu"; in English with the right plural,
// "1 vote", "2 votes".
func (l Language) count(n int, vi, one, many string) string {
	if l == Vietnamese {
		return itoa(n) + " " + vi
	}
	if n == 1 || n == -1 {
		return itoa(n) + " " + one
	}
	return itoa(n) + " " + many
}

// width is the display width of s in a fixed-width font: combining marks and
// format characters take no column, East Asian wide characters take two.
func width(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
		case wide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// wide reports the East Asian wide and fullwidth ranges.
func wide(r rune) bool {
	return r >= 0x1100 && r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x1F300 && r <= 0x1F64F || r >= 0x1F900 && r <= 0x1F9FF ||
		r >= 0x20000 && r <= 0x3FFFD
}

// padRight pads s with spaces to display width w.
func padRight(s string, w int) string {
	if d := w - width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// padLeft pads s on the left to display width w.
func padLeft(s string, w int) string {
	if d := w - width(s); d > 0 {
		return strings.Repeat(" ", d) + s
	}
	return s
}

// center centres s in display width w (extra space on the right).
func center(s string, w int) string {
	d := w - width(s)
	if d <= 0 {
		return s
	}
	return strings.Repeat(" ", d/2) + s + strings.Repeat(" ", d-d/2)
}

// upper writes s in capitals, as headings and titles are printed.
func upper(s string) string { return strings.ToUpper(s) }

// capitalize writes the first letter of s in capitals.
func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
