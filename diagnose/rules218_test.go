package diagnose

import "testing"

// Rules from the misses of held-out rounds 218 to 223 (game servers,
// search engines, GitOps tools, cluster networking, ingress and webhooks,
// observability back-ends).
func TestRules218(t *testing.T) {
	checkLogRules(t, []logRule{
		{"flannel without its ConfigMap's net-conf.json", "E0501 20:55:21.603770       1 main.go:127] Failed to create SubnetManager: failed to read net conf: open /etc/kube-flannel/net-conf.json: no such file or directory\n", MissingConfigObject, "failed to read net conf"},
		{"a refused localhost the report says is the proxy container", "Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\nIs there a way to delay the initial HTTP request to the proxy container?\n", DependencyUnavailable, "connection refused"},
	})
	checkNotRead(t, []notRead{
		{"Error: unable to build kong api client(s): client not ready: making HTTP request: Get \"https://localhost:8444/status\": dial tcp 127.0.0.1:8444: connect: connection refused\n", DependencyUnavailable},
		{"open /etc/app/config.json: no such file or directory\n", MissingConfigObject},
	})
}

// Rules from the misses of held-out rounds 224 to 229 (.NET and BEAM
// services, storage drivers, cluster agents, security tools, workflow
// servers, environment variables).
func TestRules224(t *testing.T) {
	checkLogRules(t, []logRule{
		{"a host setting holding a whole assignment", "[warning] [Tortoise311] Connection failed: {:nxdomain, ~c\"MQTT_HOST=mosquitto\", 1883}, %{port: 1883, status: :down}\n", ConfigError, "MQTT_HOST=mosquitto"},
		{"the BEAM's resolver", "[warning] [Tortoise311] Connection failed: {:nxdomain, ~c\"mosquitto.mqtt\", 1883}\n", DependencyUnavailable, "nxdomain"},
		{"an Erlang function clause", "[error]:GenServer #PID<0.2688.0> terminating\n** (stop) exited in: GenServer.stop(#PID<0.2689.0>, {:function_clause, [{Highlander, :handle_info, []}]})\n", AppCrash, "function_clause"},
		{"Elixir's KeyError on an atom key", "** (KeyError) key :namespace not found in: %{name: \"car\"}\n    (teslamate 1.28.0) lib/teslamate/mqtt.ex:12\n", AppCrash, "(KeyError) key :namespace"},
		{"a kernel module the kernel refuses", "modprobe: ERROR: could not insert 'rbd': Exec format error\n", ConfigError, "could not insert 'rbd'"},
		{"a Dapr app before its sidecar listens", "Unhandled exception. Dapr.DaprException: Bulk secret operation failed: the Dapr endpoint indicated a failure.\n ---> Grpc.Core.RpcException: Status(StatusCode=\"Internal\", Detail=\"Error starting gRPC call. HttpRequestException: Connection refused (127.0.0.1:50001) SocketException: Connection refused\")\n", DependencyUnavailable, "Connection refused"},
		{"a liveness-probe container whose port is taken", "E0412 10:02:11.000000       1 main.go:114] \"liveness-probe container not ready - Failed to start http server\" err=\"listen tcp 127.0.0.1:29652: bind: address already in use\"\n", PortConflict, "address already in use"},
	})
	checkNotRead(t, []notRead{
		{"error:{badmatch,{error,{{shutdown,{failed_to_start_child,auth,{\"Cookie file /var/lib/rabbitmq/.erlang.cookie must be accessible by owner only\",[]}}}}}}\n", AppCrash},
		{"exec /usr/local/bin/app: exec format error\n", ConfigError},
	})
}

// Rules from textbook shapes of frameworks' start-up failures (session
// 13's second batch).
func TestRulesClassic17(t *testing.T) {
	checkLogRules(t, []logRule{
		{"an Elixir ArithmeticError in init", "    ** (EXIT) an exception was raised:\n        ** (ArithmeticError) bad argument in arithmetic expression\n            :erlang./(1, 0)\n", AppCrash, "ArithmeticError"},
		{"the BEAM out of heap", "eheap_alloc: Cannot allocate 3936326656 bytes of memory (of type \"heap\").\n\nCrash dump is being written to: erl_crash.dump...done\n", OOMKilled, "eheap_alloc: Cannot allocate"},
		{"Micronaut's missing bean", "Caused by: io.micronaut.context.exceptions.NoSuchBeanException: No bean of type [com.acme.checkout.payments.PaymentGateway] exists. Make sure the bean is not disabled by bean requirements (enable trace logging for 'io.micronaut.context.condition' to check) and if the bean is enabled then ensure the class is declared a bean and annotation processing is enabled\n", AppCrash, "No bean of type"},
		{"Spring's bean cycle", "***************************\nAPPLICATION FAILED TO START\n***************************\n\nDescription:\n\nThe dependencies of some of the beans in the application context form a cycle:\n", AppCrash, "form a cycle"},
		{"axum 0.8's colon segments", "thread 'main' panicked at src/routes.rs:18:10:\nPath segments must not start with `:`. For capture groups, use `{capture}`.\n", AppCrash, "Path segments must not start with"},
		{"Laravel's duplicate route names", "  Unable to prepare route [api/orders/{order}] for serialization. Another route has already been assigned name [orders.show].\n", AppCrash, "already been assigned name"},
		{"an image's Ruby unlike the Gemfile's", "Your Ruby version is 3.2.4, but your Gemfile specified 3.3.1\n", AppCrash, "Your Ruby version is 3.2.4"},
	})
}
