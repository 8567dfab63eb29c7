package dev.powspring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time that processes of this machine have used, read from Linux's {@code /proc}:
 * how the load benchmark tells the application's own cost per request from that of the
 * database or Redis, which run on the same cores.
 */
final class ProcessCpu {

	private static final Path PROC = Path.of("/proc");

	// /proc counts in USER_HZ ticks, 100 a second on every Linux architecture.
	private static final long NANOS_PER_TICK = 10_000_000L;

	private final long pid;

	private final String command;

	private ProcessCpu(long pid, String command) {
		this.pid = pid;
		this.command = command;
	}

	/**
	 * The process with this id.
	 * @param pid the process id
	 * @return its CPU meter
	 */
	static ProcessCpu of(long pid) {
		return new ProcessCpu(pid, null);
	}

	/**
	 * Every process whose command name is this one, such as all of PostgreSQL's backends.
	 * @param command the command name as {@code /proc/<pid>/stat} gives it
	 * @return their CPU meter
	 */
	static ProcessCpu named(String command) {
		return new ProcessCpu(-1, command);
	}

	/**
	 * Return the user and system CPU time the processes alive now have used since they
	 * started.
	 * @return the CPU time in nanoseconds
	 */
	long nanos() {
		if (this.command == null) {
			return ticks(PROC.resolve(Long.toString(this.pid)).resolve("stat")) * NANOS_PER_TICK;
		}
		try (Stream<Path> processes = Files.list(PROC)) {
			List<Path> stats = processes
				.filter((path) -> path.getFileName().toString().chars().allMatch(Character::isDigit))
				.map((path) -> path.resolve("stat"))
				.toList();
			long ticks = 0;
			for (Path stat : stats) {
				ticks += ticks(stat);
			}
			return ticks * NANOS_PER_TICK;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// Fields of /proc/<pid>/stat after the command name in parentheses, which may itself
	// hold spaces: state is the first, utime the twelfth and stime the thirteenth.
	private long ticks(Path stat) {
		String line;
		try {
			line = Files.readString(stat);
		}
		catch (NoSuchFileException ex) {
			return 0; // ended since the directory was listed
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int open = line.indexOf('(');
		int close = line.lastIndexOf(')');
		if (this.command != null && !line.substring(open + 1, close).equals(this.command)) {
			return 0;
		}
		String[] fields = line.substring(close + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

}
