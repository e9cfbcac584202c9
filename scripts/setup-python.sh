#!/usr/bin/env bash
# Creates .venv-tools with the Python packages the tests and the demo need (moto's server mode for S3 and
# SageMaker, Flask for the example's prediction service, scikit-learn for the example's training).
# Idempotent and quick when nothing changed: the requirements file's hash is remembered.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv-tools
req=scripts/requirements-tools.txt
stamp="$venv/.requirements.sha256"
want=$(sha256sum "$req" | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
