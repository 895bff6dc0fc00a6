package thidua_test

import (
	"fmt"

	"github.com/thidua/thidua"
)

// Nine years of Cluster 3 under a fixed rotation order (luân phiên theo thứ
// tự), from the 2023 roster with Bắc Ninh leading: each member leads once, and
// each year's deputy leads the next. No rule makes this the law; it is one
// policy a cluster may choose.
func ExampleSuccession_Plan() {
	members := []thidua.Unit{}
	for _, p := range []struct{ id, name string }{
		{"bac-ninh", "Bắc Ninh"}, {"nam-dinh", "Nam Định"}, {"ninh-binh", "Ninh Bình"},
		{"vinh-phuc", "Vĩnh Phúc"}, {"hung-yen", "Hưng Yên"}, {"quang-ninh", "Quảng Ninh"},
		{"thai-binh", "Thái Bình"}, {"hai-duong", "Hải Dương"}, {"ha-nam", "Hà Nam"},
	} {
		members = append(members, thidua.Unit{ID: thidua.UnitID(p.id), Name: "Sở TT&TT " + p.name, ShortName: p.name})
	}
	c := thidua.MustCluster(thidua.ClusterSpec{ID: "mic-cluster-3", Name: "Cụm thi đua số 3",
		Kind: thidua.KindCluster, Year: 2023, Members: members, Leader: "bac-ninh", Deputy: "nam-dinh"})

	policy := thidua.Succession{Method: thidua.SuccessionRoundRobin, Order: c.MemberIDs()}
	plan, err := policy.Plan(c, thidua.History{}, 9, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range plan.Terms {
		fmt.Printf("%d  %-10s  %s\n", t.Year, c.Label(t.Leader), c.Label(t.Deputy))
	}
	// Output:
	// 2024  Nam Định    Ninh Bình
	// 2025  Ninh Bình   Vĩnh Phúc
	// 2026  Vĩnh Phúc   Hưng Yên
	// 2027  Hưng Yên    Quảng Ninh
	// 2028  Quảng Ninh  Thái Bình
	// 2029  Thái Bình   Hải Dương
	// 2030  Hải Dương   Hà Nam
	// 2031  Hà Nam      Bắc Ninh
	// 2032  Bắc Ninh    Nam Định
}
