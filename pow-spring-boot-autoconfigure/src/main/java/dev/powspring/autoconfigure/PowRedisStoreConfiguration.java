package dev.powspring.autoconfigure;

import java.time.Clock;

import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.PowStore;
import dev.powspring.store.RedisPowStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis store, for {@code pow.store.type=redis}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = PowStoreConfiguration.TYPE_PROPERTY, havingValue = "redis")
@Import({ PowRedisStoreConfiguration.Redis.class, PowRedisStoreConfiguration.Missing.class })
class PowRedisStoreConfiguration {

	/**
	 * The store on the application's Redis connection.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(PowStore.class)
		RedisPowStore powStore(ObjectProvider<StringRedisTemplate> redis, Clock clock, PowProperties properties) {
			StringRedisTemplate template = redis.getIfAvailable();
			if (template == null) {
				throw new PowConfigurationException("pow.store.type=redis needs a Redis connection, and there is none.",
						"Set spring.data.redis.* to your Redis.");
			}
			checkConnection(template);
			RedisPowStore store = new RedisPowStore(template, new JsonValueCodec(), clock);
			store.setKeyPrefix(properties.getStore().getRedisKeyPrefix());
			return store;
		}

		private static void checkConnection(StringRedisTemplate template) {
			try (RedisConnection connection = template.getRequiredConnectionFactory().getConnection()) {
				connection.ping();
			}
			catch (RuntimeException ex) {
				throw new PowConfigurationException("pow.store.type=redis cannot reach Redis: " + ex.getMessage(),
						"Start Redis, or point spring.data.redis.* at a Redis that answers.", ex);
			}
		}

	}

	/**
	 * Spring Data Redis is not on the classpath: say so at startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.core.StringRedisTemplate")
	static class Missing {

		@Bean
		PowStore powStore() {
			throw new PowConfigurationException("pow.store.type=redis needs Spring Data Redis, which is not on the "
					+ "classpath.", "Add the dependency org.springframework.boot:spring-boot-starter-data-redis and "
							+ "set spring.data.redis.*.");
		}

	}

}
