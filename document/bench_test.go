package document_test

import (
	"testing"

	"github.com/thidua/thidua/document"
)

// BenchmarkDossier renders every document of the seed review as text and
// HTML; BenchmarkDossierText, the plain-text minutes alone, is the baseline in
// the same run (the root package's own minutes, the earlier baseline, are
// gone: this package is the one renderer).
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
