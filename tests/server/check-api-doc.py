#!/usr/bin/python3
# check-api-doc.py SRCDIR: docs/api-v1.yaml parses, its $refs resolve, and every route
# that src/server/koc-server.c serves is documented with its method. TAP on stdout.
import re
import sys

try:
    import yaml
except ImportError:
    print("1..0 # SKIP PyYAML is not installed for this python3 (python3-yaml)")
    sys.exit(0)

src = sys.argv[1]
tests = []


def check(name, ok, detail=""):
    tests.append((name, ok, detail))


with open(src + "/docs/api-v1.yaml", encoding="utf-8") as f:
    doc = yaml.safe_load(f)
check("parses as OpenAPI 3", isinstance(doc, dict) and str(doc.get("openapi", "")).startswith("3."))


def refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


missing = []
for ref in refs(doc):
    target = doc
    for part in ref.lstrip("#/").split("/"):
        target = target.get(part) if isinstance(target, dict) else None
    if target is None:
        missing.append(ref)
check("every $ref resolves", not missing, ", ".join(missing))

with open(src + "/src/server/koc-server.c", encoding="utf-8") as f:
    code = f.read()
routes = re.findall(r'\{ "([a-z]+)", "([A-Z]+)", (\d), (?:TRUE|FALSE), ', code)
check("the server's route table was found", len(routes) >= 5, str(routes))
paths = doc.get("paths", {})
for name, method, segments in routes:
    found = [p for p in paths
             if p.startswith("/v1/" + name) and p.count("/") - 1 == int(segments)
             and method.lower() in paths[p]]
    check("%s /v1/%s is documented" % (method, name), bool(found))
for path, item in paths.items():
    for method, operation in item.items():
        codes = operation.get("responses", {})
        check("%s %s documents its responses" % (method.upper(), path), len(codes) > 0)

print("1..%d" % len(tests))
for i, (name, ok, detail) in enumerate(tests, 1):
    print("%sok %d - %s%s" % ("" if ok else "not ", i, name, (" # " + detail) if detail and not ok else ""))
sys.exit(0 if all(ok for _, ok, _ in tests) else 1)
