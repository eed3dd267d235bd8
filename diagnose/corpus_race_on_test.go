//go:build race

package diagnose_test

// corpusSample is how many cases the corpus-wide sweeps skip between two
// they read under -race (ten times slower, and finding no data race in
// pure code by reading more cases): `make test` runs them, and the
// textbook shapes, whole without -race as well.
const corpusSample = 100
