#!/usr/bin/env bash
# The package's overhead on a no-op incremental build (issue #13), for N plans:
#
#   bash bench/noop-build.sh 100            # REPS=5 timed no-op builds per consumer, interleaved
#   REPS=9 bash bench/noop-build.sh 1000
#   BASELINE=main bash bench/noop-build.sh 100   # also a consumer of the package packed from that ref
#   SUMMARY=/tmp/f bash bench/noop-build.sh 100   # also writes "version wo_min wo_med with_min with_med paired_pct own_ms paired_pct_vs_empty_package" there
#   KEEP=1 bash bench/noop-build.sh 100      # keeps the temp folder (consumers, feed) to look into
#   PERF_REPS=5                               # builds with MSBuild's performance summary (the package's own target time)
#
# Packs nuget/ExecPlan.Build.Package.csproj into a local folder feed (isolated NUGET_PACKAGES),
# writes the benchmark corpus (bench/ExecPlan.Benchmarks write-corpus), and builds identical
# net10.0 class libraries with the first N plans (`<ExecPlan Include="plans/*.md" />`; the EXP
# severities lowered to suggestion by .editorconfig so the build succeeds): one without the
# package, one with it, and with BASELINE a third with the package of that git ref (exported with
# git archive into the temp folder; the checkout is not touched). Each is built twice (the
# package's second build records what its no-op check compares with), then
# `dotnet build --no-restore` with nothing changed, REPS times, interleaved, node reuse off.
# Prints a markdown table with the load average before and after. bench/compare.sh part (b)
# runs this script for its 100-plan figures.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
N="${1:-100}"
REPS="${REPS:-5}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

work="$(mktemp -d "${TMPDIR:-/tmp}/execplan-noop.XXXXXX")"
[ -n "${KEEP:-}" ] && echo "work folder kept: $work" >&2 || trap 'rm -rf "$work"' EXIT
log="$work/log.txt"
now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
time_cmd() { # time_cmd NAME DIR CMD...
  local name="$1" dir="$2"; shift 2
  local t0 t1
  t0=$(now)
  (cd "$dir" && "$@" >"$work/last.out" 2>&1) || { echo "failed: $* (in $dir)" >&2; tail -20 "$work/last.out" >&2; }
  t1=$(now)
  python3 -c "print(f'{$t1-$t0:.4f}')" >>"$work/times.$name"
}
stat_of() {
  python3 - "$work/times.$1" <<'PY'
import sys, statistics
v = [float(x) for x in open(sys.argv[1]) if x.strip()]
print(f"{min(v):.3f} {statistics.median(v):.3f}")
PY
}
# Rep i of a variant ran right after rep i of "without": the median of those pairs' ratios cancels
# the slow drift of a shared machine's load, which the difference of two medians does not.
paired_of() { # paired_of VARIANT [BASE]
  python3 - "$work/times.${2:-without}" "$work/times.$1" <<'PY'
import sys, statistics
a = [float(x) for x in open(sys.argv[1]) if x.strip()]
b = [float(x) for x in open(sys.argv[2]) if x.strip()]
print(f"{(statistics.median(y / x for x, y in zip(a, b)) - 1) * 100:+.1f} %")
PY
}
median_of() { python3 -c "import sys, statistics; print(f'{statistics.median(float(x) for x in open(sys.argv[1]) if x.strip()):.0f}')" "$1"; }
load_before="$(load)"

echo "== corpus and package" >&2
dotnet build bench/ExecPlan.Benchmarks -c Release -v:q -nologo >>"$log" 2>&1
corpus="$work/corpus"
dotnet bench/ExecPlan.Benchmarks/bin/Release/net10.0/ExecPlan.Benchmarks.dll write-corpus "$corpus" >>"$log"
count=$(find "$corpus" -name '*.md' | wc -l)
[ "$N" -le "$count" ] || { echo "the corpus has $count plans; asked for $N" >&2; exit 2; }

export NUGET_PACKAGES="$work/nuget-packages"
pack() { # pack SOURCE_DIR FEED
  dotnet pack "$1/nuget/ExecPlan.Build.Package.csproj" -c Release -o "$2" -v:q -nologo >>"$log" 2>&1
  ls "$2" | sed -n 's/^ExecPlan\.Build\.\(.*\)\.nupkg$/\1/p' | sed -n 1p
}
version=$(pack "$repo" "$work/feed")
# A package with nothing in it: what any PackageReference costs a no-op build (the SDK's own
# package-reference targets), so the product's share can be told from it.
mkdir -p "$work/empty-src"
printf '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <TargetFramework>netstandard2.0</TargetFramework>\n    <PackageId>ExecPlan.Bench.Empty</PackageId>\n    <Version>1.0.0</Version>\n    <IncludeBuildOutput>false</IncludeBuildOutput>\n    <NoWarn>NU5128</NoWarn>\n  </PropertyGroup>\n  <ItemGroup>\n    <None Include="_._" Pack="true" PackagePath="lib/netstandard2.0/" />\n  </ItemGroup>\n</Project>\n' >"$work/empty-src/ExecPlan.Bench.Empty.csproj"
: >"$work/empty-src/_._"
dotnet pack "$work/empty-src/ExecPlan.Bench.Empty.csproj" -c Release -o "$work/feed" -v:q -nologo >>"$log" 2>&1
variants="without other with"
if [ -n "${BASELINE:-}" ]; then
  mkdir -p "$work/baseline-src"
  git archive "$BASELINE" | tar -x -C "$work/baseline-src"
  # Another version number, so both packages live side by side in NUGET_PACKAGES.
  base_version=$(cd "$work/baseline-src" && dotnet pack nuget/ExecPlan.Build.Package.csproj -c Release -o "$work/feed-baseline" -p:Version=0.0.1-baseline -v:q -nologo >>"$log" 2>&1 && ls "$work/feed-baseline" | sed -n 's/^ExecPlan\.Build\.\(.*\)\.nupkg$/\1/p' | sed -n 1p)
  variants="$variants baseline"
fi

for variant in $variants; do
  c="$work/consumer-$variant"
  mkdir -p "$c/plans"
  find "$corpus" -name '*.md' | sort | sed -n "1,${N}p" | xargs -I{} cp {} "$c/plans/"
  printf 'namespace Consumer;\n\npublic static class Greeter\n{\n    public static string Hello() => "hello";\n}\n' >"$c/Greeter.cs"
  feed="$work/feed"; ver="$version"
  [ "$variant" = baseline ] && { feed="$work/feed-baseline"; ver="$base_version"; }
  printf '<configuration>\n  <packageSources>\n    <clear />\n    <add key="local" value="%s" />\n    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />\n  </packageSources>\n</configuration>\n' "$feed" >"$c/NuGet.config"
  printf 'root = true\n\n[*.md]\ndotnet_analyzer_diagnostic.category-ExecPlan.severity = suggestion\n' >"$c/.editorconfig"
  ref=""
  [ "$variant" != without ] && ref="    <PackageReference Include=\"ExecPlan.Build\" Version=\"$ver\" />"
  [ "$variant" = other ] && ref="    <PackageReference Include=\"ExecPlan.Bench.Empty\" Version=\"1.0.0\" />"
  cat >"$c/Consumer.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <OutputType>Library</OutputType>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
$ref
    <ExecPlan Include="plans/*.md" />
  </ItemGroup>
</Project>
EOF
  dotnet build "$c/Consumer.csproj" -c Release -nologo -v:q >>"$log" 2>&1 || { echo "first build of the $variant consumer failed:" >&2; tail -30 "$log" >&2; exit 1; }
  dotnet build "$c/Consumer.csproj" -c Release -nologo -v:q --no-restore >>"$log" 2>&1 || true
done

echo "== $REPS no-op builds per consumer, $N plans" >&2
for i in $(seq "$REPS"); do
  for variant in $variants; do
    time_cmd "$variant" "$work/consumer-$variant" dotnet build Consumer.csproj -c Release -nologo -v:q --no-restore
  done
done
# What a no-op build shows at normal verbosity. Errors and warnings of unchanged plans re-appear on
# every build (the task runs whenever the last run reported any); these plans have suggestions
# only, which the build that validated showed and a no-op build does not repeat.
(cd "$work/consumer-with" && dotnet build Consumer.csproj -c Release -nologo -v:n --no-restore 2>&1 >"$work/normal.out" || true)
grep -c ': message EXP' "$work/normal.out" >"$work/replayed" || true
grep -o 'ExecPlan: [0-9]* plan(s) [a-z]*[^(]*' "$work/normal.out" | sed -n 1p >"$work/verdict" || true

# Where the package's time goes on a no-op build: MSBuild's own per-target and per-task timing.
# The last of PERF_REPS runs is shown; the package's own target time (every target the package
# defines, by MSBuild's clock, no process start or evaluation noise) is the median over them.
PERF_REPS="${PERF_REPS:-5}"
for variant in $variants; do
  [ "$variant" = without ] || [ "$variant" = other ] && continue
  : >"$work/own.$variant"
  for i in $(seq "$PERF_REPS"); do
    (cd "$work/consumer-$variant" && dotnet build Consumer.csproj -c Release -nologo -v:q --no-restore -clp:PerformanceSummary 2>&1 |
      sed -n '/^Target Performance Summary/,/^Task Performance Summary/p' >"$work/targets.$variant") || true
    grep -E '(ExecPlan|_ExecPlan|ValidateExecPlans|CoreCompile|GenerateMSBuildEditorConfigFile)' "$work/targets.$variant" | sed 's/^ *//' | sort -u >"$work/perf.$variant" || true
    awk '$3 ~ /ExecPlan/ { ms += $1 } END { print ms + 0 }' "$work/targets.$variant" >>"$work/own.$variant"
  done
done

read -r wo_min wo_med < <(stat_of without)
echo "| consumer ($N plans) | min s | median s | overhead (median) | overhead (min) | overhead (median of paired runs) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
echo "| without the package | $wo_min | $wo_med | | | |"
for variant in $variants; do
  [ "$variant" = without ] && continue
  read -r v_min v_med < <(stat_of "$variant")
  over=$(python3 -c "print(f'{($v_med-$wo_med)/$wo_med*100:+.1f} %')")
  paired=$(paired_of "$variant")
  over_min=$(python3 -c "print(f'{($v_min-$wo_min)/$wo_min*100:+.1f} %')")
  label="with ExecPlan.Build $version (this tree)"
  [ "$variant" = baseline ] && label="with ExecPlan.Build packed from $BASELINE"
  [ "$variant" = other ] && label="with an empty package only (what any package reference costs)"
  echo "| $label | $v_min | $v_med | $over | $over_min | $paired |"
done
echo
echo "ExecPlan.Build against the consumer with the empty package (both with one package reference, as a project with any other package has; median of paired runs): $(paired_of with other)."
echo
echo "Findings shown on the last no-op build of the package consumer (-v:n): $(cat "$work/replayed") EXP messages; the package said: $(sed 's/ *$//' "$work/verdict")."
for variant in $variants; do
  [ "$variant" = without ] || [ "$variant" = other ] && continue
  echo
  own=$(median_of "$work/own.$variant")
  echo "The package's own targets on a no-op build (MSBuild's target clock, median of $PERF_REPS builds): $own ms, $(python3 -c "print(f'{$own/($wo_med*1000)*100:.1f}')") % of the median no-op build without the package."
  echo
  echo "MSBuild performance summary, $variant consumer (ms, calls; the last of those builds):"
  echo
  sed 's/^/    /' "$work/perf.$variant"
done
echo
echo "Load average before: $load_before; after: $(load). REPS=$REPS, $(nproc) cores."
if [ -n "${SUMMARY:-}" ]; then
  read -r with_min with_med < <(stat_of with)
  echo "$version $wo_min $wo_med $with_min $with_med $(paired_of with | tr -d ' %+') $(median_of "$work/own.with") $(paired_of with other | tr -d ' %+')" >"$SUMMARY"
fi
