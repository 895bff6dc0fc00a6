package council_test

import (
	"encoding"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/thidua/thidua/council"
)

func TestEnumerationsText(t *testing.T) {
	type enum interface {
		encoding.TextMarshaler
		String() string
	}
	good := map[string][]enum{
		"role":    {council.RoleChair, council.RoleViceChair, council.RoleMember},
		"order":   {council.OrderByRules, council.VotesFirst, council.ScoreFirst},
		"form":    {council.BallotByRegime, council.BallotSecret, council.BallotOpen},
		"pending": {council.PendingRunoff, council.PendingChair},
	}
	decode := map[string]func([]byte) (enum, error){
		"role":    func(b []byte) (enum, error) { var v council.Role; err := v.UnmarshalText(b); return v, err },
		"order":   func(b []byte) (enum, error) { var v council.Order; err := v.UnmarshalText(b); return v, err },
		"form":    func(b []byte) (enum, error) { var v council.BallotForm; err := v.UnmarshalText(b); return v, err },
		"pending": func(b []byte) (enum, error) { var v council.PendingKind; err := v.UnmarshalText(b); return v, err },
	}
	for name, values := range good {
		for _, v := range values {
			b, err := v.MarshalText()
			require.NoError(t, err)
			back, err := decode[name](b)
			require.NoError(t, err)
			assert.Equal(t, v, back)
		}
		for _, bad := range []string{"", "Chair", "votes_first", "secret ", "x"} {
			_, err := decode[name]([]byte(bad))
			want := council.ErrInvalidOption
			if name == "role" {
				want = council.ErrInvalidMember
			}
			require.ErrorIs(t, err, want, "%s %q", name, bad)
		}
	}
	bad := []enum{council.Role(0), council.Role(4), council.Order(3), council.BallotForm(3), council.PendingKind(0)}
	for _, v := range bad {
		_, err := v.MarshalText()
		assert.Error(t, err, v.String())
	}
	assert.Equal(t, "Phó Chủ tịch Hội đồng", council.RoleViceChair.Vietnamese())
	assert.Equal(t, "Member", council.RoleMember.English())
}

func TestMemberIDValidate(t *testing.T) {
	for _, id := range []council.MemberID{"", "a b", "tab\t", council.MemberID(strings.Repeat("x", 65)), "\xff"} {
		require.ErrorIs(t, id.Validate(), council.ErrInvalidMember, "%q", id)
	}
	assert.NoError(t, council.MemberID("m-01").Validate())
}

func TestCouncilValidate(t *testing.T) {
	tests := map[string]struct {
		change func(*council.Council)
		err    error
	}{
		"blank name":        {func(c *council.Council) { c.Name = " " }, council.ErrInvalidMember},
		"member without ID": {func(c *council.Council) { c.Members[2].ID = "" }, council.ErrInvalidMember},
		"member unnamed":    {func(c *council.Council) { c.Members[2].Name = "" }, council.ErrInvalidMember},
		"listed twice":      {func(c *council.Council) { c.Members[3].ID = c.Members[2].ID }, council.ErrDuplicateMember},
		"no chair":          {func(c *council.Council) { c.Members[0].Role = council.RoleViceChair }, council.ErrNoChair},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			c := fixture().Council
			tt.change(&c)
			require.ErrorIs(t, c.Validate(), tt.err)
		})
	}
	assert.NoError(t, fixture().Council.Validate())
}

func TestDecodeBadJSON(t *testing.T) {
	var s council.Session
	require.Error(t, json.Unmarshal([]byte(`{"council":{"members":[{"id":"m1","name":"A","role":"king"}]}}`), &s))
	require.Error(t, json.Unmarshal([]byte(`{"options":{"order":"random"}}`), &s))
	var v council.Vote
	require.Error(t, json.Unmarshal([]byte(`{"award":"ministry-flag","round":1,"contest":{"candidates":[],"electorate":0,"method":"approval"}}`), &v),
		"a vote whose contest is invalid does not decode")
}
