#!/usr/bin/env bash
# Builds kube-apiserver and etcd for the end-to-end tests from the Go module
# proxy and caches them outside the repository. Does nothing when both are
# already cached. Prints the cache directory on its last line.
set -euo pipefail

K8S_VERSION=v1.37.2
ETCD_VERSION=v3.7.3
here=$(cd "$(dirname "$0")" && pwd)
dir=${CRASHLOOP_TEST_BIN_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/crashloop-bot/k8s-$K8S_VERSION-etcd-$ETCD_VERSION}
mkdir -p "$dir"

# with_progress runs a long command and says every 30 s that it is still
# going, so nobody stares at a silent terminal for five minutes.
with_progress() {
  local what=$1; shift
  "$@" &
  local pid=$! start=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( (SECONDS - start) % 30 == 0 )); then
      echo "test cluster: still building $what ($(( SECONDS - start ))s so far)" >&2
    fi
  done
  wait "$pid"
}

if [ ! -x "$dir/etcd" ]; then
  echo "test cluster: building etcd $ETCD_VERSION (about 20 s) into $dir" >&2
  (cd "$here/etcd" && with_progress etcd go build -trimpath -ldflags='-s -w' -o "$dir/etcd.tmp" .)
  mv "$dir/etcd.tmp" "$dir/etcd"
fi

if [ ! -x "$dir/kube-apiserver" ]; then
  echo "test cluster: building kube-apiserver $K8S_VERSION (about 5 min and 2.5 GB of memory on first run) into $dir" >&2
  minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
  vpkg=k8s.io/component-base/version
  (cd "$here/kube-apiserver" && with_progress kube-apiserver go build -trimpath \
    -ldflags="-s -w -X $vpkg.gitVersion=$K8S_VERSION -X $vpkg.gitMajor=1 -X $vpkg.gitMinor=$minor" \
    -o "$dir/kube-apiserver.tmp" k8s.io/kubernetes/cmd/kube-apiserver)
  mv "$dir/kube-apiserver.tmp" "$dir/kube-apiserver"
  echo "test cluster: kube-apiserver built" >&2
fi

echo "$dir"
