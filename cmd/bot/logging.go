package main

import (
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
	klog.SetSlogLogger(logger.With("component", "client-go"))
	return logger
}
