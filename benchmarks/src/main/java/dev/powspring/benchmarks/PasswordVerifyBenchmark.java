package dev.powspring.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.password.Pbkdf2Sha512PasswordEncoder;
import dev.powspring.password.PowPasswordEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The unavoidable floor of a sign-in: verifying one password at Pow's default cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PasswordVerifyBenchmark {

	private PowPasswordEncoder encoder;

	private String hash;

	@Setup
	public void hash() {
		this.encoder = new PowPasswordEncoder(PasswordAlgorithm.PBKDF2_SHA512,
				Pbkdf2Sha512PasswordEncoder.DEFAULT_ITERATIONS, 12);
		this.hash = this.encoder.encode("correct horse battery staple");
	}

	@Benchmark
	public boolean verify() {
		return this.encoder.matches("correct horse battery staple", this.hash);
	}

}
