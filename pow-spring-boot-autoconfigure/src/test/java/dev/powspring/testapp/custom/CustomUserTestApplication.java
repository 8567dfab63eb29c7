package dev.powspring.testapp.custom;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with its own user entity and its own migrations, one of which alters
 * Pow's users table.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CustomUserTestApplication {

}
