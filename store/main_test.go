package store

import (
	"os"
	"testing"

	"github.com/crashloop-bot/crashloop-bot/internal/localcluster/lctest"
)

// TestMain starts the local control plane the ConfigMaps backend is tested on.
func TestMain(m *testing.M) { os.Exit(lctest.Run(m)) }
