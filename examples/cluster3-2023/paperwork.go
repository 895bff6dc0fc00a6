package main

import "github.com/thidua/thidua"

// paperwork is who ran the conference and what its documents need to be
// filed. The names, times and numbers are illustrative, like the scores and
// ballots: the article names none of them.
func paperwork() thidua.Paperwork {
	const dept = "Sở Thông tin và Truyền thông tỉnh "
	return thidua.Paperwork{
		Chair:      thidua.Person{Name: "Nguyễn Văn An", Position: "Giám đốc", Unit: dept + "Bắc Ninh"},
		Secretary:  thidua.Person{Name: "Trần Thị Bình", Position: "Chuyên viên", Unit: dept + "Bắc Ninh"},
		HeadTeller: thidua.Person{Name: "Lê Văn Cường", Position: "Phó Giám đốc", Unit: dept + "Nam Định"},
		Tellers: []thidua.Person{
			{Name: "Phạm Thị Dung", Position: "Chánh Văn phòng", Unit: dept + "Hải Dương"},
			{Name: "Hoàng Văn Em", Position: "Chuyên viên", Unit: dept + "Hà Nam"},
		},
		Start:          "08:00",
		End:            "11:30",
		Locality:       "Bắc Ninh",
		MinutesNumber:  "01/BB-CTĐ3",
		ProposalNumber: "02/TTr-CTĐ3",
		Recipients: []string{
			"Bộ Thông tin và Truyền thông (Vụ Thi đua - Khen thưởng)",
			"Các đơn vị thành viên Cụm thi đua số 3",
			"Lưu: VT",
		},
		ProposalTo: "Hội đồng Thi đua - Khen thưởng Bộ Thông tin và Truyền thông",
		ProposalRecipients: []string{
			"Như trên",
			"Các đơn vị thành viên Cụm thi đua số 3",
			"Lưu: VT",
		},
	}
}
