package document

import "strings"

// table is the candidates' votes as a table: unit, votes, share of the base,
// and the result.
func (v VoteCount) table(indent int) Table {
	l := v.Language
	t := Table{Indent: indent, Columns: []Column{{Title: l.tr("STT", "No."), Right: true}, {Title: l.tr("Đơn vị", "Unit")},
		{Title: l.tr("Số phiếu", "Votes"), Right: true}, {Title: l.tr("Tỷ lệ", "Share"), Right: true},
		{Title: l.tr("Kết quả", "Result")}}}
	for i, c := range v.Candidates {
		var marks []string
		if c.Passed {
			marks = append(marks, l.tr("đạt", "passed"))
		}
		if c.Elected {
			marks = append(marks, l.tr("trúng cử", "elected"))
		}
		if c.Tied {
			marks = append(marks, l.tr("bằng phiếu", "tied"))
		}
		t.Rows = append(t.Rows, []string{itoa(i + 1), c.Name, itoa(c.Votes), l.percent(c.Votes, v.Base), strings.Join(marks, ", ")})
	}
	return t
}

// rejection says why one ballot is invalid.
func (v VoteCount) rejection(r Rejection) string {
	l := v.Language
	s := l.tr("Phiếu không hợp lệ số ", "Invalid ballot no. ") + itoa(r.Ballot)
	if r.Votes > 1 {
		s += l.tr(" ("+itoa(r.Votes)+" phiếu)", " ("+l.count(r.Votes, "", "ballot", "ballots")+")")
	}
	return s + ": " + r.Reason + "."
}

// counts is the sentence of the ballot counts.
func (v VoteCount) counts() string {
	l := v.Language
	return l.tr(
		"Tổng số thành viên: "+itoa(v.Electorate)+"; số phiếu phát ra: "+itoa(v.Issued)+"; số phiếu thu về: "+itoa(v.Received)+
			"; số phiếu hợp lệ: "+itoa(v.Valid)+"; số phiếu không hợp lệ: "+itoa(v.Invalid)+"; trong số phiếu hợp lệ có "+itoa(v.Blank)+" phiếu trắng.",
		"Voters: "+itoa(v.Electorate)+"; ballots issued: "+itoa(v.Issued)+"; returned: "+itoa(v.Received)+
			"; valid: "+itoa(v.Valid)+"; invalid: "+itoa(v.Invalid)+"; of the valid ballots, "+itoa(v.Blank)+" blank.")
}

// requirement is the sentence of the threshold.
func (v VoteCount) requirement() string {
	l := v.Language
	if v.Threshold == "" {
		return l.tr("Không đặt tỷ lệ phiếu tối thiểu; tỷ lệ tính trên "+v.BaseName+" ("+itoa(v.Base)+").",
			"No threshold is set; shares are of the "+v.BaseName+" ("+itoa(v.Base)+").")
	}
	return l.tr("Yêu cầu: "+v.Threshold+", cần "+itoa(v.Needed)+"/"+itoa(v.Base)+" phiếu; tỷ lệ tính trên "+v.BaseName+".",
		"Threshold: "+v.Threshold+", "+l.count(v.Needed, "", "vote", "votes")+" of "+itoa(v.Base)+" needed; shares are of the "+v.BaseName+".")
}

// result is the sentence of the result.
func (v VoteCount) result() string {
	l := v.Language
	var passed, elected, tied []string
	for _, c := range v.Candidates {
		if c.Passed {
			passed = append(passed, c.Name)
		}
		if c.Elected {
			elected = append(elected, c.Name)
		}
		if c.Tied {
			tied = append(tied, c.Name)
		}
	}
	var s string
	switch {
	case v.Seats > 0 && len(elected) > 0:
		s = strings.Join(elected, ", ") + l.tr(" trúng cử.", " elected.")
	case v.Seats > 0:
		s = l.tr("Không có đơn vị trúng cử.", "Nobody was elected.")
	case v.Threshold != "" && len(passed) > 0:
		s = strings.Join(passed, ", ") + l.tr(" đạt yêu cầu.", " passed the threshold.")
	case v.Threshold != "":
		s = l.tr("Không có đơn vị đạt yêu cầu.", "Nobody passed the threshold.")
	default:
		s = l.tr("Số phiếu được dùng để xét theo chỉ tiêu.", "the votes rank the units for the quota.")
	}
	if len(tied) > 0 {
		s += l.tr(" Bằng phiếu ở vị trí cuối: ", " Tied for the last seats: ") + strings.Join(tied, ", ") + "."
	}
	return l.tr("Kết quả: ", "Result: ") + s
}

// boardLines names the vote-counting board, head first.
func (v VoteCount) boardLines() []string {
	l := v.Language
	if len(v.Board) == 0 {
		return []string{l.tr("Trưởng ban: ", "Head: ") + blankMark}
	}
	out := []string{l.tr("Trưởng ban: ", "Head: ") + personLine(v.Board[0])}
	for _, p := range v.Board[1:] {
		out = append(out, l.tr("Ủy viên: ", "Member: ")+personLine(p))
	}
	return out
}
