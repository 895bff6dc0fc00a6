package document

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/thidua/thidua"
)

// Dates as Nghị định 30/2020/NĐ-CP writes them: a leading zero for days
// below 10 and for the months 1 and 2 only.
func TestDateLine(t *testing.T) {
	tests := []struct {
		date   thidua.Date
		vi, en string
	}{
		{thidua.MustDate(2023, time.December, 8), "Bắc Ninh, ngày 08 tháng 12 năm 2023", "Bắc Ninh, 8 December 2023"},
		{thidua.MustDate(2024, time.January, 15), "Bắc Ninh, ngày 15 tháng 01 năm 2024", "Bắc Ninh, 15 January 2024"},
		{thidua.MustDate(2024, time.February, 2), "Bắc Ninh, ngày 02 tháng 02 năm 2024", "Bắc Ninh, 2 February 2024"},
		{thidua.MustDate(2024, time.March, 31), "Bắc Ninh, ngày 31 tháng 3 năm 2024", "Bắc Ninh, 31 March 2024"},
		{thidua.Date{}, "Bắc Ninh, ngày …… tháng …… năm ……", "Bắc Ninh, ……"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.vi, Vietnamese.dateLine("Bắc Ninh", tt.date))
		assert.Equal(t, tt.en, English.dateLine("Bắc Ninh", tt.date))
	}
	assert.Equal(t, "……, ngày 08 tháng 12 năm 2023", Vietnamese.dateLine("", thidua.MustDate(2023, time.December, 8)))
}

func TestNumber(t *testing.T) {
	tests := []struct{ in, vi, en string }{
		{"95", "95,00", "95.00"},
		{"90.75", "90,75", "90.75"},
		{"0.125", "0,125", "0.125"},
		{"1234.5", "1.234,50", "1,234.50"},
		{"-1234567", "-1.234.567,00", "-1,234,567.00"},
		{"100", "100,00", "100.00"},
	}
	for _, tt := range tests {
		d := decimal.RequireFromString(tt.in)
		assert.Equal(t, tt.vi, Vietnamese.number(d), tt.in)
		assert.Equal(t, tt.en, English.number(d), tt.in)
	}
	assert.Equal(t, "88,89%", Vietnamese.percent(8, 9))
	assert.Equal(t, "100.00%", English.percent(9, 9))
	assert.Equal(t, "—", English.percent(1, 0))
}

func TestCount(t *testing.T) {
	assert.Equal(t, "1 vote", English.count(1, "phiếu", "vote", "votes"))
	assert.Equal(t, "2 votes", English.count(2, "phiếu", "vote", "votes"))
	assert.Equal(t, "0 votes", English.count(0, "phiếu", "vote", "votes"))
	assert.Equal(t, "1 phiếu", Vietnamese.count(1, "phiếu", "vote", "votes"))
}

// Display width: a precomposed letter takes one column, a combining mark
// none, a wide character two.
func TestWidth(t *testing.T) {
	assert.Equal(t, 8, width("Bắc Ninh"))
	assert.Equal(t, 8, width("Ba\u0306\u0301c Ninh"))
	assert.Equal(t, 4, width("越南"))
	assert.Equal(t, "Hà Nam   |", padRight("Hà Nam", 9)+"|")
	assert.Equal(t, "   Hà Nam", padLeft("Hà Nam", 9))
	assert.Equal(t, " ab  ", center("ab", 5))
}

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 5: "V", 9: "IX", 14: "XIV", 39: "XXXIX"} {
		assert.Equal(t, want, roman(n))
	}
}

func TestLanguage(t *testing.T) {
	assert.True(t, English.IsValid())
	assert.False(t, Language(2).IsValid())
	assert.Equal(t, "vi", Vietnamese.String())
	assert.Equal(t, "Language(9)", Language(9).String())
}
