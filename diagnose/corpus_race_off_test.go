//go:build !race

package diagnose_test

// corpusSample: without -race, the corpus-wide sweeps read every case.
const corpusSample = 1
