# syntax=docker/dockerfile:1
# Static, non-root crashloop-bot image.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
ARG COMMIT=unknown
ARG DATE=unknown
RUN CGO_ENABLED=0 go build -trimpath \
      -ldflags "-s -w -X main.version=${VERSION} -X main.commit=${COMMIT} -X main.date=${DATE}" \
      -o /out/crashloop-bot ./cmd/bot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/crashloop-bot /crashloop-bot
USER 65532:65532
ENTRYPOINT ["/crashloop-bot"]
CMD ["run", "--config", "/etc/crashloop-bot/config.yaml"]
