#!/usr/bin/env python3
"""Records the public API of every src/ project in its PublicAPI.Unshipped.txt from the analyzer's own diagnostics:
RS0016 (a public symbol not declared) adds the symbol, RS0017 (a declared symbol that is gone) removes it. It builds
until no such diagnostic is left. `dotnet format analyzers` applies the same fix but, once a file holds entries, was
seen to leave new symbols out; reading the build's diagnostics is exact."""
import collections, os, re, subprocess, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
pattern = re.compile(r"error (RS0016|RS0017): Symbol '(.+?)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.+?\.csproj)\]")
for attempt in range(10):
    build = subprocess.run(["dotnet", "build", "Clientele.slnx", "-c", "Release", "-p:TreatWarningsAsErrors=true"], cwd=root,
                           capture_output=True, text=True)
    found = collections.defaultdict(lambda: (set(), set()))
    for m in pattern.finditer(build.stdout):
        rule, symbol, project = m.groups()
        found[project][0 if rule == "RS0016" else 1].add(symbol)
    if not found:
        print("public API files are up to date" if build.returncode == 0 else build.stdout[-4000:])
        sys.exit(build.returncode)
    for project, (added, removed) in found.items():
        path = os.path.join(os.path.dirname(project), "PublicAPI.Unshipped.txt")
        lines = open(path, encoding="utf-8").read().splitlines()
        header = [l for l in lines if l.startswith("#")] or ["#nullable enable"]
        body = sorted((set(l for l in lines if l and not l.startswith("#")) - removed) | added, key=lambda s: (s.lower(), s))
        open(path, "w", encoding="utf-8").write("\n".join(header + body) + "\n")
        print(f"{os.path.relpath(path, root)}: +{len(added)} -{len(removed)}")
print("still changing after 10 builds", file=sys.stderr)
sys.exit(1)
