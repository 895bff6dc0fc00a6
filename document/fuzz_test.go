package document_test

import (
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// stopWords are English words that must never appear in a Vietnamese
// document (the words the minutes used to leak: "criterion", "quota-full",
// research notes...).
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and of or for to in on at by with from is are was not no none
		vote votes voted ballot ballots round runoff fallback pending passed elected quota full criterion
		rank total points standard standards leader deputy cluster block minutes threshold seat seats
		award awards grounds separated tie tied invalid valid blank decision decided found unit units
		member members present chair secretary record proposal list recipients signature seal head
		effective confirmed default verified sector rules carried`) {
		stopWords[w] = true
	}
}

var asciiWord = regexp.MustCompile(`[A-Za-z]+`)

// englishWords returns the stop words found in s.
func englishWords(s string) []string {
	var out []string
	for _, w := range asciiWord.FindAllString(s, -1) {
		if stopWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return out
}

// textOf returns the character data of an HTML document, as the XML decoder
// reads it (entities resolved).
func textOf(t *testing.T, h string) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(h))
	dec.Strict = true
	var b strings.Builder
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatalf("HTML does not parse: %v", err)
		}
		if cd, ok := tok.(xml.CharData); ok {
			b.Write(cd)
		}
	}
}

func wellFormed(h string) error {
	dec := xml.NewDecoder(strings.NewReader(h))
	dec.Strict = true
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// FuzzDocuments varies the seed review's ballots, kind, presence and
// paperwork, and checks what every review's documents must hold: the
// Vietnamese text has no English word of the stop list; every HTML file
// parses as XML and escapes the names; every count of ballots has its
// vote-count record with received = valid + invalid and blank among the
// valid; the minutes begin with the national heading; and Check reports a
// part exactly when the paperwork leaves it out.
func FuzzDocuments(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8}, uint8(0), "Nguyễn Văn An", "01/BB-CTĐ3")
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 1, 1}, uint8(1), "", "")
	f.Add([]byte{9, 9, 9, 200, 17, 3}, uint8(6), `A <b> & "B"`, "01/BB")
	f.Add([]byte{}, uint8(255), "Lê", "x")
	seed := seedReview(f)
	f.Fuzz(func(t *testing.T, marks []byte, flags uint8, chair, number string) {
		if len(marks) > 64 {
			marks = marks[:64]
		}
		r := seed
		ids := r.Cluster.MemberIDs()
		if flags&1 != 0 {
			spec := r.Cluster.Spec()
			spec.Kind, spec.Name = thidua.KindBlock, "Khối thi đua số 1"
			c, err := thidua.NewCluster(spec)
			if err != nil {
				t.Fatal(err)
			}
			r.Cluster = c
			r.Paperwork.Recipients = []string{"Lưu: VT"}
			r.Paperwork.ProposalRecipients = nil
		}
		if flags&2 != 0 {
			r.Present = ids[:7]
		}
		// The flag's ballots: each byte marks one unit, or none (blank).
		var flag []thidua.Ballot
		for _, m := range marks {
			if int(m)%(len(ids)+1) == len(ids) {
				flag = append(flag, thidua.Ballot{})
				continue
			}
			flag = append(flag, thidua.Ballot{Approve: []thidua.UnitID{ids[int(m)%(len(ids)+1)]}})
		}
		r.Awards = append([]thidua.AwardVote(nil), r.Awards...)
		r.Awards[0].Rounds = [][]thidua.Ballot{flag}
		pw := r.Paperwork
		pw.Chair.Name, pw.MinutesNumber = chair, number
		if flags&4 != 0 {
			pw.Secretary = thidua.Person{}
		}
		r.Paperwork = pw
		o, err := r.Conclude()
		if err != nil {
			return // not a valid review (too many ballots, a decomposed name, ...)
		}
		for _, l := range []document.Language{document.Vietnamese, document.English} {
			d, err := document.FromOutcome(o, l)
			if err != nil {
				t.Fatalf("a concluded review's documents: %v", err)
			}
			if len(d.VoteCounts) != len(o.Votes) {
				t.Fatalf("%d vote-count records for %d counts", len(d.VoteCounts), len(o.Votes))
			}
			for i, v := range d.VoteCounts {
				if v.Received != v.Valid+v.Invalid || v.Blank > v.Valid || v.Blank < 0 {
					t.Fatalf("record %d: received %d, valid %d, invalid %d, blank %d", i+1, v.Received, v.Valid, v.Invalid, v.Blank)
				}
				if v.Received != o.Votes[i].Result.Cast {
					t.Fatalf("record %d: received %d, cast %d", i+1, v.Received, o.Votes[i].Result.Cast)
				}
			}
			text := d.Text()
			first, _, _ := strings.Cut(text, "\n")
			heading := map[document.Language]string{document.Vietnamese: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				document.English: "SOCIALIST REPUBLIC OF VIET NAM"}[l]
			if !strings.Contains(first, heading) {
				t.Fatalf("the minutes do not begin with the national heading: %q", first)
			}
			if l == document.Vietnamese {
				// The caller's own strings (the chair's name and the number)
				// are theirs: an English word counts only if neither of them
				// holds it. (Cutting those strings out of the text instead
				// would make words: "o" cut from "theo" leaves "the".)
				own := map[string]bool{}
				for _, w := range englishWords(chair + " " + number) {
					own[strings.ToLower(w)] = true
				}
				var found []string
				for _, w := range englishWords(text) {
					if !own[strings.ToLower(w)] {
						found = append(found, w)
					}
				}
				if len(found) > 0 {
					t.Fatalf("English in the Vietnamese documents: %v", found)
				}
			}
			htmls := []string{d.Minutes.HTML(), d.Proposal.HTML()}
			for _, v := range d.VoteCounts {
				htmls = append(htmls, v.HTML())
			}
			for _, h := range htmls {
				if err := wellFormed(h); err != nil {
					t.Fatalf("HTML does not parse: %v", err)
				}
			}
			// Escaped, the chair's name survives as text of the minutes, which
			// it signs: the text the XML decoder reads holds it whole
			// (unescaped, "<b>x</b>" would read as "x").
			if strings.TrimSpace(chair) != "" && !strings.Contains(textOf(t, htmls[0]), chair) {
				t.Fatalf("the chair's name %q is not in the minutes' text", chair)
			}
			missing := d.Minutes.Check()
			has := func(m document.Missing) bool {
				for _, x := range missing {
					if x == m {
						return true
					}
				}
				return false
			}
			if has(document.MissingChair) != (strings.TrimSpace(chair) == "") {
				t.Fatalf("chair %q: Check says %v", chair, missing)
			}
			if has(document.MissingNumber) != (strings.TrimSpace(number) == "") {
				t.Fatalf("number %q: Check says %v", number, missing)
			}
			if has(document.MissingSecretary) != (flags&4 != 0) {
				t.Fatalf("secretary: Check says %v", missing)
			}
		}
	})
}
