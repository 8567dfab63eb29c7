package dev.powspring.web.callback;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback chain runs hooks in order and stops at the first halt.
 */
class PowControllerCallbacksTests {

	private final List<String> calls = new ArrayList<>();

	@Test
	void beforeProcessRunsEveryCallbackInOrderWhenNoneHalts() {
		PowControllerCallbacks callbacks = new PowControllerCallbacks(List.of(recording("a", null), recording("b", null)));

		PowCallbackResult result = callbacks.beforeProcess(context());

		assertThat(result.halted()).isFalse();
		assertThat(this.calls).containsExactly("a:beforeProcess", "b:beforeProcess");
	}

	@Test
	void beforeRespondStopsAtTheFirstHalt() {
		PowControllerCallbacks callbacks = new PowControllerCallbacks(
				List.of(recording("a", null), recording("b", "redirect:/b"), recording("c", "redirect:/c")));

		PowCallbackResult result = callbacks.beforeRespond(context());

		assertThat(result.view()).isEqualTo("redirect:/b");
		assertThat(this.calls).containsExactly("a:beforeRespond", "b:beforeRespond");
	}

	private PowControllerCallback recording(String name, String haltView) {
		return new PowControllerCallback() {

			@Override
			public PowCallbackResult beforeProcess(PowCallbackContext context) {
				PowControllerCallbacksTests.this.calls.add(name + ":beforeProcess");
				return (haltView != null) ? PowCallbackResult.halt(haltView) : PowCallbackResult.proceed();
			}

			@Override
			public PowCallbackResult beforeRespond(PowCallbackContext context) {
				PowControllerCallbacksTests.this.calls.add(name + ":beforeRespond");
				return (haltView != null) ? PowCallbackResult.halt(haltView) : PowCallbackResult.proceed();
			}

		};
	}

	private static PowCallbackContext context() {
		return new PowCallbackContext(PowAction.SESSION_CREATE, null, null, null, null, null, null, null);
	}

}
