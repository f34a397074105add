# A signal that lands after the build's first try of the lock and before it
# waits (strace delivers SIGTERM as the first flock is entered) still stops
# the build: a blocking wait would miss it and wait for ever.
exec 9>"$TMP/out.lock"
flock 9
seconds=20
if [ -n "$PROFILEC_WRAPPER" ]; then seconds=120; fi
# LeakSanitizer cannot run under ptrace.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
timeout "$seconds" strace -o /dev/null -e trace=flock -e inject=flock:signal=SIGTERM:when=1 \
	$PROFILEC_WRAPPER "$PROFILEC" build -o "$TMP/out" tests/cases/modified-zone.xml 9>&- 2>"$TMP/err"
echo "exit $?"
cat "$TMP/err"
exec 9>&-
[ -e "$TMP/out" ] && echo "the build left $TMP/out"
