#!/usr/bin/env bash
# Packs ExecPlan.Build into nuget/feed and builds samples/DemoConsumer against it, with an
# isolated NuGet packages folder so the freshly packed package is always the one used.
# The demo plan has mistakes on purpose: the build FAILS and prints EXP diagnostics like
#   samples/DemoConsumer/plans/add-feature.md(1,3,1,26): error EXP001: ...
# The script exits 0 after showing them (it exits 1 only if packing fails or the build
# unexpectedly succeeds).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export NUGET_PACKAGES="$repo/nuget/packages-cache"

echo "== Packing ExecPlan.Build and ExecPlan.Cli into nuget/feed (the one pack command)"
dotnet pack ExecPlan.Build.sln -c Release -o nuget/feed --nologo -v:q -nodeReuse:false
# The version does not change between local packs: drop any copy extracted earlier.
rm -rf "$NUGET_PACKAGES/execplan.build"

echo "== Building samples/DemoConsumer (expected to fail with EXP diagnostics)"
set +e
output="$(dotnet build samples/DemoConsumer/DemoConsumer.csproj --nologo -v:q -nodeReuse:false 2>&1)"
status=$?
set -e
# Print each diagnostic once (the console logger repeats them in its summary), repo-relative.
printf '%s\n' "$output" | sed -n '/^Build FAILED\./q;p' | grep -E ': (error|warning) EXP[0-9]{3}:' \
  | sed -e "s|$repo/||" -e 's| \[[^]]*\]$||' || true
echo "== dotnet build exit code: $status"
if [ "$status" -eq 0 ]; then
  echo "The demo plan was expected to fail validation." >&2
  exit 1
fi
exit 0
