//go:build !race

package diagnose

// raceEnabled is true under -race.
const raceEnabled = false
