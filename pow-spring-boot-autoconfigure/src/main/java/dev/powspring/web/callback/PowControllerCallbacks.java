package dev.powspring.web.callback;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs the callback beans in order; the first halt stops the chain.
 */
public class PowControllerCallbacks {

	private final List<PowControllerCallback> callbacks;

	public PowControllerCallbacks(List<PowControllerCallback> callbacks) {
		this.callbacks = List.copyOf(callbacks);
	}

	/**
	 * Run every callback's before-process hook.
	 * @param context the action
	 * @return the first halt, or proceed
	 */
	public PowCallbackResult beforeProcess(PowCallbackContext context) {
		return run(context, PowControllerCallback::beforeProcess);
	}

	/**
	 * Run every callback's before-respond hook.
	 * @param context the action with its outcome
	 * @return the first halt, or proceed
	 */
	public PowCallbackResult beforeRespond(PowCallbackContext context) {
		return run(context, PowControllerCallback::beforeRespond);
	}

	private PowCallbackResult run(PowCallbackContext context,
			BiFunction<PowControllerCallback, PowCallbackContext, PowCallbackResult> hook) {
		for (PowControllerCallback callback : this.callbacks) {
			PowCallbackResult result = hook.apply(callback, context);
			if (result != null && result.halted()) {
				return result;
			}
		}
		return PowCallbackResult.proceed();
	}

}
