package diagnose

import (
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of rounds 612 to 626 and textbook batches 209
// onwards.
func TestRules612(t *testing.T) {
	checkLogRules(t, []logRule{
		{"Node's spawn of a converter the image lacks", "node:events:497\n      throw er; // Unhandled 'error' event\n      ^\n\nError: spawn wkhtmltopdf ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)\n  errno: -2,\n  code: 'ENOENT',\n  syscall: 'spawn wkhtmltopdf',\n", CommandNotFound, "spawn wkhtmltopdf ENOENT"},
		{"Java's ProcessBuilder without the program", "Exception in thread \"main\" java.io.IOException: Cannot run program \"tesseract\": error=2, No such file or directory\n\tat java.base/java.lang.ProcessBuilder.start(ProcessBuilder.java:1143)\n", CommandNotFound, "Cannot run program"},
		{"Ruby's spawn without the program", "/usr/local/bundle/gems/mini_magick-4.12.0/lib/mini_magick/shell.rb:17:in `spawn': No such file or directory - convert (Errno::ENOENT)\n", CommandNotFound, "No such file or directory - convert"},
		{"Python's subprocess without the program", "  File \"/usr/local/lib/python3.12/subprocess.py\", line 1955, in _execute_child\n    raise child_exception_type(errno_num, err_msg, err_filename)\nFileNotFoundError: [Errno 2] No such file or directory: 'libreoffice'\n", CommandNotFound, "'libreoffice'"},
		{"OCRmyPDF without tesseract", "The program 'tesseract' could not be executed or was not found on your\nsystem PATH.\n\nTesseract is an OCR engine that is required by OCRmyPDF.\n", CommandNotFound, "could not be executed"},
		{"a program's own open-files check", "Java 1.8 detected; adding $SDC_JAVA8_OPTS\nConfiguration of maximum open file limit is too low: 1024 (expected at least 32768). Please consult https://goo.gl/6dmjXd\n", ConfigError, "open file limit is too low"},
		{"a script's TypeError beside its file:// location", "time=\"2025-06-03T02:00:05Z\" level=error msg=\"TypeError: Cannot read property 'token' of undefined\\n\\tat setup (file:///scripts/orders.js:24:38(14))\\n\" hint=\"script exception\"\n", AppCrash, "Cannot read property"},
		{"a simulation that does not compile", "08:02:11.774 [ERROR] i.g.c.ZincCompiler$ - /opt/gatling/user-files/simulations/acme/CheckoutSimulation.scala:41:9: not found: value constantUsersPerSecond\n08:02:11.802 [ERROR] i.g.c.ZincCompiler$ - one error found\nsbt.internal.inc.CompileFailed: Compilation failed\n", AppCrash, "not found: value constantUsersPerSecond"},
		{"Playwright loaded twice", "Error: Playwright Test did not expect test() to be called here.\nMost common reasons include:\n- You have two different versions of @playwright/test.\n\nError: No tests found\n", AppCrash, "did not expect test()"},
		{"Cypress before its server is up", "Cypress could not verify that this server is running:\n\n  > http://web:3000\n\nWe are verifying this server because it has been configured as your baseUrl.\n\nCypress failed to verify that your server is running.\n\nPlease start this server and then run Cypress again.\n", DependencyUnavailable, "Cypress"},
		{"a native image without reflection metadata", "Exception in thread \"main\" org.graalvm.nativeimage.MissingReflectionRegistrationError: The program tried to reflectively invoke method public com.acme.rules.plugins.GeoFenceRule() without it being registered for runtime reflection.\n\tat com.acme.rules.PluginRegistry.instantiate(PluginRegistry.java:52)\n", AppCrash, "MissingReflectionRegistrationError"},
		{"a native image without a proxy class", "io.micronaut.context.exceptions.BeanInstantiationException: Bean definition [com.acme.signer.SigningClientFactory] could not be loaded: Error instantiating bean of type  [com.acme.signer.SigningClient]\nCaused by: com.oracle.svm.core.jdk.UnsupportedFeatureError: Proxy class defined by interfaces [interface com.vendor.sign.client.RetryableSigner] not found. Generating proxy classes at runtime is not supported. Proxy classes need to be defined at image build time by specifying the list of interfaces that they implement.\n", AppCrash, "UnsupportedFeatureError"},
		{"Jackson without a way to build the class", "Caused by: com.fasterxml.jackson.databind.exc.InvalidDefinitionException: Cannot construct instance of `com.acme.pricing.model.TariffRule` (no Creators, like default constructor, exist): cannot deserialize from Object value (no delegate- or property-based Creator)\n", AppCrash, "no Creators"},
		{"Clojure's compiler on a renamed symbol", "Syntax error compiling at (orders/handler.clj:42:5).\nUnable to resolve symbol: db-conn in this context\n\nFull report at:\n/tmp/clojure-8274465092913045712.edn\n", AppCrash, "Unable to resolve symbol"},
		{"Julia's undefined name", "ERROR: LoadError: UndefVarError: `parse_row` not defined in `Ingest`\nSuggestion: check for spelling errors or missing imports.\nStacktrace:\n [1] load_batch(path::String)\n", AppCrash, "UndefVarError"},
		{"Scala's None.get", "Exception in thread \"zio-fiber-7\" java.util.NoSuchElementException: None.get\n\tat scala.None$.get(Option.scala:627)\n", AppCrash, "None.get"},
		{"Gleam's todo", "runtime error: todo\n\npick a store backend (sqlite or postgres)\n\nstacktrace:\n  notes.main src/notes.gleam:14\n", AppCrash, "runtime error: todo"},
		{"Haskell's Map.! above its call stack", "catalog-sync: Map.!: given key is not an element in the map\nCallStack (from HasCallStack):\n  error, called at libraries/containers/containers/src/Data/Map/Internal.hs:617:17 in containers-0.6.7:Data.Map.Internal\n", AppCrash, "given key is not an element"},
		{"OCaml reading a directory", "Fatal error: exception Sys_error(\"Is a directory\")\n", ConfigError, "Is a directory"},
		{"fluentd's plugin raising NoMethodError above frames that say configure", "2025-07-16 10:04:14 +0000 [error]: #0 unexpected error error_class=NoMethodError error=\"undefined method `each' for nil:NilClass\"\n  2025-07-16 10:04:14 +0000 [error]: #0 /fluentd/plugins/filter_pii_mask.rb:38:in `configure'\n  2025-07-16 10:04:14 +0000 [error]: #0 /usr/local/bundle/gems/fluentd-1.17.1/lib/fluent/agent.rb:64:in `configure'\n2025-07-16 10:04:14 +0000 [error]: Worker 0 exited unexpectedly with status 1\n", AppCrash, "error_class=NoMethodError"},
		{"the Cloud SQL proxy told to use a private IP the instance lacks", `{"severity":"ERROR","timestamp":"2025-04-15T09:20:44.802Z","message":"Connection test failed: [acme-notify:us-west1:notify-pg] failed to connect to instance: Config error: instance does not have IP of type \"PRIVATE\" (connection name = \"acme-notify:us-west1:notify-pg\")"}` + "\n" + `{"severity":"ERROR","timestamp":"2025-04-15T09:20:44.802Z","message":"The proxy has encountered a terminal error: connection test failed"}` + "\n", ConfigError, "does not have IP of type"},
		{"git-sync's ssh without the host's key, inside its JSON error", `{"logger":"","ts":"2025-08-27 16:40:55.219871","msg":"error syncing repo, will retry","error":"Run(git fetch git@gitlab.acme.internal:platform/config-repo.git main): exit status 128: { stdout: \"\", stderr: \"No ED25519 host key is known for gitlab.acme.internal and you have requested strict checking.\\r\\nHost key verification failed.\\r\\nfatal: Could not read from remote repository.\" }"}` + "\n", ConfigError, "host key"},
		{"Playwright without its browser", "\"webkit\" browser was not found.\nPlease complete Playwright installation via running \"python -m playwright install\"\n", AppCrash, "browser was not found"},
		{"Playwright without the browser of its version", "browserType.launch: Executable doesn't exist at /ms-playwright/chromium-1091/chrome-linux/chrome\n    at /app/dist/scrape.js:47:43\n", AppCrash, "Executable doesn't exist"},
		{"WildFly's deployment without the datasource it names", "11:02:41,558 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0013: Operation (\"deploy\") failed - address: ([(\"deployment\" => \"orders.war\")]) - failure description: {\n    \"WFLYCTL0412: Required services that are not installed:\" => [\"jboss.naming.context.java.jboss.datasources.OrdersDS\"],\n    \"WFLYCTL0180: Services with missing/unavailable dependencies\" => [\n", ConfigError, "WFLYCTL0412"},
		{"WebLogic's boot identity refused", "<Oct 17, 2025, 7:02:16,308 AM Coordinated Universal Time> <Critical> <Security> <BEA-090402> <Authentication denied: Boot identity not valid. The user name or password or both from the boot identity file (boot.properties) is not valid.>\n", ConfigError, "Boot identity not valid"},
		{"a WebLogic managed server without its admin server", "<Oct 18, 2025, 10:42:12,903 AM Coordinated Universal Time> <Emergency> <Management> <BEA-141151> <The Administration Server could not be reached at http://hr-domain-admin-server:7001.>\n", DependencyUnavailable, "could not be reached"},
		{"Payara's admin port held by another instance", "There is a process already using the admin port 4848 -- it probably is another instance of a Payara Server.\nCommand start-domain failed.\n", PortConflict, "already using the admin port 4848"},
		{"OpenJ9's general protection fault", "Unhandled exception\nType=Segmentation error vmState=0x00000000\nJ9Generic_Signal_Number=00000018 Signal_Number=0000000b Error_Value=00000000 Signal_Code=00000001\nJVMDUMP039I Processing dump event \"gpf\", detail \"\" at 2025/10/14 10:27:53 - please wait.\n", Segfault, "Segmentation error"},
		{"Tomcat's context that does not parse, below the asker's words about the probe", "Tomcat runs but /crm is 404 and the liveness probe restarts the pod:\n$ kubectl logs crm-tomcat-6f9d8c7b5-hm4tz --previous\n17-Oct-2025 10:02:12.614 SEVERE [main] org.apache.catalina.startup.ContextConfig.processContextConfig Parse error in context.xml for [/crm]\n17-Oct-2025 10:02:12.617 SEVERE [main] org.apache.catalina.startup.ContextConfig.configureStart Marking this application unavailable due to previous error(s)\n17-Oct-2025 10:02:12.624 SEVERE [main] org.apache.catalina.core.StandardContext.startInternal Context [/crm] startup failed due to previous errors\n", ConfigError, "Parse error in context.xml"},
		{"Payara's deployment that overflows its stack, below the asker's words about the probe", "Deployment fails and the pod is restarted by the liveness probe. server.log:\n\n[2025-10-19T10:11:42.880+0000] [Payara 6.2024.10] [SEVERE] [] [jakarta.enterprise.system.core]\n  Exception while loading the app : CDI deployment failure:java.lang.StackOverflowError\njava.lang.StackOverflowError\n\tat com.acme.crm.model.Customer.toString(Customer.java:112)\n", AppCrash, "StackOverflowError"},
		{"Cassandra's mmap beyond vm.max_map_count", "WARN  [main] 2025-04-29 06:12:03,121 StartupChecks.java:459 - Maximum number of memory map areas per process (vm.max_map_count) 65530 is too low\nERROR [main] 2025-04-29 06:14:40,002 JVMStabilityInspector.java:196 - Exiting due to error while processing commit log during initialization.\njava.lang.OutOfMemoryError: Map failed\n\tat java.base/sun.nio.ch.FileChannelImpl.map0(Native Method)\n", ConfigError, "Map failed"},
		{"runc without a memory cgroup on a leaking kernel", "Error: failed to start container \"cart\": Error response from daemon: OCI runtime create failed: container_linux.go:380: starting container process caused: process_linux.go:385: applying cgroup configuration for process caused: mkdir /sys/fs/cgroup/memory/kubepods/burstable/pod6d2b91c4/0f9b2c81: cannot allocate memory: unknown\n", ConfigError, "cannot allocate memory"},
		{"a registry's connect timeout", "[ERROR] 2025-03-02 10:12:44.021 +0800 org.apache.dolphinscheduler.server.master.MasterServer:[61] - Master server start failed\norg.apache.dolphinscheduler.registry.api.RegistryException: zookeeper connect timeout: dolphinscheduler-zookeeper:2181\n", DependencyUnavailable, "connect timeout"},
		{"Symfony on a class the code names but does not have", "In ApprovalSubscriber.php line 28:\n\n  Attempted to load class \"ApprovalService\" from namespace \"KimaiPlugin\\ApprovalBundle\\Service\".\n  Did you forget a \"use\" statement for another namespace?\n", AppCrash, "Attempted to load class"},
		{"a CRI client on a runtime that lacks its API version", "E0310 08:12:01.443 1 main.go:112] Failed to new image service for containerd (, unix:///hostvarrun/containerd/containerd.sock): failed to fetch cri-containerd status: rpc error: code = Unimplemented desc = unknown service runtime.v1alpha2.ImageService\n", ConfigError, "unknown service"},
		{"a node agent without kernel headers for its driver", "* Running dkms autoinstall\nError! echo\nYour kernel headers for kernel 4.4.35+ cannot be found at\n/lib/modules/4.4.35+/build or /lib/modules/4.4.35+/source.\n* Trying to find precompiled sysdigcloud-probe for 4.4.35+\nCannot find kernel config\n", ConfigError, "kernel headers"},
		{"firebase-tools without Java", "i  emulators: Starting emulators: firestore\n!  emulators: Could not spawn `java -version`. Please make sure Java is installed and on your system PATH.\nError: java not found\n", CommandNotFound, "Could not spawn"},
		{"a Firestore emulator whose port is taken", "⚠  firestore: Port 8080 is not open on localhost (127.0.0.1,::1), could not start Firestore Emulator.\nError: Could not start Firestore Emulator, port taken.\n", PortConflict, "port"},
		{"a database host setting that carries its port", "appwrite  | PHP Fatal error:  Uncaught Exception: Failed to connect to database: SQLSTATE[HY000] [2002] php_network_getaddresses: getaddrinfo for db-mariadb-prod.internal.acme.net:3306 failed: Name or service not known in /usr/src/code/app/http.php:84\n", ConfigError, "getaddrinfo for"},
		{"Snort 3's Lua configuration that does not parse", "Loading /usr/local/etc/snort/snort.lua:\nERROR: /usr/local/etc/snort/snort.lua: /usr/local/etc/snort/snort.lua:52: '}' expected (to close '{' at line 47) near 'enable_builtin_rules'\nFATAL: see prior 1 errors (0 warnings)\nFatal Error, Quitting..\n", ConfigError, "snort.lua:52"},
		{"clamd unable to open its log", "ERROR: Can't open /var/log/clamav/clamd.log in append mode (check permissions!).\nERROR: Can't initialize the logger\n", PermissionDenied, "check permissions"},
		{"Prosody on a port ejabberd holds", "portmanager          error     Failed to open server port 5222 on ::, check that Prosody or another XMPP server is not already running and using this port\nstartup              error     Prosody was unable to bind to any ports, exiting\n", PortConflict, "Failed to open server port 5222"},
		{"Node's JSON.parse of a settings file with a trailing comma", "SyntaxError: Expected double-quoted property name in JSON at position 412 (line 18 column 3)\n    at JSON.parse (<anonymous>)\n    at Object.<anonymous> (/home/Shinobi/libs/config.js:8:19)\n", ConfigError, "double-quoted property name"},
		{"a kubelet on a kernel booted without the memory cgroup", "Feb 02 10:11:12 pi4 microk8s.daemon-kubelite[2143]: E0202 10:11:12.123456    2143 kubelet.go:1512] \"Failed to start ContainerManager\" err=\"system validation failed - Following Cgroup subsystem not mounted: [memory]\"\n", ConfigError, "not mounted: [memory]"},
		{"a TLS client before the node's clock was set", "Error: certificate is not yet valid\n    at TLSSocket.onConnectSecure (node:_tls_wrap:1679:34) {\n  code: 'CERT_NOT_YET_VALID'\n}\n", ConfigError, "not yet valid"},
		{"RPi.GPIO without the GPIO device", "Traceback (most recent call last):\n  File \"/app/relay.py\", line 9, in <module>\n    GPIO.setup(17, GPIO.OUT)\nRuntimeError: No access to /dev/mem.  Try running as root!\n", PermissionDenied, "No access to /dev/mem"},
		{"the arm64 kernel on a process's bad memory access", "[ 8812.44102] infer[41233]: unhandled exception: DABT (lower EL), ESR 0x92000007, level 3 translation fault in librknnrt.so[ffff9c000000+23a000]\n", Segfault, "unhandled exception: DABT"},
		{"systemd-coredump's signal 11 above its unit's end", "systemd-coredump[91208]: Process 91207 (node) of user 1000 terminated abnormally with signal 11/SEGV, processing...\nsystemd[1]: systemd-coredump@17-91208-0.service: Deactivated successfully.\n", Segfault, "signal 11/SEGV"},
		{"Swarm's ingress port held by another service", "failed to update service bi_superset: Error response from daemon: rpc error: code = InvalidArgument desc = port '3000' is already in use by service 'bi_metabase' (kt3n0x0ex7o9) as an ingress port\n", PortConflict, "already in use by service"},
		{"Nomad's reserved port collision", "    * Dimension \"network: reserved port collision http=80\" exhausted on 3 nodes\n", PortConflict, "reserved port collision"},
		{"Nomad's exec driver without the command", "  2025-03-04T10:12:01Z  Driver Failure  failed to launch command with executor: rpc error: code = Unknown desc = file local/prometheus not found under path /var/lib/nomad/alloc/5c1e/prometheus\n", CommandNotFound, "not found under path"},
		{"Rails without its secret_key_base", "ArgumentError: Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit`\n", ConfigError, "secret_key_base"},
	})
	checkWords(t, []wordsCase{
		{"a ClusterRole never created, so the pod lacks access rights", "As a result, the `ClusterRole/d8:network-policy-engine` resource was not created in the cluster. This caused the `kube-router` pod to lack access rights to the Kubernetes API, leading to `CrashLoopBackOff`.\n", PermissionDenied},
		{"a database that exited after the host rebooted, told in Chinese", "重启查看服务状态，pgsql 已经退出，maxkb 有设置重启参数，所以一直处于 restarting 阶段\n", DependencyUnavailable},
	})
	checkNotRead(t, []notRead{
		{"    wisp_mist.handler(router.handle_request, secret_key_base)\n", ConfigError},
		{"FileNotFoundError: [Errno 2] No such file or directory: 'config.yaml'\n", CommandNotFound},
		{"FileNotFoundError: [Errno 2] No such file or directory: '/etc/app/settings'\n", CommandNotFound},
	})
	checkWords(t, []wordsCase{
		{"an old ConfigMap name a sidecar still references", "Old configmap name cf-runtime-spec still referenced by sidecar container\n\nAfter this change renamed the configmap the sidecar container crashloops.\n", MissingConfigObject},
		{"a pod that still points to the deleted secret", "After the upgrade the worker keeps restarting; its env still points to the deleted secret from the old release.\n", MissingConfigObject},
	})
	notAbout(t, "The old configmap is still mounted but the new key is read first; the app rejects the value of LOG_LEVEL.\n", MissingConfigObject, "a key the old ConfigMap holds")
	checkLogFinishes(t, "devicequery", []finishCase{
		{"Device 0: \"Orin\"\n  Total amount of global memory:                 7337 MBytes (7693021184 bytes)\n  Maximum memory pitch:                          2147483647 bytes\ndeviceQuery, CUDA Driver = CUDART, CUDA Driver Version = 12.2, NumDevs = 1\nResult = PASS\n", true},
	})
	checkLogFinishes(t, "metadata", []finishCase{
		{"INFO Applying metadata...\nINFO Metadata applied\n", true},
	})
	checkLogRules(t, []logRule{
		{"a Lua plugin's code that does not parse stays the program's", "2025/01/10 10:00:00 [error] 1#0: init_by_lua error: /usr/local/share/lua/5.1/kong/plugins/acme/handler.lua:41: 'end' expected (to close 'function' at line 18) near '<eof>'\n", AppCrash, "handler.lua:41"},
	})
	checkLogFinishes(t, "scheduler", []finishCase{
		{"\n   INFO  No scheduled commands are ready to run.\n\n", true},
		{"Checking all CustomResourceDefinitions have storage version set to \"v1\"\nAll CustomResourceDefinitions have \"v1\" configured as the storage version.\nNothing to do. cert-manager CRDs do not have \"status.storedVersions\" containing old API versions. You may proceed to upgrade to cert-manager v1.7.\n", true},
	})
	checkLogFinishes(t, "envoy", []finishCase{
		{"[2025-06-03 15:40:22.119][1][info][config] [source/server/configuration_impl.cc:154] loading stats configuration\nconfiguration '/etc/envoy/envoy.yaml' OK\n", true},
	})
	notAbout(t, "[BUG] koordlet pod always CrashLoopBackOff\n\n- Kubernetes version (use `kubectl version`):Client Version: version.Info{Major:\"1\", Minor:\"22\", GitVersion:\"v1.22.3\", Compiler:\"gc\", Platform:\"darwin/arm64\"}\nServer Version: version.Info{Major:\"1\", Minor:\"22\", GitVersion:\"v1.22.3\", Compiler:\"gc\", Platform:\"linux/arm64\"}\n- Others: local install with minikube\n", ExecFormat, "kubectl version's platforms")
	notAbout(t, "内存给了 32G（mem_limit），docker inspect 看 OOMKilled 是 false。\n", OOMKilled, "the OOMKilled flag said to be false")
	if r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "+ modprobe wireguard\n+ echo 'wireguard module loaded'\nwireguard module loaded\nit's a DaemonSet that loads the kernel module, why is it crash looping?\n"}}); strings.Contains(r.Summary, "+ modprobe") {
		t.Errorf("a shell's trace read as the reporter's words: %s", r.Summary)
	}
	notAbout(t, "Is something crashing? The node log ends with:\n2025-04-30 10:14:22,613 INFO exited: selenium-node (exit status 0; expected)\n2025-04-30 10:14:22,614 INFO waiting for xvfb, vnc, novnc to die\n", DependencyUnavailable, "supervisord waiting for its own programs to stop")
}

// A helper program the app starts is not the container's command: the
// summary says which it is.
func TestChildProgramSummary(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "Error: spawn wkhtmltopdf ENOENT\n    at ChildProcess._handle.onexit (node:internal/child_process:286:19)\n"}})
	if r.Category != CommandNotFound || !strings.Contains(r.Summary, "a program it starts") || strings.Contains(r.Summary, "ENTRYPOINT") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// The wp-cli and Docker CLI variants of an image are command-line tools:
// run as a service without a command of the pod's own, they finish.
func TestCLITaggedImagesAreOneShot(t *testing.T) {
	for img, want := range map[string]bool{
		"wordpress:cli":                   true,
		"wordpress:cli-2.10-php8.3":       true,
		"docker.io/library/docker:27-cli": true,
		"wordpress:6.6-apache":            false,
		"docker:27-dind":                  false,
		"registry.local:5000/wordpress":   false,
	} {
		_, base := imageRepo(img)
		if got := oneShotImage(&containerView{}, img) != ""; got != want {
			t.Errorf("%s (%s): one-shot %v, want %v", img, base, got, want)
		}
	}
}

// A reporter's "killed because of memory limits" is no runtime heap limit:
// the summary does not say it is.
func TestReportersMemoryClauseSummary(t *testing.T) {
	r := Diagnose(Input{Pod: noState, Now: now, Logs: map[string]string{"app": "[kubernetes-dashboard] killed because of memory limits\n\nDashboard is regularly killed by kubernetes because used memory exceeded default memory limits, which is 50Mi.\n"}})
	if r.Category != OOMKilled || strings.Contains(r.Summary, "heap limit") {
		t.Errorf("got %s: %s", r.Category, r.Summary)
	}
}

// An application server whose app failed to deploy runs on without it;
// the probe on the app's path kills the server, and the deployment's error
// in the log is why.
func TestDeployErrorOutweighsTheProbeKill(t *testing.T) {
	events := []corev1.Event{
		event("Unhealthy", "app", "Liveness probe failed: HTTP probe failed with statuscode: 404", 20*time.Second, 9),
		event("Killing", "app", "Container app failed liveness probe, will be restarted", 20*time.Second, 3),
		backOff("app"),
	}
	deployed := "11:02:39,101 INFO  [org.jboss.as.server] WFLYSRV0049: WildFly Full 32.0.1.Final starting\n11:02:41,558 ERROR [org.jboss.as.controller.management-operation] (Controller Boot Thread) WFLYCTL0013: Operation (\"deploy\") failed - address: ([(\"deployment\" => \"orders.war\")]) - failure description: {\"WFLYCTL0080: Failed services\" => {\"jboss.persistenceunit.\\\"orders.war#ordersPU\\\"\" => \"org.postgresql.util.PSQLException: Connection to orders-db-rw:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.\"}}\n11:02:41,688 ERROR [org.jboss.as] (Controller Boot Thread) WFLYSRV0026: WildFly Full 32.0.1.Final (WildFly Core 24.0.1.Final) started (with errors) in 7903ms\n"
	r := Diagnose(Input{Pod: app(143, "Error", withLiveness("app")), Events: events, Logs: logOf(deployed), Now: now})
	if r.Category != DependencyUnavailable {
		t.Errorf("with the deployment's error: got %s: %s", r.Category, r.Summary)
	}
	// Without a failed deployment, the same kill is the probe's.
	plain := "11:02:39,101 INFO  [org.jboss.as.server] WFLYSRV0049: WildFly Full 32.0.1.Final starting\n11:02:41,688 INFO  [org.jboss.as] WFLYSRV0025: WildFly Full 32.0.1.Final started in 7903ms\n"
	if r := Diagnose(Input{Pod: app(143, "Error", withLiveness("app")), Events: events, Logs: logOf(plain), Now: now}); r.Category != LivenessProbe {
		t.Errorf("without one: got %s: %s", r.Category, r.Summary)
	}
}

// A pod of the same workload shown Completed between restarts says the
// container exits 0, when nothing else names a cause.
func TestCompletedSiblingRow(t *testing.T) {
	pod := app(0, "", func(p *corev1.Pod) { p.Name = "wg-modload-5kq2x" })
	pod.Status.ContainerStatuses[0].LastTerminationState = corev1.ContainerState{}
	pod.Status.ContainerStatuses[0].State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}}
	in := Input{Pod: pod, Now: now, Neighbours: []Neighbour{{Name: "wg-modload-m7r4d", Status: "Completed", Restarts: 12}}}
	if r := Diagnose(in); r.Category != Completed {
		t.Errorf("with a Completed sibling: got %s: %s", r.Category, r.Summary)
	}
	in.Neighbours = []Neighbour{{Name: "other-app-m7r4d", Status: "Completed", Restarts: 12}}
	if r := Diagnose(in); r.Category == Completed {
		t.Errorf("another workload's Completed pod read as this one's: %s", r.Summary)
	}
}
