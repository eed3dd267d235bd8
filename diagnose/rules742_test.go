package diagnose

import (
	"testing"

	corev1 "k8s.io/api/core/v1"
)

// Rules added for the faults of textbook batches 362 onwards (session 41).
func TestRules742(t *testing.T) {
	checkLogRules(t, []logRule{
		{"zod's check of the environment", "Invalid environment variables. Check the error below\n[\n  {\n    \"code\": \"invalid_type\",\n    \"path\": [\n      \"ENCRYPTION_KEY\"\n    ],\n    \"message\": \"Required\"\n  }\n]\n", ConfigError, "Invalid environment variables"},
		{"a Java start script on a cgroup v1 path", "Caused by: java.nio.file.NoSuchFileException: /sys/fs/cgroup/memory/memory.limit_in_bytes\n", AppCrash, "memory.limit_in_bytes"},
		{"the Python kubernetes client older than the cluster", "  File \"/usr/local/lib/python3.11/site-packages/kubernetes/client/api_client.py\", line 641, in __deserialize_model\n    instance = klass(**kwargs)\nValueError: Invalid value for `conditions`, must not be `None`\n", AppCrash, "must not be `None`"},
		{"Keras' model that does not fit its input", "ValueError: Exception encountered when calling Sequential.call().\n\nInput 0 of layer \"dense\" is incompatible with the layer: expected axis -1 of input shape to have value 784, but received input with shape (None, 28, 28)\n", AppCrash, "incompatible with the layer"},
		{"DDP's parameters without a gradient", "RuntimeError: Expected to have finished reduction in the prior iteration before starting a new one. This error indicates that your module has parameters that were not used in producing loss.\n", AppCrash, "finished reduction"},
		{"Vault's policy without the path", "hvac.exceptions.Forbidden: 1 error occurred:\n\t* permission denied\n, on get http://vault.vault.svc:8200/v1/secret/data/billing-sync/db\n", PermissionDenied, "Forbidden"},
		{"listmonk never installed", "2025/01/12 10:02:11 main.go:104 connecting to db: listmonk-pg:5432/listmonk\n2025/01/12 10:02:11 main.go:154 the database does not appear to be setup. Run --install.\n", ConfigError, "does not appear to be setup"},
		{"sglang's memory fraction too small", "RuntimeError: Not enough memory. Please try to increase --mem-fraction-static.\n", ConfigError, "--mem-fraction-static"},
		{"OSRM on data for the other algorithm", "[warn] Missing/Broken File: /data/region.osrm.mldgr\nterminate called after throwing an instance of 'osrm::util::exception'\n  what():  Required files are missing, cannot continue.  Have all the pre-processing steps been run?\n", ConfigError, "Required files are missing"},
		{"Valhalla's config without a key", "terminate called after throwing an instance of 'boost::wrapexcept<boost::property_tree::ptree_bad_path>'\n  what():  No such node (mjolnir.tile_extract)\n", ConfigError, "No such node"},
		{"Paperless' check of its consumption directory", "webserver-1  | ?: PAPERLESS_CONSUMPTION_DIR is not writeable\n", PermissionDenied, "not writeable"},
		{"Spring Cloud Config's client refused", "Caused by: org.springframework.web.client.HttpClientErrorException$Unauthorized: 401 : \"{\"status\":401,\"error\":\"Unauthorized\",\"path\":\"/shipping/prod\"}\"\n", ConfigError, "401"},
		{"Orthanc's DICOM port", "E0304 11:02:19.882014             MAIN OrthancException.cpp:61] The TCP port of the DICOM server is privileged or already in use\nE0304 11:02:19.882101             MAIN main.cpp:2113] Uncaught exception, stopping now: [The TCP port of the DICOM server is privileged or already in use] (code 2004)\n", PortConflict, "already in use"},
		{"Orthanc's plugin without libpython", "E0307 12:01:14.223580             MAIN SharedLibrary.cpp:88] dlopen(/usr/share/orthanc/plugins/libOrthancPython.so): libpython3.11.so.1.0: cannot open shared object file: No such file or directory\n", AppCrash, "libpython3.11"},
		{"Moodle on an old PHP", "Moodle 4.5 or later requires at least PHP 8.1.0 (currently using version 7.4.33).\nSome server checks failed.\n", AppCrash, "requires at least PHP"},
		{"a JPA query after a rename", "Caused by: java.lang.IllegalArgumentException: Validation failed for query for method public abstract java.util.List com.acme.OrderRepository.findOpenByCustomer(java.lang.Long)\nCaused by: org.hibernate.query.sqm.UnknownPathException: Could not resolve attribute 'customerID' of 'com.acme.Order'\n", AppCrash, "UnknownPathException"},
		{"pdfkit without wkhtmltopdf", "    raise IOError('No wkhtmltopdf executable found: \"%s\"\\n'\nOSError: No wkhtmltopdf executable found: \"b''\"\n", CommandNotFound, "No wkhtmltopdf executable found"},
	})
	checkNotRead(t, []notRead{
		// A cause the reporter sets apart, with its detail in the brackets.
		{"Tonight the postgres container wouldn't start at all (disk full on /var/lib/docker, separate problem) and vaultwarden looped all night.\n", ConfigError},
		// Octave's notice that it has no display is no setting missing.
		{"octave: X11 DISPLAY environment variable not set\n", ConfigError},
		// A guess about a flag the reporter lowered "because it avoids OOM".
		{"(I lowered mem-fraction-static from the default because I read it avoids OOM)\n", OOMKilled},
	})
}

// More one-shot tools' last words of success, and an INFO line that
// counts no failure.
func TestTaskEndings742(t *testing.T) {
	for _, log := range []string{
		"==> Starting validation\nskipping file /consul/config/README, extension must be .hcl or .json, or config format must be set\nConfiguration is valid!\n",
		"INFO  [main] 15:22:09,553 org.apache.tika.batch.BatchProcess There were 0 fatal exceptions\nINFO  [main] 15:22:10,119 org.apache.tika.batch.BatchProcessDriverCLI Process finished; exiting with 0\n",
		// The reporter's note that the web server's line is gone is no web server.
		"2024-07-09T11:47:08.117Z  INFO 1 --- [pricing] [           main] com.acme.shop.pricing.PricingApplication : Started PricingApplication in 7.384 seconds (process running for 8.012)\n" +
			"2024-07-09T11:47:08.139Z  INFO 1 --- [pricing] [ionShutdownHook] j.LocalContainerEntityManagerFactoryBean : Closing JPA EntityManagerFactory for persistence unit 'default'\n\n" +
			"Note there's no \"Tomcat started on port\" line anymore.\n",
	} {
		wantCompleted(t, log)
	}
}

// An eviction for the pod's own storage limit is its setting; one for the
// node's pressure stays unexplained.
func TestOwnStorageLimit742(t *testing.T) {
	for _, tc := range []struct {
		msg  string
		want Category
	}{
		{`Container runner exceeded its local ephemeral storage limit "2Gi". `, ConfigError},
		{`Usage of EmptyDir volume "scratch" exceeds the limit "10Gi". `, ConfigError},
		{"The node was low on resource: ephemeral-storage. Threshold quantity: 2Gi, available: 1Gi. ", Unknown},
	} {
		st := corev1.ContainerStatus{Name: "runner", State: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 137, Reason: "ContainerStatusUnknown"}}}
		pod := testPod([]string{"runner"}, setStatus(st))
		pod.Status.Phase, pod.Status.Reason, pod.Status.Message = corev1.PodFailed, "Evicted", tc.msg
		if r := Diagnose(Input{Pod: pod, Now: now}); r.Category != tc.want {
			t.Errorf("%q: got %s: %s", tc.msg, r.Category, r.Summary)
		}
	}
}
