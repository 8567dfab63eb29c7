#!/usr/bin/env bash
# Regenerates benchmarks/RESULTS.md from one run: JMH micro-benchmarks, wrk load on the
# sample application, Pow against Spring Security with Spring Session, sign-in timing and
# heap per session. Needs the tests' PostgreSQL and Redis (see the main README) and wrk
# (installed from Debian's packages when missing). Takes about 60 minutes; run it on an
# otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk
fi

out=benchmarks/target/results
rm -rf "$out" && mkdir -p "$out"
: > "$out/commands.txt"

# Runs a command and records it, as typed, for the report.
run() {
  echo "$1" >> "$out/commands.txt"
  echo ">> $1" >&2
  eval "$1"
}

run './mvnw -B -q -Pbenchmarks -pl sample-app,benchmarks/peer-spring-session,benchmarks/peer-pow,benchmarks -am package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/classpath'
run 'cp="benchmarks/target/classes:$(cat benchmarks/target/classpath)"'
run 'java -cp "$cp" org.openjdk.jmh.Main -f 1 -wi 2 -w 2s -i 5 -r 2s -rf json -rff '"$out"'/jmh.json "dev.powspring.benchmarks.(PasswordVerify|Authenticate|ReloadUser|Store|SessionResolution|AdminUserList|TenantSessionResolution)Benchmark" > '"$out"'/jmh.log'
run 'java -cp "$cp" dev.powspring.benchmarks.LoadBenchmark sample-app/target/sample-app.jar 8 3 '"$out"' > '"$out"'/load.log'
run 'java -cp "$cp" dev.powspring.benchmarks.PeerComparisonBenchmark benchmarks/peer-spring-session/target/peer-spring-session.jar benchmarks/peer-pow/target/peer-pow.jar 8 3 '"$out"' > '"$out"'/peer.log'
run 'java -cp "$cp" dev.powspring.benchmarks.RevocationPropagationBenchmark 1000 '"$out"'/revocation.md > '"$out"'/revocation.log'
run 'java -cp "$cp" dev.powspring.benchmarks.SignInTimingBenchmark 300 '"$out"'/sign-in.md > '"$out"'/sign-in.log'
run 'java -cp "$cp" dev.powspring.benchmarks.HeapPerSessionBenchmark 200000 > '"$out"'/heap.md'

cpu=$(lscpu | awk -F: '/Model name/ {gsub(/^ +/, "", $2); print $2; exit}')
{
  echo "Machine: $(nproc) cores ($cpu), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1), $(psql --version 2>/dev/null | head -1 || echo PostgreSQL),"
  echo "$(redis-server --version 2>/dev/null | cut -d' ' -f1-3 || echo Redis), wrk $(wrk --version 2>&1 | head -1 | cut -d' ' -f2),"
  echo "all on loopback. Run on $(date -u +%Y-%m-%d)."
} > "$out/machine.txt"

java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath)" dev.powspring.benchmarks.ResultsReport \
  "$out" "$out/machine.txt" "$out/commands.txt" benchmarks/FINDINGS.md benchmarks/RESULTS.md
echo "Wrote benchmarks/RESULTS.md"
