package dev.powspring.user;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A real encoder that counts how often a password is verified, to show that a failed
 * sign-in still pays for one hash.
 */
class CountingPasswordEncoder implements PasswordEncoder {

	private final PasswordEncoder delegate;

	private final AtomicInteger verifications = new AtomicInteger();

	CountingPasswordEncoder(PasswordEncoder delegate) {
		this.delegate = delegate;
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		this.verifications.incrementAndGet();
		return this.delegate.matches(rawPassword, encodedPassword);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	int verifications() {
		return this.verifications.get();
	}

}
