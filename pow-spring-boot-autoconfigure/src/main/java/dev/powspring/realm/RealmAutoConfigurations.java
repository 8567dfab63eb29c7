package dev.powspring.realm;

import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationImportSelector;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports, in a realm's context, every auto-configuration of Pow on the classpath (the
 * core's, each extension's, the test kit's) in the order their own declarations give, as
 * Spring Boot imports them in the application's context.
 */
@Configuration(proxyBeanMethods = false)
@Import(RealmAutoConfigurations.Selector.class)
class RealmAutoConfigurations {

	static class Selector extends AutoConfigurationImportSelector {

		@Override
		protected AnnotationAttributes getAttributes(AnnotationMetadata metadata) {
			return new AnnotationAttributes();
		}

		@Override
		protected Set<String> getExclusions(AnnotationMetadata metadata, AnnotationAttributes attributes) {
			return Set.copyOf(getExcludeAutoConfigurationsProperty());
		}

		@Override
		protected List<String> getCandidateConfigurations(AnnotationMetadata metadata,
				AnnotationAttributes attributes) {
			return ImportCandidates.load(AutoConfiguration.class, getBeanClassLoader())
				.getCandidates()
				.stream()
				.filter((candidate) -> candidate.startsWith("dev.powspring."))
				.toList();
		}

	}

}
