# A build waiting for another build of the same directory (this script
# holds its lock) is stopped by SIGTERM: it says so, exits 3 and writes
# nothing. Deterministic: the signal is sent once the build says it waits.
exec 9>"$TMP/out.lock"
flock 9
: >"$TMP/err" # before the build starts, so the loop below never reads a missing file
$PROFILEC_WRAPPER "$PROFILEC" build -o "$TMP/out" tests/cases/modified-zone.xml 9>&- 2>>"$TMP/err" &
pid=$!
n=0
while ! grep -q 'waiting for it' "$TMP/err" && [ $n -lt 400 ]; do
	sleep 0.05
	n=$((n + 1))
done
kill -TERM $pid
wait $pid
echo "exit $?"
cat "$TMP/err"
exec 9>&-
[ -e "$TMP/out" ] && echo "the build left $TMP/out"
