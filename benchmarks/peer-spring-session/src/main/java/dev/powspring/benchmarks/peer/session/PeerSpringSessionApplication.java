package dev.powspring.benchmarks.peer.session;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The peer of the benchmarks' comparison: two tiny pages behind Spring Security's form
 * login, with sessions kept by Spring Session in PostgreSQL ({@code peer.store=jdbc}) or
 * Redis ({@code peer.store=redis}), or by the servlet container itself
 * ({@code peer.store=memory}). Everything else is as Spring Boot sets it up by default.
 */
@SpringBootApplication
public class PeerSpringSessionApplication {

	public static void main(String[] args) {
		SpringApplication.run(PeerSpringSessionApplication.class, args);
	}

}
