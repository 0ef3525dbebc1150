#!/usr/bin/env bash
# One query with curl: prints the JSON answer, then the budget headers.
#
#   bash docs/examples/curl.sh [origin]                         # default http://127.0.0.1:4000
#   GONGYI_API_KEY=gyk1_… bash docs/examples/curl.sh https://api.example.org
#
# Exits non-zero when the HTTP status is not 200 (401 for a bad key, 429 when over budget, …),
# after printing the answer, which says why.
set -euo pipefail

origin="${1:-http://127.0.0.1:4000}"

# A POST with a JSON body needs no CSRF preflight header. Variables travel beside the document.
body='{
  "query": "query Example($first: Int) { organizations(first: $first) { totalCount nodes { name type } } donationSummary { donationCount total { value currency } } rateLimit { cost remaining } }",
  "variables": { "first": 3 }
}'

# the key goes in a header, never in the URL; `${auth[@]+…}` keeps bash 3.2 (macOS) happy when it is empty
auth=()
if [ -n "${GONGYI_API_KEY:-}" ]; then
  auth=(-H "authorization: Bearer ${GONGYI_API_KEY}")
fi

headers=$(mktemp)
answer=$(mktemp)
trap 'rm -f "$headers" "$answer"' EXIT

status=$(curl -sS -o "$answer" -D "$headers" -w '%{http_code}' \
  -H 'content-type: application/json' \
  ${auth[@]+"${auth[@]}"} \
  --data "$body" \
  "${origin%/}/graphql")

if command -v jq > /dev/null; then jq . "$answer"; else cat "$answer"; echo; fi
echo
# X-RateLimit-Limit, -Remaining, -Used, -Reset (Unix seconds); Retry-After on a 429
grep -iE '^(x-ratelimit-|retry-after:)' "$headers" | tr -d '\r' || true

if [ "$status" != 200 ]; then
  echo "HTTP $status" >&2
  exit 1
fi
