package dev.powspring.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for the admin console. Who is an admin is the core's business:
 * the {@code admin} role, and {@code pow.admin.initial-admins} for the first ones.
 */
@ConfigurationProperties("pow.admin.console")
public class AdminProperties {

	/**
	 * Whether the admin console is on when its module is on the classpath.
	 */
	private boolean enabled = true;

	/**
	 * How many users a page of the console's user list shows.
	 */
	private int pageSize = 50;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

}
