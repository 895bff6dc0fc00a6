package thidua

// Shared fixtures for the package's tests: the real roster of the Ministry of
// Information and Communications' Emulation Cluster No. 3 (Cụm thi đua số 3) as
// the 08/12/2023 article lists it, and the 2025 reorganisation from its point of
// view (Nghị quyết 202/2025/QH15 on the reorganisation of provinces).

// Cluster 3's members, in the order the article lists them.
var cluster3Units = []Unit{
	{ID: "bac-ninh", Name: "Sở Thông tin và Truyền thông tỉnh Bắc Ninh", ShortName: "Bắc Ninh"},
	{ID: "nam-dinh", Name: "Sở Thông tin và Truyền thông tỉnh Nam Định", ShortName: "Nam Định"},
	{ID: "ninh-binh", Name: "Sở Thông tin và Truyền thông tỉnh Ninh Bình", ShortName: "Ninh Bình"},
	{ID: "vinh-phuc", Name: "Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc", ShortName: "Vĩnh Phúc"},
	{ID: "hung-yen", Name: "Sở Thông tin và Truyền thông tỉnh Hưng Yên", ShortName: "Hưng Yên"},
	{ID: "quang-ninh", Name: "Sở Thông tin và Truyền thông tỉnh Quảng Ninh", ShortName: "Quảng Ninh"},
	{ID: "thai-binh", Name: "Sở Thông tin và Truyền thông tỉnh Thái Bình", ShortName: "Thái Bình"},
	{ID: "hai-duong", Name: "Sở Thông tin và Truyền thông tỉnh Hải Dương", ShortName: "Hải Dương"},
	{ID: "ha-nam", Name: "Sở Thông tin và Truyền thông tỉnh Hà Nam", ShortName: "Hà Nam"},
}

// cluster3Spec returns the 2023 roster: Bắc Ninh leader, Nam Định deputy.
func cluster3Spec() ClusterSpec {
	return ClusterSpec{
		ID:        "mic-cluster-3",
		Name:      "Cụm thi đua số 3",
		Organizer: "Bộ Thông tin và Truyền thông",
		Kind:      KindCluster,
		Year:      2023,
		Members:   append([]Unit(nil), cluster3Units...),
		Leader:    "bac-ninh",
		Deputy:    "nam-dinh",
	}
}

func cluster3() Cluster { return MustCluster(cluster3Spec()) }

// cluster3In2024 returns the 2024 roster chosen at the 2023 review: Nam Định
// leader, Hải Dương deputy.
func cluster3In2024() Cluster {
	s := cluster3Spec()
	s.Year, s.Leader, s.Deputy = 2024, "nam-dinh", "hai-duong"
	return MustCluster(s)
}

func sokhcn(id UnitID, province string) Unit {
	return Unit{ID: id, Name: "Sở Khoa học và Công nghệ tỉnh " + province, ShortName: province}
}

// reorg2025 is the 2025 reorganisation as Cluster 3 sees it: every Sở Thông tin
// và Truyền thông went into its province's Sở Khoa học và Công nghệ (01/03/2025),
// and Nghị quyết 202/2025/QH15 merged the provinces (01/07/2025).
var reorg2025 = []UnitChange{
	{Year: 2025, From: []UnitID{"bac-ninh"}, Into: sokhcn("bac-ninh", "Bắc Ninh")},
	{Year: 2025, From: []UnitID{"nam-dinh", "ha-nam", "ninh-binh"}, Into: sokhcn("ninh-binh", "Ninh Bình")},
	{Year: 2025, From: []UnitID{"vinh-phuc"}, Into: sokhcn("phu-tho", "Phú Thọ")},
	{Year: 2025, From: []UnitID{"hung-yen", "thai-binh"}, Into: sokhcn("hung-yen", "Hưng Yên")},
	{Year: 2025, From: []UnitID{"quang-ninh"}, Into: sokhcn("quang-ninh", "Quảng Ninh")},
	{Year: 2025, From: []UnitID{"hai-duong"}, Into: Unit{ID: "hai-phong", Name: "Sở Khoa học và Công nghệ thành phố Hải Phòng", ShortName: "Hải Phòng"}},
}
