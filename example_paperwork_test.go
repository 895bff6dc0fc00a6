package thidua_test

import (
	"errors"
	"fmt"

	"github.com/thidua/thidua"
)

// A name typed in decomposed form (NFD) is refused: documents need one
// spelling per name.
func ExamplePaperwork_Validate() {
	p := thidua.Paperwork{
		Chair:     thidua.Person{Name: "Nguye\u0302\u0303n Va\u0306n An", Position: "Giám đốc"},
		Secretary: thidua.Person{Name: "Trần Thị Bình"},
		Start:     "08:00", End: "11:30",
	}
	err := p.Validate()
	var fe *thidua.FieldError
	fmt.Println(errors.Is(err, thidua.ErrDecomposedName), errors.As(err, &fe) && fe.Field == "chair name")

	p.Chair.Name = "Nguyễn Văn An"
	fmt.Println(p.Validate())
	p.End = "07:30"
	fmt.Println(errors.Is(p.Validate(), thidua.ErrInvalidTime))
	// Output:
	// true true
	// <nil>
	// true
}
