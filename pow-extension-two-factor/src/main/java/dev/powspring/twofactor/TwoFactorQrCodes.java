package dev.powspring.twofactor;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The {@code otpauth://} URI of a secret, as authenticator apps read it, and its QR code,
 * drawn on the server as an SVG image inside a {@code data:} URI: the page makes no
 * request to show it, and the secret goes nowhere else.
 */
public class TwoFactorQrCodes {

	private final String issuer;

	/**
	 * Create an instance.
	 * @param issuer the name apps show above the account, such as the application's
	 */
	public TwoFactorQrCodes(String issuer) {
		this.issuer = issuer;
	}

	/**
	 * Return the key URI of a secret (the format of Google Authenticator's wiki, which
	 * every app reads): SHA-1, six digits, 30 seconds.
	 * @param account the account's name, such as the user's email
	 * @param base32Secret the secret in base32
	 * @return the URI
	 */
	public String uri(String account, String base32Secret) {
		String label = encode(this.issuer) + ":" + encode(account);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(this.issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	/**
	 * Draw a QR code of a text as an SVG image.
	 * @param text the text, such as a key URI
	 * @return a {@code data:image/svg+xml;base64,...} URI
	 */
	public String svgDataUri(String text) {
		BitMatrix matrix;
		try {
			matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Text too long for a QR code", ex);
		}
		int width = matrix.getWidth();
		int height = matrix.getHeight();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
		return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Return what an enrolment page shows of a new secret: {@code secret} (base32, in
	 * groups of four), {@code otpauthUri} and {@code qrCode} (a data URI).
	 * @param account the account's name, such as the user's email
	 * @param secret the secret
	 * @return the model attributes
	 */
	public Map<String, Object> enrolment(String account, byte[] secret) {
		String base32 = Totp.base32(secret);
		String uri = uri(account, base32);
		return Map.of("secret", base32.replaceAll("(.{4})(?!$)", "$1 "), "otpauthUri", uri, "qrCode", svgDataUri(uri));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
