// Package experiment holds policy experiments (thử nghiệm chính sách) on the
// rules of an emulation cluster (cụm thi đua): simulated cluster-years drawn
// from a random source the caller seeds, scored through the root package's
// compiled scoring engine, voted and decided as a review would, repeated
// under rule variants (Experiment); and the sensitivity of a year's ranking
// to its weights, hệ số (SensitivitySpec.Run, LeadChangeOf).
//
// It uses only the exported API of package thidua: a drawn year's marks go
// into a thidua.Compiled with Compiled.WithMarks, perturbed weights are ranked
// with Compiled.RanksScaled, and awards are decided with AwardRules.Seats,
// the decision core DecideCandidates itself uses. Errors are those of package
// thidua (the "thidua:" prefix, errors.Is against its sentinels). Every
// result is deterministic for a given state of the caller's source; the
// package does no I/O and keeps no global state.
package experiment
