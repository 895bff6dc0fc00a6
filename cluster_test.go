package thidua

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewClusterBadInput(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*ClusterSpec)
		want   error
		unitID UnitID // when set, the error must be a *UnitError naming it
	}{
		{"empty cluster id", func(s *ClusterSpec) { s.ID = "" }, ErrInvalidID, ""},
		{"cluster id with a space", func(s *ClusterSpec) { s.ID = "cum 3" }, ErrInvalidID, ""},
		{"cluster id too long", func(s *ClusterSpec) { s.ID = ClusterID(make([]byte, 65)) }, ErrInvalidID, ""},
		{"blank cluster name", func(s *ClusterSpec) { s.Name = "  " }, ErrBlankName, ""},
		{"zero kind", func(s *ClusterSpec) { s.Kind = 0 }, ErrInvalidKind, ""},
		{"year before 1948", func(s *ClusterSpec) { s.Year = 1900 }, ErrYearOutOfRange, ""},
		{"year past 9999", func(s *ClusterSpec) { s.Year = 10000 }, ErrYearOutOfRange, ""},
		{"no members", func(s *ClusterSpec) { s.Members = nil; s.Leader, s.Deputy = "", "" }, ErrTooFewMembers, ""},
		{"one member", func(s *ClusterSpec) { s.Members = s.Members[:1]; s.Deputy = "" }, ErrTooFewMembers, ""},
		{"empty unit id", func(s *ClusterSpec) { s.Members[3].ID = "" }, ErrInvalidID, ""},
		{"unit id with a tab", func(s *ClusterSpec) { s.Members[3].ID = "vinh\tphuc" }, ErrInvalidID, ""},
		{"unit id decomposed (NFD)", func(s *ClusterSpec) { s.Members[3].ID = "vi\u0303nh-phu\u0301c" }, ErrDecomposedID, ""},
		{"unit id with a zero-width joiner", func(s *ClusterSpec) { s.Members[3].ID = "vinh\u200dphuc" }, ErrDecomposedID, ""},
		{"cluster id with a combining grapheme joiner", func(s *ClusterSpec) { s.ID = "cum\u034f3" }, ErrDecomposedID, ""},
		{"more units than MaxUnits", func(s *ClusterSpec) {
			for i := len(s.Members); i <= MaxUnits; i++ {
				s.Members = append(s.Members, Unit{ID: UnitID(fmt.Sprintf("u%d", i)), Name: "Đơn vị"})
			}
		}, ErrLimit, ""},
		{"blank unit name", func(s *ClusterSpec) { s.Members[3].Name = "" }, ErrBlankName, "vinh-phuc"},
		{"duplicate unit", func(s *ClusterSpec) { s.Members[8].ID = "hai-duong" }, ErrDuplicateUnit, "hai-duong"},
		{"leader not a member", func(s *ClusterSpec) { s.Leader = "ha-noi" }, ErrLeaderNotMember, "ha-noi"},
		{"deputy not a member", func(s *ClusterSpec) { s.Deputy = "ha-noi" }, ErrDeputyNotMember, "ha-noi"},
		{"leader equals deputy", func(s *ClusterSpec) { s.Deputy = s.Leader }, ErrLeaderIsDeputy, "bac-ninh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := cluster3Spec()
			tt.edit(&s)
			_, err := NewCluster(s)
			require.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^thidua: `, err.Error())
			if tt.unitID != "" {
				var ue *UnitError
				require.ErrorAs(t, err, &ue)
				assert.Equal(t, tt.unitID, ue.ID)
				assert.Contains(t, err.Error(), `"`+string(tt.unitID)+`"`)
			}
		})
	}
}

func TestReorganizeBadInput(t *testing.T) {
	c := cluster3In2024()
	rename := func(year int, from UnitID, into Unit) UnitChange {
		return UnitChange{Year: year, From: []UnitID{from}, Into: into}
	}
	tests := []struct {
		name    string
		year    int
		changes []UnitChange
		want    error
		index   int // the change the *PartError names; -1 for none
	}{
		{"unknown unit", 2025, []UnitChange{{Year: 2025, From: []UnitID{"bac-giang", "bac-ninh"}, Into: sokhcn("bac-ninh", "Bắc Ninh")}}, ErrUnknownUnit, 0},
		{"merger lists a unit twice", 2025, []UnitChange{{Year: 2025, From: []UnitID{"ha-nam", "ha-nam"}, Into: sokhcn("ha-nam", "Hà Nam")}}, ErrSelfChange, 0},
		{"rename that changes nothing", 2025, []UnitChange{rename(2025, "ha-nam", cluster3Units[8])}, ErrSelfChange, 0},
		{"two changes claim one unit in a year", 2025, []UnitChange{
			rename(2025, "ha-nam", sokhcn("ha-nam", "Hà Nam")),
			{Year: 2025, From: []UnitID{"nam-dinh", "ha-nam"}, Into: sokhcn("nam-dinh", "Nam Định")},
		}, ErrConflictingChange, 1},
		{"change year out of range", 2025, []UnitChange{rename(1800, "ha-nam", sokhcn("ha-nam", "Hà Nam"))}, ErrYearOutOfRange, 0},
		{"change with no predecessor", 2025, []UnitChange{{Year: 2025, Into: sokhcn("ha-nam", "Hà Nam")}}, ErrEmptyChange, 0},
		{"successor with a blank name", 2025, []UnitChange{rename(2025, "ha-nam", Unit{ID: "ha-nam"})}, ErrBlankName, 0},
		{"successor takes another member's id", 2025, []UnitChange{rename(2025, "ha-nam", sokhcn("nam-dinh", "Nam Định"))}, ErrDuplicateUnit, 0},
		{"roster year before the cluster's", 2023, nil, ErrChangeBeforeRoster, -1},
		{"roster year out of range", 12000, nil, ErrYearOutOfRange, -1},
		{"merger leaves one member", 2025, []UnitChange{{Year: 2025, From: c.MemberIDs(), Into: sokhcn("dbsh", "Đồng bằng sông Hồng")}}, ErrTooFewMembers, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Reorganize(tt.year, tt.changes)
			require.ErrorIs(t, err, tt.want)
			assert.Regexp(t, `^thidua: `, err.Error())
			ce := partError(err)
			if tt.index < 0 {
				assert.Nil(t, ce, "no change is at fault: %v", err)
				return
			}
			require.NotNil(t, ce, "%v", err)
			assert.True(t, strings.HasPrefix(ce.Part, fmt.Sprintf("unit change %d (", tt.index)), "the change named: %q", ce.Part)
		})
	}
}

func TestClusterLookups(t *testing.T) {
	c := cluster3()
	assert.Equal(t, 9, c.Len())
	assert.Equal(t, 2023, c.Year())
	assert.Equal(t, KindCluster, c.Kind())
	assert.Equal(t, "cụm trưởng", RoleLeader.Vietnamese(c.Kind()))
	assert.Equal(t, "khối phó", RoleDeputy.Vietnamese(KindBlock))
	assert.Equal(t, RoleLeader, c.RoleOf("bac-ninh"))
	assert.Equal(t, RoleDeputy, c.RoleOf("nam-dinh"))
	assert.Equal(t, RoleMember, c.RoleOf("ha-nam"))
	assert.Equal(t, RoleNone, c.RoleOf("ha-noi"))
	assert.True(t, c.IsMember("quang-ninh"))
	assert.False(t, c.IsMember("ha-noi"))
	u, ok := c.Unit("vinh-phuc")
	require.True(t, ok)
	assert.Equal(t, "Vĩnh Phúc", u.Label())
	assert.Equal(t, "ha-noi", c.Label("ha-noi"))
	ids := c.MemberIDs()
	for i, u := range cluster3Units {
		assert.Equal(t, u.ID, ids[i], "roster order is kept")
	}
	assert.Equal(t, "Cụm thi đua số 3 (2023, 9 members, leader bac-ninh, deputy nam-dinh)", c.String())
}

func TestClusterIsAValue(t *testing.T) {
	spec := cluster3Spec()
	c := MustCluster(spec)
	spec.Members[0].Name = "changed after construction"
	u, _ := c.Unit("bac-ninh")
	assert.Equal(t, cluster3Units[0].Name, u.Name, "NewCluster copies the members")

	m := c.Members()
	m[1].Name = "changed through Members"
	u, _ = c.Unit("nam-dinh")
	assert.Equal(t, cluster3Units[1].Name, u.Name, "Members returns a copy")

	d, err := c.WithLeadership("nam-dinh", "hai-duong")
	require.NoError(t, err)
	assert.Equal(t, UnitID("bac-ninh"), c.Leader(), "the original is unchanged")
	assert.Equal(t, UnitID("nam-dinh"), d.Leader())
	assert.Equal(t, UnitID("hai-duong"), d.Deputy())
	assert.False(t, c.Equal(d))

	_, err = c.WithLeadership("nam-dinh", "nam-dinh")
	assert.ErrorIs(t, err, ErrLeaderIsDeputy)

	next, err := c.WithYear(2024)
	require.NoError(t, err)
	assert.Equal(t, 2024, next.Year())
	assert.Equal(t, 2023, c.Year())
}

func TestVacantPosts(t *testing.T) {
	s := cluster3Spec()
	s.Leader, s.Deputy = "", ""
	c, err := NewCluster(s)
	require.NoError(t, err)
	assert.Equal(t, RoleMember, c.RoleOf("bac-ninh"))
	assert.Contains(t, c.String(), "leader vacant, deputy vacant")
}

// The 2025 reorganisation applied to the 2024 roster (Nam Định leader, Hải Dương
// deputy): nine departments become six, and the leadership follows its units.
func TestReorganize2025Cluster3(t *testing.T) {
	c := cluster3In2024()
	r, err := c.Reorganize(2025, reorg2025)
	require.NoError(t, err)

	got := r.Cluster
	assert.Equal(t, 2025, got.Year())
	assert.Equal(t, []UnitID{"bac-ninh", "ninh-binh", "phu-tho", "hung-yen", "quang-ninh", "hai-phong"}, got.MemberIDs())
	assert.Equal(t, UnitID("ninh-binh"), got.Leader(), "Nam Định's successor leads")
	assert.Equal(t, UnitID("hai-phong"), got.Deputy(), "Hải Dương's successor is deputy")
	assert.False(t, r.DeputyVacated)
	assert.Len(t, r.Applied, 6)

	wantSucc := map[UnitID]UnitID{
		"bac-ninh": "bac-ninh", "nam-dinh": "ninh-binh", "ninh-binh": "ninh-binh",
		"vinh-phuc": "phu-tho", "hung-yen": "hung-yen", "quang-ninh": "quang-ninh",
		"thai-binh": "hung-yen", "hai-duong": "hai-phong", "ha-nam": "ninh-binh",
	}
	assert.Equal(t, wantSucc, r.Successors)
	u, _ := got.Unit("ninh-binh")
	assert.Equal(t, "Sở Khoa học và Công nghệ tỉnh Ninh Bình", u.Name)

	// The original roster is untouched, and a later year sees the same changes.
	assert.Equal(t, 9, c.Len())
	r26, err := c.Reorganize(2026, reorg2025)
	require.NoError(t, err)
	assert.Equal(t, got.MemberIDs(), r26.Cluster.MemberIDs())
	assert.Equal(t, 2026, r26.Cluster.Year())

	// Changes that took effect before the roster's year are history: a 2025
	// roster sees none of them again.
	r25, err := got.Reorganize(2026, reorg2025)
	require.NoError(t, err)
	assert.Empty(t, r25.Applied)
	assert.Equal(t, got.MemberIDs(), r25.Cluster.MemberIDs())
}

func TestReorganizeVacatesDeputyMergedIntoLeader(t *testing.T) {
	// In 2023 Bắc Ninh led and Nam Định was deputy; had the 2025 mergers come then
	// with Nam Định's deputy, both posts would point at one unit.
	s := cluster3Spec()
	s.Leader, s.Deputy = "nam-dinh", "ha-nam"
	c := MustCluster(s)
	r, err := c.Reorganize(2025, reorg2025)
	require.NoError(t, err)
	assert.Equal(t, UnitID("ninh-binh"), r.Cluster.Leader())
	assert.Equal(t, UnitID(""), r.Cluster.Deputy())
	assert.True(t, r.DeputyVacated)
}

func TestReorganizeChainsAcrossYears(t *testing.T) {
	c := cluster3()
	changes := []UnitChange{
		{Year: 2025, From: []UnitID{"thai-binh", "hung-yen"}, Into: sokhcn("hung-yen", "Hưng Yên")},
		{Year: 2024, From: []UnitID{"thai-binh"}, Into: Unit{ID: "thai-binh", Name: "Sở TT&TT Thái Bình (renamed)"}},
		{Year: 2030, From: []UnitID{"hung-yen"}, Into: Unit{ID: "hy", Name: "Future"}},
	}
	r, err := c.Reorganize(2026, changes)
	require.NoError(t, err)
	require.Len(t, r.Applied, 2, "the 2030 change is in the future")
	assert.Equal(t, 2024, r.Applied[0].Year, "changes apply in year order")
	assert.Equal(t, UnitID("hung-yen"), r.Successors["thai-binh"])
	assert.Equal(t, 8, r.Cluster.Len())
	assert.True(t, changes[0].IsMerger(), "three units into one")
	assert.False(t, changes[1].IsMerger(), "one unit renamed")
}

func TestClusterJSONRoundTrip(t *testing.T) {
	c := cluster3()
	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"cluster"`)
	var d Cluster
	require.NoError(t, json.Unmarshal(b, &d))
	assert.True(t, c.Equal(d))
	b2, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
}

func TestClusterJSONValidates(t *testing.T) {
	tests := []struct {
		name, json string
		want       error
	}{
		{"unknown kind", `{"id":"c","name":"C","kind":"group","year":2023,"members":[{"id":"a","name":"A"},{"id":"b","name":"B"}]}`, ErrInvalidKind},
		{"leader not a member", `{"id":"c","name":"C","kind":"block","year":2023,"members":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"leader":"z"}`, ErrLeaderNotMember},
		{"one member", `{"id":"c","name":"C","kind":"block","year":2023,"members":[{"id":"a","name":"A"}]}`, ErrTooFewMembers},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Cluster
			assert.ErrorIs(t, json.Unmarshal([]byte(tt.json), &c), tt.want)
		})
	}
	_, err := json.Marshal(Cluster{})
	assert.ErrorIs(t, err, ErrTooFewMembers, "the zero Cluster does not encode")
}

func TestKindAndRoleText(t *testing.T) {
	for _, k := range []ClusterKind{KindCluster, KindBlock} {
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back ClusterKind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	assert.Equal(t, "khối thi đua", KindBlock.Vietnamese())
	_, err := ClusterKind(7).MarshalText()
	assert.ErrorIs(t, err, ErrInvalidKind)
	for r := RoleNone; r <= RoleDeputy; r++ {
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back Role
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	var r Role
	assert.ErrorIs(t, r.UnmarshalText([]byte("chair")), ErrInvalidRole)
	assert.Equal(t, "Role(9)", Role(9).String())
}

func FuzzClusterJSON(f *testing.F) {
	seed, _ := json.Marshal(cluster3())
	f.Add(seed)
	f.Add([]byte(`{"id":"c","name":"C","kind":"block","year":2023,"members":[{"id":"a","name":"A"},{"id":"b","name":"B"}],"leader":"a","deputy":"b"}`))
	f.Add([]byte(`{"id":"c","name":"C","kind":"cluster","year":1948,"members":[{"id":"a","name":"A"},{"id":"a","name":"B"}]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Cluster
		if err := json.Unmarshal(data, &c); err != nil {
			return
		}
		// Whatever decodes is a valid cluster...
		_, err := NewCluster(c.Spec())
		require.NoError(t, err)
		if c.Leader() != "" {
			require.Equal(t, RoleLeader, c.RoleOf(c.Leader()))
		}
		// ...and re-encodes to the same value, byte-stable.
		b, err := json.Marshal(c)
		require.NoError(t, err)
		var d Cluster
		require.NoError(t, json.Unmarshal(b, &d))
		require.True(t, c.Equal(d))
		b2, err := json.Marshal(d)
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2))
	})
}

// Property: Reorganize maps every member to a member of the new roster, the
// new roster has one unit fewer for each predecessor a merger absorbs, and the
// leader follows its unit.
func FuzzReorganize(f *testing.F) {
	f.Add(uint64(1), uint8(3))
	f.Add(uint64(2), uint8(9))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		rng := rand.New(rand.NewPCG(seed, 3))
		c := cluster3()
		ids := c.MemberIDs()
		var changes []UnitChange
		for i := 0; i < int(n%12); i++ {
			k := 1 + rng.IntN(3)
			from := make([]UnitID, 0, k)
			for _, p := range rng.Perm(len(ids))[:k] {
				from = append(from, ids[p])
			}
			into := Unit{ID: UnitID(fmt.Sprintf("u%d", i)), Name: fmt.Sprintf("Unit %d", i)}
			if rng.IntN(2) == 0 {
				into.ID = from[0] // the successor may keep a predecessor's ID
			}
			changes = append(changes, UnitChange{Year: 2024 + rng.IntN(3), From: from, Into: into})
		}
		r, err := c.Reorganize(2026, changes)
		if err != nil {
			if partError(err) == nil {
				require.ErrorIs(t, err, ErrTooFewMembers)
			}
			return
		}
		absorbed := 0
		for _, ch := range r.Applied {
			absorbed += len(ch.From) - 1
		}
		require.Equal(t, c.Len()-absorbed, r.Cluster.Len())
		for _, id := range ids {
			to, ok := r.Successors[id]
			require.True(t, ok, "%s has a successor", id)
			require.True(t, r.Cluster.IsMember(to), "%s's successor %s is a member", id, to)
		}
		require.Equal(t, r.Successors[c.Leader()], r.Cluster.Leader())
		if !r.DeputyVacated {
			require.Equal(t, r.Successors[c.Deputy()], r.Cluster.Deputy())
		}
	})
}
