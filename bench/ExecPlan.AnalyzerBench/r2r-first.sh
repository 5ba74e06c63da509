#!/usr/bin/env bash
# What ReadyToRun would do to the analyzer's first analysis: the bench's output as built (IL, as
# the package ships it) against a copy whose ExecPlan.Analyzers, ExecPlan.Validation and Markdig
# are precompiled with crossgen2 for this machine, in alternating fresh processes; prints the
# medians of first / first_jit_ms / first_jit_methods of each. A measurement only: the package is
# not changed (see the remarks at the end).
#
#   bash bench/ExecPlan.AnalyzerBench/r2r-first.sh [runs]      (default 7)
#
# Needs the crossgen2 pack in the NuGet cache (microsoft.netcore.app.crossgen2.<rid>), which any
# `dotnet publish -r <rid> -p:PublishReadyToRun=true` of a net10.0 project downloads.
set -euo pipefail

runs=${1:-7}
root=$(cd "$(dirname "$0")/../.." && pwd)
rid=linux-x64
dotnet build -c Release "$root/bench/ExecPlan.AnalyzerBench" -v q -nologo >/dev/null
il="$root/bench/ExecPlan.AnalyzerBench/bin/Release/net10.0"

runtime=$(dotnet --list-runtimes | awk '$1 == "Microsoft.NETCore.App" && $2 ~ /^10\./ { v = $2; d = $3 } END { gsub(/[\[\]]/, "", d); print d "/" v }')
crossgen=$(ls -d "${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.netcore.app.crossgen2.$rid/"*/tools/crossgen2 2>/dev/null | sort -V | tail -1 || true)
if [[ -z "$crossgen" || ! -d "$runtime" ]]; then
    echo "crossgen2 ($rid) or the .NET 10 runtime not found; see the header of $0" >&2
    exit 1
fi

r2r=$(mktemp -d)
trap 'rm -rf "$r2r"' EXIT
cp -r "$il/." "$r2r/"
for assembly in ExecPlan.Analyzers ExecPlan.Validation Markdig; do
    "$crossgen" "$il/$assembly.dll" -o "$r2r/$assembly.dll" -r "$runtime/" -r "$il/" --targetos linux --targetarch x64 -O >/dev/null
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
field() { tr ' ' '\n' | sed -n "s/^$1=//p"; }

: >"$r2r/il.txt"
: >"$r2r/r2r.txt"
echo "loadavg before: $(cat /proc/loadavg)"
for _ in $(seq "$runs"); do
    dotnet "$il/ExecPlan.AnalyzerBench.dll" --first-only >>"$r2r/il.txt"
    dotnet "$r2r/ExecPlan.AnalyzerBench.dll" --first-only >>"$r2r/r2r.txt"
done
echo "loadavg after: $(cat /proc/loadavg)"
for kind in il r2r; do
    printf '%-4s first=%s first_jit_ms=%s first_jit_methods=%s (medians of %s)\n' "$kind" \
        "$(field first <"$r2r/$kind.txt" | median)" \
        "$(field first_jit_ms <"$r2r/$kind.txt" | median)" \
        "$(field first_jit_methods <"$r2r/$kind.txt" | median)" "$runs"
done

# Remarks: an R2R image holds native code for one OS and architecture and is no longer an AnyCPU,
# IL-only PE (measured on the linux-x64 output: Machine 0xFD1D, PE32+, CorFlags 0x4, where the IL
# build has 0x14C, PE32, CorFlags 0x1 ILONLY). .NET Framework hosts (VS 2019's 32-bit devenv,
# 32-bit MSBuild's csc) expect the IL-only AnyCPU image, and other OSes/architectures get no
# native code from it. Shipping it is a packaging decision, not part of this measurement.
