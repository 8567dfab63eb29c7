package dev.powspring.testapp.realms;

import dev.powspring.user.PowUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The staff realm's own user entity; the application's members are Pow's default one.
 */
@Entity
@Table(name = "users")
public class StaffMember extends PowUser {

	// A column of the realm's table alone, from the application's migration of the realm.
	@Column(name = "badge")
	private String badge;

	public String getBadge() {
		return this.badge;
	}

	public void setBadge(String badge) {
		this.badge = badge;
	}

}
