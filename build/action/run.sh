#!/usr/bin/env bash
# The GitHub Action's one step (action.yml), runnable anywhere: installs the execplan tool, prints
# the findings as workflow annotations, writes the SARIF log, and exits with the check's code.
# Inputs come from the environment:
#   EXECPLAN_ACTION_PATH  the action's checkout (to build the tool from source when no version)
#   EXECPLAN_VERSION      ExecPlan.Cli version to install from NuGet; empty: pack it from source
#   EXECPLAN_FEED         a folder already holding a packed ExecPlan.Cli (tests use it; no pack)
#   EXECPLAN_PATHS        what to check (space-separated); empty: the repository's plans
#   EXECPLAN_SARIF        SARIF output path (default execplan.sarif); EXECPLAN_ARGS extra options
set -euo pipefail
action="${EXECPLAN_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [ -n "${EXECPLAN_VERSION:-}" ]; then
  dotnet tool install --tool-path "$work/tools" ExecPlan.Cli --version "$EXECPLAN_VERSION" >/dev/null
else
  feed="${EXECPLAN_FEED:-$work/feed}"
  if [ -z "${EXECPLAN_FEED:-}" ]; then
    dotnet pack "$action/src/ExecPlan.Cli/ExecPlan.Cli.csproj" -c Release -o "$feed" --nologo -v:q >/dev/null
  fi
  package="$(basename "$(ls "$feed"/ExecPlan.Cli.*.nupkg | head -n 1)" .nupkg)"
  dotnet tool install --tool-path "$work/tools" --add-source "$feed" ExecPlan.Cli --version "${package#ExecPlan.Cli.}" >/dev/null
fi

# shellcheck disable=SC2206 # word splitting of the inputs is intended
paths=(${EXECPLAN_PATHS:-})
# shellcheck disable=SC2206
extra=(${EXECPLAN_ARGS:-})
sarif="${EXECPLAN_SARIF:-execplan.sarif}"

set +e
"$work/tools/execplan" check --format sarif --output "$sarif" "${extra[@]}" "${paths[@]}" 2>/dev/null
"$work/tools/execplan" check --format github "${extra[@]}" "${paths[@]}"
status=$?
set -e
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit "$status"
