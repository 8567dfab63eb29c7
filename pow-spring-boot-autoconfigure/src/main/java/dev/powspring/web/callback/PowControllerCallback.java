package dev.powspring.web.callback;

/**
 * Takes part in Pow's controller actions: each action runs before-process, process,
 * before-respond and respond, and a callback may halt it at either hook by returning the
 * view to answer with. Declare beans of this type; they run in {@code @Order} order and
 * the first halt wins.
 */
public interface PowControllerCallback {

	/**
	 * Called before the action is processed.
	 * @param context the action, with the signed-in user if any
	 * @return {@link PowCallbackResult#proceed()}, or a halt with the view to answer with
	 */
	default PowCallbackResult beforeProcess(PowCallbackContext context) {
		return PowCallbackResult.proceed();
	}

	/**
	 * Called after the action was processed, before the controller answers.
	 * @param context the action with its outcome
	 * @return {@link PowCallbackResult#proceed()}, or a halt with the view to answer with
	 */
	default PowCallbackResult beforeRespond(PowCallbackContext context) {
		return PowCallbackResult.proceed();
	}

}
