# syntax=docker/dockerfile:1
# crashloop-bot image: a static Go binary (CGO off) on distroless, non-root,
# nothing writable needed (runs with readOnlyRootFilesystem).
#
#   docker build -t crashloop-bot \
#     --build-arg VERSION=$(git describe --tags --always --dirty) \
#     --build-arg COMMIT=$(git rev-parse --short HEAD) \
#     --build-arg DATE=$(date -u +%Y-%m-%dT%H:%M:%SZ) .
#
# Multi-arch: docker buildx build --platform linux/amd64,linux/arm64 ...
# (Go cross-compiles; the build stage runs on the build machine's platform).

FROM --platform=$BUILDPLATFORM golang:1.26 AS build
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
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 GOOS=${TARGETOS:-linux} GOARCH=${TARGETARCH} \
    go build -trimpath -buildvcs=false \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/crashloop-bot ./cmd/bot

# static: CA certificates (Slack, the API server), tzdata (digest.timezone),
# /etc/passwd with nonroot (65532); no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
LABEL org.opencontainers.image.title="crashloop-bot" \
      org.opencontainers.image.description="Crash-loop alerts and triage for Kubernetes, in Slack" \
      org.opencontainers.image.source="https://github.com/crashloop-bot/crashloop-bot" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${COMMIT}" \
      org.opencontainers.image.created="${DATE}"
COPY --from=build /out/crashloop-bot /crashloop-bot
# Numeric, so Kubernetes' runAsNonRoot can verify it without /etc/passwd.
USER 65532:65532
# HTTP: /healthz, /readyz, /metrics, /slack/commands, /slack/interactions.
EXPOSE 8080
ENTRYPOINT ["/crashloop-bot"]
CMD ["run", "--config", "/etc/crashloop-bot/config.yaml"]
