# crashloop-bot developer tasks. `make help` lists them.
SHELL := /bin/bash
GO ?= go
STATICCHECK_VERSION ?= v0.8.2
# The version is the git tag (vX.Y.Z); between tags, git describe says how far
# past it (v0.2.0-3-gabc1234) and -dirty for uncommitted changes.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
# The last commit's time, not the clock: the same commit builds the same
# binary and the same image digests (SOURCE_DATE_EPOCH, as reproducible
# builds define it).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || date +%s)
DATE ?= $(shell date -u -d @$(SOURCE_DATE_EPOCH) +%Y-%m-%dT%H:%M:%SZ)
LDFLAGS := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
GOBIN ?= $(shell $(GO) env GOPATH)/bin

# Container image: an OCI layout under dist/, built without a Docker engine
# by build/image (a separate Go module) on an empty base.
IMAGE ?= ghcr.io/crashloop-bot/crashloop-bot
TAG ?= $(VERSION)
PLATFORMS ?= linux/amd64 linux/arm64
HOSTARCH := $(shell $(GO) env GOARCH)
CA_BUNDLE ?= /etc/ssl/certs/ca-certificates.crt
# Static, with the time zone database inside (digest.timezone on an image
# without /usr/share/zoneinfo).
IMAGE_BUILD := CGO_ENABLED=0 $(GO) build -trimpath -tags timetzdata -ldflags '$(LDFLAGS)'
IMAGE_TOOL := $(GO) -C build/image run .
IMAGE_LABELS := --label org.opencontainers.image.title=crashloop-bot \
	--label org.opencontainers.image.description="Crash-loop alerts and triage for Kubernetes, in Slack" \
	--label org.opencontainers.image.source=https://github.com/crashloop-bot/crashloop-bot \
	--label org.opencontainers.image.licenses=Apache-2.0 \
	--label org.opencontainers.image.version=$(VERSION) \
	--label org.opencontainers.image.revision=$(COMMIT) \
	--label org.opencontainers.image.created=$(DATE)

# Go modules besides the bot's: test and build tools kept out of its go.mod.
NESTED_MODULES := test/kustomize test/helm test/promrules build/image
# Packages with tests that measure memory and skip under -race.
MEMORY_TEST_PKGS := ./diagnose

.PHONY: help build run demo test test-memory test-cluster lint bench bench-fleet fuzz soak clean image release

help: ## list the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

build: ## build bin/crashloop-bot
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o bin/crashloop-bot ./cmd/bot

run: build ## run the bot against your current kubeconfig context (alerts print to the terminal without a Slack token)
	./bin/crashloop-bot run $(if $(CONFIG),--config $(CONFIG))

test-cluster: ## build kube-apiserver and etcd for the end-to-end tests (once; about 5 minutes)
	@test/cluster/build.sh >/dev/null

test: test-cluster ## run every test, end-to-end ones included, with the race detector
	CI=$${CI:-true} $(GO) test -race -count=1 -timeout 20m ./...
	$(GO) test -count=1 -timeout 20m -run 'TestCorpus|TestClassicShapes|TestGatesHoldOnRealText' ./diagnose # every case and shape; under -race the sweeps read a sample and the gates' check is skipped
	@for m in test/promrules build/image; do echo "$(GO) -C $$m test -count=1 ./..."; $(GO) -C $$m test -count=1 ./... || exit 1; done

test-memory: ## the memory and allocation tests, which skip under -race
	$(GO) test -count=1 -run 'Memory|Allocs' -v $(MEMORY_TEST_PKGS) | grep -E '^(=== RUN|--- |ok|FAIL|PASS)'; exit $${PIPESTATUS[0]}

lint: ## gofmt, go vet and staticcheck (the bot and the nested tool modules)
	@bad=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$bad" ]; then echo "gofmt needed:"; echo "$$bad"; exit 1; fi
	$(GO) vet ./...
	@test -x $(GOBIN)/staticcheck || $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	$(GOBIN)/staticcheck ./...
	@for m in $(NESTED_MODULES); do echo "vet, staticcheck: $$m"; (cd $$m && $(GO) vet ./... && $(GOBIN)/staticcheck ./...) || exit 1; done

# Go minimizes each new input for up to 60 s by default: with the long describe
# seeds a 20 s run of FuzzParseAny spent it all minimizing (9 executions).
FUZZFLAGS ?= -run '^$$' -fuzztime 20s -fuzzminimizetime 2s

fuzz: ## run each fuzz target for 20 seconds
	$(GO) test ./internal/manifest $(FUZZFLAGS) -fuzz '^FuzzParse$$'
	$(GO) test ./diagnose $(FUZZFLAGS) -fuzz FuzzScanLog
	$(GO) test ./diagnose $(FUZZFLAGS) -fuzz '^FuzzRedact$$'
	$(GO) test ./diagnose $(FUZZFLAGS) -fuzz FuzzRedactKeepsPlainText
	$(GO) test ./diagnose $(FUZZFLAGS) -fuzz FuzzNeverHealthy
	$(GO) test ./internal/manifest $(FUZZFLAGS) -fuzz FuzzParseAny
	$(GO) test ./config $(FUZZFLAGS) -fuzz FuzzParse

image: ## build the image for this machine (dist/image, OCI layout, no Docker needed) and verify it
	@test -r $(CA_BUNDLE) || { echo "no CA bundle at $(CA_BUNDLE): apt-get install ca-certificates"; exit 1; }
	GOOS=linux GOARCH=$(HOSTARCH) $(IMAGE_BUILD) -o dist/bin/linux-$(HOSTARCH)/crashloop-bot ./cmd/bot
	$(IMAGE_TOOL) build --out $(CURDIR)/dist/image --tag $(TAG) --created $(DATE) --ca $(CA_BUNDLE) $(IMAGE_LABELS) \
		--binary linux/$(HOSTARCH)=$(CURDIR)/dist/bin/linux-$(HOSTARCH)/crashloop-bot
	$(IMAGE_TOOL) verify --layout $(CURDIR)/dist/image --tag $(TAG) --version $(VERSION) --config $(CURDIR)/deploy/config.yaml

release: ## binaries, multi-arch image (linux/amd64, linux/arm64), SPDX SBOMs and SHA256SUMS in dist/
	@test -r $(CA_BUNDLE) || { echo "no CA bundle at $(CA_BUNDLE): apt-get install ca-certificates"; exit 1; }
	@case "$(VERSION)" in *dirty*) echo "warning: uncommitted changes; the release would be $(VERSION)";; esac
	rm -rf dist
	@for p in $(PLATFORMS); do arch=$${p#linux/}; \
		echo "build $$p"; GOOS=linux GOARCH=$$arch $(IMAGE_BUILD) -o dist/bin/linux-$$arch/crashloop-bot ./cmd/bot || exit 1; \
		$(IMAGE_TOOL) sbom --binary $(CURDIR)/dist/bin/linux-$$arch/crashloop-bot --tag $(VERSION) --created $(DATE) \
			--out $(CURDIR)/dist/crashloop-bot-$(VERSION)-linux-$$arch.spdx.json || exit 1; \
	done
	$(IMAGE_TOOL) build --out $(CURDIR)/dist/image --tag $(TAG) --created $(DATE) --ca $(CA_BUNDLE) $(IMAGE_LABELS) \
		$(foreach p,$(PLATFORMS),--binary $(p)=$(CURDIR)/dist/bin/linux-$(subst linux/,,$(p))/crashloop-bot)
	$(IMAGE_TOOL) verify --layout $(CURDIR)/dist/image --tag $(TAG) --version $(VERSION) --config $(CURDIR)/deploy/config.yaml
	cd dist && sha256sum bin/*/crashloop-bot *.spdx.json > SHA256SUMS
	@echo "dist/image holds $(IMAGE):$(TAG) for $(PLATFORMS); push it with e.g. skopeo copy --all oci:dist/image:$(TAG) docker://$(IMAGE):$(TAG)"

soak: test-cluster ## run each exactly-once fault scenario (5xx after a stored post, kill after post, outage, leader kill) 20 times in a row (about 45 minutes)
	CI=$${CI:-true} CRASHLOOP_SOAK=$${CRASHLOOP_SOAK:-20} $(GO) test -count=1 -timeout 3h -v -run '^TestExactlyOnce' ./cmd/bot 2>&1 | grep -E '^(=== RUN|--- |PASS|FAIL|ok)|exactly_once_e2e_test.go'

clean: ## remove build output (not the cached control plane binaries)
	rm -rf bin dist

demo: test-cluster build ## see the bot work without a cluster: local control plane + crashing demo workloads
	./bin/crashloop-bot demo $(if $(CONFIG),--config $(CONFIG))

bench: test-cluster build ## measure memory, alert latency and a crash storm against a real API server (about 5 minutes)
	$(GO) run ./test/load --bot bin/crashloop-bot

bench-fleet: test-cluster build ## measure a fleet: 20 clusters x 200 crash-looping pods, a bot each, one PostgreSQL (needs the postgresql package)
	$(GO) run ./test/load --bot bin/crashloop-bot --fleet
