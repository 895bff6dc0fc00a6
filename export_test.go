package thidua

import "testing"

// The fixtures the external tests (package thidua_test) share with this
// package's own: the tests that render documents import package document,
// which imports this package, so they cannot live here.

// SeedReview is the seed case, Cụm thi đua số 3 in 2023, read from
// testdata/cluster3-2023/review.json.
func SeedReview(t testing.TB) Review { return seedReview(t) }

// TieReview is the small 2024 review of tieReview, with a tie for the flag.
func TieReview(t *testing.T) Review { return tieReview(t) }
