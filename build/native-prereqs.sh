#!/usr/bin/env bash
# Makes sure this machine can compile .NET native AOT: on Linux clang and the zlib development
# files (installed with apt-get on Debian/Ubuntu, as root or with sudo, when missing); on macOS
# Xcode's clang (checked only). Exits 1 with the reason when it cannot. Used by
# build/pack-native-tool.sh and bench/compare.sh; the normal build and test run never need it.
set -euo pipefail

have_zlib() {
  local d
  for d in /usr/lib /usr/lib64 /lib /lib64 /usr/lib/x86_64-linux-gnu /usr/lib/aarch64-linux-gnu /lib/x86_64-linux-gnu /lib/aarch64-linux-gnu; do
    if [ -e "$d/libz.so" ] || [ -e "$d/libz.a" ]; then return 0; fi
  done
  return 1
}

case "$(uname -s)" in
  Linux)
    if command -v clang >/dev/null 2>&1 && have_zlib; then exit 0; fi
    sudo=""
    if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo="sudo"; fi
    if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; }; then
      echo "== installing clang and zlib1g-dev (native AOT prerequisites)" >&2
      $sudo apt-get update -qq >&2
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq clang zlib1g-dev >&2
    else
      echo "native AOT needs clang and the zlib development files; install them (e.g. apt-get install clang zlib1g-dev)." >&2
      exit 1
    fi
    ;;
  Darwin)
    xcrun --find clang >/dev/null 2>&1 || { echo "native AOT needs Xcode's command line tools: run 'xcode-select --install'." >&2; exit 1; }
    ;;
  *)
    # Windows: the SDK finds the Visual Studio C++ tools itself and names what is missing.
    ;;
esac
