#!/usr/bin/env bash
# Whether this checkout's outputs are byte-identical to another commit's: `normalize run` over
# corpora/articles and every dev page set (the article pages, their text dumps, the five wceb
# sets' HTML pages), for both, then `cmp` file by file. What a change meant to be "same output,
# faster" is checked with.
#
#   scripts/same_output.sh 053f294                  # against that commit, data in ../shared/data
#   scripts/same_output.sh HEAD~3 /path/to/data     # another data folder
#
# Exit status 0 when every file is identical, 1 when one differs, 2 on a usage error.
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: $0 REV [DATA]   (REV: the commit to compare with; DATA: default ../shared/data)" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
rev=$1
data=${2:-$here/../shared/data}
if [ ! -d "$data/articles" ]; then
  echo "$0: no benchmark data in $data (give its folder as the second argument)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add --detach "$work/ref" "$rev" >/dev/null

outputs() {  # outputs REPO OUT: the records of REPO's code
  local repo=$1 out=$2
  mkdir -p "$out"
  (
    cd "$repo"
    export PYTHONPATH=$repo
    python -m normalize run corpora/articles -q --workers 2 -o "$out/corpora.jsonl"
    python -m normalize run "$data/articles/html" -q --workers 2 -o "$out/articles-html.jsonl"
    python -m normalize run "$data/articles/text-dev.jsonl" --input-format jsonl -q --workers 2 \
      -o "$out/articles-text.jsonl"
    for set in "$data"/wceb/*/html; do
      python -m normalize run "$set" -q --workers 2 -o "$out/wceb-$(basename "$(dirname "$set")").jsonl"
    done
  )
}

outputs "$work/ref" "$work/before"
outputs "$here" "$work/after"
status=0
for f in "$work"/before/*.jsonl; do
  name=$(basename "$f")
  if cmp -s "$f" "$work/after/$name"; then
    echo "same     $name ($(wc -l < "$f") records)"
  else
    echo "DIFFERS  $name"
    status=1
  fi
done
exit $status
