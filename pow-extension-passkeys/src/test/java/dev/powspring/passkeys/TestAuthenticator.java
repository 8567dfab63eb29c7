package dev.powspring.passkeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A software authenticator with an EC P-256 key, answering WebAuthn ceremonies as a
 * browser would send them: "none" attestation, clientDataJSON with the given origin, and
 * an ES256 signature over authenticatorData and the hash of clientDataJSON.
 */
public final class TestAuthenticator {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final byte UP = 0x01;

	private static final byte UV = 0x04;

	private static final byte AT = 0x40;

	private final ObjectConverter converter = new ObjectConverter();

	private final KeyPair keyPair;

	private final byte[] credentialId = new byte[16];

	private String origin;

	private String rpId;

	private String userHandle;

	private long counter;

	private boolean userVerified = true;

	public TestAuthenticator(String origin, String rpId) {
		this.origin = origin;
		this.rpId = rpId;
		new SecureRandom().nextBytes(this.credentialId);
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keyPair = generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public TestAuthenticator origin(String origin) {
		this.origin = origin;
		return this;
	}

	public TestAuthenticator rpId(String rpId) {
		this.rpId = rpId;
		return this;
	}

	public TestAuthenticator counter(long counter) {
		this.counter = counter;
		return this;
	}

	public TestAuthenticator userVerified(boolean userVerified) {
		this.userVerified = userVerified;
		return this;
	}

	public String credentialId() {
		return ENCODER.encodeToString(this.credentialId);
	}

	public String userHandle() {
		return this.userHandle;
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	/**
	 * Make a passkey for the options of a registration.
	 * @param optionsJson the server's options
	 * @return the browser's answer, as JSON
	 */
	public String create(String optionsJson) {
		JsonNode options = parse(optionsJson);
		this.userHandle = options.get("user").get("id").asString();
		String challenge = options.get("challenge").asString();
		byte[] clientData = clientData("webauthn.create", challenge);
		AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, this.credentialId,
				EC2COSEKey.create((ECPublicKey) this.keyPair.getPublic(), COSEAlgorithmIdentifier.ES256));
		AuthenticatorData<com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
				sha256(this.rpId.getBytes(StandardCharsets.UTF_8)), flags(AT), this.counter, attested);
		byte[] attestationObject = new AttestationObjectConverter(this.converter)
			.convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", ENCODER.encodeToString(clientData));
		response.put("attestationObject", ENCODER.encodeToString(attestationObject));
		response.put("transports", List.of("internal"));
		return credential(response);
	}

	/**
	 * Sign in for the options of a sign-in, counting the signature counter up when it is
	 * in use.
	 * @param optionsJson the server's options
	 * @return the browser's answer, as JSON
	 */
	public String get(String optionsJson) {
		String challenge = parse(optionsJson).get("challenge").asString();
		if (this.counter > 0) {
			this.counter++;
		}
		return assertion(challenge, this.counter);
	}

	/**
	 * Sign in for a challenge with a counter of the test's choosing.
	 * @param challenge the challenge, base64url
	 * @param counter the signature counter
	 * @return the browser's answer, as JSON
	 */
	public String assertion(String challenge, long counter) {
		byte[] clientData = clientData("webauthn.get", challenge);
		byte[] authenticatorData = new AuthenticatorDataConverter(this.converter).convert(
				new AuthenticatorData<>(sha256(this.rpId.getBytes(StandardCharsets.UTF_8)), flags((byte) 0), counter));
		byte[] signature;
		try {
			Signature signer = Signature.getInstance("SHA256withECDSA");
			signer.initSign(this.keyPair.getPrivate());
			signer.update(authenticatorData);
			signer.update(sha256(clientData));
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", ENCODER.encodeToString(clientData));
		response.put("authenticatorData", ENCODER.encodeToString(authenticatorData));
		response.put("signature", ENCODER.encodeToString(signature));
		response.put("userHandle", this.userHandle);
		return credential(response);
	}

	private byte flags(byte extra) {
		return (byte) (UP | (this.userVerified ? UV : 0) | extra);
	}

	private String credential(Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", credentialId());
		credential.put("rawId", credentialId());
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("clientExtensionResults", Map.of());
		credential.put("authenticatorAttachment", "platform");
		return JSON.writeValueAsString(credential);
	}

	private byte[] clientData(String type, String challenge) {
		Map<String, Object> clientData = new LinkedHashMap<>();
		clientData.put("type", type);
		clientData.put("challenge", challenge);
		clientData.put("origin", this.origin);
		clientData.put("crossOrigin", false);
		return JSON.writeValueAsString(clientData).getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] decode(String base64url) {
		return DECODER.decode(base64url);
	}

	private static byte[] sha256(byte[] value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
