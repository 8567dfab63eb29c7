package dev.powspring.testapp.username;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application whose users sign in by user name ({@code pow.user-id-field=username}),
 * with no user entity of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class UsernameTestApplication {

}
