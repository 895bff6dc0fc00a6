package thidua

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fieldErrors returns every *FieldError in err's chain, outermost first,
// following both forms of Unwrap.
func fieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(e error) {
		for e != nil {
			if fe, ok := e.(*FieldError); ok {
				out = append(out, fe)
			}
			switch u := e.(type) {
			case interface{ Unwrap() []error }:
				for _, x := range u.Unwrap() {
					walk(x)
				}
				return
			case interface{ Unwrap() error }:
				e = u.Unwrap()
			default:
				return
			}
		}
	}
	walk(err)
	return out
}

// fieldError returns the outermost *FieldError in err's chain whose Field is
// field, or nil.
func fieldError(err error, field string) *FieldError {
	for _, fe := range fieldErrors(err) {
		if fe.Field == field {
			return fe
		}
	}
	return nil
}

// partError returns the outermost *PartError in err's chain, or nil.
func partError(err error) *PartError {
	var pe *PartError
	if errors.As(err, &pe) {
		return pe
	}
	return nil
}

// The constructors of the absorbed error types keep errors.Is and errors.As
// working as the removed types did, and word each fault with its input.
func TestAbsorbedErrors(t *testing.T) {
	vm := voteMismatch("cum-pho", RoleDeputy, &UnitError{ID: "x", Err: ErrUnknownUnit})
	assert.ErrorIs(t, vm, ErrVoteMismatch)
	assert.ErrorIs(t, vm, ErrUnknownUnit)
	var ue *UnitError
	require.ErrorAs(t, vm, &ue)
	assert.Equal(t, UnitID("x"), ue.ID)
	assert.Equal(t, `thidua: deputy vote "cum-pho": vote does not belong to this choice (unit "x": unknown unit)`, vm.Error())

	aw := awardError(AwardMinistryFlag, "a", ErrDuplicateUnit)
	assert.ErrorIs(t, aw, ErrDuplicateUnit)
	require.ErrorAs(t, aw, &ue)
	assert.Equal(t, UnitID("a"), ue.ID)
	assert.Equal(t, `award "ministry-flag"`, aw.Part)

	var v *Violation
	none := error(&Violation{Year: 2025, Constraint: ConstraintNoConsecutive, Detail: "no consecutive terms"})
	assert.ErrorIs(t, none, ErrNoEligibleLeader)
	assert.NotErrorIs(t, none, ErrIneligible)
	require.ErrorAs(t, none, &v)
	assert.Equal(t, 2025, v.Year)
	one := error(&Violation{Year: 2025, Unit: "a", Constraint: ConstraintExcluded})
	assert.ErrorIs(t, one, ErrIneligible)
	assert.NotErrorIs(t, one, ErrNoEligibleLeader)
	assert.Regexp(t, `^thidua: 2025: unit "a": `, one.Error())

	for _, c := range []struct {
		err  *FieldError
		want error
		msg  string
	}{
		{yearError("cluster year", 0, ErrYearOutOfRange), ErrYearOutOfRange, `thidua: cluster year "0": `},
		{criterionError("x", ErrUnknownCriterion), ErrUnknownCriterion, `thidua: criterion "x": `},
		{overflowError("weight", "1e30"), ErrOverflow, `thidua: weight "1e30": `},
		{ruleSetError("A", "B", ErrRuleSetOverlap), ErrRuleSetOverlap, `thidua: rule set "A and B": `},
		{coolDownError(4, 3), ErrCoolDownTooLong, `thidua: cool-down "4 years with 3 members": `},
		{quorumError(3, 6, 9), ErrNoQuorum, `thidua: quorum "3 present of 9, 6 needed": `},
		{selectionError(2025, "an assignment"), ErrMissingSelection, `thidua: selection for 2025 "an assignment": `},
		{limitError("units", 10001, 10000), ErrLimit, `thidua: units "10001, more than the limit of 10000": `},
	} {
		assert.ErrorIs(t, c.err, c.want)
		assert.True(t, strings.HasPrefix(c.err.Error(), c.msg), "%q", c.err.Error())
	}
}
