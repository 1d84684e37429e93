#!/usr/bin/env bash
# Builds Ganglion's MuJoCo swimmer harness against Debian's libmujoco-dev (installed when missing
# and running as root). Prints the path of the binary. Usage: build.sh [OUT]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../../target/swimmer_harness}
if [ ! -e /usr/include/mujoco/mujoco.h ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmujoco-dev >/dev/null
  else
    echo "build.sh: MuJoCo headers missing; install them with: sudo apt-get install libmujoco-dev" >&2
    exit 2
  fi
fi
mkdir -p "$(dirname "$out")"
gcc -O2 -Wall -o "$out" "$here/swimmer_harness.c" -lmujoco -lm
echo "$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
