package thidua

import (
	"fmt"
	"math/bits"
)

// Share is an exact fraction Num/Den in (0, 1] with a comparison: "at least"
// (đạt từ ... trở lên) or "more than" (trên, quá). Build one with AtLeast or
// MoreThan. The zero Share means "no requirement".
type Share struct {
	Num, Den int64
	Strict   bool // "more than" when true, "at least" when false
}

// AtLeast returns the share "at least num/den", such as AtLeast(4, 5) for the
// 80% that Decree 98/2023 Điều 30 k7 requires for an Emulation Flag.
func AtLeast(num, den int64) Share { return Share{Num: num, Den: den} }

// MoreThan returns the share "more than num/den", such as MoreThan(1, 2) for a
// simple majority.
func MoreThan(num, den int64) Share { return Share{Num: num, Den: den, Strict: true} }

// IsZero reports whether s is the zero Share, meaning no requirement.
func (s Share) IsZero() bool { return s == Share{} }

// Validate reports whether s is the zero Share or a fraction in (0, 1], as a
// *FieldError wrapping ErrInvalidShare.
func (s Share) Validate() error {
	if s.IsZero() {
		return nil
	}
	if s.Den <= 0 || s.Num <= 0 || s.Num > s.Den {
		return &FieldError{Field: "share", Value: fmt.Sprintf("%d/%d", s.Num, s.Den), Err: ErrInvalidShare}
	}
	return nil
}

// Met reports whether count out of base meets the share, compared exactly as
// integers: count·Den ≥ Num·base ("at least") or count·Den > Num·base ("more
// than"). The zero Share is always met. Negative inputs never meet a share.
func (s Share) Met(count, base int) bool {
	if s.IsZero() {
		return true
	}
	if count < 0 || base < 0 || s.Validate() != nil {
		return false
	}
	c := cmp128(uint64(count), uint64(s.Den), uint64(s.Num), uint64(base))
	if s.Strict {
		return c > 0
	}
	return c >= 0
}

// Needed returns the smallest count out of base that meets the share: for
// AtLeast(4, 5) of 9 it is 8, since 7/9 < 80% ≤ 8/9. It returns 0 for the zero
// Share, and base+1 when no count up to base can meet it.
func (s Share) Needed(base int) int {
	if s.IsZero() || base < 0 {
		return 0
	}
	if s.Validate() != nil {
		return base + 1
	}
	// Binary search on the monotone predicate Met(·, base).
	lo, hi := 0, base+1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if s.Met(mid, base) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// String returns "≥ 4/5" or "> 1/2", or "none" for the zero Share.
func (s Share) String() string {
	if s.IsZero() {
		return "none"
	}
	op := "≥"
	if s.Strict {
		op = ">"
	}
	return fmt.Sprintf("%s %d/%d", op, s.Num, s.Den)
}

// cmp128 compares a·b with c·d without overflow.
func cmp128(a, b, c, d uint64) int {
	h1, l1 := bits.Mul64(a, b)
	h2, l2 := bits.Mul64(c, d)
	switch {
	case h1 != h2:
		if h1 < h2 {
			return -1
		}
		return 1
	case l1 != l2:
		if l1 < l2 {
			return -1
		}
		return 1
	}
	return 0
}

// Base names the count a threshold's share is taken of.
type Base uint8

// The bases of a threshold. Decree 98/2023 Điều 30 k7 takes its shares of all
// the members of the council (Electorate), not of those present.
const (
	Electorate Base = iota + 1 // all eligible voters (tổng số thành viên)
	Present                    // voters present at the meeting
	Cast                       // ballots cast (phiếu phát ra thu về)
	Valid                      // valid ballots (phiếu hợp lệ)
)

var baseNames = [...]struct{ en, vi string }{
	Electorate: {"electorate", "tổng số thành viên"},
	Present:    {"present", "số thành viên có mặt"},
	Cast:       {"cast", "số phiếu thu về"},
	Valid:      {"valid", "số phiếu hợp lệ"},
}

// IsValid reports whether b is one of the defined bases.
func (b Base) IsValid() bool { return b >= Electorate && b <= Valid }

// String returns "electorate", "present", "cast" or "valid".
func (b Base) String() string {
	if !b.IsValid() {
		return fmt.Sprintf("Base(%d)", uint8(b))
	}
	return baseNames[b].en
}

// Vietnamese returns the base as minutes say it, such as "tổng số thành viên".
func (b Base) Vietnamese() string {
	if !b.IsValid() {
		return b.String()
	}
	return baseNames[b].vi
}

// MarshalText encodes a valid base as its English name.
func (b Base) MarshalText() ([]byte, error) {
	if !b.IsValid() {
		return nil, &FieldError{Field: "base", Value: b.String(), Err: ErrInvalidBase}
	}
	return []byte(b.String()), nil
}

// UnmarshalText accepts the names String returns.
func (b *Base) UnmarshalText(text []byte) error {
	for c := Electorate; c <= Valid; c++ {
		if string(text) == baseNames[c].en {
			*b = c
			return nil
		}
	}
	return &FieldError{Field: "base", Value: string(text), Err: ErrInvalidBase}
}

// Of returns the threshold "this share of base": AtLeast(4, 5).Of(Electorate).
func (s Share) Of(b Base) Threshold { return Threshold{Share: s, Base: b} }

// Threshold is the vote a candidate needs to pass: a Share of a Base, such as at
// least 80% of all members. The zero Threshold means no threshold.
type Threshold struct {
	Share Share `json:"share"`
	Base  Base  `json:"base,omitempty"`
}

// IsZero reports whether t is the zero Threshold, meaning no threshold.
func (t Threshold) IsZero() bool { return t.Share.IsZero() }

// Validate reports whether t is zero, or a valid share of a valid base.
func (t Threshold) Validate() error {
	if t.IsZero() {
		return nil
	}
	if err := t.Share.Validate(); err != nil {
		return err
	}
	if !t.Base.IsValid() {
		return &FieldError{Field: "base", Value: t.Base.String(), Err: ErrInvalidBase}
	}
	return nil
}

// Met reports whether votes out of base (the count Base names) meet the threshold.
func (t Threshold) Met(votes, base int) bool { return t.Share.Met(votes, base) }

// String returns "≥ 4/5 of electorate", or "none".
func (t Threshold) String() string {
	if t.IsZero() {
		return "none"
	}
	return t.Share.String() + " of " + t.Base.String()
}
