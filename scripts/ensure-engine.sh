#!/usr/bin/env bash
# Makes sure what the end-to-end tests and the example need is installed and running:
# a Docker engine (Debian's docker.io, started as `dockerd --ip 127.0.0.1`), the CNCF distribution
# registry (docker-registry) and a static busybox for FROM-scratch test images. Idempotent.
set -euo pipefail

need_packages=()
command -v dockerd >/dev/null 2>&1 || need_packages+=(docker.io)
command -v docker-registry >/dev/null 2>&1 || need_packages+=(docker-registry)
[ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1 || need_packages+=(busybox-static)
command -v git >/dev/null 2>&1 || need_packages+=(git)
command -v python3 >/dev/null 2>&1 || need_packages+=(python3)

# Root here; passwordless sudo on hosted runners.
as_root=()
if [ "$(id -u)" != 0 ]; then
  if sudo -n true 2>/dev/null; then as_root=(sudo -n); else as_root=(false); fi
fi

if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "${as_root[0]:-}" = false ]; then
    echo "ensure-engine: missing ${need_packages[*]}; install them as root (apt-get install ${need_packages[*]})" >&2
    exit 1
  fi
  echo "ensure-engine: installing ${need_packages[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_packages[@]}" >/dev/null
fi

if docker info >/dev/null 2>&1; then
  echo "ensure-engine: docker engine $(docker version --format '{{.Server.Version}}') is up"
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  echo "ensure-engine: DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine" >&2
  exit 1
fi
if [ "${as_root[0]:-}" = false ]; then
  echo "ensure-engine: no docker engine answers and starting dockerd needs root" >&2
  exit 1
fi
log=${DOCKERD_LOG:-/tmp/dockerd.log}
echo "ensure-engine: starting dockerd --ip 127.0.0.1 (log: $log)"
"${as_root[@]}" setsid nohup dockerd --ip 127.0.0.1 >"$log" 2>&1 < /dev/null &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "ensure-engine: docker engine $(docker version --format '{{.Server.Version}}') is up"
    exit 0
  fi
  sleep 1
done
echo "ensure-engine: dockerd did not come up within 60 s; last log lines:" >&2
tail -n 30 "$log" >&2
exit 1
