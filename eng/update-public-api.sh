#!/usr/bin/env bash
# Records the public API of every src/ project in its PublicAPI.Unshipped.txt (see update-public-api.py). Run it after
# changing a public type, and review the diff: it is the project's public surface. Moving lines from Unshipped to
# Shipped marks a release.
set -euo pipefail
exec python3 "$(dirname "$0")/update-public-api.py" "$@"
