package dev.powspring.autoconfigure;

import dev.powspring.password.PasswordAlgorithm;
import dev.powspring.user.UserIdField;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties for Pow.
 */
@ConfigurationProperties("pow")
public class PowProperties {

	/**
	 * Field users sign in with; its column holds a unique, trimmed and lower-cased value.
	 */
	private UserIdField userIdField = UserIdField.EMAIL;

	private final Password password = new Password();

	public UserIdField getUserIdField() {
		return this.userIdField;
	}

	public void setUserIdField(UserIdField userIdField) {
		this.userIdField = userIdField;
	}

	public Password getPassword() {
		return this.password;
	}

	/**
	 * Password rules and hashing.
	 */
	public static class Password {

		/**
		 * Minimum number of characters in a password.
		 */
		private int minLength = 8;

		/**
		 * Maximum number of characters in a password.
		 */
		private int maxLength = 4096;

		/**
		 * Algorithm new password hashes are made with. Stored hashes of the other
		 * algorithms still verify and are re-hashed at the next sign-in.
		 */
		private PasswordAlgorithm algorithm = PasswordAlgorithm.PBKDF2_SHA512;

		/**
		 * Number of PBKDF2-SHA512 iterations. Lowering it weakens every new hash.
		 */
		private int pbkdf2Iterations = 100_000;

		/**
		 * Log2 of the number of bcrypt rounds, from 4 to 31.
		 */
		private int bcryptStrength = 12;

		public int getMinLength() {
			return this.minLength;
		}

		public void setMinLength(int minLength) {
			this.minLength = minLength;
		}

		public int getMaxLength() {
			return this.maxLength;
		}

		public void setMaxLength(int maxLength) {
			this.maxLength = maxLength;
		}

		public PasswordAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(PasswordAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public int getPbkdf2Iterations() {
			return this.pbkdf2Iterations;
		}

		public void setPbkdf2Iterations(int pbkdf2Iterations) {
			this.pbkdf2Iterations = pbkdf2Iterations;
		}

		public int getBcryptStrength() {
			return this.bcryptStrength;
		}

		public void setBcryptStrength(int bcryptStrength) {
			this.bcryptStrength = bcryptStrength;
		}

	}

}
