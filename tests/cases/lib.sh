# Sourced before each NAME.sh case (tests/check_hostile.c): `run ARGS...`
# runs profilec under a 2-second (or $RUN_SECONDS), 256 MB bound and prints its standard
# output, its standard error without the usage text, and "exit N".
# $TMP is a fresh directory (written as $TMP in NAME.expect); $PROFILEC the
# binary; $PROFILEC_WRAPPER (valgrind) and $PROFILEC_SANITIZED loosen the bounds.
run() {
	(
		seconds=${RUN_SECONDS:-2} # a case with a large input may give itself more
		# ASan with slow unwinding (make asan) costs ~20x a malloc-heavy run.
		if [ -n "$PROFILEC_SANITIZED" ]; then seconds=$((seconds * 10)); fi
		if [ -n "$PROFILEC_WRAPPER" ]; then seconds=60; fi
		if [ -z "$PROFILEC_WRAPPER$PROFILEC_SANITIZED" ]; then ulimit -v 262144; fi
		exec timeout "$seconds" $PROFILEC_WRAPPER "$PROFILEC" "$@"
	) >"$TMP/.out" 2>"$TMP/.err"
	status=$?
	cat "$TMP/.out"
	grep -v -e '^usage: ' -e '^       ' "$TMP/.err"
	echo "exit $status"
}
