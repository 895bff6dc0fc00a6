package document

import (
	"errors"

	"github.com/thidua/thidua"
)

// Language is the language a document is written in. The zero Language is
// Vietnamese, the language of the dossier that is filed.
type Language uint8

// The languages of the documents.
const (
	Vietnamese Language = iota // tiếng Việt
	English                    // English, a translation for readers outside the sector
)

// IsValid reports whether l is Vietnamese or English.
func (l Language) IsValid() bool { return l <= English }

// String returns "vi" or "en".
func (l Language) String() string {
	switch l {
	case Vietnamese:
		return "vi"
	case English:
		return "en"
	}
	return "Language(" + itoa(int(l)) + ")"
}

// ErrInvalidLanguage reports a Language that is neither Vietnamese nor
// English.
var ErrInvalidLanguage = errors.New("thidua: invalid document language")

// ErrNoReview reports an Outcome with no concluded review in it (the zero
// Outcome), from which no document can be made.
var ErrNoReview = errors.New("thidua: no concluded review")

// Heading is the top of every document (Nghị định 30/2020/NĐ-CP Điều 8 k2):
// the issuing body under its governing body on the left; the national heading
// and motto (Quốc hiệu, Tiêu ngữ), which the renderers add, on the right;
// then the number and symbol, and the place-and-date line. An empty string
// renders as a dotted blank.
type Heading struct {
	// GoverningBody is the body above the issuer (cơ quan chủ quản), such as
	// "Bộ Thông tin và Truyền thông"; printed in capitals.
	GoverningBody string
	// IssuingBody is the body that issues the document (cơ quan ban hành),
	// such as "Cụm thi đua số 3" or "Hội đồng Thi đua - Khen thưởng";
	// printed in bold capitals.
	IssuingBody string
	// Number is the number and symbol (số, ký hiệu), such as "01/BB-CTĐ3".
	Number string
	// Locality is the place name of the date line (địa danh), such as "Bắc
	// Ninh".
	Locality string
	// Date is the date of the document; the zero Date renders as blanks.
	Date thidua.Date
}

// Signature is one signature block: who signs, in what capacity. Capacity is
// the line above the title for one who signs on behalf of a body, such as
// "TM. CỤM THI ĐUA SỐ 3" (thay mặt); Title is the signer's title, such as
// "CHỦ TỌA", "THƯ KÝ" or "TRƯỞNG BAN KIỂM PHIẾU"; Seal says the block takes
// the seal as well as the signature ("Chữ ký, dấu"). A zero Person renders as
// a dotted blank for the name.
type Signature struct {
	// Capacity is the "on behalf of" line (TM.), or empty.
	Capacity string
	// Title is the signer's title, printed in capitals.
	Title string
	// Person is the signer, whose name is printed under the space to sign.
	Person thidua.Person
	// Seal says the block asks for the seal too.
	Seal bool
}

// Section is one part of a document's body: a heading, such as "I. KẾT QUẢ
// CHẤM ĐIỂM", and its blocks in order.
type Section struct {
	// Heading is printed in bold; empty for a section without one.
	Heading string
	// Blocks are the paragraphs, lists and tables, in order.
	Blocks []Block
}

// Block is one piece of a section: a Paragraph, a List or a Table. Only the
// types of this package implement it.
type Block interface{ block() }

// Paragraph is a paragraph of text. Indent is its level of indentation (0:
// none), for the details of a numbered item.
type Paragraph struct {
	// Text is the paragraph's text.
	Text string
	// Indent is the level of indentation, 0 or more.
	Indent int
}

// List is a list of items, each printed after a dash ("- ").
type List struct {
	// Items are the lines of the list, in order.
	Items []string
	// Indent is the level of indentation, 0 or more.
	Indent int
}

// Table is a table with a header row. Each row has one cell per column; a
// short row is padded with empty cells.
type Table struct {
	// Columns are the columns' headers and alignment.
	Columns []Column
	// Rows are the cells, row by row.
	Rows [][]string
	// Indent is the level of indentation of the plain-text table, 0 or more.
	Indent int
}

// Column is one column of a Table: its header, and whether its cells are
// aligned right (numbers).
type Column struct {
	// Title is the column's header.
	Title string
	// Right aligns the cells right, as numbers are.
	Right bool
}

func (Paragraph) block() {}
func (List) block()      {}
func (Table) block()     {}

// Minutes is the minutes of a meeting (biên bản họp) in the form of Mẫu 1.9
// Phụ lục III of Nghị định 30/2020/NĐ-CP: heading, title and summary, the
// start time, the place, the participants, the chair and the secretary, the
// content in sections, the end time, the signature blocks and the
// recipients. Everything but the fixed words of the form is a string in the
// document's Language.
//
// A cluster review fills it with FromOutcome. A council fills it from its
// session: Heading with the ministry or province and "Hội đồng Thi đua - Khen
// thưởng", Attendance and Participants with the members present, absent with
// a written opinion, substitutes and guests, Chair and Secretary with the
// council's people, Basis with the rules in force, Sections with its own
// content (the titles voted on, the decisions), and Signatures with the
// secretary on the left and the chair on the right.
type Minutes struct {
	// Language is the language of every string below.
	Language Language
	// Heading is the top of the document.
	Heading Heading
	// Title is the type of document, "BIÊN BẢN".
	Title string
	// Summary is what it is about (trích yếu), such as "Hội nghị tổng kết
	// công tác thi đua, khen thưởng năm 2023".
	Summary string
	// Start is the time the meeting began, "HH:MM"; empty renders as a
	// dotted blank.
	Start string
	// End is the time the meeting ended, "HH:MM"; empty renders as a dotted
	// blank.
	End string
	// Place is where the meeting was held (địa điểm).
	Place string
	// Attendance sums up who took part, such as "9/9 đơn vị thành viên có
	// mặt".
	Attendance string
	// Participants lists who took part, one a line.
	Participants []string
	// Hosts are the units or bodies that host the meeting (đơn vị chủ trì,
	// đồng chủ trì), one a line, in words.
	Hosts []string
	// Chair chairs the meeting (chủ tọa); a zero Person renders as a dotted
	// blank.
	Chair thidua.Person
	// Secretary takes the minutes (thư ký); a zero Person renders as a
	// dotted blank.
	Secretary thidua.Person
	// Basis lists the legal texts applied (văn bản áp dụng), one a line.
	Basis []string
	// Sections are the content of the meeting (nội dung), in order.
	Sections []Section
	// Signatures are the signature blocks, left to right: the secretary,
	// then the chair.
	Signatures []Signature
	// Recipients are those the minutes go to (nơi nhận), one a line.
	Recipients []string
}

// VoteCount is the record of one count of ballots (biên bản kiểm phiếu),
// signed by the vote-counting board (ban kiểm phiếu): the ballots issued and
// received, valid and invalid with their reasons, and blank; each
// candidate's votes and share against the threshold and its base; the
// result; and the digest of the count. It is annexed to the minutes, whose
// number it cites. The counts hold Received = Valid + Invalid, and Blank is
// among the valid.
type VoteCount struct {
	// Language is the language of every string below.
	Language Language
	// Heading is the top of the document; its Number is usually empty, the
	// record being annexed to the minutes.
	Heading Heading
	// MinutesNumber is the number of the minutes the record is annexed to.
	MinutesNumber string
	// Title is the type of document, "BIÊN BẢN KIỂM PHIẾU".
	Title string
	// Summary is the vote counted, such as "Bình xét Cờ thi đua của Bộ
	// Thông tin và Truyền thông, vòng 1".
	Summary string
	// Secret says the ballot was secret (bỏ phiếu kín).
	Secret bool
	// Board is the vote-counting board: its head first, then its members.
	Board []thidua.Person
	// Electorate is the number of voters (tổng số thành viên).
	Electorate int
	// Issued is the ballots issued (phiếu phát ra).
	Issued int
	// Received is the ballots returned (phiếu thu về): Valid + Invalid.
	Received int
	// Valid is the valid ballots (phiếu hợp lệ), blank ones included.
	Valid int
	// Invalid is the invalid ballots (phiếu không hợp lệ).
	Invalid int
	// Blank is the blank ballots among the valid (phiếu trắng).
	Blank int
	// Rejected lists every invalid ballot with its reason.
	Rejected []Rejection
	// Threshold is the requirement in words, such as "từ 4/5 tổng số thành
	// viên"; empty when the vote has none.
	Threshold string
	// Base is the count the shares are taken of.
	Base int
	// BaseName says what Base counts, such as "tổng số thành viên".
	BaseName string
	// Needed is the votes a candidate needs (0: no threshold).
	Needed int
	// Seats is how many may be elected (0: no limit).
	Seats int
	// Candidates are the candidates' votes, best first.
	Candidates []CandidateVotes
	// Digest is the SHA-256 of the count in hexadecimal, so that it can be
	// checked again.
	Digest string
	// Signatures are the board's signature blocks, the head first.
	Signatures []Signature
}

// Rejection is one invalid ballot (phiếu không hợp lệ) in a VoteCount: its
// number in the count (from 1), the votes it stood for, and why.
type Rejection struct {
	// Ballot is the ballot's number, from 1.
	Ballot int
	// Votes is how many ballots it stood for.
	Votes int
	// Reason says why it is invalid, in the document's language.
	Reason string
}

// CandidateVotes is one candidate's line in a VoteCount: the name, the votes,
// and whether it passed the threshold, was elected to a seat, or is tied for
// the last seats.
type CandidateVotes struct {
	// Name is the candidate's name as the record prints it.
	Name string
	// Votes is the candidate's votes.
	Votes int
	// Passed says the candidate met the threshold (only when there is one).
	Passed bool
	// Elected says the candidate won a seat (only when seats are limited).
	Elected bool
	// Tied says the candidate is tied for the last seats.
	Tied bool
}

// Proposal is the proposing body's proposal for awards (tờ trình đề nghị
// khen thưởng), with its list (danh sách) of proposed units by award: the
// heading, whom it is addressed to (kính gửi), the legal basis and the
// minutes it cites, the body, the list, the signature and the recipients.
type Proposal struct {
	// Language is the language of every string below.
	Language Language
	// Heading is the top of the document.
	Heading Heading
	// Title is the type of document, "TỜ TRÌNH".
	Title string
	// Summary is what it asks (trích yếu), such as "Về việc đề nghị khen
	// thưởng năm 2023".
	Summary string
	// To is whom it is addressed to (kính gửi), one a line.
	To []string
	// Basis is what it rests on (căn cứ), one a line: the rules in force and
	// the minutes of the meeting that voted.
	Basis []string
	// Body is the text, paragraph by paragraph.
	Body []string
	// ListTitle is the title of the list (danh sách), such as "DANH SÁCH
	// TẬP THỂ ĐỀ NGHỊ KHEN THƯỞNG NĂM 2023".
	ListTitle string
	// Groups is the list of proposed units, award by award, highest first.
	Groups []AwardGroup
	// Signature is the signature block of the proposing body.
	Signature Signature
	// Recipients are those the proposal goes to (nơi nhận), one a line.
	Recipients []string
}

// AwardGroup is one award's part of a proposal's list: the award's name with
// its issuer, and the units proposed for it.
type AwardGroup struct {
	// Award is the award's name, such as "Cờ thi đua của Bộ Thông tin và
	// Truyền thông".
	Award string
	// Nominees are the units proposed, in rank order.
	Nominees []Nominee
}

// Nominee is one unit proposed for an award, with the grounds (căn cứ) in
// words: rank, points, votes, standards met.
type Nominee struct {
	// Name is the unit's official name.
	Name string
	// Grounds says why it is proposed.
	Grounds string
}

// Dossier is the documents of one concluded review, as they are filed: the
// minutes, one vote-count record per ballot in the order held, and the
// proposal.
type Dossier struct {
	// Minutes is the minutes of the meeting.
	Minutes Minutes
	// VoteCounts holds one record per count of ballots, in the order held.
	VoteCounts []VoteCount
	// Proposal is the proposal for awards, with its list.
	Proposal Proposal
}
