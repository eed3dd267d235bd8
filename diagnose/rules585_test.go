package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules from session 29's held-out rounds 585 on and textbook batches 172 on.
func TestRules585(t *testing.T) {
	checkLogRules(t, []logRule{
		{"firebase-admin initialised twice by the program", "FirebaseAppError: The default Firebase app already exists. This means you called initializeApp() more than once without providing an app name as the second argument.\n    at AppStore.initializeApp (/app/node_modules/firebase-admin/lib/app/lifecycle.js:49:23)\n", AppCrash, "Firebase app already exists"},
		{"a TypeError in the app's own code compiled to .keystone/config.js (Node's echo of the line reads no setting)", "/app/.keystone/config.js:187\n    const existing = await context.db.Posts.count();\n                                            ^\n\nTypeError: Cannot read properties of undefined (reading 'count')\n    at onConnect (/app/.keystone/config.js:187:45)\n    at start (/app/node_modules/@keystone-6/core/scripts/cli/dist/cli.js:1302:9)\n", AppCrash, "reading 'count'"},
		{"the same TypeError where the echoed line reads the environment", "/app/config.js:12\n  const hosts = process.env.KAFKA_BROKERS.split(',');\n                                          ^\n\nTypeError: Cannot read properties of undefined (reading 'split')\n    at Object.<anonymous> (/app/config.js:12:43)\n    at Module._compile (node:internal/modules/cjs/loader:1554:14)\n", ConfigError, "reading 'split'"},
		{"Kong's PostgreSQL socket timing out", "Error: [PostgreSQL error] failed to retrieve PostgreSQL server_version_num: timeout\n\n  Run with --v (verbose) or --vv (debug) for more details\n", DependencyUnavailable, "server_version_num: timeout"},
		{"Vault's refusal of the token's audience under hclog's multi-line value", "2025-12-06T18:03:27.433Z [ERROR] agent.auth.handler: error authenticating:\n  error=\n  | Error making API request.\n  |\n  | URL: PUT https://vault.internal.example.com/v1/auth/kubernetes/login\n  | Code: 403. Errors:\n  |\n  | * invalid audience (aud) claim: audience claim does not match any expected audience\n   backoff=2.87s\n", ConfigError, "invalid audience"},
		{"RabbitMQ without the virtual host, inside MassTransit's unreachable wrapper", "      Connection Failed: rabbitmq://rabbitmq.messaging/payments\n      RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable\n       ---> RabbitMQ.Client.Exceptions.OperationInterruptedException: The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=530, text='NOT_ALLOWED - vhost payments not found', classId=10, methodId=40\n", ConfigError, "vhost payments not found"},
		{"an ack of a delivery tag the channel does not hold", "Error: Channel closed by server: 406 (PRECONDITION-FAILED) with message \"PRECONDITION_FAILED - unknown delivery tag 1\"\n    at ConfirmChannel.C.accept (/app/node_modules/amqplib/lib/channel.js:422:17)\n", AppCrash, "unknown delivery tag"},
		{"NATS refusing a subject to the user", "2025/03/14 12:02:09 nats async error: nats: permissions violation for subscription to \"orders.>\"\n2025/03/14 12:02:09 fatal: subscription orders.> rejected by server\n", PermissionDenied, "permissions violation"},
		{"busybox's addgroup refusing a gid another group has", "Use existing aMule configuration file.\nUse the theme bootstrap for amule webserver.\naddgroup: gid '100' in use\nadduser: unknown group amule\nsu: unknown user amule\n", ConfigError, "gid '100' in use"},
		{"an OIDC server's own 503 under Quarkus' configuration wrapper", "Caused by: io.quarkus.runtime.configuration.ConfigurationException: OIDC Server is not available at the 'https://sso.apps.example.com/realms/claims' URL. Please make sure it is correct.\n\tat io.quarkus.oidc.runtime.OidcRecorder.setup(OidcRecorder.java:121)\nCaused by: io.vertx.core.impl.NoStackTraceThrowable: OIDC server returned 503 status code\n", DependencyUnavailable, "returned 503"},
		{"Entra ID without a federated credential for the recreated cluster's issuer", "azure.core.exceptions.ClientAuthenticationError: WorkloadIdentityCredential: Microsoft Entra ID error '(invalid_request) AADSTS700211: No matching federated identity record found for presented assertion issuer 'https://westeurope.oic.prod-aks.azure.com/x/y/'.\n", ConfigError, "AADSTS700211"},
		{"Google's API not enabled in the project, inside a 403", "googleapi: Error 403: Cloud SQL Admin API has not been used in project 123456789012 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/sqladmin.googleapis.com/overview?project=123456789012 then retry., accessNotConfigured\n", ConfigError, "has not been used in project"},
		{"efs-utils naming the file system ID and its mount target", "Output: Failed to resolve \"fs-0a1b2c3d4e5f67890.efs.eu-west-1.amazonaws.com\" - check that your file system ID is correct, and ensure that the VPC has an EFS mount target for this file system ID.\n", ConfigError, "mount target"},
		{"H2's file locked by a second replica, under Metabase's connection wrapper", "clojure.lang.ExceptionInfo: Unable to connect to Metabase h2 DB. {}\nCaused by: org.h2.jdbc.JdbcSQLNonTransientConnectionException: Database may be already in use: null. Possible solutions: close all other connection(s); use the server mode [90020-214]\nCaused by: org.h2.mvstore.MVStoreException: The file is locked: /metabase-data/metabase.db.mv.db [2.1.214/7]\n", ConfigError, "locked"},
		{"GlusterFS's client without a volume file from glusterd", "[2025-02-18 08:14:52.301118 +0000] E [glusterfsd-mgmt.c:2138:mgmt_getspec_cbk] 0-glusterfs: failed to get the 'volume file' from server\n[2025-02-18 08:14:52.301177 +0000] E [glusterfsd-mgmt.c:2338:mgmt_getspec_cbk] 0-mgmt: failed to fetch volume file (key:wikivol)\n", DependencyUnavailable, "volume file"},
		{"xvfb-run's segfault over Chrome's dbus noise", "[21:21:0624/093015.882301:ERROR:bus.cc(407)] Failed to connect to the bus: Failed to connect to socket /run/dbus/system_bus_socket: No such file or directory\n[21:21:0624/093015.913554:ERROR:viz_main_impl.cc(196)] Exiting GPU process due to errors during initialization\n/usr/bin/xvfb-run: line 187:    21 Segmentation fault      (core dumped) \"$@\"\n", Segfault, "Segmentation fault"},
		{"Chrome without a usable sandbox", "[0521/132208.914327:FATAL:zygote_host_impl_linux.cc(201)] No usable sandbox! If you are running on Ubuntu 23.10+ or another Linux distro that has disabled unprivileged user namespaces with AppArmor, see https://chromium.googlesource.com/chromium/src/+/main/docs/security/apparmor-userns-restrictions.md.\n[0521/132208.921770:ERROR:file_io_posix.cc(145)] open /sys/devices/system/cpu/cpu0/cpufreq/scaling_cur_freq: No such file or directory (2)\n", PermissionDenied, "No usable sandbox"},
		{"Chrome run as root with its sandbox", "[0612/101500.123456:ERROR:zygote_host_impl_linux.cc(100)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.\n", ConfigError, "without --no-sandbox"},
		{"Playwright's box of missing libraries", "browserType.launch: \n\u2554\u2550\u2550\u2550\u2557\n\u2551 Host system is missing dependencies to run browsers. \u2551\n\u2551 Please install them with the following command:      \u2551\n\u2551     npx playwright install-deps                       \u2551\n", AppCrash, "missing dependencies"},
		{"Chrome without fonts in the image", "[0301/101010.000001:FATAL:font_fallback_linux.cc(12)] Check failed: InitDefaultFont(). Could not find the default font\nTrace/breakpoint trap (core dumped)\n", AppCrash, "InitDefaultFont"},
		{"Homebridge's settings file, above JSON.parse", "[3/8/2025, 7:22:42 PM] There was a problem reading your config.json file.\n[3/8/2025, 7:22:42 PM] Please try pasting your config.json file here to validate it: https://jsonlint.com\nSyntaxError: Expected double-quoted property name in JSON at position 1184 (line 52 column 5)\n    at JSON.parse (<anonymous>)\n", ConfigError, "config.json"},
		{"paho-mqtt 2's Client() called the 1.x way", "Traceback (most recent call last):\n  File \"/app/bridge.py\", line 41, in <module>\n    client = mqtt.Client(client_id=\"heatpump\")\nValueError: Unsupported callback API version: version 2.0 added a callback_api_version, see docs/migrations.rst for details\n", AppCrash, "callback API version"},
		{"the kernel failing to enumerate the USB stick", "error: z2m: Error: Error while opening serialport 'Error: Error: No such file or directory, cannot open /dev/serial/by-id/usb-ITead_Sonoff-if00-port0'\n[    3.112734] usb 1-1.4: device descriptor read/64, error -71\n[    4.059332] usb usb1-port4: unable to enumerate USB device\n", DependencyUnavailable, "device descriptor read"},
		{"libwebsockets' bind with errno 98", "1742135521: Opening websockets listen socket on port 9001.\n1742135521: lws_socket_bind: ERROR on binding fd 7 to port 9001 (-1 98)\n1742135521: Error: Unable to create websockets listener on port 9001.\n", PortConflict, "(-1 98)"},
		{"a Factorio mod's non-recoverable error", " 7422.017 Error MainLoop.cpp:1434: Exception at tick 9871442: The mod Space Exploration (0.6.128) caused a non-recoverable error.\nPlease report this error to the mod author.\n", AppCrash, "non-recoverable error"},
		{"Bedrock's port taken", "[2024-07-04 18:22:43:002 INFO] Starting Server\n[2024-07-04 18:22:43:002 ERROR] Network port occupied, can't start server.\n", PortConflict, "port occupied"},
		{"steamcmd without a network", "[----] !!! Fatal Error: Steamcmd needs to be online to update. Please confirm your network connection and try again.\n", DependencyUnavailable, "needs to be online"},
		{"Moodle's exception handler naming a function that is gone", "Default exception handler: Exception - Call to undefined function mod_acmequiz\\local\\legacy_get_question_bank() Debug: \nError code: generalexceptionmessage\n", AppCrash, "Call to undefined function"},
		{"PHP's return type refused", "[3f0e8c1b2a7d9e4f5c6b1a20] [no req]   TypeError: MediaWiki\\Extension\\AcmeSync\\SyncPageJob::run(): Return value must be of type bool, null returned\n", AppCrash, "must be of type bool"},
		{"Nextcloud's occ without a writable config", "Cannot write into \"config\" directory!\nThis can usually be fixed by giving the web server write access to the config directory.\n", PermissionDenied, "config"},
		{"coturn's bind refused with errno 98", "0: (7): INFO: Relay ports initialization done\n0: (7): ERROR: Trying to bind fd 14 to <0.0.0.0:3478>: errno=98\n0: (7): ERROR: Cannot bind TCP/TLS listener socket to addr 0.0.0.0:3478\n", PortConflict, "errno=98"},
		{"Superset's config module that does not import", "Found but failed to import local superset_config\nTraceback (most recent call last):\n  File \"/app/superset/config.py\", line 1747, in <module>\n    import superset_config\n  File \"/app/pythonpath/superset_config.py\", line 86\n    FEATURE_FLAGS = {\nIndentationError: unexpected indent\n", ConfigError, "superset_config"},
		{"Kibana's migrations stopped by an unhealthy Elasticsearch", "[2024-11-05T07:12:44.902+00:00][ERROR][savedobjects-service] [.kibana_task_manager] Unexpected Elasticsearch ResponseError: statusCode: 503, method: POST, url: /.kibana_task_manager/_search error: [no_shard_available_action_exception]: all shards failed\n[2024-11-05T07:12:44.905+00:00][FATAL][root] Error: Unable to complete saved object migrations for the [.kibana_task_manager] index. Please check the health of your Elasticsearch cluster and try again.\n", DependencyUnavailable, "health of your Elasticsearch cluster"},
		{"traitlets refusing a class name that does not import", "AttributeError: module 'ldapauthenticator' has no attribute 'LDAPAuthentictor'\n\nDuring handling of the above exception, another exception occurred:\n\ntraitlets.traitlets.TraitError: The 'authenticator_class' trait of <jupyterhub.app.JupyterHub object at 0x7f5e2b9c3d10> instance must be a type, but 'ldapauthenticator.LDAPAuthentictor' could not be imported\n", ConfigError, "could not be imported"},
		{"httpx's connection attempts failing", "  File \"/usr/local/lib/python3.12/site-packages/httpx/_transports/default.py\", line 118, in map_httpcore_exceptions\n    raise mapped_exc(message) from exc\nhttpx.ConnectError: All connection attempts failed\n", DependencyUnavailable, "All connection attempts failed"},
		{"Dagster's gRPC port held by another server in the pod", "    raise CouldNotBindGrpcServerToAddress(port)\ndagster._grpc.server.CouldNotBindGrpcServerToAddress: 4000\n", PortConflict, "CouldNotBindGrpcServerToAddress"},
		{"freshclam's hint that its directory is not writable for it", "ERROR: Can't create freshclam.dat in /var/lib/clamav\nHint: The database directory must be writable for UID 100 or GID 101\nERROR: Failed to save freshclam.dat!\n", PermissionDenied, "must be writable"},
		{"a Kong plugin's Lua that does not parse", "2025/10/14 18:22:07 [error] 1#0: init_by_lua error: /usr/local/share/lua/5.1/kong/tools/module.lua:24: error loading module 'kong.plugins.header-echo.handler':\n/usr/local/share/lua/5.1/kong/plugins/header-echo/handler.lua:41: 'end' expected (to close 'function' at line 18) near '<eof>'\n", AppCrash, "'end' expected"},
		{"Dagster's cause below its wrapper", "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op \"build_revenue_report\":\n\n  File \"/opt/dagster/app/finance/ops/revenue.py\", line 88, in build_revenue_report\n    report_name = f\"revenue_{last_closed.strftime('%Y%m%d')}.xlsx\"\n\nThe above exception was caused by the following exception:\nAttributeError: 'NoneType' object has no attribute 'strftime'\n", AppCrash, "has no attribute 'strftime'"},
		{"crun's words for an absolute entrypoint path that is not there", "Error: container create failed: executable file `/docker-entrypoint.sh` not found: No such file or directory\n", CommandNotFound, "/docker-entrypoint.sh"},
		{"the reporter's sentence that the same config works on the release before, over its quote of the fix", "edge-router 4.2.0 panics on start, 4.1.3 with the same config works. Upstream issue says it's fixed in 4.2.1 (\"nil TLS store when no default certificate is configured\").\n\npanic: runtime error: invalid memory address or nil pointer dereference\n[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x1c4d2a7]\n", AppCrash, "nil pointer"},
	})
	notAbout(t, "CrashLoopBackOff problem for kube-flannel-ds\n\nI create a k8s network with 1 master node and 2 work nodes.\nWhich I use kubeadm to initial is :\n`kubeadm init  --apiserver-advertise-address=11.0.1.200 --pod-network-cidr=10.224.0.0/16 --service-cidr=10.96.0.0/16`\n\nI got a CrashLoopBackOff problem for kube-flannel-ds.\n", DependencyUnavailable, "a pasted kubeadm command's flags are not words about the API server")
	notAbout(t, "[Pterodactyl Daemon]: Checking server disk space usage, this could take a few seconds...\n[Pterodactyl Daemon]: Exit code: 1\n[Pterodactyl Daemon]: Out of memory: false\n", OOMKilled, "Wings' 'Out of memory: false' is no out-of-memory")
	notAbout(t, "11:05:32.915 INFO [NodeServer.lambda$createHandlers$2] - Shutting down...\n2025-11-20 11:05:33,021 INFO exited: selenium-node (exit status 0; expected)\n2025-11-20 11:05:33,022 WARN received SIGTERM indicating exit request\n2025-11-20 11:05:33,022 INFO waiting for xvfb, vnc, novnc to die\n", LivenessProbe, "supervisord stopping the rest after its program finished is not the kubelet's kill")
	notAbout(t, "Cilium Agent on the 3rd node goes into `CrashLoopBackOff`\n- No indication of the error condition (failed to allocate `podCIDRs` for the node) in Cilium Operator logs\n", OOMKilled, "addresses that cannot be allocated are not memory")
}

// A CSI driver that is not registered on the pod's node (its node plugin
// does not run there): the pod references nothing that is missing.
func TestCSIDriverNotRegistered(t *testing.T) {
	pod := testPod([]string{"api"}, func(p *corev1.Pod) {
		p.Status.Phase = corev1.PodPending
		p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "api", State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}
	})
	ev := event("FailedMount", "", `MountVolume.SetUp failed for volume "secrets-store-inline" : kubernetes.io/csi: mounter.SetUpAt failed to get CSI client: driver name secrets-store.csi.k8s.io not found in the list of registered CSI drivers`, time.Minute, 15)
	r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{ev}})
	if r.Category != DependencyUnavailable || !strings.Contains(r.Summary, "not registered") {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
}

// CephFS with no MDS up, in a FailedMount event: the pod's storage
// backend is down (a mount that only timed out stays the kubelet's wait).
func TestSharedFileSystemDown(t *testing.T) {
	pod := testPod([]string{"runner"}, sparse("runner", corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}}}))
	mount := event("FailedMount", "", `MountVolume.MountDevice failed for volume "pvc-9b2d" : rpc error: code = Internal desc = an error (exit status 32) occurred while running mount args: [-t ceph csi-cephfs-node@3f1e.myfs=/volumes/csi/csi-vol-6e8a /var/lib/kubelet/plugins/kubernetes.io/csi/cephfs.csi.ceph.com/x/globalmount] stderr: mount error: no mds server is up or the cluster is laggy`, time.Minute, 31)
	if r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{mount}}); r.Category != DependencyUnavailable {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
	wait := event("FailedMount", "", `Unable to attach or mount volumes: unmounted volumes=[cache], unattached volumes=[], failed to process volumes=[]: timed out waiting for the condition`, time.Minute, 28)
	if r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{wait}}); r.Category == DependencyUnavailable {
		t.Fatalf("a mount that only timed out: got %s: %s", r.Category, r.Summary)
	}
}

// A running, ready container whose restart count was cut from the paste,
// beside the kubelet's "failed liveness probe, will be restarted": it was
// restarted by its probe, not healthy.
func TestProbeKillingWithoutRestartCount(t *testing.T) {
	st := running("wordpress")
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{Reason: "Completed", StartedAt: ts(20 * time.Minute), FinishedAt: ts(4 * time.Minute)}
	pod := testPod([]string{"wordpress"}, setStatus(st))
	kill := event("Killing", "wordpress", "Container wordpress failed liveness probe, will be restarted", 4*time.Minute, 4)
	if r := Diagnose(Input{Pod: pod, Now: now, Events: []corev1.Event{kill}}); r.Healthy || r.Category != LivenessProbe {
		t.Fatalf("healthy=%v %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r := Diagnose(Input{Pod: pod, Now: now}); !r.Healthy {
		t.Errorf("without the kills: want healthy, got %s: %s", r.Category, r.Summary)
	}
}

// A container OOM-killed hours ago and running again is what the report
// asks about when the reporter's words speak of its restarts; without
// words, a rare kill it recovered from stays healthy.
func TestOOMKilledAskedAbout(t *testing.T) {
	st := running("wordpress")
	st.RestartCount = 5
	st.LastTerminationState.Terminated = &corev1.ContainerStateTerminated{ExitCode: 137, Reason: "OOMKilled", StartedAt: ts(3 * time.Hour), FinishedAt: ts(2 * time.Hour)}
	pod := testPod([]string{"wordpress"}, setStatus(st), func(p *corev1.Pod) { start := ts(3 * 24 * time.Hour); p.Status.StartTime = &start })
	words := "WordPress + WooCommerce restarts several times a day, always at busy times. PHP memory_limit is 512M.\n"
	if r := Diagnose(Input{Pod: pod, Now: now, Logs: map[string]string{"": words}}); r.Healthy || r.Category != OOMKilled {
		t.Fatalf("healthy=%v %s: %s", r.Healthy, r.Category, r.Summary)
	}
	if r := Diagnose(Input{Pod: pod, Now: now}); !r.Healthy {
		t.Errorf("no words: want healthy, got %s: %s", r.Category, r.Summary)
	}
}

// A report told in words whose words are about the C library the binary
// needs (a builder image newer than the runtime image): the image's bug,
// as the corpus labels GLIBC mismatches.
func TestGlibcWords(t *testing.T) {
	words := "fix runtime glibc mismatch\n\nrust:latest silently moved from bookworm to trixie (glibc 2.41), so binaries required GLIBC_2.38+ that the bookworm-slim runner (glibc 2.36) lacks, and the 3.0.0 image crash-loops at startup.\n"
	if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": words}}); r.Category != AppCrash {
		t.Fatalf("got %s: %s", r.Category, r.Summary)
	}
}

// A job pod whose containers all terminated: the one killed for memory is
// why the others failed, and is the one diagnosed.
func TestOOMKilledSiblingFirst(t *testing.T) {
	term := func(name string, code int32, reason string) corev1.ContainerStatus {
		return corev1.ContainerStatus{Name: name, State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: code, Reason: reason}}}
	}
	pod := testPod([]string{"orchestrator", "source", "destination"}, setStatus(term("orchestrator", 1, "Error")), setStatus(term("source", 143, "Error")), setStatus(term("destination", 137, "OOMKilled")))
	if r := Diagnose(Input{Pod: pod, Now: now}); r.Container != "destination" || r.Category != OOMKilled {
		t.Fatalf("got %s %s: %s", r.Container, r.Category, r.Summary)
	}
}
