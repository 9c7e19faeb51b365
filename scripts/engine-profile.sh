#!/usr/bin/env bash
# The engine profiles the end-to-end tests, the example and the benchmarks run on, one at a time on the
# default socket (unix:///var/run/docker.sock), each with data of its own:
#   classic     Debian 12's docker.io 20.10, no buildx: the classic builder
#   buildkit    Debian forky's dockerd 28.5 + containerd 2.1 + buildx 0.29 (overlay2): builds go through BuildKit
#   containerd  the same with the containerd image store (features.containerd-snapshotter)
#   native      whatever engine already answers (a hosted runner's); nothing is installed or started
# Every profile's CLI has forky's compose plugin (docker-compose 2.40) in its DOCKER_CONFIG's cli-plugins.
#
#   engine-profile.sh start PROFILE   install what it needs, stop another profile's engine, start this one;
#                                     prints the environment it needs as `export` lines (eval them)
#   engine-profile.sh stop            stop the engine a profile started
#   engine-profile.sh list            the profiles `npm test` runs by default
#
# Debian testing's (forky's) packages come from the same archive as the system's, through an apt sources list of
# their own, unpacked with dpkg-deb into ENGINE_CACHE: nothing of the system is upgraded. Their runc needs glibc
# 2.38, so Debian 12's runc (installed with docker.io) runs the containers on every profile. When the archive
# serves another version than the one expected below, the script says so and the tests run on what it found.
set -euo pipefail

DEFAULT_PROFILES="classic buildkit containerd"
CACHE=${ENGINE_CACHE:-/var/cache/build-test-deploy/engines}
STATE=${ENGINE_STATE:-/var/lib/build-test-deploy/engines}
RUN=/run/build-test-deploy/engines
SOCKET=/var/run/docker.sock
SUITE=forky
# The upstream versions the profiles are meant to run: "package=version" (Debian's revision left off).
EXPECTED_VERSIONS=(docker.io=28.5.2 containerd=2.1.9 docker-buildx=0.29.1 docker-compose=2.40.3)

say() { echo "engine-profile: $*" >&2; }
die() { say "$*"; exit 1; }

# Engines, their data and Debian's packages need root: as another user, again through passwordless sudo.
if [ "$(id -u)" != 0 ] && [ "${1:-}" != list ]; then
  sudo -n true 2>/dev/null || die "needs root (or passwordless sudo)"
  exec sudo -n env "PATH=$PATH" ${DOCKER_CONFIG:+"DOCKER_CONFIG=$DOCKER_CONFIG"} ${DOCKER_HOST:+"DOCKER_HOST=$DOCKER_HOST"} bash "$0" "$@"
fi

apt_install() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v runc >/dev/null 2>&1 || missing+=(runc)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  { [ -x /bin/busybox ] && /bin/busybox --list >/dev/null 2>&1; } || missing+=(busybox-static)
  command -v git >/dev/null 2>&1 || missing+=(git)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ ${#missing[@]} -eq 0 ] && return 0
  say "installing ${missing[*]}"
  env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # On a host with an init system the packages would start their services (a dockerd on the socket the
  # profiles use, a registry): a policy-rc.d that says no (exit 101) keeps invoke-rc.d from starting them.
  local policy=/usr/sbin/policy-rc.d placed=''
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# placed by build-test-deploy engine-profile.sh for one apt-get install\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    placed=yes
  fi
  local status=0
  env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || status=$?
  [ -z "$placed" ] || rm -f "$policy"
  [ "$status" = 0 ] || die "apt-get install ${missing[*]} failed (exit $status)"
}

# Debian forky's engine, unpacked once into $CACHE/forky; $CACHE/forky/bin holds what goes first on PATH and
# $CACHE/forky/versions the Debian versions unpacked there.
forky_install() {
  local root_dir=$CACHE/$SUITE
  [ -x "$root_dir/bin/dockerd" ] && [ -x "$root_dir/cli-plugins/docker-buildx" ] && [ -x "$root_dir/cli-plugins/docker-compose" ] && [ -s "$root_dir/versions" ] && return 0
  local packages=("${EXPECTED_VERSIONS[@]%%=*}")
  say "fetching Debian $SUITE's ${packages[*]} into $root_dir"
  local work
  work=$(mktemp -d)
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/debs"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian $SUITE main" >"$work/sources.list"
  local apt_options=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "APT::Sandbox::User=root")
  apt-get "${apt_options[@]}" update -qq
  local expected package want found
  : >"$work/versions"
  for expected in "${EXPECTED_VERSIONS[@]}"; do
    package=${expected%%=*} want=${expected#*=}
    found=$(apt-cache "${apt_options[@]}" show --no-all-versions "$package" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
    [ -n "$found" ] || die "Debian $SUITE has no package $package"
    # 28.5.2+dfsg3-1 -> 28.5.2: the upstream version, epoch and Debian revision left off.
    local upstream=${found#*:}
    upstream=${upstream%%[+~-]*}
    [ "$upstream" = "$want" ] || say "Debian $SUITE serves $package $found, not the expected $want: the profiles run on $found"
    echo "$package $found" >>"$work/versions"
  done
  (cd "$work/debs" && apt-get "${apt_options[@]}" download -qq "${packages[@]}")
  rm -rf "$root_dir.new"
  mkdir -p "$root_dir.new/unpacked" "$root_dir.new/bin" "$root_dir.new/cli-plugins"
  for deb in "$work/debs"/*.deb; do dpkg-deb -x "$deb" "$root_dir.new/unpacked"; done
  local unpacked=$root_dir.new/unpacked
  for tool in usr/sbin/dockerd usr/sbin/docker-proxy usr/bin/containerd usr/bin/containerd-shim-runc-v2 usr/bin/ctr; do
    ln -s "${unpacked/#$root_dir.new/$root_dir}/$tool" "$root_dir.new/bin/$(basename "$tool")"
  done
  for plugin in docker-buildx docker-compose; do
    ln -s "$root_dir/unpacked/usr/libexec/docker/cli-plugins/$plugin" "$root_dir.new/cli-plugins/$plugin"
  done
  "$unpacked/usr/sbin/dockerd" --version >/dev/null || die "Debian $SUITE's dockerd does not run here"
  mv "$work/versions" "$root_dir.new/versions"
  rm -rf "$root_dir" "$work"
  mv "$root_dir.new" "$root_dir"
}

# What a profile runs, in one line: the engine's, containerd's and the plugins' versions as they report them.
profile_versions() {
  local profile=$1 line
  line="engine $(docker version --format '{{.Server.Version}}'), $(docker info --format '{{.Driver}}')"
  line+=", containerd $(docker version --format '{{range .Server.Components}}{{if eq .Name "containerd"}}{{.Version}}{{end}}{{end}}')"
  if [ "$profile" != classic ] && [ "$profile" != native ]; then
    local config=$STATE/$profile/docker-config
    line+=", buildx $(DOCKER_CONFIG=$config docker buildx version | awk '{print $2}')"
    line+=", compose $(DOCKER_CONFIG=$config docker compose version --short)"
  fi
  echo "$line"
}

# The environment a profile's engine and its CLI need, as `export`/`unset` lines: all of it, so that
# evaluating one profile's lines after another's leaves nothing of the other behind.
set_env() { printf 'export %s=%q\n' "$1" "$2"; }

profile_env() {
  local profile=$1 path=":$PATH:"
  path=${path//":$CACHE/$SUITE/bin:"/:}
  path=${path#:}
  path=${path%:}
  set_env ENGINE_PROFILE "$profile"
  case "$profile" in
    native)
      set_env PATH "$path"
      echo "unset ENGINE_CLI_PLUGINS"
      echo "unset ENGINE_BUILDX"
      [[ "${DOCKER_CONFIG:-}" == "$STATE"/* ]] && echo "unset DOCKER_CONFIG"
      if [ -f /etc/docker/daemon.json ]; then set_env ENGINE_DAEMON_CONFIG "/etc/docker/daemon.json"; else echo "unset ENGINE_DAEMON_CONFIG"; fi
      ;;
    *)
      # Each profile's CLI config of its own: buildx is in its cli-plugins (buildkit, containerd) or nowhere
      # (classic); a test that makes a DOCKER_CONFIG of its own links ENGINE_CLI_PLUGINS' buildx into it.
      set_env DOCKER_CONFIG "$STATE/$profile/docker-config"
      set_env ENGINE_DAEMON_CONFIG "$STATE/$profile/daemon.json"
      # Every profile has forky's buildx at hand (linked in its cli-plugins or not): a test of an older engine
      # through buildx links it into a DOCKER_CONFIG of its own.
      set_env ENGINE_BUILDX "$CACHE/$SUITE/cli-plugins/docker-buildx"
      if [ "$profile" = classic ]; then
        set_env PATH "$path"
        echo "unset ENGINE_CLI_PLUGINS"
      else
        set_env PATH "$CACHE/$SUITE/bin:$path"
        set_env ENGINE_CLI_PLUGINS "$CACHE/$SUITE/cli-plugins"
      fi
      ;;
  esac
}

running_profile() {
  local pid
  [ -f "$RUN/current" ] || return 1
  read -r name pid <"$RUN/current" || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$name $pid"
}

stop_engine() {
  local current name pid
  current=$(running_profile) || { rm -f "$RUN/current"; return 0; }
  read -r name pid <<<"$current"
  say "stopping the $name engine (pid $pid)"
  kill -TERM "$pid"
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "the $name engine did not stop within 30 s; killing it"
    kill -KILL "$pid" || true
  fi
  rm -f "$RUN/current"
}

start_engine() {
  local profile=$1
  case "$profile" in classic | buildkit | containerd | native) ;; *) die "unknown profile '$profile' (expected one of: $DEFAULT_PROFILES native)" ;; esac
  apt_install
  if [ "$profile" = native ]; then
    stop_engine # a profile's engine on the socket is not the native one
    docker info >/dev/null 2>&1 || die "profile native: no engine answers at ${DOCKER_HOST:-$SOCKET}"
    say "native engine is up: $(profile_versions native)"
    profile_env native
    return 0
  fi
  [ -z "${DOCKER_HOST:-}" ] || die "DOCKER_HOST=$DOCKER_HOST is set: profiles start their engine on $SOCKET (unset it, or use ENGINE_PROFILES=native)"

  local current
  if current=$(running_profile); then
    # Up, and installed as this script installs today (else it stops, is installed again and starts).
    if [ "${current%% *}" = "$profile" ] && [ -s "$CACHE/$SUITE/versions" ] && docker info >/dev/null 2>&1; then
      say "$profile engine is up: $(profile_versions "$profile")"
      profile_env "$profile"
      return 0
    fi
    stop_engine
  elif docker info >/dev/null 2>&1; then
    die "an engine these scripts did not start answers at $SOCKET; stop it, or run on it with ENGINE_PROFILES=native"
  fi

  local dockerd=/usr/sbin/dockerd bin_path=$PATH
  forky_install # every profile's CLI takes forky's compose plugin
  if [ "$profile" != classic ]; then
    dockerd=$CACHE/$SUITE/bin/dockerd
    bin_path=$CACHE/$SUITE/bin:$PATH
  fi
  local data=$STATE/$profile exec_root=$RUN/$profile
  mkdir -p "$data/data" "$data/docker-config" "$exec_root"
  if [ "$profile" = containerd ]; then
    echo '{"features": {"containerd-snapshotter": true}}' | tee "$data/daemon.json" >/dev/null
  else
    echo '{}' | tee "$data/daemon.json" >/dev/null
  fi
  mkdir -p "$data/docker-config/cli-plugins"
  ln -sfn "$CACHE/$SUITE/cli-plugins/docker-compose" "$data/docker-config/cli-plugins/docker-compose"
  if [ "$profile" != classic ]; then
    ln -sfn "$CACHE/$SUITE/cli-plugins/docker-buildx" "$data/docker-config/cli-plugins/docker-buildx"
  fi
  if [ "$profile" = classic ] && DOCKER_CONFIG=$data/docker-config docker buildx version >/dev/null 2>&1; then
    die "profile classic: buildx is installed system-wide for this docker CLI (a cli-plugins folder), so builds would go through BuildKit; remove it to test the classic builder"
  fi
  local log=$data/dockerd.log
  say "starting the $profile engine ($dockerd, log: $log)"
  env PATH="$bin_path" setsid nohup "$dockerd" --host "unix://$SOCKET" --ip 127.0.0.1 \
    --data-root "$data/data" --exec-root "$exec_root" --pidfile "$exec_root/dockerd.pid" \
    --config-file "$data/daemon.json" >"$log" 2>&1 </dev/null &
  for _ in $(seq 1 120); do
    if [ -f "$exec_root/dockerd.pid" ] && docker info >/dev/null 2>&1; then
      echo "$profile $(cat "$exec_root/dockerd.pid")" | tee "$RUN/current" >/dev/null
      say "$profile engine is up: $(profile_versions "$profile")"
      profile_env "$profile"
      return 0
    fi
    sleep 0.5
  done
  say "the $profile engine did not come up within 60 s; last log lines:"
  tail -n 30 "$log" >&2
  exit 1
}

[ "${1:-}" = list ] || mkdir -p "$RUN"
case "${1:-}" in
  start) start_engine "${2:?usage: engine-profile.sh start PROFILE}" ;;
  stop) stop_engine ;;
  list) echo "$DEFAULT_PROFILES" ;;
  *) die "usage: engine-profile.sh start PROFILE | stop | list" ;;
esac
