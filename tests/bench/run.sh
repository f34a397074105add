#!/bin/bash
# make bench: time profilec against libxml2 (xmllint) and zlib (gzip -6) on
# generated fictional corpora, and print the table. A report: it never fails
# on timing, and a command that fails is shown as "n/a (exit N)".
#
# Environment:
#   PROFILEC       the binary to measure (default ./profilec)
#   RUNS           runs of a command whose first run takes 1 to 8 s; the
#                  median is shown (default 3; 5 under 1 s, 1 over 8 s)
#   BENCH_CORPORA  which corpora (default "small 1mb 10mb 200 world world-shared world-ids 100mb")
#   BENCH_SEED     the generator's seed (default 1)
#   BENCH_BUDGET   seconds from the start after which no command is started
#                  (default 720); BENCH_HARD: a running command is stopped
#                  (default 840): the whole stays under 15 minutes
#   BENCH_KEEP=1   keep the work directory (corpora, outputs)
# The work directory is in $TMPDIR (default /tmp) and holds every output
# until the end (about 1.5 GB with the 100 MB corpus).
set -u
export LC_ALL=C

PROFILEC=${PROFILEC:-./profilec}
PYTHON=${PYTHON:-/usr/bin/python3}
SCHEMA=${SCHEMA:-schemas/profile.xsd}
RUNS=${RUNS:-3}
SEED=${BENCH_SEED:-1}
CORPORA=${BENCH_CORPORA:-"small 1mb 10mb 200 world world-shared world-ids 100mb"}
BUDGET=${BENCH_BUDGET:-720}
HARD=${BENCH_HARD:-840}
FAST=1 # a first run under this many seconds: 5 runs
SLOW=8 # a first run over this many seconds: that run only
FORMATS="xlsx epub csv jsonld"
HERE=$(cd "$(dirname "$0")" && pwd)
GEN="$HERE/genprofile.py"

for tool in xmllint gzip unzip timeout "$PYTHON" /usr/bin/time "$PROFILEC"; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "bench: $tool is missing (make bench installs libxml2-utils gzip unzip time python3)" >&2
		exit 2
	fi
done
[ -f "$SCHEMA" ] || { echo "bench: no $SCHEMA (run from the top of the tree)" >&2; exit 2; }
PROFILEC=$(command -v "$PROFILEC")
case $PROFILEC in /*) ;; *) PROFILEC=$PWD/$PROFILEC ;; esac

W=$(mktemp -d "${TMPDIR:-/tmp}/profilec-bench.XXXXXX") || exit 2
if [ "${BENCH_KEEP:-0}" = 1 ]; then
	echo "bench: work directory $W (kept)" >&2
else
	trap 'rm -rf "$W"' EXIT
fi
trap 'exit 130' INT TERM

calc() { awk "BEGIN { printf \"$1\", $2 }"; }
note() { printf '  %-7s %s\n' "$1" "$2" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }
LOAD_START=$(load)

# ---- corpora ---------------------------------------------------------

# By corpus: its files, the directories built one at a time, bytes, entities.
declare -A FILES BATCHES BYTES ENTS
gen_one() { # NAME CODE BYTES
	mkdir -p "$W/$1"
	local line
	line=$("$PYTHON" "$GEN" --seed "$SEED" --code "$2" --target-bytes "$3" -o "$W/$1/${2,,}.xml") || return 1
	local fields=($line)
	FILES[$1]=${fields[0]}
	BATCHES[$1]=$W/$1
	BYTES[$1]=${fields[1]}
	ENTS[$1]=${fields[2]}
}
gen_many() { # NAME COUNT [GENERATOR OPTIONS]
	local path b e total=0 ents=0
	"$PYTHON" "$GEN" --seed "$SEED" --profiles "$2" "${@:3}" -o "$W/$1" >"$W/$1.list" || return 1
	while read -r path b e; do
		total=$((total + b))
		ents=$((ents + e))
	done <"$W/$1.list"
	FILES[$1]=$(awk '{ print $1 }' "$W/$1.list" | tr '\n' ' ')
	BATCHES[$1]=$(ls -d "$W/$1"/[0-9]* | tr '\n' ' ')
	BYTES[$1]=$total
	ENTS[$1]=$ents
}

for c in $CORPORA; do
	case $c in
	small) gen_one small XA 40000 ;;
	1mb) gen_one 1mb XB 1000000 ;;
	10mb) gen_one 10mb XC 10000000 ;;
	100mb) gen_one 100mb XD 100000000 ;;
	200) gen_many 200 200 ;;
	# The world dataset of one build: 200 profiles (past the 40
	# user-assigned codes, codes ISO 3166-1 has not assigned), sharing
	# nothing or a fifth of their organizations and publications; and one
	# profile of their total size.
	world) gen_many world 200 --per-build 200 && gen_one world-one XE "${BYTES[world]}" ;;
	world-shared) gen_many world-shared 200 --per-build 200 --shared 0.2 &&
		gen_one world-shared-one XF "${BYTES[world-shared]}" ;;
	# The same share, half of it by identifier alone (format 1.1: Wikidata,
	# ROR and DOI on bodies and works each profile names its own way).
	world-ids) gen_many world-ids 200 --per-build 200 --shared 0.2 --identifiers &&
		gen_one world-ids-one XG "${BYTES[world-ids]}" ;;
	*) echo "bench: unknown corpus '$c'" >&2; exit 2 ;;
	esac || { echo "bench: generating corpus $c failed" >&2; exit 2; }
	note GEN "$c: $(calc '%.2f' "${BYTES[$c]} / 1e6") MB, ${ENTS[$c]} entities"
done
GEN_TIME=$SECONDS
note GEN "corpora generated in $GEN_TIME s"

# The 200 corpus is five builds of 40 (the user-assigned codes), one after
# the other, as it always was, so that its figures compare with earlier
# runs; the world corpora are 200 profiles in one build.
cat >"$W/build-batches.sh" <<'EOF'
#!/bin/bash
# build-batches.sh OUT PROFILEC ARGS... -- DIR...: one build per DIR.
out=$1 profilec=$2
shift 2
args=()
while [ "$1" != -- ]; do args+=("$1"); shift; done
shift
for d in "$@"; do
	"$profilec" build -o "$out/${d##*/}" "${args[@]}" "$d"/*.xml || exit $?
done
EOF
chmod +x "$W/build-batches.sh"

# ---- measuring -------------------------------------------------------

have() { [ -n "${WALL[$1]:-}" ]; }

# By "corpus|what": median wall time (s), CPU time (user + system, s) and
# peak RSS (KB), the number of runs, and a status: "" when it ran, else why
# not. ZBYTES: the size of the unzipped XLSX/EPUB content by "corpus.fmt".
declare -A WALL CPU RSS NRUN STATUS ZBYTES
# By key, with $PARENT set: the median CPU time of the measured process
# alone, without the processes it forked (perf stat --no-inherit).
declare -A PCPU
# A world step's CPU time as the difference of two builds' totals moves by
# a second on a loaded machine (the profiles' file creation, system time):
# with perf, the parent of a -j2 build, which does the world step alone,
# is measured by itself. Without perf (or not allowed), that row is left out.
PERF=$(command -v perf 2>/dev/null)
if [ -n "$PERF" ] && ! "$PERF" stat --no-inherit -x, -e task-clock -o /dev/null true >/dev/null 2>&1; then
	PERF=""
fi
TRASH=0
mkdir -p "$W/trash"

median() { sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The CPU time (user + system, s) the shell's children took between two
# outputs of `times` (its second line: children's "0m1.234s 0m0.056s").
children_cpu() {
	awk 'function s(t) { sub(/s$/, "", t); split(t, a, "m"); return a[1] * 60 + a[2] }
	     FNR == 2 { v[FILENAME == ARGV[1]] = s($1) + s($2) }
	     END { printf "%.3f", v[0] - v[1] }' "$1" "$2"
}

# measure CORPUS WHAT CMD...: run CMD (stdout and stderr discarded) as many
# times as its speed allows; $CLEAN, when set, is removed before each run.
measure() {
	local key="$1|$2"
	shift 2
	if ((SECONDS >= BUDGET)); then
		STATUS[$key]="skipped (budget)"
		note SKIP "$key"
		return
	fi
	local walls=() cpus=() rsss=() pcpus=() rc=0 i runs=1 t0 t1 el wrap=()
	[ -n "${PARENT:-}" ] && [ -n "$PERF" ] && wrap=("$PERF" stat --no-inherit -x, -e task-clock -o "$W/perf.out" --)
	for ((i = 0; i < runs; i++)); do
		# Moved aside, not deleted: on ext4, creating files just after
		# deleting thousands costs several times more (recently_deleted()),
		# and that would be charged to the build measured next.
		if [ -n "${CLEAN:-}" ] && [ -e "$CLEAN" ]; then
			TRASH=$((TRASH + 1))
			mv "$CLEAN" "$W/trash/$TRASH"
		fi
		local left=$((HARD - SECONDS))
		((left < 5)) && left=5
		# The shell's clock and its children's times (times, a builtin: no
		# fork between) are finer than /usr/bin/time's 10 ms steps.
		times >"$W/times.0"
		t0=$EPOCHREALTIME
		/usr/bin/time -f '%e %M' -o "$W/time.out" timeout "$left" "${wrap[@]}" "$@" >/dev/null 2>"$W/stderr.out"
		rc=$?
		t1=$EPOCHREALTIME
		times >"$W/times.1"
		if ((rc != 0)); then
			if ((rc == 124)); then STATUS[$key]="n/a (timeout)"; else STATUS[$key]="n/a (exit $rc)"; fi
			local why
			why=$(grep -v ': warning: ' "$W/stderr.out" | grep -m1 'error' || tail -n 1 "$W/stderr.out")
			note FAIL "$key: ${STATUS[$key]}: ${why:0:200}"
			return
		fi
		el=$(calc '%.4f' "$t1 - $t0")
		walls+=("$el")
		cpus+=("$(children_cpu "$W/times.0" "$W/times.1")")
		rsss+=("$(tail -n 1 "$W/time.out" | awk '{ print $2 }')")
		((${#wrap[@]})) && pcpus+=("$(awk -F, '$3 == "task-clock" { printf "%.4f", $1 / 1000 }' "$W/perf.out")")
		if ((i == 0)); then
			runs=$(awk "BEGIN { print ($el < $FAST) ? ($RUNS > 5 ? $RUNS : 5) : ($el > $SLOW) ? 1 : $RUNS }")
		fi
		((SECONDS >= BUDGET)) && break
	done
	WALL[$key]=$(printf '%s\n' "${walls[@]}" | median)
	CPU[$key]=$(printf '%s\n' "${cpus[@]}" | median)
	RSS[$key]=$(printf '%s\n' "${rsss[@]}" | median)
	NRUN[$key]=${#walls[@]}
	STATUS[$key]=""
	((${#pcpus[@]})) && PCPU[$key]=$(printf '%s\n' "${pcpus[@]}" | median)
	note RUN "$key: ${WALL[$key]} s wall, ${CPU[$key]} s cpu, $((${RSS[$key]%.*} / 1024)) MB (median of ${#walls[@]})"
}

# The floor of the zipped formats: gzip -6 of the uncompressed content of
# every .xlsx/.epub the last build wrote, concatenated (unzip -p).
measure_deflate() { # CORPUS OUTDIR
	local z zips
	for z in xlsx epub; do
		[ -n "${ZBYTES[$1.$z]:-}" ] && continue
		mapfile -t zips < <(find "$2" -name "*.$z" | sort)
		[ ${#zips[@]} -gt 0 ] || continue
		: >"$W/content.$z"
		local f
		for f in "${zips[@]}"; do unzip -p "$f" >>"$W/content.$z"; done
		ZBYTES[$1.$z]=$(stat -c %s "$W/content.$z")
		measure "$1" "gzip $z" gzip -6 -c "$W/content.$z"
		rm -f "$W/content.$z"
	done
}

for c in $CORPORA; do
	case $c in world*) continue ;; esac
	out=$W/out-$c
	files=(${FILES[$c]})
	batches=(${BATCHES[$c]})
	# build_cmd ARGS...: the command line of a build of this corpus, in cmd[].
	if [ "$c" = 200 ]; then
		build_cmd() { cmd=("$W/build-batches.sh" "$out" "$PROFILEC" "$@" -- "${batches[@]}"); }
	else
		build_cmd() { cmd=("$PROFILEC" build -o "$out" "$@" "${files[@]}"); }
	fi
	# What the targets need first, so that the budget cuts the rest.
	measure "$c" stream xmllint --stream --noout --schema "$SCHEMA" "${files[@]}"
	measure "$c" validate "$PROFILEC" validate "${files[@]}"
	build_cmd --formats=xlsx,epub,csv,jsonld
	CLEAN=$out measure "$c" "build all" "${cmd[@]}"
	[ -z "${STATUS[$c|build all]}" ] && measure_deflate "$c" "$out"
	measure "$c" tree xmllint --noout --schema "$SCHEMA" "${files[@]}"
	for f in $FORMATS; do
		build_cmd --formats=$f
		CLEAN=$out measure "$c" "build $f" "${cmd[@]}"
		if [ -z "${STATUS[$c|build $f]}" ] && { [ $f = xlsx ] || [ $f = epub ]; }; then
			measure_deflate "$c" "$out"
		fi
	done
	# Two processes: across the profiles of the 200, and across the
	# formats of a single profile.
	build_cmd --formats=xlsx,epub,csv,jsonld --jobs=2
	CLEAN=$out measure "$c" "build all -j2" "${cmd[@]}"
	[ -e "$out" ] && mv "$out" "$W/trash/$((TRASH += 1))"
done

# The world step: a build of the 200 profiles with and without DIR/world/,
# at -j1 and -j2; its floor is that of one profile of the same total size
# (streaming xmllint of the same bytes + gzip -6 of the world workbook's
# content), and its memory is compared with building that one profile.
for c in $CORPORA; do
	case $c in world*) ;; *) continue ;; esac
	out=$W/out-$c
	files=(${FILES[$c]})
	measure "$c" stream xmllint --stream --noout --schema "$SCHEMA" "${files[@]}"
	for j in 1 2; do
		sfx=""
		[ $j = 2 ] && sfx=" -j2"
		# With -j2, also the parent's own CPU time (PCPU).
		parent=""
		[ $j = 2 ] && parent=1
		PARENT=$parent CLEAN=$out measure "$c" "build all$sfx" "$PROFILEC" build -o "$out" --jobs=$j "${files[@]}"
		PARENT=$parent CLEAN=$out measure "$c" "build all --no-world$sfx" "$PROFILEC" build -o "$out" --no-world --jobs=$j "${files[@]}"
	done
	"$PROFILEC" build -o "$out" "${files[@]}" 2>/dev/null
	if [ -f "$out/world/world.xlsx" ]; then
		unzip -p "$out/world/world.xlsx" >"$W/content.world"
		ZBYTES[$c.xlsx]=$(stat -c %s "$W/content.world")
		measure "$c" "gzip xlsx" gzip -6 -c "$W/content.world"
		rm -f "$W/content.world"
	fi
	[ -e "$out" ] && mv "$out" "$W/trash/$((TRASH += 1))"
	CLEAN=$out measure "$c" "build all, one profile" "$PROFILEC" build -o "$out" "${FILES[$c-one]}"
	[ -e "$out" ] && mv "$out" "$W/trash/$((TRASH += 1))"
done

# ---- the table -------------------------------------------------------

# The world step's time: a build with the world less one without.
for c in $CORPORA; do
	case $c in world*) ;; *) continue ;; esac
	for sfx in "" " -j2"; do
		a="$c|build all$sfx" b="$c|build all --no-world$sfx" k="$c|world step$sfx"
		if have "$a" && have "$b"; then
			WALL[$k]=$(calc '%.4f' "${WALL[$a]} - ${WALL[$b]}")
			CPU[$k]=$(calc '%.4f' "${CPU[$a]} - ${CPU[$b]}")
			RSS[$k]=${RSS[$a]}
			NRUN[$k]=${NRUN[$a]}
			STATUS[$k]=""
		fi
	done
	# The -j2 parent alone, with and without the world (perf): its wall
	# time is not measured, its CPU time is the world step's.
	a="$c|build all -j2" b="$c|build all --no-world -j2" k="$c|world step -j2, parent"
	if have "$a" && have "$b" && [ -n "${PCPU[$a]:-}" ] && [ -n "${PCPU[$b]:-}" ]; then
		CPU[$k]=$(calc '%.4f' "${PCPU[$a]} - ${PCPU[$b]}")
		RSS[$k]=${RSS[$a]}
		NRUN[$k]=${NRUN[$a]}
		STATUS[$k]=""
	fi
done

fmt_s() { [ -n "$1" ] && calc "$(awk "BEGIN { print ($1 < 10) ? \"%.3f\" : \"%.1f\" }")" "$1"; }
# floor KEY [CPU]: the floor of a profilec figure in seconds (wall time, or
# CPU time with a second argument), or nothing when a part is missing.
floor() {
	local c=${1%%|*} what=${1#*|}
	if [ $# -gt 1 ]; then local -n T=CPU; else local -n T=WALL; fi
	have "$c|stream" || return 0
	local f=${T[$c|stream]}
	case $what in
	validate | "build csv" | "build jsonld") ;;
	"build xlsx") have "$c|gzip xlsx" || return 0; f="$f + ${T[$c|gzip xlsx]}" ;;
	"build epub") have "$c|gzip epub" || return 0; f="$f + ${T[$c|gzip epub]}" ;;
	"build all" | "build all -j2")
		case $c in world*) return 0 ;; esac
		have "$c|gzip xlsx" && have "$c|gzip epub" || return 0
		f="$f + ${T[$c|gzip xlsx]} + ${T[$c|gzip epub]}" ;;
	"world step" | "world step -j2" | "world step -j2, parent")
		have "$c|gzip xlsx" || return 0
		f="$f + ${T[$c|gzip xlsx]}" ;;
	*) return 0 ;;
	esac
	calc '%.4f' "$f"
}
label() {
	case $1 in
	stream) echo "xmllint --stream --schema" ;;
	tree) echo "xmllint --schema (tree)" ;;
	validate) echo "profilec validate" ;;
	"world step -j2, parent") echo "the world step -j2, the parent alone" ;;
	"world step"*) echo "the world step${1#world step}: build all - --no-world" ;;
	"gzip xlsx") echo "gzip -6 of the XLSX content ($(calc '%.2f' "${ZBYTES[$2.xlsx]} / 1e6") MB)" ;;
	"gzip epub") echo "gzip -6 of the EPUB content ($(calc '%.2f' "${ZBYTES[$2.epub]} / 1e6") MB)" ;;
	*) echo "profilec $1" ;;
	esac
}
row() { printf '| %-7s | %6s | %8s | %-40s | %1s | %12s | %6s | %7s | %7s | %7s | %6s | %6s |\n' "$@"; }

echo
echo "profilec bench: $(uname -m), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average $LOAD_START at the start, $(load) at the end"
echo "$("$PROFILEC" --version), libxml2 $(xmllint --version 2>&1 | awk '/using libxml version/ { print $NF; exit }'), $(gzip --version | head -n 1)"
echo "n runs, median shown. cpu: user + system time. RSS: peak resident set. floor: streaming xmllint"
echo "+ gzip -6 of the unzipped XLSX/EPUB content the command writes. ratio: wall / floor; cpu ratio: cpu / cpu floor"
echo
row corpus MB entities command n "wall s" "MB/s" "cpu s" "RSS MB" "floor s" ratio "cpu ratio"
echo "|---------|-------:|---------:|------------------------------------------|---|-------------:|-------:|--------:|--------:|--------:|-------:|-------:|"
for c in $CORPORA; do
	first=1
	for what in stream tree validate "build xlsx" "build epub" "build csv" "build jsonld" "build all" \
		"build all -j2" "build all --no-world" "build all --no-world -j2" "world step" "world step -j2" "world step -j2, parent" \
		"build all, one profile" "gzip xlsx" "gzip epub"; do
		key="$c|$what"
		[ -n "${STATUS[$key]+x}" ] || continue
		if [ $first = 1 ]; then
			cells=("$c" "$(calc '%.2f' "${BYTES[$c]} / 1e6")" "${ENTS[$c]}")
			first=0
		else
			cells=("" "" "")
		fi
		if [ -n "${STATUS[$key]}" ]; then
			row "${cells[@]}" "$(label "$what" "$c")" "" "${STATUS[$key]}" "" "" "" "" "" ""
			continue
		fi
		if [ "$what" = "world step -j2, parent" ]; then # cpu time only
			row "${cells[@]}" "$(label "$what" "$c")" "${NRUN[$key]}" "" "" "$(fmt_s "${CPU[$key]}")" \
				"$(calc '%.1f' "${RSS[$key]} / 1024")" "$(fmt_s "$(floor "$key")")" "" \
				"$(calc '%.2f' "${CPU[$key]} / $(floor "$key" cpu)")"
			continue
		fi
		size=${BYTES[$c]}
		case $what in gzip*) size=${ZBYTES[$c.${what#gzip }]} ;; esac
		fl=$(floor "$key")
		flc=$(floor "$key" cpu)
		ratio="" cratio=""
		[ -n "$fl" ] && ratio=$(calc '%.2f' "${WALL[$key]} / $fl")
		[ -n "$flc" ] && cratio=$(calc '%.2f' "${CPU[$key]} / ($flc > 0 ? $flc : 0.01)")
		row "${cells[@]}" "$(label "$what" "$c")" "${NRUN[$key]}" "$(fmt_s "${WALL[$key]}")" \
			"$(calc '%.1f' "$size / 1e6 / ${WALL[$key]}")" "$(fmt_s "${CPU[$key]}")" \
			"$(calc '%.1f' "${RSS[$key]} / 1024")" "$(fmt_s "$fl")" "$ratio" "$cratio"
	done
done

# ---- the targets -----------------------------------------------------

echo
echo "Targets (issue 8), on wall time (cpu time in brackets):"
verdict() { awk "BEGIN { exit !($1) }" && echo met || echo "NOT met"; }
both() { # WALL-RATIO CPU-RATIO LIMIT
	echo "${1}x [${2}x]: $(verdict "$1 <= $3")"
}
for c in $CORPORA; do
	if have "$c|validate" && have "$c|stream"; then
		echo "- validate <= 1.5x streaming xmllint, $c: $(both "$(calc '%.2f' "${WALL[$c|validate]} / ${WALL[$c|stream]}")" \
			"$(calc '%.2f' "${CPU[$c|validate]} / ${CPU[$c|stream]}")" 1.5)"
	fi
done
for c in $CORPORA; do
	fl=$(floor "$c|build all")
	if have "$c|build all" && [ -n "$fl" ]; then
		echo "- build of all formats <= 1.5x its floor, $c: $(both "$(calc '%.2f' "${WALL[$c|build all]} / $fl")" \
			"$(calc '%.2f' "${CPU[$c|build all]} / $(floor "$c|build all" cpu)")" 1.5)"
	else
		echo "- build of all formats <= 1.5x its floor, $c: ${STATUS[$c|build all]:-n/a (no floor)}"
	fi
done
# Linear: 10x the input in at most 11x the time, i.e. at most 1.1x per byte.
for what in stream validate "build all"; do
	for pair in "1mb 10mb" "10mb 100mb"; do
		set -- $pair
		have "$1|$what" && have "$2|$what" || continue
		x=$(calc '%.1f' "${BYTES[$2]} / ${BYTES[$1]}")
		t=$(calc '%.1f' "${WALL[$2|$what]} / ${WALL[$1|$what]}")
		tc=$(calc '%.1f' "${CPU[$2|$what]} / ${CPU[$1|$what]}")
		r=$(calc '%.2f' "(${WALL[$2|$what]} / ${BYTES[$2]}) / (${WALL[$1|$what]} / ${BYTES[$1]})")
		rc=$(calc '%.2f' "(${CPU[$2|$what]} / ${BYTES[$2]}) / (${CPU[$1|$what]} / ${BYTES[$1]})")
		echo "- linear, $(label "$what" ""), $1 -> $2: ${x}x the input, ${t}x the time [${tc}x]; per byte $(both "$r" "$rc" 1.1)"
	done
done
for what in validate "build all"; do
	if have "100mb|$what"; then
		r=$(calc '%.2f' "${RSS[100mb|$what]} * 1024 / ${BYTES[100mb]}")
		echo "- peak memory <= 1.5x the source, $(label "$what" ""), 100mb: ${r}x: $(verdict "$r <= 1.5")"
	fi
done
if have "100mb|stream"; then
	tree=n/a
	have "100mb|tree" && tree=$(calc '%.2fx' "${RSS[100mb|tree]} * 1024 / ${BYTES[100mb]}")
	echo "  (for reference, streaming xmllint: $(calc '%.2f' "${RSS[100mb|stream]} * 1024 / ${BYTES[100mb]}")x, the whole-tree xmllint: $tree)"
fi
for c in $CORPORA; do
	fl=$(floor "$c|build all -j2")
	if have "$c|build all" && have "$c|build all -j2" && [ -n "$fl" ]; then
		what="profiles"
		[ "$c" = 200 ] || what="formats of one profile"
		echo "- --jobs=2 ($what in two processes), $c: speed-up $(calc '%.2f' "${WALL[$c|build all]} / ${WALL[$c|build all -j2]}")x on $(nproc) cores; $(calc '%.2f' "${WALL[$c|build all -j2]} / $fl")x the floor"
	fi
done
for c in $CORPORA; do
	case $c in world*) ;; *) continue ;; esac
	for sfx in "" " -j2"; do
		fl=$(floor "$c|world step$sfx")
		if have "$c|world step$sfx" && [ -n "$fl" ]; then
			w=$(calc '%.2f' "${WALL[$c|world step$sfx]} / $fl")
			cr=$(calc '%.2f' "${CPU[$c|world step$sfx]} / $(floor "$c|world step$sfx" cpu)")
			# A difference of two wall times is noise on a busy machine:
			# then the cpu time decides.
			if awk "BEGIN { exit !($w > 0) }"; then
				echo "- world step$sfx <= 1.5x the floor of one profile of its size, $c: $(both "$w" "$cr" 1.5)"
			else
				echo "- world step$sfx <= 1.5x the floor of one profile of its size, $c: wall n/a (noise: ${w}x); cpu ${cr}x: $(verdict "$cr <= 1.5")"
			fi
		fi
		k="$c|world step -j2, parent"
		if [ "$sfx" = " -j2" ] && [ -n "${CPU[$k]:-}" ] && [ -n "$(floor "$k" cpu)" ]; then
			echo "- world step -j2, the parent alone (perf stat --no-inherit) <= 1.5x the cpu floor, $c: $(calc '%.2f' "${CPU[$k]} / $(floor "$k" cpu)")x: $(verdict "${CPU[$k]} <= 1.5 * $(floor "$k" cpu)")"
		fi
		# Its memory: with -j2 the parent does the world step alone; with
		# -j1 it also built the profiles.
		if have "$c|build all$sfx" && have "$c|build all, one profile"; then
			r=$(calc '%.2f' "${RSS[$c|build all$sfx]} / ${RSS[$c|build all, one profile]}")
			echo "- peak memory of the world build$sfx <= building one profile of its size, $c: ${r}x: $(verdict "$r <= 1")"
		fi
	done
done
# Person resolution against a known truth (tests/bench/gennames.py): no
# citations of two people joined (precision 1.000), at least 98 % of the
# pairs the rules can resolve joined, no ambiguous citation given to anyone.
echo
echo "Names (seed $SEED, ~1,000 citations of 150 fictional people):"
if "$PYTHON" "$HERE/gennames.py" --seed "$SEED" -o "$W/names.xml" --truth "$W/names.tsv" &&
	"$PROFILEC" dump "$W/names.xml" > "$W/names.dump" 2>/dev/null; then
	"$PYTHON" "$HERE/gennames.py" --score "$W/names.tsv" "$W/names.dump" | sed 's/^/- /'
else
	echo "- n/a (the generator or the dump failed)"
fi
echo "(corpora generated in $GEN_TIME s, everything in $SECONDS s)"
exit 0
