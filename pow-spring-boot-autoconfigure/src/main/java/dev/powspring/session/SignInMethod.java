package dev.powspring.session;

/**
 * How a user signed in, as the {@link PowSignInGuard}s and the session see it. Extensions
 * that sign users in another way may make their own; the name is what events and session
 * metadata show.
 *
 * @param name a short lower-case name, such as {@code password}
 * @param multiFactor whether the sign-in already proved more than one factor (a passkey
 * with user verification), or restores one that did (remember-me, an API renewal); a
 * second-factor guard lets it through
 */
public record SignInMethod(String name, boolean multiFactor) {

	/** The user id and password, through a form. */
	public static final SignInMethod PASSWORD = new SignInMethod("password", false);

	/** A remember-me cookie, issued only after every factor of the sign-in it continues. */
	public static final SignInMethod REMEMBER_ME = new SignInMethod("remember_me", true);

	/**
	 * The sign-in that follows registration: a refusal of it (an address still to confirm)
	 * is not a failed sign-in, as the user tried none.
	 */
	public static final SignInMethod REGISTRATION = new SignInMethod("registration", false);

	/** A single-use link mailed to the user's address. */
	public static final SignInMethod MAGIC_LINK = new SignInMethod("magic_link", false);

	/** A passkey, which holds a key and was unlocked on the user's device. */
	public static final SignInMethod PASSKEY = new SignInMethod("passkey", true);

	/** The user id and password, through the API. */
	public static final SignInMethod API = new SignInMethod("api", false);

	/** An API renewal token, issued only after every factor of the sign-in it continues. */
	public static final SignInMethod API_RENEWAL = new SignInMethod("api_renewal", true);

	public SignInMethod {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A sign-in method needs a name");
		}
	}

	/**
	 * Return this method completed by a second factor, such as a one-time code.
	 * @return the same method, multi-factor
	 */
	public SignInMethod withSecondFactor() {
		return new SignInMethod(this.name, true);
	}

}
