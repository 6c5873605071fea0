#!/usr/bin/env bash
# Walks the account-migration journey against a running mock and stops at
# the first answer that differs from what Kraken would give.
#
#   BASE_URL=http://127.0.0.1:8080 bash scripts/journey.sh
#
# MOCK_API_KEY overrides the seeded key (test-api-key), as it does for the
# server. Needs curl and node only (node reads the JSON, so no jq).
# Every run uses fresh external account numbers, so it can be repeated
# against the same server.
set -euo pipefail

BASE_URL=${BASE_URL:-http://127.0.0.1:8080}
BASE_URL=${BASE_URL%/}
API_KEY=${MOCK_API_KEY:-test-api-key}
SUPPLIER=TENTACLE_ENERGY
PAUSED=TENTACLE_PAUSED

for tool in curl node; do
  command -v "$tool" >/dev/null || {
    echo "journey: $tool is needed but not installed" >&2
    exit 2
  }
done

# The example payload lives in the generated contract, next to this script.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
operations="$root/schemas/gb/operations.json"
[ -f "$operations" ] || {
  echo "journey: $operations not found (run npm run schemas)" >&2
  exit 2
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

step=""
status=""
fail() {
  echo "FAIL [$step] $*" >&2
  if [ -s "$tmp/body" ]; then
    echo "  last response ($status): $(head -c 600 "$tmp/body")" >&2
  fi
  exit 1
}
ok() { echo "ok   [$step] $*"; }

# call METHOD PATH [BODY_FILE] [TOKEN]: the body lands in $tmp/body and the
# HTTP status in $status. A transport error is a failure of its own.
call() {
  local method=$1 path=$2 data=${3:-} token=${4:-}
  local args=(-sS -X "$method" -o "$tmp/body" -w '%{http_code}'
    --max-time 30 -H 'Accept: application/json')
  [ -n "$data" ] && args+=(-H 'Content-Type: application/json'
    --data-binary "@$data")
  [ -n "$token" ] && args+=(-H "Authorization: Token $token")
  : >"$tmp/body"
  status=$(curl "${args[@]}" "$BASE_URL$path" 2>"$tmp/curl.err") \
    || fail "cannot reach $BASE_URL$path: $(cat "$tmp/curl.err")"
}

expect_status() {
  [ "$status" = "$1" ] || fail "expected HTTP $1, got $status"
}

# js EXPR: evaluates EXPR with `b` bound to the last response body and
# prints the result; anything thrown (or bad JSON) is a failure.
js() {
  node -e '
    const fs = require("fs")
    const b = JSON.parse(fs.readFileSync(process.argv[1], "utf8"))
    const v = (0, eval)("(b) => (" + process.argv[2] + ")")(b)
    process.stdout.write(v === undefined ? "" : String(v))
  ' "$tmp/body" "$1" 2>"$tmp/node.err" \
    || fail "could not read the response: $(head -c 300 "$tmp/node.err")"
}

# check EXPR MESSAGE: fails with MESSAGE unless EXPR is truthy for the body.
check() {
  [ "$(js "Boolean($1)")" = true ] || fail "$2"
}

graphql_token() {
  node -e '
    const key = process.argv[1]
    const query = "mutation { obtainKrakenToken(input: {APIKey: " +
      JSON.stringify(key) + "}) " +
      "{ token refreshToken refreshExpiresIn payload } }"
    process.stdout.write(JSON.stringify({ query }))
  ' "$1" >"$tmp/gql.json"
  call POST /v1/graphql/ "$tmp/gql.json"
}

# account FILE EXT [NODE_STATEMENTS]: the contract's example account under
# external number EXT, with optional edits to `p`, written to FILE.
account() {
  node -e '
    const fs = require("fs")
    const [file, ext, edit] = process.argv.slice(1)
    const ops = JSON.parse(fs.readFileSync(file, "utf8"))
    const op = ops.find(o => o.path === "/v2/data-import/accounts/validate/")
    const p = structuredClone(op.request.examples.ExamplePayload)
    p.import_supplier = "TENTACLE_ENERGY"
    p.external_account_number = ext
    // The published example is a few years old: its dunning path would
    // start in the past (date_in_past), and its account reference would
    // clash with the one a previous run imported (reference_already_exists).
    const soon = new Date(Date.now() + 30 * 86400000)
    p.dunning_path.start_date = soon.toISOString().slice(0, 10)
    p.references[0].value = ext
    new Function("p", edit || "")(p)
    process.stdout.write(JSON.stringify(p))
  ' "$operations" "$2" "${3:-}" >"$1" \
    || fail "could not build the example account from $operations"
}

run_id="$(date +%s)-$$"
ext="JOURNEY-$run_id"
echo "journey against $BASE_URL (external account $ext)"

# A mock that is still starting may refuse connections or answer 503, so
# this step alone retries (for about ten seconds).
step=ready
for _ in $(seq 1 50); do
  status=$(curl -s -o "$tmp/body" -w '%{http_code}' --max-time 5 \
    "$BASE_URL/_mock/ready" 2>/dev/null) || true
  [ "$status" = 200 ] && break
  sleep 0.2
done
[ "$status" = 000 ] && fail "cannot reach $BASE_URL"
expect_status 200
ok "mock is ready"

step=token
graphql_token "$API_KEY"
expect_status 200
check "b.data && b.data.obtainKrakenToken && b.data.obtainKrakenToken.token" \
  "obtainKrakenToken gave no token for API key $API_KEY"
token=$(js 'b.data.obtainKrakenToken.token')
ok "obtained a Kraken token"

step=stage
account "$tmp/account.json" "$ext"
path=/v1/data-import/account-import-process/create-or-update/
call POST "$path" "$tmp/account.json" "$token"
expect_status 201
check "b.external_account_number === '$ext'" "staged the wrong account"
ok "staged the example account (201)"

step=restage
call POST "$path" "$tmp/account.json" "$token"
expect_status 200
ok "staging it again updates it (200)"

step=process
printf '{"import_supplier_code":"%s","external_account_number":"%s"}' \
  "$SUPPLIER" "$ext" >"$tmp/process.json"
call POST /v1/data-import/account-import-process/process/ \
  "$tmp/process.json" "$token"
expect_status 201
number=$(js 'b.kraken_account_number')
[[ "$number" =~ ^A-[0-9A-F]{8}$ ]] \
  || fail "kraken_account_number '$number' is not like A-0123ABCD"
ok "processed into $number (201)"

step=transfer-status
call GET "/v1/data-import/account-transfer-status/$SUPPLIER/$ext/" "" "$token"
expect_status 200
check "b.status === 'COMPLETED'" "status is not COMPLETED"
check "b.kraken_account_number === '$number'" "status names another account"
ok "transfer status COMPLETED for $number"

step=imported-list
call GET "/v1/data-import/imported-account-import-processes/$SUPPLIER/" \
  "" "$token"
expect_status 200
check "b.some(p => p.kraken_account_number === '$number')" \
  "$number is missing from the imported list"
ok "imported list contains $number"

step=pending-list
call GET "/v1/data-import/pending-account-import-processes/$SUPPLIER/" \
  "" "$token"
expect_status 200
check "!b.some(p => p.external_account_number === '$ext')" \
  "$ext is still in the pending list"
ok "pending list does not contain $ext"

step=process-again
call POST /v1/data-import/account-import-process/process/ \
  "$tmp/process.json" "$token"
expect_status 400
check "Array.isArray(b.non_field_errors) && b.non_field_errors.length > 0" \
  "no non_field_errors in the answer"
ok "processing twice is refused (400)"

step=bad-landline
account "$tmp/bad.json" "$ext-PHONE" 'p.customers[0].landline = "abcde"'
call POST "$path" "$tmp/bad.json" "$token"
expect_status 400
check "b.code === 'account_failed_validation'" \
  "code is not account_failed_validation"
check "b.errors.some(e => e.code === 'invalid_phone_number' &&
  e.attr === 'customers.0.landline')" \
  "no invalid_phone_number error at customers.0.landline"
ok "landline abcde is refused (400 invalid_phone_number)"

step=paused-supplier
account "$tmp/paused.json" "$ext-PAUSED" "p.import_supplier = '$PAUSED'"
call POST "$path" "$tmp/paused.json" "$token"
expect_status 400
check "b.errors.some(e => e.code === 'import_supplier_migration_not_ongoing')" \
  "no import_supplier_migration_not_ongoing error"
ok "staging on $PAUSED is refused (400)"

step=no-auth
call GET "/v1/data-import/imported-account-import-processes/$SUPPLIER/"
expect_status 401
ok "no Authorization header is refused (401)"

step=wrong-key
graphql_token "not-the-api-key"
expect_status 200
check "b.errors[0].extensions.errorCode === 'KT-CT-1139'" \
  "wrong API key did not give KT-CT-1139"
ok "wrong API key gives KT-CT-1139"

echo "journey passed"
