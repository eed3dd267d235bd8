package main

import (
	"slices"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/config"
	"github.com/crashloop-bot/crashloop-bot/incident"
)

// TestStormFactorsMatch: the factors config accepts are the ones the
// incident manager knows, in the same order of specificity.
func TestStormFactorsMatch(t *testing.T) {
	got := stormOptions(config.Default().Watch.Storm)
	if !slices.Equal(got.Factors, incident.FactorKinds()) || !got.Enabled || got.MinWorkloads != 5 {
		t.Fatalf("default storm options %+v, want every factor of incident.FactorKinds() %v", got, incident.FactorKinds())
	}
}
