#!/usr/bin/env bash
# Records the public API of every src/ project in its PublicAPI.Unshipped.txt (RS0016 adds what is new, RS0017
# removes what is gone), with the analyzer's own code fix. Run it after changing a public type, and review the diff:
# it is the project's public surface. Moving lines from Unshipped to Shipped marks a release.
# One project at a time: a whole-solution run of `dotnet format` left all but the first project untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  echo "public API of $project"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info "$@"
done
git status --short -- 'src/*/PublicAPI.*.txt'
