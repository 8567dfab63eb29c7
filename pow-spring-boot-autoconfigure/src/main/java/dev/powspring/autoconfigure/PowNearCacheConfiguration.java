package dev.powspring.autoconfigure;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import javax.sql.DataSource;

import dev.powspring.nearcache.NearCachedPowStore;
import dev.powspring.nearcache.PostgresNearCacheChannel;
import dev.powspring.nearcache.PowNearCache;
import dev.powspring.nearcache.PowNearCacheChannel;
import dev.powspring.nearcache.RedisNearCacheChannel;
import dev.powspring.store.InMemoryPowStore;
import dev.powspring.store.JsonValueCodec;
import dev.powspring.store.PowStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The near cache in front of the jdbc or redis store, for
 * {@code pow.store.near-cache.enabled=true}, with the invalidation channel of the store's
 * backend. The memory store needs none.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("pow.store.near-cache.enabled")
@Conditional(PowNearCacheConfiguration.SharedStore.class)
@Import({ PowNearCacheConfiguration.Cached.class, PowNearCacheConfiguration.Missing.class })
class PowNearCacheConfiguration {

	private static final Duration LONGEST_HEARTBEAT = Duration.ofMillis(250);

	/**
	 * Heartbeats every quarter second, or every quarter of the maximum staleness when that
	 * is shorter, so a lost channel is noticed within two of them.
	 */
	static Duration heartbeat(PowProperties properties) {
		Duration quarter = properties.getStore().getNearCache().getMaxStaleness().dividedBy(4);
		return (quarter.compareTo(LONGEST_HEARTBEAT) < 0) ? quarter : LONGEST_HEARTBEAT;
	}

	/**
	 * The near cache and the channel of the store's backend, with Caffeine present.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "com.github.benmanes.caffeine.cache.Caffeine")
	@Import({ PowNearCacheConfiguration.Postgres.class, PowNearCacheConfiguration.Redis.class })
	static class Cached {

		@Bean
		@ConditionalOnMissingBean
		PowNearCache powNearCache(ObjectProvider<PowNearCacheChannel> channel, Clock clock, PowProperties properties) {
			PowProperties.NearCache nearCache = properties.getStore().getNearCache();
			PowNearCacheChannel available = channel.getIfAvailable();
			if (available == null) {
				throw new PowConfigurationException("pow.store.near-cache.enabled is true, but there is no invalidation "
						+ "channel for pow.store.type=" + properties.getStore().getType().name().toLowerCase() + ".",
						"Use the jdbc store on PostgreSQL or the redis store, declare a PowNearCacheChannel bean, or "
								+ "turn the near cache off.");
			}
			JsonValueCodec codec = new JsonValueCodec();
			return new PowNearCache(available, clock, new PowNearCache.Settings(nearCache.getMaxStaleness(),
					nearCache.getMaxEntries(), nearCache.getMaxSize().toBytes()),
					(value) -> 2 * codec.encode(value).json().length());
		}

		/**
		 * Puts the near cache in front of the store before anything else wraps it, so that
		 * tenant scoping applies above it and the channel carries the backend's own keys.
		 * @param nearCache the near cache, resolved when the store is made
		 * @return the post-processor
		 */
		@Bean
		static BeanPostProcessor powNearCachedStore(ObjectProvider<PowNearCache> nearCache) {
			return new NearCachingPostProcessor(nearCache);
		}

		private record NearCachingPostProcessor(ObjectProvider<PowNearCache> nearCache)
				implements BeanPostProcessor, Ordered {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				// The memory store is local already; a near cache in front of it gains nothing.
				if (!(bean instanceof PowStore) || bean instanceof InMemoryPowStore
						|| bean instanceof NearCachedPowStore) {
					return bean;
				}
				return NearCachedPowStore.of(bean, this.nearCache.getObject());
			}

			@Override
			public int getOrder() {
				return Ordered.HIGHEST_PRECEDENCE;
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PowStoreConfiguration.TYPE_PROPERTY, havingValue = "jdbc")
	@ConditionalOnClass(name = "org.postgresql.PGConnection")
	static class Postgres {

		@Bean
		@ConditionalOnMissingBean(PowNearCacheChannel.class)
		PostgresNearCacheChannel powNearCacheChannel(ObjectProvider<DataSource> dataSource,
				ObjectProvider<JdbcClient> jdbc, PowProperties properties) {
			DataSource source = dataSource.getIfAvailable();
			if (source == null || !isPostgres(source)) {
				throw new PowConfigurationException("pow.store.near-cache.enabled with the jdbc store needs "
						+ "PostgreSQL, whose LISTEN/NOTIFY carries the invalidations.",
						"Point spring.datasource.* at PostgreSQL, use the redis store, or turn the near cache off.");
			}
			return new PostgresNearCacheChannel(source, jdbc.getObject(), heartbeat(properties));
		}

		private static boolean isPostgres(DataSource dataSource) {
			try {
				return PowDatabases.isPostgres(dataSource);
			}
			catch (SQLException ex) {
				throw new PowConfigurationException("pow.store.near-cache.enabled cannot reach the database: "
						+ ex.getMessage(), "Start the database, or point spring.datasource.* at one that answers.", ex);
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PowStoreConfiguration.TYPE_PROPERTY, havingValue = "redis")
	@ConditionalOnClass(name = "org.springframework.data.redis.core.StringRedisTemplate")
	static class Redis {

		@Bean
		@ConditionalOnMissingBean(PowNearCacheChannel.class)
		RedisNearCacheChannel powNearCacheChannel(StringRedisTemplate redis, PowProperties properties) {
			return new RedisNearCacheChannel(redis, properties.getStore().getRedisKeyPrefix() + "near-cache",
					heartbeat(properties));
		}

	}

	/**
	 * Caffeine is not on the classpath: say so at startup.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("com.github.benmanes.caffeine.cache.Caffeine")
	static class Missing {

		@Bean
		PowNearCache powNearCache() {
			throw new PowConfigurationException("pow.store.near-cache.enabled needs Caffeine, which is not on the "
					+ "classpath.", "Add the dependency com.github.ben-manes.caffeine:caffeine.");
		}

	}

	/**
	 * Matches unless the store is the memory store.
	 */
	static final class SharedStore extends NoneNestedConditions {

		SharedStore() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnProperty(name = PowStoreConfiguration.TYPE_PROPERTY, havingValue = "memory",
				matchIfMissing = true)
		static class MemoryStore {

		}

	}

}
