package dev.powspring.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * One wrk run of a page and the CPU time each process used meanwhile, with the figures
 * the load benchmarks draw from several such runs.
 *
 * @param load what wrk measured
 * @param cpu the CPU time used during the run
 */
record PageRun(Wrk.Result load, Cpu cpu) {

	private static final ProcessCpu POSTGRES_CPU = ProcessCpu.named("postgres");

	private static final ProcessCpu REDIS_CPU = ProcessCpu.named("redis-server");

	/**
	 * Return a meter of the CPU time used by an application, PostgreSQL and Redis.
	 * @param appPid the application's process id
	 * @return the meter
	 */
	static Supplier<Cpu> cpuMeter(long appPid) {
		ProcessCpu app = ProcessCpu.of(appPid);
		return () -> new Cpu(app.nanos(), POSTGRES_CPU.nanos(), REDIS_CPU.nanos());
	}

	/**
	 * Load a page and meter the CPU time used meanwhile.
	 * @param wrk the load
	 * @param url the page
	 * @param headers request headers
	 * @param cpu the meter
	 * @return the run
	 */
	static PageRun measure(Wrk wrk, String url, Map<String, String> headers, Supplier<Cpu> cpu)
			throws IOException, InterruptedException {
		Cpu before = cpu.get();
		Wrk.Result load = wrk.run(url, "GET", headers, null);
		return new PageRun(load, cpu.get().minus(before));
	}

	static List<Wrk.Result> loads(List<PageRun> runs) {
		return runs.stream().map(PageRun::load).toList();
	}

	/**
	 * Return the nanoseconds of CPU per request that one process used, over all runs.
	 * @param runs the runs
	 * @param process which process
	 * @return nanoseconds per request
	 */
	static double cpuPerRequest(List<PageRun> runs, ToLongFunction<Cpu> process) {
		long nanos = runs.stream().mapToLong((run) -> process.applyAsLong(run.cpu())).sum();
		long requests = runs.stream().mapToLong((run) -> run.load().requests()).sum();
		return (double) nanos / requests;
	}

	/**
	 * Return the requests per second over all runs together.
	 * @param runs the runs
	 * @return requests per second
	 */
	static double perSecond(List<Wrk.Result> runs) {
		long requests = runs.stream().mapToLong(Wrk.Result::requests).sum();
		long micros = runs.stream().mapToLong(Wrk.Result::micros).sum();
		return requests * 1e6 / micros;
	}

	/**
	 * Return the median run's figure, such as a latency percentile.
	 * @param runs the runs
	 * @param measure the figure
	 * @return the median
	 */
	static double median(List<Wrk.Result> runs, ToDoubleFunction<Wrk.Result> measure) {
		double[] values = runs.stream().mapToDouble(measure).sorted().toArray();
		return values[values.length / 2];
	}

	/**
	 * CPU time used by the application, PostgreSQL and Redis.
	 *
	 * @param app the application's JVM, in nanoseconds
	 * @param postgres all of PostgreSQL's processes, in nanoseconds
	 * @param redis Redis, in nanoseconds
	 */
	record Cpu(long app, long postgres, long redis) {

		Cpu minus(Cpu earlier) {
			return new Cpu(this.app - earlier.app, this.postgres - earlier.postgres, this.redis - earlier.redis);
		}

	}

}
