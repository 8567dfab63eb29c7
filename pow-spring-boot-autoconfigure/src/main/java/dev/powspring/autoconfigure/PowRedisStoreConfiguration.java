package dev.powspring.autoconfigure;

import dev.powspring.store.PowStore;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The Redis store, for {@code pow.store.type=redis}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PowStoreConfiguration.TYPE_PROPERTY, havingValue = "redis")
@Import(PowRedisStoreConfiguration.Missing.class)
class PowRedisStoreConfiguration {

	/**
	 * Spring Data Redis is not on the classpath: say so at startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.core.StringRedisTemplate")
	static class Missing {

		@Bean
		PowStore powStore() {
			throw new IllegalStateException("pow.store.type=redis needs Spring Data Redis: add the dependency "
					+ "org.springframework.boot:spring-boot-starter-data-redis and set spring.data.redis.*.");
		}

	}

}
