package dev.powspring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application the benchmarks run: Pow's starter and nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {

}
