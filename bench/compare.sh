#!/usr/bin/env bash
# Speed, side by side, in one run; writes bench/RESULTS.md.
#
#   bash bench/compare.sh            # REPS=5 repetitions of every timed command
#   REPS=9 bash bench/compare.sh
#
# (a) builds the CLI in Release (plus a ReadyToRun publish and a native AOT publish; the AOT
#     prerequisites clang and zlib1g-dev are installed by build/native-prereqs.sh when missing,
#     and the native rows are left out, with the reason, where they cannot be), writes the in-memory 1000-plan
#     corpus of bench/ExecPlan.Benchmarks to a temp folder, and times `execplan check` on it
#     (a fresh process each time, so start-up is included) against markdownlint-cli2 on the
#     same files (installed with npm into the temp folder); the native build's output on the
#     corpus is compared with the JIT build's (text and json) and the verdict printed;
# (b) if nuget/ExecPlan.Build.Package.csproj exists: a no-op incremental `dotnet build` of a
#     100-plan consumer project with and without the package (bench/noop-build.sh: local folder
#     feed, isolated NUGET_PACKAGES, runs interleaved; the 1,000-plan run follows at the end);
# (c) the in-process numbers: parse vs validation (bench quick, and a short BenchmarkDotNet job
#     of the same pairs, bench bdn-short; BDN_SETS picks its sets), linear cost beside Markdig's own
#     (bench linear) and what grows (bench linear-why), and memory for a 50 MB plan (bench memory).
# Needs: the .NET SDK, node and npm (registry access for markdownlint-cli2), python3; for the
# native rows a C toolchain (installed on Debian/Ubuntu as above).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
REPS="${REPS:-5}"
# A no-op build takes under a second and its wall time spreads by several per cent run to run:
# the overhead target (3 %) needs more repetitions than the multi-second timings.
NOOP_REPS="${NOOP_REPS:-25}"
MDL_VERSION="${MDL_VERSION:-0.24.1}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild or compiler servers are left behind (and none shared with other builds are touched).
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

work="$(mktemp -d "${TMPDIR:-/tmp}/execplan-compare.XXXXXX")"
trap 'rm -rf "$work"' EXIT
out="$repo/bench/RESULTS.md"
log="$work/log.txt"
echo "work folder: $work"

# --- helpers -----------------------------------------------------------------------------
now() { date +%s.%N; }
# time_cmd NAME DIR CMD...: runs CMD in DIR (exit code ignored: linters exit 1 on findings),
# appends the wall seconds to $work/times/NAME.
time_cmd() {
  local name="$1" dir="$2"; shift 2
  mkdir -p "$work/times"
  local t0 t1
  t0=$(now)
  (cd "$dir" && "$@" >"$work/last.out" 2>"$work/last.err") || true
  t1=$(now)
  python3 -c "print(f'{$t1-$t0:.4f}')" >>"$work/times/$name"
}
stat_of() { # prints "min median" of $work/times/NAME
  python3 - "$work/times/$1" <<'PY'
import sys, statistics
v = [float(x) for x in open(sys.argv[1]) if x.strip()]
print(f"{min(v):.3f} {statistics.median(v):.3f}")
PY
}
load() { cut -d' ' -f1-3 /proc/loadavg; }

# --- machine facts -----------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || echo unknown)"
cores="$(nproc)"
mem="$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
load_before="$(load)"
dotnet_version="$(dotnet --version)"
node_version="$(node --version 2>/dev/null || echo none)"
os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)"

# --- (a) CLI vs markdownlint-cli2 ----------------------------------------------------------
echo "== building the CLI and the benchmarks (Release)"
dotnet build src/ExecPlan.Cli -c Release -v:q -nologo >>"$log" 2>&1
dotnet build bench/ExecPlan.Benchmarks -c Release -v:q -nologo >>"$log" 2>&1
dotnet build bench/ExecPlan.AnalyzerBench -c Release -v:q -nologo >>"$log" 2>&1
cli_dll="$repo/src/ExecPlan.Cli/bin/Release/net10.0/execplan.dll"
bench_dll="$repo/bench/ExecPlan.Benchmarks/bin/Release/net10.0/ExecPlan.Benchmarks.dll"
rid="linux-x64"
r2r="$work/r2r"
r2r_note="ReadyToRun publish ($rid)"
if ! dotnet publish src/ExecPlan.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$r2r" -v:q -nologo >>"$log" 2>&1; then
  r2r_note="ReadyToRun publish failed (see the log); not measured"
  r2r=""
fi

aot="$work/aot"
aot_note="native AOT publish ($rid, -p:ExecPlanNativeTool=true)"
if ! bash build/native-prereqs.sh >>"$log" 2>&1; then
  aot_note="native AOT not measured: its prerequisites are missing (see build/native-prereqs.sh)"
  aot=""
elif ! dotnet publish src/ExecPlan.Cli -c Release -r "$rid" -p:ExecPlanNativeTool=true --artifacts-path "$work/aot-artifacts" -o "$aot" -v:q -nologo >>"$log" 2>&1; then
  aot_note="native AOT publish failed (see the log); not measured"
  aot=""
fi

echo "== writing the 1000-plan corpus"
corpus="$work/corpus"
dotnet "$bench_dll" write-corpus "$corpus" | tee -a "$log"
corpus_bytes=$(du -sb "$corpus" | cut -f1)
corpus_files=$(find "$corpus" -name '*.md' | wc -l)
one="$work/one"; mkdir -p "$one"; cp "$(find "$corpus" -name 'real-0000-*.md' | head -1)" "$one/plan.md"

echo "== installing markdownlint-cli2@$MDL_VERSION with npm (into the temp folder)"
mdl_note="markdownlint-cli2 $MDL_VERSION"
if npm install --prefix "$work/npm" --no-audit --no-fund --loglevel=error "markdownlint-cli2@$MDL_VERSION" >>"$log" 2>&1; then
  mdl="$work/npm/node_modules/.bin/markdownlint-cli2"
else
  mdl=""; mdl_note="markdownlint-cli2 could not be installed; not measured"
fi

echo "== timing, $REPS repetitions each (interleaved)"
# Warm the file cache and both tools once, untimed.
(cd "$corpus" && dotnet "$cli_dll" check . >/dev/null 2>&1) || true
[ -n "$aot" ] && { (cd "$corpus" && "$aot/execplan" check . >/dev/null 2>&1) || true; }
[ -n "$mdl" ] && { (cd "$corpus" && "$mdl" "*.md" >/dev/null 2>&1) || true; }
for i in $(seq "$REPS"); do
  time_cmd cli_1000 "$corpus" dotnet "$cli_dll" check .
  [ -n "$r2r" ] && time_cmd r2r_1000 "$corpus" "$r2r/execplan" check .
  [ -n "$aot" ] && time_cmd aot_1000 "$corpus" "$aot/execplan" check .
  [ -n "$mdl" ] && time_cmd mdl_1000 "$corpus" "$mdl" "*.md"
  time_cmd cli_1 "$one" dotnet "$cli_dll" check plan.md
  [ -n "$r2r" ] && time_cmd r2r_1 "$one" "$r2r/execplan" check plan.md
  [ -n "$aot" ] && time_cmd aot_1 "$one" "$aot/execplan" check plan.md
  [ -n "$mdl" ] && time_cmd mdl_1 "$one" "$mdl" plan.md
  time_cmd cli_version "$one" dotnet "$cli_dll" --version
  [ -n "$aot" ] && time_cmd aot_version "$one" "$aot/execplan" --version
done
# Same findings: the native build must print exactly what the JIT build prints (text and json, exit code).
same_findings="not compared (no native build)"
if [ -n "$aot" ]; then
  same_findings="identical"
  for fmt in text json; do
    jit_rc=0; aot_rc=0
    (cd "$corpus" && dotnet "$cli_dll" check . --format "$fmt" >"$work/jit.$fmt" 2>"$work/jit.$fmt.err") || jit_rc=$?
    (cd "$corpus" && "$aot/execplan" check . --format "$fmt" >"$work/aot.$fmt" 2>"$work/aot.$fmt.err") || aot_rc=$?
    if [ "$jit_rc" != "$aot_rc" ] || ! cmp -s "$work/jit.$fmt" "$work/aot.$fmt" || ! cmp -s "$work/jit.$fmt.err" "$work/aot.$fmt.err"; then
      same_findings="DIFFERENT in the $fmt format (exit $jit_rc vs $aot_rc)"
    fi
  done
  [ "$same_findings" = identical ] && same_findings="identical (text and json output, stderr summary and exit code, $(wc -l <"$work/jit.text") lines)"
fi
(cd "$corpus" && dotnet "$cli_dll" check . 2>&1 >/dev/null | tail -1) >"$work/cli_summary" || true
cli_found=$(cd "$corpus" && dotnet "$cli_dll" check . 2>/dev/null | wc -l || true)
mdl_found=""
[ -n "$mdl" ] && mdl_found=$(cd "$corpus" && "$mdl" "*.md" 2>&1 | grep -c ' MD[0-9]' || true)

# --- (b) package overhead on a no-op incremental build -----------------------------------
# One implementation: bench/noop-build.sh (consumers, package feed, interleaved timing); this
# part keeps its section of RESULTS.md and the verdict for 100 plans.
pkg_section=""
if [ -f nuget/ExecPlan.Build.Package.csproj ]; then
  echo "== no-op builds of a 100-plan consumer (bench/noop-build.sh)"
  if noop_table=$(REPS="$NOOP_REPS" SUMMARY="$work/noop-summary" bash bench/noop-build.sh 100 2>>"$log") && [ -s "$work/noop-summary" ]; then
    read -r version wo_min wo_med w_min w_med paired own_ms paired_vs_empty <"$work/noop-summary"
    overhead=$(python3 -c "print(f'{($w_med-$wo_med)/$wo_med*100:+.1f}')")
    overhead_min=$(python3 -c "print(f'{($w_min-$wo_min)/$wo_min*100:+.1f}')")
    own_share=$(python3 -c "print(f'{$own_ms/($wo_med*1000)*100:.1f}')")
    # The verdict reads the paired runs (each with-package build next to its without-package
    # twin), which cancel the machine's drift; the medians and minimums are shown beside it.
    met=$(python3 -c "print('MET' if $paired <= 3 else 'NOT MET')")
    pkg_section=$(cat <<EOF
ExecPlan.Build $version packed from \`nuget/ExecPlan.Build.Package.csproj\` into a local folder
feed, restored into an isolated \`NUGET_PACKAGES\`, by \`bash bench/noop-build.sh 100\`. Two
identical net10.0 class libraries with the same 100 plans of the corpus
(\`<ExecPlan Include="plans/*.md" />\`; EXP severities lowered to suggestion by \`.editorconfig\`
so the build succeeds), one with the package, and a third with only an empty package (what any
package reference costs); each built twice, then \`dotnet build
--no-restore\` with nothing changed, $NOOP_REPS times (NOOP_REPS), interleaved, node reuse off.

| consumer | min s | median s |
| --- | ---: | ---: |
| without the package | $wo_min | $wo_med |
| with the package | $w_min | $w_med |

Overhead of the package on a no-op incremental build: **$(python3 -c "print(f'{$paired:+.1f}')") %** by the median of the
$NOOP_REPS paired runs (each build with the package against the build without it that ran just
before; $overhead % by the difference of the medians, $overhead_min % by minimum). Target <= 3 %:
**$met**. By MSBuild's own clock the package's targets take $own_ms ms of that build ($own_share % of
the median no-op build without the package); the rest of the difference is the evaluation of its
props and targets, the SDK's handling of a package reference, process start-up and the noise of a
shared machine. Against a consumer that already has one package reference (an empty package, as
any project with a package has): **$(python3 -c "print(f'{$paired_vs_empty:+.1f}')") %** by the median of paired runs.

The script's own report of this run:

$noop_table
EOF
)
  else
    pkg_section="bench/noop-build.sh 100 failed in this run (see the script's log); not measured."
  fi
else
  pkg_section="Not measured yet: nuget/ExecPlan.Build.Package.csproj does not exist on this branch."
fi

# --- (c) in-process numbers ---------------------------------------------------------------
echo "== in-process: parse vs validation, linear cost, memory"
quick=$(dotnet "$bench_dll" quick Corpus1000 Real Small2K Typical10K Large50K Huge5M)
linear=$(dotnet "$bench_dll" linear)
# What grows faster than the input, per stage and per rule, for the shapes the target was missed on.
linear_why=""
for c in "Progress items without timestamps, blank-separated" "open disable regions, blank-separated" "headings (300" "decision entries"; do
  linear_why="$linear_why
$(dotnet "$bench_dll" linear-why "$c" 2>>"$log" || echo "linear-why $c failed in this run (see the log).")
"
done
# BenchmarkDotNet: the parse/validation pairs, short in-process job with MemoryDiagnoser (a few minutes).
bdn_sets="${BDN_SETS:-Corpus1000,Real,Small2K,Typical10K,Large50K,Huge5M}"
echo "== BenchmarkDotNet short job ($bdn_sets)"
bdn_table="BenchmarkDotNet did not run in this run (see the log)."
if EXECPLAN_BENCH_SETS="$bdn_sets" dotnet "$bench_dll" bdn-short "$work/bdn" >>"$log" 2>&1 && [ -f "$work/bdn/results/ExecPlan.Benchmarks.ValidationBenchmarks-report-github.md" ]; then
  bdn_table=$(cat "$work/bdn/results/ExecPlan.Benchmarks.ValidationBenchmarks-report-github.md")
fi
startup=$(dotnet "$bench_dll" startup)
mem_refused=$(dotnet "$bench_dll" memory 50)
mem_raised=$(dotnet "$bench_dll" memory 50 64)

# --- (d) the analyzer in a Roslyn workspace -----------------------------------------------
echo "== analyzer in an AdhocWorkspace (fresh processes)"
analyzer_dll="$repo/bench/ExecPlan.AnalyzerBench/bin/Release/net10.0/ExecPlan.AnalyzerBench.dll"
: >"$work/analyzer.txt"; : >"$work/analyzer-markdig.txt"; : >"$work/analyzer-split.txt"
for _ in $(seq 1 "$REPS"); do
  dotnet "$analyzer_dll" >>"$work/analyzer.txt" 2>>"$log" || true
  dotnet "$analyzer_dll" --markdig-first >>"$work/analyzer-markdig.txt" 2>>"$log" || true
  dotnet "$analyzer_dll" --report-floor --library-first >>"$work/analyzer-split.txt" 2>>"$log" || true
done
r2r_first=$(bash bench/ExecPlan.AnalyzerBench/r2r-first.sh 5 2>>"$log" | grep -v '^loadavg' || echo "r2r-first.sh did not run in this run (see the log).")
analyzer_section=$(python3 - "$work/analyzer.txt" "$work/analyzer-markdig.txt" "$work/analyzer-split.txt" <<'PY'
import sys, statistics
def runs(path):
    out = []
    for line in open(path):
        kv = dict(p.split("=", 1) for p in line.split() if "=" in p)
        if "first" in kv:
            out.append({k: float(v) for k, v in kv.items()})
    return out
plain, md, split = runs(sys.argv[1]), runs(sys.argv[2]), runs(sys.argv[3])
if not plain:
    print("The analyzer harness did not run (see the script's log); not measured.")
    sys.exit(0)
m = lambda rs, k: statistics.median(r[k] for r in rs)
first, edit, unchanged = m(plain, "first"), m(plain, "edit_median"), m(plain, "unchanged_median")
floor_edit, floor_unchanged, lib = m(plain, "floor_edit_median"), m(plain, "floor_unchanged_median"), m(plain, "library_median")
verdict = lambda ok: "MET" if ok else "NOT MET"
print(f"`ExecPlan.AnalyzerBench` ({len(plain)} fresh processes, medians of their numbers): one C# project with a "
      f"{plain[0]['plan_kb']:.1f} KB plan as an additional file. \"first\" is the first `GetAnalyzerDiagnosticsAsync` "
      "with `ExecPlanAnalyzer` after Roslyn itself was warmed by a do-nothing additional-file analyzer (so it is what the "
      "analyzer adds: its JIT, the library's and Markdig's, static initialisation); \"edit\" is re-analysis after each of 41 "
      "edits of the plan; \"unchanged\" after an edit of the C# file only. The floor is the do-nothing analyzer on the same edits.")
print()
print("| measure | ExecPlanAnalyzer ms | Roslyn floor ms | target | verdict |")
print("| --- | ---: | ---: | --- | --- |")
print(f"| first analysis | {first:.1f} | (Roslyn's own first call: {m(plain, 'roslyn_first'):.0f}) | <= 100 ms | {verdict(first <= 100)} |")
print(f"| re-analysis of the edited plan (median) | {edit:.2f} | {floor_edit:.2f} | <= 2 ms | {verdict(edit <= 2)} |")
print(f"| re-analysis, plan unchanged (median) | {unchanged:.2f} | {floor_unchanged:.2f} | no work (≈ floor) | {verdict(unchanged <= floor_unchanged * 1.5 + 0.1)} |")
print()
reasons = []
if md:
    mdf, mdfirst = m(md, "markdig_first"), m(md, "first")
    reasons.append(f"Markdig's own first parse of the plan (its JIT) takes {mdf:.1f} ms in a fresh process; with it done first, "
                   f"the analyzer's first analysis takes {mdfirst:.1f} ms.")
reasons.append(f"The library alone (`PlanValidator.ValidateDecoded`, no Roslyn) re-validates the edited plan in {lib:.2f} ms (median): "
               "re-analysis cannot be faster than parse + rules of the whole plan, so the edit target follows the parse and rule targets of (c).")
print("Where a target is not met, the measured reason: " + " ".join(reasons))
if split and "report_floor_first" in split[0]:
    print()
    print(f"Where the first analysis goes ({len(split)} more fresh processes, `--report-floor --library-first`: a do-nothing analyzer "
          "that reports the same number of made-up diagnostics, then the library's first `ValidateDecoded` of the plan, then "
          f"`ExecPlanAnalyzer`): Roslyn's own first reporting of diagnostics {m(split, 'report_floor_first'):.1f} ms; the library's "
          f"first call (Markdig included) {m(split, 'library_first'):.1f} ms; what the analyzer itself then adds {m(split, 'first'):.1f} ms "
          f"({m(split, 'first_jit_methods'):.0f} methods compiled). In the plain runs the first analysis compiles "
          f"{m(plain, 'first_jit_methods'):.0f} methods ({m(plain, 'first_jit_ms'):.1f} ms of JIT) and takes "
          f"{m(plain, 'first_cpu_ms'):.1f} ms of the process's CPU time.")
    own = m(plain, "edit_alloc_kb") - m(split, "report_floor_edit_alloc_kb") - m(plain, "library_alloc_kb")
    print()
    print(f"Allocated per re-analysis of the edited plan (whole process, medians): {m(plain, 'edit_alloc_kb'):.1f} KB with "
          f"`ExecPlanAnalyzer`; {m(plain, 'library_alloc_kb'):.1f} KB by the library alone; {m(split, 'report_floor_edit_alloc_kb'):.1f} KB "
          f"by Roslyn for an analyzer reporting as many diagnostics ({m(plain, 'floor_edit_alloc_kb'):.1f} KB for the do-nothing one), "
          f"so {own:.1f} KB are the analyzer's own. Plan unchanged: {m(plain, 'unchanged_alloc_kb'):.1f} KB "
          f"(do-nothing floor {m(plain, 'floor_unchanged_alloc_kb'):.1f} KB).")
PY
)
# Hooks for the other benchmarks (each optional; added by their owners).
extra_sections=""
if [ -f bench/noop-build.sh ]; then extra_sections="$extra_sections
## No-op build with 1,000 plans (bench/noop-build.sh 1000)

The 100-plan figure is section (b); the same script with ten times the plans:

$(REPS="$NOOP_REPS" bash bench/noop-build.sh 1000 2>>"$log" || echo "bench/noop-build.sh 1000 failed in this run (see the log).")
"; fi
# The hand-written analysis of the targets a run misses (bench/misses.md), kept with the numbers.
if [ -f bench/misses.md ]; then extra_sections="$extra_sections
$(cat bench/misses.md)
"; fi
# The System.CommandLine start-up comparison builds four CLIs and is a decision record, not a
# per-run number: it is re-run only with CLI_STARTUP=1 (OLD_REF/NEW_REF as cli-startup.sh reads
# them); otherwise its section of the previous RESULTS.md is carried over unchanged.
if [ -n "${CLI_STARTUP:-}" ] && [ -f bench/cli-startup.sh ]; then extra_sections="$extra_sections
## CLI start-up (bench/cli-startup.sh)

$(bash bench/cli-startup.sh 2>>"$log" || echo "bench/cli-startup.sh failed in this run (see the log).")
"; elif [ -f "$out" ] && grep -q '^## CLI start-up: System.CommandLine' "$out"; then extra_sections="$extra_sections
$(awk '/^## CLI start-up: System.CommandLine/ { on = 1; print; next } on && /^## / { exit } on { print }' "$out")
"; fi
if grep -q '"parse-stages"' bench/ExecPlan.Benchmarks/*.cs 2>/dev/null; then extra_sections="$extra_sections
## Parse stages (ExecPlan.Benchmarks parse-stages)

$(dotnet "$bench_dll" parse-stages 2>>"$log" || echo "parse-stages failed in this run (see the log).")
"; fi
rules_real=$(dotnet "$bench_dll" rules Real 2>>"$log" || echo "rules Real failed in this run (see the log).")
rules_inline=$(dotnet "$bench_dll" rules-inline Real 2>>"$log" || echo "rules-inline Real failed in this run (see the log).")
load_after="$(load)"

# --- report -------------------------------------------------------------------------------
read -r cli_min cli_med < <(stat_of cli_1000)
read -r cli1_min cli1_med < <(stat_of cli_1)
read -r ver_min ver_med < <(stat_of cli_version)
r2r_rows=""; aot_rows=""; mdl_rows=""; ratio_line="markdownlint-cli2 was not measured."; target_cli="NOT MEASURED"
aot_line="The native AOT build was not measured: $aot_note."
if [ -n "$r2r" ]; then
  read -r r2r_min r2r_med < <(stat_of r2r_1000)
  read -r r2r1_min r2r1_med < <(stat_of r2r_1)
  r2r_rows="| execplan check (ReadyToRun, apphost) | $r2r_min | $r2r_med | $r2r1_min | $r2r1_med |"
fi
if [ -n "$aot" ]; then
  read -r aot_min aot_med < <(stat_of aot_1000)
  read -r aot1_min aot1_med < <(stat_of aot_1)
  read -r aotv_min aotv_med < <(stat_of aot_version)
  aot_rows="| execplan check (native AOT) | $aot_min | $aot_med | $aot1_min | $aot1_med |"
fi
if [ -n "$mdl" ]; then
  read -r mdl_min mdl_med < <(stat_of mdl_1000)
  read -r mdl1_min mdl1_med < <(stat_of mdl_1)
  mdl_rows="| markdownlint-cli2 $MDL_VERSION (node $node_version) | $mdl_min | $mdl_med | $mdl1_min | $mdl1_med |"
  best_cli_med=$cli_med
  [ -n "$r2r" ] && best_cli_med=$(python3 -c "print(min($cli_med,$r2r_med))")
  ratio=$(python3 -c "print(f'{$mdl_med/$cli_med:.1f}')")
  ratio_best=$(python3 -c "print(f'{$mdl_med/$best_cli_med:.1f}')")
  ratio1=$(python3 -c "print(f'{$mdl1_med/$cli1_med:.1f}')")
  target_cli=$(python3 -c "print('MET' if $mdl_med/$best_cli_med >= 10 else 'NOT MET')")
  ratio_line="On 1000 plans execplan (dotnet execplan.dll) is **${ratio}x** faster than markdownlint-cli2 by median wall time (**${ratio_best}x** for the faster execplan build); on one plan **${ratio1}x**."
fi
if [ -n "$aot" ]; then
  aot1_ms=$(python3 -c "print(f'{$aot1_med*1000:.1f}')")
  t_one=$(python3 -c "print('MET' if $aot1_med <= 0.020 else 'NOT MET')")
  aot_line="Native AOT: one plan in **${aot1_ms} ms** median wall (target <= 20 ms: **$t_one**); \`execplan --version\` min $aotv_min s, median $aotv_med s; against the JIT build (dotnet execplan.dll) **$(python3 -c "print(f'{$cli1_med/$aot1_med:.1f}')")x** faster on one plan and **$(python3 -c "print(f'{$cli_med/$aot_med:.1f}')")x** on 1000."
  if [ -n "$mdl" ]; then
    a1=$(python3 -c "print(f'{$mdl1_med/$aot1_med:.1f}')")
    a1000=$(python3 -c "print(f'{$mdl_med/$aot_med:.1f}')")
    t1=$(python3 -c "print('MET' if $mdl1_med/$aot1_med >= 30 else 'NOT MET')")
    t1000=$(python3 -c "print('MET' if $mdl_med/$aot_med >= 30 else 'NOT MET')")
    aot_line="$aot_line Against markdownlint-cli2: **${a1}x** on one plan (target >= 30x: **$t1**), **${a1000}x** on 1000 plans (target >= 30x: **$t1000**)."
  fi
  aot_line="$aot_line Findings of the native build on the corpus compared with the JIT build's: **$same_findings**."
fi
mbps=$(python3 -c "print(f'{$corpus_bytes/1e6/$cli_med:.1f}')")

cat >"$out" <<EOF
# Benchmark results

Written by \`bash bench/compare.sh\` (REPS=$REPS) on $(date -u '+%Y-%m-%d %H:%M UTC'). Re-run it to
refresh; every number below comes from that one run.

## Machine

| fact | value |
| --- | --- |
| CPU | $cpu |
| cores | $cores |
| memory | $mem |
| OS | $os |
| .NET SDK | $dotnet_version |
| node | $node_version |
| load average (1/5/15 min) before / after | $load_before / $load_after |

The load average is the honest caveat: when it is above the core count, other work shared the
CPU and wall times are inflated and noisy. Ratios of runs interleaved in the same minutes are
more trustworthy than the absolute numbers.

## (a) CLI against markdownlint-cli2 on 1000 plans

Corpus: $corpus_files plans, $corpus_bytes bytes, built by \`ExecPlan.Benchmarks write-corpus\`
(700 variants of the real plans in \`../shared/corpus/real\`: as is, CRLF, changed Status,
stripped timestamps, shuffled or dropped sections, repeated Progress, outer fence, suppression
comments, demoted headings; plus 150 generated 2 KB, 120 of 10 KB, 29 of 50 KB and one of 5 MB).
Each command is a fresh process (cold start included), run $REPS times, interleaved; exit codes
ignored (both exit 1 on findings). execplan reported: $(cat "$work/cli_summary") ($cli_found lines);
markdownlint-cli2 reported ${mdl_found:-n/a} findings with its default rules.

| command | 1000 plans min s | 1000 plans median s | 1 plan min s | 1 plan median s |
| --- | ---: | ---: | ---: | ---: |
| execplan check (dotnet execplan.dll, JIT) | $cli_min | $cli_med | $cli1_min | $cli1_med |
$r2r_rows
$aot_rows
$mdl_rows

\`execplan --version\` (process start-up only, JIT): min $ver_min s, median $ver_med s. $r2r_note; $aot_note.
Throughput of the whole CLI run, start-up included: $mbps MB/s.

Start-up costs inside a fresh process (\`ExecPlan.Benchmarks startup\`, JIT): $startup.
\`PlanValidator.Rules\` is a written-out list (no reflection, so native AOT keeps every rule);
the reflection scan it replaced is timed for comparison.

$ratio_line Target >= 10x: **$target_cli**.

$aot_line

## (b) Package overhead on a no-op incremental build

$pkg_section

## (c) In process: bare Markdig parse against full validation

\`ExecPlan.Benchmarks quick\`: min and median wall time of one pass over each set after a JIT
warm-up, each pass from a settled heap (a full collection before it, not timed, as BenchmarkDotNet
does between iterations), allocations of one pass (this thread). A verdict takes the worse of the
minimum and the median ratio (and of the two profiles). Skill and classic are full
\`PlanValidator.Validate(text)\` (parse, plan model, every rule, sorting), each finding's message read as
a front end reads it. Targets: validation within 1.5x of the parse in time and in
allocations; >= 100 MB/s (100x markdownlint's ~1 MB/s in-process figure).

The floor is Markdig's whole parse with the product's pipeline (every paragraph's inlines). The
validator parses the blocks the same way but leaves the inline pass of a paragraph for later
unless it holds \`<\`, \`[\` or \`|\` (what the parse-time readers and pipe tables need); a rule that
wants a paragraph's code spans has it parsed then (\`PlanDocument.InlineOf\`). A test holds the block
tree and every inline a rule reads to the whole parse's. The in-process validator has no
repository, so EXP008 and EXP044 (which need one) do not run here, as in the IDE without a root.

$quick

The same pairs with BenchmarkDotNet (\`ExecPlan.Benchmarks bdn-short\`: in-process toolchain, one
launch, 2 warm-up and 6 measured iterations, MemoryDiagnoser; sets $bdn_sets; "Ratio" and "Alloc
Ratio" are validation over the Markdig parse of the same set; the full suite is \`dotnet run -c Release
--project bench/ExecPlan.Benchmarks -- --filter '*'\`):

$bdn_table

## Linear cost

\`ExecPlan.Benchmarks linear\`: the same plan shape at 1x, 10x and 100x size or count, and
dense worst cases (many items, suppressions, entries, sections). "vs 1x per byte" near 1 means
linear; a quadratic rule would show ~10 and ~100. Beside it, the same ratio for Markdig's own parse
of the same text (the floor: what the parser we build on does at that size). Each sample starts
from a settled heap (a full blocking collection before it, not timed), as a fresh process
validating one plan does; a pass under 10 ms is repeated within its sample; time is the thread's
CPU time (the GC is workstation, non-concurrent, so collections run on that thread and are
counted), minimum of the samples. Target: <= 1.5x per byte at 100x.

$linear

### What grows (ExecPlan.Benchmarks linear-why)

Per stage: Markdig alone, \`PlanParser.Parse\` (Markdig + the plan model), the rules and the
validator on a parsed plan (parse not timed, heap settled after it), the validator's own share
(suppressions, severities, sort, message text) and the whole \`Validate(text)\`; with allocations
per input byte, collections per generation and GC pause per pass (medians), and what the parse
result keeps alive. Then each rule's per-byte cost at 1x and 100x (wall-clock sums inside an
all-rules pass, settled heap, top ten at 100x).
$linear_why

## Per rule (Real)

\`ExecPlan.Benchmarks rules Real\`: Markdig alone, \`PlanParser.Parse\`, all rules over the parsed
plans, then each rule alone (median ms of one pass over the set, allocations of one pass; each
rule's row includes the validator's fixed cost of one pass, about the cost of the cheapest rows).

$rules_real

\`ExecPlan.Benchmarks rules-inline Real\`: each rule's share of one all-rules pass, measured inside
the pass on freshly parsed plans (lazily built model state is charged to the rule that asks first):

$rules_inline

## (d) The analyzer in a Roslyn workspace

$analyzer_section

What ReadyToRun images would change (\`bash bench/ExecPlan.AnalyzerBench/r2r-first.sh 5\`: the same
first analysis with ExecPlan.Analyzers, ExecPlan.Validation and Markdig as shipped (IL) and
precompiled by crossgen2 for linux-x64, alternating fresh processes, medians):

\`\`\`
$r2r_first
\`\`\`
$extra_sections
## Memory

\`ExecPlan.Benchmarks memory 50\` (default settings) and \`memory 50 64\` (limit raised to 64 MiB):

- $mem_refused
- $mem_raised

The default limit is 16 MiB (\`ValidationSettings.DefaultMaxFileSizeBytes\`, CLI
\`--max-file-size\`, MSBuild \`ExecPlanMaxFileSize\`): larger files get one EXP000 and are
never decoded or parsed.
EOF
echo "== wrote $out"
cat "$out"
