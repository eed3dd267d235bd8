# syntax=docker/dockerfile:1
# crashloop-bot image, for those who build with Docker or BuildKit. CI and
# `make image` / `make release` build the same image without a Docker engine
# (build/image: the same user, entrypoint, CA bundle and static binary, on an
# empty base, reproducibly) and verify it; build/image/image_test.go checks
# that this file promises the same.
#
#   docker buildx build --platform linux/amd64,linux/arm64 -t ghcr.io/crashloop-bot/crashloop-bot:$(git describe --tags) \
#     --build-arg VERSION=$(git describe --tags --always --dirty) \
#     --build-arg COMMIT=$(git rev-parse --short HEAD) \
#     --build-arg DATE=$(date -u -d @$(git log -1 --format=%ct) +%Y-%m-%dT%H:%M:%SZ) .
#
# Base images are pinned by digest (a tag can move under a rebuild). The
# digests were looked up in December 2026; refresh them with
#   crane digest golang:1.26
#   crane digest gcr.io/distroless/static-debian12:nonroot

FROM --platform=$BUILDPLATFORM golang:1.26@sha256:595c7847cff97c9a9e76f015083c481d26078f961c9c8dca3923132f51fe12f1 AS build
WORKDIR /src
# Modules first: this layer is reused until go.mod or go.sum change.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
ARG TARGETOS
ARG TARGETARCH
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
# Static (no libc in the image), with the time zone database inside
# (digest.timezone); the same flags as `make image`.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} \
    go build -trimpath -buildvcs=false -tags timetzdata \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/crashloop-bot ./cmd/bot

# static:nonroot: CA certificates, /etc/passwd with nonroot (65532); no
# shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot@sha256:afa5c872c891853ca7fcf1f12c3edb23f7eeef36189728842dd51042ff57f7ab
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
LABEL org.opencontainers.image.title="crashloop-bot" \
      org.opencontainers.image.description="Crash-loop alerts and triage for Kubernetes, in Slack" \
      org.opencontainers.image.source="https://github.com/crashloop-bot/crashloop-bot" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}" \
      org.opencontainers.image.created="${DATE}"
COPY --from=build /out/crashloop-bot /crashloop-bot
# Numeric, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 65532:65532
# HTTP: /healthz, /readyz, /metrics, /slack/commands, /slack/interactions.
EXPOSE 8080/tcp
ENTRYPOINT ["/crashloop-bot"]
CMD ["run", "--config", "/etc/crashloop-bot/config.yaml"]
