#!/usr/bin/env bash
# The gpb command as scripts use it: exact output lines and exit codes.
set -u
gpb="$1"
fixtures="$2"
failures=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_status() {  # expected, actual, what
  [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}
expect_line() {  # file, exact line, what
  grep -qxF -- "$2" "$1" || { fail "$3: no line '$2' in:"; cat "$1"; }
}

# The first JSON block of a page (from a line "{" to the next line "}").
first_body() { awk '/^\{$/{f=1} f{print} /^\}$/{if(f) exit}' "$1"; }
first_body "$fixtures/seeds/003_6135de15af08706f.txt" > "$work/seed003.json"

"$gpb" check --op securityAction.update "$work/seed003.json" > "$work/out.txt"
expect_status 1 $? "check seed 003"
expect_line "$work/out.txt" "$work/seed003.json:9:20: error odata-type-unknown: \"microsoft.graph.ResultInfo\" names no type: type names are case-sensitive. Did you mean \"#microsoft.graph.resultInfo\"?" "seed 003 ResultInfo"
expect_line "$work/out.txt" "  suggestion: \"#microsoft.graph.resultInfo\"" "seed 003 suggestion"
expect_line "$work/out.txt" "  25 |       \"status\": \"String\"," "seed 003 source line"
expect_line "$work/out.txt" "     |                 ^~~~~~~~" "seed 003 caret"
expect_line "$work/out.txt" "$work/seed003.json: 4 errors, 10 warnings" "seed 003 summary"
grep -q "^$work/seed003.json:30:13: error enum-value: \"String\" is not a member of operationStatus" "$work/out.txt" || fail "seed 003 /status"
grep -q "^$work/seed003.json:17:5: error missing-required: " "$work/out.txt" || fail "seed 003 keyValuePair name"

# JSON output: the section 5 shape, from stdin.
"$gpb" check --op securityAction.update --format json < "$work/seed003.json" > "$work/out.json"
expect_status 1 $? "check --format json"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ok = r.operation === "securityAction.update" && r.direction === "request" && r.valid === false &&
    r.diagnostics.length === 14 && r.diagnostics[4].code === "odata-type-unknown" &&
    r.diagnostics[4].pointer === "/errorInfo/@odata.type" && r.diagnostics[4].line === 9 && r.diagnostics[4].column === 20;
  process.exit(ok ? 0 : 1);' "$work/out.json" || fail "check --format json shape"

# Responses: seed 004's response has a source that is not a member.
awk '/^\{$/{n++} n==2{print} /^\}$/{if(n==2) exit}' "$fixtures/seeds/004_70f29e99f84360ef.txt" > "$work/seed004-response.json"
"$gpb" check --op incidentTask.update --response "$work/seed004-response.json" > "$work/out.txt"
expect_status 1 $? "check --response seed 004"
grep -q "^$work/seed004-response.json:9:11: error enum-value: \"defenderExpertsXDR\"" "$work/out.txt" || fail "seed 004 source"

# A clean body: exit 0.
echo '{"status": "completed"}' | "$gpb" check --op incidentTask.update - > "$work/out.txt"
expect_status 0 $? "clean body"
expect_line "$work/out.txt" "<stdin>: 0 errors, 0 warnings" "clean summary"

# Warnings alone do not fail.
echo '{"status": "unknownFutureValue"}' | "$gpb" check --op incidentTask.update > /dev/null
expect_status 0 $? "warnings only"

# example -> check, for every operation, both sizes.
for op in $("$gpb" ops --format json | node -e 'for (const o of JSON.parse(require("fs").readFileSync(0, "utf8"))) console.log(o.id)'); do
  for size in "" --full; do
    "$gpb" example --op "$op" $size > "$work/example.json"
    expect_status 0 $? "example $op $size"
    "$gpb" check --op "$op" "$work/example.json" > "$work/out.txt"
    expect_status 0 $? "check of example $op $size"
    expect_line "$work/out.txt" "$work/example.json: 0 errors, 0 warnings" "example $op $size is clean"
    "$gpb" response --op "$op" "$work/example.json" > "$work/response.http"
    expect_status 0 $? "response $op $size"
    awk 'body{print} /^$/{body=1}' "$work/response.http" > "$work/response.json"
    "$gpb" check --op "$op" --response "$work/response.json" > /dev/null
    expect_status 0 $? "response of example $op $size checks as a response"
  done
done

# request: the complete HTTP text with Content-Length equal to the body's bytes.
printf '{"status": "completed", "note": "caf\xc3\xa9"}' > "$work/body.json"
"$gpb" request --op incidentTask.update --param incidentTaskId=213213 "$work/body.json" > "$work/request.http"
expect_status 1 $? "request with an unknown property"
expect_line "$work/request.http" "PATCH https://graph.microsoft.com/beta/security/incidentTasks/213213" "request line"
expect_line "$work/request.http" "Authorization: Bearer {token}" "authorization placeholder"
expect_line "$work/request.http" "Content-Length: $(wc -c < "$work/body.json" | tr -d ' ')" "content length"

# Usage and I/O problems: exit 2.
"$gpb" check --op nope.update "$work/body.json" > /dev/null 2>&1
expect_status 2 $? "unknown operation"
"$gpb" check --op incidentTask.update "$work/missing.json" > /dev/null 2>&1
expect_status 2 $? "missing file"
"$gpb" frobnicate > /dev/null 2>&1
expect_status 2 $? "unknown command"
"$gpb" check "$work/body.json" > /dev/null 2>&1
expect_status 2 $? "check without --op"
"$gpb" check --op incidentTask.update --format xml "$work/body.json" > /dev/null 2>&1
expect_status 2 $? "bad format"

# lint: documentation pages, with page lines; exit 1 when a page has an error.
"$gpb" lint "$fixtures"/seeds/000_79e0a18590ba6f35.txt > "$work/lint.txt"
expect_status 0 $? "lint of a page with warnings only"
expect_line "$work/lint.txt" "$fixtures/seeds/000_79e0a18590ba6f35.txt:104:22: warning odata-type-format: \"@odata.type\" values start with '#': write \"#microsoft.graph.keyValuePair\"." "lint page line"
"$gpb" lint "$fixtures"/seeds/* > "$work/lint.txt"
expect_status 1 $? "lint of every seed"
grep -q "^$fixtures/seeds/004_70f29e99f84360ef.txt:53:11: error enum-value: \"defenderExpertsXDR\"" "$work/lint.txt" || fail "lint seed 004"
grep -q "^$fixtures/seeds/003_6135de15af08706f.txt:75:7: error malformed-url: " "$work/lint.txt" || fail "lint seed 003 URL"
"$gpb" lint --format sarif "$fixtures"/seeds/004_70f29e99f84360ef.txt | node -e '
  const s = JSON.parse(require("fs").readFileSync(0, "utf8"));
  process.exit(s.version === "2.1.0" && s.runs[0].results[0].ruleId === "enum-value" ? 0 : 1);' || fail "lint --format sarif"
"$gpb" lint "$work/missing.md" > /dev/null 2>&1
expect_status 2 $? "lint of a missing page"

# resolve: METHOD + URL to one JSON object; a URL that addresses nothing exits 1 and says where.
"$gpb" resolve --version v1.0 PATCH https://graph.microsoft.com/v1.0/security/incidents/42 > "$work/resolve.json"
expect_status 0 $? "resolve"
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ok = r.path === "/security/incidents/{incidentId}" && r.kind === "update" && r.request.type === "microsoft.graph.security.incident"
    && r.response.status === 200 && r.parameters.incidentId === "42" && r.permissions.delegatedWork[0] === "SecurityIncident.ReadWrite.All";
  process.exit(ok ? 0 : 1);' "$work/resolve.json" || fail "resolve answer: $(cat "$work/resolve.json")"
"$gpb" resolve GET /users/1/gadgets > "$work/resolve.json"
expect_status 1 $? "resolve of a URL that addresses nothing"
expect_line "$work/resolve.json" '{"error":{"code":"unresolved","message":"\"gadgets\" is not a property, navigation property, action or function of user.","segment":"gadgets"}}' "unresolved answer"
"$gpb" resolve GET > /dev/null 2>&1
expect_status 2 $? "resolve without a URL"
"$gpb" resolve --version v2 GET /users > /dev/null 2>&1
expect_status 2 $? "resolve in a version that does not exist"

# check, request by METHOD + URL, in either version.
echo '{"classification": "truePositive", "customTags": ["Demo"]}' | "$gpb" check --version v1.0 --method PATCH --url /security/incidents/1 > "$work/out.txt"
expect_status 0 $? "check by method and URL"
expect_line "$work/out.txt" "<stdin>: 0 errors, 0 warnings" "check by method and URL: clean"
echo '{"status": "completed"}' | "$gpb" request --method POST --url /deviceAppManagement/deviceAppManagementTasks/7/updateStatus > "$work/out.txt"
expect_status 0 $? "request for an action"
expect_line "$work/out.txt" "POST https://graph.microsoft.com/beta/deviceAppManagement/deviceAppManagementTasks/7/updateStatus" "action request line"

# ops --search: found by action name.
"$gpb" ops --search updatestatus > "$work/out.txt"
expect_status 0 $? "ops --search"
expect_line "$work/out.txt" "POST   /deviceAppManagement/deviceAppManagementTasks/{deviceAppManagementTaskId}/updateStatus" "ops --search finds the action"

# --metadata: another service's model, in XML or JSON; hostile metadata exits 2 with one line.
echo '{"Borrower": "ann", "days": "7"}' | "$gpb" check --metadata "$fixtures/metadata/library.csdl.xml" --method POST --url /books/9/checkout > "$work/out.txt"
expect_status 1 $? "check against a service's own metadata"
expect_line "$work/out.txt" '<stdin>:1:29: error type-mismatch: "days" expects an integer (Edm.Int32), found a string.' "library finding"
echo '{"borrower": "ann"}' | "$gpb" check --metadata "$fixtures/metadata/library.csdl.json" --method POST --url /books/9/checkout > /dev/null
expect_status 0 $? "the same service's CSDL JSON"
for hostile in "$fixtures"/metadata/hostile/*; do
  [ "$(basename "$hostile")" = cyclic-containment.xml ] && continue  # legal: checked below
  "$gpb" resolve --metadata "$hostile" GET /x > /dev/null 2> "$work/err.txt"
  expect_status 2 $? "hostile metadata $(basename "$hostile")"
  [ "$(wc -l < "$work/err.txt")" = 1 ] || fail "hostile $(basename "$hostile"): $(cat "$work/err.txt")"
done
"$gpb" resolve --metadata "$fixtures/metadata/hostile/cyclic-containment.xml" GET /folders/1/notes/2/attic/children/3 > /dev/null
expect_status 0 $? "containment that cycles resolves"
"$gpb" resolve --metadata "$fixtures/metadata/hostile/billion-laughs.xml" GET /x 2> "$work/err.txt"
expect_line "$work/err.txt" "gpb: $fixtures/metadata/hostile/billion-laughs.xml: a DOCTYPE is not allowed in CSDL (entities are never expanded) (line 2)" "billion laughs refused"

if [ "$failures" -gt 0 ]; then echo "$failures CLI check(s) failed"; exit 1; fi
echo "CLI checks passed"
