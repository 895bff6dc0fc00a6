package document_test

import (
	"testing"

	"github.com/thidua/thidua"
	"github.com/thidua/thidua/document"
)

// BenchmarkDossier renders every document of the seed review as text and
// HTML; BenchmarkRootMinutes is the baseline, the root package's plain-text
// minutes of the same outcome.
func BenchmarkDossier(b *testing.B) {
	o, err := seedReview(b).Conclude()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		d, err := document.FromOutcome(o, document.Vietnamese)
		if err != nil {
			b.Fatal(err)
		}
		_ = d.Text()
		_ = d.Minutes.HTML()
		_ = d.Proposal.HTML()
		for _, v := range d.VoteCounts {
			_ = v.HTML()
		}
	}
}

func BenchmarkDossierText(b *testing.B) {
	o, err := seedReview(b).Conclude()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		d, err := document.FromOutcome(o, document.Vietnamese)
		if err != nil {
			b.Fatal(err)
		}
		_ = d.Minutes.Text()
	}
}

func BenchmarkRootMinutes(b *testing.B) {
	o, err := seedReview(b).Conclude()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for range b.N {
		_ = o.Minutes(thidua.LangVietnamese)
	}
}
