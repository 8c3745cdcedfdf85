#!/usr/bin/env bash
# Same-machine A/B of two Release builds of rasid: `bench ingest` (and optionally `bench pipeline`) alternated in pairs
# (A B, then B A, ...), printing per pair the load average, both figures and their ratio, then the median ratio.
#
#   bench/ab-ingest.sh BASE_REPO NEW_REPO [PAIRS] [LIMIT] [pipeline]
#
# BASE_REPO and NEW_REPO are checkouts already built with `dotnet build -c Release Rasid.slnx`; run from a directory
# where ../shared/data/raw/saudinewsnet exists (e.g. the repository root). Example (session 10):
#   git -C . archive bfa5fd5 | (mkdir -p /tmp/base && tar -x -C /tmp/base) && (cd /tmp/base && dotnet build -c Release Rasid.slnx)
#   bench/ab-ingest.sh /tmp/base . 5 2000
set -euo pipefail
base=$1; new=$2; pairs=${3:-3}; limit=${4:-2000}; mode=${5:-ingest}
data=../shared/data/raw/saudinewsnet
[ -d "$data" ] || { echo "ab-ingest: $data not found from $(pwd)" >&2; exit 2; }
dll() { echo "$1/src/Rasid.Cli/bin/Release/net10.0/rasid.dll"; }
for r in "$base" "$new"; do [ -f "$(dll "$r")" ] || { echo "ab-ingest: $(dll "$r") not built" >&2; exit 2; }; done
out=$(mktemp -d)

run() { # $1 = repo, $2 = output file
  if [ "$mode" = pipeline ]; then
    nice -n 10 dotnet "$(dll "$1")" bench pipeline "$data/2015-07-21.zip" --limit "$limit" > "$2" 2>&1
  else
    nice -n 10 dotnet "$(dll "$1")" bench ingest "$data" --limit "$limit" > "$2" 2>&1
  fi
}
# ingest: articles/s at 400 words and CPU seconds; pipeline: words/s of the full pipeline on 1 core.
figure() {
  if [ "$mode" = pipeline ]; then
    grep -F '**full pipeline, 1 core**' "$1" | awk -F'|' '{gsub(/[ ,]/,"",$4); print $4}'
  else
    sed -n 's/.*= \([0-9.]*\) articles\/s at 400.*/\1/p' "$1"
  fi
}
cpu() { sed -n 's/^process: CPU \([0-9.]*\) s in \([0-9.]*\) s.*/\1/p' "$1"; }

printf '| pair | order | load (1 min) | base | new | new/base |%s\n' "$( [ "$mode" = ingest ] && echo ' CPU s base | CPU s new | CPU base/new |')"
ratios=(); cpuratios=()
for i in $(seq 1 "$pairs"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  if (( i % 2 == 1 )); then run "$base" "$out/b$i"; run "$new" "$out/n$i"; order="base,new"
  else run "$new" "$out/n$i"; run "$base" "$out/b$i"; order="new,base"; fi
  load="$load–$(cut -d' ' -f1 /proc/loadavg)"
  b=$(figure "$out/b$i"); n=$(figure "$out/n$i")
  ratio=$(awk -v b="$b" -v n="$n" 'BEGIN{printf "%.3f", n/b}')
  ratios+=("$ratio")
  if [ "$mode" = ingest ]; then
    cb=$(cpu "$out/b$i"); cn=$(cpu "$out/n$i")
    cpuratio=$(awk -v b="$cb" -v n="$cn" 'BEGIN{printf "%.3f", b/n}')
    cpuratios+=("$cpuratio")
    printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$i" "$order" "$load" "$b" "$n" "$ratio" "$cb" "$cn" "$cpuratio"
  else
    printf '| %d | %s | %s | %s | %s | %s |\n' "$i" "$order" "$load" "$b" "$n" "$ratio"
  fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
echo "median new/base ($mode, $pairs pairs, limit $limit): $(median "${ratios[@]}")$( [ "$mode" = ingest ] && echo "; median CPU base/new: $(median "${cpuratios[@]}")")   (reports in $out)"
