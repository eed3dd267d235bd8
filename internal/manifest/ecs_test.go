package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// ECS tasks as `aws ecs describe-tasks` and the console print them: how
// each container last ended, read as a crash-looping container's status.
func TestPastesECSTasks(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a migration task a service keeps restarting, exit 0", "The service keeps starting new tasks. Stopped task:\n\n```json\n{\n  \"lastStatus\": \"STOPPED\",\n  \"stopCode\": \"EssentialContainerExited\",\n  \"stoppedReason\": \"Essential container in task exited\",\n  \"containers\": [\n    {\n      \"name\": \"migrate\",\n      \"image\": \"123456789012.dkr.ecr.us-east-1.amazonaws.com/billing:7.3.0\",\n      \"exitCode\": 0,\n      \"lastStatus\": \"STOPPED\"\n    }\n  ]\n}\n```\n", diagnose.Completed},
		{"describe-tasks with an OOM kill beside a log router that stopped with it", "```\n{\"tasks\": [{\"taskArn\": \"arn:aws:ecs:us-east-1:123:task/prod/abc\", \"stopCode\": \"EssentialContainerExited\", \"stoppedReason\": \"Essential container in task exited\",\n \"containers\": [{\"name\": \"api\", \"image\": \"acme/api:2.1\", \"exitCode\": 137, \"reason\": \"OutOfMemoryError: Container killed due to memory usage\"},\n {\"name\": \"log-router\", \"image\": \"amazon/aws-for-fluent-bit\", \"exitCode\": 0}]}], \"failures\": []}\n```\n", diagnose.OOMKilled},
		{"a container that never started", "```\n{\"taskArn\": \"arn:aws:ecs:eu-west-1:1:task/x/y\", \"stopCode\": \"TaskFailedToStart\", \"containers\": [{\"name\": \"web\", \"image\": \"acme/web:1\", \"reason\": \"CannotStartContainerError: Error response from daemon: failed to create task for container: OCI runtime create failed: runc create failed: unable to start container process: exec: \\\"/app/start.sh\\\": stat /app/start.sh: no such file or directory: unknown\"}]}\n```\n", diagnose.CommandNotFound},
	})
	// Only the failed container of a task is a finding; JSON that is no
	// ECS task is not read as one.
	if pod, ok := ecsTasks([]byte(`{"tasks":[{"taskArn":"a","containers":[{"name":"api","exitCode":1},{"name":"sidecar","exitCode":0}]}]}`)); !ok || len(pod.Status.ContainerStatuses) != 1 || pod.Status.ContainerStatuses[0].Name != "api" {
		t.Errorf("got %+v %v", pod.Status.ContainerStatuses, ok)
	}
	if _, ok := ecsTasks([]byte(`{"containers":[{"name":"api","exitCode":1}]}`)); ok {
		t.Error("read JSON without a stop code, stopped reason or task ARN as an ECS task")
	}
}
