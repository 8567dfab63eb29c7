package dev.powspring.tenant;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant the current thread works for: set by Pow for each request of a tenant, and
 * by {@link #callAs} for work of your own (a job, a message listener). Users, sessions,
 * throttles and mail links follow it.
 */
public final class PowTenantContext {

	/** Name of the request attribute holding the request's tenant. */
	public static final String ATTRIBUTE = "powTenant";

	private static final ThreadLocal<String> current = new ThreadLocal<>();

	private PowTenantContext() {
	}

	/**
	 * Return the current tenant.
	 * @return its id, or empty outside any tenant
	 */
	public static Optional<String> current() {
		return Optional.ofNullable(current.get());
	}

	/**
	 * Run work as a tenant, and return its result.
	 * @param <T> the result's type
	 * @param tenant the tenant's id, or {@code null} for none
	 * @param work the work
	 * @return its result
	 */
	public static <T> T callAs(String tenant, Supplier<T> work) {
		String previous = current.get();
		set(tenant);
		try {
			return work.get();
		}
		finally {
			set(previous);
		}
	}

	/**
	 * Run work as a tenant.
	 * @param tenant the tenant's id, or {@code null} for none
	 * @param work the work
	 */
	public static void runAs(String tenant, Runnable work) {
		callAs(tenant, () -> {
			work.run();
			return null;
		});
	}

	// For the filter, whose work throws checked exceptions.
	static void enter(String tenant) {
		set(tenant);
	}

	private static void set(String tenant) {
		if (tenant != null) {
			current.set(tenant);
		}
		else {
			current.remove();
		}
	}

}
