// Command cluster3-2023 tells the story of Emulation Cluster No. 3 of the
// Ministry of Information and Communications (Cụm thi đua số 3, Bộ TT&TT): its
// 2023 roster as the 08/12/2023 review listed it, the leadership chosen there for
// 2024, and how the 2025 reorganisation (Sở TT&TT into Sở KH&CN; the province
// mergers of Nghị quyết 202/2025/QH15) turns nine members into six.
//
// Run it from the repository root:
//
//	go run ./examples/cluster3-2023
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/thidua/thidua"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func sotttt(id thidua.UnitID, province string) thidua.Unit {
	return thidua.Unit{ID: id, Name: "Sở Thông tin và Truyền thông tỉnh " + province, ShortName: province}
}

func sokhcn(id thidua.UnitID, province string) thidua.Unit {
	return thidua.Unit{ID: id, Name: "Sở Khoa học và Công nghệ tỉnh " + province, ShortName: province}
}

func run(w io.Writer) error {
	c2023, err := thidua.NewCluster(thidua.ClusterSpec{
		ID:        "mic-cluster-3",
		Name:      "Cụm thi đua số 3",
		Organizer: "Bộ Thông tin và Truyền thông",
		Kind:      thidua.KindCluster,
		Year:      2023,
		Members: []thidua.Unit{
			sotttt("bac-ninh", "Bắc Ninh"), sotttt("nam-dinh", "Nam Định"),
			sotttt("ninh-binh", "Ninh Bình"), sotttt("vinh-phuc", "Vĩnh Phúc"),
			sotttt("hung-yen", "Hưng Yên"), sotttt("quang-ninh", "Quảng Ninh"),
			sotttt("thai-binh", "Thái Bình"), sotttt("hai-duong", "Hải Dương"),
			sotttt("ha-nam", "Hà Nam"),
		},
		Leader: "bac-ninh",
		Deputy: "nam-dinh",
	})
	if err != nil {
		return err
	}
	printRoster(w, c2023)

	// The 2023 review chose Nam Định as leader and Hải Dương as deputy for 2024.
	c2024, err := c2023.WithYear(2024)
	if err != nil {
		return err
	}
	if c2024, err = c2024.WithLeadership("nam-dinh", "hai-duong"); err != nil {
		return err
	}
	fmt.Fprintln(w)
	printRoster(w, c2024)

	// 2025, as the cluster sees it: each Sở TT&TT went into its province's Sở
	// KH&CN, and the provinces merged.
	changes := []thidua.UnitChange{
		{Year: 2025, From: []thidua.UnitID{"bac-ninh"}, Into: sokhcn("bac-ninh", "Bắc Ninh")},
		{Year: 2025, From: []thidua.UnitID{"nam-dinh", "ha-nam", "ninh-binh"}, Into: sokhcn("ninh-binh", "Ninh Bình")},
		{Year: 2025, From: []thidua.UnitID{"vinh-phuc"}, Into: sokhcn("phu-tho", "Phú Thọ")},
		{Year: 2025, From: []thidua.UnitID{"hung-yen", "thai-binh"}, Into: sokhcn("hung-yen", "Hưng Yên")},
		{Year: 2025, From: []thidua.UnitID{"quang-ninh"}, Into: sokhcn("quang-ninh", "Quảng Ninh")},
		{Year: 2025, From: []thidua.UnitID{"hai-duong"}, Into: thidua.Unit{ID: "hai-phong", Name: "Sở Khoa học và Công nghệ thành phố Hải Phòng", ShortName: "Hải Phòng"}},
	}
	r, err := c2024.Reorganize(2025, changes)
	if err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "2025 reorganisation (Nghị quyết 202/2025/QH15; Sở TT&TT merged into Sở KH&CN):")
	for _, id := range c2024.MemberIDs() {
		fmt.Fprintf(w, "  %-11s -> %s\n", c2024.Label(id), r.Cluster.Label(r.Successors[id]))
	}
	fmt.Fprintln(w)
	printRoster(w, r.Cluster)
	if r.DeputyVacated {
		fmt.Fprintln(w, "The deputy post is vacant: the deputy merged into the leader.")
	}
	return nil
}

func printRoster(w io.Writer, c thidua.Cluster) {
	fmt.Fprintf(w, "%s, %s, năm %d: %d thành viên\n", c.Name(), c.Organizer(), c.Year(), c.Len())
	for i, u := range c.Members() {
		role := ""
		if r := c.RoleOf(u.ID); r == thidua.RoleLeader || r == thidua.RoleDeputy {
			role = " (" + r.Vietnamese(c.Kind()) + ")"
		}
		fmt.Fprintf(w, "  %d. %s%s\n", i+1, u.Name, role)
	}
}
