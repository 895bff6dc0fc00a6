package document_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// The documents of the seed review: the minutes begin with the national
// heading, and nothing the form needs is missing.
func ExampleFromOutcome() {
	b, err := os.ReadFile("../testdata/cluster3-2023/review.json")
	if err != nil {
		panic(err)
	}
	var r thidua.Review
	if err := json.Unmarshal(b, &r); err != nil {
		panic(err)
	}
	o, err := r.Conclude()
	if err != nil {
		panic(err)
	}
	d, err := document.FromOutcome(o, document.Vietnamese)
	if err != nil {
		panic(err)
	}
	lines := strings.Split(d.Minutes.Text(), "\n")
	for _, l := range lines[:6] {
		fmt.Println(strings.TrimSpace(l))
	}
	fmt.Println(len(d.VoteCounts), "biên bản kiểm phiếu")
	fmt.Println(d.Proposal.Groups[0].Award+":", d.Proposal.Groups[0].Nominees[0].Name)
	fmt.Println("missing:", d.Check())
	// Output:
	// BỘ THÔNG TIN VÀ TRUYỀN THÔNG         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
	// CỤM THI ĐUA SỐ 3                  Độc lập - Tự do - Hạnh phúc
	// Số: 01/BB-CTĐ3               Bắc Ninh, ngày 08 tháng 12 năm 2023
	//
	// BIÊN BẢN
	// Hội nghị tổng kết công tác thi đua, khen thưởng năm 2023
	// 3 biên bản kiểm phiếu
	// Cờ thi đua của Bộ Thông tin và Truyền thông: Sở Thông tin và Truyền thông tỉnh Bắc Ninh
	// missing: []
}

// A body other than a cluster fills the same model: here a council session,
// whose secretary and number are not yet known. The minutes still render,
// with dotted blanks, and Check says what to fill in before filing.
func ExampleMinutes_Text() {
	m := document.Minutes{
		Language: document.Vietnamese,
		Heading: document.Heading{GoverningBody: "Bộ Khoa học và Công nghệ", IssuingBody: "Hội đồng Thi đua - Khen thưởng",
			Locality: "Hà Nội", Date: thidua.MustDate(2026, time.December, 15)},
		Title: "BIÊN BẢN", Summary: "Phiên họp xét khen thưởng năm 2026",
		Start: "14:00", End: "16:30", Place: "Trụ sở Bộ Khoa học và Công nghệ",
		Attendance:   "12/13 thành viên có mặt, 1 thành viên vắng có ý kiến bằng văn bản",
		Chair:        thidua.Person{Name: "Đỗ Văn Hòa", Position: "Thứ trưởng", Unit: "Bộ Khoa học và Công nghệ"},
		Sections:     []document.Section{{Heading: "I. KẾT QUẢ BỎ PHIẾU", Blocks: []document.Block{document.Paragraph{Text: "Chi tiết tại biên bản kiểm phiếu kèm theo."}}}},
		Signatures:   []document.Signature{{Title: "Thư ký"}, {Title: "Chủ tọa", Person: thidua.Person{Name: "Đỗ Văn Hòa"}, Seal: true}},
		Recipients:   []string{"Lưu: VT"},
		Participants: []string{"Các thành viên Hội đồng (danh sách kèm theo)"},
	}
	text := m.Text()
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "Thư ký") || strings.Contains(l, "Số:") || strings.HasPrefix(l, "Cuộc họp") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	fmt.Println(m.Check())
	// Output:
	// Số: ……                    Hà Nội, ngày 15 tháng 12 năm 2026
	// Thư ký: …….
	// Cuộc họp kết thúc vào 16 giờ 30, ngày 15 tháng 12 năm 2026.
	// [number secretary signature 1]
}

// A vote-count record is plain data that renders itself: here a council's
// count of one title, in English.
func ExampleVoteCount_Text() {
	v := document.VoteCount{
		Language: document.English, Title: "VOTE-COUNT RECORD", Summary: "Government Emulation Flag, round 1",
		Secret: true, Board: []thidua.Person{{Name: "Lê Thu Hà"}},
		Electorate: 13, Issued: 12, Received: 12, Valid: 11, Invalid: 1, Blank: 0,
		Rejected:  []document.Rejection{{Ballot: 4, Votes: 1, Reason: "more marks than allowed"}},
		Threshold: "at least 4/5 of the whole membership", Base: 13, BaseName: "whole membership", Needed: 11,
		Candidates: []document.CandidateVotes{{Name: "Sở KH&CN Bắc Ninh", Votes: 11, Passed: true}, {Name: "Sở KH&CN Hà Nam", Votes: 1}},
	}
	for _, l := range strings.Split(v.Text(), "\n") {
		if strings.HasPrefix(l, "Voters") || strings.HasPrefix(l, "Threshold") || strings.HasPrefix(l, "Result") || strings.Contains(l, "%") {
			fmt.Println(strings.TrimRight(l, " "))
		}
	}
	// Output:
	// Voters: 13; ballots issued: 12; returned: 12; valid: 11; invalid: 1; of the valid ballots, 0 blank.
	// Threshold: at least 4/5 of the whole membership, 11 votes of 13 needed; shares are of the whole membership.
	//     1  Sở KH&CN Bắc Ninh     11  84.62%  passed
	//     2  Sở KH&CN Hà Nam        1   7.69%
	// Result: Sở KH&CN Bắc Ninh passed the threshold.
}

// A council counts its own ballots with the voting core and files the
// record: CountOf takes the tally, the caller adds the heading and the board.
func ExampleCountOf() {
	contest, err := thidua.NewContest(thidua.ContestSpec{
		Title: "Cờ thi đua của Chính phủ", Candidates: []thidua.UnitID{"bac-ninh", "ha-nam"},
		Electorate: 13, Present: 12, Method: thidua.MethodApproval, MaxMarks: 1,
		Threshold: thidua.AtLeast(4, 5).Of(thidua.BaseElectorate),
	})
	if err != nil {
		panic(err)
	}
	res, err := contest.Tally([]thidua.Ballot{
		{Approve: []thidua.UnitID{"bac-ninh"}, Count: 11},
		{Approve: []thidua.UnitID{"bac-ninh", "ha-nam"}}, // two marks: invalid
	})
	if err != nil {
		panic(err)
	}
	names := map[thidua.UnitID]string{"bac-ninh": "Sở KH&CN Bắc Ninh", "ha-nam": "Sở KH&CN Hà Nam"}
	v := document.CountOf(res, document.Vietnamese, func(id thidua.UnitID) string { return names[id] })
	v.Title, v.Summary = "BIÊN BẢN KIỂM PHIẾU", "Bình xét Cờ thi đua của Chính phủ, vòng 1"
	v.Board = []thidua.Person{{Name: "Lê Thu Hà"}, {Name: "Vũ Minh Khôi"}}
	v.Signatures = document.BoardSignatures(v.Language, v.Board)
	fmt.Println(v.Received, "=", v.Valid, "+", v.Invalid)
	for _, l := range strings.Split(v.Text(), "\n") {
		if strings.HasPrefix(l, "Yêu cầu") || strings.HasPrefix(l, "Kết quả") || strings.HasPrefix(strings.TrimSpace(l), "Phiếu không") {
			fmt.Println(strings.TrimSpace(l))
		}
	}
	fmt.Println(v.Check())
	// Output:
	// 12 = 11 + 1
	// Phiếu không hợp lệ số 2: chọn quá số lượng cho phép.
	// Yêu cầu: từ 4/5 tổng số thành viên, cần 11/13 phiếu; tỷ lệ tính trên tổng số thành viên.
	// Kết quả: Sở KH&CN Bắc Ninh đạt yêu cầu.
	// [governing body issuing body locality date minutes number]
}
