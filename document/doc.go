// Package document renders the documents a Vietnamese office files after a
// year-end review (hội nghị tổng kết) or a council session (phiên họp Hội
// đồng Thi đua - Khen thưởng), in the form of Nghị định 30/2020/NĐ-CP Điều 8
// and its Mẫu 1.9 (Phụ lục III):
//
//   - the minutes (biên bản họp), as [Minutes];
//   - one vote-count record (biên bản kiểm phiếu) per ballot, as [VoteCount];
//   - the proposal (tờ trình đề nghị khen thưởng) with its list (danh sách)
//     of proposed units by award, as [Proposal].
//
// The dossier that goes up holds the proposing body's tờ trình, the list, and
// "biên bản họp và kết quả bỏ phiếu" (Nghị định 98/2023/NĐ-CP Điều 41 khoản
// 2); [Dossier] holds all three.
//
// # The model
//
// The model is body-neutral and already in one language: its strings are the
// words the document prints (a unit's name, a section's heading, a table's
// cells), and the renderers add the fixed parts of the form (the national
// heading and motto, "Số:", "Nơi nhận:", the signature captions) in the
// document's Language. [FromOutcome] fills it from a concluded cluster review;
// a council fills the same types from its session (see [Minutes] for what each
// field is for), so one renderer serves both. [CountOf] turns any tally of the
// voting core (thidua.Result) into a [VoteCount], and [BoardSignatures] gives
// the vote-counting board's signature blocks; the people are thidua.Person
// values, as in thidua.Paperwork.
//
// # Formats
//
// Each document renders as plain text (Text) and as one self-contained HTML
// file with no scripts (HTML) that prints on A4 as Decree 30/2020 asks:
// Times New Roman 13–14 pt, margins 20–25 mm top and bottom, 30–35 mm left,
// 15–20 mm right. A document missing a part of the form (no secretary, no
// number) still renders, with a dotted blank ("……") where an office would
// write it by hand; Check lists what is missing so a caller can refuse to
// file it.
//
// # Vietnamese conventions
//
// Vietnamese documents hold only Vietnamese, write decimals with a comma
// (95,00) and dates in words ("Bắc Ninh, ngày 08 tháng 12 năm 2023"), say
// cụm or khối as the grouping's kind is, and name an award with its issuer
// ("Cờ thi đua của Bộ Thông tin và Truyền thông"). Columns are aligned by
// display width. The English rendering is a translation of the same content.
//
// The package does no I/O: it returns strings, which the caller writes.
package document
