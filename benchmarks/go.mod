module github.com/thidua/thidua/benchmarks

go 1.24

replace github.com/thidua/thidua => ../

require (
	github.com/stretchr/testify v1.11.1
	github.com/thidua/thidua v0.0.0-00010101000000-000000000000
	resenje.org/schulze v0.6.1
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/pmezard/go-difflib v1.0.0 // indirect
	github.com/shopspring/decimal v1.6.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
