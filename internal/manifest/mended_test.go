package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// A failure the asker says is mended, in a sentence or in the thread's
// comments, does not decide: the one they paste as the current one does.
func TestMendedFailuresDoNotDecide(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a mended failure named in passing", "Title: api pod CrashLoopBackOff\n\nFixed the image arch (it's amd64 now, exec format error gone). Postgres runs as its own Deployment + Service `postgres`.\n\n    $ kubectl logs api-7b8c9d6f5-n2fxq --previous\n    Error: listen tcp :80: bind: permission denied\n",
			diagnose.PermissionDenied},
		{"a failure and how it was mended, then 'that's fine now'", "Note: the EADDRINUSE on 3000 was our own metrics server, moved it to 9464 and that's fine now.\n\n$ kubectl logs profile-svc-84b9d7c6f5-m8rtx --previous\nMongoServerSelectionError: getaddrinfo ENOTFOUND mongodb-headless.data.svc.cluster.local\n",
			diagnose.DependencyUnavailable},
		{"a fix, then 'Different crash though:'", "Fixed the CRLF line endings in docker-entrypoint.sh (the `\\r': No such file or directory` thing), so the container actually runs node now. Different crash though:\n\n```\n<--- JS stacktrace --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n```\n",
			diagnose.OOMKilled},
		{"a forum thread whose first paste was mended", "Next.js container exits with code 127 on Kubernetes\n\njv_ortiz\nNov 18\n\nOur app was crashing with:\n\n```\nError: Could not load the \"sharp\" module using the linuxmusl-x64 runtime\n```\n\nWe now run `npm ci` inside the Dockerfile and the sharp error is gone.\n\nNow the container dies immediately:\n\n```\n> next start -p 3000\n\nsh: next: not found\n```\n",
			diagnose.CommandNotFound},
		{"a Jira ticket whose reporter says 'No more OOMKilled'", "[FIN-2146] invoice-service CrashLoopBackOff in preprod\nReporter:\tGeorg Huber\n\nDescription\ninvoice-service 6.4.0 in preprod is restarting, Last State OOMKilled (limit 768Mi).\n\nComments\nComment by Lina Haddad [ 28/Oct/25 ]\nChanged MaxRAMPercentage to 70 and the limit to 1Gi.\n\nComment by Georg Huber [ 29/Oct/25 ]\nNo more OOMKilled. But the pods still don't come up, they now fail in the first seconds:\n\n{noformat}\nCaused by: org.springframework.web.client.ResourceAccessException: I/O error on GET request for \"http://config-server.platform.svc:8888/invoice-service/preprod\": Connection refused\nCaused by: java.net.ConnectException: Connection refused\n{noformat}\n",
			diagnose.DependencyUnavailable},
		{"a mail reply that pastes what it sees now under the message it quotes", "Subject: Re: KRaft broker on k8s: AccessDeniedException, then meta.properties\n\nthe fsGroup suggestion worked, the\n\n  java.nio.file.AccessDeniedException: /var/lib/kafka/data/.lock\n\nis gone.\n\nNow each pod fails a little later with this:\n\n[2025-11-17 14:31:07,781] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\norg.apache.kafka.common.KafkaException: No `meta.properties` found in /var/lib/kafka/data (have you run `kafka-storage.sh` to format the directory?)\n\nOn Mon, Nov 17, 2025 at 11:20 AM Luke Chen <luke@example.org> wrote:\n> The data dir is owned by root and your image runs as uid 1000.\n> > [2025-11-16 20:01:44,003] ERROR Exiting Kafka due to fatal exception during startup. (kafka.Kafka$)\n> > java.nio.file.AccessDeniedException: /var/lib/kafka/data/.lock\n",
			diagnose.ConfigError},
	})
}

// How the failure asked about was mended is not a mended earlier failure:
// told after the evidence, or with no current failure opened after it, it
// keeps the paste whole.
func TestMendedFailureAskedAboutStays(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"the fix told last", "Caddy crash loops on k3s with hostNetwork\n\n```\nError: loading initial config: loading new config: http app module: start: listening on :443: listen tcp :443: bind: address already in use\n```\n\nsvclb-traefik holds 443 on the node.\n\nYep, svclb-traefik. Disabled traefik, the error is gone and Caddy binds 443 now. Thanks!\n",
			diagnose.PortConflict},
		{"a mail reply in words that explains the message it quotes", "On Mon, Mar 3, 2025 at 4:51 PM Ana Ruiz <ana@example.com> wrote:\n> the new image for intranet does not start in staging, RESTARTS is already 19.\n> Last State says Error, exit code 127. Logs:\n>\n> /docker-entrypoint.sh: line 12: gunicorn: command not found\n\nYes, sorry, that's mine. I switched the Dockerfile to install the requirements with `pip install --user`, so gunicorn\nwent to /root/.local/bin, and the image runs as user 10001 whose PATH doesn't have it. Reverting now.\n",
			diagnose.CommandNotFound},
	})
}
