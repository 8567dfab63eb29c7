package dev.powspring.web;

import java.util.List;

/**
 * Fragments that extensions add to Pow's core pages, such as the "Forgot your password?"
 * link under the sign-in form, or the admin console's link in the navigation. Core
 * templates include every contribution to a slot.
 */
public class PowPageContributions {

	/** Name of the request and model attribute holding the contributions. */
	public static final String ATTRIBUTE = "powContributions";

	/** Slot in the layout's navigation for signed-in users, for links. */
	public static final String NAV_LINKS = "layout.nav";

	/** Slot after the sign-in form, for links. */
	public static final String SIGN_IN_LINKS = "session.new.links";

	/** Slot inside the sign-in form, before its button, for fields. */
	public static final String SIGN_IN_FIELDS = "session.new.fields";

	/**
	 * Slot on the account page, after the account form and before the danger zone, for
	 * whole sections such as two-factor settings.
	 */
	public static final String ACCOUNT_SECTIONS = "registration.edit.sections";

	private final List<Contribution> contributions;

	public PowPageContributions(List<Contribution> contributions) {
		this.contributions = List.copyOf(contributions);
	}

	/**
	 * Return the contributions to a slot, in order.
	 * @param slot the slot
	 * @return the contributions
	 */
	public List<Contribution> forSlot(String slot) {
		return this.contributions.stream().filter((contribution) -> contribution.slot().equals(slot)).toList();
	}

	/**
	 * A Thymeleaf fragment for a slot of a core page. Declare a bean of this type to add
	 * one.
	 *
	 * @param slot the slot, such as {@link #SIGN_IN_LINKS}
	 * @param template the template holding the fragment, such as
	 * {@code pow/reset_password/fragments}
	 * @param fragment the fragment's name
	 */
	public record Contribution(String slot, String template, String fragment) {

	}

}
