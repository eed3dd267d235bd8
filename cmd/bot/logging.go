package main

import (
	"context"
	"io"
	"log/slog"

	"k8s.io/klog/v2"

	"github.com/crashloop-bot/crashloop-bot/config"
)

// newLogger builds the process logger and routes client-go's klog output to it.
func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level)) // validated by config
	opts := &slog.HandlerOptions{Level: level}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if c.Format == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	logger := slog.New(h)
	// client-go logs its feature gates and retries at verbose levels; keep
	// only its warnings and errors, even when the bot runs at debug level.
	klog.SetSlogLogger(slog.New(minLevel{h, slog.LevelWarn}).With("component", "client-go"))
	return logger
}

// minLevel drops records below a level.
type minLevel struct {
	slog.Handler
	min slog.Level
}

func (m minLevel) Enabled(ctx context.Context, l slog.Level) bool {
	return l >= m.min && m.Handler.Enabled(ctx, l)
}

func (m minLevel) WithAttrs(as []slog.Attr) slog.Handler {
	return minLevel{m.Handler.WithAttrs(as), m.min}
}
func (m minLevel) WithGroup(name string) slog.Handler {
	return minLevel{m.Handler.WithGroup(name), m.min}
}
