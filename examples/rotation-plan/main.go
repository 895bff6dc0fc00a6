// Command rotation-plan projects nine years of leadership (cụm trưởng, cụm phó)
// for Emulation Cluster No. 3 from its 2024 roster (Nam Định leader, Hải Dương
// deputy), under two succession policies side by side, across the 2025 mergers
// that turn nine members into six:
//
//   - a fixed rotation order (luân phiên theo thứ tự), the article's roster order;
//   - the deputy succeeds, the next deputy is taken from the same order, and no
//     unit leads again within three years.
//
// Neither policy is the law: no rule found fixes an order or makes the deputy
// succeed: the central guidance (HD 1122/BTĐKT-VI 2011, HD 2819/HD-BTĐKT 2014)
// says only that the units choose them in rotation (luân phiên) at the year-end
// review. They are choices a cluster can make, and this is how
// to compare them before making one.
//
//	go run ./examples/rotation-plan
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

func unit(id thidua.UnitID, name, short string) thidua.Unit {
	return thidua.Unit{ID: id, Name: name, ShortName: short}
}

func run(w io.Writer) error {
	tttt := func(id thidua.UnitID, p string) thidua.Unit {
		return unit(id, "Sở Thông tin và Truyền thông tỉnh "+p, p)
	}
	khcn := func(id thidua.UnitID, p string) thidua.Unit {
		return unit(id, "Sở Khoa học và Công nghệ tỉnh "+p, p)
	}
	c, err := thidua.NewCluster(thidua.ClusterSpec{
		ID: "mic-cluster-3", Name: "Cụm thi đua số 3", Kind: thidua.KindCluster, Year: 2024,
		Members: []thidua.Unit{
			tttt("bac-ninh", "Bắc Ninh"), tttt("nam-dinh", "Nam Định"), tttt("ninh-binh", "Ninh Bình"),
			tttt("vinh-phuc", "Vĩnh Phúc"), tttt("hung-yen", "Hưng Yên"), tttt("quang-ninh", "Quảng Ninh"),
			tttt("thai-binh", "Thái Bình"), tttt("hai-duong", "Hải Dương"), tttt("ha-nam", "Hà Nam"),
		},
		Leader: "nam-dinh", Deputy: "hai-duong",
	})
	if err != nil {
		return err
	}
	mergers := []thidua.UnitChange{
		{Year: 2025, From: []thidua.UnitID{"bac-ninh"}, Into: khcn("bac-ninh", "Bắc Ninh")},
		{Year: 2025, From: []thidua.UnitID{"nam-dinh", "ha-nam", "ninh-binh"}, Into: khcn("ninh-binh", "Ninh Bình")},
		{Year: 2025, From: []thidua.UnitID{"vinh-phuc"}, Into: khcn("phu-tho", "Phú Thọ")},
		{Year: 2025, From: []thidua.UnitID{"hung-yen", "thai-binh"}, Into: khcn("hung-yen", "Hưng Yên")},
		{Year: 2025, From: []thidua.UnitID{"quang-ninh"}, Into: khcn("quang-ninh", "Quảng Ninh")},
		{Year: 2025, From: []thidua.UnitID{"hai-duong"}, Into: unit("hai-phong", "Sở Khoa học và Công nghệ thành phố Hải Phòng", "Hải Phòng")},
	}
	order := c.MemberIDs()
	policies := []struct {
		name   string
		policy thidua.Succession
	}{
		{"Fixed order", thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: order}},
		{"Deputy succeeds, 3-year cool-down", thidua.Succession{
			Method: thidua.SuccessionDeputySucceeds, DeputyFromOrder: true, Order: order,
			Constraints: thidua.Constraints{CoolDown: 3},
		}},
	}
	const years = 9
	plans := make([]thidua.Plan, len(policies))
	for i, p := range policies {
		if plans[i], err = p.policy.Plan(c, thidua.History{}, years, mergers); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	after, err := c.Reorganize(c.Year()+years, mergers)
	if err != nil {
		return err
	}
	label := func(id thidua.UnitID) string {
		if u, ok := after.Cluster.Unit(id); ok {
			return u.Label()
		}
		return c.Label(id)
	}

	fmt.Fprintf(w, "%s: leadership %d-%d from the %d roster (leader %s, deputy %s)\n\n",
		c.Name(), c.Year()+1, c.Year()+years, c.Year(), c.Label(c.Leader()), c.Label(c.Deputy()))
	fmt.Fprintf(w, "%-6s %-25s %s\n", "Year", policies[0].name, policies[1].name)
	for y := 0; y < years; y++ {
		a, b := plans[0].Terms[y], plans[1].Terms[y]
		fmt.Fprintf(w, "%-6d %-25s %s\n", a.Year,
			label(a.Leader)+" / "+label(a.Deputy), label(b.Leader)+" / "+label(b.Deputy))
	}
	fmt.Fprintln(w, "\n(leader / deputy; from 2025 the six successor units of the 2025 mergers)")
	fmt.Fprintln(w, "\nFirst year each 2024 member, or its successor, leads:")
	for _, id := range c.MemberIDs() {
		fmt.Fprintf(w, "  %-11s %-6d %d\n", c.Label(id), plans[0].FirstLead(id), plans[1].FirstLead(id))
	}
	return nil
}
