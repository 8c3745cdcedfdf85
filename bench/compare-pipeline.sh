#!/usr/bin/env bash
# Alternated speed comparison of two Release builds of Rasid (docs/entities.md, "Session 10: speed of the span decoder").
#
#   bench/compare-pipeline.sh BASE_DIR BRANCH_DIR [PAIRS=5] [ARTICLES=1000]
#
# BASE_DIR and BRANCH_DIR are source trees built with `dotnet build -c Release Rasid.slnx` (or src/Rasid.Cli), each able
# to reach ../shared. Runs `rasid bench pipeline ../shared/data/raw/saudinewsnet/2015-07-21.zip --limit ARTICLES` with
# each build in turn, PAIRS times, and prints per pair the entities stage's words/s and allocated bytes/word, the tagger
# stage's words/s (the same code in both builds: a control for the machine's load), the full pipeline on one core and
# the 1-minute load average before the run, then the median ratios (branch / base).
set -euo pipefail
base=$1
branch=$2
pairs=${3:-5}
limit=${4:-1000}
zip=$(cd "$(dirname "$0")/.." && pwd)/../shared/data/raw/saudinewsnet/2015-07-21.zip
out=$(mktemp -d)

run() { # dir label pair
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  dotnet "$1/src/Rasid.Cli/bin/Release/net10.0/rasid.dll" bench pipeline "$zip" --limit "$limit" > "$out/$2-$3.txt"
  awk -v load="$load" -F'|' '
    /^\| entities\/1 \|/ { gsub(/[ ,]/, "", $4); gsub(/[ ,]/, "", $5); e = $4; b = $5 }
    /^\| tags\.perceptron/ { gsub(/[ ,]/, "", $4); t = $4 }
    /full pipeline, 1 core/ { gsub(/[ ,]/, "", $4); p = $4 }
    END { print e, t, p, b, load }' "$out/$2-$3.txt"
}

printf '| pair | base entities (tagger) [load] | branch entities (tagger) [load] | entities ratio | tagger ratio | pipeline ratio | B/word base / branch |\n|---|---|---|---|---|---|---|\n'
for k in $(seq 1 "$pairs"); do
  read -r e1 t1 p1 b1 l1 < <(run "$base" base "$k")
  read -r e2 t2 p2 b2 l2 < <(run "$branch" branch "$k")
  awk -v k="$k" -v e1="$e1" -v t1="$t1" -v p1="$p1" -v b1="$b1" -v l1="$l1" -v e2="$e2" -v t2="$t2" -v p2="$p2" -v b2="$b2" -v l2="$l2" \
    'BEGIN { printf "| %d | %d (%d) [%s] | %d (%d) [%s] | %.2f | %.2f | %.2f | %s / %s |\n", k, e1, t1, l1, e2, t2, l2, e2 / e1, t2 / t1, p2 / p1, b1, b2 }' \
    | tee -a "$out/table.md"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
echo
echo "median ratio (branch / base): entities $(awk -F'|' '{ print $5 }' "$out/table.md" | median)," \
  "tagger $(awk -F'|' '{ print $6 }' "$out/table.md" | median), full pipeline on one core $(awk -F'|' '{ print $7 }' "$out/table.md" | median)" \
  "(raw reports in $out)"
