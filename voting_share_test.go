package thidua

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShareMet(t *testing.T) {
	tests := []struct {
		name        string
		share       Share
		count, base int
		want        bool
	}{
		{"7 of 9 is below 80%", AtLeast(4, 5), 7, 9, false},
		{"8 of 9 reaches 80%", AtLeast(4, 5), 8, 9, true},
		{"4 of 5 is exactly 80%", AtLeast(4, 5), 4, 5, true},
		{"4 of 5 is not more than 80%", MoreThan(4, 5), 4, 5, false},
		{"5 of 10 is not a majority", MoreThan(1, 2), 5, 10, false},
		{"6 of 10 is a majority", MoreThan(1, 2), 6, 10, true},
		{"2 of 3 reaches two thirds", AtLeast(2, 3), 2, 3, true},
		{"66 of 100 falls short of two thirds", AtLeast(2, 3), 66, 100, false},
		{"zero share is always met", Share{}, 0, 9, true},
		{"negative count never meets", AtLeast(1, 2), -1, 0, false},
		{"nothing meets a share of nothing", AtLeast(1, 1), 0, 0, false},
		{"nothing meets a share of nothing, however small", AtLeast(1, 100), 0, 0, false},
		{"huge values do not overflow", AtLeast(math.MaxInt64-1, math.MaxInt64), math.MaxInt64 - 1, math.MaxInt64, true},
		{"huge values, one short", AtLeast(math.MaxInt64-1, math.MaxInt64), math.MaxInt64 - 2, math.MaxInt64, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.share.Met(tt.count, tt.base))
		})
	}
}

func TestShareNeeded(t *testing.T) {
	assert.Equal(t, 8, AtLeast(4, 5).Needed(9))
	assert.Equal(t, 6, MoreThan(1, 2).Needed(10))
	assert.Equal(t, 6, AtLeast(2, 3).Needed(9))
	assert.Equal(t, 0, Share{}.Needed(9))
	assert.Equal(t, 10, Share{num: 2, den: 1}.Needed(9), "an invalid share cannot be met")
	assert.Equal(t, 10, MoreThan(1, 1).Needed(9), "more than all is unreachable")
}

func TestShareValidate(t *testing.T) {
	for _, s := range []Share{AtLeast(0, 5), AtLeast(6, 5), AtLeast(1, 0), AtLeast(-1, 2), MoreThan(1, -2)} {
		err := s.Validate()
		require.ErrorIs(t, err, ErrInvalidShare, "%v", s)
		assert.Regexp(t, `^thidua: share "`, err.Error())
	}
	assert.NoError(t, AtLeast(1, 1).Validate())
	assert.NoError(t, Share{}.Validate())
	th := AtLeast(4, 5).Of(BaseElectorate)
	assert.Equal(t, "≥ 4/5 of electorate", th.String())
	assert.ErrorIs(t, AtLeast(4, 5).Of(0).Validate(), ErrInvalidBase)
	var b Base
	assert.ErrorIs(t, b.UnmarshalText([]byte("members")), ErrInvalidBase)
	require.NoError(t, b.UnmarshalText([]byte("valid")))
	assert.Equal(t, BaseValid, b)
}

func FuzzShareNeeded(f *testing.F) {
	f.Add(int64(4), int64(5), false, 9)
	f.Add(int64(1), int64(2), true, 10)
	f.Fuzz(func(t *testing.T, num, den int64, strict bool, base int) {
		s := Share{num: num, den: den, strict: strict}
		if base < 0 || base > 1<<20 || s.Validate() != nil || s.IsZero() {
			return
		}
		n := s.Needed(base)
		// Needed is the least count that meets the share: it meets, one less does not.
		if n <= base {
			require.True(t, s.Met(n, base))
		}
		if n > 0 {
			require.False(t, s.Met(n-1, base))
		}
	})
}

func TestThresholdSame(t *testing.T) {
	assert.True(t, AtLeast(4, 5).Of(BaseElectorate).Same(AtLeast(8, 10).Of(BaseElectorate)))
	assert.False(t, AtLeast(4, 5).Of(BaseElectorate).Same(MoreThan(4, 5).Of(BaseElectorate)))
	assert.False(t, AtLeast(4, 5).Of(BaseElectorate).Same(AtLeast(4, 5).Of(BaseValid)))
	assert.False(t, AtLeast(4, 5).Of(BaseElectorate).Same(AtLeast(3, 4).Of(BaseElectorate)))
	assert.True(t, Threshold{}.Same(Threshold{Base: BaseValid}), "no threshold is no threshold, whatever its base")
	assert.False(t, Threshold{}.Same(AtLeast(1, 2).Of(BaseValid)))
}

func TestShareQuotaJSON(t *testing.T) {
	for _, s := range []Share{{}, AtLeast(4, 5), MoreThan(1, 2)} {
		b, err := json.Marshal(s)
		require.NoError(t, err)
		var got Share
		require.NoError(t, json.Unmarshal(b, &got), "%s", b)
		assert.Equal(t, s, got)
		assert.Equal(t, s.Num(), got.Num())
	}
	b, err := json.Marshal(MoreThan(1, 2))
	require.NoError(t, err)
	assert.JSONEq(t, `{"num":1,"den":2,"strict":true}`, string(b))
	var s Share
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"num":6,"den":5}`), &s), ErrInvalidShare)

	for _, q := range []Quota{{}, CountQuota(3), ShareOfMembers(1, 5), ShareOfLeaders(1, 5).WithRounding(QuotaRoundCeil)} {
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var got Quota
		require.NoError(t, json.Unmarshal(b, &got), "%s", b)
		assert.Equal(t, q, got)
		assert.Equal(t, q.Rounding(), got.Rounding())
	}
	b, err = json.Marshal(ShareOfLeaders(1, 5).WithRounding(QuotaRoundCeil))
	require.NoError(t, err)
	assert.JSONEq(t, `{"basis":"leaders","num":1,"den":5,"rounding":"ceil"}`, string(b))
	var q Quota
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"basis":"count","count":-1}`), &q), ErrNegativeQuota)
}
