package dev.powspring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link PowConfigurationException} at startup as Spring Boot reports its own
 * misconfigurations: what is wrong, and what to do.
 */
class PowConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PowConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PowConfigurationException cause) {
		return new FailureAnalysis(cause.getDescription(), cause.getAction(), cause);
	}

}
