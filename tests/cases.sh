# cases.sh — the case bookkeeping of tests/batch.sh and tests/db.sh (sourced):
#   case_start NAME; … bad "what is wrong" …; case_end
# counts into pass and fail; each runner prints "NAME: P passed, F failed"
# and fails when it ran no case.
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
