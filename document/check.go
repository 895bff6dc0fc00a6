package document

import (
	"fmt"
	"strings"

	"github.com/thidua/thidua"
)

// Missing names a part of the form that a document leaves blank, as Check
// reports it: "number", "secretary", "vote-counting board", ... A document
// with anything missing still renders (with dotted blanks), but should not be
// filed.
type Missing string

// The parts Check can find missing. Signatures are reported as "signature 1",
// "signature 2", ... and the board's members as "board member 1", ...
const (
	MissingGoverningBody Missing = "governing body" // cơ quan chủ quản
	MissingIssuingBody   Missing = "issuing body"   // cơ quan ban hành
	MissingNumber        Missing = "number"         // số, ký hiệu
	MissingLocality      Missing = "locality"       // địa danh
	MissingDate          Missing = "date"           // ngày tháng năm
	MissingStart         Missing = "start time"     // thời gian bắt đầu
	MissingEnd           Missing = "end time"       // thời gian kết thúc
	MissingPlace         Missing = "place"          // địa điểm
	MissingChair         Missing = "chair"          // chủ tọa
	MissingSecretary     Missing = "secretary"      // thư ký
	MissingRecipients    Missing = "recipients"     // nơi nhận
	MissingMinutesNumber Missing = "minutes number" // số của biên bản họp được dẫn
	MissingBoard         Missing = "vote-counting board"
	MissingAddressee     Missing = "addressee" // kính gửi
	MissingProposals     Missing = "proposals" // danh sách đề nghị
)

func (h Heading) check(number bool) []Missing {
	var out []Missing
	add := func(empty bool, m Missing) {
		if empty {
			out = append(out, m)
		}
	}
	add(blankText(h.GoverningBody), MissingGoverningBody)
	add(blankText(h.IssuingBody), MissingIssuingBody)
	add(number && blankText(h.Number), MissingNumber)
	add(blankText(h.Locality), MissingLocality)
	add(h.Date.IsZero(), MissingDate)
	return out
}

func checkSignatures(sigs []Signature) []Missing {
	var out []Missing
	for i, s := range sigs {
		if blankText(s.Person.Name) {
			out = append(out, Missing(fmt.Sprintf("signature %d", i+1)))
		}
	}
	return out
}

// Check lists the parts of the form the minutes leave blank, in the order
// the form has them; nil means the minutes can be filed.
func (m Minutes) Check() []Missing {
	out := m.Heading.check(true)
	add := func(empty bool, x Missing) {
		if empty {
			out = append(out, x)
		}
	}
	add(blankText(m.Start), MissingStart)
	add(blankText(m.Place), MissingPlace)
	add(blankText(m.Chair.Name), MissingChair)
	add(blankText(m.Secretary.Name), MissingSecretary)
	add(blankText(m.End), MissingEnd)
	out = append(out, checkSignatures(m.Signatures)...)
	add(len(m.Recipients) == 0, MissingRecipients)
	return out
}

// Check lists the parts of the form the vote-count record leaves blank: the
// heading (but for its own number, the record being annexed), the number of
// the minutes it is annexed to, and the board and its signatures; nil means
// it can be filed.
func (v VoteCount) Check() []Missing {
	out := v.Heading.check(false)
	if blankText(v.MinutesNumber) {
		out = append(out, MissingMinutesNumber)
	}
	if len(v.Board) == 0 || blankText(v.Board[0].Name) {
		out = append(out, MissingBoard)
	}
	for i, p := range v.Board {
		if i > 0 && blankText(p.Name) {
			out = append(out, Missing(fmt.Sprintf("board member %d", i)))
		}
	}
	return append(out, checkSignatures(v.Signatures)...)
}

// Check lists the parts of the form the proposal leaves blank, and
// MissingProposals when its list is empty; nil means it can be filed.
func (p Proposal) Check() []Missing {
	out := p.Heading.check(true)
	if len(p.To) == 0 {
		out = append(out, MissingAddressee)
	}
	if len(p.Groups) == 0 {
		out = append(out, MissingProposals)
	}
	out = append(out, checkSignatures([]Signature{p.Signature})...)
	if len(p.Recipients) == 0 {
		out = append(out, MissingRecipients)
	}
	return out
}

// Check lists what each document of the dossier leaves blank, each entry
// prefixed with the document ("minutes: secretary", "vote count 2: vote-
// counting board", "proposal: number"); nil means the dossier can be filed.
func (d Dossier) Check() []string {
	var out []string
	for _, m := range d.Minutes.Check() {
		out = append(out, "minutes: "+string(m))
	}
	for i, v := range d.VoteCounts {
		for _, m := range v.Check() {
			out = append(out, fmt.Sprintf("vote count %d: %s", i+1, m))
		}
	}
	for _, m := range d.Proposal.Check() {
		out = append(out, "proposal: "+string(m))
	}
	return out
}

func blankText(s string) bool { return strings.TrimSpace(s) == "" }

// personIsBlank reports whether p names nobody.
func personIsBlank(p thidua.Person) bool { return blankText(p.Name) }
