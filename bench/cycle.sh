#!/usr/bin/env bash
# The plain-bash baseline of the whole-cycle benchmark: the same docker work as one run of the action
# (no deploy), written the way a person would script it by hand. It takes the commit from git, removes
# the stale tags of the repository, builds the context, stamps the result with SHA and the same OCI labels
# the action sets, tags :latest, runs a container, polls `docker inspect` until it is healthy, runs the
# tests inside it and removes it. Each step prints `bench-step NAME MICROSECONDS` for the breakdown.
#
# Usage: bench/cycle.sh REPOSITORY CONTEXT TEST_COMMAND [POLL_SECONDS] [SOURCE_URL]
set -euo pipefail

repository=$1
context=$2
test_command=$3
poll=${4:-0.05}
source_url=${5:-}

last=${EPOCHREALTIME/./}
step() {
  local now=${EPOCHREALTIME/./}
  echo "bench-step $1 $((now - last))"
  last=$now
}

name=
cleanup() { if [ -n "$name" ]; then docker rm --force --volumes "$name" >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

read -r sha created < <(git -C "$context" log -1 --format='%H %cI' HEAD --)
tag=${sha:0:7}
step commit

docker image ls --format '{{.Repository}}:{{.Tag}}' "$repository" \
  | awk -v latest="$repository:latest" -v current="$repository:$tag" '$0 != latest && $0 != current' \
  | xargs --no-run-if-empty docker image rm >/dev/null
step prune

# The stamp starts from a name: BuildKit cannot build FROM an image id.
docker build --quiet --tag "$repository-build:latest" --file "$context/Dockerfile" "$context" >/dev/null
printf 'FROM %s\nENV SHA=%s\n' "$repository-build:latest" "$sha" | docker build --quiet \
  --label "org.opencontainers.image.revision=$sha" \
  --label "org.opencontainers.image.created=$created" \
  ${source_url:+--label "org.opencontainers.image.source=$source_url"} \
  --label "build-test-deploy.repository=$repository" \
  --tag "$repository:$tag" - >/dev/null
step build

docker tag "$repository:$tag" "$repository:latest"
step tag

name=bash-$tag-$RANDOM
docker run --detach --name "$name" "$repository:$tag" >/dev/null
step run

deadline=$((SECONDS + 60))
until [ "$(docker inspect --format '{{.State.Health.Status}}' "$name")" = healthy ]; do
  if [ "$SECONDS" -ge "$deadline" ]; then echo "not healthy after 60 s" >&2; exit 1; fi
  sleep "$poll"
done
step wait

docker exec "$name" sh -c "$test_command"
step test

docker rm --force --volumes "$name" >/dev/null
name=
step remove
