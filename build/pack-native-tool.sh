#!/usr/bin/env bash
# Packs the execplan dotnet tool as RID-specific packages (SDK 10 "RID-specific tools"):
#
#   ExecPlan.Cli.<v>.nupkg            pointer package: lists the RIDs below, holds no binaries
#   ExecPlan.Cli.<rid>.<v>.nupkg      native AOT executable for THIS machine's RID
#   ExecPlan.Cli.any.<v>.nupkg        framework-dependent fallback for every other platform
#
#   bash build/pack-native-tool.sh [OUT]          # default OUT: artifacts/native-tool
#   bash build/pack-native-tool.sh --test [OUT]   # also run NativeAotTests against the packed tool
#
# Native AOT cannot cross-compile to another OS or architecture, so run this once on each of
# linux-x64, linux-arm64, osx-arm64 and win-x64 (Git Bash) and publish the union of the OUT folders
# (the pointer and the 'any' package are identical everywhere; keep one of each). The tool's RIDs
# are ToolPackageRuntimeIdentifiers in src/ExecPlan.Cli/ExecPlan.Cli.csproj.
#
# Prerequisites it installs when missing: clang and zlib1g-dev on Debian/Ubuntu (apt-get, as root
# or with sudo). On macOS it needs Xcode's command line tools (xcode-select --install), on
# Windows the Visual Studio "Desktop development with C++" workload; it only checks for those.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

run_tests=false
if [ "${1:-}" = "--test" ]; then run_tests=true; shift; fi
out="${1:-artifacts/native-tool}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1

# --- which RID is this machine -------------------------------------------------------------
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64 | Linux-arm64) rid=linux-arm64 ;;
  Darwin-arm64) rid=osx-arm64 ;;
  MINGW*-x86_64 | MSYS*-x86_64 | CYGWIN*-x86_64) rid=win-x64 ;;
  *) echo "pack-native-tool: $(uname -s) $(uname -m) has no native package; the 'any' package covers it." >&2; rid="" ;;
esac
if [ -n "$rid" ] && [ "${rid%%-*}" = linux ] && [ -f /etc/alpine-release ]; then
  echo "pack-native-tool: musl (Alpine) is not in ToolPackageRuntimeIdentifiers; the 'any' package covers it." >&2
  rid=""
fi

# --- native toolchain ----------------------------------------------------------------------
if [ -n "$rid" ]; then
  bash build/native-prereqs.sh
fi

# Packs run in their own artifacts folder: the developer's bin/obj (and a running test) are untouched.
work="$(mktemp -d "${TMPDIR:-/tmp}/execplan-native-tool.XXXXXX")"
trap 'rm -rf "$work"' EXIT
pack() { dotnet pack src/ExecPlan.Cli -c Release -p:ExecPlanNativeTool=true --artifacts-path "$work/artifacts" -o "$out" -nologo -v:q "$@"; }

echo "== pointer package"
pack
if [ -n "$rid" ]; then
  echo "== native AOT package for $rid"
  pack -r "$rid"
fi
echo "== framework-dependent fallback package (any)"
pack -r any -p:PublishAot=false

echo "== packages in $out"
ls -l "$out"/ExecPlan.Cli.*nupkg

# --- smoke test: install from the folder (local feed only) and run the installed command ----
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -1)"
cat >"$work/nuget.config" <<EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="native-tool" value="$out" />
  </packageSources>
</configuration>
EOF
NUGET_PACKAGES="$work/packages" dotnet tool install --tool-path "$work/tools" --configfile "$work/nuget.config" ExecPlan.Cli --version "$version" >/dev/null
exe="$work/tools/execplan"; [ -f "$exe.exe" ] && exe="$exe.exe"
"$exe" --version
installed="$(find "$work/tools/.store" -type f \( -name execplan -o -name execplan.exe -o -name execplan.dll \) | head -1)"
echo "installed: ${installed#"$work/tools/"}"
case "$installed" in
  */execplan.dll) kind="framework-dependent (any)" ;;
  *) kind="native AOT ($rid)" ;;
esac
echo "installed build: $kind"
(cd samples && "$exe" check plans >/dev/null 2>&1; [ $? -eq 1 ]) || { echo "pack-native-tool: the installed tool did not report the broken sample plan." >&2; exit 1; }

if $run_tests && [ -n "$rid" ]; then
  echo "== NativeAotTests against the packed native executable"
  EXECPLAN_NATIVE_CLI="$installed" EXECPLAN_REQUIRE_AOT=1 \
    dotnet test tests/ExecPlan.Cli.Tests -c Release --filter "FullyQualifiedName~NativeAotTests"
fi
echo "== done: push every ExecPlan.Cli.*.nupkg in $out (with the other platforms' RID packages) together"
