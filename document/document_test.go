package document_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), got)
}

// seedReview reads the seed review (Cluster 3, 08/12/2023) from the
// repository's testdata.
func seedReview(t testing.TB) thidua.Review {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "cluster3-2023", "review.json"))
	require.NoError(t, err)
	var r thidua.Review
	require.NoError(t, json.Unmarshal(b, &r))
	return r
}

func dossier(t testing.TB, r thidua.Review, l document.Language) document.Dossier {
	t.Helper()
	o, err := r.Conclude()
	require.NoError(t, err)
	d, err := document.FromOutcome(o, l)
	require.NoError(t, err)
	return d
}

// named lists the documents of a dossier with the file names of their
// golden files.
func named(d document.Dossier) map[string][2]string {
	out := map[string][2]string{"minutes": {d.Minutes.Text(), d.Minutes.HTML()}, "proposal": {d.Proposal.Text(), d.Proposal.HTML()}}
	for i, v := range d.VoteCounts {
		out[fmt.Sprintf("vote-count-%d", i+1)] = [2]string{v.Text(), v.HTML()}
	}
	return out
}

// Every document of the seed review, in both languages and both formats.
func TestGolden(t *testing.T) {
	r := seedReview(t)
	for _, l := range []document.Language{document.Vietnamese, document.English} {
		d := dossier(t, r, l)
		require.Len(t, d.VoteCounts, 3, "three counts of ballots at the seed review")
		for name, doc := range named(d) {
			base := filepath.Join("testdata", "cluster3-2023", name+"."+l.String())
			golden(t, base+".txt", doc[0])
			golden(t, base+".html", doc[1])
		}
		golden(t, filepath.Join("testdata", "cluster3-2023", "dossier."+l.String()+".txt"), d.Text())
	}
}

// The seed's Vietnamese minutes begin with the national heading and motto
// and end with the signature blocks and the recipients; the filled seed has
// nothing missing.
func TestSeedForm(t *testing.T) {
	d := dossier(t, seedReview(t), document.Vietnamese)
	text := d.Minutes.Text()
	lines := strings.Split(text, "\n")
	assert.Contains(t, lines[0], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	assert.Contains(t, lines[1], "Độc lập - Tự do - Hạnh phúc")
	assert.Contains(t, lines[2], "Bắc Ninh, ngày 08 tháng 12 năm 2023")
	assert.Contains(t, lines[2], "Số: 01/BB-CTĐ3")
	sig := strings.Index(text, "THƯ KÝ")
	require.Positive(t, sig)
	assert.Less(t, strings.Index(text, "Cuộc họp kết thúc vào 11 giờ 30"), sig, "the end time comes before the signatures")
	assert.Less(t, strings.Index(text, "THƯ KÝ"), strings.Index(text, "CHỦ TỌA"), "secretary on the left, chair on the right")
	assert.Contains(t, text, "95,00", "decimal comma")
	assert.NotContains(t, text, "95.00")
	assert.Contains(t, text, "Cờ thi đua của Bộ Thông tin và Truyền thông", "the award with its issuer")
	assert.NotContains(t, text, "bộ, ban, ngành, tỉnh")
	assert.Empty(t, d.Check())
}

// In a block (khối thi đua), every document says khối, never cụm.
func TestBlockWording(t *testing.T) {
	r := seedReview(t)
	spec := r.Cluster.Spec()
	spec.Kind, spec.Name = thidua.KindBlock, "Khối thi đua số 1"
	c, err := thidua.NewCluster(spec)
	require.NoError(t, err)
	r.Cluster = c
	r.Paperwork.Recipients = []string{"Lưu: VT"}
	r.Paperwork.ProposalRecipients = nil
	d := dossier(t, r, document.Vietnamese)
	text := d.Text()
	// The title of a document the rule set cites is its own, whatever the
	// review's kind.
	title := "Quy chế hoạt động của Cụm thi đua số 3"
	assert.Contains(t, text, title)
	assert.NotContains(t, strings.ToLower(strings.ReplaceAll(text, title, "")), "cụm")
	assert.Contains(t, text, "Bầu khối phó năm 2024")
	assert.Contains(t, text, "IV. KHỐI TRƯỞNG, KHỐI PHÓ NĂM 2024")
	en := strings.ReplaceAll(dossier(t, r, document.English).Text(), title, "")
	assert.NotContains(t, strings.ToLower(en), "cluster")
	assert.Contains(t, en, "Election of the 2024 block deputy")
}

// The English rendering counts in the right number.
func TestEnglishPlurals(t *testing.T) {
	en := dossier(t, seedReview(t), document.English).Text()
	assert.NotRegexp(t, regexp.MustCompile(`\b1 (votes|ballots|seats|collectives)\b`), en)
	assert.Contains(t, en, "8 votes of 9 needed")
	assert.Contains(t, en, "3 collectives")
}

// Bad input: a decomposed name is refused with a typed error wherever the
// review is taken in; an unknown language or an empty outcome is refused.
func TestBadInput(t *testing.T) {
	nfd := "Nguye\u0302\u0303n Va\u0306n An" // "Nguyễn Văn An" decomposed
	tests := []struct {
		name  string
		edit  func(*thidua.Paperwork)
		field string
		err   error
		// noJSON: encoding/json writes invalid UTF-8 as U+FFFD, so the JSON
		// form of this input is valid.
		noJSON bool
	}{
		{"decomposed chair", func(p *thidua.Paperwork) { p.Chair.Name = nfd }, "chair name", thidua.ErrDecomposedName, false},
		{"decomposed teller", func(p *thidua.Paperwork) { p.Tellers[1].Name = nfd }, "teller 2 name", thidua.ErrDecomposedName, false},
		{"decomposed position", func(p *thidua.Paperwork) { p.Secretary.Position = "Chuye\u0302n vie\u0302n" }, "secretary position", thidua.ErrDecomposedName, false},
		{"decomposed locality", func(p *thidua.Paperwork) { p.Locality = "Ba\u0306\u0301c Ninh" }, "locality", thidua.ErrDecomposedName, false},
		{"decomposed recipient", func(p *thidua.Paperwork) { p.Recipients = []string{"Lu\u031bu"} }, "recipient 1", thidua.ErrDecomposedName, false},
		{"position without name", func(p *thidua.Paperwork) { p.Chair = thidua.Person{Position: "Giám đốc"} }, "chair name", thidua.ErrBlankName, false},
		{"empty teller", func(p *thidua.Paperwork) { p.Tellers = append(p.Tellers, thidua.Person{}) }, "teller 3 name", thidua.ErrBlankName, false},
		{"line break in a name", func(p *thidua.Paperwork) { p.Chair.Name = "Nguyễn\nVăn An" }, "chair name", thidua.ErrInvalidText, false},
		{"invalid UTF-8", func(p *thidua.Paperwork) { p.MinutesNumber = "01\xff" }, "minutes number", thidua.ErrInvalidText, true},
		{"bad start", func(p *thidua.Paperwork) { p.Start = "8h00" }, "start", thidua.ErrInvalidTime, false},
		{"hour 24", func(p *thidua.Paperwork) { p.End = "24:00" }, "end", thidua.ErrInvalidTime, false},
		{"end before start", func(p *thidua.Paperwork) { p.Start, p.End = "14:00", "08:00" }, "end", thidua.ErrInvalidTime, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := seedReview(t)
			r.Paperwork.Tellers = append([]thidua.Person(nil), r.Paperwork.Tellers...)
			tt.edit(&r.Paperwork)
			check := func(err error) {
				t.Helper()
				require.ErrorIs(t, err, tt.err)
				var fe *thidua.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field)
				var re *thidua.PartError
				require.ErrorAs(t, err, &re)
				assert.Equal(t, "paperwork", re.Part)
			}
			_, err := r.Conclude()
			check(err)
			if !tt.noJSON {
				b, err := json.Marshal(r)
				require.NoError(t, err)
				var back thidua.Review
				check(json.Unmarshal(b, &back))
			}

			// An outcome whose review was edited after Conclude is checked again.
			good := seedReview(t)
			o, err := good.Conclude()
			require.NoError(t, err)
			o.Review.Paperwork = r.Paperwork
			_, err = document.FromOutcome(o, document.Vietnamese)
			check(err)
		})
	}

	o, err := seedReview(t).Conclude()
	require.NoError(t, err)
	_, err = document.FromOutcome(o, document.Language(7))
	assert.ErrorIs(t, err, document.ErrInvalidLanguage)
	_, err = document.FromOutcome(thidua.Outcome{}, document.Vietnamese)
	assert.ErrorIs(t, err, document.ErrNoReview)
}

// Names with characters HTML must escape are escaped, and the file still
// parses.
func TestHTMLEscapes(t *testing.T) {
	r := seedReview(t)
	r.Paperwork.Chair.Name = `Lê "Tý" <b>&</b>`
	r.Paperwork.Recipients = []string{"A & B <i>"}
	for _, l := range []document.Language{document.Vietnamese, document.English} {
		d := dossier(t, r, l)
		for name, doc := range named(d) {
			h := doc[1]
			assert.NotContains(t, h, "<b>&</b>", name)
			assert.NotContains(t, h, "<i>", name)
			parseXML(t, name, h)
		}
		assert.Contains(t, d.Minutes.HTML(), "Lê &#34;Tý&#34; &lt;b&gt;&amp;&lt;/b&gt;")
		assert.Contains(t, d.Minutes.HTML(), "A &amp; B &lt;i&gt;")
	}
}

// parseXML checks that h is well-formed XML, has no script, and carries the
// print layout of Decree 30/2020.
func parseXML(t *testing.T, name, h string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(h))
	dec.Strict = true
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err, name)
		if se, ok := tok.(xml.StartElement); ok {
			assert.NotEqual(t, "script", strings.ToLower(se.Name.Local), name)
			for _, a := range se.Attr {
				assert.False(t, strings.HasPrefix(strings.ToLower(a.Name.Local), "on"), "%s: event handler %s", name, a.Name.Local)
			}
		}
	}
	assert.Contains(t, h, "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }", name)
	assert.Contains(t, h, `font-family: "Times New Roman"`, name)
	assert.Contains(t, h, "font-size: 14pt", name)
}

func TestHTMLParses(t *testing.T) {
	r := seedReview(t)
	for _, l := range []document.Language{document.Vietnamese, document.English} {
		for name, doc := range named(dossier(t, r, l)) {
			parseXML(t, name, doc[1])
		}
	}
}

// A document missing parts of the form still renders, with dotted blanks,
// and Check lists what is missing.
func TestCheckListsMissing(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(*thidua.Paperwork)
		minutes  []document.Missing
		vote     []document.Missing
		proposal []document.Missing
		blank    string // what the Vietnamese minutes print instead
	}{
		{name: "no secretary", edit: func(p *thidua.Paperwork) { p.Secretary = thidua.Person{} },
			minutes: []document.Missing{document.MissingSecretary, "signature 1"}, blank: "Thư ký: ……."},
		{name: "no number", edit: func(p *thidua.Paperwork) { p.MinutesNumber = "" },
			minutes: []document.Missing{document.MissingNumber}, vote: []document.Missing{document.MissingMinutesNumber}, blank: "Số: ……"},
		{name: "no times", edit: func(p *thidua.Paperwork) { p.Start, p.End = "", "" },
			minutes: []document.Missing{document.MissingStart, document.MissingEnd}, blank: "Thời gian bắt đầu: ……,"},
		{name: "no locality", edit: func(p *thidua.Paperwork) { p.Locality = "" },
			minutes: []document.Missing{document.MissingLocality}, vote: []document.Missing{document.MissingLocality},
			proposal: []document.Missing{document.MissingLocality}, blank: "……, ngày 08 tháng 12 năm 2023"},
		{name: "no board", edit: func(p *thidua.Paperwork) { p.HeadTeller, p.Tellers = thidua.Person{}, nil },
			vote: []document.Missing{document.MissingBoard, "signature 1"}, blank: ""},
		{name: "no chair", edit: func(p *thidua.Paperwork) { p.Chair = thidua.Person{} },
			minutes: []document.Missing{document.MissingChair, "signature 2"}, proposal: []document.Missing{"signature 1"}, blank: "Chủ trì (chủ tọa): ……."},
		{name: "no paperwork at all", edit: func(p *thidua.Paperwork) { *p = thidua.Paperwork{} },
			minutes: []document.Missing{document.MissingNumber, document.MissingLocality, document.MissingStart, document.MissingChair,
				document.MissingSecretary, document.MissingEnd, "signature 1", "signature 2", document.MissingRecipients},
			vote:     []document.Missing{document.MissingLocality, document.MissingMinutesNumber, document.MissingBoard, "signature 1"},
			proposal: []document.Missing{document.MissingNumber, document.MissingLocality, "signature 1", document.MissingRecipients},
			blank:    "Nơi nhận:\n- ……\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := seedReview(t)
			tt.edit(&r.Paperwork)
			d := dossier(t, r, document.Vietnamese)
			assert.Equal(t, tt.minutes, d.Minutes.Check())
			for _, v := range d.VoteCounts {
				assert.Equal(t, tt.vote, v.Check())
			}
			assert.Equal(t, tt.proposal, d.Proposal.Check())
			assert.Contains(t, d.Minutes.Text()+d.VoteCounts[0].Text(), tt.blank)
			assert.NotEmpty(t, d.Check())
			parseXML(t, tt.name, d.Minutes.HTML())
		})
	}
}

// A tie at the Certificate of Merit's quota: first pending (a runoff to
// hold, section V), then settled by the runoff; both in words, with no
// English in the Vietnamese text.
func TestTieAtQuota(t *testing.T) {
	r := seedReview(t)
	r.Awards = append([]thidua.AwardVote(nil), r.Awards...)
	merit := r.Awards[1]
	merit.Quota = thidua.CountQuota(3) // the third seat: Nam Định and Quảng Ninh share rank 4
	merit.Rounds = [][]thidua.Ballot{{
		{Approve: []thidua.UnitID{"hai-duong", "nam-dinh"}, Count: 4},
		{Approve: []thidua.UnitID{"vinh-phuc", "quang-ninh"}, Count: 4},
		{Approve: []thidua.UnitID{"hai-duong"}},
	}}
	r.Awards[1] = merit
	o, err := r.Conclude()
	require.NoError(t, err)
	require.False(t, o.Complete(), "Nam Định and Quảng Ninh tie for the third seat, in rank and in votes")
	d, err := document.FromOutcome(o, document.Vietnamese)
	require.NoError(t, err)
	text := d.Text()
	assert.Contains(t, text, "V. VIỆC CÒN LẠI")
	assert.Contains(t, text, "Cần bỏ phiếu lại (vòng 2) cho Bằng khen của Bộ Thông tin và Truyền thông giữa")
	assert.Contains(t, d.Proposal.Text(), "danh sách có thể thay đổi")
	assert.Empty(t, englishWords(text))
	en, err := document.FromOutcome(o, document.English)
	require.NoError(t, err)
	assert.Contains(t, en.Text(), "A runoff (round 2) is needed for the Certificate of Merit of Bộ Thông tin và Truyền thông among")
	assert.Contains(t, en.Text(), "for 1 seat")

	merit.Rounds = append(merit.Rounds, []thidua.Ballot{{Approve: []thidua.UnitID{"quang-ninh"}, Count: 6}, {Approve: []thidua.UnitID{"nam-dinh"}, Count: 3}})
	r.Awards[1] = merit
	o, err = r.Conclude()
	require.NoError(t, err)
	require.True(t, o.Complete())
	d, err = document.FromOutcome(o, document.Vietnamese)
	require.NoError(t, err)
	text = d.Text()
	assert.Len(t, d.VoteCounts, 4, "the runoff has its own record")
	assert.Contains(t, text, "Bình xét Bằng khen của Bộ Thông tin và Truyền thông, vòng 2")
	assert.Contains(t, text, "được giải quyết bằng bỏ phiếu lại (vòng 2)")
	assert.NotContains(t, text, "V. VIỆC CÒN LẠI")
	assert.Empty(t, englishWords(text))
}

// CountOf of the zero Result (nothing tallied) and with no names still
// accounts for every ballot, and its record renders and parses.
func TestCountOfZero(t *testing.T) {
	v := document.CountOf(thidua.Result{}, document.English, nil)
	assert.Equal(t, v.Received, v.Valid+v.Invalid)
	assert.Empty(t, v.Candidates)
	assert.Contains(t, v.Text(), "No threshold is set")
	parseXML(t, "zero count", v.HTML())
	assert.Contains(t, v.Check(), document.MissingBoard)
	assert.Empty(t, document.BoardSignatures(document.English, nil))
}

// The minutes say which day's rules applied when the dossier's day of
// receipt is given: that day's, or the review date's as more favourable.
func TestRulesDate(t *testing.T) {
	r := seedReview(t)
	plain := dossier(t, r, document.Vietnamese).Minutes.Text()
	assert.NotContains(t, plain, "ngày tiếp nhận hồ sơ", "no receipt day, no note")

	r.Received = thidua.MustDate(2023, 11, 20)
	vi := dossier(t, r, document.Vietnamese).Minutes.Text()
	assert.Contains(t, vi, "Văn bản áp dụng: Nghị định số 91/2017/NĐ-CP; Quy chế hoạt động của Cụm thi đua số 3 (minh họa) (quy định có hiệu lực tại ngày tiếp nhận hồ sơ, ngày 20 tháng 11 năm 2023).")
	en := dossier(t, r, document.English).Minutes.Text()
	assert.Contains(t, en, "(the rules in force on the day the dossier was received, 20 November 2023).")

	r.Favourable = true
	vi = dossier(t, r, document.Vietnamese).Minutes.Text()
	assert.Contains(t, vi, "(quy định có hiệu lực tại ngày họp, ngày 08 tháng 12 năm 2023, có lợi hơn cho đơn vị so với quy định tại ngày tiếp nhận hồ sơ, ngày 20 tháng 11 năm 2023).")
}

// A vote-count record says "bỏ phiếu kín" only where the rules require a
// secret ballot, as the minutes' heading does.
func TestSecretBallotFromRules(t *testing.T) {
	r := seedReview(t)
	d := dossier(t, r, document.Vietnamese)
	require.NotEmpty(t, d.VoteCounts)
	assert.True(t, d.VoteCounts[0].Secret, "Decree 91/2017 requires it")
	assert.Contains(t, d.Minutes.Text(), "II. KẾT QUẢ BỎ PHIẾU KÍN\n")

	r.Rules.SecretBallot = false
	d = dossier(t, r, document.Vietnamese)
	for _, vc := range d.VoteCounts {
		assert.False(t, vc.Secret)
		assert.NotContains(t, vc.Text(), "bỏ phiếu kín")
	}
	assert.Contains(t, d.Minutes.Text(), "II. KẾT QUẢ BỎ PHIẾU\n")
	assert.NotContains(t, d.Minutes.Text(), "KÍN")
}
