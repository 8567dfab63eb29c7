package dev.powspring.admin;

import java.time.Instant;

import org.springframework.context.ApplicationEvent;

/**
 * Published after an admin changed a user through the console: who did what to whom, and
 * when. Listen to it for an audit trail or a notification.
 */
public class AdminActionEvent extends ApplicationEvent {

	private final Account admin;

	private final Account user;

	private final AdminAction action;

	private final String detail;

	private final Instant time;

	/**
	 * Create an instance.
	 * @param source the publisher
	 * @param admin the admin who acted
	 * @param user the user acted on
	 * @param action what was done
	 * @param detail the role granted or revoked, or the reason for a lock; else {@code null}
	 * @param time when
	 */
	public AdminActionEvent(Object source, Account admin, Account user, AdminAction action, String detail,
			Instant time) {
		super(source);
		this.admin = admin;
		this.user = user;
		this.action = action;
		this.detail = detail;
		this.time = time;
	}

	public Account getAdmin() {
		return this.admin;
	}

	public Account getUser() {
		return this.user;
	}

	public AdminAction getAction() {
		return this.action;
	}

	/**
	 * Return the role granted or revoked, or the reason for a lock.
	 * @return the detail, or {@code null}
	 */
	public String getDetail() {
		return this.detail;
	}

	public Instant getTime() {
		return this.time;
	}

	@Override
	public String toString() {
		return "AdminActionEvent[admin=" + this.admin + ", user=" + this.user + ", action=" + this.action + ", detail="
				+ this.detail + ", time=" + this.time + "]";
	}

	/**
	 * A user as the event names them: kept even after the account is deleted.
	 *
	 * @param id the user's primary key
	 * @param userId the user id they sign in with
	 */
	public record Account(Long id, String userId) {

	}

}
