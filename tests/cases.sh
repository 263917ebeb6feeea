# cases.sh — the case bookkeeping of tests/batch.sh and tests/db.sh (sourced):
#   case_start NAME; … bad "what is wrong" …; case_end
# counts into pass and fail; each runner ends with `cases_summary NAME`,
# which prints "NAME: P passed, F failed" and fails when a case failed or
# no case passed (a runner that ran nothing must not look green).
pass=0
fail=0
why=""
case_start() { why=""; name=$1; }
bad() { why="${why:+$why; }$*"; }
case_end() {
  if [ -z "$why" ]; then
    echo "ok $name"; pass=$((pass + 1))
  else
    echo "FAIL $name: $why"; fail=$((fail + 1))
  fi
}
cases_summary() {
  echo "$1: $pass passed, $fail failed"
  [ "$pass" -gt 0 ] || { echo "$1: no case ran" >&2; return 1; }
  [ "$fail" = 0 ]
}
