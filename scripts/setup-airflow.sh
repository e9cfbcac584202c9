#!/usr/bin/env bash
# Creates the Apache Airflow venv the export tests load exported DAG files into, and prints its path.
#   bash scripts/setup-airflow.sh      → .venv-airflow   Airflow 2.10.5 (amazon + http providers)
#   bash scripts/setup-airflow.sh 3    → .venv-airflow-3 Airflow 3.3.2  (standard + amazon + http providers)
# Every package is pinned in scripts/airflow-<version>-requirements.txt, so pip does not have to resolve
# (Airflow's constraint files are not reachable here). The venv itself lives in a cache folder keyed by the
# requirements' hash (DAGSTUDIO_CACHE, default ~/.cache/dagstudio), and .venv-airflow* is a folder of links
# into it (a folder, so git ignores it), so fresh clones on the same machine (CI) reuse the install; a
# changed requirements file builds a new one. Timing: about 2 min (2.10) and 4 min (3.3) on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
series="${1:-2}"
case "$series" in
  2) req=scripts/airflow-2.10-requirements.txt; link=.venv-airflow ;;
  3) req=scripts/airflow-3.3-requirements.txt; link=.venv-airflow-3 ;;
  *) echo "setup-airflow.sh: unknown Airflow series \"$series\" (use 2 or 3)" >&2; exit 2 ;;
esac
python="${AIRFLOW_PYTHON:-python3}"
pyver=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
want=$( (cat "$req"; echo "python $pyver") | sha256sum | cut -c1-16)
cache="${DAGSTUDIO_CACHE:-$HOME/.cache/dagstudio}/airflow-$series-$want"
stamp="$cache/.dagstudio-ready"

if [ ! -f "$stamp" ]; then
  started=$(date +%s)
  echo "setup-airflow.sh: installing Apache Airflow ($req, Python $pyver) into $cache" >&2
  rm -rf "$cache"
  mkdir -p "$(dirname "$cache")"
  "$python" -m venv "$cache"
  "$cache/bin/pip" install -q --disable-pip-version-check --no-input -r "$req" >&2
  "$cache/bin/python" -c 'import airflow' >/dev/null 2>&1 || { echo "setup-airflow.sh: airflow does not import in $cache" >&2; exit 1; }
  echo "$want" > "$stamp"
  echo "setup-airflow.sh: done in $(( $(date +%s) - started ))s" >&2
fi
rm -rf "$link"
mkdir -p "$link"
for entry in "$cache"/*; do ln -sfn "$entry" "$link/$(basename "$entry")"; done
echo "$PWD/$link"
