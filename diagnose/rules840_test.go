package diagnose

import "testing"

// Rules added in session 54 for the misses of held-out rounds 762-771 and
// textbook batch 581.
func TestRules840(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a command not found told in words",
			"After updating to the latest release, the addon wouldn’t start anymore.\nIt’s exiting with a command not found error\n",
			CommandNotFound, "command not found error"},
		{"a shell's not found quoted in a sentence",
			"In k8s, superset is installed through helm, but \"/usr/bin/run-server.sh: not found\" error is reported\n",
			CommandNotFound, "/usr/bin/run-server.sh: not found"},
		{"a program that says it was not built correctly",
			"Error: \n   0: Worker binaries could not be found, make sure polkadot was built/installed correctly. If you ran with `cargo run`, please run `cargo build` first.\n",
			AppCrash, "make sure polkadot was built/installed correctly"},
		{"a start script that could not obtain its snapshot",
			"node: Issue obtaining the Polkachu snapshot. Likely the API issue.\nnode: Sleeping for 10 minutes before restarting...\n",
			DependencyUnavailable, "Issue obtaining the Polkachu snapshot"},
		{"SonarQube's charset check under a title that blames the connection",
			"Cannot connect to the DB after restarting the pod\n2021.07.13 09:41:36 ERROR Web[][o.s.s.p.PlatformImpl] Web server startup failed: Database colums [geometry_columns.f_table_catalog] must have UTF8 charset.\n",
			ConfigError, "must have UTF8 charset"},
		{"a Go panic under steps that only make OOM kills likely",
			"* badly set `GOMEMLIMIT` and `GOGC` so OOMKills are likely\npanic: assignment to entry in nil map\n\ngoroutine 600 [running]:\n",
			AppCrash, "assignment to entry in nil map"},
		{"a nil pointer told in words next to a configuration error ruled out",
			"We are seeing the KEDA operator crash with a nil pointer dereference while reconciling ScaledObjects.\nThis does not look like a normal scaler configuration error to me.\n",
			AppCrash, "nil pointer dereference"},
		{"a dependency's pod deleted",
			"[Chaos] deletion of etcd pod crashes milvus standalone pod\n",
			DependencyUnavailable, "deletion of etcd pod"},
		{"Jupyter's runtime_dir traceback cut before its PermissionError",
			"Traceback (most recent call last):\n  File \"/usr/local/lib/python3.6/dist-packages/traitlets/traitlets.py\", line 528, in get\n    value = obj._trait_values[self.name]\nKeyError: 'runtime_dir'\n\nDuring handling of the above exception, another exception occurred:\n\nTraceback (most recent call last):\n  File \"/usr/local/bin/jupyter-notebook\", line 10, in <module>\n",
			PermissionDenied, "runtime_dir"},
		{"a segfault whose reporter rules out an illegal instruction",
			"Exit code 139. Not OOM (no OOMKilled, memory 9Gi of 16Gi), and no \"Illegal instruction\" — the same binary serves short prompts fine.\nSegmentation fault (core dumped)\n",
			Segfault, "Segmentation fault"},
	})
	checkNotRead(t, []notRead{
		// A configuration file missing is no command.
		{"the pod logs \"/etc/app/config.yaml: not found\" and exits\n", CommandNotFound},
		// An attachment's link is not the error it holds.
		{"[error.txt](https://github.com/kubernetes/autoscaler/files/10329077/error.txt)\n", ConfigError},
	})
	checkWords(t, []wordsCase{
		{"a crash whose log is only an attachment",
			"cluster-autoscaler on RKE2 crashes\n\nComponent version: k8s.gcr.io/autoscaling/cluster-autoscaler:v1.26.0 with helm chart 9.21.1\n\n[error.txt](https://github.com/kubernetes/autoscaler/files/10329077/error.txt)\n",
			AppCrash},
	})
}

// Round 773: a program under a bin/ directory the image lacks, told in
// words; a missing file elsewhere is not one.
func TestRules840BinMissing(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a launcher's binary missing from the image",
			"The latest image exits unexpectedly because /usr/local/shiny-server/ext/node/bin/shiny-server is missing.\n",
			CommandNotFound, "bin/shiny-server is missing"},
	})
	checkNotRead(t, []notRead{
		{"the app exits because /etc/app/settings.yaml is missing\n", CommandNotFound},
	})
}
