package dev.powspring.testing;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Finds {@link WithPowUser} on the test method or class before each test, for
 * {@link PowMockMvcConfigurer} to apply to the test's requests.
 */
public class WithPowUserTestExecutionListener implements TestExecutionListener, Ordered {

	private static final ThreadLocal<WithPowUser> current = new ThreadLocal<>();

	static WithPowUser current() {
		return current.get();
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		WithPowUser user = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestMethod(), WithPowUser.class);
		if (user == null) {
			user = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), WithPowUser.class);
		}
		current.set(user);
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		current.remove();
	}

	@Override
	public int getOrder() {
		return 10_000;
	}

}
