package diagnose

import "testing"

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
		{"Rails without its secret_key_base", "ArgumentError: Missing `secret_key_base` for 'production' environment, set this string with `bin/rails credentials:edit`\n", ConfigError, "secret_key_base"},
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
	checkLogFinishes(t, "envoy", []finishCase{
		{"[2025-06-03 15:40:22.119][1][info][config] [source/server/configuration_impl.cc:154] loading stats configuration\nconfiguration '/etc/envoy/envoy.yaml' OK\n", true},
	})
	notAbout(t, "Is something crashing? The node log ends with:\n2025-04-30 10:14:22,613 INFO exited: selenium-node (exit status 0; expected)\n2025-04-30 10:14:22,614 INFO waiting for xvfb, vnc, novnc to die\n", DependencyUnavailable, "supervisord waiting for its own programs to stop")
}
