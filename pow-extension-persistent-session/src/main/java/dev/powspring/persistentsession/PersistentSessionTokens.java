package dev.powspring.persistentsession;

import java.time.Clock;
import java.time.Duration;

import dev.powspring.session.RenewalTokens;
import dev.powspring.store.PrincipalIndexedPowStore;
import dev.powspring.token.TokenSigner;

/**
 * Remember-me tokens: {@link RenewalTokens} of their own namespace and signature purpose,
 * so that no other kind of token is ever taken for one.
 */
public class PersistentSessionTokens extends RenewalTokens {

	static final String NAMESPACE = "persistent_session";

	private static final String SIGNATURE_PURPOSE = "persistent_session";

	/**
	 * Create an instance.
	 * @param store where the tokens live
	 * @param signer signs tokens before they reach the cookie
	 * @param clock the clock for expiry and grace
	 * @param ttl how long a remembered device stays signed in from its sign-in
	 * @param rotationGrace how long a replaced token keeps working
	 */
	public PersistentSessionTokens(PrincipalIndexedPowStore store, TokenSigner signer, Clock clock, Duration ttl,
			Duration rotationGrace) {
		super(store, signer, clock, NAMESPACE, SIGNATURE_PURPOSE, ttl, rotationGrace);
	}

}
