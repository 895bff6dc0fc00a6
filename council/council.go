package council

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/thidua/thidua"
)

// MemberID identifies a person at a council session: a member, a substitute
// or a guest. It follows the rules of thidua.UnitID: 1 to 64 bytes of UTF-8
// without white space or control characters.
type MemberID string

// Validate reports whether id is well formed, as a *MemberError wrapping
// ErrInvalidMember.
func (id MemberID) Validate() error {
	s := string(id)
	if s == "" || len(s) > 64 || !utf8.ValidString(s) || strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}) >= 0 {
		return &MemberError{ID: id, Err: ErrInvalidMember}
	}
	return nil
}

// Role is a member's role on the council (chức danh trong Hội đồng). The zero
// Role is not valid.
type Role uint8

// The roles on an Emulation and Commendation Council.
const (
	RoleChair     Role = iota + 1 // Chủ tịch Hội đồng
	RoleViceChair                 // Phó Chủ tịch Hội đồng
	RoleMember                    // Ủy viên
)

var roleNames = [...]struct{ key, vi, en string }{
	RoleChair:     {"chair", "Chủ tịch Hội đồng", "Chair"},
	RoleViceChair: {"vice-chair", "Phó Chủ tịch Hội đồng", "Vice-Chair"},
	RoleMember:    {"member", "Ủy viên", "Member"},
}

// IsValid reports whether r is one of the defined roles.
func (r Role) IsValid() bool { return r >= RoleChair && r <= RoleMember }

// String returns the role's key: "chair", "vice-chair" or "member".
func (r Role) String() string {
	if !r.IsValid() {
		return fmt.Sprintf("Role(%d)", uint8(r))
	}
	return roleNames[r].key
}

// Vietnamese returns the role as minutes say it, such as "Chủ tịch Hội đồng".
func (r Role) Vietnamese() string {
	if !r.IsValid() {
		return r.String()
	}
	return roleNames[r].vi
}

// English returns the role in English, such as "Vice-Chair".
func (r Role) English() string {
	if !r.IsValid() {
		return r.String()
	}
	return roleNames[r].en
}

// MarshalText encodes a valid role as its key.
func (r Role) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, &FieldError{Field: "role", Value: r.String(), Err: ErrInvalidMember}
	}
	return []byte(r.String()), nil
}

// UnmarshalText accepts the keys String returns.
func (r *Role) UnmarshalText(b []byte) error {
	for i := RoleChair; i <= RoleMember; i++ {
		if roleNames[i].key == string(b) {
			*r = i
			return nil
		}
	}
	return &FieldError{Field: "role", Value: string(b), Err: ErrInvalidMember}
}

// Member is one member of the council (thành viên Hội đồng): a person with a
// role.
type Member struct {
	// ID identifies the member in attendance lists and ballots.
	ID MemberID `json:"id"`
	// Person is the member's name, position and unit.
	thidua.Person
	// Role is chair, vice-chair or member.
	Role Role `json:"role"`
}

// Term is the council's term of office (nhiệm kỳ), both days inclusive; the
// zero Until means open-ended.
type Term struct {
	// From is the first day of the term.
	From thidua.Date `json:"from"`
	// Until is the last day of the term; zero means open-ended.
	Until thidua.Date `json:"until"`
}

// Covers reports whether day d falls in the term.
func (t Term) Covers(d thidua.Date) bool {
	return t.From.Compare(d) <= 0 && (t.Until.IsZero() || d.Compare(t.Until) <= 0)
}

// Council is an Emulation and Commendation Council (Hội đồng Thi đua - Khen
// thưởng) of a ministry or province: its members, each once, exactly one of
// them chair, for a term. It is plain data; Session.Conclude validates it.
type Council struct {
	// Name is the council's name, such as "Hội đồng Thi đua - Khen thưởng Bộ
	// Khoa học và Công nghệ".
	Name string `json:"name"`
	// Body is the ministry or province the council serves (cơ quan).
	Body string `json:"body"`
	// Term is the council's term of office.
	Term Term `json:"term"`
	// Members are the council's members in the order of the decision that
	// set it up; thresholds are shares of all of them (Nghị định 98/2023/NĐ-CP
	// Điều 30 khoản 7: tổng số thành viên của Hội đồng).
	Members []Member `json:"members"`
}

// Member returns the member with the given ID, and whether there is one.
func (c Council) Member(id MemberID) (Member, bool) {
	for _, m := range c.Members {
		if m.ID == id {
			return m, true
		}
	}
	return Member{}, false
}

// Chair returns the council's chair, and whether it has exactly one.
func (c Council) Chair() (Member, bool) {
	var chair Member
	n := 0
	for _, m := range c.Members {
		if m.Role == RoleChair {
			chair, n = m, n+1
		}
	}
	return chair, n == 1
}

// Validate reports a council that cannot sit: a blank name, an invalid term,
// an invalid member (ErrInvalidMember), a member listed twice
// (ErrDuplicateMember), or not exactly one chair (ErrNoChair).
func (c Council) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return &FieldError{Field: "council name", Value: c.Name, Err: ErrInvalidMember}
	}
	if err := c.Term.From.Validate(); err != nil {
		return &FieldError{Field: "term from", Value: c.Term.From.String(), Err: err}
	}
	if !c.Term.Until.IsZero() {
		if err := c.Term.Until.Validate(); err != nil || c.Term.Until.Compare(c.Term.From) < 0 {
			return &FieldError{Field: "term until", Value: c.Term.Until.String(), Err: ErrInvalidOption}
		}
	}
	seen := make(map[MemberID]bool, len(c.Members))
	for _, m := range c.Members {
		if err := validPerson(m.ID, m.Person); err != nil {
			return err
		}
		if !m.Role.IsValid() {
			return &MemberError{ID: m.ID, Err: ErrInvalidMember}
		}
		if seen[m.ID] {
			return &MemberError{ID: m.ID, Err: ErrDuplicateMember}
		}
		seen[m.ID] = true
	}
	if _, ok := c.Chair(); !ok {
		return &FieldError{Field: "council chair", Value: c.Name, Err: ErrNoChair}
	}
	return nil
}

func validPerson(id MemberID, p thidua.Person) error {
	if err := id.Validate(); err != nil {
		return err
	}
	if strings.TrimSpace(p.Name) == "" {
		return &MemberError{ID: id, Err: ErrInvalidMember}
	}
	if err := p.Validate(); err != nil {
		return &MemberError{ID: id, Err: fmt.Errorf("%w: %w", ErrInvalidMember, err)}
	}
	return nil
}

// Substitute is a person who attends for an absent member with a written
// mandate (người được ủy quyền, có giấy ủy quyền) and may vote in the
// member's place (TT 25/2025/TT-BKHCN Điều 23).
type Substitute struct {
	// For is the absent member represented.
	For MemberID `json:"for"`
	// ID identifies the substitute in ballots; it must differ from every
	// member's.
	ID MemberID `json:"id"`
	// Person is the substitute's name, position and unit.
	thidua.Person
	// Mandate cites the written mandate (giấy ủy quyền), such as its number
	// and date; it must not be blank.
	Mandate string `json:"mandate"`
}

// Guest is a person invited to the session (khách mời), who may speak but may
// not vote (TT 25/2025/TT-BKHCN Điều 23).
type Guest struct {
	// ID identifies the guest; it must differ from every member's.
	ID MemberID `json:"id"`
	// Person is the guest's name, position and unit.
	thidua.Person
}

// Attendance is who took part in a session (thành phần): the members present,
// the absent members who gave a written opinion, the substitutes and the
// guests, with the secretary who kept the minutes.
type Attendance struct {
	// Present lists the members present (có mặt), each once.
	Present []MemberID `json:"present"`
	// Written lists the absent members who gave their opinion in writing (ý
	// kiến bằng văn bản); it counts in the base and as their vote (Nghị định
	// 98/2023/NĐ-CP Điều 30 khoản 7).
	Written []MemberID `json:"written,omitempty"`
	// Substitutes lists those attending for absent members.
	Substitutes []Substitute `json:"substitutes,omitempty"`
	// Guests lists those invited, who may not vote.
	Guests []Guest `json:"guests,omitempty"`
	// Presiding is the member who presides (chủ trì): the chair, or a
	// vice-chair the chair delegated; zero means the chair. The presiding
	// member gives the chair's vote at a tie.
	Presiding MemberID `json:"presiding,omitempty"`
	// Secretary is who kept the minutes (thư ký).
	Secretary thidua.Person `json:"secretary"`
}
