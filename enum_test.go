package thidua

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// textEnum is what every enumeration offers: a name, and a text form for JSON.
type textEnum interface {
	encoding.TextMarshaler
	String() string
}

// enumRoundTrip checks that every valid value of an enumeration encodes to its
// name and decodes back, that the first invalid value does not encode, and
// that an unknown name does not decode, each with the sentinel err.
func enumRoundTrip[T ~uint8, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, name string, e enum[T], err error) {
	t.Run(name, func(t *testing.T) {
		for v := e.first; int(v) < len(e.en); v++ {
			var x textEnum = any(v).(textEnum)
			b, mErr := x.MarshalText()
			require.NoError(t, mErr)
			assert.Equal(t, e.en[v], string(b))
			assert.Equal(t, e.en[v], x.String())
			var back T
			require.NoError(t, P(&back).UnmarshalText(b))
			assert.Equal(t, v, back)
		}
		bad := T(len(e.en))
		_, mErr := any(bad).(textEnum).MarshalText()
		assert.ErrorIs(t, mErr, err)
		assert.Regexp(t, `\(\d+\)$`, any(bad).(textEnum).String())
		var back T
		assert.ErrorIs(t, P(&back).UnmarshalText([]byte("no such name")), err)
	})
}

func TestEnumerationsRoundTrip(t *testing.T) {
	enumRoundTrip[ClusterKind](t, "Kind", kinds, ErrInvalidKind)
	enumRoundTrip[Role](t, "Role", roles, ErrInvalidRole)
	enumRoundTrip[Base](t, "Base", bases, ErrInvalidBase)
	enumRoundTrip[Method](t, "Method", methods, ErrInvalidMethod)
	enumRoundTrip[Fallback](t, "Fallback", fallbacks, ErrInvalidRuleSet)
	enumRoundTrip[SuccessionMethod](t, "SuccessionMethod", successionMethods, ErrInvalidSuccession)
	enumRoundTrip[CriterionKind](t, "CriterionKind", criterionKinds, ErrInvalidCriterionKind)
	enumRoundTrip[AssessorKind](t, "AssessorKind", assessorKinds, ErrInvalidAssessorKind)
	enumRoundTrip[TieBreak](t, "TieBreak", tieBreaks, ErrInvalidTieBreak)
	enumRoundTrip[DeclineReason](t, "DeclineReason", declineReasons, ErrInvalidDeclineReason)
	enumRoundTrip[QuotaBasis](t, "QuotaBasis", quotaBases, ErrInvalidQuota)
	enumRoundTrip[QuotaRounding](t, "QuotaRounding", quotaRoundings, ErrInvalidQuota)
}
