package manifest

import (
	"testing"

	"github.com/crashloop-bot/crashloop-bot/diagnose"
)

// Faults of textbook batches 555 to 561 (session 50) in pastes.
func TestPastes820(t *testing.T) {
	checkPastes(t, []pasteCase{
		{"a spec of two containers, then the describe of both", "The asset-sync sidecar is in CrashLoopBackOff, nginx is fine. Spec:\n\n```yaml\n        - name: asset-sync\n          image: public.ecr.aws/aws-cli/aws-cli:2.15.38\n          args: [\"s3\", \"sync\", \"s3://acme-assets/current/\", \"/assets/\"]\n        - name: nginx\n          image: nginx:1.25-alpine\n```\n\n```\n$ kubectl -n reports describe pod reports-web-66f8bd9c7b-9hwz4\n...\n  asset-sync:\n    Image:         public.ecr.aws/aws-cli/aws-cli:2.15.38\n    State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n    Ready:          False\n    Restart Count:  8\n  nginx:\n    Image:          nginx:1.25-alpine\n    State:          Running\n    Ready:          True\n    Restart Count:  0\n```\n", diagnose.Completed},
	})
}
