//go:build race

package diagnose

// raceEnabled is true under -race, where allocation counts and the 50 MB
// scan are not meaningful (the race runtime allocates and is ~10x slower).
const raceEnabled = true
