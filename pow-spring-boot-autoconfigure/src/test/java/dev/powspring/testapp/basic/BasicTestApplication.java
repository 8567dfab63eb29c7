package dev.powspring.testapp.basic;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with no user entity of its own: Pow maps its default one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BasicTestApplication {

}
