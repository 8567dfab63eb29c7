package dev.powspring.benchmarks.peer.pow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Pow's side of the benchmarks' peer comparison: the same two tiny pages as the Spring
 * Security and Spring Session peer, behind Pow's starter alone, with no extension and
 * no Spring Security. The store is Pow's {@code pow.store.type}.
 */
@SpringBootApplication
public class PeerPowApplication {

	public static void main(String[] args) {
		SpringApplication.run(PeerPowApplication.class, args);
	}

}
