#!/bin/sh
# Compile and run the ipcsim.h tests natively.
#
#   tests/ipcsim_h/run.sh [-n N] [-c] [-l]
#     -n N  run every test N times (default 1)
#     -c    run the tests pinned to one CPU (taskset -c 0)
#     -l    run them under load: one busy loop per CPU (pinned to CPU 0 too
#           with -c), stopped at the end
#
# Each test is compiled with `cc -Wall -Wextra -I include t.c -lrt -pthread`
# (any compiler output fails), run under `timeout 10` in its own session,
# and must exit 0 with stdout equal to t.out.  Processes a failed test leaves
# behind are killed by session id.  At the end /dev/shm must be as before.
set -u
here=$(cd "$(dirname "$0")" && pwd)
inc=$(cd "$here/../../include" && pwd)
n=1 pin= load=
while getopts n:cl o; do
    case $o in
    n) n=$OPTARG ;;
    c) pin="taskset -c 0" ;;
    l) load=1 ;;
    *) echo "usage: $0 [-n N] [-c] [-l]" >&2; exit 2 ;;
    esac
done

tmp=$(mktemp -d)
busy=
cleanup() {
    for p in $busy; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

shm_before=$(ls -A /dev/shm 2>/dev/null | sort)
fail=0
tests=$(cd "$here" && ls *.c | sed 's/\.c$//')

for t in $tests; do
    src=$here/$t.c
    if ! cc -Wall -Wextra -I"$inc" "$src" -lrt -pthread -o "$tmp/$t" >"$tmp/$t.cc" 2>&1 ||
        [ -s "$tmp/$t.cc" ]; then
        echo "FAIL $t: compilation"; cat "$tmp/$t.cc"; fail=1
    fi
done
[ $fail = 0 ] || exit 1

if [ -n "$load" ]; then
    for i in $(seq "$(nproc)"); do
        $pin sh -c 'while :; do :; done' &
        busy="$busy $!"
    done
fi

runs=0 bad=0
for i in $(seq "$n"); do
    for t in $tests; do
        runs=$((runs + 1))
        # Not a process group leader here, so setsid keeps the pid: $! is the
        # session id of the test and all it forks.
        setsid $pin timeout -k 2 10 "$tmp/$t" >"$tmp/$t.got" 2>"$tmp/$t.err" &
        sid=$!
        wait $sid
        rc=$?
        pkill -KILL -s "$sid" 2>/dev/null
        if [ $rc != 0 ] || ! cmp -s "$tmp/$t.got" "$here/$t.out"; then
            bad=$((bad + 1))
            echo "FAIL $t (run $i, exit $rc)"
            diff "$here/$t.out" "$tmp/$t.got" | head -20
            head -20 "$tmp/$t.err"
        fi
    done
done

shm_after=$(ls -A /dev/shm 2>/dev/null | sort)
if [ "$shm_before" != "$shm_after" ]; then
    echo "FAIL: /dev/shm changed:"
    echo "$shm_after"
    bad=$((bad + 1))
fi
echo "$runs runs, $bad failures${pin:+ (taskset -c 0)}${load:+ (under load)}"
[ $bad = 0 ]
