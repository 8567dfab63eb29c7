package dev.powspring.autoconfigure;

import dev.powspring.realm.PowRealm;
import dev.powspring.realm.PowRealmCustomizer;
import dev.powspring.realm.PowRealms;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which realms {@code pow.realms} declares: every name under it, whether or not it sets a
 * realm-only setting such as its schema.
 */
class PowRealmsConfigurationTests {

	@Test
	void realmThatSetsOnlyInheritedSettingsIsDeclared() {
		MockEnvironment environment = new MockEnvironment().withProperty("pow.realms.staff.routes.prefix", "/team")
			.withProperty("pow.realms.staff.session.ttl", "15m")
			.withProperty("pow.realms.partners.schema", "partner_users");

		PowRealms realms = realms(environment);

		assertThat(realms.realms()).extracting(PowRealm::name).containsExactlyInAnyOrder("staff", "partners");
		assertThat(realms.get("staff")).get().extracting(PowRealm::prefix, PowRealm::schema)
			.containsExactly("/team", "staff");
		assertThat(realms.get("partners")).get().extracting(PowRealm::prefix, PowRealm::schema)
			.containsExactly("/partners", "partner_users");
	}

	@Test
	void noRealmThenNoneDeclared() {
		assertThat(PowRealmsConfiguration.declaresRealms(new MockEnvironment())).isFalse();
	}

	private static PowRealms realms(MockEnvironment environment) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		GenericApplicationContext application = new GenericApplicationContext(beanFactory);
		application.setEnvironment(environment);
		PowProperties properties = Binder.get(environment).bindOrCreate("pow", PowProperties.class);
		return new PowRealmsConfiguration().powRealms(application, properties,
				beanFactory.getBeanProvider(ServletContext.class), beanFactory.getBeanProvider(PowRealmCustomizer.class));
	}

}
