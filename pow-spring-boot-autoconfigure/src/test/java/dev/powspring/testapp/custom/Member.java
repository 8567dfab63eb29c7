package dev.powspring.testapp.custom;

import dev.powspring.user.PowUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;

@Entity
@Table(name = "users")
public class Member extends PowUser {

	@Column(name = "display_name")
	@Pattern(regexp = "[^<>]*", message = "must not contain < or >")
	private String displayName;

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

}
