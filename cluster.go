package thidua

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinYear and MaxYear bound every year the library accepts. 1948 is the year of
// the call to patriotic emulation (Lời kêu gọi thi đua ái quốc, 11/06/1948); no
// emulation cluster can predate it. The upper bound only guards against typos.
const (
	MinYear = 1948
	MaxYear = 9999
)

// UnitID identifies a unit (đơn vị): a member of a cluster, such as a provincial
// department. It is chosen by the caller ("bac-ninh", "so-tttt-nam-dinh") and must
// be 1 to 64 bytes of UTF-8 without white space, control characters, combining
// marks or invisible characters: a Vietnamese name is written in its
// precomposed (NFC) form, "bắc-ninh" with U+1EAF, so each ID has one spelling. The zero
// UnitID is not a valid ID; where a post may be vacant, the zero UnitID means
// "vacant".
type UnitID string

// Validate reports whether id is a well-formed identifier, as a *FieldError
// wrapping ErrInvalidID, or ErrDecomposedID (which also matches ErrInvalidID)
// for a combining mark or invisible character: use the precomposed (NFC) form.
func (id UnitID) Validate() error {
	if err := idErr(string(id)); err != nil {
		return &FieldError{Field: "unit id", Value: string(id), Err: err}
	}
	return nil
}

// ClusterID identifies a cluster (cụm thi đua) or block (khối thi đua), such as
// "mic-cluster-3". The same rules apply as for UnitID.
type ClusterID string

// Validate reports whether id is a well-formed identifier, as a *FieldError
// wrapping ErrInvalidID, or ErrDecomposedID (which also matches ErrInvalidID)
// for a combining mark or invisible character: use the precomposed (NFC) form.
func (id ClusterID) Validate() error {
	if err := idErr(string(id)); err != nil {
		return &FieldError{Field: "cluster id", Value: string(id), Err: err}
	}
	return nil
}

// idErr returns nil for a well-formed identifier, ErrDecomposedID for one with
// a combining mark or an invisible or format character, and ErrInvalidID
// otherwise. The standard library has no Unicode normaliser, so instead of
// folding spellings together the library accepts only the one spelling that
// needs no combining mark: every Vietnamese letter has a precomposed form
// (NFC), and an identifier typed in it contains no mark at all.
func idErr(s string) error {
	if s == "" || len(s) > MaxIDLen || !utf8.ValidString(s) {
		return ErrInvalidID
	}
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r <= ' ' || r == 0x7f {
				return ErrInvalidID
			}
			continue
		}
		if invisible(r) {
			return ErrDecomposedID
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || !unicode.IsPrint(r) {
			return ErrInvalidID
		}
	}
	return nil
}

// invisible reports a rune that changes how its neighbour looks, or shows
// nothing: a combining mark (Mn, Me, which includes the variation selectors
// and U+034F combining grapheme joiner), a format character (Cf: zero-width
// joiners, soft hyphen, bidirectional controls, byte-order mark) or another
// default-ignorable code point (Hangul fillers and the like).
func invisible(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Other_Default_Ignorable_Code_Point)
}

func blank(s string) bool { return strings.TrimSpace(s) == "" }

// Unit is one member of a cluster: a collective (tập thể) such as a provincial
// Department of Information and Communications (Sở Thông tin và Truyền thông).
// Name is the official name (tên chính thức); ShortName, if set, is what tables
// and minutes print. A Unit is plain data; NewCluster validates it.
type Unit struct {
	// ID identifies the unit across years and documents; it must be unique
	// in the cluster.
	ID UnitID `json:"id"`
	// Name is the official name (tên chính thức); it must not be blank.
	Name string `json:"name"`
	// ShortName is the name tables and minutes print; empty means Name.
	ShortName string `json:"short_name,omitempty"`
}

// Label returns the short name if there is one, else the official name.
func (u Unit) Label() string {
	if u.ShortName != "" {
		return u.ShortName
	}
	return u.Name
}

// Validate reports whether the unit has a valid ID and a non-blank name.
func (u Unit) Validate() error {
	if err := u.ID.Validate(); err != nil {
		return err
	}
	if blank(u.Name) {
		return &UnitError{ID: u.ID, Err: &FieldError{Field: "name", Value: u.Name, Err: ErrBlankName}}
	}
	return nil
}

// ClusterKind says whether a grouping is an emulation cluster (cụm thi đua: units of one
// kind, such as the departments of several provinces) or an emulation block
// (khối thi đua: units grouped by function). The rules are the same for both; the
// kind only changes the words. The zero ClusterKind is not valid.
type ClusterKind uint8

// The kinds of grouping.
const (
	KindCluster ClusterKind = iota + 1 // cụm thi đua
	KindBlock                          // khối thi đua
)

var kinds = enum[ClusterKind]{typ: "Kind", field: "kind", first: KindCluster,
	en:  []string{"", "cluster", "block"},
	vi:  []string{"", "cụm thi đua", "khối thi đua"},
	err: ErrInvalidKind}

// IsValid reports whether k is KindCluster or KindBlock.
func (k ClusterKind) IsValid() bool { return kinds.valid(k) }

// String returns "cluster" or "block" (the form used in JSON).
func (k ClusterKind) String() string { return kinds.name(k) }

// Vietnamese returns "cụm thi đua" or "khối thi đua".
func (k ClusterKind) Vietnamese() string { return kinds.vietnamese(k) }

// MarshalText encodes a valid kind as its English name.
func (k ClusterKind) MarshalText() ([]byte, error) { return kinds.marshal(k) }

// UnmarshalText accepts "cluster" or "block".
func (k *ClusterKind) UnmarshalText(b []byte) error { return kinds.set(k, b) }

// Role is a unit's place in a cluster for the year: leader (cụm trưởng or khối
// trưởng), deputy (cụm phó or khối phó) or plain member (thành viên). The zero
// Role, RoleNone, means the unit is not a member.
type Role uint8

// The roles of a unit in a cluster.
const (
	RoleNone   Role = iota // not a member
	RoleMember             // thành viên
	RoleLeader             // cụm trưởng / khối trưởng
	RoleDeputy             // cụm phó / khối phó
)

var roles = enum[Role]{typ: "Role", field: "role", first: RoleNone,
	en:  []string{"none", "member", "leader", "deputy"},
	vi:  []string{"không phải thành viên", "thành viên", "trưởng", "phó"},
	err: ErrInvalidRole}

// IsValid reports whether r is one of the defined roles (RoleNone included).
func (r Role) IsValid() bool { return roles.valid(r) }

// String returns the English name used in JSON: "none", "member", "leader", "deputy".
func (r Role) String() string { return roles.name(r) }

// Vietnamese returns the role in Vietnamese for a grouping of kind k:
// "cụm trưởng", "khối phó", "thành viên", ...
func (r Role) Vietnamese(k ClusterKind) string {
	if r == RoleLeader || r == RoleDeputy {
		word := "cụm"
		if k == KindBlock {
			word = "khối"
		}
		return word + " " + roles.vietnamese(r)
	}
	return roles.vietnamese(r)
}

// MarshalText encodes a valid role as its English name.
func (r Role) MarshalText() ([]byte, error) { return roles.marshal(r) }

// UnmarshalText accepts the names String returns.
func (r *Role) UnmarshalText(b []byte) error { return roles.set(r, b) }

// ClusterSpec is the plain description of one year's roster of a cluster, as the
// organising body (the ministry or the provincial council) sets it. NewCluster
// validates it; Cluster.Spec returns it. Leader and Deputy may be the zero UnitID,
// meaning the post is vacant.
type ClusterSpec struct {
	// ID identifies the cluster (mã cụm).
	ID ClusterID `json:"id"`
	// Name is the cluster's name as documents print it, such as "Cụm thi
	// đua số 3".
	Name      string `json:"name"`
	Organizer string `json:"organizer,omitempty"` // đơn vị tổ chức: the ministry or province
	// Kind says whether it is a cluster (cụm) or a block (khối); it must be
	// set.
	Kind ClusterKind `json:"kind"`
	// Year is the emulation year (năm thi đua) the roster is for.
	Year int `json:"year"`
	// Members are the units of the cluster (đơn vị thành viên), each once.
	Members []Unit `json:"members"`
	// Leader is the leader unit (cụm trưởng), a member; empty means vacant.
	Leader UnitID `json:"leader,omitempty"`
	// Deputy is the deputy leader unit (cụm phó), a member other than the
	// leader; empty means vacant.
	Deputy UnitID `json:"deputy,omitempty"`
}

// Cluster is one year's roster of an emulation cluster (cụm thi đua) or block
// (khối thi đua): its members in the order the organiser lists them, and the
// leader (cụm trưởng) and deputy (cụm phó) for that year. A Cluster is immutable
// and safe for concurrent use; methods that change it return a new value. Build
// one with NewCluster. The zero Cluster has no members and is not valid.
type Cluster struct {
	spec  ClusterSpec
	index map[UnitID]int // position in spec.Members; never written after construction
}

// NewCluster validates spec and returns the cluster it describes. It checks the
// identifiers and names, that there are at least two members and no duplicates,
// that the year is in range, and that leader and deputy, where set, are
// distinct members. More than MaxUnits members is a *FieldError wrapping
// ErrLimit. The members are copied, so later changes to spec do not reach the
// cluster.
func NewCluster(spec ClusterSpec) (Cluster, error) {
	if err := spec.ID.Validate(); err != nil {
		return Cluster{}, err
	}
	if blank(spec.Name) {
		return Cluster{}, &FieldError{Field: "cluster name", Value: spec.Name, Err: ErrBlankName}
	}
	if !spec.Kind.IsValid() {
		return Cluster{}, &FieldError{Field: "kind", Value: spec.Kind.String(), Err: ErrInvalidKind}
	}
	if err := checkYear("cluster year", spec.Year); err != nil {
		return Cluster{}, err
	}
	if len(spec.Members) < 2 {
		return Cluster{}, fmt.Errorf("%w (got %d)", ErrTooFewMembers, len(spec.Members))
	}
	if err := checkLimit("units", len(spec.Members), MaxUnits); err != nil {
		return Cluster{}, err
	}
	index := make(map[UnitID]int, len(spec.Members))
	for i, u := range spec.Members {
		if err := u.Validate(); err != nil {
			return Cluster{}, err
		}
		if _, dup := index[u.ID]; dup {
			return Cluster{}, &UnitError{ID: u.ID, Err: ErrDuplicateUnit}
		}
		index[u.ID] = i
	}
	if spec.Leader != "" {
		if _, ok := index[spec.Leader]; !ok {
			return Cluster{}, &UnitError{ID: spec.Leader, Err: ErrLeaderNotMember}
		}
	}
	if spec.Deputy != "" {
		if _, ok := index[spec.Deputy]; !ok {
			return Cluster{}, &UnitError{ID: spec.Deputy, Err: ErrDeputyNotMember}
		}
		if spec.Deputy == spec.Leader {
			return Cluster{}, &UnitError{ID: spec.Deputy, Err: ErrLeaderIsDeputy}
		}
	}
	spec.Members = slices.Clone(spec.Members)
	return Cluster{spec: spec, index: index}, nil
}

// MustCluster is NewCluster for tests and examples with literal input: it panics
// if spec is invalid.
func MustCluster(spec ClusterSpec) Cluster {
	c, err := NewCluster(spec)
	if err != nil {
		panic(err)
	}
	return c
}

func checkYear(what string, year int) error {
	if year < MinYear || year > MaxYear {
		return yearError(what, year, ErrYearOutOfRange)
	}
	return nil
}

// ID returns the cluster's identifier.
func (c Cluster) ID() ClusterID { return c.spec.ID }

// Name returns the cluster's name, such as "Cụm thi đua số 3".
func (c Cluster) Name() string { return c.spec.Name }

// Organizer returns the body that organises the cluster (the ministry or province).
func (c Cluster) Organizer() string { return c.spec.Organizer }

// Kind returns whether this is a cluster (cụm) or a block (khối).
func (c Cluster) Kind() ClusterKind { return c.spec.Kind }

// Year returns the emulation year this roster is for.
func (c Cluster) Year() int { return c.spec.Year }

// Len returns the number of members.
func (c Cluster) Len() int { return len(c.spec.Members) }

// Members returns a copy of the members in roster order (the order the organiser
// listed them, which minutes follow).
func (c Cluster) Members() []Unit { return slices.Clone(c.spec.Members) }

// MemberIDs returns the members' IDs in roster order.
func (c Cluster) MemberIDs() []UnitID {
	ids := make([]UnitID, len(c.spec.Members))
	for i, u := range c.spec.Members {
		ids[i] = u.ID
	}
	return ids
}

// Unit returns the member with the given ID, and whether there is one.
func (c Cluster) Unit(id UnitID) (Unit, bool) {
	i, ok := c.index[id]
	if !ok {
		return Unit{}, false
	}
	return c.spec.Members[i], true
}

// IsMember reports whether id is a member this year.
func (c Cluster) IsMember(id UnitID) bool {
	_, ok := c.index[id]
	return ok
}

// Label returns the display name of the member id, or the ID itself for a
// non-member, so that minutes never print an empty cell.
func (c Cluster) Label(id UnitID) string {
	if u, ok := c.Unit(id); ok {
		return u.Label()
	}
	return string(id)
}

// Leader returns the leader (cụm trưởng), or the zero UnitID if the post is vacant.
func (c Cluster) Leader() UnitID { return c.spec.Leader }

// Deputy returns the deputy (cụm phó), or the zero UnitID if the post is vacant.
func (c Cluster) Deputy() UnitID { return c.spec.Deputy }

// RoleOf returns the role of id in the cluster this year; RoleNone if it is not a
// member.
func (c Cluster) RoleOf(id UnitID) Role {
	switch {
	case !c.IsMember(id):
		return RoleNone
	case id == c.spec.Leader:
		return RoleLeader
	case id == c.spec.Deputy:
		return RoleDeputy
	}
	return RoleMember
}

// Spec returns the plain description of the cluster, with its own copy of the
// members.
func (c Cluster) Spec() ClusterSpec {
	s := c.spec
	s.Members = slices.Clone(s.Members)
	return s
}

// WithLeadership returns a copy of the cluster with the given leader and deputy
// (either may be the zero UnitID for a vacant post), validated as NewCluster does.
func (c Cluster) WithLeadership(leader, deputy UnitID) (Cluster, error) {
	s := c.Spec()
	s.Leader, s.Deputy = leader, deputy
	return NewCluster(s)
}

// WithYear returns a copy of the roster for another year, unchanged otherwise.
// Use Reorganize when units were renamed or merged in between.
func (c Cluster) WithYear(year int) (Cluster, error) {
	s := c.Spec()
	s.Year = year
	return NewCluster(s)
}

// Equal reports whether c and d describe the same roster: same fields, same
// members in the same order.
func (c Cluster) Equal(d Cluster) bool {
	a, b := c.spec, d.spec
	return a.ID == b.ID && a.Name == b.Name && a.Organizer == b.Organizer &&
		a.Kind == b.Kind && a.Year == b.Year && a.Leader == b.Leader &&
		a.Deputy == b.Deputy && slices.Equal(a.Members, b.Members)
}

// String returns a one-line summary, such as
// "Cụm thi đua số 3 (2023, 9 members, leader bac-ninh, deputy nam-dinh)".
func (c Cluster) String() string {
	return fmt.Sprintf("%s (%d, %d members, leader %s, deputy %s)",
		c.spec.Name, c.spec.Year, len(c.spec.Members), orVacant(c.spec.Leader), orVacant(c.spec.Deputy))
}

func orVacant(id UnitID) string {
	if id == "" {
		return "vacant"
	}
	return string(id)
}

// MarshalJSON encodes the cluster as its ClusterSpec.
func (c Cluster) MarshalJSON() ([]byte, error) {
	if c.index == nil {
		return nil, fmt.Errorf("%w (the zero Cluster)", ErrTooFewMembers)
	}
	return json.Marshal(c.spec)
}

// UnmarshalJSON decodes a ClusterSpec and validates it as NewCluster does.
func (c *Cluster) UnmarshalJSON(b []byte) error {
	var s ClusterSpec
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := NewCluster(s)
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// UnitChange records that from Year on, the units From are replaced by the unit
// Into: a rename when From has one unit (the Sở Thông tin và Truyền thông of a
// province becoming its Sở Khoa học và Công nghệ in 2025), a merger when it has
// several (Nam Định, Hà Nam and Ninh Bình becoming Ninh Bình, Nghị quyết
// 202/2025/QH15). Into may reuse the ID of one of From.
type UnitChange struct {
	Year int      `json:"year"` // the first roster year that sees the change
	From []UnitID `json:"from"` // the units replaced: one for a rename, several for a merger
	Into Unit     `json:"into"` // the unit that replaces them
}

// IsMerger reports whether the change is a merger (hợp nhất, sáp nhập):
// several units become one. A change of one predecessor is a rename (đổi tên).
func (ch UnitChange) IsMerger() bool { return len(ch.From) > 1 }

// Validate checks the change on its own: year in range, at least one predecessor,
// valid IDs, no predecessor listed twice, and a valid successor.
func (ch UnitChange) Validate() error {
	if err := checkYear("change year", ch.Year); err != nil {
		return err
	}
	if len(ch.From) == 0 {
		return ErrEmptyChange
	}
	for i, id := range ch.From {
		if err := id.Validate(); err != nil {
			return err
		}
		if slices.Contains(ch.From[:i], id) {
			return &UnitError{ID: id, Err: ErrSelfChange}
		}
	}
	return ch.Into.Validate()
}

// Reorganization is the result of Cluster.Reorganize: the roster for the new year
// and how each former member maps onto it.
type Reorganization struct {
	// Cluster is the roster for the requested year. Leader and deputy are carried
	// to their successors; a post whose holder merged into the other post's
	// holder is vacant.
	Cluster Cluster `json:"cluster"`
	// Successors maps every member of the original roster to the unit that stands
	// for it in the new one (itself when nothing changed).
	Successors map[UnitID]UnitID `json:"successors"`
	// Applied lists the changes that took effect, in the order applied.
	Applied []UnitChange `json:"applied"`
	// DeputyVacated is true when the deputy merged into the leader's successor, so
	// that the deputy post is vacant until a new deputy is chosen.
	DeputyVacated bool `json:"deputy_vacated,omitempty"`
}

// Reorganize returns the roster for year after applying the renames and mergers
// that take effect after the cluster's own year and no later than year (changes
// of other years are history or future, and do not apply). Changes of one year
// are applied in the order given; every predecessor a change names must be a
// member at that point, so pass the changes that concern this cluster. The
// leader and deputy are carried to their successors.
//
// Errors: *FieldError for a year out of range or before the cluster's year;
// *FieldError wrapping ErrLimit for more than MaxChanges changes; *PartError
// wrapping ErrEmptyChange, ErrSelfChange, ErrConflictingChange,
// ErrDuplicateUnit, ErrUnknownUnit or a unit's validation error; and any error
// NewCluster gives for the resulting roster (fewer than two members, say).
func (c Cluster) Reorganize(year int, changes []UnitChange) (Reorganization, error) {
	if c.index == nil {
		return Reorganization{}, fmt.Errorf("%w (the zero Cluster)", ErrTooFewMembers)
	}
	if err := checkYear("roster year", year); err != nil {
		return Reorganization{}, err
	}
	if year < c.spec.Year {
		return Reorganization{}, yearError("roster year", year, ErrChangeBeforeRoster)
	}
	if err := checkChanges(changes); err != nil {
		return Reorganization{}, err
	}
	order := make([]int, 0, len(changes))
	for i, ch := range changes {
		if ch.Year > c.spec.Year && ch.Year <= year {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return changes[a].Year - changes[b].Year })
	return c.apply(year, changes, order)
}

// checkChanges validates the changes on their own and against each other:
// at most MaxChanges of them, each valid, and no unit claimed twice in a year.
func checkChanges(changes []UnitChange) error {
	if err := checkLimit("unit changes", len(changes), MaxChanges); err != nil {
		return err
	}
	claimed := map[struct {
		year int
		id   UnitID
	}]bool{}
	for i, ch := range changes {
		if err := ch.Validate(); err != nil {
			return changeError(i, ch, err)
		}
		for _, id := range ch.From {
			key := struct {
				year int
				id   UnitID
			}{ch.Year, id}
			if claimed[key] {
				return changeError(i, ch, &UnitError{ID: id, Err: ErrConflictingChange})
			}
			claimed[key] = true
		}
	}
	return nil
}

// apply applies changes[i] for each i of order, in that order, to c and
// returns the roster for year. The changes must have passed checkChanges.
func (c Cluster) apply(year int, changes []UnitChange, order []int) (Reorganization, error) {
	s := c.Spec()
	succ := make(map[UnitID]UnitID, len(s.Members))
	for _, u := range s.Members {
		succ[u.ID] = u.ID
	}
	out := Reorganization{Applied: make([]UnitChange, 0, len(order))}
	for _, i := range order {
		ch := changes[i]
		members, err := applyChange(s.Members, ch)
		if err != nil {
			return Reorganization{}, changeError(i, ch, err)
		}
		s.Members = members
		for from, to := range succ {
			if slices.Contains(ch.From, to) {
				succ[from] = ch.Into.ID
			}
		}
		if slices.Contains(ch.From, s.Leader) {
			s.Leader = ch.Into.ID
		}
		if slices.Contains(ch.From, s.Deputy) {
			s.Deputy = ch.Into.ID
		}
		if s.Deputy != "" && s.Deputy == s.Leader {
			s.Deputy = ""
			out.DeputyVacated = true
		}
		out.Applied = append(out.Applied, ch)
	}
	s.Year = year
	nc, err := NewCluster(s)
	if err != nil {
		return Reorganization{}, err
	}
	out.Cluster = nc
	out.Successors = succ
	return out, nil
}

// applyChange replaces ch.From in members by ch.Into, at the place of the first
// predecessor in roster order, and returns the new member list.
func applyChange(members []Unit, ch UnitChange) ([]Unit, error) {
	for _, id := range ch.From {
		if !slices.ContainsFunc(members, func(u Unit) bool { return u.ID == id }) {
			return nil, &UnitError{ID: id, Err: ErrUnknownUnit}
		}
	}
	if len(ch.From) == 1 {
		for _, u := range members {
			if u.ID == ch.From[0] && u == ch.Into {
				return nil, &UnitError{ID: u.ID, Err: ErrSelfChange}
			}
		}
	}
	out := make([]Unit, 0, len(members))
	placed := false
	for _, u := range members {
		if !slices.Contains(ch.From, u.ID) {
			if u.ID == ch.Into.ID {
				return nil, &UnitError{ID: u.ID, Err: ErrDuplicateUnit}
			}
			out = append(out, u)
			continue
		}
		if !placed {
			out = append(out, ch.Into)
			placed = true
		}
	}
	return out, nil
}
