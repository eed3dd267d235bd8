# crashloop-bot developer tasks. `make help` lists them.
SHELL := /bin/bash
GO ?= go
STATICCHECK_VERSION ?= v0.8.2
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
DATE ?= $(shell date -u +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
GOBIN ?= $(shell $(GO) env GOPATH)/bin

.PHONY: help build run demo test test-cluster lint bench bench-fleet fuzz clean

help: ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

build: ## build bin/crashloop-bot
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/crashloop-bot ./cmd/bot

run: build ## run the bot against your current kubeconfig context (alerts print to the terminal without a Slack token)
	./bin/crashloop-bot run $(if $(CONFIG),--config $(CONFIG))

test-cluster: ## build kube-apiserver and etcd for the end-to-end tests (once; about 5 minutes)
	@test/cluster/build.sh >/dev/null

test: test-cluster ## run every test, end-to-end ones included, with the race detector
	CI=$${CI:-true} $(GO) test -race -count=1 ./...

lint: ## gofmt, go vet and staticcheck
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	@test -x $(GOBIN)/staticcheck || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(GOBIN)/staticcheck ./...

fuzz: ## run each fuzz target for 20 seconds
	$(GO) test ./internal/manifest -run '^$$' -fuzz '^FuzzParse$$' -fuzztime 20s
	$(GO) test ./diagnose -run '^$$' -fuzz FuzzScanLog -fuzztime 20s
	$(GO) test ./diagnose -run '^$$' -fuzz FuzzRedact -fuzztime 20s
	$(GO) test ./diagnose -run '^$$' -fuzz FuzzNeverHealthy -fuzztime 20s
	$(GO) test ./internal/manifest -run '^$$' -fuzz FuzzParseAny -fuzztime 20s

clean: ## remove build output (not the cached control plane binaries)
	rm -rf bin dist

demo: test-cluster build ## see the bot work without a cluster: local control plane + crashing demo workloads
	./bin/crashloop-bot demo $(if $(CONFIG),--config $(CONFIG))

bench: test-cluster build ## measure memory, alert latency and a crash storm against a real API server (about 5 minutes)
	$(GO) run ./test/load --bot bin/crashloop-bot

bench-fleet: test-cluster build ## measure a fleet: 20 clusters x 200 crash-looping pods, a bot each, one PostgreSQL (needs the postgresql package)
	$(GO) run ./test/load --bot bin/crashloop-bot --fleet
