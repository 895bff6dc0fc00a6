package thidua

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bad inputs of Person.Validate and Paperwork.Validate, each a typed
// error naming the field.
func TestPaperworkValidate(t *testing.T) {
	good := Paperwork{
		Chair: Person{Name: "Nguyễn Văn An", Position: "Giám đốc"}, Secretary: Person{Name: "Trần Thị Bình"},
		HeadTeller: Person{Name: "Lê Văn Cường"}, Tellers: []Person{{Name: "Phạm Thị Dung"}},
		Start: "08:00", End: "11:30", Locality: "Bắc Ninh", MinutesNumber: "01/BB-CTĐ3",
		Recipients: []string{"Lưu: VT"},
	}
	require.NoError(t, good.Validate())
	require.NoError(t, Paperwork{}.Validate(), "the zero Paperwork is allowed")
	require.NoError(t, Person{}.Validate(), "the zero Person names nobody")

	tests := []struct {
		name  string
		edit  func(*Paperwork)
		field string
		err   error
	}{
		{"NFD name", func(p *Paperwork) { p.Secretary.Name = "Tra\u0302\u0300n Thi\u0323 Bi\u0300nh" }, "secretary name", ErrDecomposedName},
		{"NFD unit", func(p *Paperwork) { p.Chair.Unit = "So\u031b\u0309" }, "chair unit", ErrDecomposedName},
		{"NFD head teller", func(p *Paperwork) { p.HeadTeller.Name = "Le\u0302" }, "head teller name", ErrDecomposedName},
		{"NFD governing body", func(p *Paperwork) { p.GoverningBody = "Bo\u0323\u0302" }, "governing body", ErrDecomposedName},
		{"NFD proposal recipient", func(p *Paperwork) { p.ProposalRecipients = []string{"ok", "Nhu\u031b"} }, "proposal recipient 2", ErrDecomposedName},
		{"tab in a number", func(p *Paperwork) { p.ProposalNumber = "02\t/TTr" }, "proposal number", ErrInvalidText},
		{"blank name with a position", func(p *Paperwork) { p.Secretary = Person{Name: "  ", Position: "Chuyên viên"} }, "secretary name", ErrBlankName},
		{"zero teller", func(p *Paperwork) { p.Tellers = []Person{{}} }, "teller 1 name", ErrBlankName},
		{"time without colon", func(p *Paperwork) { p.Start = "0800" }, "start", ErrInvalidTime},
		{"minute 60", func(p *Paperwork) { p.End = "11:60" }, "end", ErrInvalidTime},
		{"letters", func(p *Paperwork) { p.Start = "ab:cd" }, "start", ErrInvalidTime},
		{"end before start", func(p *Paperwork) { p.End = "07:59" }, "end", ErrInvalidTime},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := good
			p.Tellers = append([]Person(nil), good.Tellers...)
			tt.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, tt.err)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tt.field, fe.Field)
			assert.Contains(t, err.Error(), "thidua: ")
		})
	}
	// An end with no start, and a start with no end, are fine.
	assert.NoError(t, Paperwork{End: "11:30"}.Validate())
	assert.NoError(t, Paperwork{Start: "23:59"}.Validate())
}
