#!/usr/bin/env bash
# Regenerates benchmarks/RESULTS.md: JMH micro-benchmarks and the sign-in timing run.
# Needs the tests' PostgreSQL and Redis (see the main README). Takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q install -DskipTests
./mvnw -B -q -pl benchmarks dependency:build-classpath -Dmdep.outputFile=target/classpath
classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath)"
out=benchmarks/target/results
mkdir -p "$out"

java -cp "$classpath" org.openjdk.jmh.Main -f 1 -wi 2 -w 2s -i 3 -r 2s -rf text -rff "$out/jmh.txt" \
  'dev.powspring.benchmarks.(PasswordVerify|Store|SessionResolution)Benchmark' > "$out/jmh.log"
java -cp "$classpath" dev.powspring.benchmarks.SignInTimingBenchmark 300 "$out/sign-in.md" > "$out/sign-in.log"
java -cp "$classpath" dev.powspring.benchmarks.HeapPerSessionBenchmark 200000 > "$out/heap.md"

{
  echo "# Benchmark results"
  echo
  echo "Regenerate with \`bash benchmarks/run.sh\`. Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$(java -version 2>&1 | head -1), PostgreSQL and Redis on loopback. Run on $(date -u +%Y-%m-%d)."
  echo
  echo "## Sign-in timing"
  echo
  cat "$out/sign-in.md"
  echo
  echo "## Memory"
  echo
  echo "| Measure | Result |"
  echo "|---|---|"
  cat "$out/heap.md"
  echo
  echo "## JMH"
  echo
  echo "PBKDF2-SHA512 verify at 100,000 iterations (ops/s), store get and put per backend (µs/op),"
  echo "and resolving the signed-in user from a cookie with N live in-memory sessions (ns/op)."
  echo "One fork, 2 warm-up and 3 measured iterations of 2 s: figures on 2 cores carry a wide error."
  echo
  echo '```'
  cat "$out/jmh.txt"
  echo '```'
} > benchmarks/RESULTS.md
echo "Wrote benchmarks/RESULTS.md"
