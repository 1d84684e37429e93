#!/usr/bin/env bash
# Interleaved A/B runs of the motion detector's JMH benchmark: two benchmark jars (e.g. built from
# two commits), run alternately so that both see the same host state; prints one score (events/s)
# per run. Usage:
#   bench/scripts/ab-motion.sh PAIRS JAR_A JAR_B [KERNEL]
# e.g. (mvn -q -pl bench -am package -DskipTests; cp bench/target/benchmarks.jar /tmp/a.jar; ...)
#   bench/scripts/ab-motion.sh 5 /tmp/a.jar /tmp/b.jar 5%
# JVM_B: extra JVM options for B only (e.g. JVM_B="-XX:CompileCommand=inline,..."), A/B of a flag.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 PAIRS JAR_A JAR_B [KERNEL (default 5%)]" >&2
  exit 2
fi
pairs=$1; a=$2; b=$3; kernel=${4:-5%}
for jar in "$a" "$b"; do
  [ -f "$jar" ] || { echo "$0: no such jar: $jar" >&2; exit 2; }
done
run() {
  local jar=$1; shift
  java -jar "$jar" 'motion.MotionDetectorBenchmark.detector' -p "kernel=$kernel" -f 1 -wi 3 -i 4 -w 1 -r 1 "$@" 2>/dev/null \
    | awk '/^MotionDetectorBenchmark.detector / {print $(NF-3)}'
}
for i in $(seq "$pairs"); do
  echo "A $(run "$a")"
  if [ -n "${JVM_B:-}" ]; then echo "B $(run "$b" -jvmArgsAppend "$JVM_B")"; else echo "B $(run "$b")"; fi
done
