#!/usr/bin/env bash
# Start-up of the execplan CLI, old build against new build, in one run (issue #12 item 5:
# "keep System.CommandLine only if one-plan time stays within 5 %").
#
#   bash bench/cli-startup.sh                 # old = git ref 'main', new = this work tree
#   OLD_REF=abc123 RUNS=50 bash bench/cli-startup.sh
#   OLD_REF=bb9af67 NEW_REF=b6484e1 bash bench/cli-startup.sh   # new = a commit too (the System.CommandLine port)
#   OLD_DIR=/x/old NEW_DIR=/x/new bash bench/cli-startup.sh   # prebuilt: DIR/jit/execplan.dll, DIR/aot/execplan
#
# Builds each side twice (framework-dependent JIT build, run as 'dotnet execplan.dll', and a
# native AOT publish for linux-x64; the AOT prerequisites come from build/native-prereqs.sh and
# the AOT rows are left out when that publish fails), then times, as fresh processes,
#   one plan:   execplan check samples/plans/good-plan.md
#   version:    execplan --version
# RUNS times each (default 30), old and new interleaved run by run so that the machine's load
# falls on both alike, after 3 untimed warm-up runs. Prints min and median wall milliseconds per
# row and the new/old ratio of each, and the load average before and after.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
RUNS="${RUNS:-30}"
OLD_REF="${OLD_REF:-main}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false

work="$(mktemp -d "${TMPDIR:-/tmp}/execplan-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT
log="$work/log.txt"

# build SRC OUT: JIT build into OUT/jit, native AOT publish into OUT/aot (absent when it fails).
build() {
  local src="$1" out="$2"
  dotnet build "$src/src/ExecPlan.Cli" -c Release -v:q -nologo -o "$out/jit" >>"$log" 2>&1
  if ! dotnet publish "$src/src/ExecPlan.Cli" -c Release -r linux-x64 -p:ExecPlanNativeTool=true -o "$out/aot" -v:q -nologo >>"$log" 2>&1; then
    echo "native AOT publish of $src failed (see $log); AOT rows left out" >&2
    rm -rf "$out/aot"
  fi
}

if [ -n "${OLD_DIR:-}" ] && [ -n "${NEW_DIR:-}" ]; then
  old="$OLD_DIR" new="$NEW_DIR"
else
  command -v clang >/dev/null 2>&1 || bash build/native-prereqs.sh >>"$log" 2>&1 || true
  echo "== building old ($OLD_REF) and new (${NEW_REF:-work tree})"
  mkdir -p "$work/old-src"
  git archive "$OLD_REF" | tar -x -C "$work/old-src"
  build "$work/old-src" "$work/old"
  if [ -n "${NEW_REF:-}" ]; then
    mkdir -p "$work/new-src"
    git archive "$NEW_REF" | tar -x -C "$work/new-src"
    build "$work/new-src" "$work/new"
  else
    build "$repo" "$work/new"
  fi
  old="$work/old" new="$work/new"
fi

plan_dir="$repo/samples/plans"
plan="good-plan.md"
load() { cut -d' ' -f1-3 /proc/loadavg; }
load_before="$(load)"

python3 - "$old" "$new" "$plan_dir" "$plan" "$RUNS" <<'PY'
import os, statistics, subprocess, sys, time
old, new, plan_dir, plan, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])

def command(side, kind):
    if kind == "jit":
        return ["dotnet", os.path.join(side, "jit", "execplan.dll")]
    return [os.path.join(side, "aot", "execplan")]

kinds = [k for k in ("aot", "jit") if all(os.path.exists(command(s, k)[-1]) for s in (old, new))]
cases = [("one plan", ["check", plan]), ("--version", ["--version"])]
rows = []
for kind in kinds:
    for label, args in cases:
        cmds = {s: command(p, kind) + args for s, p in (("old", old), ("new", new))}
        outs = {}
        for s, c in cmds.items():
            r = subprocess.run(c, cwd=plan_dir, capture_output=True)
            # --version names the commit (0.1.0+<sha>); compare without it.
            outs[s] = (r.returncode, r.stdout.split(b"+")[0].strip() if args == ["--version"] else r.stdout)
        same = "same output" if outs["old"] == outs["new"] else "OUTPUT DIFFERS"
        for _ in range(3):
            for c in cmds.values():
                subprocess.run(c, cwd=plan_dir, capture_output=True)
        times = {"old": [], "new": []}
        for i in range(runs):
            order = ("old", "new") if i % 2 == 0 else ("new", "old")
            for s in order:
                t0 = time.perf_counter()
                subprocess.run(cmds[s], cwd=plan_dir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times[s].append((time.perf_counter() - t0) * 1000)
        o, n = times["old"], times["new"]
        rows.append((kind, label, min(o), statistics.median(o), min(n), statistics.median(n), same))

print(f"| build | case | old min ms | old median ms | new min ms | new median ms | new/old min | new/old median | |")
print(f"|---|---|---|---|---|---|---|---|---|")
for kind, label, omin, omed, nmin, nmed, same in rows:
    print(f"| {kind} | {label} | {omin:.1f} | {omed:.1f} | {nmin:.1f} | {nmed:.1f} | {nmin/omin:.3f} | {nmed/omed:.3f} | {same} |")
PY
echo
echo "runs: $RUNS per row and side, interleaved; load average before: $load_before, after: $(load); $(nproc) cores"
