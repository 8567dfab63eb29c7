package dev.powspring.web.callback;

/**
 * Whether an action goes on, or halts with the view a callback chose.
 *
 * @param view the view to answer with when halted (for example {@code redirect:/}), or
 * {@code null} to proceed
 */
public record PowCallbackResult(String view) {

	private static final PowCallbackResult PROCEED = new PowCallbackResult(null);

	/**
	 * Let the action go on.
	 * @return the result
	 */
	public static PowCallbackResult proceed() {
		return PROCEED;
	}

	/**
	 * Stop the action and answer with the given view.
	 * @param view a view name, such as {@code redirect:/session/new}
	 * @return the result
	 */
	public static PowCallbackResult halt(String view) {
		if (view == null) {
			throw new IllegalArgumentException("A halt needs a view");
		}
		return new PowCallbackResult(view);
	}

	/**
	 * Return whether the action stops here.
	 * @return {@code true} for a halt
	 */
	public boolean halted() {
		return this.view != null;
	}

}
