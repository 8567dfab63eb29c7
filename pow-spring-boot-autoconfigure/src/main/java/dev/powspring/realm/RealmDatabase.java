package dev.powspring.realm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import dev.powspring.jdbc.SchemaSwitchingDataSource;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * Registers a realm's database plumbing in its context, under the names Spring Boot gives
 * the application's: the data source bound to the realm's schema, a persistence unit that
 * holds only the realm's user entity, its transaction manager and the JDBC helpers. Pow's
 * beans in the realm then reach the realm's tables, and its JPA and JDBC work shares one
 * transaction as the application's does.
 */
final class RealmDatabase {

	private static final String MIGRATIONS_BEAN_NAME = "powMigrationInitializer";

	private RealmDatabase() {
	}

	static void register(GenericApplicationContext context, DataSource applicationDataSource, String schema,
			String userClass) {
		SchemaSwitchingDataSource dataSource = new SchemaSwitchingDataSource(applicationDataSource, () -> schema);
		context.registerBean("dataSource", DataSource.class, () -> dataSource);
		context.registerBean("entityManagerFactory", LocalContainerEntityManagerFactoryBean.class,
				() -> entityManagerFactory(dataSource, userClass, context.getEnvironment(), context.getId()));
		context.registerBean("transactionManager", JpaTransactionManager.class,
				() -> new JpaTransactionManager(context.getBean(EntityManagerFactory.class)));
		context.registerBean("jdbcTemplate", JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
		context.registerBean("namedParameterJdbcTemplate", NamedParameterJdbcTemplate.class,
				() -> new NamedParameterJdbcTemplate(context.getBean(JdbcTemplate.class)));
		context.registerBean("jdbcClient", JdbcClient.class,
				() -> JdbcClient.create(context.getBean(NamedParameterJdbcTemplate.class)));
		// Connections are bound to a schema Pow's migrations create: nothing may connect
		// before they ran.
		context.addBeanFactoryPostProcessor((beanFactory) -> {
			if (beanFactory.containsBeanDefinition(MIGRATIONS_BEAN_NAME)) {
				for (String name : List.of("entityManagerFactory", "jdbcTemplate")) {
					beanFactory.getBeanDefinition(name).setDependsOn(MIGRATIONS_BEAN_NAME);
				}
			}
		});
	}

	private static LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
			String userClass, Environment environment, String unitName) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setPersistenceUnitName(unitName);
		factory.setDataSource(dataSource);
		factory.setManagedTypes(PersistenceManagedTypes.of(userClass));
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		Map<String, Object> properties = new LinkedHashMap<>(Binder.get(environment)
			.bind("spring.jpa.properties", Bindable.mapOf(String.class, Object.class))
			.orElseGet(Map::of));
		// The names Spring Boot maps the application's entities with, so a user entity
		// maps alike in the application and in a realm.
		properties.putIfAbsent("hibernate.physical_naming_strategy",
				"org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
		properties.putIfAbsent("hibernate.implicit_naming_strategy",
				"org.springframework.boot.hibernate.SpringImplicitNamingStrategy");
		// Pow's migrations own the realm's schema.
		properties.put("hibernate.hbm2ddl.auto", "none");
		factory.setJpaPropertyMap(properties);
		return factory;
	}

}
