package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// newFlagSet returns a flag set whose usage explains the command. --help
// prints that usage to s.out (it is what was asked for, and `| less` should
// work); a usage error prints it to s.err. Callers return 2 for usage
// errors (see parseFlags).
func newFlagSet(name, synopsis, about string, s stdio) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), stdout: s.out}
	fs.SetOutput(s.err)
	fs.Usage = func() {
		// Written to whatever the output is at the time: parseFlags points
		// it at stdout for --help.
		w := fs.Output()
		fmt.Fprintf(w, "Usage: crashloop-bot %s %s\n\n%s\n", name, synopsis, about)
		var any bool
		fs.VisitAll(func(*flag.Flag) { any = true })
		if any {
			fmt.Fprint(w, "\nFlags:\n")
			printFlags(w, fs.FlagSet)
		}
	}
	return fs
}

// flagSet is a subcommand's flags and where its --help goes.
type flagSet struct {
	*flag.FlagSet
	stdout io.Writer
}

// printFlags lists the flags as the README writes them: --name for long
// flags, -f for one-letter ones (the flag package accepts both spellings;
// its own PrintDefaults shows only one dash).
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		typ, usage := flag.UnquoteUsage(f)
		line := "  " + dash + f.Name
		if typ != "" {
			line += " " + typ
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" && def != "[]" {
			usage += fmt.Sprintf(" (default %s)", def)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, strings.ReplaceAll(usage, "\n", "\n      "))
	})
}

// parseFlags parses args; it returns (0, true) when --help was asked (usage
// printed to stdout), (2, true) on a usage error (the error and the usage
// on stderr), and (0, false) to go on.
func parseFlags(fs *flagSet, args []string) (code int, done bool) {
	stderr := fs.Output()
	// The flag package prints the error and the usage before returning;
	// collect them and decide where they go once the outcome is known.
	var buf bytes.Buffer
	fs.SetOutput(&buf)
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	switch {
	case errors.Is(err, flag.ErrHelp):
		fs.stdout.Write(buf.Bytes())
		return 0, true
	case err != nil:
		// The flag package's message spells every flag with one dash
		// ("flag provided but not defined: -nope"); say it as the usage does.
		msg := strings.Replace(err.Error(), "flag provided but not defined:", "unknown flag", 1)
		msg = flagName.ReplaceAllStringFunc(msg, func(m string) string {
			if name := strings.TrimPrefix(m, "-"); len(name) > 1 {
				return "--" + name
			}
			return m
		})
		fmt.Fprintf(stderr, "crashloop-bot %s: %s\n\n", fs.Name(), msg)
		fs.Usage()
		return 2, true
	}
	return 0, false
}

// flagName matches a flag as the flag package's errors spell it: -name.
var flagName = regexp.MustCompile(`(?:^|\B)-[A-Za-z][A-Za-z0-9-]*`)

// kubeFlags are the kubectl-like flags for reaching a cluster.
type kubeFlags struct {
	kubeconfig string
	context    string
}

func (k *kubeFlags) register(fs *flagSet) {
	fs.StringVar(&k.kubeconfig, "kubeconfig", "", "path to a kubeconfig (default: in-cluster, else $KUBECONFIG, else ~/.kube/config)")
	fs.StringVar(&k.context, "context", "", "kubeconfig context to use (default: the current context)")
}
