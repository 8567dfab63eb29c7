package dev.powspring.passkeys;

import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionsAuthenticatorOutputs;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.powspring.passkeys.PasskeyChallenges.Ceremony;
import dev.powspring.passkeys.PasskeyChallenges.Issued;
import dev.powspring.passkeys.PasskeyCredentials.StoredPasskey;
import dev.powspring.event.PowAuthEvent;
import dev.powspring.event.PowAuthEventType;
import dev.powspring.event.PowAuthEvents;
import dev.powspring.passkeys.PasskeysProperties.UserVerification;
import dev.powspring.session.SignInMethod;
import dev.powspring.user.PowUser;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Registration and sign-in ceremonies, verified with webauthn4j: the options a browser
 * passes to {@code navigator.credentials.create/get}, and the verification of what it
 * answers. Every ceremony answers a challenge of {@link PasskeyChallenges}, used up
 * whether or not the answer is valid.
 * <p>
 * A signature counter that does not increase (while either the stored or the presented
 * counter is non-zero) hints at a cloned authenticator: the sign-in is refused and a
 * warning logged. Synced passkeys keep their counter at zero and are not affected.
 * <p>
 * A passkey added or removed, and a sign-in answer that fails verification or is
 * throttled, are published as auth events here, for the web and the API alike; a sign-in
 * that succeeds is published by whoever makes its session or tokens.
 */
public class Passkeys {

	private static final Log logger = LogFactory.getLog(Passkeys.class);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final List<COSEAlgorithmIdentifier> ALGORITHMS = List.of(COSEAlgorithmIdentifier.ES256,
			COSEAlgorithmIdentifier.EdDSA, COSEAlgorithmIdentifier.RS256);

	private final PasskeyCredentials credentials;

	private final PasskeyChallenges challenges;

	private final PasskeyRelyingParty relyingParty;

	private final UserVerification userVerification;

	private final Clock clock;

	private final WebAuthnManager manager;

	private final AttestedCredentialDataConverter attestedDataConverter;

	private PowAuthEvents authEvents;

	public Passkeys(PasskeyCredentials credentials, PasskeyChallenges challenges, PasskeyRelyingParty relyingParty,
			UserVerification userVerification, Clock clock) {
		this.credentials = credentials;
		this.challenges = challenges;
		this.relyingParty = relyingParty;
		this.userVerification = userVerification;
		this.clock = clock;
		ObjectConverter converter = new ObjectConverter();
		this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
		this.attestedDataConverter = new AttestedCredentialDataConverter(converter);
	}

	/**
	 * Publish passkeys added and removed, and failed sign-ins, as auth events.
	 * @param authEvents the publisher
	 */
	public void setAuthEvents(PowAuthEvents authEvents) {
		this.authEvents = authEvents;
	}

	/**
	 * Return the options for registering a passkey: a discoverable credential, user
	 * verification as configured, no attestation, none of the user's passkeys again.
	 * @param request the request
	 * @param user the signed-in user
	 * @return the {@code publicKey} options as JSON-ready maps, or empty when the request's
	 * host may not name the relying party
	 */
	public Optional<Map<String, Object>> registrationOptions(HttpServletRequest request, PowUser user) {
		Optional<PasskeyRelyingParty.Settings> party = this.relyingParty.resolve(request);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("rp", Map.of("id", party.get().id(), "name", party.get().name()));
		options.put("user", Map.of("id", this.credentials.userHandle(user.getId()), "name", user.getUserId(),
				"displayName", user.getUserId()));
		options.put("challenge", ENCODER.encodeToString(this.challenges.issue(Ceremony.REGISTRATION, user.getId())));
		options.put("pubKeyCredParams", ALGORITHMS.stream()
			.map((algorithm) -> Map.of("type", "public-key", "alg", algorithm.getValue()))
			.toList());
		options.put("timeout", this.challenges.ttl().toMillis());
		options.put("excludeCredentials", this.credentials.list(user.getId())
			.stream()
			.map((passkey) -> Map.of("type", "public-key", "id", passkey.credentialId()))
			.toList());
		options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
				"userVerification", this.userVerification.value()));
		options.put("attestation", "none");
		return Optional.of(options);
	}

	/**
	 * Verify a new passkey and store it.
	 * @param request the request
	 * @param user the signed-in user
	 * @param credentialJson the browser's {@code PublicKeyCredential}, as JSON with
	 * base64url buffers
	 * @param name what the user calls it
	 * @return the outcome
	 */
	public Registration register(HttpServletRequest request, PowUser user, String credentialJson, String name) {
		Optional<PasskeyRelyingParty.Settings> party = this.relyingParty.resolve(request);
		if (party.isEmpty()) {
			return Registration.UNAVAILABLE;
		}
		RegistrationData data;
		try {
			data = this.manager.parseRegistrationResponseJSON(credentialJson);
		}
		catch (RuntimeException ex) {
			logger.debug("Refused a passkey registration that cannot be parsed", ex);
			return Registration.INVALID;
		}
		byte[] challenge = (data.getCollectedClientData() != null)
				? data.getCollectedClientData().getChallenge().getValue() : null;
		Optional<Issued> issued = this.challenges.consume(challenge, Ceremony.REGISTRATION);
		if (issued.isEmpty() || !user.getId().equals(issued.get().userId())) {
			logger.debug("Refused a passkey registration: its challenge is unknown, used, expired or another user's");
			return Registration.INVALID;
		}
		List<PublicKeyCredentialParameters> algorithms = ALGORITHMS.stream()
			.map((algorithm) -> new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, algorithm))
			.toList();
		try {
			this.manager.verify(data, new RegistrationParameters(serverProperty(party.get(), challenge), algorithms,
					this.userVerification == UserVerification.REQUIRED, true));
		}
		catch (VerificationException ex) {
			logger.debug("Refused a passkey registration: " + ex.getMessage());
			return Registration.INVALID;
		}
		AuthenticatorData<?> authenticatorData = data.getAttestationObject().getAuthenticatorData();
		AttestedCredentialData attested = authenticatorData.getAttestedCredentialData();
		String transports = (data.getTransports() != null) ? data.getTransports()
			.stream()
			.map(AuthenticatorTransport::getValue)
			.sorted()
			.collect(Collectors.joining(",")) : null;
		StoredPasskey passkey = new StoredPasskey(0, user.getId(), ENCODER.encodeToString(attested.getCredentialId()),
				ENCODER.encodeToString(this.attestedDataConverter.convert(attested)), authenticatorData.getSignCount(),
				authenticatorData.isFlagUV(), authenticatorData.isFlagBE(), authenticatorData.isFlagBS(),
				(transports != null && !transports.isEmpty()) ? transports : null, null);
		// The handle the options named; made before the challenge was issued.
		this.credentials.userHandle(user.getId());
		if (!this.credentials.add(user.getId(), passkey, name, this.clock.instant())) {
			return Registration.ALREADY_REGISTERED;
		}
		// The name is the user's text: left out, as every detail is a small fixed value.
		publish(PowAuthEventType.PASSKEY_ADDED, user.getId(), request);
		return Registration.ADDED;
	}

	/**
	 * Remove one of a user's passkeys.
	 * @param request the request
	 * @param user the signed-in user
	 * @param id the passkey's primary key
	 * @return whether the user had it
	 */
	public boolean remove(HttpServletRequest request, PowUser user, long id) {
		if (!this.credentials.remove(user.getId(), id)) {
			return false;
		}
		publish(PowAuthEventType.PASSKEY_REMOVED, user.getId(), request);
		return true;
	}

	/**
	 * Report a sign-in answer the throttle refused before it was verified, as a failed
	 * sign-in of unknown user (reason {@code throttled}).
	 * @param request the request
	 */
	public void throttled(HttpServletRequest request) {
		failed(request, null, PowAuthEvent.THROTTLED);
	}

	/**
	 * Return the options for signing in with a passkey, any of the site's: no allowed
	 * credentials, so the browser offers the discoverable ones it has.
	 * @param request the request
	 * @return the {@code publicKey} options as JSON-ready maps, or empty when the request's
	 * host may not name the relying party
	 */
	public Optional<Map<String, Object>> authenticationOptions(HttpServletRequest request) {
		Optional<PasskeyRelyingParty.Settings> party = this.relyingParty.resolve(request);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Object> options = new LinkedHashMap<>();
		options.put("challenge", ENCODER.encodeToString(this.challenges.issue(Ceremony.AUTHENTICATION, null)));
		options.put("rpId", party.get().id());
		options.put("timeout", this.challenges.ttl().toMillis());
		options.put("userVerification", this.userVerification.value());
		options.put("allowCredentials", List.of());
		return Optional.of(options);
	}

	/**
	 * Return the credential id of a sign-in answer, for throttling before it is verified.
	 * @param credentialJson the browser's answer
	 * @return the credential id, or empty when the answer has none
	 */
	public Optional<String> credentialId(String credentialJson) {
		try {
			AuthenticationData data = this.manager.parseAuthenticationResponseJSON(credentialJson);
			return Optional.ofNullable(data.getCredentialId()).map(ENCODER::encodeToString);
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Verify a passkey sign-in and record the use of the passkey.
	 * @param request the request
	 * @param credentialJson the browser's {@code PublicKeyCredential}, as JSON with
	 * base64url buffers
	 * @return who signed in, or empty when the answer is not valid, which is published as
	 * a failed sign-in (reason {@code bad_credentials}) of the passkey's owner when the
	 * passkey is known
	 */
	public Optional<SignIn> authenticate(HttpServletRequest request, String credentialJson) {
		Optional<PasskeyRelyingParty.Settings> party = this.relyingParty.resolve(request);
		if (party.isEmpty()) {
			return Optional.empty();
		}
		AuthenticationData data;
		try {
			data = this.manager.parseAuthenticationResponseJSON(credentialJson);
		}
		catch (RuntimeException ex) {
			logger.debug("Refused a passkey sign-in that cannot be parsed", ex);
			return badCredentials(request, null);
		}
		byte[] challenge = (data.getCollectedClientData() != null)
				? data.getCollectedClientData().getChallenge().getValue() : null;
		if (this.challenges.consume(challenge, Ceremony.AUTHENTICATION).isEmpty()) {
			logger.debug("Refused a passkey sign-in: its challenge is unknown, used or expired");
			return badCredentials(request, null);
		}
		if (data.getCredentialId() == null) {
			return badCredentials(request, null);
		}
		Optional<StoredPasskey> stored = this.credentials.find(ENCODER.encodeToString(data.getCredentialId()));
		if (stored.isEmpty()) {
			logger.debug("Refused a passkey sign-in: the passkey is not registered");
			return badCredentials(request, null);
		}
		StoredPasskey passkey = stored.get();
		if (data.getUserHandle() != null && !Arrays.equals(data.getUserHandle(), decode(passkey.userHandle()))) {
			logger.debug("Refused a passkey sign-in: the user handle is not the passkey's owner's");
			return badCredentials(request, passkey.userId());
		}
		try {
			this.manager.verify(data, new AuthenticationParameters(serverProperty(party.get(), challenge),
					record(passkey), List.of(data.getCredentialId()), this.userVerification == UserVerification.REQUIRED,
					true));
		}
		catch (MaliciousCounterValueException ex) {
			logger.warn("Refused a passkey sign-in of user " + passkey.userId() + ": the signature counter of passkey "
					+ passkey.id() + " did not increase (stored " + passkey.signCount() + ", presented "
					+ data.getAuthenticatorData().getSignCount() + "); the authenticator may have been cloned");
			return badCredentials(request, passkey.userId());
		}
		catch (VerificationException ex) {
			logger.debug("Refused a passkey sign-in: " + ex.getMessage());
			return badCredentials(request, passkey.userId());
		}
		AuthenticatorData<?> authenticatorData = data.getAuthenticatorData();
		this.credentials.recordUse(passkey.id(), authenticatorData.getSignCount(),
				passkey.uvInitialized() || authenticatorData.isFlagUV(), authenticatorData.isFlagBS(),
				this.clock.instant());
		return Optional.of(new SignIn(passkey.userId(), authenticatorData.isFlagUV()));
	}

	// The owner is named when the passkey is known: operators see attacks on an account.
	private Optional<SignIn> badCredentials(HttpServletRequest request, Long userId) {
		failed(request, userId, PowAuthEvent.BAD_CREDENTIALS);
		return Optional.empty();
	}

	private void failed(HttpServletRequest request, Long userId, String reason) {
		if (this.authEvents != null) {
			this.authEvents.of(PowAuthEventType.SIGN_IN_FAILED, userId)
				.detail(PowAuthEvent.METHOD, SignInMethod.PASSKEY.name())
				.detail(PowAuthEvent.REASON, reason)
				.publish(request);
		}
	}

	private void publish(PowAuthEventType type, Long userId, HttpServletRequest request) {
		if (this.authEvents != null) {
			this.authEvents.of(type, userId).publish(request);
		}
	}

	private CredentialRecordImpl record(StoredPasskey passkey) {
		AttestedCredentialData attested = this.attestedDataConverter.convert(decode(passkey.attestedCredentialData()));
		Set<AuthenticatorTransport> transports = (passkey.transports() != null)
				? Arrays.stream(passkey.transports().split(","))
					.map(AuthenticatorTransport::create)
					.collect(Collectors.toSet())
				: null;
		return new CredentialRecordImpl(new NoneAttestationStatement(), passkey.uvInitialized(),
				passkey.backupEligible(), passkey.backedUp(), passkey.signCount(), attested,
				new AuthenticationExtensionsAuthenticatorOutputs<>(), null, null, transports);
	}

	private static ServerProperty serverProperty(PasskeyRelyingParty.Settings party, byte[] challenge) {
		return new ServerProperty(party.origins().stream().map(Origin::new).collect(Collectors.toSet()), party.id(),
				new DefaultChallenge(challenge));
	}

	private static byte[] decode(String base64url) {
		return DECODER.decode(base64url);
	}

	/**
	 * The outcome of a registration.
	 */
	public enum Registration {

		/** The passkey was stored. */
		ADDED,

		/** The passkey is registered already. */
		ALREADY_REGISTERED,

		/** The answer was malformed, for another challenge, origin or RP ID, or not signed. */
		INVALID,

		/** The request's host may not name the relying party. */
		UNAVAILABLE

	}

	/**
	 * A verified passkey sign-in.
	 *
	 * @param userId the passkey's owner
	 * @param userVerified whether the authenticator verified the user (PIN, biometrics),
	 * which makes the sign-in multi-factor
	 */
	public record SignIn(Long userId, boolean userVerified) {

	}

}
